package ai.worldforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.worldforge.cli.CliRunner.Result;
import ai.worldforge.json.Json;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonBool;
import ai.worldforge.json.JsonFloat;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonNull;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The {@code world} commands, top-level {@code predict}, {@code generate} and {@code transfer}. */
class WorldCommandsTest {
    private static final String PLACEHOLDER_ID = "world_0123456789ab";

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

    private Path worldFile(String id) {
        return dir.resolve(".worldforge/worlds/" + id + ".json");
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = WorldCommandsTest.class.getResourceAsStream("golden/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    @Test
    void worldFilesAreByteIdenticalToTheReferenceCli() throws IOException {
        Result created = cli.run("world", "create", "lab", "--description", "bench top");
        String id = created.text("id");
        assertThat(cli.run(
                                "world",
                                "add-object",
                                id,
                                "red_mug",
                                "--x",
                                "0",
                                "--y",
                                "0.8",
                                "--z",
                                "0",
                                "--object-id",
                                "mug-1",
                                "--size",
                                "0.2",
                                "--graspable",
                                "--metadata",
                                "{\"material\":\"ceramic\",\"mass_kg\":0.35}")
                        .code())
                .isZero();
        assertThat(cli.run(
                                "world",
                                "add-object",
                                id,
                                "cube",
                                "--x",
                                "0.3",
                                "--y",
                                "0.05",
                                "--z",
                                "-0.1",
                                "--object-id",
                                "cube-1")
                        .code())
                .isZero();
        assertThat(cli.run(
                                "world",
                                "update-object",
                                id,
                                "mug-1",
                                "--name",
                                "coffee_mug",
                                "--x",
                                "0.25",
                                "--y",
                                "0.8",
                                "--z",
                                "0.05",
                                "--graspable",
                                "false")
                        .code())
                .isZero();
        assertThat(cli.run("world", "remove-object", id, "cube-1").code()).isZero();

        assertThat(Files.readString(worldFile(id)).replace(id, PLACEHOLDER_ID))
                .isEqualTo(golden("cli-lifecycle-world.json"));
        assertThat(cli.run("world", "export", id, "--output", "exports/lab.json")
                        .code())
                .isZero();
        assertThat(Files.readString(dir.resolve("exports/lab.json")).replace(id, PLACEHOLDER_ID))
                .isEqualTo(golden("cli-lifecycle-export.json"));
    }

    @Test
    void filesWrittenByTheReferenceAreShownEditedAndExported() throws IOException {
        Path worlds = Files.createDirectories(dir.resolve(".worldforge/worlds"));
        Files.writeString(worlds.resolve(PLACEHOLDER_ID + ".json"), golden("cli-lifecycle-world.json"));

        JsonObject shown = cli.run("world", "show", PLACEHOLDER_ID).json();
        assertThat(shown.get("description")).isEqualTo(JsonString.of("bench top"));
        assertThat(((JsonArray) shown.get("history")).size()).isEqualTo(5);
        assertThat(cli.run("world", "show", PLACEHOLDER_ID, "--format", "markdown")
                        .out())
                .isEqualTo("# World " + PLACEHOLDER_ID + "\n\n- name: lab\n- provider: mock\n- step: 0\n"
                        + "- objects: 1\n- history: 5\n- description: bench top\n");

        Result exported = cli.run("world", "export", PLACEHOLDER_ID);
        assertThat(Json.parse(exported.out())).isEqualTo(Json.parse(golden("cli-lifecycle-export.json")));

        Result renamed = cli.run("world", "update-object", PLACEHOLDER_ID, "mug-1", "--name", "cup");
        assertThat(renamed.code()).isZero();
        JsonObject history = cli.run("world", "history", PLACEHOLDER_ID).json();
        JsonArray entries = (JsonArray) history.get("history");
        assertThat(entries.size()).isEqualTo(6);
        JsonObject last = (JsonObject) entries.get(5);
        assertThat(last.get("summary")).isEqualTo(JsonString.of("updated object mug-1"));
        // The untouched prefix of the reference's file is preserved byte for byte.
        String reference = golden("cli-lifecycle-world.json");
        String rewritten = Files.readString(worlds.resolve(PLACEHOLDER_ID + ".json"));
        String firstEntries = reference.substring(reference.indexOf("\"history\":["), reference.lastIndexOf("]"));
        assertThat(rewritten).contains(firstEntries);
    }

    @Test
    void objectsLifecycleMatchesTheReference() {
        String id = create("lab");
        Result added = cli.run(
                "world",
                "add-object",
                id,
                "red_mug",
                "--x",
                "0",
                "--y",
                "0.8",
                "--z",
                "0",
                "--object-id",
                "mug-1",
                "--size",
                "0.2",
                "--graspable",
                "--metadata",
                "{\"material\":\"ceramic\"}");
        JsonObject object = (JsonObject) added.json().get("object");
        assertThat(object.get("id")).isEqualTo(JsonString.of("mug-1"));
        assertThat(object.get("is_graspable")).isEqualTo(JsonBool.TRUE);
        assertThat(object.get("metadata")).isEqualTo(JsonObject.of("material", JsonString.of("ceramic")));
        JsonObject min = (JsonObject) ((JsonObject) object.get("bbox")).get("min");
        assertThat(min.get("x")).isEqualTo(JsonFloat.of(-0.1));
        assertThat(min.get("y")).isEqualTo(JsonFloat.of(0.8 - 0.1));
        assertThat(((JsonObject) added.json().get("world")).get("object_count")).isEqualTo(JsonInt.of(1));

        Result updated = cli.run(
                "world",
                "update-object",
                id,
                "mug-1",
                "--name",
                "coffee_mug",
                "--x",
                "0.25",
                "--y",
                "0.8",
                "--z",
                "0.05",
                "--graspable",
                "false");
        JsonObject after = (JsonObject) updated.json().get("object");
        JsonObject bbox = (JsonObject) after.get("bbox");
        assertThat(((JsonFloat) ((JsonObject) bbox.get("min")).get("x")).value())
                .isBetween(0.149, 0.151);
        assertThat(((JsonFloat) ((JsonObject) bbox.get("max")).get("x")).value())
                .isBetween(0.349, 0.351);
        assertThat(((JsonFloat) ((JsonObject) bbox.get("min")).get("z")).value())
                .isBetween(-0.051, -0.049);
        assertThat(after.get("is_graspable")).isEqualTo(JsonBool.FALSE);
        assertThat(after.get("name")).isEqualTo(JsonString.of("coffee_mug"));

        JsonObject objects = cli.run("world", "objects", id).json();
        assertThat(((JsonArray) objects.get("objects")).size()).isEqualTo(1);
        assertThat(cli.run("world", "objects", id, "--format", "markdown").out())
                .isEqualTo("# World Objects: " + id + "\n\n| id | name | x | y | z | graspable |\n"
                        + "| --- | --- | ---: | ---: | ---: | --- |\n"
                        + "| `mug-1` | coffee_mug | 0.250 | 0.800 | 0.050 | False |\n");

        Result removed = cli.run("world", "remove-object", id, "mug-1");
        assertThat(((JsonObject) removed.json().get("removed_object")).get("id"))
                .isEqualTo(JsonString.of("mug-1"));
        assertThat(((JsonObject) removed.json().get("world")).get("object_count"))
                .isEqualTo(JsonInt.of(0));

        JsonArray history = (JsonArray) cli.run("world", "history", id).json().get("history");
        List<String> summaries = new ArrayList<>();
        List<Object> actions = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        for (var value : history) {
            JsonObject entry = (JsonObject) value;
            summaries.add(((JsonString) entry.get("summary")).value());
            actions.add(
                    entry.get("action") instanceof JsonObject action
                            ? ((JsonString) action.get("type")).value()
                            : entry.get("action"));
            counts.add(((JsonInt) entry.get("object_count")).longValue());
        }
        assertThat(summaries)
                .containsExactly(
                        "world initialized", "added object mug-1", "updated object mug-1", "removed object mug-1");
        assertThat(actions).containsExactly(JsonNull.INSTANCE, "add_object", "update_object", "remove_object");
        assertThat(counts).containsExactly(0L, 1L, 1L, 0L);
        assertThat(cli.run("world", "history", id, "--format", "markdown").out())
                .isEqualTo("# World History: " + id + "\n\n| step | summary | action | objects |\n"
                        + "| ---: | --- | --- | ---: |\n| 0 | world initialized |  | 0 |\n"
                        + "| 0 | added object mug-1 | add_object | 1 |\n"
                        + "| 0 | updated object mug-1 | update_object | 1 |\n"
                        + "| 0 | removed object mug-1 | remove_object | 0 |\n");
    }

    @Test
    void createWithPromptSeedsObjectsAndKeepsTheDescription() {
        Result created =
                cli.run("world", "create", "kitchen", "--prompt", "A kitchen with a mug", "--description", "demo");
        assertThat(((JsonInt) created.json().get("object_count")).longValue()).isGreaterThanOrEqualTo(2);
        assertThat(created.json().get("description")).isEqualTo(JsonString.of("demo"));
        String id = created.text("id");
        JsonObject first =
                (JsonObject) ((JsonArray) cli.run("world", "history", id).json().get("history")).get(0);
        assertThat(first.get("summary")).isEqualTo(JsonString.of("world seeded from prompt"));
        assertThat(first.get("action")).isEqualTo(JsonNull.INSTANCE);
        assertThat(cli.run("world", "create", "lab", "--format", "markdown").out())
                .startsWith("# World world_")
                .contains("\n\n- name: lab\n- provider: mock\n- step: 0\n- objects: 0\n- history: 1\n");
    }

    @Test
    void listIsEmptyAtFirstAndCreatesNothing() {
        Result listed = cli.run("world", "list");
        assertThat(listed.code()).isZero();
        assertThat(listed.out()).isEqualTo("[]\n");
        assertThat(dir.resolve(".worldforge")).doesNotExist();
        String id = create("lab");
        assertThat(cli.run("world", "list", "--format", "markdown").out())
                .isEqualTo("# WorldForge Worlds\n\n| id | name | provider | step | objects | history |\n"
                        + "| --- | --- | --- | ---: | ---: | ---: |\n| `" + id + "` | lab | `mock` | 0 | 0 | 1 |\n");
    }

    @Test
    void predictSavesUnlessDryRun() throws IOException {
        String id = create("lab");
        cli.run("world", "add-object", id, "cube", "--x", "0", "--y", "0.5", "--z", "0", "--object-id", "cube-1");
        Result predicted = cli.run(
                "world",
                "predict",
                id,
                "--object-id",
                "cube-1",
                "--x",
                "0.4",
                "--y",
                "0.5",
                "--z",
                "0",
                "--steps",
                "2");
        assertThat(predicted.json().keys())
                .containsExactly(
                        "world_id",
                        "saved",
                        "provider",
                        "physics_score",
                        "confidence",
                        "metadata",
                        "world",
                        "world_state");
        assertThat(predicted.json().get("saved")).isEqualTo(JsonBool.TRUE);
        assertThat(((JsonObject) predicted.json().get("world")).get("step")).isEqualTo(JsonInt.of(2));
        JsonObject last = lastHistory(id);
        assertThat(last.get("summary")).isEqualTo(JsonString.of("predicted via mock"));
        assertThat(((JsonObject) last.get("action")).get("type")).isEqualTo(JsonString.of("move_to"));

        String before = Files.readString(worldFile(id));
        Result dry = cli.run("world", "predict", id, "--x", "0.9", "--y", "0.5", "--z", "0", "--dry-run");
        assertThat(dry.json().get("saved")).isEqualTo(JsonBool.FALSE);
        assertThat(Files.readString(worldFile(id))).isEqualTo(before);
        assertThat(cli.run(
                                "world",
                                "predict",
                                id,
                                "--x",
                                "0.9",
                                "--y",
                                "0.5",
                                "--z",
                                "0",
                                "--dry-run",
                                "--format",
                                "markdown")
                        .out())
                .startsWith("# World Prediction: " + id + "\n\n- provider: mock\n- saved: False\n- physics_score: ");
    }

    private JsonObject lastHistory(String id) {
        JsonArray history = (JsonArray) cli.run("world", "history", id).json().get("history");
        return (JsonObject) history.get(history.size() - 1);
    }

    @Test
    void exportImportForkDelete() throws IOException {
        String id = create("lab");
        cli.run("world", "add-object", id, "cube", "--x", "0", "--y", "0.5", "--z", "0");
        Result exported = cli.run("world", "export", id, "--output", "nested/dir/lab.json");
        assertThat(exported.text("output_path"))
                .isEqualTo(dir.resolve("nested/dir/lab.json").toString());
        String file = Files.readString(dir.resolve("nested/dir/lab.json"));
        assertThat(file).startsWith("{\"schema_version\":1,\"state\":{").endsWith("}\n");
        JsonObject pretty = cli.run("world", "export", id).json();
        assertThat(pretty.keys()).containsExactly("schema_version", "state");

        Result imported = cli.run("world", "import", "nested/dir/lab.json", "--new-id", "--name", "lab-copy");
        assertThat(imported.text("id")).isNotEqualTo(id);
        assertThat(imported.text("name")).isEqualTo("lab-copy");
        assertThat(imported.text("source_path"))
                .isEqualTo(dir.resolve("nested/dir/lab.json").toString());
        assertThat(Files.exists(worldFile(imported.text("id")))).isTrue();

        Result forked =
                cli.run("world", "fork", id, "--history-index", "0", "--name", "lab-start", "--format", "markdown");
        assertThat(forked.out()).startsWith("# World world_").contains("- name: lab-start");
        Result forkedJson = cli.run("world", "fork", id, "--history-index", "1");
        assertThat(forkedJson.json().get("source_world_id")).isEqualTo(JsonString.of(id));
        assertThat(forkedJson.json().get("history_index")).isEqualTo(JsonInt.of(1));
        assertThat(forkedJson.json().get("history_length")).isEqualTo(JsonInt.of(1));

        Result deleted = cli.run("world", "delete", id);
        assertThat(deleted.json())
                .isEqualTo(JsonObject.builder()
                        .put("world_id", JsonString.of(id))
                        .put("deleted", JsonBool.TRUE)
                        .put("state_dir", JsonString.of(".worldforge/worlds"))
                        .build());
        Result again = cli.run("world", "delete", id);
        assertThat(again.code()).isEqualTo(2);
        assertThat(again.err())
                .contains("World '" + id + "' is not present")
                .contains("First triage: run `bin/worldforge world list --state-dir <state-dir>`");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "world show ../etc",
                "world show a/b",
                "world add-object WORLD cube --x 0 --y 0 --z 0 --metadata {bad",
                "world add-object WORLD cube --x 0 --y 0 --z 0 --metadata [1]",
                "world add-object WORLD cube --x 0 --y 0 --z 0 --size 0",
                "world add-object WORLD cube --x 0 --y 0 --z 0 --size nan",
                "world add-object WORLD cube --x nan --y 0 --z 0",
                "world add-object WORLD cube --x inf --y 0 --z 0",
                "world add-object WORLD cube --x 0 --y 0 --z 0 --object-id cube-1",
                "world update-object WORLD cube-1 --x 1",
                "world update-object WORLD cube-1",
                "world update-object WORLD ghost --name g",
                "world remove-object WORLD ghost",
                "world predict WORLD --x 0 --y 0 --z 0 --steps 0",
                "world predict WORLD --x nan --y 0 --z 0",
                "world predict WORLD --x 0 --y 0 --z 0 --provider nope",
                "world fork WORLD --history-index 99",
                "world fork WORLD --history-index -1",
                "world import missing.json",
                "world create lab --provider nope",
                "world show nope",
                "world delete nope",
                "generate prompt --provider cosmos",
                "generate prompt --duration 0",
                "transfer missing.mp4",
                "predict kitchen --x 0 --y 0 --z 0 --provider nope",
                "predict kitchen --x 0 --y 0 --z 0 --steps 0",
            })
    void badInputGivesTheTypedErrorLineAndChangesNothing(String command) {
        String id = create("lab");
        cli.run("world", "add-object", id, "cube", "--x", "0", "--y", "0.5", "--z", "0", "--object-id", "cube-1");
        Map<String, String> before = cli.snapshot();
        Result result = cli.run(command.replace("WORLD", id).split(" "));
        assertThat(result.code()).as(result.err()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        String[] lines = result.err().split("\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).startsWith("WorldForge CLI error [");
        assertThat(lines[1]).startsWith("First triage: ");
        assertThat(result.err()).doesNotContain(dir.toString()).doesNotContain("Exception");
        assertThat(cli.snapshot()).isEqualTo(before);
    }

    @Test
    void errorMessagesMatchTheReference() {
        String id = create("lab");
        cli.run("world", "add-object", id, "cube", "--x", "0", "--y", "0.5", "--z", "0", "--object-id", "cube-1");
        assertThat(firstLine("world", "update-object", id, "cube-1", "--x", "1"))
                .isEqualTo("WorldForge CLI error [world update-object]: Position updates require --x, --y, and --z"
                        + " together.");
        assertThat(firstLine("world", "update-object", id, "cube-1"))
                .endsWith("update-object requires at least one of --name, --x/--y/--z, or --graspable.");
        assertThat(firstLine("world", "remove-object", id, "ghost"))
                .endsWith("Object 'ghost' is not present in world '" + id + "'.");
        assertThat(firstLine(
                        "world", "add-object", id, "c", "--x", "0", "--y", "0", "--z", "0", "--object-id", "cube-1"))
                .endsWith("Object id 'cube-1' is already present in world '" + id + "'.");
        assertThat(firstLine("world", "add-object", id, "c", "--x", "0", "--y", "0", "--z", "0", "--metadata", "[1]"))
                .endsWith("--metadata must decode to a JSON object.");
        assertThat(firstLine("world", "add-object", id, "c", "--x", "0", "--y", "0", "--z", "0", "--metadata", "{x"))
                .endsWith("--metadata must be valid JSON: Expecting property name enclosed in double quotes: line 1"
                        + " column 2 (char 1)");
        assertThat(firstLine("world", "add-object", id, "c", "--x", "0", "--y", "0", "--z", "0", "--size", "0"))
                .endsWith("--size must be a finite number greater than 0.");
        assertThat(firstLine("world", "predict", id, "--x", "nan", "--y", "0", "--z", "0"))
                .endsWith("Position.x must be a finite number.");
        assertThat(firstLine("world", "predict", id, "--x", "0", "--y", "0", "--z", "0", "--steps", "0"))
                .endsWith("steps must be an integer greater than 0.");
        assertThat(firstLine("world", "fork", id, "--history-index", "99"))
                .endsWith("History index 99 is out of range for world '" + id + "'.");
        assertThat(firstLine("world", "show", "../etc"))
                .endsWith("world_id must be a file-safe identifier using only letters, numbers, '.', '_', or '-'.");
        assertThat(firstLine("generate", "x", "--provider", "cosmos"))
                .isEqualTo("WorldForge CLI error [generate]: Provider 'cosmos' is not registered.");
        assertThat(firstLine("generate", "x", "--duration", "0"))
                .endsWith("generate() duration_seconds must be greater than 0.");
        Result transfer = cli.run("transfer", "missing.mp4");
        assertThat(transfer.err())
                .isEqualTo("WorldForge CLI error [transfer]: Video clip source does not exist: "
                        + (dir.toString().startsWith("/tmp") ? "<host-local-path>" : dir.resolve("missing.mp4"))
                        + "\nFirst triage: run `bin/worldforge transfer --help`.\n");
    }

    private String firstLine(String... args) {
        Result result = cli.run(args);
        assertThat(result.code()).isEqualTo(2);
        return result.err().split("\n")[0];
    }

    @Test
    void usageErrorsAreArgparseShaped() {
        String id = create("lab");
        Result graspable = cli.run("world", "update-object", id, "x", "--graspable", "maybe");
        assertThat(graspable.code()).isEqualTo(2);
        assertThat(graspable.err())
                .startsWith("usage: worldforge world update-object")
                .endsWith("worldforge world update-object: error: argument --graspable: invalid choice: 'maybe'"
                        + " (choose from 'true', 'false')\n");
        Result missing = cli.run("world", "add-object", id, "c", "--x", "1");
        assertThat(missing.err()).endsWith("error: the following arguments are required: --y, --z\n");
        Result number = cli.run("world", "add-object", id, "c", "--x", "one", "--y", "0", "--z", "0");
        assertThat(number.err()).endsWith("error: argument --x: invalid float value: 'one'\n");
        Result steps = cli.run("world", "predict", id, "--x", "0", "--y", "0", "--z", "0", "--steps", "1.5");
        assertThat(steps.err()).endsWith("error: argument --steps: invalid int value: '1.5'\n");
        Result none = cli.run();
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).endsWith("worldforge: error: the following arguments are required: command\n");
        Result bogus = cli.run("bogus");
        assertThat(bogus.code()).isEqualTo(2);
        assertThat(bogus.err()).contains("worldforge: error: argument command: invalid choice: 'bogus'");
        Result unknownOption = cli.run("world", "list", "--bogus");
        assertThat(unknownOption.code()).isEqualTo(2);
        assertThat(unknownOption.err()).endsWith("worldforge: error: unrecognized arguments: --bogus\n");
        assertThat(cli.run("world", "list", "--state-dir=elsewhere").code()).isZero();
        assertThat(dir.resolve("elsewhere")).doesNotExist();
    }

    @Test
    void topLevelPredictSavesNothing() throws IOException {
        Result predicted = cli.run("predict", "kitchen", "--x", "0.3", "--y", "0.8", "--z", "0", "--steps", "2");
        assertThat(predicted.code()).isZero();
        assertThat(predicted.json().keys()).containsExactly("provider", "physics_score", "confidence", "world_state");
        assertThat(((JsonObject) predicted.json().get("world_state")).get("step"))
                .isEqualTo(JsonInt.of(2));
        assertThat(dir.resolve(".worldforge")).doesNotExist();
    }

    @Test
    void generateWritesTheClip() throws IOException {
        Result generated = cli.run(
                "generate",
                "A cube on a table",
                "--duration",
                "1",
                "--output",
                "clips/cube.bin",
                "--seed",
                "7",
                "--reference-image",
                "a.png",
                "--reference-image",
                "b.png");
        assertThat(generated.code()).isZero();
        JsonObject clip = generated.json();
        assertThat(clip.keys())
                .containsExactly(
                        "frame_count",
                        "fps",
                        "resolution",
                        "duration_seconds",
                        "content_type",
                        "metadata",
                        "output_path");
        assertThat(clip.get("frame_count")).isEqualTo(JsonInt.of(8));
        assertThat(clip.get("fps")).isEqualTo(JsonFloat.of(8.0));
        assertThat(clip.get("resolution")).isEqualTo(JsonArray.of(JsonInt.of(640), JsonInt.of(360)));
        Path written = dir.resolve("clips/cube.bin");
        assertThat(clip.get("output_path")).isEqualTo(JsonString.of(written.toString()));
        assertThat(Files.size(written)).isGreaterThan(0);
        JsonObject options = (JsonObject) ((JsonObject) clip.get("metadata")).get("options");
        assertThat(options.get("seed")).isEqualTo(JsonInt.of(7));
        assertThat(options.get("reference_images"))
                .isEqualTo(JsonArray.of(JsonString.of("a.png"), JsonString.of("b.png")));
    }

    @Test
    void transferReadsTheInputClip() throws IOException {
        Files.write(dir.resolve("in.mp4"), new byte[] {0, 1, 2, 3});
        Result transferred = cli.run(
                "transfer",
                "in.mp4",
                "--width",
                "320",
                "--height",
                "240",
                "--fps",
                "12",
                "--duration",
                "1",
                "--output",
                "out.mp4",
                "--prompt",
                "restyle");
        assertThat(transferred.code()).isZero();
        JsonObject clip = transferred.json();
        assertThat(clip.get("resolution")).isEqualTo(JsonArray.of(JsonInt.of(320), JsonInt.of(240)));
        assertThat(clip.get("frame_count")).isEqualTo(JsonInt.of(1));
        assertThat(clip.get("content_type")).isEqualTo(JsonString.of("video/mp4"));
        JsonObject metadata = (JsonObject) clip.get("metadata");
        assertThat(metadata.get("transfer")).isEqualTo(JsonBool.TRUE);
        assertThat(metadata.get("prompt")).isEqualTo(JsonString.of("restyle"));
        assertThat(metadata.get("source_path"))
                .isEqualTo(JsonString.of(dir.resolve("in.mp4").toString()));
        assertThat(Files.exists(dir.resolve("out.mp4"))).isTrue();
    }
}
