package ai.worldforge.json;

import static org.assertj.core.api.Assertions.assertThat;

import ai.worldforge.benchmark.BenchmarkBudget;
import ai.worldforge.benchmark.BenchmarkInputs;
import ai.worldforge.config.ConfigProfile;
import ai.worldforge.error.WorldForgeException;
import ai.worldforge.evaluation.DatasetManifest;
import ai.worldforge.event.ProviderEvent;
import ai.worldforge.provider.RuntimeManifest;
import ai.worldforge.runs.RunIndex;
import ai.worldforge.runs.RunWorkspaces;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The class of inputs behind issue 14 item 7: every file or payload users hand to WorldForge may
 * nest as deep as the parser allows ({@link Json#MAX_DEPTH}) in any field, and deeper documents are
 * refused. Each reader must then end in a value or a {@link WorldForgeException} — never a {@code
 * StackOverflowError} — on a thread with half the JVM's default stack.
 */
class DeepInputFilesTest {
    @TempDir
    static Path dir;

    /** {@code {"k":{"k":…1…}}} nesting {@code depth} objects. */
    static JsonObject deep(int depth) {
        JsonValue value = JsonInt.of(1);
        for (int i = 0; i < depth; i++) {
            value = JsonObject.of("k", value);
        }
        return (JsonObject) value;
    }

    static Path file(String name, String text) throws Exception {
        Path path = dir.resolve(name);
        Files.writeString(path, text);
        return path;
    }

    static String deepText(int depth) {
        return "{\"k\":".repeat(depth) + "1" + "}".repeat(depth);
    }

    static Stream<Arguments> readers() throws Exception {
        int room = Json.MAX_DEPTH - 4;
        Path runs = dir.resolve("workspace");
        Path run = runs.resolve("runs").resolve("20260101T000000Z-deep");
        Files.createDirectories(run);
        Files.writeString(
                run.resolve("run_manifest.json"),
                "{\"schema_version\":1,\"run_id\":\"20260101T000000Z-deep\"," + "\"metadata\":" + deepText(room) + "}");
        Path tooDeepRun = runs.resolve("runs").resolve("20260101T000001Z-deeper");
        Files.createDirectories(tooDeepRun);
        Files.writeString(tooDeepRun.resolve("run_manifest.json"), deepText(Json.MAX_DEPTH + 500));
        return Stream.of(
                Arguments.of("benchmark inputs", (Consumer<Path>) root -> BenchmarkInputs.fromJson(
                        JsonObject.of("inputs", JsonObject.of("prediction_action", deep(room)), "metadata", deep(room)),
                        root)),
                Arguments.of("benchmark budget", (Consumer<Path>) root -> BenchmarkBudget.parseAll(JsonObject.of(
                        "budgets",
                        JsonArray.of(JsonObject.of("provider", JsonString.of("mock"), "extra", deep(room)))))),
                Arguments.of("dataset manifest", (Consumer<Path>) root -> {
                    try {
                        DatasetManifest.load(file("manifest.json", "{\"metadata\":" + deepText(room) + "}"), root);
                    } catch (Exception e) {
                        throw rethrow(e);
                    }
                }),
                Arguments.of("dataset manifest too deep", (Consumer<Path>) root -> {
                    try {
                        DatasetManifest.load(file("deeper.json", deepText(Json.MAX_DEPTH + 5_000)), root);
                    } catch (Exception e) {
                        throw rethrow(e);
                    }
                }),
                Arguments.of("configuration profile", (Consumer<Path>) root -> {
                    try {
                        ConfigProfile.load(file("profile.json", "{\"schema_version\":1,\"x\":" + deepText(room) + "}"));
                    } catch (Exception e) {
                        throw rethrow(e);
                    }
                }),
                Arguments.of("runtime manifest", (Consumer<Path>) root -> {
                    try {
                        RuntimeManifest.read(file("runtime.json", "{\"provider\":" + deepText(room) + "}"));
                    } catch (Exception e) {
                        throw rethrow(e);
                    }
                }),
                Arguments.of("run workspaces", (Consumer<Path>) root -> RunWorkspaces.list(runs)),
                Arguments.of("run index", (Consumer<Path>)
                        root -> RunIndex.build(runs, Optional.empty(), java.time.Clock.systemUTC())),
                Arguments.of("provider event metadata", (Consumer<Path>)
                        root -> ProviderEvent.builder("mock", "predict", "success")
                                .metadata(deep(room))
                                .build()
                                .toJson()
                                .toString()));
    }

    @SuppressWarnings("unchecked")
    static <T extends Throwable> RuntimeException rethrow(Throwable t) throws T {
        throw (T) t;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readers")
    void deepInputEndsInAValueOrATypedError(String name, Consumer<Path> reader) throws Throwable {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = new Thread(
                null,
                () -> {
                    try {
                        reader.accept(dir);
                    } catch (WorldForgeException expected) {
                        // a clear refusal is fine
                    } catch (Throwable t) {
                        failure.set(t);
                    }
                },
                "small-stack",
                JsonDepthTest.SMALL_STACK);
        thread.start();
        thread.join();
        assertThat(Optional.ofNullable(failure.get())).as(name).isEmpty();
    }
}
