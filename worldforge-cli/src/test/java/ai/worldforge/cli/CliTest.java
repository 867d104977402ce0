package ai.worldforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.worldforge.json.Json;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.provider.Environment;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** In-process CLI tests: outputs, exit codes, files and the public error format. */
class CliTest {
    @TempDir
    Path dir;

    record Result(int code, String out, String err) {
        JsonObject json() {
            return (JsonObject) Json.parse(out);
        }
    }

    private Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(
                args, new CliContext(new PrintWriter(out), new PrintWriter(err), Environment.of(Map.of()), dir));
        return new Result(code, out.toString(), err.toString());
    }

    private static String text(JsonObject object, String key) {
        return ((JsonString) object.get(key)).value();
    }

    @Test
    void worldLifecycle() {
        Result created = run("world", "create", "demo");
        assertThat(created.code()).isZero();
        String id = text(created.json(), "id");
        assertThat(id).matches("world_[0-9a-f]{12}");
        assertThat(Files.exists(dir.resolve(".worldforge/worlds/" + id + ".json")))
                .isTrue();

        for (int i = 1; i <= 3; i++) {
            Result added = run(
                    "world", "add-object", id, "cube", "--x", "0", "--y", "0.5", "--z", "0", "--object-id", "c" + i);
            assertThat(added.code()).isZero();
        }
        Result predicted = run("world", "predict", id, "--x", "0.3", "--y", "0.5", "--z", "0", "--object-id", "c1");
        assertThat(predicted.code()).isZero();
        assertThat(predicted.json().get("saved")).isEqualTo(ai.worldforge.json.JsonBool.TRUE);
        Result dry = run("world", "predict", id, "--x", "0.4", "--y", "0.5", "--z", "0", "--dry-run");
        assertThat(dry.json().get("saved")).isEqualTo(ai.worldforge.json.JsonBool.FALSE);
        JsonObject shown = run("world", "show", id).json();
        assertThat(((JsonArray) shown.get("history")).size()).isEqualTo(5);

        Result exported = run("world", "export", id, "--output", "out/export.json");
        assertThat(exported.code()).isZero();
        Path file = dir.resolve("out/export.json");
        assertThat(Files.exists(file)).isTrue();
        Result imported = run("world", "import", "out/export.json", "--new-id", "--name", "copy");
        assertThat(imported.code()).isZero();
        assertThat(text(imported.json(), "name")).isEqualTo("copy");
        assertThat(text(imported.json(), "id")).isNotEqualTo(id);
        Result forked = run("world", "fork", id, "--history-index", "1", "--name", "early");
        assertThat(forked.json().get("object_count")).isEqualTo(ai.worldforge.json.JsonInt.of(1));
        assertThat(((JsonArray) Json.parse(run("world", "list").out())).size()).isEqualTo(3);
        Result deleted = run("world", "delete", id);
        assertThat(deleted.json().get("deleted")).isEqualTo(ai.worldforge.json.JsonBool.TRUE);
    }

    @Test
    void handledErrorsUseThePublicFormat() {
        Result missing = run("world", "show", "nope");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err())
                .startsWith("WorldForge CLI error [world show]: Failed to load world 'nope' from ")
                .contains("First triage: run `bin/worldforge world list --state-dir <state-dir>`");
        Result unsafe = run("world", "show", "../x");
        assertThat(unsafe.err()).contains("world_id must be a file-safe identifier");
        Result provider = run("world", "create", "x", "--provider", "nope");
        assertThat(provider.code()).isEqualTo(2);
        assertThat(provider.err())
                .contains("Provider 'nope' is not registered.")
                .contains("First triage: run `bin/worldforge doctor`");
        assertThat(run("provider", "health", "zz").err()).contains("First triage: run `bin/worldforge doctor`");
        assertThat(CliErrors.sanitize("failed at /tmp/abc/file.json: token=xyz"))
                .isEqualTo("failed at <host-local-path>: token=[redacted]");
    }

    @Test
    void usageErrorsExitTwo() {
        Result noCommand = run("world");
        assertThat(noCommand.code()).isEqualTo(2);
        assertThat(noCommand.err()).contains("error:");
        Result missingOption = run("world", "add-object", "w", "cube", "--x", "1");
        assertThat(missingOption.code()).isEqualTo(2);
        assertThat(missingOption.err()).startsWith("usage: ").contains("worldforge world add-object: error: ");
        assertThat(run("--help").code()).isZero();
    }

    @Test
    void providersAndDoctor() {
        JsonArray providers = (JsonArray) Json.parse(run("providers").out());
        assertThat(providers.size()).isEqualTo(1);
        JsonObject doctor = run("doctor").json();
        assertThat(doctor.get("provider_count")).isEqualTo(ai.worldforge.json.JsonInt.of(9));
        assertThat(((JsonArray) doctor.get("issues")).size()).isEqualTo(8);
        JsonArray list = (JsonArray)
                Json.parse(run("provider", "list", "--capability", "score").out());
        assertThat(list.size()).isEqualTo(2);
        JsonObject cosmos = run("provider", "health", "cosmos").json();
        assertThat(text(cosmos, "details")).isEqualTo("missing COSMOS_BASE_URL");
        assertThat(run("provider", "health", "zz").err()).contains("Provider 'zz' is unknown.");
    }
}
