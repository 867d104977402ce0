package ai.worldforge.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.worldforge.error.WorldForgeException;
import ai.worldforge.event.ProviderEvent;
import ai.worldforge.json.Json;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonFloat;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonNull;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/**
 * Workflow traces (upstream-ops.md §2, reference {@code workflow_trace.py} and its tests). Expected
 * Markdown is derived from the reference's {@code to_markdown} code; durations use Python's
 * {@code f"{x:.2f}"} (2.675 → 2.67, 0.125 → 0.12, 12.345 → 12.35).
 */
class WorkflowTraceTest {

    private static WorkflowTraceStep step(String id, String status) {
        return WorkflowTraceStep.builder(id, "op " + id).status(status).build();
    }

    private static WorkflowTrace nested() {
        return WorkflowTrace.builder("nested-trace", "Nested trace")
                .step(WorkflowTraceStep.builder("root", "batch | evaluation")
                        .status("failed")
                        .outputArtifacts(List.of(WorkflowArtifactRef.of("report", "reports/report.json")))
                        .build())
                .step(WorkflowTraceStep.builder("provider", "provider run")
                        .status(WorkflowStatus.SUCCESS)
                        .parentId("root")
                        .provider("mock")
                        .capability("predict")
                        .durationMs(12.345)
                        .build())
                .step(WorkflowTraceStep.builder("optional-rerun", "rerun layer")
                        .status("SKIPPED")
                        .parentId("root")
                        .errorSummary("rerun extra not installed")
                        .durationMs(0.125)
                        .build())
                .step(WorkflowTraceStep.builder("failed-scenario", "scenario\nmatrix")
                        .status(" failed ")
                        .parentId("provider")
                        .provider("mock")
                        .durationMs(2.675)
                        .errorSummary("ProviderError: a|b token=xyz at /tmp/run/x.json")
                        .build())
                .metadata(JsonObject.of("suite", JsonString.of("physics")))
                .build();
    }

    // ------------------------------------------------------------------ serialisation

    @Test
    void nestedTraceJsonHasTheReferenceShape() {
        WorkflowTrace trace = nested();
        JsonObject json = trace.toJson();
        assertThat(json.keys())
                .containsExactly(
                        "schema_version",
                        "workflow_id",
                        "name",
                        "status",
                        "safe_to_attach",
                        "step_count",
                        "status_counts",
                        "metadata",
                        "steps");
        assertThat(json.get("status")).isEqualTo(JsonString.of("failed"));
        assertThat(json.get("safe_to_attach")).isEqualTo(ai.worldforge.json.JsonBool.TRUE);
        assertThat(json.get("step_count")).isEqualTo(JsonInt.of(4));
        assertThat(Json.write(json.get("status_counts")))
                .isEqualTo("{\"failed\":2,\"pending\":0,\"running\":0,\"skipped\":1,\"success\":1}");
        assertThat(((JsonObject) json.get("status_counts")).keys())
                .containsExactly("pending", "running", "success", "skipped", "failed");
        JsonArray steps = (JsonArray) json.get("steps");
        JsonObject root = (JsonObject) steps.get(0);
        assertThat(root.keys())
                .containsExactly("step_id", "operation", "status", "input_artifacts", "output_artifacts");
        assertThat(Json.write(root.get("output_artifacts")))
                .isEqualTo("[{\"label\":\"report\",\"path\":\"reports/report.json\",\"safe_to_attach\":true}]");
        JsonObject provider = (JsonObject) steps.get(1);
        assertThat(provider.keys())
                .containsExactly(
                        "step_id",
                        "operation",
                        "status",
                        "input_artifacts",
                        "output_artifacts",
                        "provider",
                        "capability",
                        "parent_id",
                        "duration_ms");
        assertThat(provider.get("duration_ms")).isEqualTo(JsonFloat.of(12.345));
        JsonObject failed = (JsonObject) steps.get(3);
        assertThat(failed.get("status")).isEqualTo(JsonString.of("failed"));
        assertThat(failed.get("error_summary"))
                .isEqualTo(JsonString.of("ProviderError: a|b token=[redacted] at <host-local-path>"));
        assertThat(trace.statusCounts())
                .containsExactly(
                        Map.entry(WorkflowStatus.PENDING, 0),
                        Map.entry(WorkflowStatus.RUNNING, 0),
                        Map.entry(WorkflowStatus.SUCCESS, 1),
                        Map.entry(WorkflowStatus.SKIPPED, 1),
                        Map.entry(WorkflowStatus.FAILED, 2));
    }

