package ai.worldforge.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.worldforge.WorldForge;
import ai.worldforge.error.WorldForgeException;
import ai.worldforge.json.Json;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonBool;
import ai.worldforge.json.JsonFloat;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonNull;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
import ai.worldforge.trace.ProvenanceEnvelope;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** §5 dataset manifests (behaviour 23) and their provenance references (behaviour 22). */
class DatasetManifestTest {
    private static final String MANIFEST = "examples/dataset-manifests/mock-evaluation-fixtures.json";
    private static final String FIXTURE = "examples/scenarios/cube-on-table.json";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);

    @TempDir
    Path root;

    private JsonObject manifest;

    @BeforeEach
    void copyFixtures() throws IOException, URISyntaxException {
        Path resources = Path.of(
                Objects.requireNonNull(getClass().getResource("datasets")).toURI());
        for (String relative : List.of(MANIFEST, FIXTURE)) {
            Path target = root.resolve(relative);
            Files.createDirectories(target.getParent());
            Files.copy(resources.resolve(relative), target);
        }
        manifest = (JsonObject) Json.parse(Files.readString(root.resolve(MANIFEST)));
    }

    private DatasetManifest parse(JsonObject payload) {
        return DatasetManifest.fromJson(payload, Optional.of(root));
    }

    private void rejects(UnaryOperator<JsonObject> change, String message) {
        JsonObject changed = change.apply(manifest);
        assertThatThrownBy(() -> parse(changed))
                .isInstanceOf(WorldForgeException.class)
                .hasMessage(message);
    }

    private static JsonObject entry(JsonObject manifest, int index) {
        return (JsonObject) ((JsonArray) Objects.requireNonNull(manifest.get("entries"))).get(index);
    }

    private static JsonObject withEntry(JsonObject manifest, int index, UnaryOperator<JsonObject> change) {
        JsonArray entries = (JsonArray) Objects.requireNonNull(manifest.get("entries"));
        List<JsonValue> items = new java.util.ArrayList<>(entries.items());
        items.set(index, change.apply((JsonObject) items.get(index)));
        return manifest.with("entries", JsonArray.copyOf(items));
    }

    private static JsonObject withMember(JsonObject manifest, String object, String key, JsonValue value) {
        JsonObject inner = (JsonObject) Objects.requireNonNull(manifest.get(object));
        return manifest.with(object, value == null ? inner.without(key) : inner.with(key, value));
    }

    @Test
    void bundledManifestLoadsAndVerifiesItsLocalFixture() {
        DatasetManifest loaded = DatasetManifest.load(root.resolve(MANIFEST), root);
        assertThat(loaded.id()).isEqualTo("mock-evaluation-fixtures");
        assertThat(loaded.entryCount()).isEqualTo(2);
        assertThat(loaded.entries().get(0).kind()).isEqualTo(DatasetManifestEntry.Kind.LOCAL_FIXTURE);
        assertThat(loaded.entries().get(0).path()).contains(FIXTURE);
        assertThat(loaded.entries().get(1).uri()).isPresent();
        assertThat(loaded.digest()).startsWith("sha256:").hasSize(71).isEqualTo(loaded.digest());
        assertThat(loaded.digest()).isEqualTo(ProvenanceEnvelope.digestPayload(loaded.toJson()));
        assertThat(DatasetManifest.fromJson(loaded.toJson(), Optional.of(root))).isEqualTo(loaded);
        assertThat(loaded.toJsonText()).endsWith("}\n");
    }

    @Test
    void referenceCarriesPathButNoEntries() {
        DatasetManifest loaded = DatasetManifest.load(root.resolve(MANIFEST), root);
        JsonObject reference = loaded.toReference(Optional.of(root.resolve(MANIFEST)), Optional.of(root));
        assertThat(reference.keys())
                .containsExactly(
                        "schema_version",
                        "id",
                        "name",
                        "sha256",
                        "entry_count",
                        "license",
                        "privacy",
                        "safety",
                        "host_owned",
                        "path");
        assertThat(reference.get("path")).isEqualTo(JsonString.of(MANIFEST));
        assertThat(reference.get("entry_count")).isEqualTo(JsonInt.of(2));
        assertThat(reference.get("host_owned")).isEqualTo(JsonBool.TRUE);
        assertThat(reference.get("privacy"))
                .isEqualTo(Json.parse("{\"classification\":\"public\",\"contains_personal_data\":false}"));
        assertThat(reference.get("safety"))
                .isEqualTo(Json.parse("{\"reviewed\":true,\"contains_sensitive_capability_data\":false,"
                        + "\"contains_robot_logs\":false}"));
        // Outside the root the reference is local-only; without a path it has neither.
        JsonObject outside = loaded.toReference(
                Optional.of(root.resolve(MANIFEST)), Optional.of(root.resolve("examples/scenarios")));
        assertThat(outside.get("local_only")).isEqualTo(JsonBool.TRUE);
        assertThat(outside.has("path")).isFalse();
        assertThat(loaded.toReference(Optional.empty(), Optional.of(root)).keys())
                .doesNotContain("path", "local_only");
        assertThat(DatasetManifest.references(List.of(root.resolve(MANIFEST)), root))
                .containsExactly(reference);
    }

    @Test
    void evaluationProvenanceCitesTheManifestWithAStableInputDigest() {
        WorldForge forge = WorldForge.builder().stateDir(root.resolve("state")).build();
        List<JsonObject> refs = DatasetManifest.references(List.of(root.resolve(MANIFEST)), root);
        EvaluationSuite suite = EvaluationSuite.fromBuiltin("physics", CLOCK);
        ProvenanceEnvelope first =
                suite.runReport(List.of("mock"), null, forge, refs).provenance().orElseThrow();
        ProvenanceEnvelope second =
                suite.runReport(List.of("mock"), null, forge, refs).provenance().orElseThrow();
        ProvenanceEnvelope uncited =
                suite.runReport(List.of("mock"), forge).provenance().orElseThrow();
        assertThat(first.eventCount()).isZero();
        assertThat(first.inputDigest()).isEqualTo(second.inputDigest());
        assertThat(first.inputDigest()).isNotEqualTo(uncited.inputDigest());
        assertThat(first.datasetManifests()).hasSize(1);
        JsonObject ref = first.datasetManifests().get(0);
        assertThat(ref.get("path")).isEqualTo(JsonString.of(MANIFEST));
        assertThat(ref.has("entries")).isFalse();
        JsonObject json = first.toJson();
        assertThat(Json.write(json)).doesNotContain("cube-on-table");
    }

    @Test
    void rejectsAMissingOwnerATraversalPathADigestMismatchAndAQueryUri() {
        String source = "Dataset manifest <dict>";
        rejects(
                m -> withMember(m, "provenance", "owner", null),
                source + " provenance.owner must be a non-empty string.");
        rejects(
                m -> withEntry(m, 0, e -> e.with("path", JsonString.of("../secrets.json"))),
                source + " entries[0].path must not contain traversal segments.");
        rejects(
                m -> withEntry(m, 0, e -> e.with("sha256", JsonString.of("sha256:" + "0".repeat(64)))),
                source + " entries[0].sha256 does not match local fixture " + FIXTURE + ".");
        rejects(
                m -> withEntry(m, 1, e -> e.with("uri", JsonString.of("https://example.com/data.json?sig=abc"))),
                source + " entries[1].uri must not include query strings or fragments.");
    }

    @Test
    void rejectsEveryInvalidTopLevelField() {
        String s = "Dataset manifest <dict>";
        assertThatThrownBy(() -> DatasetManifest.fromJson(JsonArray.EMPTY, Optional.empty()))
                .hasMessage(s + " must be a JSON object.");
        rejects(m -> m.with("schema_version", JsonInt.of(2)), s + " schema_version must be 1, got 2.");
        rejects(m -> m.without("schema_version"), s + " schema_version must be 1, got None.");
        rejects(m -> m.with("schema_version", JsonString.of("1")), s + " schema_version must be 1, got '1'.");
        assertThat(parse(manifest.with("schema_version", JsonFloat.of(1.0))).schemaVersion())
                .isEqualTo(1);
        rejects(m -> m.with("entries", JsonArray.EMPTY), s + " entries must be a non-empty list.");
        rejects(m -> m.without("entries"), s + " entries must be a non-empty list.");
        rejects(m -> m.with("id", JsonString.of("  ")), s + " id must be a non-empty string.");
        rejects(m -> m.without("name"), s + " name must be a non-empty string.");
        rejects(m -> m.with("description", JsonInt.of(1)), s + " description must be a non-empty string.");
        rejects(m -> m.without("license"), s + " license must be a non-empty string.");
        rejects(m -> m.with("provenance", JsonArray.EMPTY), s + " provenance must be a JSON object.");
        rejects(
                m -> withMember(m, "provenance", "source", JsonString.of("")),
                s + " provenance.source must be a non-empty string.");
        rejects(
                m -> withMember(m, "provenance", "version", null),
                s + " provenance.version must be a non-empty string.");
        rejects(
                m -> withMember(m, "provenance", "extra", JsonFloat.of(Double.NaN)),
                s + " provenance.extra must be a finite number.");
        rejects(m -> m.with("ignored", JsonFloat.of(Double.NaN)), s + ".ignored must be a finite number.");
        rejects(
                m -> withEntry(
                        m, 1, e -> e.with("metadata", JsonObject.of("rows", JsonFloat.of(Double.POSITIVE_INFINITY)))),
                s + " entries[1].metadata.rows must be a finite number.");
        rejects(m -> m.without("privacy"), s + " privacy must be a JSON object.");
        rejects(
                m -> withMember(m, "privacy", "classification", JsonString.of("secret")),
                s + " privacy.classification must be one of: public, restricted, sensitive.");
        rejects(
                m -> withMember(m, "privacy", "classification", null),
                s + " privacy.classification must be a non-empty string.");
        rejects(
                m -> withMember(m, "privacy", "contains_personal_data", JsonString.of("no")),
                s + " privacy.contains_personal_data must be a boolean.");
        rejects(m -> m.with("safety", JsonNull.INSTANCE), s + " safety must be a JSON object.");
        for (String key : List.of("reviewed", "contains_sensitive_capability_data", "contains_robot_logs")) {
            rejects(m -> withMember(m, "safety", key, JsonInt.of(1)), s + " safety." + key + " must be a boolean.");
        }
        rejects(
                m -> m.with("host_acquisition_steps", JsonArray.EMPTY),
                s + " host_acquisition_steps must be a non-empty list of strings.");
        rejects(
                m -> m.with("host_acquisition_steps", JsonArray.of(JsonString.of("ok"), JsonString.of(" "))),
                s + " host_acquisition_steps[1] must be a non-empty string.");
        rejects(m -> m.with("metadata", JsonArray.EMPTY), s + " metadata must be a JSON object.");
        assertThat(parse(manifest.with("metadata", JsonNull.INSTANCE)).metadata())
                .isEqualTo(JsonObject.EMPTY);
        // Text fields are stripped; the classification too.
        DatasetManifest stripped = parse(withMember(
                manifest.with("id", JsonString.of("  x  ")), "privacy", "classification", JsonString.of(" public ")));
        assertThat(stripped.id()).isEqualTo("x");
        assertThat(stripped.privacy().get("classification")).isEqualTo(JsonString.of("public"));
    }

    @Test
    void rejectsEveryInvalidEntryField() {
        String e0 = "Dataset manifest <dict> entries[0]";
        String e1 = "Dataset manifest <dict> entries[1]";
        rejects(
                m -> m.with("entries", JsonArray.of(JsonString.of("x"))),
                e0 + " dataset manifest entry must be a JSON object.");
        rejects(m -> withEntry(m, 0, e -> e.without("id")), e0 + ".id must be a non-empty string.");
        rejects(
                m -> withEntry(m, 0, e -> e.with("kind", JsonString.of("bucket"))),
                e0 + ".kind must be one of: local-fixture, remote-reference, host-asset.");
        rejects(
                m -> withEntry(m, 0, e -> e.with("description", JsonString.of(""))),
                e0 + ".description must be a non-empty string.");
        for (String bad : List.of("md5:abc", "sha256:abc", "sha256:" + "g".repeat(64), "sha256:" + "0".repeat(65))) {
            rejects(
                    m -> withEntry(m, 0, e -> e.with("sha256", JsonString.of(bad))),
                    e0 + ".sha256 must be a sha256:<64 hex> digest.");
        }
        rejects(
                m -> withEntry(m, 0, e -> e.with("license", JsonString.of(" "))),
                e0 + ".license must be a non-empty string.");
        rejects(m -> withEntry(m, 0, e -> e.with("metadata", JsonInt.of(1))), e0 + ".metadata must be a JSON object.");
        for (String unsafe : List.of("/etc/passwd.json", "~/x.json", "a\\b.json", "C:/x.json", "a:b.json")) {
            rejects(
                    m -> withEntry(m, 0, e -> e.with("path", JsonString.of(unsafe))),
                    e0 + ".path must be a repository-relative safe path.");
        }
        rejects(
                m -> withEntry(m, 0, e -> e.with("path", JsonString.of("a/../b.json"))),
                e0 + ".path must not contain traversal segments.");
        for (String suffix : List.of("data.parquet", "data", ".json", "archive.tar.gz")) {
            rejects(
                    m -> withEntry(m, 0, e -> e.with("path", JsonString.of(suffix))),
                    e0 + ".path must reference a safe text or JSON fixture file.");
        }
        rejects(m -> withEntry(m, 0, e -> e.without("path")), e0 + ".path must be a non-empty string.");
        rejects(
                m -> withEntry(m, 0, e -> e.with("path", JsonString.of("examples/missing.json"))),
                e0 + ".path local fixture does not exist: examples/missing.json");
        rejects(m -> withEntry(m, 1, e -> e.without("uri")), e1 + ".uri must be a non-empty string.");
        for (String uri :
                List.of("http://example.com/x.json", "https:///x.json", "ftp://example.com/x", "example.com/x")) {
            rejects(
                    m -> withEntry(m, 1, e -> e.with("uri", JsonString.of(uri))),
                    e1 + ".uri must be a stable https URI.");
        }
        rejects(
                m -> withEntry(m, 1, e -> e.with("uri", JsonString.of("https://example.com/x.json#frag"))),
                e1 + ".uri must not include query strings or fragments.");
        rejects(
                m -> withEntry(m, 1, e -> e.with("uri", JsonString.of("https://[::1/x.json"))),
                e1 + ".uri must be a valid https URI.");
        JsonObject hostAsset = JsonObject.builder()
                .put("id", "robot-logs")
                .put("kind", "host-asset")
                .put("description", "Logs prepared on the host.")
                .put("sha256", "sha256:" + "a".repeat(64))
                .build();
        rejects(m -> withEntry(m, 1, e -> hostAsset), e1 + ".asset_id must be a non-empty string.");
        rejects(
                m -> withEntry(
                        m,
                        1,
                        e -> hostAsset.with("asset_id", JsonString.of("a1")).with("path", JsonString.of("x.json"))),
                e1 + ".path must not be used for host-owned assets; record host_acquisition_steps instead.");
        DatasetManifest withAsset = parse(withEntry(manifest, 1, e -> hostAsset.with("asset_id", JsonString.of("a1"))));
        assertThat(withAsset.entries().get(1).assetId()).contains("a1");
        assertThat(withAsset.entries().get(1).toJson().keys())
                .containsExactly("id", "kind", "description", "sha256", "metadata", "asset_id");
    }

    @Test
    void localFixtureChecksNeedARootAndStayInsideIt() throws IOException {
        // Without a root the fixture file is not looked at.
        JsonObject missing = withEntry(manifest, 0, e -> e.with("path", JsonString.of("nowhere/x.json")));
        assertThat(DatasetManifest.fromJson(missing, Optional.empty())
                        .entries()
                        .get(0)
                        .path())
                .contains("nowhere/x.json");
        // Empty and "." segments are dropped like Python's Path does.
        assertThat(parse(withEntry(
                                manifest,
                                0,
                                e -> e.with("path", JsonString.of("./examples//scenarios/cube-on-table.json"))))
                        .entries()
                        .get(0)
                        .path())
                .contains(FIXTURE);
        Path big = root.resolve("examples/big.txt");
        Files.write(big, new byte[1_000_001]);
        rejects(
                m -> withEntry(m, 0, e -> e.with("path", JsonString.of("examples/big.txt"))),
                "Dataset manifest <dict> entries[0].path exceeds 1000000 bytes; do not store datasets here.");
        Path outside = Files.createTempDirectory("wf-outside");
        try {
            Files.writeString(outside.resolve("x.json"), "{}");
            Files.createSymbolicLink(root.resolve("examples/link.json"), outside.resolve("x.json"));
            rejects(
                    m -> withEntry(m, 0, e -> e.with("path", JsonString.of("examples/link.json"))),
                    "Dataset manifest <dict> entries[0].path resolves outside the manifest root.");
        } catch (UnsupportedOperationException e) {
            // Symbolic links are not available on this file system.
        } finally {
            Files.deleteIfExists(root.resolve("examples/link.json"));
            Files.deleteIfExists(outside.resolve("x.json"));
            Files.deleteIfExists(outside);
        }
    }

    @Test
    void loadAndParseErrors() throws IOException {
        Path missing = root.resolve("nope.json");
        assertThatThrownBy(() -> DatasetManifest.load(missing, root))
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("Failed to read dataset manifest " + missing + ": [Errno 2] No such file or directory: '"
                        + missing + "'");
        assertThatThrownBy(() -> DatasetManifest.references(List.of(missing), root))
                .hasMessageStartingWith("Failed to read dataset manifest " + missing + ": ");
        Path broken = root.resolve("broken.json");
        Files.writeString(broken, "{");
        assertThatThrownBy(() -> DatasetManifest.load(broken, root))
                .hasMessageStartingWith("Dataset manifest " + broken + " contains invalid JSON: ");
        Path list = root.resolve("list.json");
        Files.writeString(list, "[]");
        assertThatThrownBy(() -> DatasetManifest.load(list, root))
                .hasMessage("Dataset manifest " + list + " must be a JSON object.");
        assertThatThrownBy(() -> DatasetManifest.parse("[]", Optional.empty()))
                .hasMessage("Dataset manifest <string> must be a JSON object.");
        assertThatThrownBy(() -> DatasetManifest.parse("nope", Optional.empty()))
                .hasMessageStartingWith("Dataset manifest <string> contains invalid JSON: ");
        assertThatThrownBy(() -> DatasetManifest.parse(Json.write(manifest.without("id")), Optional.empty()))
                .hasMessage("Dataset manifest <string> id must be a non-empty string.");
        assertThat(DatasetManifest.parse(Json.write(manifest), Optional.of(root))
                        .id())
                .isEqualTo("mock-evaluation-fixtures");
    }
}
