package ai.worldforge.evaluation;

import ai.worldforge.Prediction;
import ai.worldforge.World;
import ai.worldforge.WorldForge;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonBool;
import ai.worldforge.json.JsonFloat;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonNull;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
import ai.worldforge.model.Action;
import ai.worldforge.model.BBox;
import ai.worldforge.model.GenerationOptions;
import ai.worldforge.model.Position;
import ai.worldforge.model.ReasoningResult;
import ai.worldforge.model.SceneObject;
import ai.worldforge.model.StructuredGoal;
import ai.worldforge.model.VideoClip;
import ai.worldforge.plan.Plan;
import ai.worldforge.plan.PlanRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The five built-in suites, with the reference's scenarios, scores and pass thresholds. */
final class BuiltinSuites {
    private static final Position CUBE_START = Position.of(0.0, 0.5, 0.0);
    private static final Position MUG_START = Position.of(0.3, 0.8, 0.0);
    private static final String GENERATION_PROMPT = "orbiting cube over a reflective floor";
    private static final String TRANSFER_PROMPT = "re-render the clip with sharper cinematic contrast";
    private static final String SAMPLE_IMAGE_DATA_URI = "data:image/png;base64,"
            + "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mP8/x8AAwMCAO+jq5kAAAAASUVORK5CYII=";

    private BuiltinSuites() {}

    /** The builder for a built-in suite, or {@code null} for an unknown name. */
    static EvaluationSuite.@Nullable Builder builder(String name) {
        return switch (name) {
            case "physics" -> physics();
            case "planning" -> planning();
            case "generation" -> generation();
            case "transfer" -> transfer();
            case "reasoning" -> reasoning();
            default -> null;
        };
    }

    static double clamp(double value) {
        return Math.max(0.0, Math.min(1.0, value));
    }

    private static double distance(Position a, Position b) {
        double dx = a.x() - b.x();
        double dy = a.y() - b.y();
        double dz = a.z() - b.z();
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }

    private static double mean(double... values) {
        double total = 0.0;
        for (double v : values) {
            total += v;
        }
        return total / values.length;
    }

    /** Reuses an object named {@code name}, else adds a graspable one with a 0.1-wide bbox. */
    static SceneObject seed(World world, String name, Position position) {
        for (SceneObject existing : world.objects()) {
            if (existing.name().equals(name)) {
                return existing;
            }
        }
        SceneObject created = SceneObject.create(name, position, BBox.around(position, 0.05));
        SceneObject graspable = new SceneObject(created.id(), name, position, created.bbox(), true, created.metadata());
        return world.addObject(graspable);
    }

    private static Position positionOf(World world, String objectId) {
        return world.getObjectById(objectId)
                .map(SceneObject::position)
                .orElseThrow(() -> new ai.worldforge.error.WorldForgeException(
                        "Evaluation object '" + objectId + "' is no longer present in the world."));
    }

    private static EvaluationScenario scenario(
            String name, String description, String capability, ScenarioEvaluator evaluator) {
        return EvaluationScenario.fromCallable(name, description, evaluator, List.of(capability));
    }

    // ------------------------------------------------------------------ physics

    private static EvaluationSuite.Builder physics() {
        return EvaluationSuite.builder("Physics Evaluation Suite")
                .suiteId("physics")
                .worldSeeder(w -> seed(w, "cube", CUBE_START))
                .scenario(scenario(
                        "object-stability",
                        "Checks that an object remains stable under a no-op move.",
                        "predict",
                        BuiltinSuites::objectStability))
                .scenario(scenario(
                        "action-response",
                        "Checks that a move action reaches the target pose.",
                        "predict",
                        BuiltinSuites::actionResponse));
    }

