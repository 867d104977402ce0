package ai.worldforge.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.worldforge.error.WorldForgeException;
import ai.worldforge.json.Json;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonFloat;
import ai.worldforge.json.JsonNull;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonValue;
import ai.worldforge.model.VideoClip;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** §6.1: defaults, parsing and every input message. */
class BenchmarkInputsTest {
    @TempDir
    Path dir;

    private BenchmarkInputs parse(String json) {
        return BenchmarkInputs.fromJson(Json.parse(json), dir);
    }

    @Test
    void defaultsAreTheReferenceValuesVerbatim() {
        BenchmarkInputs inputs = BenchmarkInputs.defaults();
        JsonObject json = inputs.toJson();
        assertThat(json.keys())
                .containsExactly(
                        "prediction_action",
                        "prediction_steps",
                        "reason_query",
                        "generation_prompt",
                        "generation_duration_seconds",
                        "transfer_prompt",
                        "transfer_width",
                        "transfer_height",
                        "transfer_fps",
                        "transfer_clip",
                        "embedding_text",
                        "score_info",
                        "score_action_candidates",
                        "policy_info");
        assertThat(json.get("prediction_action").toCanonicalJson())
                .isEqualTo(ai.worldforge.model.Action.moveTo(0.25, 0.5, 0.0).toCanonicalJson());
        assertThat(inputs.predictionSteps()).isEqualTo(2);
        assertThat(inputs.reasonQuery()).isEqualTo("How many objects are tracked?");
        assertThat(inputs.generationPrompt()).isEqualTo("benchmark orbiting cube");
        assertThat(inputs.generationDurationSeconds()).isEqualTo(1.0);
        assertThat(inputs.transferPrompt()).isEqualTo("benchmark transfer rerender");
        assertThat(inputs.transferWidth()).isEqualTo(320);
        assertThat(inputs.transferHeight()).isEqualTo(180);
        assertThat(inputs.transferFps()).isEqualTo(12.0);
        assertThat(inputs.embeddingText()).isEqualTo("benchmark cube state");
        assertThat(json.get("transfer_clip").toCanonicalJson())
                .isEqualTo("{\"content_type\":\"video/mp4\",\"duration_seconds\":1.0,\"fps\":8.0,\"frame_count\":1,"
                        + "\"metadata\":{\"content_type\":\"video/mp4\",\"mode\":\"benchmark-seed\","
                        + "\"provider\":\"worldforge\"},\"resolution\":[160,90]}");
        assertThat(new String(inputs.transferClip().frame(0), StandardCharsets.US_ASCII))
                .isEqualTo("worldforge-benchmark-transfer-seed");
        assertThat(json.get("score_info").toCanonicalJson())
                .isEqualTo("{\"action\":[[[0.0,0.5,0.0]]],\"goal\":[[[0.3,0.5,0.0]]],"
                        + "\"metadata\":{\"mode\":\"benchmark-score\"},\"pixels\":[[[[0.0],[0.1]],[[0.2],[0.3]]]]}");
        assertThat(json.get("score_action_candidates").toCanonicalJson())
                .isEqualTo("[[[[0.0,0.5,0.0],[0.1,0.5,0.0]],[[0.0,0.5,0.0],[0.3,0.5,0.0]]]]");
        assertThat(json.get("policy_info").toCanonicalJson())
                .isEqualTo("{\"action_horizon\":2,\"embodiment_tag\":\"benchmark\",\"mode\":\"select_action\","
                        + "\"observation\":{\"language\":\"move the cube toward the target\","
                        + "\"state\":{\"cube\":[0.0,0.5,0.0],\"mug\":[0.25,0.8,0.0]}},"
                        + "\"options\":{\"temperature\":0.0}}");
    }

