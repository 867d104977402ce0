package ai.worldforge.provider.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.worldforge.error.ProviderException;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.model.GenerationOptions;
import ai.worldforge.model.VideoClip;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpAssetsTest {
    @TempDir
    Path dir;

    @Test
    void urlsAndDataUrisPassThrough() {
        for (String value : List.of("http://x/y.png", "https://example.com/seed.png", "data:image/png;base64,AA==")) {
            assertThat(HttpAssets.assetToUri(value, "image/png")).isEqualTo(value);
        }
    }

    @Test
    void localFilesBecomeDataUrisWithAGuessedType() throws Exception {
        Path png = Files.write(dir.resolve("seed.PNG"), new byte[] {1, 2, 3});
        Path unknown = Files.write(dir.resolve("clip.bin"), "abc".getBytes(StandardCharsets.UTF_8));

        assertThat(HttpAssets.assetToUri(png.toString(), "video/mp4")).isEqualTo("data:image/png;base64,AQID");
        assertThat(HttpAssets.assetToUri(unknown.toString(), "video/mp4")).isEqualTo("data:video/mp4;base64,YWJj");
    }

    @Test
    void missingDirectoryAndUnreadablePathsFail() {
        Path missing = dir.resolve("missing.png");
        assertThatThrownBy(() -> HttpAssets.assetToUri(missing.toString(), "image/png"))
                .isInstanceOf(ProviderException.class)
                .hasMessage("Local asset path does not exist: " + missing.toAbsolutePath());
        assertThatThrownBy(() -> HttpAssets.assetToUri(dir.toString(), "image/png"))
                .hasMessageStartingWith("Local asset path is not a file: ");
        assertThatThrownBy(() -> HttpAssets.assetToUri("bad\u0000name", "image/png"))
                .hasMessageStartingWith("Could not read local asset ");
    }

    @Test
    void clipDataUriUsesTheClipContentType() {
        VideoClip clip = new VideoClip(
                List.of("ab".getBytes(StandardCharsets.UTF_8), "c".getBytes(StandardCharsets.UTF_8)),
                24.0,
                8,
                8,
                1.0,
                JsonObject.of("content_type", JsonString.of("video/mp4")));
        assertThat(HttpAssets.clipToDataUri(clip)).isEqualTo("data:video/mp4;base64,YWJj");
        VideoClip plain = new VideoClip(List.of(new byte[] {0}), 24.0, 8, 8, 1.0, JsonObject.EMPTY);
        assertThat(HttpAssets.clipToDataUri(plain)).isEqualTo("data:application/octet-stream;base64,AA==");
    }

    @Test
    void sizeRatioAndFallback() {
        assertThat(HttpAssets.parseSize(null, 1280, 720)).isEqualTo(new HttpAssets.OutputSize(1280, 720));
        assertThat(HttpAssets.parseSize(
                        GenerationOptions.builder().size("640X360").build(), 1, 1))
                .isEqualTo(new HttpAssets.OutputSize(640, 360));
        assertThat(HttpAssets.parseSize(
                        GenerationOptions.builder().size(" 6_40 x +360 ").build(), 1, 1))
                .isEqualTo(new HttpAssets.OutputSize(640, 360));
        assertThat(HttpAssets.parseSize(
                        GenerationOptions.builder().ratio("1280:768").size("").build(), 1, 1))
                .isEqualTo(new HttpAssets.OutputSize(1280, 768));
        assertThat(HttpAssets.parseSize(
                        GenerationOptions.builder().ratio("16:9").size("8x8").build(), 1, 1))
                .isEqualTo(new HttpAssets.OutputSize(8, 8));
    }

    @Test
    void badSizesFailWithTheReferenceMessages() {
        assertThatThrownBy(() -> HttpAssets.parseSize(
                        GenerationOptions.builder().size("640*360").build(), 1, 1))
                .hasMessage("Invalid size '640*360'. Expected format WIDTHxHEIGHT.");
        assertThatThrownBy(() -> HttpAssets.parseSize(
                        GenerationOptions.builder().size("640x360x2").build(), 1, 1))
                .hasMessage("Invalid size '640x360x2'. Expected format WIDTHxHEIGHT.");
        assertThatThrownBy(() -> HttpAssets.parseSize(
                        GenerationOptions.builder().ratio("wide").build(), 1, 1))
                .hasMessage("Invalid ratio 'wide'. Expected format WIDTH:HEIGHT.");
        assertThatThrownBy(() -> HttpAssets.parseSize(
                        GenerationOptions.builder().size("0x360").build(), 1, 1))
                .hasMessage("Output size values must be greater than 0.");
        assertThatThrownBy(() -> HttpAssets.parseSize(null, -1, 720))
                .hasMessage("Output size values must be greater than 0.");
    }
}