    @Test
    void toJsonTextIsSortedPrettyJsonWithANewline() {
        WorkflowTrace trace = WorkflowTrace.of("t", "T", List.of(step("a", "success")));
        assertThat(trace.toJsonText()).isEqualTo("""
                        {
                          "metadata": {},
                          "name": "T",
                          "safe_to_attach": true,
                          "schema_version": 1,
                          "status": "success",
                          "status_counts": {
                            "failed": 0,
                            "pending": 0,
                            "running": 0,
                            "skipped": 0,
                            "success": 1
                          },
                          "step_count": 1,
                          "steps": [
                            {
                              "input_artifacts": [],
                              "operation": "op a",
                              "output_artifacts": [],
                              "status": "success",
                              "step_id": "a"
                            }
                          ],
                          "workflow_id": "t"
                        }
                        """);
    }

    @Test
    void markdownIsByteIdenticalToTheReference() {
        assertThat(nested().toMarkdown()).isEqualTo("""
                        # WorldForge Workflow Trace

                        - workflow_id: `nested-trace`
                        - name: Nested trace
                        - status: `failed`
                        - schema_version: 1
                        - steps: 4

                        | Step | Parent | Operation | Provider | Capability | Status | Duration | Error |
                        | --- | --- | --- | --- | --- | --- | ---: | --- |
                        | `root` | - | batch \\| evaluation | - | - | `failed` | - | - |
                        | `provider` | root | provider run | mock | predict | `success` | 12.35 | - |
                        | `optional-rerun` | root | rerun layer | - | - | `skipped` | 0.12 | rerun extra not installed |
                        | `failed-scenario` | provider | scenario matrix | mock | - | `failed` | 2.67 | \
                        ProviderError: a\\|b token=[redacted] at <host-local-path> |
                        """);
    }

    @Test
    void unsafeArtifactsMakeTheTraceUnsafeToAttach() {
        WorkflowTrace trace = WorkflowTrace.of(
                "local-artifact-trace",
                "Local artifact trace",
                List.of(WorkflowTraceStep.builder("checkpoint", "prepared-host checkpoint")
                        .status("success")
                        .outputArtifacts(List.of(WorkflowArtifactRef.builder("checkpoint")
                                .path("/Users/example/.cache/model.ckpt")
                                .safeToAttach(false)
                                .build()))
                        .build()));
        JsonObject json = trace.toJson();
        assertThat(json.get("safe_to_attach")).isEqualTo(ai.worldforge.json.JsonBool.FALSE);
        JsonObject artifact = (JsonObject)
                ((JsonArray) ((JsonObject) ((JsonArray) json.get("steps")).get(0)).get("output_artifacts")).get(0);
        assertThat(Json.write(artifact))
                .isEqualTo("{\"label\":\"checkpoint\",\"path\":\"<host-local-path>\",\"safe_to_attach\":false}");
        assertThat(trace.safeToAttach()).isFalse();
    }

    // ------------------------------------------------------------------ derived status