    @Test
    void parsesTheWrappedFixturePayload() {
        BenchmarkInputs inputs = parse("{\"metadata\":{\"fixture\":\"unit\"},\"inputs\":{"
                + "\"prediction_action\":{\"type\":\"move_to\",\"parameters\":{\"target\":{\"x\":0.4,\"y\":0.5,"
                + "\"z\":0.0},\"speed\":0.75,\"object_id\":\"cube\"}},"
                + "\"prediction_steps\":3,\"embedding_text\":\" fixture embedding \","
                + "\"score_info\":{\"observation\":[[0.0]],\"goal\":[[1.0]]},"
                + "\"score_action_candidates\":[[[[0.0]],[[1.0]]]],"
                + "\"policy_info\":{\"observation\":{\"language\":\"fixture\"},\"mode\":\"select_action\"}}}");
        assertThat(inputs.predictionAction().parameters().get("object_id").toCanonicalJson())
                .isEqualTo("\"cube\"");
        assertThat(inputs.predictionSteps()).isEqualTo(3);
        assertThat(inputs.embeddingText()).isEqualTo("fixture embedding");
        assertThat(inputs.scoreInfo().get("goal").toCanonicalJson()).isEqualTo("[[1.0]]");
        assertThat(inputs.scoreActionCandidates().toCanonicalJson()).isEqualTo("[[[[0.0]],[[1.0]]]]");
        assertThat(inputs.policyInfo().get("mode").toCanonicalJson()).isEqualTo("\"select_action\"");
        // Untouched fields keep their defaults.
        assertThat(inputs.reasonQuery()).isEqualTo("How many objects are tracked?");
    }

    @Test
    void parsesFlatScalarFields() {
        BenchmarkInputs inputs = parse("{\"reason_query\":\"q\",\"generation_prompt\":\"g\","
                + "\"generation_duration_seconds\":2,\"transfer_prompt\":\"t\",\"transfer_width\":64,"
                + "\"transfer_height\":32,\"transfer_fps\":24}");
        assertThat(inputs.reasonQuery()).isEqualTo("q");
        assertThat(inputs.generationPrompt()).isEqualTo("g");
        assertThat(inputs.generationDurationSeconds()).isEqualTo(2.0);
        assertThat(inputs.toJson().get("generation_duration_seconds")).isEqualTo(JsonFloat.of(2.0));
        assertThat(inputs.transferPrompt()).isEqualTo("t");
        assertThat(inputs.transferWidth()).isEqualTo(64);
        assertThat(inputs.transferHeight()).isEqualTo(32);
        assertThat(inputs.transferFps()).isEqualTo(24.0);
    }

