package ai.worldforge.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.worldforge.error.WorldForgeException;
import ai.worldforge.json.Json;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonFloat;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonNull;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Provenance envelopes (upstream-ops.md §3, reference {@code provenance.py} and its tests). */
class ProvenanceEnvelopeTest {
    private static final Clock CLOCK =
            Clock.fixed(Instant.parse("2026-03-04T05:06:07.891234Z"), ZoneId.of("Europe/Paris"));

    private static ProvenanceEnvelope.Builder stub() {
        return ProvenanceEnvelope.builder("evaluation", "physics", "evaluation:1", CLOCK)
                .providers(List.of("mock"))
                .capabilities(List.of("predict"))
                .claimBoundary("deterministic adapter contract checks")
                .metricSemantics("typed contract pass rates");
    }

    private static void rejects(UnaryOperator<ProvenanceEnvelope.Builder> change, String message) {
        assertThatThrownBy(() -> change.apply(stub()).build())
                .isInstanceOf(WorldForgeException.class)
                .hasMessage(message);
    }

    private static JsonObject dataset() {
        return JsonObject.builder()
                .put("id", JsonString.of("mock-evaluation-fixtures"))
                .put("name", JsonString.of("Mock evaluation fixtures"))
                .put("sha256", JsonString.of("sha256:abc"))
                .put("license", JsonString.of("Apache-2.0"))
                .put("entry_count", JsonInt.of(3))
                .put("privacy", JsonObject.EMPTY)
                .put("safety", JsonObject.EMPTY)
                .put("path", JsonString.of("examples/dataset-manifests/mock-evaluation-fixtures.json"))
                .build();
    }

    @Test
    void toJsonHasTheReferenceKeyOrderAndDefaults() {
        ProvenanceEnvelope envelope = stub().build();
        JsonObject json = envelope.toJson();
        assertThat(json.keys())
                .containsExactly(
                        "schema_version",
                        "kind",
                        "suite_id",
                        "suite_version",
                        "worldforge_version",
                        "created_at",
                        "command",
                        "providers",
                        "capabilities",
                        "runtime_manifests",
                        "input_digest",
                        "result_digest",
                        "budget_file",
                        "dataset_manifests",
                        "event_count",
                        "claim_boundary",
                        "metric_semantics",
                        "notes");
        assertThat(Json.writePretty(json, false).replace(ProvenanceEnvelope.DEFAULT_WORLDFORGE_VERSION, "<version>"))
                .isEqualTo("""
                        {
                          "schema_version": 2,
                          "kind": "evaluation",
                          "suite_id": "physics",
                          "suite_version": "evaluation:1",
                          "worldforge_version": "<version>",
                          "created_at": "2026-03-04T05:06:07+00:00",
                          "command": [],
                          "providers": [
                            "mock"
                          ],
                          "capabilities": [
                            "predict"
                          ],
                          "runtime_manifests": {},
                          "input_digest": null,
                          "result_digest": null,
                          "budget_file": null,
                          "dataset_manifests": [],
                          "event_count": 0,
                          "claim_boundary": "deterministic adapter contract checks",
                          "metric_semantics": "typed contract pass rates",
                          "notes": null
                        }""");
        assertThat(envelope.schemaVersion())
                .isEqualTo(ProvenanceEnvelope.SCHEMA_VERSION)
                .isEqualTo(2);
    }

    @Test
    void createdAtIsUtcWholeSecondsWithAnOffset() {
        assertThat(ProvenanceEnvelope.formatCreatedAt(CLOCK)).isEqualTo("2026-03-04T05:06:07+00:00");
        assertThat(ProvenanceEnvelope.formatCreatedAt(
                        Clock.fixed(Instant.parse("0999-12-31T23:59:59.999Z"), ZoneId.of("UTC"))))
                .isEqualTo("0999-12-31T23:59:59+00:00");
        assertThat(stub().createdAt(" 2026-01-01T00:00:00+00:00 ").build().createdAt())
                .isEqualTo("2026-01-01T00:00:00+00:00");
    }

