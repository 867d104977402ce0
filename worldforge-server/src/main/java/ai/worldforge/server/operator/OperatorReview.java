package ai.worldforge.server.operator;

import ai.worldforge.WorldForge;
import ai.worldforge.error.WorldForgeException;
import ai.worldforge.event.ProviderEvent;
import ai.worldforge.event.ProviderEventHandler;
import ai.worldforge.event.RunJsonLogSink;
import ai.worldforge.internal.Checks;
import ai.worldforge.json.Json;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonBool;
import ai.worldforge.json.JsonFloat;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonNull;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
import ai.worldforge.model.Action;
import ai.worldforge.model.ActionPolicyResult;
import ai.worldforge.model.ActionScoreResult;
import ai.worldforge.plan.ActionCandidates;
import ai.worldforge.provider.policy.ActionTranslator;
import ai.worldforge.runs.RunIds;
import ai.worldforge.runs.RunManifest;
import ai.worldforge.runs.RunStatus;
import ai.worldforge.runs.RunWorkspace;
import ai.worldforge.runs.RunWorkspaces;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An offline robotics operator review (the reference's {@code run_operator_review}): an injected
 * LeRobot-style policy proposes three action chunks through the host's {@link ActionTranslator},
 * the {@code demo-distance-score} cost ranks them, and the review preserves in a {@code
 * robotics_operator_review} run workspace:
 *
 * <ul>
 *   <li>{@code results/action_chunks.json} — {@code [{index, selected, actions, score}]}
 *   <li>{@code results/approval.json} — {@code {dry_run_approved, safety_checklist,
 *       controller_execution_requested, controller_hook_supplied,
 *       worldforge_certifies_robot_safety: false}}
 *   <li>{@code results/score_rationale.json}, {@code results/replay.json} (a dry-run replay with no
 *       controller calls), {@code results/operator_review.json} (everything, plus {@code
 *       controller_result}, {@code events} and {@code policy})
 *   <li>{@code reports/operator_review.md} and {@code logs/provider-events.jsonl}
 * </ul>
 *
 * <p>Robot controller execution happens only when requested, with a {@link ControllerHook}, the
 * operator's recorded dry-run approval and every safety checklist item true; otherwise the request
 * is refused before anything is written. A failure after the workspace exists rewrites its
 * manifest as {@code failed} and rethrows.
 *
 * <pre>{@code
 * JsonObject result = OperatorReview.builder(Path.of(".worldforge/robotics-operator"),
 *                 Path.of(".worldforge/robotics-operator/worlds"))
 *         .actionTranslator(OperatorReview.samplePushtTranslator())
 *         .safetyChecklist(OperatorReview.fullChecklist())
 *         .dryRunApproved(true)
 *         .run();
 * }</pre>
 */
public final class OperatorReview {
    /** The host-owned safety checklist items, all required, in the reference's order. */
    public static final List<String> REQUIRED_CHECKS =
            List.of("workspace_clear", "emergency_stop_available", "operator_present", "controller_isolated");

    /** The run workspace kind. */
    public static final String KIND = "robotics_operator_review";

    /** The host's name in recorded commands. */
    public static final String COMMAND = "worldforge-operator-review";

    private static final String PROVIDER = "lerobot";
    private static final String OPERATION = "policy+score";
    private static final String EVENTS_PATH = "logs/provider-events.jsonl";

    private final Builder options;
    private final Map<String, Boolean> checklist;

    private OperatorReview(Builder options, Map<String, Boolean> checklist) {
        this.options = options;
        this.checklist = checklist;
    }

    /** A review writing under {@code workspaceDir/runs/} with its forge's worlds in {@code stateDir}. */
    public static Builder builder(Path workspaceDir, Path stateDir) {
        return new Builder(workspaceDir, stateDir);
    }

    /**
     * Runs a review (the reference's keyword arguments, in order).
     *
     * @see Builder#run()
     */
    public static JsonObject run(
            Path workspaceDir,
            Path stateDir,
            Optional<ActionTranslator> actionTranslator,
            Map<String, ?> safetyChecklist,
            boolean dryRunApproved,
            Optional<ControllerHook> controllerHook,
            boolean executeController) {
        Builder builder = builder(workspaceDir, stateDir)
                .safetyChecklist(safetyChecklist)
                .dryRunApproved(dryRunApproved)
                .executeController(executeController);
        actionTranslator.ifPresent(builder::actionTranslator);
        controllerHook.ifPresent(builder::controllerHook);
        return builder.run();
    }

    /**
     * The checkout sample PushT translator ({@code --sample-translator}): maps the policy's raw
     * chunks onto three two-step {@code move_to} plans for the object named by {@code
     * info.object_id} ({@code sample translator requires policy info.object_id.} without it).
     */
    public static ActionTranslator samplePushtTranslator() {
        return (rawActions, info, providerInfo) -> ReviewScenario.samplePushtTranslation(info);
    }

    /** A checklist with every {@link #REQUIRED_CHECKS} item true. */
    public static Map<String, Boolean> fullChecklist() {
        Map<String, Boolean> out = new LinkedHashMap<>();
        REQUIRED_CHECKS.forEach(key -> out.put(key, true));
        return Collections.unmodifiableMap(out);
    }

    /**
     * The required checklist with boolean values, in {@link #REQUIRED_CHECKS} order.
     *
     * @throws WorldForgeException {@code safety checklist is missing required items: a, b.} or
     *     {@code safety checklist <key> must be a boolean.}
     */
    public static Map<String, Boolean> validateSafetyChecklist(Map<String, ?> payload) {
        List<String> missing = REQUIRED_CHECKS.stream()
                .filter(key -> !payload.containsKey(key))
                .toList();
        if (!missing.isEmpty()) {
            throw new WorldForgeException(
                    "safety checklist is missing required items: " + String.join(", ", missing) + ".");
        }
        Map<String, Boolean> normalized = new LinkedHashMap<>();
        for (String key : REQUIRED_CHECKS) {
            Object value = payload.get(key);
            if (value instanceof JsonBool bool) {
                value = bool.value();
            }
            if (!(value instanceof Boolean flag)) {
                throw new WorldForgeException("safety checklist " + key + " must be a boolean.");
            }
            normalized.put(key, flag);
        }
        return Collections.unmodifiableMap(normalized);
    }

    /** Options of one review; {@link #run()} validates them and runs it. Not thread-safe. */
    public static final class Builder {
        private final Path workspaceDir;
        private final Path stateDir;
        private @Nullable ActionTranslator actionTranslator;
        private Map<String, ?> safetyChecklist = Map.of();
        private boolean dryRunApproved;
        private @Nullable ControllerHook controllerHook;
        private boolean executeController;
        private Clock clock = Clock.systemUTC();
        private @Nullable String command;

        private Builder(Path workspaceDir, Path stateDir) {
            this.workspaceDir = Objects.requireNonNull(workspaceDir, "workspaceDir");
            this.stateDir = Objects.requireNonNull(stateDir, "stateDir");
        }

        /** The host's translation of raw policy output into actions (required). */
        public Builder actionTranslator(ActionTranslator value) {
            actionTranslator = Objects.requireNonNull(value);
            return this;
        }

        /** The four {@link #REQUIRED_CHECKS} items, each a {@link Boolean} (or {@link JsonBool}). */
        public Builder safetyChecklist(Map<String, ?> value) {
            safetyChecklist = Map.copyOf(value);
            return this;
        }

        /** Whether the operator approved the dry run (recorded; required for controller execution). */
        public Builder dryRunApproved(boolean value) {
            dryRunApproved = value;
            return this;
        }

        /** The host's controller integration, run only when execution is requested and allowed. */
        public Builder controllerHook(ControllerHook value) {
            controllerHook = Objects.requireNonNull(value);
            return this;
        }

        /** Whether to run the controller hook with the selected chunk (default false). */
        public Builder executeController(boolean value) {
            executeController = value;
            return this;
        }

        /** The clock run ids come from (default: system UTC). */
        public Builder clock(Clock value) {
            clock = Objects.requireNonNull(value);
            return this;
        }

        /**
         * The command recorded in the manifest (default {@code worldforge-operator-review
         * --workspace W --state-dir S review}).
         */
        public Builder command(String value) {
            command = Objects.requireNonNull(value);
            return this;
        }

        /**
         * Validates the options, then runs the review.
         *
         * @return {@code {status: "passed", exit_code: 0, run_id, run_workspace, run_manifest,
         *     artifact_paths, summary}}
         * @throws WorldForgeException in this order, before anything is written: {@code robotics
         *     operator host requires an explicit action translator.}, the checklist messages of
         *     {@link #validateSafetyChecklist}, {@code controller execution is disabled until the
         *     host supplies controller_hook.}, {@code controller execution requires recorded
         *     dry-run approval.}, {@code controller execution requires every safety checklist
         *     item.}; after the workspace exists, any failure (e.g. {@code controller hook result
         *     must be a JSON object.}) is rethrown after the manifest is rewritten as {@code
         *     failed}
         */
        public JsonObject run() {
            if (actionTranslator == null) {
                throw new WorldForgeException("robotics operator host requires an explicit action translator.");
            }
            Map<String, Boolean> checklist = validateSafetyChecklist(safetyChecklist);
            if (executeController) {
                if (controllerHook == null) {
                    throw new WorldForgeException(
                            "controller execution is disabled until the host supplies controller_hook.");
                }
                if (!dryRunApproved) {
                    throw new WorldForgeException("controller execution requires recorded dry-run approval.");
                }
                if (checklist.containsValue(false)) {
                    throw new WorldForgeException("controller execution requires every safety checklist item.");
                }
            }
            return new OperatorReview(this, checklist).execute();
        }
    }

    private ActionTranslator translator() {
        return Objects.requireNonNull(options.actionTranslator);
    }

    private String command() {
        return options.command != null
                ? options.command
                : String.join(
                        " ",
                        COMMAND,
                        "--workspace",
                        options.workspaceDir.toString(),
                        "--state-dir",
                        options.stateDir.toString(),
                        "review");
    }

    private JsonObject inputSummary() {
        return JsonObject.builder()
                .put("mode", JsonString.of("offline_operator_review"))
                .put("controller_execution_requested", JsonBool.of(options.executeController))
                .put("dry_run_approved", JsonBool.of(options.dryRunApproved))
                .put("required_check_count", JsonInt.of(REQUIRED_CHECKS.size()))
                .build();
    }

    private JsonObject execute() {
        String command = command();
        RunWorkspace workspace = RunWorkspaces.create(
                options.workspaceDir,
                RunIds.create(options.clock),
                KIND,
                command,
                Optional.of(PROVIDER),
                Optional.of(OPERATION),
                inputSummary());
        List<ProviderEvent> events = Collections.synchronizedList(new ArrayList<>());
        try {
            Review review = review(workspace, events);
            writeArtifacts(workspace, review.artifacts());
            writeManifest(workspace, command, RunStatus.COMPLETED, review.summary(), artifactPaths(), events.size());
            return JsonObject.builder()
                    .put("status", JsonString.of("passed"))
                    .put("exit_code", JsonInt.of(0))
                    .put("run_id", JsonString.of(workspace.runId()))
                    .put("run_workspace", JsonString.of(workspace.path().toString()))
                    .put("run_manifest", JsonString.of(workspace.manifestPath().toString()))
                    .put("artifact_paths", paths(artifactPaths()))
                    .put("summary", review.summary())
                    .build();
        } catch (RuntimeException e) {
            writeManifest(
                    workspace,
                    command,
                    RunStatus.FAILED,
                    JsonObject.of("error", JsonString.of("operator review failed")),
                    Map.of("provider_events", EVENTS_PATH),
                    events.size());
            throw e;
        }
    }

    private record Review(JsonObject artifacts, JsonObject summary) {}

    private Review review(RunWorkspace workspace, List<ProviderEvent> events) {
        RunJsonLogSink log = new RunJsonLogSink(
                workspace.resolveChild(EVENTS_PATH),
                workspace.runId(),
                JsonObject.of("host", JsonString.of("robotics-operator")));
        ProviderEventHandler sink = ProviderEventHandler.compose(events::add, log);
        WorldForge forge = WorldForge.builder()
                .stateDir(options.stateDir)
                .autoRegisterRemote(false)
                .discoverProviders(false)
                .eventHandler(sink)
                .build();
        forge.registerPolicy(new ReviewScenario.InjectedLeRobotPolicy(translator()));
        forge.registerCost(new ReviewScenario.DistanceScore());

        ActionPolicyResult policy = forge.selectActions(ReviewScenario.POLICY_NAME, ReviewScenario.policyInfo());
        List<List<Action>> candidates = policy.actionCandidates();
        ActionScoreResult score = forge.scoreActions(
                ReviewScenario.SCORE_NAME, ReviewScenario.scoreInfo(), ActionCandidates.toScorePayload(candidates));
        if (score.scores().size() != candidates.size()) {
            throw new WorldForgeException("score result must have one score per policy candidate.");
        }
        List<Action> selected = candidates.get(score.bestIndex());
        JsonObject approval = approval();
        JsonValue controllerResult = controllerResult(selected, approval);

        JsonObject artifacts = JsonObject.builder()
                .put("action_chunks", actionChunks(candidates, score))
                .put("approval", approval)
                .put("controller_result", controllerResult)
                .put("events", JsonArray.copyOf(snapshot(events)))
                .put("policy", policy.toJson())
                .put("replay", replay(selected, score.bestIndex()))
                .put("score_rationale", scoreRationale(score))
                .build();
        JsonObject summary = JsonObject.builder()
                .put("selected_candidate_index", JsonInt.of(score.bestIndex()))
                .put("selected_action_count", JsonInt.of(selected.size()))
                .put("best_score", JsonFloat.of(score.bestScore()))
                .put("dry_run_approved", JsonBool.of(options.dryRunApproved))
                .put("controller_execution_requested", JsonBool.of(options.executeController))
                .put("controller_executed", JsonBool.of(!(controllerResult instanceof JsonNull)))
                .build();
        return new Review(artifacts, summary);
    }

    private static List<JsonValue> snapshot(List<ProviderEvent> events) {
        synchronized (events) {
            return events.stream().<JsonValue>map(ProviderEvent::toJson).toList();
        }
    }

    private JsonObject approval() {
        JsonObject.Builder checks = JsonObject.builder();
        checklist.forEach((key, value) -> checks.put(key, JsonBool.of(value)));
        return JsonObject.builder()
                .put("dry_run_approved", JsonBool.of(options.dryRunApproved))
                .put("safety_checklist", checks.build())
                .put("controller_execution_requested", JsonBool.of(options.executeController))
                .put("controller_hook_supplied", JsonBool.of(options.controllerHook != null))
                .put("worldforge_certifies_robot_safety", JsonBool.of(false))
                .build();
    }

    /** The hook's JSON object result, or JSON null when execution was not requested. */
    private JsonValue controllerResult(List<Action> selected, JsonObject approval) {
        ControllerHook hook = options.controllerHook;
        if (!options.executeController || hook == null) {
            return JsonNull.INSTANCE;
        }
        JsonValue result;
        try {
            result = hook.execute(selected, approval);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new WorldForgeException(
                    "controller hook failed: " + e.getClass().getSimpleName(), e);
        }
        return Checks.jsonObject(result == null ? JsonNull.INSTANCE : result, "controller hook result");
    }

    private static JsonArray actionChunks(List<List<Action>> candidates, ActionScoreResult score) {
        List<JsonValue> chunks = new ArrayList<>();
        for (int index = 0; index < candidates.size(); index++) {
            chunks.add(JsonObject.builder()
                    .put("index", JsonInt.of(index))
                    .put("selected", JsonBool.of(index == score.bestIndex()))
                    .put("actions", actions(candidates.get(index)))
                    .put("score", JsonFloat.of(score.scores().get(index)))
                    .build());
        }
        return JsonArray.copyOf(chunks);
    }

    private static JsonArray actions(List<Action> actions) {
        return JsonArray.copyOf(actions.stream().<JsonValue>map(Action::toJson).toList());
    }

    private static JsonObject scoreRationale(ActionScoreResult score) {
        JsonValue scoreType = score.metadata().get("score_type");
        return JsonObject.builder()
                .put("provider", JsonString.of(score.provider()))
                .put("score_type", scoreType == null ? JsonNull.INSTANCE : scoreType)
                .put(
                        "scores",
                        JsonArray.copyOf(score.scores().stream()
                                .<JsonValue>map(JsonFloat::of)
                                .toList()))
                .put("lower_is_better", JsonBool.of(score.lowerIsBetter()))
                .put("best_index", JsonInt.of(score.bestIndex()))
                .put("best_score", JsonFloat.of(score.bestScore()))
                .put("metadata", score.metadata())
                .build();
    }

    private JsonObject replay(List<Action> selected, int selectedIndex) {
        List<JsonValue> steps = new ArrayList<>();
        for (int index = 0; index < selected.size(); index++) {
            steps.add(JsonObject.builder()
                    .put("step", JsonInt.of(index + 1))
                    .put("action", selected.get(index).toJson())
                    .put("operator_prompt", JsonString.of("review_only"))
                    .build());
        }
        return JsonObject.builder()
                .put("mode", JsonString.of("dry_run_replay"))
                .put("selected_candidate_index", JsonInt.of(selectedIndex))
                .put("dry_run_approved", JsonBool.of(options.dryRunApproved))
                .put("controller_calls", JsonInt.of(0))
                .put("steps", JsonArray.copyOf(steps))
                .put("goal", ReviewScenario.goal().toJson())
                .build();
    }

    private static void writeArtifacts(RunWorkspace workspace, JsonObject artifacts) {
        workspace.writeJson("results/action_chunks.json", member(artifacts, "action_chunks"));
        workspace.writeJson("results/approval.json", member(artifacts, "approval"));
        workspace.writeJson("results/score_rationale.json", member(artifacts, "score_rationale"));
        workspace.writeJson("results/replay.json", member(artifacts, "replay"));
        workspace.writeJson("results/operator_review.json", artifacts);
        workspace.writeText("reports/operator_review.md", markdown(artifacts));
    }

    private static JsonValue member(JsonObject object, String key) {
        return Objects.requireNonNull(object.get(key), key);
    }

    /** {@code # Robotics Operator Review} with five bullets; values as Python prints them. */
    static String markdown(JsonObject artifacts) {
        JsonObject score = (JsonObject) member(artifacts, "score_rationale");
        JsonObject approval = (JsonObject) member(artifacts, "approval");
        return String.join(
                "\n",
                "# Robotics Operator Review",
                "",
                "- selected_candidate_index: " + Json.write(member(score, "best_index")),
                "- best_score: " + Json.write(member(score, "best_score")),
                "- dry_run_approved: " + pyBool(approval, "dry_run_approved"),
                "- controller_execution_requested: " + pyBool(approval, "controller_execution_requested"),
                "- controller_hook_supplied: " + pyBool(approval, "controller_hook_supplied"),
                "",
                "WorldForge produced offline policy, score, replay, and event artifacts. The host owns "
                        + "robot controller integration and safety certification.");
    }

    private static String pyBool(JsonObject object, String key) {
        return object.get(key) instanceof JsonBool bool && bool.value() ? "True" : "False";
    }

    private static Map<String, String> artifactPaths() {
        Map<String, String> paths = new LinkedHashMap<>();
        paths.put("action_chunks", "results/action_chunks.json");
        paths.put("approval", "results/approval.json");
        paths.put("operator_review", "results/operator_review.json");
        paths.put("provider_events", EVENTS_PATH);
        paths.put("replay", "results/replay.json");
        paths.put("report", "reports/operator_review.md");
        paths.put("score_rationale", "results/score_rationale.json");
        return paths;
    }

    private static JsonObject paths(Map<String, String> paths) {
        JsonObject.Builder out = JsonObject.builder();
        paths.forEach((key, value) -> out.put(key, JsonString.of(value)));
        return out.build();
    }

    private void writeManifest(
            RunWorkspace workspace,
            String command,
            RunStatus status,
            JsonObject resultSummary,
            Map<String, String> artifactPaths,
            long eventCount) {
        RunWorkspaces.writeManifest(
                workspace,
                RunManifest.builder(workspace.runId(), KIND, command, status)
                        .provider(PROVIDER)
                        .operation(OPERATION)
                        .inputSummary(inputSummary())
                        .resultSummary(resultSummary)
                        .artifactPaths(artifactPaths)
                        .eventCount(eventCount)
                        .build());
    }
}