    private static EvaluationScenarioOutcome objectStability(EvaluationContext ctx) {
        World world = ctx.world();
        SceneObject cube = seed(world, "cube", CUBE_START);
        Position start = cube.position();
        Prediction p = world.predict(Action.moveTo(start.x(), start.y(), start.z()), 1, ctx.provider());
        double displacement = distance(start, positionOf(world, cube.id()));
        boolean passed = displacement <= 0.01 && p.physicsScore() >= 0.7;
        double score = clamp((p.physicsScore() + p.confidence()) / 2 - Math.min(0.25, displacement));
        return ctx.outcome(
                score,
                passed,
                JsonObject.builder()
                        .put("physics_score", JsonFloat.of(p.physicsScore()))
                        .put("confidence", JsonFloat.of(p.confidence()))
                        .put("displacement", JsonFloat.of(displacement))
                        .put("step", JsonInt.of(world.step()))
                        .build());
    }

    private static EvaluationScenarioOutcome actionResponse(EvaluationContext ctx) {
        World world = ctx.world();
        SceneObject cube = seed(world, "cube", CUBE_START);
        Position start = cube.position();
        Position target = Position.of(start.x() + 0.35, start.y(), start.z());
        Prediction p = world.predict(Action.moveTo(target.x(), target.y(), target.z()), 2, ctx.provider());
        Position end = positionOf(world, cube.id());
        double error = distance(target, end);
        double moved = distance(start, end);
        boolean passed = error <= 0.05 && moved >= 0.3;
        double score = clamp((p.physicsScore() + p.confidence()) / 2 + Math.min(0.2, moved / 2) - Math.min(0.3, error));
        return ctx.outcome(
                score,
                passed,
                JsonObject.builder()
                        .put("physics_score", JsonFloat.of(p.physicsScore()))
                        .put("confidence", JsonFloat.of(p.confidence()))
                        .put("moved_distance", JsonFloat.of(moved))
                        .put("target_error", JsonFloat.of(error))
                        .put("step", JsonInt.of(world.step()))
                        .build());
    }

    // ------------------------------------------------------------------ planning

    private static EvaluationSuite.Builder planning() {
        return EvaluationSuite.builder("Planning Evaluation Suite")
                .suiteId("planning")
                .worldSeeder(BuiltinSuites::seedCubeAndMug)
                .scenario(scenario(
                        "object-relocation",
                        "Plans and executes a relocation objective for a seeded object.",
                        "predict",
                        BuiltinSuites::objectRelocation))
                .scenario(scenario(
                        "object-neighbor-placement",
                        "Places one object near another using a typed relational goal.",
                        "predict",
                        BuiltinSuites::neighborPlacement))
                .scenario(scenario(
                        "object-swap",
                        "Swaps the positions of two seeded objects using a typed relational goal.",
                        "predict",
                        BuiltinSuites::swap))
                .scenario(scenario(
                        "object-spawn", "Plans and executes a simple spawn goal.", "predict", BuiltinSuites::spawn));
    }

    private static void seedCubeAndMug(World world) {
        seed(world, "cube", CUBE_START);
        seed(world, "mug", MUG_START);
    }

    private static Plan planGoal(EvaluationContext ctx, StructuredGoal goal, int maxSteps) {
        return ctx.world()
                .plan(PlanRequest.builder()
                        .goalSpec(goal)
                        .maxSteps(maxSteps)
                        .provider(ctx.provider())
                        .build());
    }

    private static EvaluationScenarioOutcome objectRelocation(EvaluationContext ctx) {
        World world = ctx.world();
        SceneObject cube = seed(world, "cube", CUBE_START);
        seed(world, "mug", MUG_START);
        Position start = cube.position();
        Position target = Position.of(start.x() + 0.35, start.y(), start.z());
        Plan plan = planGoal(ctx, StructuredGoal.objectAt(target, cube.id(), cube.name(), 0.05), 4);
        World fin = world.executePlan(plan, ctx.provider()).finalWorld();
        // Signed: moving the wrong way must not count as progress.
        double moved = positionOf(fin, cube.id()).x() - start.x();
        double sp = plan.successProbability();
        boolean passed = plan.actionCount() >= 1 && moved >= 0.25;
        double score = clamp((sp + Math.min(1.0, moved)) / 2);
        return ctx.outcome(
                score,
                passed,
                JsonObject.builder()
                        .put("action_count", JsonInt.of(plan.actionCount()))
                        .put("success_probability", JsonFloat.of(sp))
                        .put("moved_distance", JsonFloat.of(moved))
                        .put("final_step", JsonInt.of(fin.step()))
                        .build());
    }