    @Test
    void statusIsDerivedWithTheReferencePrecedence() {
        assertThat(WorkflowTrace.of("t", "T", List.of(step("a", "success"), step("b", "failed"), step("c", "running")))
                        .status())
                .isEqualTo(WorkflowStatus.FAILED);
        assertThat(WorkflowTrace.of("t", "T", List.of(step("a", "pending"), step("b", "running")))
                        .status())
                .isEqualTo(WorkflowStatus.RUNNING);
        assertThat(WorkflowTrace.of("t", "T", List.of(step("a", "skipped"), step("b", "skipped")))
                        .status())
                .isEqualTo(WorkflowStatus.SKIPPED);
        assertThat(WorkflowTrace.of("t", "T", List.of(step("a", "skipped"), step("b", "pending")))
                        .status())
                .isEqualTo(WorkflowStatus.PENDING);
        assertThat(WorkflowTrace.of("t", "T", List.of(step("a", "skipped"), step("b", "success")))
                        .status())
                .isEqualTo(WorkflowStatus.SUCCESS);
    }

    @Test
    void anExplicitStatusMustMatchTheDerivedOne() {
        List<WorkflowTraceStep> failed = List.of(WorkflowTraceStep.builder("provider", "provider run")
                .status("failed")
                .errorSummary("Provider failed.")
                .build());
        assertThatThrownBy(() -> WorkflowTrace.builder("contradictory-trace", "Contradictory trace")
                        .status("success")
                        .steps(failed)
                        .build())
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("WorkflowTrace status must match the status derived from its steps.");
        assertThatThrownBy(() -> new WorkflowTrace(1, "t", "T", WorkflowStatus.SUCCESS, JsonObject.EMPTY, failed))
                .hasMessage("WorkflowTrace status must match the status derived from its steps.");
        assertThat(WorkflowTrace.builder("t", "T")
                        .status(" FAILED ")
                        .steps(failed)
                        .build()
                        .status())
                .isEqualTo(WorkflowStatus.FAILED);
        assertThat(WorkflowTrace.builder("t", "T")
                        .status("")
                        .steps(failed)
                        .build()
                        .status())
                .isEqualTo(WorkflowStatus.FAILED);
        assertThatThrownBy(() -> WorkflowTrace.builder("t", "T")
                        .status("done")
                        .steps(failed)
                        .build())
                .hasMessage("WorkflowTrace status must be one of: pending, running, success, skipped, failed.");
        assertThatThrownBy(() -> WorkflowTrace.builder("t", "T")
                        .status("  ")
                        .steps(failed)
                        .build())
                .hasMessage("WorkflowTrace status must be a non-empty string.");
    }

    // ------------------------------------------------------------------ trace validation

    @Test
    void traceValidationMessages() {
        List<WorkflowTraceStep> one = List.of(step("a", "success"));
        assertThatThrownBy(() -> WorkflowTrace.builder("t", "T")
                        .schemaVersion(2)
                        .steps(one)
                        .build())
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("WorkflowTrace schema_version must be 1.");
        assertThatThrownBy(() -> new WorkflowTrace(2, "t", "T", WorkflowStatus.SUCCESS, JsonObject.EMPTY, one))
                .hasMessage("WorkflowTrace schema_version must be 1.");
        assertThatThrownBy(() -> WorkflowTrace.of(" ", "T", one)).hasMessage("workflow_id must be a non-empty string.");
        assertThatThrownBy(() -> WorkflowTrace.of("a b", "T", one))
                .hasMessage(
                        "workflow_id must use only letters, numbers, '.', '_', ':', or '-' and no secret-like text.");
        assertThatThrownBy(() -> WorkflowTrace.of("my-token-trace", "T", one))
                .hasMessage(
                        "workflow_id must use only letters, numbers, '.', '_', ':', or '-' and no secret-like text.");
        assertThatThrownBy(() -> WorkflowTrace.of("t", "", one))
                .hasMessage("Workflow name must be a non-empty string.");
        assertThatThrownBy(() -> WorkflowTrace.of("t", "T", List.of()))
                .hasMessage("WorkflowTrace steps must contain at least one step.");
        assertThatThrownBy(() -> new WorkflowTrace(1, "t", "T", WorkflowStatus.SUCCESS, JsonObject.EMPTY, List.of()))
                .hasMessage("WorkflowTrace steps must contain at least one step.");
        // Ids keep ':' (planning uses "plan:policy-score").
        assertThat(WorkflowTrace.of("plan:policy-score", "  World plan  ", one).name())
                .isEqualTo("World plan");
    }