    @Test
    void textIsStrippedAndNotesAreKeptAsGiven() {
        ProvenanceEnvelope envelope = stub().command(List.of(" worldforge ", "eval"))
                .runtimeManifests(Map.of(" leworldmodel ", " leworldmodel:schema-1 "))
                .notes(" release evidence ")
                .build();
        assertThat(envelope.command()).containsExactly("worldforge", "eval");
        assertThat(envelope.runtimeManifests()).containsExactly(Map.entry("leworldmodel", "leworldmodel:schema-1"));
        assertThat(envelope.notes()).contains(" release evidence ");
    }

    @Test
    void rejectsInvalidInputsWithTheReferenceMessages() {
        rejects(b -> b.kind("other"), "ProvenanceEnvelope kind must be one of: evaluation, benchmark.");
        rejects(b -> b.kind("Evaluation"), "ProvenanceEnvelope kind must be one of: evaluation, benchmark.");
        rejects(b -> b.suiteId(""), "ProvenanceEnvelope suite_id must be a non-empty string.");
        rejects(b -> b.suiteVersion(" "), "ProvenanceEnvelope suite_version must be a non-empty string.");
        rejects(b -> b.worldforgeVersion(""), "ProvenanceEnvelope worldforge_version must be a non-empty string.");
        rejects(b -> b.createdAt("\u3000"), "ProvenanceEnvelope created_at must be a non-empty string.");
        rejects(b -> b.schemaVersion(999), "ProvenanceEnvelope schema_version must be 2, got 999.");
        rejects(
                b -> b.command(List.of("a", " ")),
                "ProvenanceEnvelope command must be a sequence of non-empty strings.");
        rejects(b -> b.providers(List.of("")), "ProvenanceEnvelope providers must be a sequence of non-empty strings.");
        rejects(
                b -> b.capabilities(List.of("\t")),
                "ProvenanceEnvelope capabilities must be a sequence of non-empty strings.");
        rejects(
                b -> b.runtimeManifests(Map.of(" ", "x")),
                "ProvenanceEnvelope runtime_manifests keys must be non-empty provider names.");
        rejects(
                b -> b.runtimeManifests(Map.of("runway", "")),
                "ProvenanceEnvelope runtime_manifests values must be non-empty manifest ids.");
        rejects(
                b -> b.inputDigest("not-a-digest"),
                "ProvenanceEnvelope input_digest must be a 'sha256:<hex>' digest or None.");
        rejects(
                b -> b.resultDigest("sha256:"),
                "ProvenanceEnvelope result_digest must be a 'sha256:<hex>' digest or None.");
        rejects(
                b -> b.budgetFile(JsonObject.of("path", JsonString.of("x"))),
                "ProvenanceEnvelope budget_file 'sha256' must be a non-empty string.");
        rejects(
                b -> b.budgetFile(JsonObject.of("path", JsonString.of(" "), "sha256", JsonString.of("x"))),
                "ProvenanceEnvelope budget_file 'path' must be a non-empty string.");
        rejects(
                b -> b.budgetFile(JsonObject.of(
                        "path", JsonString.of("b.json"), "sha256", JsonString.of("x"), "metadata", JsonNull.INSTANCE)),
                "ProvenanceEnvelope budget_file 'metadata' must be a JSON object when provided.");
        rejects(
                b -> b.budgetFile(JsonObject.of(
                        "path",
                        JsonString.of("b.json"),
                        "sha256",
                        JsonString.of("x"),
                        "ratio",
                        JsonFloat.of(Double.NaN))),
                "ProvenanceEnvelope budget_file.ratio must be a finite number.");
        rejects(b -> b.eventCount(-1), "ProvenanceEnvelope event_count must be an integer greater than or equal to 0.");
        rejects(b -> b.claimBoundary(""), "ProvenanceEnvelope claim_boundary must be a non-empty string.");
        rejects(b -> b.metricSemantics(" "), "ProvenanceEnvelope metric_semantics must be a non-empty string.");
        rejects(b -> b.notes("  "), "ProvenanceEnvelope notes must be a non-empty string or None.");
        // The claim boundary and metric semantics have no usable default.
        assertThatThrownBy(() -> ProvenanceEnvelope.builder("benchmark", "b", "benchmark:1", CLOCK)
                        .build())
                .hasMessage("ProvenanceEnvelope claim_boundary must be a non-empty string.");
    }