    private static EvaluationScenarioOutcome neighborPlacement(EvaluationContext ctx) {
        World world = ctx.world();
        SceneObject cube = seed(world, "cube", CUBE_START);
        SceneObject mug = seed(world, "mug", MUG_START);
        Position offset = Position.of(0.15, 0.0, 0.0);
        Plan plan =
                planGoal(ctx, StructuredGoal.objectNear(cube.id(), cube.name(), mug.id(), mug.name(), offset, 0.05), 4);
        World fin = world.executePlan(plan, ctx.provider()).finalWorld();
        Position mug0 = mug.position();
        Position expected = Position.of(mug0.x() + offset.x(), mug0.y() + offset.y(), mug0.z() + offset.z());
        double error = distance(expected, positionOf(fin, cube.id()));
        double drift = distance(mug0, positionOf(fin, mug.id()));
        double sp = plan.successProbability();
        boolean passed = plan.actionCount() >= 1 && error <= 0.05 && drift <= 0.01;
        double score = mean(sp, clamp(1 - Math.min(1.0, error / 0.25)), clamp(1 - Math.min(1.0, drift / 0.25)));
        return ctx.outcome(
                score,
                passed,
                JsonObject.builder()
                        .put("action_count", JsonInt.of(plan.actionCount()))
                        .put("success_probability", JsonFloat.of(sp))
                        .put("target_error", JsonFloat.of(error))
                        .put("reference_drift", JsonFloat.of(drift))
                        .put("final_step", JsonInt.of(fin.step()))
                        .build());
    }

    private static EvaluationScenarioOutcome swap(EvaluationContext ctx) {
        World world = ctx.world();
        SceneObject cube = seed(world, "cube", CUBE_START);
        SceneObject mug = seed(world, "mug", MUG_START);
        Plan plan = planGoal(ctx, StructuredGoal.swapObjects(cube.id(), cube.name(), mug.id(), mug.name(), 0.05), 4);
        World fin = world.executePlan(plan, ctx.provider()).finalWorld();
        double primary = distance(mug.position(), positionOf(fin, cube.id()));
        double reference = distance(cube.position(), positionOf(fin, mug.id()));
        double sp = plan.successProbability();
        boolean passed = plan.actionCount() == 2 && primary <= 0.05 && reference <= 0.05;
        double score = mean(sp, clamp(1 - Math.min(1.0, primary / 0.25)), clamp(1 - Math.min(1.0, reference / 0.25)));
        return ctx.outcome(
                score,
                passed,
                JsonObject.builder()
                        .put("action_count", JsonInt.of(plan.actionCount()))
                        .put("success_probability", JsonFloat.of(sp))
                        .put("primary_target_error", JsonFloat.of(primary))
                        .put("reference_target_error", JsonFloat.of(reference))
                        .put("final_step", JsonInt.of(fin.step()))
                        .build());
    }

    private static EvaluationScenarioOutcome spawn(EvaluationContext ctx) {
        World world = ctx.world();
        seedCubeAndMug(world);
        int initial = world.objectCount();
        Plan plan = world.plan(PlanRequest.builder("spawn cube")
                .maxSteps(3)
                .provider(ctx.provider())
                .build());
        int fin = world.executePlan(plan, ctx.provider()).finalWorld().objectCount();
        double spawned = fin > initial ? 1.0 : 0.0;
        double sp = plan.successProbability();
        return ctx.outcome(
                clamp((sp + spawned) / 2),
                fin > initial,
                JsonObject.builder()
                        .put("action_count", JsonInt.of(plan.actionCount()))
                        .put("success_probability", JsonFloat.of(sp))
                        .put("initial_object_count", JsonInt.of(initial))
                        .put("final_object_count", JsonInt.of(fin))
                        .build());
    }