    @Test
    void parentGraphsMustBeUniqueKnownAndAcyclic() {
        List<WorkflowTraceStep> duplicate = List.of(
                WorkflowTraceStep.builder("root", "root").status("success").build(),
                WorkflowTraceStep.builder("root", "duplicate").status("success").build());
        List<WorkflowTraceStep> unknownParent = List.of(WorkflowTraceStep.builder("child", "child")
                .status("success")
                .parentId("missing")
                .build());
        List<WorkflowTraceStep> cycle = List.of(
                WorkflowTraceStep.builder("root", "root")
                        .status("success")
                        .parentId("child")
                        .build(),
                WorkflowTraceStep.builder("child", "child")
                        .status("success")
                        .parentId("root")
                        .build());
        assertThatThrownBy(() -> WorkflowTrace.of("duplicate-trace", "Duplicate trace", duplicate))
                .hasMessage("WorkflowTrace step_id 'root' is duplicated.");
        assertThatThrownBy(() -> WorkflowTrace.of("unknown-parent-trace", "Unknown parent trace", unknownParent))
                .hasMessage("WorkflowTrace step 'child' references unknown parent_id 'missing'.");
        assertThatThrownBy(() -> WorkflowTrace.of("cycle-trace", "Cycle trace", cycle))
                .hasMessage("WorkflowTrace parent graph must not contain cycles.");
        assertThatThrownBy(() ->
                        new WorkflowTrace(1, "cycle-trace", "Cycle", WorkflowStatus.SUCCESS, JsonObject.EMPTY, cycle))
                .hasMessage("WorkflowTrace parent graph must not contain cycles.");
    }

    @Test
    void metadataIsSanitisedAndSecretLikeKeysAreRefused() {
        JsonObject metadata = JsonObject.builder()
                .put("note", JsonString.of("  see /tmp/x/y.json "))
                .put("nested", JsonObject.of("auth", JsonString.of("Authorization: abc")))
                .put("list", JsonArray.of(JsonString.of("Bearer abc"), JsonInt.of(3), JsonNull.INSTANCE))
                .build();
        WorkflowTrace trace = WorkflowTrace.builder("t", "T")
                .step(step("a", "success"))
                .metadata(metadata)
                .build();
        assertThat(Json.write(trace.metadata()))
                .isEqualTo(
                        "{\"list\":[\"Bearer [redacted]\",3,null],\"nested\":{\"auth\":\"Authorization: [redacted]\"},"
                                + "\"note\":\"see <host-local-path>\"}");
        assertThat(trace.metadata().keys()).containsExactly("note", "nested", "list");

        assertThatThrownBy(() -> WorkflowTrace.builder("t", "T")
                        .step(step("a", "success"))
                        .metadata(JsonObject.of("nested", JsonObject.of("api_key", JsonString.of("x"))))
                        .build())
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("WorkflowTrace metadata keys must not be secret-like.");
        assertThatThrownBy(() -> WorkflowTrace.builder("t", "T")
                        .step(step("a", "success"))
                        .metadata(JsonObject.of("x-amz-date", JsonString.of("x")))
                        .build())
                .hasMessage("WorkflowTrace metadata keys must not be secret-like.");
        assertThatThrownBy(() -> WorkflowTrace.builder("t", "T")
                        .step(step("a", "success"))
                        .metadata(JsonObject.of("score", JsonFloat.of(Double.NaN)))
                        .build())
                .hasMessage("WorkflowTrace metadata.score must be a finite number.");
    }

    // ------------------------------------------------------------------ steps