    @Test
    void datasetManifestReferencesAreValidated() {
        assertThat(stub().datasetManifests(List.of(dataset())).build().datasetManifests())
                .containsExactly(dataset());
        String name = "ProvenanceEnvelope dataset_manifests[1]";
        rejects(
                b -> b.datasetManifests(List.of(dataset(), dataset().without("license"))),
                name + " 'license' must be a non-empty string.");
        rejects(
                b -> b.datasetManifests(List.of(dataset(), dataset().with("id", JsonInt.of(1)))),
                name + " 'id' must be a non-empty string.");
        rejects(
                b -> b.datasetManifests(List.of(dataset(), dataset().with("sha256", JsonString.of("md5:x")))),
                name + " sha256 must be a 'sha256:<hex>' digest or None.");
        rejects(
                b -> b.datasetManifests(List.of(dataset(), dataset().with("entry_count", JsonInt.of(0)))),
                name + " entry_count must be greater than zero.");
        rejects(
                b -> b.datasetManifests(List.of(dataset(), dataset().with("entry_count", JsonInt.of(-1)))),
                name + " entry_count must be an integer greater than or equal to 0.");
        rejects(
                b -> b.datasetManifests(List.of(dataset(), dataset().with("entry_count", JsonFloat.of(2.0)))),
                name + " entry_count must be an integer greater than or equal to 0.");
        rejects(
                b -> b.datasetManifests(List.of(dataset(), dataset().without("privacy"))),
                name + " 'privacy' must be a JSON object.");
        rejects(
                b -> b.datasetManifests(List.of(dataset(), dataset().with("safety", JsonArray.EMPTY))),
                name + " 'safety' must be a JSON object.");
        rejects(
                b -> b.datasetManifests(List.of(dataset(), dataset().with("path", JsonString.of(" ")))),
                name + " path must be a non-empty string or omitted.");
        assertThat(stub().datasetManifests(List.of(dataset().without("path")))
                        .build()
                        .datasetManifests())
                .hasSize(1);
    }

    @Test
    void toBuilderIsWithOverrides() {
        ProvenanceEnvelope envelope = stub().inputDigest("sha256:aa").notes("n").build();
        ProvenanceEnvelope swapped = envelope.toBuilder()
                .command(List.of("worldforge", "eval", "--suite", "physics"))
                .build();
        assertThat(swapped.command()).containsExactly("worldforge", "eval", "--suite", "physics");
        assertThat(swapped.suiteId()).isEqualTo(envelope.suiteId());
        assertThat(swapped.createdAt()).isEqualTo(envelope.createdAt());
        assertThat(swapped.inputDigest()).contains("sha256:aa");
        assertThat(envelope.toBuilder().build()).isEqualTo(envelope);
        assertThat(envelope.toBuilder()
                        .clearNotes()
                        .clearInputDigest()
                        .build()
                        .toJson()
                        .get("notes"))
                .isEqualTo(JsonNull.INSTANCE);
        assertThat(envelope.toBuilder().kind("benchmark").build().kind()).isEqualTo("benchmark");
    }

    @Test
    void roundTripsThroughFromJson() {
        Map<String, String> manifests = new LinkedHashMap<>();
        manifests.put("runway", "runway:schema-1");
        manifests.put("leworldmodel", "leworldmodel:schema-1");
        ProvenanceEnvelope envelope = stub().command(List.of("worldforge", "eval", "--suite", "physics"))
                .inputDigest(ProvenanceEnvelope.digestPayload(JsonObject.of("suite", JsonString.of("physics"))))
                .resultDigest(ProvenanceEnvelope.digestPayload(JsonArray.of(JsonObject.of("score", JsonFloat.of(0.9)))))
                .runtimeManifests(manifests)
                .budgetFile(JsonObject.of(
                        "path",
                        JsonString.of("budgets.json"),
                        "sha256",
                        JsonString.of("abc"),
                        "metadata",
                        JsonObject.EMPTY))
                .datasetManifests(List.of(dataset()))
                .eventCount(4)
                .notes("release evidence")
                .build();
        ProvenanceEnvelope rebuilt = ProvenanceEnvelope.fromJson(envelope.toJson());
        assertThat(rebuilt).isEqualTo(envelope);
        assertThat(Json.write(rebuilt.toJson())).isEqualTo(Json.write(envelope.toJson()));
        assertThat(rebuilt.runtimeManifests().keySet()).containsExactly("runway", "leworldmodel");
        assertThat(ProvenanceEnvelope.fromJson(Json.parse(Json.write(envelope.toJson()))))
                .isEqualTo(envelope);
    }

