package ai.worldforge.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.worldforge.error.WorldForgeException;
import ai.worldforge.json.Json;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigProfileTest {
    private static final String VALID = """
            {"schema_version": 1, "name": "local-bench", "description": "checkout defaults",
             "providers": ["mock"], "operations": ["predict"], "output_format": "json",
             "run_workspace": ".worldforge/profiled-runs", "state_dir": ".worldforge/worlds",
             "timeout_preset": "checkout-safe", "retry_preset": "standard",
             "runtime_cache_roots": {"lerobot": "cache/lerobot", "leworldmodel": "cache/lewm"}}
            """;

    @TempDir
    Path dir;

    @Test
    void loadsAValidProfileWithRawByteDigest() throws Exception {
        Path file = dir.resolve("profile.json");
        Files.writeString(file, VALID);
        ConfigProfile profile = ConfigProfile.load(file);
        assertThat(profile.name()).isEqualTo("local-bench");
        assertThat(profile.providers()).containsExactly("mock");
        assertThat(profile.operations()).containsExactly("predict");
        assertThat(profile.outputFormat()).contains("json");
        assertThat(profile.effectiveRunWorkspace()).contains(".worldforge/profiled-runs");
        assertThat(profile.stateDir()).contains(".worldforge/worlds");
        String hex = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(VALID.getBytes(StandardCharsets.UTF_8)));
        assertThat(profile.sha256()).isEqualTo("sha256:" + hex);
        // An absolute path is labelled by its file name only.
        assertThat(profile.source()).isEqualTo("profile:profile.json");
        assertThat(profile.commandArgs()).containsExactly("--profile", "profile.json");

        JsonObject provenance = profile.toProvenance();
        assertThat(provenance.keys())
                .containsExactly(
                        "schema_version",
                        "name",
                        "source",
                        "sha256",
                        "providers",
                        "operations",
                        "workspace_dir",
                        "run_workspace",
                        "state_dir",
                        "output_format",
                        "timeout_preset",
                        "retry_preset",
                        "runtime_cache_roots");
        assertThat(Json.write(provenance))
                .isEqualTo("{\"name\":\"local-bench\",\"operations\":[\"predict\"],\"output_format\":\"json\","
                        + "\"providers\":[\"mock\"],\"retry_preset\":\"standard\",\"run_workspace\":"
                        + "\".worldforge/profiled-runs\",\"runtime_cache_roots\":{\"lerobot\":\"cache/lerobot\","
                        + "\"leworldmodel\":\"cache/lewm\"},\"schema_version\":1,\"sha256\":\"sha256:" + hex
                        + "\",\"source\":\"profile:profile.json\",\"state_dir\":\".worldforge/worlds\","
                        + "\"timeout_preset\":\"checkout-safe\",\"workspace_dir\":null}");
        assertThat(ConfigProfile.validateProvenance(provenance)).isEqualTo(provenance);
    }

    @Test
    void relativePathsKeepTheirNormalisedLabel() {
        ConfigProfile profile = ConfigProfile.parse(
                Json.parse("{\"schema_version\":1,\"name\":\"p\",\"provider\":\"mock\",\"workspace_dir\":\"ws\"}"),
                Optional.of(Path.of("./configs//p.json")),
                Optional.empty());
        assertThat(profile.source()).isEqualTo("profile:configs/p.json");
        assertThat(profile.sha256()).isEqualTo("sha256:" + "0".repeat(64));
        assertThat(profile.providers()).containsExactly("mock");
        assertThat(profile.effectiveRunWorkspace()).contains("ws");
        assertThat(ConfigProfile.parse(
                                Json.parse("{\"schema_version\":1,\"name\":\"p\"}"),
                                Optional.of(Path.of("../p.json")),
                                Optional.empty())
                        .source())
                .isEqualTo("profile:p.json");
        assertThat(ConfigProfile.parse(
                                Json.parse("{\"schema_version\":1,\"name\":\"p\"}"), Optional.empty(), Optional.empty())
                        .source())
                .isEqualTo("profile:p");
    }

    @Test
    void fileErrors() throws IOException {
        Path missing = dir.resolve("missing.json");
        assertThatThrownBy(() -> ConfigProfile.load(missing))
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("Failed to read configuration profile " + missing
                        + ": [Errno 2] No such file or directory: '" + missing + "'");
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"schema_version\": ");
        assertThatThrownBy(() -> ConfigProfile.load(bad))
                .hasMessageStartingWith(
                        "Configuration profile " + bad + " must be valid JSON or TOML: Expecting value");
        Path list = dir.resolve("list.json");
        Files.writeString(list, "[]");
        assertThatThrownBy(() -> ConfigProfile.load(list))
                .hasMessage("Configuration profile must contain a JSON/TOML object.");
        Path toml = dir.resolve("profile.toml");
        Files.writeString(toml, "schema_version = 1\n");
        assertThatThrownBy(() -> ConfigProfile.load(toml))
                .hasMessage("Configuration profile " + toml
                        + " uses TOML, which this build does not support; convert it to a JSON profile.");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {"schema_version":1,"name":"p","api_key":"x"}                       | Configuration profile field 'profile.api_key' uses a secret-looking key.
            {"schema_version":1,"name":"p","runtime_cache_roots":{"auth_dir":"a"}} | Configuration profile field 'profile.runtime_cache_roots.auth_dir' uses a secret-looking key.
            {"schema_version":1,"name":"p","description":"token=abc"}           | Configuration profile must not contain secret material.
            {"schema_version":1,"name":"p","description":"Bearer abc"}          | Configuration profile must not contain secret material.
            {"schema_version":1,"name":"p","description":"https://h/x?sig=1"}   | Configuration profile must not contain secret material.
            {"schema_version":1,"name":"p","description":"dir/file?x=1"}        | Configuration profile must not contain signed URLs or query strings.
            {"schema_version":1,"name":"p","extra":1,"another":2}               | Configuration profile has unsupported keys: another, extra.
            {"schema_version":2,"name":"p"}                                     | Configuration profile schema_version must be 1.
            {"name":"p"}                                                        | Configuration profile schema_version must be 1.
            {"schema_version":1}                                                | Configuration profile name must be a non-empty string.
            {"schema_version":1,"name":"a b"}                                   | Configuration profile name may only contain letters, numbers, '.', '_', and '-'.
            {"schema_version":1,"name":"p","provider":"a","providers":["b"]}    | Configuration profile cannot set both provider and providers.
            {"schema_version":1,"name":"p","operations":"predict"}              | Configuration profile operations must be a string list.
            {"schema_version":1,"name":"p","providers":[1]}                     | Configuration profile providers must be a string list.
            {"schema_version":1,"name":"p","providers":["a b"]}                 | Configuration profile providers item may only contain letters, numbers, '.', '_', ':', '/', and '-'.
            {"schema_version":1,"name":"p","provider":""}                       | Configuration profile must not contain signed URLs or query strings.
            {"schema_version":1,"name":"p","provider":3}                        | Configuration profile provider must be a non-empty string.
            {"schema_version":1,"name":"p","state_dir":"/abs"}                  | Configuration profile state_dir must use a safe relative path.
            {"schema_version":1,"name":"p","state_dir":"~/x"}                   | Configuration profile state_dir must use a safe relative path.
            {"schema_version":1,"name":"p","state_dir":"s3:bucket"}             | Configuration profile state_dir must be a relative filesystem path.
            {"schema_version":1,"name":"p","workspace_dir":"a/../b"}            | Configuration profile workspace_dir must not contain '..'.
            {"schema_version":1,"name":"p","run_workspace":"cfg/.env"}          | Configuration profile run_workspace must not point at env files.
            {"schema_version":1,"name":"p","run_workspace":"."}                 | Configuration profile run_workspace must be a non-empty path.
            {"schema_version":1,"name":"p","output_format":"yaml"}              | Configuration profile output_format must be one of: markdown, json, csv, html.
            {"schema_version":1,"name":"p","timeout_preset":"fast"}             | Configuration profile timeout_preset must be one of: checkout-safe, remote, prepared-host.
            {"schema_version":1,"name":"p","retry_preset":"always"}             | Configuration profile retry_preset must be one of: none, standard, patient.
            {"schema_version":1,"name":"p","runtime_cache_roots":["a"]}         | Configuration profile runtime_cache_roots must be an object.
            {"schema_version":1,"name":"p","runtime_cache_roots":{"x":"../c"}}  | Configuration profile runtime_cache_roots.x must not contain '..'.
            {"schema_version":1,"name":"p","runtime_cache_roots":{"a b":"c"}}   | Configuration profile runtime_cache_roots provider may only contain letters, numbers, '.', '_', ':', '/', and '-'.
            {"schema_version":1,"name":"p","description":NaN}                   | Configuration profile.description must be a finite number.
            """)
    void rejectsInvalidProfiles(String json, String message) {
        assertThatThrownBy(() -> ConfigProfile.parse(Json.parse(json), Optional.empty(), Optional.empty()))
                .isInstanceOf(WorldForgeException.class)
                .hasMessage(message);
    }

    @Test
    void pythonEqualityAcceptsTrueAndOnePointZeroAsSchemaOne() {
        assertThat(ConfigProfile.parse(
                                Json.parse("{\"schema_version\":1.0,\"name\":\"p\"}"),
                                Optional.empty(),
                                Optional.empty())
                        .name())
                .isEqualTo("p");
        assertThat(ConfigProfile.parse(
                                Json.parse("{\"schema_version\":true,\"name\":\"p\"}"),
                                Optional.empty(),
                                Optional.empty())
                        .name())
                .isEqualTo("p");
    }

    @Test
    void provenanceValidationGuardsManifestBlocks() {
        assertThatThrownBy(() -> ConfigProfile.validateProvenance(Json.parse(
                        "{\"schema_version\":1,\"name\":\"p\"," + "\"source\":\"profile:p\",\"description\":\"x\"}")))
                .hasMessage("Configuration profile provenance has unsupported keys: description.");
        assertThatThrownBy(() -> ConfigProfile.validateProvenance(
                        Json.parse("{\"schema_version\":3,\"name\":\"p\",\"source\":\"profile:p\"}")))
                .hasMessage("Configuration profile provenance schema_version must be 1.");
        assertThatThrownBy(() -> ConfigProfile.validateProvenance(Json.parse(
                        "{\"schema_version\":1,\"name\":\"p\",\"source\":\"profile:p\",\"sha256\":\"sha256:ABC\"}")))
                .hasMessage("Configuration profile sha256 must use sha256:<64 lowercase hex>.");
        JsonObject minimal = ConfigProfile.validateProvenance(
                Json.parse("{\"schema_version\":1,\"name\":\"p\",\"source\":\"profile:p\"}"));
        assertThat(minimal.get("sha256")).isEqualTo(JsonString.of("sha256:" + "0".repeat(64)));
        assertThat(Json.write(minimal.get("providers"))).isEqualTo("[]");
        assertThat(Json.write(minimal.get("state_dir"))).isEqualTo("null");
    }

    @Test
    void typedFlagsAreDetectedUpToDoubleDash() {
        List<String> argv =
                List.of("benchmark", "--profile", "p.json", "--format=csv", "--iterations", "1", "--", "--state-dir");
        assertThat(ConfigProfile.wasTyped(argv, "--format")).isTrue();
        assertThat(ConfigProfile.wasTyped(argv, "--iterations")).isTrue();
        assertThat(ConfigProfile.wasTyped(argv, "--state-dir")).isFalse();
        assertThat(ConfigProfile.wasTyped(argv, "--provider")).isFalse();
        assertThat(ConfigProfile.typedOptions(argv)).containsExactly("--profile", "--format", "--iterations");
    }

    @Test
    void outputFormatIsCheckedAgainstTheCommand() {
        ConfigProfile profile = ConfigProfile.parse(
                Json.parse("{\"schema_version\":1,\"name\":\"p\",\"output_format\":\"html\"}"),
                Optional.empty(),
                Optional.empty());
        assertThat(profile.outputFormatFor("benchmark", Set.of("markdown", "json", "csv", "html")))
                .contains("html");
        assertThatThrownBy(() -> profile.outputFormatFor("runs list", Set.of("json", "markdown")))
                .hasMessage("Configuration profile output_format 'html' is not supported by `runs list`.");
    }
}
