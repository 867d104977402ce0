package ai.worldforge.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Atomic writes leave one complete file with the default mode and no temporary files. */
class AtomicTextFilesTest {
    @TempDir
    Path dir;

    /** The mode a plain new file gets here: 0666 filtered by this process's umask. */
    private Set<PosixFilePermission> defaultMode() throws Exception {
        Path plain = Files.createFile(dir.resolve("plain"));
        return Files.getPosixFilePermissions(plain);
    }

    @Test
    void newAndReplacedFilesGetTheUmaskDefaultModeNotOwnerOnly() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Set<PosixFilePermission> expected = defaultMode();
        Path target = dir.resolve("report.json");
        AtomicTextFiles.write(target, "{}\n");
        assertThat(Files.readString(target)).isEqualTo("{}\n");
        assertThat(Files.getPosixFilePermissions(target)).isEqualTo(expected);

        // Replacing a file whose mode was narrowed by hand gives the default mode again.
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-------"));
        AtomicTextFiles.write(target, "{\"a\":1}\n");
        assertThat(Files.readString(target)).isEqualTo("{\"a\":1}\n");
        assertThat(Files.getPosixFilePermissions(target)).isEqualTo(expected);
    }

    @Test
    void parentsAreCreatedAndNoTemporaryFileRemains() throws Exception {
        Path target = dir.resolve("a/b/out.md");
        AtomicTextFiles.writeCreatingParents(target, "# x\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(Files.readString(target)).isEqualTo("# x\n");
        try (Stream<Path> files = Files.list(target.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("out.md");
        }
    }
}