    @Test
    void stepValidationMessages() {
        assertThatThrownBy(() -> WorkflowTraceStep.builder("invalid-status", "provider run")
                        .status("unknown")
                        .build())
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("Workflow step status must be one of: pending, running, success, skipped, failed.");
        assertThatThrownBy(() -> WorkflowTraceStep.builder("s", "provider run")
                        .status(" ")
                        .build())
                .hasMessage("Workflow step status must be a non-empty string.");
        assertThatThrownBy(() -> WorkflowTraceStep.builder("s", "provider run").build())
                .hasMessage("Workflow step status must be a non-empty string.");
        assertThatThrownBy(() -> WorkflowTraceStep.builder("self-parent", "provider run")
                        .status("success")
                        .parentId("self-parent")
                        .build())
                .hasMessage("Workflow step parent_id must not equal step_id.");
        assertThatThrownBy(() -> WorkflowTraceStep.builder("negative-duration", "provider run")
                        .status("success")
                        .durationMs(-0.1)
                        .build())
                .hasMessage("Workflow step duration_ms must be non-negative.");
        assertThatThrownBy(() -> WorkflowTraceStep.builder("s", "run")
                        .status("success")
                        .durationMs(Double.POSITIVE_INFINITY)
                        .build())
                .hasMessage("Workflow step duration_ms must be a finite number.");
        assertThatThrownBy(() -> WorkflowTraceStep.builder("bad id", "run")
                        .status("nope")
                        .build())
                .hasMessage("step_id must use only letters, numbers, '.', '_', ':', or '-' and no secret-like text.");
        assertThatThrownBy(() -> WorkflowTraceStep.builder("signed-step", "run")
                        .status("success")
                        .build())
                .hasMessage("step_id must use only letters, numbers, '.', '_', ':', or '-' and no secret-like text.");
        assertThatThrownBy(
                        () -> WorkflowTraceStep.builder("s", " ").status("nope").build())
                .hasMessage("Workflow step operation must be a non-empty string.");
        assertThatThrownBy(() -> WorkflowTraceStep.builder("s", "run")
                        .status("success")
                        .provider("")
                        .build())
                .hasMessage("Workflow step provider must be a non-empty string.");
        assertThatThrownBy(() -> WorkflowTraceStep.builder("s", "run")
                        .status("success")
                        .capability("\t")
                        .build())
                .hasMessage("Workflow step capability must be a non-empty string.");
        assertThatThrownBy(() -> WorkflowTraceStep.builder("s", "run")
                        .status("success")
                        .parentId("p/q")
                        .build())
                .hasMessage("parent_id must use only letters, numbers, '.', '_', ':', or '-' and no secret-like text.");
    }

    @Test
    void stepTextIsSanitisedAndEmptyErrorSummariesAreDropped() {
        WorkflowTraceStep step = WorkflowTraceStep.builder(" s1 ", " run /tmp/a/b ")
                .status("Success")
                .provider(" mock ")
                .errorSummary("   ")
                .build();
        assertThat(step.stepId()).isEqualTo("s1");
        assertThat(step.operation()).isEqualTo("run <host-local-path>");
        assertThat(step.status()).isEqualTo(WorkflowStatus.SUCCESS);
        assertThat(step.provider()).contains("mock");
        assertThat(step.errorSummary()).isEmpty();
        assertThat(step.durationMs()).isEqualTo(OptionalDouble.empty());
        // Text that is nothing but a host-local path sanitises to the placeholder, never to "".
        assertThat(TraceText.sanitize("~/x")).isEqualTo("<host-local-path>");
    }

    @Test
    void hostLocalPathsFollowTheReferencePattern() {
        assertThat(TraceText.replaceHostLocalPaths("a /Users/me/x.json, b")).isEqualTo("a <host-local-path>, b");
        assertThat(TraceText.replaceHostLocalPaths("(/private/var/x)")).isEqualTo("(<host-local-path>)");
        assertThat(TraceText.replaceHostLocalPaths("/var/folders/ab/c:1")).isEqualTo("<host-local-path>:1");
        assertThat(TraceText.replaceHostLocalPaths("'~/cache/m.ckpt'")).isEqualTo("'<host-local-path>'");
        assertThat(TraceText.replaceHostLocalPaths("/tmp/ x")).isEqualTo("/tmp/ x");
        assertThat(TraceText.replaceHostLocalPaths("/var/log/x /tmp/a;/tmp/b"))
                .isEqualTo("/var/log/x <host-local-path>;<host-local-path>");
        assertThat(TraceText.replaceHostLocalPaths("x/tmp/y")).isEqualTo("x<host-local-path>");
        // Python's \s includes U+001C..U+001F and U+0085.
        assertThat(TraceText.replaceHostLocalPaths("/tmp/a\u001Fb")).isEqualTo("<host-local-path>\u001Fb");
        assertThat(TraceText.replaceHostLocalPaths("/tmp/a\u0085b")).isEqualTo("<host-local-path>\u0085b");
    }

