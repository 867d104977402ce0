package ai.worldforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.worldforge.json.Json;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonBool;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
import ai.worldforge.provider.Environment;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code provider info} and {@code provider docs} (spec behaviours 6, 7 and 9). */
class ProviderInfoCommandsTest {
    @TempDir
    Path dir;

    record Result(int code, String out, String err) {
        JsonObject json() {
            return (JsonObject) Json.parse(out);
        }
    }

    private Result run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new CliContext(new PrintWriter(out), new PrintWriter(err), Environment.of(env), dir));
        return new Result(code, out.toString(), err.toString());
    }

    private Result run(String... args) {
        return run(Map.of(), args);
    }

    private static String expected(String resource) throws IOException {
        try (InputStream in = ProviderInfoCommandsTest.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static JsonObject object(JsonObject parent, String key) {
        return (JsonObject) parent.get(key);
    }

    private static JsonObject field(JsonObject info, String name) {
        for (JsonValue value : (JsonArray) object(info, "config_summary").get("fields")) {
            JsonObject field = (JsonObject) value;
            if (field.get("name").equals(JsonString.of(name))) {
                return field;
            }
        }
        throw new AssertionError("no field " + name);
    }

    @Test
    void infoForMockIsRegisteredWithNoConfigFields() {
        Result result = run("provider", "info", "mock");
        assertThat(result.code()).isZero();
        assertThat(result.err()).isEmpty();
        JsonObject info = result.json();
        assertThat(info.members().keySet())
                .containsExactly("registered", "profile", "health", "lifecycle", "config_summary", "info");
        assertThat(info.get("registered")).isEqualTo(JsonBool.TRUE);
        assertThat(object(info, "profile").get("implementation_status")).isEqualTo(JsonString.of("stable"));
        assertThat(object(info, "health").get("healthy")).isEqualTo(JsonBool.TRUE);
        assertThat(object(info, "lifecycle").get("status")).isEqualTo(JsonString.of("no-op"));
        assertThat(Json.writePretty(object(info, "config_summary"), false))
                .isEqualTo("{\n  \"provider\": \"mock\",\n  \"configured\": true,\n  \"fields\": []\n}");
        assertThat(object(info, "info").members().keySet())
                .containsExactly("name", "capabilities", "is_local", "description");
        assertThat(dir.resolve(".worldforge")).doesNotExist();
        // Same profile, health and lifecycle objects as the doctor reports.
        JsonArray listed = (JsonArray) Json.parse(run("provider", "list").out());
        JsonObject mock = (JsonObject) listed.items().stream()
                .filter(v -> ((JsonObject) v).get("name").equals(JsonString.of("mock")))
                .findFirst()
                .orElseThrow();
        assertThat(info.get("profile")).isEqualTo(mock.get("profile"));
        assertThat(info.get("lifecycle")).isEqualTo(mock.get("lifecycle"));
    }

    @Test
    void infoForAnUnconfiguredProviderReportsMissingFieldsWithoutInfo() {
        Result result = run("provider", "info", "cosmos", "--state-dir", "state");
        assertThat(result.code()).isZero();
        JsonObject info = result.json();
        assertThat(info.members().keySet())
                .containsExactly("registered", "profile", "health", "lifecycle", "config_summary");
        assertThat(info.get("registered")).isEqualTo(JsonBool.FALSE);
        assertThat(object(info, "health").get("details")).isEqualTo(JsonString.of("missing COSMOS_BASE_URL"));
        assertThat(object(info, "lifecycle").get("status")).isEqualTo(JsonString.of("skipped"));
        JsonObject base = field(info, "COSMOS_BASE_URL");
        assertThat(base.members().keySet())
                .containsExactly("name", "present", "source", "required", "secret", "valid", "detail", "aliases");
        assertThat(base.get("present")).isEqualTo(JsonBool.FALSE);
        assertThat(base.get("source")).isEqualTo(JsonString.of("unset"));
        assertThat(base.get("detail")).isEqualTo(JsonString.of("missing"));
        assertThat(base.get("valid")).isEqualTo(JsonBool.FALSE);
        assertThat(object(info, "config_summary").get("configured")).isEqualTo(JsonBool.FALSE);
        assertThat(dir.resolve("state")).doesNotExist();
    }

    @Test
    void infoReportsSourcesAndAliasesButNeverSecretValues() {
        Map<String, String> env = Map.of(
                "RUNWAY_API_SECRET", "runway-secret-value",
                "RUNWAYML_BASE_URL", "https://user:pw-secret@127.0.0.1:9/v1?token=query-secret");
        Result result = run(env, "provider", "info", "runway");
        assertThat(result.code()).isZero();
        assertThat(result.out()).doesNotContain("runway-secret-value", "pw-secret", "query-secret", "127.0.0.1");
        JsonObject info = result.json();
        JsonObject key = field(info, "RUNWAYML_API_SECRET");
        assertThat(key.get("source")).isEqualTo(JsonString.of("env:RUNWAY_API_SECRET"));
        assertThat(key.get("present")).isEqualTo(JsonBool.TRUE);
        assertThat(key.get("secret")).isEqualTo(JsonBool.TRUE);
        assertThat(key.get("aliases")).isEqualTo(JsonArray.of(JsonString.of("RUNWAY_API_SECRET")));
        assertThat(field(info, "RUNWAYML_BASE_URL").get("source")).isEqualTo(JsonString.of("env:RUNWAYML_BASE_URL"));
        assertThat(field(info, "RUNWAYML_RESOLVE_ARTIFACT_DNS").get("detail"))
                .isEqualTo(JsonString.of("auto; effective resolve_dns=true"));
        assertThat(object(info, "config_summary").get("configured")).isEqualTo(JsonBool.TRUE);

        Result unset = run("provider", "info", "runway");
        assertThat(field(unset.json(), "RUNWAYML_BASE_URL").get("source")).isEqualTo(JsonString.of("default"));
        assertThat(field(unset.json(), "RUNWAYML_API_SECRET").get("detail")).isEqualTo(JsonString.of("missing"));

        Result lerobot = run(Map.of("LEROBOT_POLICY", "lerobot/act-secret-path"), "provider", "info", "lerobot");
        assertThat(lerobot.out()).doesNotContain("act-secret-path\"");
        assertThat(field(lerobot.json(), "LEROBOT_POLICY_PATH").get("source"))
                .isEqualTo(JsonString.of("env:LEROBOT_POLICY"));
    }

    @Test
    void everyKnownProviderHasInfo() {
        for (String name : List.of(
                "cosmos", "cosmos-policy", "genie", "gr00t", "jepa", "lerobot", "leworldmodel", "mock", "runway")) {
            Result result = run("provider", "info", name);
            assertThat(result.code()).as(name).isZero();
            JsonObject summary = object(result.json(), "config_summary");
            assertThat(summary.get("provider")).isEqualTo(JsonString.of(name));
        }
        assertThat(field(run("provider", "info", "genie").json(), "GENIE_API_KEY")
                        .get("secret"))
                .isEqualTo(JsonBool.TRUE);
    }

    @Test
    void unknownProviderIsAHandledError() {
        Result result = run("provider", "info", "nope");
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        String[] lines = result.err().split("\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).isEqualTo("WorldForge CLI error [provider info]: Provider 'nope' is unknown.");
        assertThat(lines[1]).startsWith("First triage: ").contains("doctor", "provider health <provider>");
    }

    @Test
    void invalidConfigurationValuesAreHandledErrors() {
        Result timeout = run(Map.of("COSMOS_POLICY_TIMEOUT_SECONDS", "abc"), "provider", "info", "cosmos-policy");
        assertThat(timeout.code()).isEqualTo(2);
        assertThat(timeout.err())
                .startsWith(
                        "WorldForge CLI error [provider info]: Cosmos-Policy timeout_seconds must be greater than 0.\n");
        // As in the reference, where building the catalog fails first, any provider is affected.
        Result port = run(Map.of("GROOT_POLICY_PORT", "http"), "provider", "info", "mock");
        assertThat(port.code()).isEqualTo(2);
        assertThat(port.err())
                .startsWith("WorldForge CLI error [provider info]: GR00T policy port must be an integer"
                        + " greater than 0.\n");
        // A malformed URL is not validated by the summary (the reference validates it only on use).
        Result url = run(Map.of("COSMOS_POLICY_BASE_URL", "not a url"), "provider", "info", "cosmos-policy");
        assertThat(url.code()).isZero();
        JsonObject base = field(url.json(), "COSMOS_POLICY_BASE_URL");
        assertThat(base.get("valid")).isEqualTo(JsonBool.TRUE);
        assertThat(base.get("detail")).isEqualTo(JsonString.of(""));
    }

    @Test
    void infoRequiresAName() {
        Result result = run("provider", "info");
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).startsWith("usage: ").contains("the following arguments are required: name");
    }

    @Test
    void docsMarkdownIsTheReferenceTableByteForByte() throws IOException {
        Result result = run("provider", "docs");
        assertThat(result.code()).isZero();
        assertThat(result.out()).isEqualTo(expected("provider-docs.md"));
        assertThat(result.out())
                .startsWith("# WorldForge Provider Docs\n\n| Provider | Capability surface | Registration | Docs |\n")
                .contains("`leworldmodel`", "`docs/providers.md`");
        Result single = run("provider", "docs", "genie", "--format", "markdown");
        assertThat(single.out())
                .isEqualTo("# WorldForge Provider Docs\n\n| Provider | Capability surface | Registration | Docs |\n"
                        + "| --- | --- | --- | --- |\n| `genie` | scaffold | GENIE_API_KEY | `docs/providers.md` |\n");
        assertThat(Files.exists(dir.resolve(".worldforge"))).isFalse();
    }

    @Test
    void docsJsonListsEveryProviderOrOneElementForAName() throws IOException {
        Result all = run("provider", "docs", "--format", "json");
        assertThat(all.code()).isZero();
        assertThat(all.out()).isEqualTo(expected("provider-docs.json"));
        JsonArray entries = (JsonArray) Json.parse(all.out());
        List<String> names = new ArrayList<>();
        entries.forEach(e -> names.add(((JsonString) ((JsonObject) e).get("name")).value()));
        assertThat(names)
                .containsExactly(
                        "mock",
                        "cosmos",
                        "cosmos-policy",
                        "runway",
                        "leworldmodel",
                        "gr00t",
                        "lerobot",
                        "jepa",
                        "genie");

        Result runway = run("provider", "docs", "runway", "--format", "json");
        assertThat(runway.code()).isZero();
        assertThat(runway.out())
                .isEqualTo("[\n  {\n    \"name\": \"runway\",\n    \"docs_path\": \"docs/runway.md\",\n"
                        + "    \"implementation_status\": \"beta\",\n    \"capabilities\": \"generate, transfer\",\n"
                        + "    \"registration\": \"RUNWAYML_API_SECRET or RUNWAY_API_SECRET\",\n"
                        + "    \"runtime_ownership\": \"host supplies Runway credentials and persists returned"
                        + " artifacts\"\n  }\n]\n");
    }

    @Test
    void docsForAnUnknownProviderPrintsOnlyTheName() {
        Result result = run("provider", "docs", "nope");
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEqualTo("Unknown provider: nope\n");
        Result json = run("provider", "docs", "Mock", "--format", "json");
        assertThat(json.code()).isEqualTo(2);
        assertThat(json.err()).isEqualTo("Unknown provider: Mock\n");
        Result badFormat = run("provider", "docs", "--format", "html");
        assertThat(badFormat.code()).isEqualTo(2);
        assertThat(badFormat.err()).startsWith("usage: ");
    }

    @Test
    void providerSubcommandsFollowTheReferenceOrder() {
        Result help = run("provider", "--help");
        assertThat(help.code()).isZero();
        String out = help.out();
        assertThat(out.indexOf("Show provider details.")).isPositive();
        assertThat(out.indexOf("List provider profiles.") < out.indexOf("Show provider details."))
                .as(out)
                .isTrue();
        assertThat(out.indexOf("Show provider details.") < out.indexOf("List provider documentation paths."))
                .isTrue();
        assertThat(run("provider", "info", "--help").out()).contains("Provider name.", "World state directory.");
        assertThat(run("provider", "docs", "--help").out())
                .contains("Optional provider name.", "Output format for provider docs metadata.");
    }

    @Test
    void docsCanShowTheRuntimeManifests() {
        Result markdown = run("provider", "docs", "runway", "--runtime-manifests");
        assertThat(markdown.code()).isZero();
        assertThat(markdown.out())
                .contains("## Runtime Manifests")
                .contains("| `runway` | RUNWAYML_API_SECRET or RUNWAY_API_SECRET |")
                .contains("`gen4.5`");
        Result json = run("provider", "docs", "--format", "json", "--runtime-manifests");
        ai.worldforge.json.JsonArray rows = (ai.worldforge.json.JsonArray) ai.worldforge.json.Json.parse(json.out());
        assertThat(rows.items())
                .allSatisfy(row -> assertThat(((ai.worldforge.json.JsonObject) row).has("runtime_manifest"))
                        .isTrue());
        long withManifest = rows.items().stream()
                .filter(row -> ((ai.worldforge.json.JsonObject) row).get("runtime_manifest")
                        instanceof ai.worldforge.json.JsonObject)
                .count();
        // Every catalog provider but mock and the genie scaffold ships a manifest.
        assertThat(withManifest).isEqualTo(rows.items().size() - 2);
        Result genie = run("provider", "docs", "genie", "--runtime-manifests");
        assertThat(genie.out()).contains("| - | - | - | - | - | - | - |");
    }
}