    static Stream<Arguments> invalidPayloads() {
        return Stream.of(
                Arguments.of("\"not an object\"", "Benchmark input payload must be a JSON object."),
                Arguments.of("[]", "Benchmark input payload must be a JSON object."),
                Arguments.of("{}", "Benchmark input payload must contain at least one input field."),
                Arguments.of(
                        "{\"inputs\":{},\"extra\":true,\"another\":1}",
                        "Unknown benchmark input wrapper fields: another, extra."),
                Arguments.of("{\"inputs\":[]}", "Benchmark input payload must be a JSON object."),
                Arguments.of("{\"inputs\":{}}", "Benchmark input payload must contain at least one input field."),
                Arguments.of("{\"unknown\":true,\"b\":1}", "Unknown benchmark input fields: b, unknown."),
                Arguments.of("{\"prediction_action\":[]}", "prediction_action must be a JSON object."),
                Arguments.of("{\"prediction_steps\":0}", "prediction_steps must be an integer greater than 0."),
                Arguments.of("{\"prediction_steps\":true}", "prediction_steps must be an integer greater than 0."),
                Arguments.of("{\"prediction_steps\":1.5}", "prediction_steps must be an integer greater than 0."),
                Arguments.of("{\"reason_query\":\"  \"}", "reason_query must be a non-empty string."),
                Arguments.of("{\"generation_prompt\":3}", "generation_prompt must be a non-empty string."),
                Arguments.of(
                        "{\"generation_duration_seconds\":0}", "generation_duration_seconds must be greater than 0."),
                Arguments.of(
                        "{\"generation_duration_seconds\":\"1\"}",
                        "generation_duration_seconds must be a finite number."),
                Arguments.of("{\"transfer_prompt\":\"\"}", "transfer_prompt must be a non-empty string."),
                Arguments.of("{\"transfer_width\":false}", "transfer_width must be an integer greater than 0."),
                Arguments.of("{\"transfer_height\":-1}", "transfer_height must be an integer greater than 0."),
                Arguments.of("{\"transfer_fps\":-2.0}", "transfer_fps must be greater than 0."),
                Arguments.of("{\"embedding_text\":\"\"}", "embedding_text must be a non-empty string."),
                Arguments.of("{\"score_info\":[]}", "score_info must be a non-empty JSON object."),
                Arguments.of("{\"score_info\":{}}", "score_info must be a non-empty JSON object."),
                Arguments.of("{\"score_action_candidates\":null}", "score_action_candidates must not be None."),
                Arguments.of("{\"policy_info\":[]}", "policy_info must be a non-empty JSON object."),
                Arguments.of("{\"transfer_clip\":[]}", "transfer_clip must be a JSON object."),
                Arguments.of(
                        "{\"transfer_clip\":{\"frames_base64\":[\"AA==\"],\"z\":1,\"a\":2}}",
                        "Unknown transfer_clip fields: a, z."),
                Arguments.of(
                        "{\"transfer_clip\":{\"frames_base64\":[\"AA==\"],\"fps\":0}}",
                        "transfer_clip fps must be greater than 0."),
                Arguments.of(
                        "{\"transfer_clip\":{\"frames_base64\":[\"AA==\"],\"resolution\":[1]}}",
                        "transfer_clip resolution must contain integer width and height."),
                Arguments.of(
                        "{\"transfer_clip\":{\"frames_base64\":[\"AA==\"],\"resolution\":[1,true]}}",
                        "transfer_clip resolution must contain integer width and height."),
                Arguments.of(
                        "{\"transfer_clip\":{\"frames_base64\":[\"AA==\"],\"resolution\":[0,9]}}",
                        "transfer_clip resolution values must be greater than 0."),
                Arguments.of(
                        "{\"transfer_clip\":{\"frames_base64\":[\"AA==\"],\"duration_seconds\":-1}}",
                        "transfer_clip duration_seconds must be greater than or equal to 0."),
                Arguments.of(
                        "{\"transfer_clip\":{\"frames_base64\":[\"AA==\"],\"duration_seconds\":\"x\"}}",
                        "transfer_clip duration_seconds must be a finite number."),
                Arguments.of(
                        "{\"transfer_clip\":{\"frames_base64\":[\"AA==\"],\"metadata\":[]}}",
                        "transfer_clip metadata must be a JSON object."),
                Arguments.of(
                        "{\"transfer_clip\":{}}",
                        "transfer_clip must provide exactly one of 'path' or 'frames_base64'."),
                Arguments.of(
                        "{\"transfer_clip\":{\"path\":\"a.mp4\",\"frames_base64\":[\"AA==\"]}}",
                        "transfer_clip must provide exactly one of 'path' or 'frames_base64'."),
                Arguments.of("{\"transfer_clip\":{\"path\":\" \"}}", "transfer_clip path must be a non-empty string."),
                Arguments.of(
                        "{\"transfer_clip\":{\"frames_base64\":[]}}",
                        "transfer_clip frames_base64 must be a non-empty list of base64 strings."),
                Arguments.of(
                        "{\"transfer_clip\":{\"frames_base64\":\"AA==\"}}",
                        "transfer_clip frames_base64 must be a non-empty list of base64 strings."),
                Arguments.of(
                        "{\"transfer_clip\":{\"frames_base64\":[\"AA==\",\"\"]}}",
                        "transfer_clip frames_base64[1] must be a non-empty base64 string."),
                Arguments.of(
                        "{\"transfer_clip\":{\"frames_base64\":[\"not base64!\"]}}",
                        "transfer_clip frames_base64[0] must contain valid base64 bytes."));
    }

    @ParameterizedTest
    @MethodSource("invalidPayloads")
    void rejectsInvalidPayloads(String payload, String message) {
        assertThatThrownBy(() -> parse(payload))
                .isInstanceOf(WorldForgeException.class)
                .hasMessage(message);
    }

    @Test
    void transferClipFromBase64Frames() {
        BenchmarkInputs inputs = parse("{\"transfer_clip\":{\"frames_base64\":[\"aGVsbG8=\",\"d29ybGQ=\"],"
                + "\"fps\":4,\"resolution\":[32,16],\"duration_seconds\":0,\"metadata\":{\"k\":\"v\"}}}");
        VideoClip clip = inputs.transferClip();
        assertThat(clip.frameCount()).isEqualTo(2);
        assertThat(new String(clip.frame(1), StandardCharsets.US_ASCII)).isEqualTo("world");
        assertThat(clip.fps()).isEqualTo(4.0);
        assertThat(clip.width()).isEqualTo(32);
        assertThat(clip.height()).isEqualTo(16);
        assertThat(clip.durationSeconds()).isZero();
        assertThat(clip.metadata().toCanonicalJson()).isEqualTo("{\"k\":\"v\"}");
    }

