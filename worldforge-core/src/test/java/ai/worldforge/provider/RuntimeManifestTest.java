package ai.worldforge.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.worldforge.error.WorldForgeException;
import ai.worldforge.json.Json;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonBool;
import ai.worldforge.json.JsonFloat;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
import ai.worldforge.trace.RuntimeManifests;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuntimeManifestTest {
    private static JsonObject valid() {
        return JsonObject.builder()
                .put("schema_version", JsonInt.of(1))
                .put("provider", "example")
                .put("capabilities", JsonArray.of(JsonString.of("score")))
                .put("optional_dependencies", JsonArray.of(JsonString.of("runtime")))
                .put("required_env_vars", JsonArray.of(JsonString.of("EXAMPLE_MODEL"), JsonString.of("EX_MODEL")))
                .put(
                        "optional_env_vars",
                        JsonArray.of(JsonString.of("EXAMPLE_API_TOKEN"), JsonString.of("EXAMPLE_DEVICE")))
                .put("default_model", "example/model")
                .put("device_support", JsonArray.of(JsonString.of("cpu")))
                .put("host_owned_artifacts", JsonArray.of(JsonString.of("checkpoint")))
                .put("minimum_smoke_command", "scripts/smoke --device cpu")
                .put("expected_success_signal", "scores returned")
                .put("setup_hint", "install runtime")
                .put("docs_path", "docs/src/providers/example.md")
                .build();
    }

    private static void assertRejected(JsonObject payload, String message) {
        assertThatThrownBy(() -> RuntimeManifest.fromJson(payload, "example.json"))
                .isInstanceOf(WorldForgeException.class)
                .hasMessage(message);
    }

    @Test
    void everyShippedManifestLoadsInFileNameOrder() {
        List<RuntimeManifest> manifests = RuntimeManifest.loadAll();
        assertThat(manifests)
                .extracting(RuntimeManifest::provider)
                .containsExactly(
                        "cosmos-policy", "cosmos", "gr00t", "jepa-wms", "jepa", "lerobot", "leworldmodel", "runway");
        for (RuntimeManifest manifest : manifests) {
            assertThat(manifest.schemaVersion()).isEqualTo(1);
            // This project's docs, not the reference's docs/src/providers/ pages.
            assertThat(manifest.docsPath()).startsWith("docs/").doesNotStartWith("docs/src/");
            assertThat(Path.of("..").resolve(manifest.docsPath())).isRegularFile();
            assertThat(manifest.minimumSmokeCommand()).isNotBlank();
            assertThat(manifest.expectedSuccessSignal()).isNotBlank();
            assertThat(manifest.hostOwnedArtifacts()).isNotEmpty();
            assertThat(RuntimeManifest.load(manifest.provider())).isEqualTo(manifest);
        }
    }

    @Test
    void bundledFileListMatchesTheResourceDirectory() throws Exception {
        Path directory = Path.of(RuntimeManifest.class
                .getResource(RuntimeManifest.RESOURCE_DIRECTORY)
                .toURI());
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                    .isEqualTo(RuntimeManifest.BUNDLED_FILES);
        }
        assertThat(RuntimeManifest.readAll(directory)).isEqualTo(RuntimeManifest.loadAll());
    }

    @Test
    void manifestsMatchTheCatalogProviders() {
        for (RuntimeManifest manifest : RuntimeManifest.loadAll()) {
            if (manifest.provider().equals("jepa-wms")) {
                // Direct-construction candidate: not in the catalog, score-only.
                assertThat(ProviderCatalog.find("jepa-wms")).isEmpty();
                assertThat(manifest.capabilities()).containsExactly("score");
                continue;
            }
            CatalogEntry entry = ProviderCatalog.find(manifest.provider()).orElseThrow();
            assertThat(entry.profile().requiredEnvVars()).isEqualTo(manifest.requiredEnvVars());
            assertThat(entry.docsEntry().docsPath()).isEqualTo(manifest.docsPath());
            if (!manifest.provider().equals("cosmos-policy")) {
                for (String capability : manifest.capabilities()) {
                    assertThat(entry.profile().capabilities().supports(Capability.fromName(capability)))
                            .as(manifest.provider() + " " + capability)
                            .isTrue();
                }
            }
        }
        // cosmos-policy advertises policy only with a host translator, so its catalog profile has none.
        assertThat(RuntimeManifest.load("cosmos-policy").capabilities()).containsExactly("policy");
    }

    @Test
    void provenanceIdsComeFromTheBundledManifests() {
        assertThat(RuntimeManifests.idFor("cosmos-policy")).contains("cosmos-policy:schema-1");
        assertThat(RuntimeManifests.idFor("mock")).isEmpty();
        assertThat(RuntimeManifests.idFor("genie")).isEmpty();
        assertThat(RuntimeManifests.collect(List.of("mock", "runway", "gr00t")))
                .isEqualTo(Map.of("runway", "runway:schema-1", "gr00t", "gr00t:schema-1"));
        assertThat(RuntimeManifest.load("jepa-wms").id()).isEqualTo("jepa-wms:schema-1");
    }

    @Test
    void unknownProviderHasNoManifest() {
        assertThatThrownBy(() -> RuntimeManifest.load("mock"))
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("Runtime manifest not found for provider 'mock'.");
        assertThat(RuntimeManifest.find("genie")).isEmpty();
        assertThat(RuntimeManifest.find("lerobot")).isPresent();
    }

    @Test
    void unknownKeysAreIgnoredAndTextsStripped() {
        RuntimeManifest manifest = RuntimeManifest.fromJson(
                valid().toBuilder()
                        .put("implementation_status", "stable")
                        .put("score_contract", JsonArray.EMPTY)
                        .put("provider", "  example  ")
                        .put("device_support", JsonArray.of(JsonString.of(" cpu ")))
                        .build(),
                "example.json");
        assertThat(manifest.provider()).isEqualTo("example");
        assertThat(manifest.deviceSupport()).containsExactly("cpu");
        assertThat(RuntimeManifest.load("leworldmodel").capabilities()).containsExactly("score");
    }

    @Test
    void rejectsEveryWeakRecordWithTheReferenceMessage() {
        assertRejected(
                valid().with("minimum_smoke_command", JsonString.of("")),
                "example.json field 'minimum_smoke_command' must be a non-empty string.");
        assertRejected(valid().without("provider"), "example.json field 'provider' must be a non-empty string.");
        assertRejected(
                valid().with("docs_path", JsonInt.of(3)), "example.json field 'docs_path' must be a non-empty string.");
        assertRejected(
                valid().with("schema_version", JsonBool.TRUE),
                "example.json field 'schema_version' must be an integer.");
        assertRejected(
                valid().with("schema_version", JsonFloat.of(1.0)),
                "example.json field 'schema_version' must be an integer.");
        assertRejected(valid().without("schema_version"), "example.json field 'schema_version' must be an integer.");
        assertRejected(valid().with("schema_version", JsonInt.of(2)), "example.json schema_version must be 1, got 2.");
        assertRejected(
                valid().with("capabilities", JsonArray.EMPTY),
                "example.json field 'capabilities' must be a non-empty string list.");
        assertRejected(
                valid().with("capabilities", JsonString.of("score")),
                "example.json field 'capabilities' must be a non-empty string list.");
        assertRejected(
                valid().with("required_env_vars", JsonArray.EMPTY),
                "example.json field 'required_env_vars' must be a non-empty string list.");
        assertRejected(
                valid().with("device_support", JsonArray.EMPTY),
                "example.json field 'device_support' must be a non-empty string list.");
        assertRejected(
                valid().with("host_owned_artifacts", JsonArray.EMPTY),
                "example.json field 'host_owned_artifacts' must be a non-empty string list.");
        assertRejected(
                valid().with("optional_dependencies", JsonArray.of(JsonString.of("a"), JsonString.of(" "))),
                "example.json field 'optional_dependencies' item 1 must be a non-empty string.");
        assertRejected(
                valid().with("optional_env_vars", JsonArray.of(JsonInt.of(1))),
                "example.json field 'optional_env_vars' item 0 must be a non-empty string.");
        // Empty lists are allowed where the reference allows them.
        RuntimeManifest lenient = RuntimeManifest.fromJson(
                valid().with("optional_dependencies", JsonArray.EMPTY).with("optional_env_vars", JsonArray.EMPTY),
                "example.json");
        assertThat(lenient.optionalDependencies()).isEmpty();
        assertThat(lenient.optionalEnvVars()).isEmpty();
    }

    @Test
    void readsFilesAndDirectoriesWithFileNamesAsSources(@TempDir Path dir) throws IOException {
        Files.writeString(
                dir.resolve("b-provider.json"), Json.writePretty(valid().with("provider", JsonString.of("b"))));
        Files.writeString(dir.resolve("a.json"), Json.writePretty(valid().with("provider", JsonString.of("a"))));
        Files.writeString(dir.resolve("notes.txt"), "ignored");
        assertThat(RuntimeManifest.readAll(dir))
                .extracting(RuntimeManifest::provider)
                .containsExactly("a", "b");

        Files.writeString(dir.resolve("c.json"), "[1, 2]");
        assertThatThrownBy(() -> RuntimeManifest.readAll(dir))
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("c.json must contain a JSON object.");
        Files.writeString(dir.resolve("c.json"), Json.writePretty(valid().with("schema_version", JsonInt.of(7))));
        assertThatThrownBy(() -> RuntimeManifest.read(dir.resolve("c.json")))
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("c.json schema_version must be 1, got 7.");
        assertThatThrownBy(() -> RuntimeManifest.read(dir.resolve("missing.json")))
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("Runtime manifest not found for provider 'missing'.");
        assertThatThrownBy(() -> RuntimeManifest.read(
                        new ByteArrayInputStream("{not json".getBytes(StandardCharsets.UTF_8)), "bad.json"))
                .isInstanceOf(WorldForgeException.class)
                .hasMessageStartingWith("bad.json is not valid JSON");
    }

    @Test
    void derivedHealthDetails() {
        RuntimeManifest lewm = RuntimeManifest.load("leworldmodel");
        assertThat(lewm.missingConfigurationDetail())
                .isEqualTo(
                        "missing LEWORLDMODEL_POLICY or LEWM_POLICY; configure runtime using" + " docs/providers.md");
        assertThat(lewm.missingDependencyDetail("torch"))
                .isEqualTo("missing optional dependency torch; install torch plus the official stable_worldmodel"
                        + " loading path in the host runtime; minimum smoke: bin/worldforge provider health"
                        + " leworldmodel");
        assertThat(RuntimeManifest.load("lerobot").missingDependencyDetail("not-in-manifest"))
                .isEqualTo("missing optional dependency not-in-manifest");
    }

    @Test
    void configSummaryListsThePrimaryVariableThenOptionalOnesWithoutValues() {
        RuntimeManifest manifest = RuntimeManifest.fromJson(valid(), "example.json");
        ProviderConfigSummary unset = manifest.configSummary(Environment.empty());
        assertThat(unset.configured()).isFalse();
        assertThat(unset.toJson())
                .isEqualTo(Json.parse("{\"provider\":\"example\",\"configured\":false,\"fields\":["
                        + "{\"name\":\"EXAMPLE_MODEL\",\"present\":false,\"source\":\"unset\",\"required\":true,"
                        + "\"secret\":false,\"valid\":false,\"detail\":\"missing\",\"aliases\":[\"EX_MODEL\"]},"
                        + "{\"name\":\"EXAMPLE_API_TOKEN\",\"present\":false,\"source\":\"unset\",\"required\":false,"
                        + "\"secret\":true,\"valid\":true,\"detail\":\"\",\"aliases\":[]},"
                        + "{\"name\":\"EXAMPLE_DEVICE\",\"present\":false,\"source\":\"unset\",\"required\":false,"
                        + "\"secret\":false,\"valid\":true,\"detail\":\"\",\"aliases\":[]}]}"));

        ProviderConfigSummary viaAlias = manifest.configSummary(
                Environment.of(Map.of("EX_MODEL", "m", "EXAMPLE_API_TOKEN", "s3cr3t", "EXAMPLE_DEVICE", "  ")));
        assertThat(viaAlias.configured()).isTrue();
        assertThat(viaAlias.fields().get(0).source()).isEqualTo("env:EX_MODEL");
        assertThat(viaAlias.fields().get(1).present()).isTrue();
        assertThat(viaAlias.fields().get(2).present()).isFalse();
        assertThat(viaAlias.toJson().toString()).doesNotContain("s3cr3t");
        assertThat(manifest.configSummary(Environment.empty(), true).configured())
                .isTrue();

        ProviderConfigSummary runway =
                RuntimeManifest.load("runway").configSummary(Environment.of(Map.of("RUNWAYML_API_SECRET", "x")));
        assertThat(runway.fields().get(0).secret()).isTrue();
        assertThat(runway.fields().get(0).aliases()).containsExactly("RUNWAY_API_SECRET");
    }

    @Test
    void toJsonKeepsTheSchemaKeys() {
        JsonValue json = RuntimeManifest.load("cosmos-policy").toJson();
        assertThat(((JsonObject) json).keys())
                .containsExactly(
                        "schema_version",
                        "provider",
                        "capabilities",
                        "optional_dependencies",
                        "required_env_vars",
                        "optional_env_vars",
                        "default_model",
                        "device_support",
                        "host_owned_artifacts",
                        "minimum_smoke_command",
                        "expected_success_signal",
                        "setup_hint",
                        "docs_path");
        assertThat(RuntimeManifest.fromJson(json, "cosmos-policy.json"))
                .isEqualTo(RuntimeManifest.load("cosmos-policy"));
    }
}