    @Test
    void stepsRoundTripThroughJson() {
        WorkflowTrace trace = nested();
        for (WorkflowTraceStep step : trace.steps()) {
            assertThat(WorkflowTraceStep.fromJson(step.toJson())).isEqualTo(step);
        }
        assertThatThrownBy(() -> WorkflowTraceStep.fromJson(JsonArray.EMPTY))
                .hasMessage("Workflow trace step must be a JSON object.");
        assertThatThrownBy(() -> WorkflowArtifactRef.fromJson(JsonString.of("x")))
                .hasMessage("Workflow artifact reference must be a JSON object.");
        assertThat(WorkflowArtifactRef.fromJson(JsonObject.of("label", JsonString.of("report"))))
                .isEqualTo(WorkflowArtifactRef.of("report"));
        assertThatThrownBy(() -> WorkflowArtifactRef.fromJson(
                        JsonObject.of("label", JsonString.of("r"), "safe_to_attach", JsonString.of("yes"))))
                .hasMessage("Artifact safe_to_attach must be a boolean.");
    }

    // ------------------------------------------------------------------ artifacts

    @Test
    void artifactValidationMessages() {
        assertThatThrownBy(() -> WorkflowArtifactRef.of(" "))
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("Artifact label must be a non-empty string.");
        assertThatThrownBy(() -> WorkflowArtifactRef.of("report", "reports/report.json?token=abc"))
                .hasMessage("Artifact 'report' path must not contain signed URLs, query strings, or fragments.");
        assertThatThrownBy(() -> WorkflowArtifactRef.of("report", "reports/report.json#frag"))
                .hasMessage("Artifact 'report' path must not contain signed URLs, query strings, or fragments.");
        assertThatThrownBy(() -> WorkflowArtifactRef.of("report", "/etc/report.json"))
                .hasMessage("Artifact 'report' path must be a safe relative path.");
        assertThatThrownBy(() -> WorkflowArtifactRef.of("report", "reports/../../x.json"))
                .hasMessage("Artifact 'report' path must be a safe relative path.");
        assertThatThrownBy(() -> WorkflowArtifactRef.of("report", "  "))
                .hasMessage("Artifact 'report' path must be a non-empty string.");
        assertThatThrownBy(() -> WorkflowArtifactRef.of("signed-report"))
                .hasMessage("Artifact label must not contain secret-like material.");
        assertThatThrownBy(() -> WorkflowArtifactRef.builder("r").digest(" ").build())
                .hasMessage("Artifact digest must be a non-empty string.");
        assertThatThrownBy(() -> WorkflowArtifactRef.builder("r").mediaType("").build())
                .hasMessage("Artifact media_type must be a non-empty string.");
        // An unsafe artifact may use any path and a secret-like label.
        WorkflowArtifactRef local = WorkflowArtifactRef.builder("signed-report")
                .path("../x.json?sig=1")
                .safeToAttach(false)
                .build();
        // The path and its query are kept; "sig" values are secrets and redacted (issue 14).
        assertThat(local.path()).contains("../x.json?sig=[redacted]");
        // ".." only counts as a whole path segment.
        assertThat(WorkflowArtifactRef.of("r", "a..b/c.json").path()).contains("a..b/c.json");
        WorkflowArtifactRef full = WorkflowArtifactRef.builder("video")
                .path("artifacts/v.mp4")
                .digest("sha256:abc")
                .mediaType("video/mp4")
                .build();
        assertThat(full.toJson().keys()).containsExactly("label", "safe_to_attach", "path", "digest", "media_type");
        assertThat(full.mediaType()).isEqualTo(Optional.of("video/mp4"));
    }

