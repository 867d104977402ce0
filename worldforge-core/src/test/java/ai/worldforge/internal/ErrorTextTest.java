package ai.worldforge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.nio.charset.MalformedInputException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorTextTest {
    @Test
    void fileSystemErrorsNameTheReasonAndThePath() {
        assertThat(ErrorText.describe(new AccessDeniedException("/data/w.json")))
                .isEqualTo("Permission denied: /data/w.json");
        assertThat(ErrorText.describe(new NoSuchFileException("in.json")))
                .isEqualTo("No such file or directory: in.json");
        assertThat(ErrorText.describe(new FileAlreadyExistsException("out"))).isEqualTo("File exists: out");
        assertThat(ErrorText.describe(new DirectoryNotEmptyException("d"))).isEqualTo("Directory not empty: d");
        assertThat(ErrorText.describe(new NotDirectoryException("f"))).isEqualTo("Not a directory: f");
        assertThat(ErrorText.describe(new FileSystemException("/ro/x", null, "Read-only file system")))
                .isEqualTo("Read-only file system: /ro/x");
        // Wrapped, as commands rethrow them.
        assertThat(ErrorText.describe(new UncheckedIOException(new AccessDeniedException("/data"))))
                .isEqualTo("Permission denied: /data");
    }

    @Test
    void decodingAndNetworkFailuresArePhrasesNotClassNames() {
        assertThat(ErrorText.describe(new MalformedInputException(1)))
                .isEqualTo("the file is not UTF-8 text (is it a binary file?)");
        assertThat(ErrorText.describe(new ConnectException())).isEqualTo("connection refused");
        assertThat(ErrorText.describe(new ConnectException("Connection refused")))
                .isEqualTo("connection refused");
        assertThat(ErrorText.describe(new IOException(new ConnectException()))).isEqualTo("connection refused");
        assertThat(ErrorText.describe(new HttpConnectTimeoutException("HTTP connect timed out")))
                .isEqualTo("connection timed out");
        assertThat(ErrorText.describe(new UnknownHostException("cosmos.invalid")))
                .isEqualTo("unknown host cosmos.invalid");
    }

    @Test
    void otherwiseTheMessageOrAKindButNeverTheType() {
        assertThat(ErrorText.describe(new IllegalStateException("bad state"))).isEqualTo("bad state");
        assertThat(ErrorText.describe(new RuntimeException(new IllegalArgumentException("inner"))))
                .isEqualTo("inner");
        for (Throwable silent : List.of(new IOException(), new RuntimeException(), new NullPointerException())) {
            assertThat(ErrorText.describe(silent))
                    .doesNotContain("Exception")
                    .isIn("input/output error", "unexpected internal error");
        }
    }

    @Test
    void permissionFailuresAreFoundThroughCauses() {
        assertThat(ErrorText.isPermissionDenied(new UncheckedIOException(new AccessDeniedException("x"))))
                .isTrue();
        assertThat(ErrorText.isPermissionDenied(new IOException("x"))).isFalse();
    }
}