    @Test
    void fromJsonRequiresSchemaVersion2() {
        JsonObject json = stub().build().toJson();
        assertThatThrownBy(() -> ProvenanceEnvelope.fromJson(json.with("schema_version", JsonInt.of(1))))
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("ProvenanceEnvelope schema_version must be 2, got 1.");
        assertThatThrownBy(() -> ProvenanceEnvelope.fromJson(json.without("schema_version")))
                .hasMessage("ProvenanceEnvelope schema_version must be 2, got None.");
        assertThatThrownBy(() -> ProvenanceEnvelope.fromJson(json.with("schema_version", JsonString.of("2"))))
                .hasMessage("ProvenanceEnvelope schema_version must be 2, got '2'.");
        assertThatThrownBy(() -> ProvenanceEnvelope.fromJson(JsonArray.EMPTY))
                .hasMessage("ProvenanceEnvelope payload must be a JSON object.");
        assertThat(ProvenanceEnvelope.fromJson(json.with("schema_version", JsonFloat.of(2.0)))
                        .schemaVersion())
                .isEqualTo(2);
        assertThat(ProvenanceEnvelope.fromJson(json.without("worldforge_version"))
                        .worldforgeVersion())
                .isEqualTo(ProvenanceEnvelope.DEFAULT_WORLDFORGE_VERSION);
        assertThatThrownBy(() -> ProvenanceEnvelope.fromJson(json.without("kind")))
                .hasMessage("ProvenanceEnvelope kind must be one of: evaluation, benchmark.");
    }

    @Test
    void digestPayloadIsCanonicalAndRejectsNonFiniteNumbers() {
        JsonObject ab = JsonObject.builder()
                .put("a", JsonInt.of(1))
                .put("b", JsonInt.of(2))
                .build();
        JsonObject ba = JsonObject.builder()
                .put("b", JsonInt.of(2))
                .put("a", JsonInt.of(1))
                .build();
        assertThat(ProvenanceEnvelope.digestPayload(ab)).isEqualTo(ProvenanceEnvelope.digestPayload(ba));
        // sha256 of the bytes {"a":1,"b":2}
        assertThat(ProvenanceEnvelope.digestPayload(ab))
                .isEqualTo("sha256:43258cff783fe7036d8a43033f830adfc60ec037382473548ac742b888292777");
        assertThatThrownBy(() -> ProvenanceEnvelope.digestPayload(JsonObject.of("value", JsonFloat.of(Double.NaN))))
                .isInstanceOf(WorldForgeException.class);
    }

    @Test
    void runtimeManifestIds() {
        for (String provider :
                List.of("cosmos", "cosmos-policy", "gr00t", "jepa", "jepa-wms", "lerobot", "leworldmodel", "runway")) {
            assertThat(RuntimeManifests.idFor(provider)).contains(provider + ":schema-1");
        }
        assertThat(RuntimeManifests.idFor("mock")).isEmpty();
        assertThat(RuntimeManifests.idFor("Runway")).isEmpty();
        assertThat(RuntimeManifests.collect(List.of("mock"))).isEmpty();
        assertThat(RuntimeManifests.collect(List.of("runway", "mock", "cosmos")))
                .containsExactly(Map.entry("runway", "runway:schema-1"), Map.entry("cosmos", "cosmos:schema-1"));
    }
}