    // ------------------------------------------------------------------ provider events

    @Test
    void fromProviderEventsSanitisesFailuresAndArtifacts() {
        List<ProviderEvent> events = List.of(
                ProviderEvent.builder("mock", "predict", "success")
                        .durationMs(2.5)
                        .artifactId("prediction-json")
                        .build(),
                ProviderEvent.builder("leworldmodel", "score", "failure")
                        .message("provider failed with token=secret at /tmp/private/run.json")
                        .target("https://example.test/result.mp4?signature=secret")
                        .build());
        WorkflowTrace trace = WorkflowTraces.fromProviderEvents(events, "demo-trace", "Demo trace");
        JsonObject json = trace.toJson();
        assertThat(json.get("schema_version")).isEqualTo(JsonInt.of(1));
        assertThat(json.get("status")).isEqualTo(JsonString.of("failed"));
        JsonArray steps = (JsonArray) json.get("steps");
        assertThat(Json.write(steps.get(0)))
                .isEqualTo(
                        "{\"capability\":\"predict\",\"duration_ms\":2.5,\"input_artifacts\":[],\"operation\":\"predict\","
                                + "\"output_artifacts\":[{\"label\":\"prediction-json\",\"safe_to_attach\":true}],"
                                + "\"provider\":\"mock\",\"status\":\"success\",\"step_id\":\"event-1\"}");
        assertThat(((JsonObject) steps.get(1)).get("error_summary"))
                .isEqualTo(JsonString.of("provider failed with token=[redacted] at <host-local-path>"));
        assertThat(trace.toMarkdown()).contains("leworldmodel");
        assertThat(trace.toMarkdown())
                .endsWith("| `event-2` | - | score | leworldmodel | score | `failed` | - | "
                        + "provider failed with token=[redacted] at <host-local-path> |\n");
    }

    @Test
    void fromProviderEventsHandlesRunningEmptyAndMessagelessStreams() {
        WorkflowTrace running = WorkflowTraces.fromProviderEvents(
                List.of(ProviderEvent.builder("mock", "predict", "retry")
                        .message("transient retry")
                        .build()),
                "running-trace",
                "Running trace");
        assertThat(running.status()).isEqualTo(WorkflowStatus.RUNNING);
        assertThat(running.steps().get(0).status()).isEqualTo(WorkflowStatus.RUNNING);
        assertThat(running.steps().get(0).toJson().has("error_summary")).isFalse();

        WorkflowTrace empty = WorkflowTraces.fromProviderEvents(
                List.of(), "empty-trace", "Empty trace", JsonObject.of("suite", JsonString.of("physics")));
        assertThat(empty.status()).isEqualTo(WorkflowStatus.SKIPPED);
        assertThat(Json.write(empty.toJson().get("steps")))
                .isEqualTo("[{\"error_summary\":\"No provider events were emitted.\",\"input_artifacts\":[],"
                        + "\"operation\":\"provider-events\",\"output_artifacts\":[],\"status\":\"skipped\","
                        + "\"step_id\":\"no-provider-events\"}]");
        assertThat(empty.metadata()).isEqualTo(JsonObject.of("suite", JsonString.of("physics")));

        WorkflowTrace silentFailure = WorkflowTraces.fromProviderEvents(
                List.of(ProviderEvent.builder("mock", "embed", "FAILURE").build()), "f", "F");
        assertThat(silentFailure.steps().get(0).errorSummary()).isEmpty();
        assertThat(silentFailure.status()).isEqualTo(WorkflowStatus.FAILED);
    }

    @Test
    void wireNames() {
        assertThat(WorkflowStatus.fromWireName("skipped")).contains(WorkflowStatus.SKIPPED);
        assertThat(WorkflowStatus.fromWireName("Skipped")).isEmpty();
        assertThat(WorkflowStatus.FAILED.wireName()).isEqualTo("failed");
    }
}
