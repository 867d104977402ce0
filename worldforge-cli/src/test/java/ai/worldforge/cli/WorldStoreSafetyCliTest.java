package ai.worldforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.worldforge.cli.CliRunner.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 14 items 4, 5, 7, 8, 9, 13 and 14 through the command line: concurrent edits survive,
 * imports never replace a world silently, hostile files end in a two-line error with exit 2 and
 * change nothing, read-only commands create nothing.
 */
class WorldStoreSafetyCliTest {
    @TempDir
    Path dir;

    CliRunner cli;

    @BeforeEach
    void setUp() {
        cli = new CliRunner(dir);
    }

    private String create(String name) {
        Result created = cli.run("world", "create", name);
        assertThat(created.code()).isZero();
        return created.text("id");
    }

    private static void assertHandledError(Result result, String command, String message) {
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err().lines()).hasSize(2);
        assertThat(result.err())
                .startsWith("WorldForge CLI error [" + command + "]: ")
                .contains(message);
        assertThat(result.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void concurrentAddObjectCommandsAllSurvive() throws Exception {
        String id = create("shared");
        int writers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Result>> results = new ArrayList<>();
        try {
            for (int i = 0; i < writers; i++) {
                String objectId = "cube-" + i;
                results.add(pool.submit(() -> {
                    start.await();
                    return new CliRunner(dir)
                            .run(
                                    "world",
                                    "add-object",
                                    id,
                                    "cube",
                                    "--x",
                                    "0",
                                    "--y",
                                    "0.5",
                                    "--z",
                                    "0",
                                    "--object-id",
                                    objectId);
                }));
            }
            start.countDown();
            for (Future<Result> result : results) {
                assertThat(result.get(60, TimeUnit.SECONDS).code()).isZero();
            }
        } finally {
            pool.shutdownNow();
        }
        Result objects = cli.run("world", "objects", id);
        for (int i = 0; i < writers; i++) {
            assertThat(objects.out()).contains("\"cube-" + i + "\"");
        }
    }

    @Test
    void importOverAnExistingWorldIsRefusedUnlessOverwriteIsGiven() throws Exception {
        String id = create("original");
        assertThat(cli.run("world", "export", id, "--output", "lab.json").code())
                .isZero();
        assertThat(cli.run("world", "add-object", id, "cube", "--x", "0", "--y", "0.5", "--z", "0")
                        .code())
                .isZero();
        Map<String, String> before = cli.snapshot();

        Result refused = cli.run("world", "import", "lab.json");
        assertHandledError(refused, "world import", "World '" + id + "' already exists in ");
        assertThat(refused.err())
                .contains("nothing was written. Pass --overwrite to replace it, or --new-id to import a copy.");
        assertThat(refused.err().lines().skip(1).findFirst().orElseThrow()).startsWith("First triage: ");
        assertThat(cli.snapshot()).isEqualTo(before);

        Result copy = cli.run("world", "import", "lab.json", "--new-id");
        assertThat(copy.code()).isZero();
        assertThat(copy.text("id")).isNotEqualTo(id);

        Result replaced = cli.run("world", "import", "lab.json", "--overwrite");
        assertThat(replaced.code()).isZero();
        assertThat(replaced.text("id")).isEqualTo(id);
        assertThat(cli.run("world", "objects", id).out()).contains("\"objects\": []");
    }

    @Test
    void hostileImportFilesEndInAClearErrorAndChangeNothing() throws Exception {
        create("keep");
        Files.write(dir.resolve("binary.json"), new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', '}'});
        Files.writeString(dir.resolve("deep.json"), "[".repeat(7_000) + "]".repeat(7_000));
        Files.writeString(
                dir.resolve("future.json"),
                "{\"schema_version\":2,\"state\":{\"schema_version\":1,\"id\":\"w\",\"name\":\"n\",\"provider\":\"mock\"}}");
        Files.writeString(
                dir.resolve("long-id.json"),
                "{\"schema_version\":1,\"state\":{\"schema_version\":1,\"id\":\"" + "w".repeat(255)
                        + "\",\"name\":\"n\",\"provider\":\"mock\"}}");
        Files.writeString(dir.resolve("big.json"), "{\"pad\":\"" + "x".repeat(2_000) + "\"}");
        Map<String, String> before = cli.snapshot();

        assertHandledError(
                cli.run("world", "import", "missing.json"),
                "world import",
                "Failed to read imported world from <host-local-path>: No such file or directory");
        assertHandledError(
                cli.run("world", "import", "binary.json"),
                "world import",
                ": the file is not UTF-8 text (invalid byte at offset 2)");
        assertHandledError(
                cli.run("world", "import", "deep.json"),
                "world import",
                "Import payload cannot be read: JSON nesting exceeds the limit of 1000 levels.");
        assertHandledError(
                cli.run("world", "import", "future.json"),
                "world import",
                "Import payload field 'schema_version' must be 1.");
        assertHandledError(
                cli.run("world", "import", "long-id.json"),
                "world import",
                "World state field 'id' must be at most 128 characters long.");
        CliRunner small = new CliRunner(dir, Map.of("WORLDFORGE_MAX_WORLD_BYTES", "1000"));
        assertHandledError(
                small.run("world", "import", "big.json"),
                "world import",
                ": the file is larger than the limit of 1000 bytes");
        assertHandledError(
                new CliRunner(dir, Map.of("WORLDFORGE_MAX_WORLD_BYTES", "lots")).run("world", "list"),
                "world list",
                "WORLDFORGE_MAX_WORLD_BYTES must be a positive integer (bytes).");
        assertThat(cli.snapshot()).isEqualTo(before);
    }

    @Test
    void devZeroIsAnErrorNotAnOutOfMemoryError() {
        if (!Files.exists(Path.of("/dev/zero"))) {
            return;
        }
        Result result =
                new CliRunner(dir, Map.of("WORLDFORGE_MAX_WORLD_BYTES", "1048576")).run("world", "import", "/dev/zero");
        assertHandledError(result, "world import", ": the file is larger than the limit of 1048576 bytes");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "world list",
                "world show missing",
                "world history missing",
                "world objects missing",
                "world export missing",
                "world delete missing",
                "doctor",
                "provider list",
                "providers",
                "world create x --provider nope",
                "world add-object missing cube --x 0 --y 0 --z 0",
                "predict kitchen --x 0.3 --y 0.8 --z 0"
            })
    void readOnlyAndFailingCommandsCreateNothing(String command) {
        cli.run(command.split(" "));
        assertThat(dir.resolve(".worldforge")).doesNotExist();
    }
}