    @Test
    void transferClipPathResolvesAgainstTheBaseDirectory() throws Exception {
        Files.createDirectories(dir.resolve("media"));
        Files.write(dir.resolve("media/seed.mp4"), new byte[] {1, 2, 3});
        BenchmarkInputs inputs = parse("{\"transfer_clip\":{\"path\":\"media/seed.mp4\",\"metadata\":{\"k\":1}}}");
        VideoClip clip = inputs.transferClip();
        assertThat(clip.frame(0)).containsExactly(1, 2, 3);
        assertThat(clip.fps()).isEqualTo(8.0);
        assertThat(clip.width()).isEqualTo(160);
        assertThat(clip.height()).isEqualTo(90);
        assertThat(clip.durationSeconds()).isEqualTo(1.0);
        assertThat(clip.contentType()).isEqualTo("video/mp4");
        assertThat(clip.metadata().get("k").toCanonicalJson()).isEqualTo("1");

        Path absolute = dir.resolve("media/seed.mp4").toAbsolutePath();
        BenchmarkInputs fromAbsolute = BenchmarkInputs.fromJson(
                Json.parse("{\"transfer_clip\":{\"path\":"
                        + Json.write(ai.worldforge.json.JsonString.of(absolute.toString())) + "}}"),
                dir.resolve("elsewhere"));
        assertThat(fromAbsolute.transferClip().frame(0)).containsExactly(1, 2, 3);

        assertThatThrownBy(() -> parse("{\"transfer_clip\":{\"path\":\"missing.mp4\"}}"))
                .isInstanceOf(WorldForgeException.class)
                .hasMessageStartingWith("Video clip source does not exist: ");
    }

    @Test
    void builderValidatesLikeTheReferenceConstructor() {
        assertThatThrownBy(() -> BenchmarkInputs.builder().embeddingText("").build())
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("embedding_text must be a non-empty string.");
        assertThatThrownBy(() ->
                        BenchmarkInputs.builder().scoreInfo(JsonObject.EMPTY).build())
                .hasMessage("score_info must be a non-empty JSON object.");
        assertThatThrownBy(() -> BenchmarkInputs.builder()
                        .scoreInfo(JsonObject.of("bad", JsonFloat.of(Double.NaN)))
                        .build())
                .hasMessage("Payload must be JSON serializable and contain only finite numbers.");
        assertThatThrownBy(() -> BenchmarkInputs.builder()
                        .scoreActionCandidates(JsonNull.INSTANCE)
                        .build())
                .hasMessage("score_action_candidates must not be None.");
        assertThatThrownBy(() -> BenchmarkInputs.builder()
                        .scoreActionCandidates(JsonArray.of(JsonFloat.of(Double.NaN)))
                        .build())
                .hasMessage("Payload must be JSON serializable and contain only finite numbers.");
        assertThatThrownBy(() ->
                        BenchmarkInputs.builder().policyInfo(JsonObject.EMPTY).build())
                .hasMessage("policy_info must be a non-empty JSON object.");
        assertThatThrownBy(() -> BenchmarkInputs.builder().predictionSteps(0).build())
                .hasMessage("prediction_steps must be an integer greater than 0.");
        assertThatThrownBy(() -> BenchmarkInputs.builder()
                        .generationDurationSeconds(Double.NaN)
                        .build())
                .hasMessage("generation_duration_seconds must be a finite number.");
        assertThatThrownBy(() -> BenchmarkInputs.builder().transferWidth(0).build())
                .hasMessage("transfer_width must be an integer greater than 0.");
        assertThatThrownBy(() -> BenchmarkInputs.builder().transferFps(0).build())
                .hasMessage("transfer_fps must be greater than 0.");
        assertThat(BenchmarkInputs.builder().reasonQuery("  q  ").build().reasonQuery())
                .isEqualTo("q");
        // Python's strip() also removes a no-break space, which Java's String.strip() keeps.
        assertThat(BenchmarkInputs.builder()
                        .reasonQuery("\u00a0q\u00a0")
                        .build()
                        .reasonQuery())
                .isEqualTo("q");
        assertThatThrownBy(() -> BenchmarkInputs.builder().reasonQuery("\u00a0").build())
                .hasMessage("reason_query must be a non-empty string.");
    }

    @Test
    void scoreCandidatesAcceptAnyFiniteJson() {
        JsonValue candidates = Json.parse("{\"plans\":[1,2]}");
        assertThat(BenchmarkInputs.builder()
                        .scoreActionCandidates(candidates)
                        .build()
                        .toJson()
                        .get("score_action_candidates"))
                .isEqualTo(candidates);
    }
}