    // ------------------------------------------------------------------ media helpers

    private static double blobScore(VideoClip clip) {
        return clip.frameCount() >= 1 && clip.blob().length > 0 ? 1.0 : 0.0;
    }

    private static double durationScore(double actual, double expected) {
        if (expected <= 0.0) {
            return actual >= 0.0 ? 1.0 : 0.0;
        }
        return clamp(1.0 - Math.min(1.0, Math.abs(actual - expected) / Math.max(expected, 0.001)));
    }

    private static double resolutionScore(VideoClip clip, int expectedWidth, int expectedHeight) {
        if (clip.width() <= 0 || clip.height() <= 0) {
            return 0.0;
        }
        double deviation = ((double) Math.abs(clip.width() - expectedWidth) / Math.max(expectedWidth, 1)
                        + (double) Math.abs(clip.height() - expectedHeight) / Math.max(expectedHeight, 1))
                / 2;
        return clamp(1.0 - Math.min(1.0, deviation));
    }

    private static double fpsScore(VideoClip clip, double expected) {
        return clamp(1.0 - Math.min(1.0, Math.abs(clip.fps() - expected) / Math.max(expected, 0.001)));
    }

    private static double contentTypeScore(VideoClip clip) {
        String type = clip.contentType();
        return type.startsWith("video/") || type.equals("application/octet-stream") ? 1.0 : 0.0;
    }

    private static double promptScore(VideoClip clip, String prompt) {
        return clip.metadata().get("prompt") instanceof JsonString s
                        && s.value().equals(prompt)
                ? 1.0
                : 0.0;
    }

    private static String modeText(VideoClip clip) {
        JsonValue mode = clip.metadata().get("mode");
        if (mode == null) {
            return "";
        }
        // Python's str(): strings verbatim, anything else as its JSON text.
        return mode instanceof JsonString s ? s.value() : ai.worldforge.json.Json.write(mode);
    }

    private static boolean truthy(@Nullable JsonValue value) {
        return ai.worldforge.internal.JsonReads.truthy(value);
    }

    private static boolean isImageConditioned(VideoClip clip) {
        JsonValue options = clip.metadata().get("options");
        boolean fromOptions = options instanceof JsonObject o && truthy(o.get("image"));
        return fromOptions || modeText(clip).toLowerCase(Locale.ROOT).contains("image");
    }

    private static boolean isTransferClip(VideoClip clip) {
        return truthy(clip.metadata().get("transfer"))
                || modeText(clip).toLowerCase(Locale.ROOT).equals("video_to_video");
    }

