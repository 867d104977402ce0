package ai.worldforge.server.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.worldforge.error.WorldForgeException;
import ai.worldforge.json.Json;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonBool;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
import ai.worldforge.model.Action;
import ai.worldforge.provider.policy.ActionTranslator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OperatorReviewTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-04-30T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path tmp;

    private Path workspace() {
        return tmp.resolve("workspace");
    }

    private OperatorReview.Builder review() {
        return OperatorReview.builder(workspace(), tmp.resolve("worlds"))
                .actionTranslator(OperatorReview.samplePushtTranslator())
                .safetyChecklist(OperatorReview.fullChecklist())
                .dryRunApproved(true)
                .clock(CLOCK);
    }

    private static JsonObject read(Path path) throws IOException {
        return (JsonObject) Json.parse(Files.readString(path));
    }

    private static JsonObject obj(JsonObject object, String key) {
        return (JsonObject) object.get(key);
    }

    private static String str(JsonObject object, String key) {
        return ((JsonString) object.get(key)).value();
    }

    private static String json(JsonObject object, String key) {
        return Json.write(object.get(key));
    }

    private List<Path> manifests() throws IOException {
        Path runs = workspace().resolve("runs");
        if (!Files.exists(runs)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(runs)) {
            return dirs.map(dir -> dir.resolve("run_manifest.json"))
                    .filter(Files::exists)
                    .toList();
        }
    }

    @Test
    void reviewPreservesEveryArtifact() throws IOException {
        JsonObject result = review().run();

        assertThat(result.members().keySet())
                .containsExactlyInAnyOrder(
                        "status", "exit_code", "run_id", "run_workspace", "run_manifest", "artifact_paths", "summary");
        assertThat(str(result, "status")).isEqualTo("passed");
        assertThat(json(result, "exit_code")).isEqualTo("0");
        assertThat(str(result, "run_id")).startsWith("20260430T120000Z-");
        Path run = Path.of(str(result, "run_workspace"));
        JsonObject paths = obj(result, "artifact_paths");
        assertThat(paths.members().keySet())
                .containsExactly(
                        "action_chunks",
                        "approval",
                        "operator_review",
                        "provider_events",
                        "replay",
                        "report",
                        "score_rationale");
        for (JsonValue path : paths.members().values()) {
            assertThat(run.resolve(((JsonString) path).value())).exists();
        }

        JsonObject manifest = read(Path.of(str(result, "run_manifest")));
        assertThat(str(manifest, "kind")).isEqualTo("robotics_operator_review");
        assertThat(str(manifest, "provider")).isEqualTo("lerobot");
        assertThat(str(manifest, "operation")).isEqualTo("policy+score");
        assertThat(str(manifest, "status")).isEqualTo("completed");
        assertThat(str(manifest, "command"))
                .isEqualTo("worldforge-operator-review --workspace " + workspace() + " --state-dir "
                        + tmp.resolve("worlds") + " review");
        assertThat(manifest.get("artifact_paths")).isEqualTo(paths);
        assertThat(obj(manifest, "input_summary"))
                .isEqualTo(JsonObject.builder()
                        .put("mode", JsonString.of("offline_operator_review"))
                        .put("controller_execution_requested", JsonBool.of(false))
                        .put("dry_run_approved", JsonBool.of(true))
                        .put("required_check_count", JsonInt.of(4))
                        .build());
        JsonObject summary = obj(manifest, "result_summary");
        assertThat(summary).isEqualTo(result.get("summary"));
        assertThat(Json.writePretty(summary))
                .isEqualTo(Json.writePretty(Json.parse("{\"selected_candidate_index\": 1, \"selected_action_count\": 2,"
                        + " \"best_score\": 0.0, \"dry_run_approved\": true, \"controller_execution_requested\": false,"
                        + " \"controller_executed\": false}")));

        JsonArray chunks = (JsonArray) Json.parse(Files.readString(run.resolve("results/action_chunks.json")));
        assertThat(chunks.size()).isEqualTo(3);
        List<String> scores = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            JsonObject chunk = (JsonObject) chunks.get(i);
            assertThat(chunk.members().keySet()).containsExactlyInAnyOrder("index", "selected", "actions", "score");
            assertThat(json(chunk, "index")).isEqualTo(Integer.toString(i));
            assertThat(json(chunk, "selected")).isEqualTo(i == 1 ? "true" : "false");
            assertThat(((JsonArray) chunk.get("actions")).size()).isEqualTo(2);
            scores.add(json(chunk, "score"));
        }
        assertThat(scores).containsExactly("0.2", "0.0", "0.4");
        JsonObject lastAction = (JsonObject) ((JsonArray) ((JsonObject) chunks.get(1)).get("actions")).get(1);
        assertThat(str(lastAction, "type")).isEqualTo("move_to");
        assertThat(Json.write(obj(lastAction, "parameters").get("object_id"))).isEqualTo("\"blue_cube\"");

        JsonObject approval = read(run.resolve("results/approval.json"));
        assertThat(approval.members().keySet())
                .containsExactlyInAnyOrder(
                        "dry_run_approved",
                        "safety_checklist",
                        "controller_execution_requested",
                        "controller_hook_supplied",
                        "worldforge_certifies_robot_safety");
        assertThat(json(approval, "worldforge_certifies_robot_safety")).isEqualTo("false");
        assertThat(json(approval, "dry_run_approved")).isEqualTo("true");
        assertThat(json(approval, "controller_hook_supplied")).isEqualTo("false");
        assertThat(obj(approval, "safety_checklist").members().keySet())
                .containsExactlyInAnyOrderElementsOf(OperatorReview.REQUIRED_CHECKS);

        JsonObject rationale = read(run.resolve("results/score_rationale.json"));
        assertThat(rationale.members().keySet())
                .containsExactlyInAnyOrder(
                        "provider", "score_type", "scores", "lower_is_better", "best_index", "best_score", "metadata");
        assertThat(str(rationale, "provider")).isEqualTo("demo-distance-score");
        assertThat(str(rationale, "score_type")).isEqualTo("distance_to_goal");
        assertThat(json(rationale, "scores")).isEqualTo("[0.2,0.0,0.4]");
        assertThat(json(rationale, "lower_is_better")).isEqualTo("true");
        assertThat(json(rationale, "best_index")).isEqualTo("1");
        assertThat(json(rationale, "best_score")).isEqualTo("0.0");

        JsonObject replay = read(run.resolve("results/replay.json"));
        assertThat(replay.members().keySet())
                .containsExactlyInAnyOrder(
                        "mode", "selected_candidate_index", "dry_run_approved", "controller_calls", "steps", "goal");
        assertThat(str(replay, "mode")).isEqualTo("dry_run_replay");
        assertThat(json(replay, "controller_calls")).isEqualTo("0");
        JsonArray steps = (JsonArray) replay.get("steps");
        assertThat(steps.size()).isEqualTo(2);
        assertThat(json((JsonObject) steps.get(0), "step")).isEqualTo("1");
        assertThat(str((JsonObject) steps.get(1), "operator_prompt")).isEqualTo("review_only");
        assertThat(str(obj(replay, "goal"), "kind")).isEqualTo("object_at");

        JsonObject review = read(run.resolve("results/operator_review.json"));
        assertThat(review.members().keySet())
                .containsExactlyInAnyOrder(
                        "action_chunks",
                        "approval",
                        "controller_result",
                        "events",
                        "policy",
                        "replay",
                        "score_rationale");
        assertThat(review.get("action_chunks")).isEqualTo(chunks);
        assertThat(review.get("approval")).isEqualTo(approval);
        assertThat(review.get("replay")).isEqualTo(replay);
        assertThat(review.get("score_rationale")).isEqualTo(rationale);
        assertThat(json(review, "controller_result")).isEqualTo("null");
        assertThat(str(obj(review, "policy"), "provider")).isEqualTo("lerobot");
        assertThat(((JsonArray) obj(review, "policy").get("action_candidates")).size())
                .isEqualTo(3);
        JsonArray events = (JsonArray) review.get("events");
        assertThat(events.size()).isGreaterThanOrEqualTo(2);

        assertThat(Files.readString(run.resolve("reports/operator_review.md")))
                .isEqualTo("# Robotics Operator Review\n\n- selected_candidate_index: 1\n- best_score: 0.0\n"
                        + "- dry_run_approved: True\n- controller_execution_requested: False\n"
                        + "- controller_hook_supplied: False\n\nWorldForge produced offline policy, score, replay,"
                        + " and event artifacts. The host owns robot controller integration and safety"
                        + " certification.\n");

        List<String> lines = Files.readAllLines(run.resolve("logs/provider-events.jsonl"));
        assertThat(lines).hasSize(events.size());
        assertThat(json(manifest, "event_count")).isEqualTo(Integer.toString(events.size()));
        List<String> providers = new ArrayList<>();
        for (String line : lines) {
            JsonObject event = (JsonObject) Json.parse(line);
            assertThat(str(event, "run_id")).isEqualTo(str(result, "run_id"));
            assertThat(str(event, "host")).isEqualTo("robotics-operator");
            providers.add(str(event, "provider"));
        }
        assertThat(providers).contains("lerobot", "demo-distance-score");
    }

    @Test
    void refusalsComeInTheReferenceOrderAndWriteNothing() throws IOException {
        Map<String, Object> missing = new LinkedHashMap<>(OperatorReview.fullChecklist());
        missing.remove("workspace_clear");
        missing.remove("controller_isolated");
        Map<String, Object> nonBool = new LinkedHashMap<>(OperatorReview.fullChecklist());
        nonBool.put("operator_present", "yes");
        Map<String, Object> oneFalse = new LinkedHashMap<>(OperatorReview.fullChecklist());
        oneFalse.put("emergency_stop_available", false);
        ControllerHook hook = (actions, approval) -> JsonObject.EMPTY;

        // No translator wins over every other problem.
        assertThatThrownBy(() -> OperatorReview.run(
                        workspace(), tmp.resolve("worlds"), Optional.empty(), missing, false, Optional.empty(), true))
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("robotics operator host requires an explicit action translator.");
        // Missing items before non-boolean values and controller checks.
        assertThatThrownBy(() -> review().safetyChecklist(missing)
                        .executeController(true)
                        .run())
                .hasMessage("safety checklist is missing required items: workspace_clear, controller_isolated.");
        assertThatThrownBy(() -> review().safetyChecklist(nonBool)
                        .executeController(true)
                        .run())
                .hasMessage("safety checklist operator_present must be a boolean.");
        // Controller execution: hook, then approval, then every check.
        assertThatThrownBy(() -> review().safetyChecklist(oneFalse)
                        .dryRunApproved(false)
                        .executeController(true)
                        .run())
                .hasMessage("controller execution is disabled until the host supplies controller_hook.");
        assertThatThrownBy(() -> review().safetyChecklist(oneFalse)
                        .dryRunApproved(false)
                        .controllerHook(hook)
                        .executeController(true)
                        .run())
                .hasMessage("controller execution requires recorded dry-run approval.");
        assertThatThrownBy(() -> review().safetyChecklist(oneFalse)
                        .controllerHook(hook)
                        .executeController(true)
                        .run())
                .hasMessage("controller execution requires every safety checklist item.");

        assertThat(workspace()).doesNotExist();
        assertThat(tmp.resolve("worlds")).doesNotExist();
    }

    @Test
    void approvalAndChecksAreOnlyRecordedWithoutControllerRequest() throws IOException {
        Map<String, Object> allFalse = new LinkedHashMap<>();
        OperatorReview.REQUIRED_CHECKS.forEach(key -> allFalse.put(key, false));
        JsonObject result =
                review().safetyChecklist(allFalse).dryRunApproved(false).run();

        JsonObject approval = read(Path.of(str(result, "run_workspace")).resolve("results/approval.json"));
        assertThat(json(approval, "dry_run_approved")).isEqualTo("false");
        assertThat(json(approval, "safety_checklist"))
                .isEqualTo("{\"controller_isolated\":false,\"emergency_stop_available\":false,"
                        + "\"operator_present\":false,\"workspace_clear\":false}");
        assertThat(json(obj(result, "summary"), "dry_run_approved")).isEqualTo("false");
    }

    @Test
    void controllerHookRunsThroughTheLibrary() throws IOException {
        List<List<Action>> calls = new ArrayList<>();
        List<JsonObject> approvals = new ArrayList<>();
        ControllerHook hook = (actions, approval) -> {
            calls.add(actions);
            approvals.add(approval);
            return JsonObject.of(
                    "status", JsonString.of("dry_run_dispatched"), "action_count", JsonInt.of(actions.size()));
        };

        JsonObject result = OperatorReview.run(
                workspace(),
                tmp.resolve("worlds"),
                Optional.of(OperatorReview.samplePushtTranslator()),
                OperatorReview.fullChecklist(),
                true,
                Optional.of(hook),
                true);

        assertThat(calls).hasSize(1);
        assertThat(calls.get(0)).hasSize(2);
        assertThat(Json.write(calls.get(0).get(1).toJson())).contains("0.55");
        assertThat(json(approvals.get(0), "controller_hook_supplied")).isEqualTo("true");
        assertThat(json(approvals.get(0), "controller_execution_requested")).isEqualTo("true");
        Path run = Path.of(str(result, "run_workspace"));
        JsonObject review = read(run.resolve("results/operator_review.json"));
        assertThat(json(review, "controller_result"))
                .isEqualTo("{\"action_count\":2,\"status\":\"dry_run_dispatched\"}");
        JsonObject manifest = read(Path.of(str(result, "run_manifest")));
        assertThat(json(obj(manifest, "result_summary"), "controller_executed")).isEqualTo("true");
        assertThat(json(obj(manifest, "result_summary"), "controller_execution_requested"))
                .isEqualTo("true");
        assertThat(Files.readString(run.resolve("reports/operator_review.md")))
                .contains("- controller_execution_requested: True\n- controller_hook_supplied: True\n");
    }

    private void assertFailedManifest() throws IOException {
        List<Path> manifests = manifests();
        assertThat(manifests).hasSize(1);
        JsonObject manifest = read(manifests.get(0));
        assertThat(str(manifest, "status")).isEqualTo("failed");
        assertThat(manifest.get("result_summary"))
                .isEqualTo(JsonObject.of("error", JsonString.of("operator review failed")));
        assertThat(manifest.get("artifact_paths"))
                .isEqualTo(JsonObject.of("provider_events", JsonString.of("logs/provider-events.jsonl")));
        assertThat(str(manifest, "kind")).isEqualTo("robotics_operator_review");
        assertThat(manifests.get(0).resolveSibling("results/operator_review.json"))
                .doesNotExist();
    }

    @Test
    void badControllerResultFailsTheManifest() throws IOException {
        ControllerHook hook = (actions, approval) -> JsonArray.of(JsonString.of("not"), JsonString.of("an object"));

        assertThatThrownBy(() ->
                        review().controllerHook(hook).executeController(true).run())
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("controller hook result must be a JSON object.");
        assertFailedManifest();
        JsonObject manifest = read(manifests().get(0));
        // The policy and score calls happened before the hook and are counted and logged.
        assertThat(json(manifest, "event_count")).isEqualTo("2");
        assertThat(Files.readAllLines(manifests().get(0).resolveSibling("logs/provider-events.jsonl")))
                .hasSize(2);
    }

    @Test
    void failingControllerHookFailsTheManifest() throws IOException {
        ControllerHook hook = (actions, approval) -> {
            throw new IOException("controller offline");
        };

        assertThatThrownBy(() ->
                        review().controllerHook(hook).executeController(true).run())
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("controller hook failed: IOException");
        assertFailedManifest();
    }

    @Test
    void translatorFailureMidwayFailsTheManifest() throws IOException {
        ActionTranslator broken = (raw, info, providerInfo) -> List.of();

        assertThatThrownBy(() -> review().actionTranslator(broken).run())
                .hasMessageContaining("LeRobot action translator must return a non-empty action sequence.");
        assertFailedManifest();
    }

    @Test
    void sampleTranslatorRequiresObjectId() throws Exception {
        ActionTranslator translator = OperatorReview.samplePushtTranslator();
        assertThatThrownBy(() -> translator.translate(JsonObject.EMPTY, JsonObject.EMPTY, JsonObject.EMPTY))
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("sample translator requires policy info.object_id.");
        List<?> plans = translator.translate(
                JsonObject.EMPTY, JsonObject.of("object_id", JsonString.of("cube-7")), JsonObject.EMPTY);
        assertThat(plans).hasSize(3);
    }

    private record Outcome(int exitCode, String out, String err) {}

    private Outcome host(String... tail) {
        List<String> args = new ArrayList<>(List.of(
                "--workspace",
                workspace().toString(),
                "--state-dir",
                tmp.resolve("worlds").toString()));
        args.addAll(List.of(tail));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = RoboticsOperatorHost.run(
                args,
                CLOCK,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String errorMessage(Outcome outcome) {
        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.out()).startsWith("{\"error\": {\"type\": \"validation_error\", \"message\": ");
        return str((JsonObject) ((JsonObject) Json.parse(outcome.out())).get("error"), "message");
    }

    @Test
    void cliWithoutTranslatorIsAValidationError() {
        assertThat(errorMessage(host("review")))
                .isEqualTo("robotics operator host requires an explicit action translator.");
        assertThat(workspace()).doesNotExist();
    }

    @Test
    void cliSampleTranslatorPassesWithoutApproval() throws IOException {
        Outcome outcome =
                host("review", "--sample-translator", "--check", "workspace_clear", "--check=operator_present");

        assertThat(outcome.exitCode()).isZero();
        JsonObject result = (JsonObject) Json.parse(outcome.out());
        assertThat(outcome.out()).isEqualTo(Json.writePretty(result) + "\n");
        assertThat(json(obj(result, "summary"), "dry_run_approved")).isEqualTo("false");
        JsonObject approval = read(Path.of(str(result, "run_workspace")).resolve("results/approval.json"));
        assertThat(json(approval, "safety_checklist"))
                .isEqualTo("{\"controller_isolated\":false,\"emergency_stop_available\":false,"
                        + "\"operator_present\":true,\"workspace_clear\":true}");
        JsonObject manifest = read(Path.of(str(result, "run_manifest")));
        assertThat(str(manifest, "command"))
                .isEqualTo("worldforge-operator-review --workspace " + workspace() + " --state-dir "
                        + tmp.resolve("worlds") + " review");
    }

    @Test
    void cliExecuteControllerIsAlwaysRefused() {
        List<String> args =
                new ArrayList<>(List.of("review", "--sample-translator", "--approve-dry-run", "--execute-controller"));
        for (String check : OperatorReview.REQUIRED_CHECKS) {
            args.add("--check");
            args.add(check);
        }
        assertThat(errorMessage(host(args.toArray(String[]::new))))
                .isEqualTo("controller execution is disabled until the host supplies controller_hook.");
        assertThat(workspace()).doesNotExist();
    }

    @Test
    void cliUsageErrors() {
        Outcome badCheck = host("review", "--check", "bogus");
        assertThat(badCheck.exitCode()).isEqualTo(2);
        assertThat(badCheck.err())
                .startsWith("usage: worldforge-operator-review")
                .contains("argument --check: invalid choice: 'bogus'");
        Outcome noCommand = host();
        assertThat(noCommand.exitCode()).isEqualTo(2);
        assertThat(noCommand.err()).contains("the following arguments are required: command");
        Outcome unknown = host("review", "--controller-hook", "x");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("unrecognized arguments: --controller-hook");
        assertThat(workspace()).doesNotExist();
    }
}