    private static int referenceCount(VideoClip clip) {
        JsonValue value = clip.metadata().get("reference_count");
        if (value != null && !(value instanceof JsonNull)) {
            if (value instanceof JsonInt i) {
                return (int) i.longValue();
            }
            if (value instanceof JsonFloat f) {
                return (int) f.value();
            }
            if (value instanceof JsonBool b) {
                return b.value() ? 1 : 0;
            }
            if (value instanceof JsonString s) {
                try {
                    return Integer.parseInt(s.value().strip());
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
            return 0;
        }
        if (clip.metadata().get("options") instanceof JsonObject o
                && o.get("reference_images") instanceof JsonArray a) {
            return a.size();
        }
        return 0;
    }

    private static JsonObject.Builder clipMetrics(VideoClip clip) {
        JsonValue mode = clip.metadata().get("mode");
        return JsonObject.builder()
                .put("frame_count", JsonInt.of(clip.frameCount()))
                .put("fps", JsonFloat.of(clip.fps()))
                .put("resolution", JsonArray.of(JsonInt.of(clip.width()), JsonInt.of(clip.height())))
                .put("duration_seconds", JsonFloat.of(clip.durationSeconds()))
                .put("content_type", clip.contentType())
                .put("mode", mode == null ? JsonNull.INSTANCE : mode);
    }

    // ------------------------------------------------------------------ generation

    private static EvaluationSuite.Builder generation() {
        return EvaluationSuite.builder("Generation Evaluation Suite")
                .suiteId("generation")
                .scenario(scenario(
                        "text-conditioned-video",
                        "Generates a prompt-only clip and scores basic output integrity.",
                        "generate",
                        ctx -> generationOutcome(ctx, false)))
                .scenario(scenario(
                        "image-conditioned-video",
                        "Generates a prompt plus image-conditioned clip and scores conditioning metadata.",
                        "generate",
                        ctx -> generationOutcome(ctx, true)));
    }

    private static EvaluationScenarioOutcome generationOutcome(EvaluationContext ctx, boolean withImage) {
        GenerationOptions.Builder options =
                GenerationOptions.builder().ratio("640:360").fps(8.0);
        if (withImage) {
            options.image(SAMPLE_IMAGE_DATA_URI);
        }
        WorldForge forge = ctx.forge();
        VideoClip clip = forge.generate(GENERATION_PROMPT, ctx.provider(), 1.0, options.build());
        double blob = blobScore(clip);
        double dur = durationScore(clip.durationSeconds(), 1.0);
        double res = resolutionScore(clip, 640, 360);
        double ctype = contentTypeScore(clip);
        double prompt = promptScore(clip, GENERATION_PROMPT);
        JsonObject.Builder metrics = clipMetrics(clip);
        if (!withImage) {
            boolean passed = blob == 1.0 && dur >= 0.75 && res >= 0.75;
            return ctx.outcome(mean(blob, dur, res, ctype, prompt), passed, metrics.build());
        }
        boolean conditioned = isImageConditioned(clip);
        double ic = conditioned ? 1.0 : 0.0;
        boolean passed = blob == 1.0 && conditioned && dur >= 0.75;
        metrics.put("image_conditioned", JsonBool.of(conditioned));
        return ctx.outcome(mean(blob, dur, res, ctype, prompt, ic), passed, metrics.build());
    }

    // ------------------------------------------------------------------ transfer

    private static EvaluationSuite.Builder transfer() {
        return EvaluationSuite.builder("Transfer Evaluation Suite")
                .suiteId("transfer")
                .scenario(scenario(
                        "prompt-guided-transfer",
                        "Transfers a seed clip to a new render while preserving basic media constraints.",
                        "transfer",
                        ctx -> transferOutcome(ctx, false)))
                .scenario(scenario(
                        "reference-guided-transfer",
                        "Transfers a seed clip with reference guidance metadata.",
                        "transfer",
                        ctx -> transferOutcome(ctx, true)));
    }

    private static VideoClip sampleTransferClip() {
        return new VideoClip(
                List.of("worldforge-transfer-seed".getBytes(StandardCharsets.UTF_8)),
                8.0,
                160,
                90,
                1.0,
                JsonObject.builder()
                        .put("provider", "worldforge")
                        .put("content_type", "video/mp4")
                        .put("mode", "evaluation-seed")
                        .build());
    }

    private static EvaluationScenarioOutcome transferOutcome(EvaluationContext ctx, boolean withReference) {
        GenerationOptions options = withReference
                ? GenerationOptions.builder()
                        .addReferenceImage(SAMPLE_IMAGE_DATA_URI)
                        .build()
                : null;
        VideoClip clip =
                ctx.forge().transfer(sampleTransferClip(), ctx.provider(), 320, 180, 12.0, TRANSFER_PROMPT, options);
        double blob = blobScore(clip);
        double dur = durationScore(clip.durationSeconds(), 1.0);
        double res = resolutionScore(clip, 320, 180);
        double fps = fpsScore(clip, 12.0);
        double ctype = contentTypeScore(clip);
        double prompt = promptScore(clip, TRANSFER_PROMPT);
        boolean transferMode = isTransferClip(clip);
        double tm = transferMode ? 1.0 : 0.0;
        int refs = referenceCount(clip);
        JsonObject metrics =
                clipMetrics(clip).put("reference_count", JsonInt.of(refs)).build();
        if (!withReference) {
            boolean passed = blob == 1.0 && transferMode && res == 1.0 && fps == 1.0;
            return ctx.outcome(mean(blob, dur, res, fps, ctype, prompt, tm), passed, metrics);
        }
        double hasRefs = refs >= 1 ? 1.0 : 0.0;
        boolean passed = blob == 1.0 && transferMode && refs >= 1 && res == 1.0;
        return ctx.outcome(mean(blob, dur, res, fps, ctype, prompt, tm, hasRefs), passed, metrics);
    }

    // ------------------------------------------------------------------ reasoning

    private static EvaluationSuite.Builder reasoning() {
        return EvaluationSuite.builder("Reasoning Evaluation Suite")
                .suiteId("reasoning")
                .worldSeeder(BuiltinSuites::seedCubeAndMug)
                .scenario(scenario(
                        "scene-count",
                        "Checks whether the provider reports the tracked object count.",
                        "reason",
                        BuiltinSuites::sceneCount))
                .scenario(scenario(
                        "scene-identity",
                        "Checks whether provider evidence references tracked object identifiers.",
                        "reason",
                        BuiltinSuites::sceneIdentity));
    }

    private static EvaluationScenarioOutcome sceneCount(EvaluationContext ctx) {
        World world = ctx.world();
        seedCubeAndMug(world);
        int count = world.objectCount();
        ReasoningResult r = ctx.forge().reason(ctx.provider(), "How many objects are tracked?", world);
        boolean mentions = r.answer().toLowerCase(Locale.ROOT).contains(Integer.toString(count));
        boolean evidence = !r.evidence().isEmpty();
        double score = clamp((r.confidence() + (mentions ? 1 : 0) + (evidence ? 1 : 0)) / 3);
        return ctx.outcome(
                score,
                mentions && evidence,
                JsonObject.builder()
                        .put("confidence", JsonFloat.of(r.confidence()))
                        .put("expected_count", JsonInt.of(count))
                        .put("evidence_count", JsonInt.of(r.evidence().size()))
                        .put("mentions_count", JsonBool.of(mentions))
                        .build());
    }

    private static EvaluationScenarioOutcome sceneIdentity(EvaluationContext ctx) {
        World world = ctx.world();
        seedCubeAndMug(world);
        List<String> ids =
                world.objects().stream().map(SceneObject::id).sorted().toList();
        ReasoningResult r = ctx.forge().reason(ctx.provider(), "Which object ids are tracked?", world);
        String haystack = (r.answer() + " " + String.join(" ", r.evidence())).toLowerCase(Locale.ROOT);
        int matched = 0;
        for (String id : ids) {
            if (haystack.contains(id.toLowerCase(Locale.ROOT))) {
                matched++;
            }
        }
        double coverage = ids.isEmpty() ? 1.0 : (double) matched / ids.size();
        double score = clamp((r.confidence() + coverage) / 2);
        return ctx.outcome(
                score,
                coverage == 1.0,
                JsonObject.builder()
                        .put("confidence", JsonFloat.of(r.confidence()))
                        .put("tracked_object_count", JsonInt.of(ids.size()))
                        .put("matched_object_count", JsonInt.of(matched))
                        .put("coverage", JsonFloat.of(coverage))
                        .build());
    }
}
