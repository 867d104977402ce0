package ai.worldforge.benchmark;

import ai.worldforge.error.WorldForgeException;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonFloat;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonNull;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
import ai.worldforge.model.Action;
import ai.worldforge.model.VideoClip;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The inputs a benchmark drives into each provider operation (the reference's {@code
 * BenchmarkInputs}). Every field has a deterministic default, so {@link #defaults()} benchmarks
 * without user JSON; {@link #builder()} overrides any subset and {@link #fromJson(JsonValue, Path)}
 * parses an input file. Immutable and thread-safe.
 *
 * <p>The defaults are the reference's verbatim, because the report's input digest hashes {@link
 * #toJson()}. Unlike the reference, score candidates are always JSON (there is no tensor preview),
 * and a relative {@code transfer_clip.path} resolves against a directory the caller passes, never
 * the working directory.
 */
public final class BenchmarkInputs {
    private static final List<String> INPUT_KEYS = List.of(
            "prediction_action",
            "prediction_steps",
            "reason_query",
            "generation_prompt",
            "generation_duration_seconds",
            "transfer_prompt",
            "transfer_width",
            "transfer_height",
            "transfer_fps",
            "transfer_clip",
            "embedding_text",
            "score_info",
            "score_action_candidates",
            "policy_info");
    private static final Set<String> TRANSFER_CLIP_KEYS =
            Set.of("path", "frames_base64", "fps", "resolution", "duration_seconds", "metadata");

    private static final BenchmarkInputs DEFAULTS = builder().build();

    private final Action predictionAction;
    private final int predictionSteps;
    private final String reasonQuery;
    private final String generationPrompt;
    private final double generationDurationSeconds;
    private final String transferPrompt;
    private final int transferWidth;
    private final int transferHeight;
    private final double transferFps;
    private final VideoClip transferClip;
    private final String embeddingText;
    private final JsonObject scoreInfo;
    private final JsonValue scoreActionCandidates;
    private final JsonObject policyInfo;

    private BenchmarkInputs(Builder b) {
        this.predictionAction = b.predictionAction;
        if (b.predictionSteps <= 0) {
            throw new WorldForgeException("prediction_steps must be an integer greater than 0.");
        }
        if (b.predictionSteps > ai.worldforge.WorldForge.MAX_PREDICT_STEPS) {
            throw new WorldForgeException(
                    "prediction_steps must be at most " + ai.worldforge.WorldForge.MAX_PREDICT_STEPS + ".");
        }
        this.predictionSteps = b.predictionSteps;
        this.reasonQuery = BenchmarkContracts.requiredText(b.reasonQuery, "reason_query");
        this.generationPrompt = BenchmarkContracts.requiredText(b.generationPrompt, "generation_prompt");
        this.transferPrompt = BenchmarkContracts.requiredText(b.transferPrompt, "transfer_prompt");
        this.embeddingText = BenchmarkContracts.requiredText(b.embeddingText, "embedding_text");
        this.generationDurationSeconds =
                BenchmarkContracts.positiveNumber(b.generationDurationSeconds, "generation_duration_seconds");
        if (generationDurationSeconds > ai.worldforge.WorldForge.MAX_GENERATION_SECONDS) {
            throw new WorldForgeException("generation_duration_seconds must be at most 86400.");
        }
        if (b.transferWidth <= 0) {
            throw new WorldForgeException("transfer_width must be an integer greater than 0.");
        }
        if (b.transferHeight <= 0) {
            throw new WorldForgeException("transfer_height must be an integer greater than 0.");
        }
        this.transferWidth = b.transferWidth;
        this.transferHeight = b.transferHeight;
        this.transferFps = BenchmarkContracts.positiveNumber(b.transferFps, "transfer_fps");
        this.transferClip = b.transferClip;
        this.scoreInfo = BenchmarkContracts.requiredJsonObject(b.scoreInfo, "score_info");
        if (b.scoreActionCandidates instanceof JsonNull) {
            throw new WorldForgeException("score_action_candidates must not be None.");
        }
        b.scoreActionCandidates.toCanonicalJson();
        this.scoreActionCandidates = b.scoreActionCandidates;
        this.policyInfo = BenchmarkContracts.requiredJsonObject(b.policyInfo, "policy_info");
    }

    /** The reference's default workload. */
    public static BenchmarkInputs defaults() {
        return DEFAULTS;
    }

    /** A builder pre-filled with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Parses an input payload: the flat fields, or {@code {"inputs": {…}, "metadata": {…}}}.
     * Missing fields keep their defaults.
     *
     * @param payload the decoded JSON
     * @param baseDirectory where a relative {@code transfer_clip.path} resolves (the input file's
     *     directory)
     * @throws WorldForgeException with the reference's message for each invalid field
     */
    public static BenchmarkInputs fromJson(JsonValue payload, Path baseDirectory) {
        Objects.requireNonNull(baseDirectory, "baseDirectory");
        JsonObject data = inputsPayload(payload);
        Builder b = builder();
        for (String key : INPUT_KEYS) {
            JsonValue value = data.get(key);
            if (value == null) {
                continue;
            }
            switch (key) {
                case "prediction_action" -> {
                    if (!(value instanceof JsonObject)) {
                        throw new WorldForgeException("prediction_action must be a JSON object.");
                    }
                    b.predictionAction(Action.fromJson(value));
                }
                case "prediction_steps" -> b.predictionSteps(BenchmarkContracts.positiveInt(value, key));
                case "reason_query" -> b.reasonQuery(BenchmarkContracts.requiredText(value, key));
                case "generation_prompt" -> b.generationPrompt(BenchmarkContracts.requiredText(value, key));
                case "generation_duration_seconds" ->
                    b.generationDurationSeconds(BenchmarkContracts.positiveNumber(value, key));
                case "transfer_prompt" -> b.transferPrompt(BenchmarkContracts.requiredText(value, key));
                case "transfer_width" -> b.transferWidth(BenchmarkContracts.positiveInt(value, key));
                case "transfer_height" -> b.transferHeight(BenchmarkContracts.positiveInt(value, key));
                case "transfer_fps" -> b.transferFps(BenchmarkContracts.positiveNumber(value, key));
                case "transfer_clip" -> b.transferClip(transferClip(value, baseDirectory));
                case "embedding_text" -> b.embeddingText(BenchmarkContracts.requiredText(value, key));
                case "score_info" -> b.scoreInfo(BenchmarkContracts.requiredJsonObject(value, key));
                case "score_action_candidates" -> {
                    value.toCanonicalJson();
                    b.scoreActionCandidates(value);
                }
                case "policy_info" -> b.policyInfo(BenchmarkContracts.requiredJsonObject(value, key));
                default -> throw new IllegalStateException(key);
            }
        }
        return b.build();
    }

    private static JsonObject inputsPayload(JsonValue payload) {
        JsonValue data = payload;
        if (payload instanceof JsonObject wrapper && wrapper.has("inputs")) {
            TreeSet<String> unknown = new TreeSet<>(wrapper.keys());
            unknown.removeAll(Set.of("inputs", "metadata"));
            if (!unknown.isEmpty()) {
                throw new WorldForgeException(
                        "Unknown benchmark input wrapper fields: " + String.join(", ", unknown) + ".");
            }
            data = wrapper.get("inputs");
        }
        if (!(data instanceof JsonObject object)) {
            throw new WorldForgeException("Benchmark input payload must be a JSON object.");
        }
        if (object.isEmpty()) {
            throw new WorldForgeException("Benchmark input payload must contain at least one input field.");
        }
        TreeSet<String> unknown = new TreeSet<>(object.keys());
        INPUT_KEYS.forEach(unknown::remove);
        if (!unknown.isEmpty()) {
            throw new WorldForgeException("Unknown benchmark input fields: " + String.join(", ", unknown) + ".");
        }
        return object;
    }

    private static VideoClip transferClip(JsonValue value, Path baseDirectory) {
        if (!(value instanceof JsonObject clip)) {
            throw new WorldForgeException("transfer_clip must be a JSON object.");
        }
        TreeSet<String> unknown = new TreeSet<>(clip.keys());
        unknown.removeAll(TRANSFER_CLIP_KEYS);
        if (!unknown.isEmpty()) {
            throw new WorldForgeException("Unknown transfer_clip fields: " + String.join(", ", unknown) + ".");
        }
        double fps = BenchmarkContracts.positiveNumber(orDefault(clip, "fps", JsonFloat.of(8.0)), "transfer_clip fps");
        int[] resolution = resolution(orDefault(clip, "resolution", JsonArray.of(JsonInt.of(160), JsonInt.of(90))));
        double duration = BenchmarkContracts.finiteNumber(
                orDefault(clip, "duration_seconds", JsonFloat.of(1.0)), "transfer_clip duration_seconds");
        if (duration < 0.0) {
            throw new WorldForgeException("transfer_clip duration_seconds must be greater than or equal to 0.");
        }
        JsonValue rawMetadata = orDefault(clip, "metadata", JsonNull.INSTANCE);
        JsonObject metadata;
        if (rawMetadata instanceof JsonNull) {
            metadata = JsonObject.EMPTY;
        } else if (rawMetadata instanceof JsonObject object) {
            object.toCanonicalJson();
            metadata = object;
        } else {
            throw new WorldForgeException("transfer_clip metadata must be a JSON object.");
        }
        JsonValue path = orDefault(clip, "path", JsonNull.INSTANCE);
        JsonValue frames = orDefault(clip, "frames_base64", JsonNull.INSTANCE);
        boolean hasPath = !(path instanceof JsonNull);
        boolean hasFrames = !(frames instanceof JsonNull);
        if (hasPath == hasFrames) {
            throw new WorldForgeException("transfer_clip must provide exactly one of 'path' or 'frames_base64'.");
        }
        if (hasPath) {
            Path source = Path.of(BenchmarkContracts.requiredText(path, "transfer_clip path"));
            if (!source.isAbsolute()) {
                source = baseDirectory.toAbsolutePath().normalize().resolve(source);
            }
            VideoClip loaded = VideoClip.fromFile(source, fps, resolution[0], resolution[1], duration);
            // The reference's from_file merges the caller's metadata over the file's own.
            JsonObject.Builder merged = loaded.metadata().toBuilder();
            metadata.members().forEach(merged::put);
            return new VideoClip(loaded.frames(), fps, resolution[0], resolution[1], duration, merged.build());
        }
        return new VideoClip(base64Frames(frames), fps, resolution[0], resolution[1], duration, metadata);
    }

    private static JsonValue orDefault(JsonObject object, String key, JsonValue fallback) {
        JsonValue value = object.get(key);
        return value == null ? fallback : value;
    }

    private static int[] resolution(JsonValue value) {
        String name = "transfer_clip resolution";
        if (!(value instanceof JsonArray array)
                || array.size() != 2
                || !(array.get(0) instanceof JsonInt w)
                || !(array.get(1) instanceof JsonInt h)
                || !w.fitsLong()
                || !h.fitsLong()) {
            throw new WorldForgeException(name + " must contain integer width and height.");
        }
        if (w.longValue() <= 0
                || h.longValue() <= 0
                || w.longValue() > Integer.MAX_VALUE
                || h.longValue() > Integer.MAX_VALUE) {
            throw new WorldForgeException(name + " values must be greater than 0.");
        }
        return new int[] {(int) w.longValue(), (int) h.longValue()};
    }

    private static List<byte[]> base64Frames(JsonValue value) {
        String name = "transfer_clip frames_base64";
        if (!(value instanceof JsonArray array) || array.isEmpty()) {
            throw new WorldForgeException(name + " must be a non-empty list of base64 strings.");
        }
        List<byte[]> frames = new ArrayList<>(array.size());
        for (int index = 0; index < array.size(); index++) {
            if (!(array.get(index) instanceof JsonString frame) || frame.value().isEmpty()) {
                throw new WorldForgeException(name + "[" + index + "] must be a non-empty base64 string.");
            }
            try {
                // Strict like Python's b64decode(validate=True): the basic decoder rejects
                // characters outside the alphabet, and the length check rejects the missing
                // padding it would otherwise tolerate.
                if (frame.value().length() % 4 != 0) {
                    throw new IllegalArgumentException("Incorrect padding");
                }
                frames.add(Base64.getDecoder().decode(frame.value()));
            } catch (IllegalArgumentException e) {
                throw new WorldForgeException(name + "[" + index + "] must contain valid base64 bytes.", e);
            }
        }
        return frames;
    }

    /** The action {@code predict} applies; default {@code move_to(0.25, 0.5, 0)}. */
    public Action predictionAction() {
        return predictionAction;
    }

    /** Prediction steps; default 2. */
    public int predictionSteps() {
        return predictionSteps;
    }

    /** The {@code reason} query. */
    public String reasonQuery() {
        return reasonQuery;
    }

    /** The {@code generate} prompt. */
    public String generationPrompt() {
        return generationPrompt;
    }

    /** The {@code generate} duration in seconds; default 1.0. */
    public double generationDurationSeconds() {
        return generationDurationSeconds;
    }

    /** The {@code transfer} prompt. */
    public String transferPrompt() {
        return transferPrompt;
    }

    /** The {@code transfer} width; default 320. */
    public int transferWidth() {
        return transferWidth;
    }

    /** The {@code transfer} height; default 180. */
    public int transferHeight() {
        return transferHeight;
    }

    /** The {@code transfer} frame rate; default 12.0. */
    public double transferFps() {
        return transferFps;
    }

    /** The clip {@code transfer} re-renders. */
    public VideoClip transferClip() {
        return transferClip;
    }

    /** The {@code embed} text. */
    public String embeddingText() {
        return embeddingText;
    }

    /** The {@code score} info object. */
    public JsonObject scoreInfo() {
        return scoreInfo;
    }

    /** The {@code score} action candidates. */
    public JsonValue scoreActionCandidates() {
        return scoreActionCandidates;
    }

    /** The {@code policy} info object. */
    public JsonObject policyInfo() {
        return policyInfo;
    }

    /** The reference's {@code to_dict()}, fields in its order (the clip via {@link VideoClip#toJson()}). */
    public JsonObject toJson() {
        return JsonObject.builder(INPUT_KEYS.size())
                .put("prediction_action", predictionAction.toJson())
                .put("prediction_steps", JsonInt.of(predictionSteps))
                .put("reason_query", JsonString.of(reasonQuery))
                .put("generation_prompt", JsonString.of(generationPrompt))
                .put("generation_duration_seconds", JsonFloat.of(generationDurationSeconds))
                .put("transfer_prompt", JsonString.of(transferPrompt))
                .put("transfer_width", JsonInt.of(transferWidth))
                .put("transfer_height", JsonInt.of(transferHeight))
                .put("transfer_fps", JsonFloat.of(transferFps))
                .put("transfer_clip", transferClip.toJson())
                .put("embedding_text", JsonString.of(embeddingText))
                .put("score_info", scoreInfo)
                .put("score_action_candidates", scoreActionCandidates)
                .put("policy_info", policyInfo)
                .build();
    }

    @Override
    public String toString() {
        return "BenchmarkInputs" + toJson().toCanonicalJson();
    }

    private static JsonValue floats(double... values) {
        List<JsonValue> items = new ArrayList<>(values.length);
        for (double v : values) {
            items.add(JsonFloat.of(v));
        }
        return JsonArray.copyOf(items);
    }

    private static JsonObject sampleScoreInfo() {
        return JsonObject.builder()
                .put(
                        "pixels",
                        JsonArray.of(JsonArray.of(
                                JsonArray.of(floats(0.0), floats(0.1)), JsonArray.of(floats(0.2), floats(0.3)))))
                .put("goal", JsonArray.of(JsonArray.of(floats(0.3, 0.5, 0.0))))
                .put("action", JsonArray.of(JsonArray.of(floats(0.0, 0.5, 0.0))))
                .put("metadata", JsonObject.of("mode", JsonString.of("benchmark-score")))
                .build();
    }

    private static JsonValue sampleScoreActionCandidates() {
        return JsonArray.of(JsonArray.of(
                JsonArray.of(floats(0.0, 0.5, 0.0), floats(0.1, 0.5, 0.0)),
                JsonArray.of(floats(0.0, 0.5, 0.0), floats(0.3, 0.5, 0.0))));
    }

    private static JsonObject samplePolicyInfo() {
        return JsonObject.builder()
                .put(
                        "observation",
                        JsonObject.builder()
                                .put(
                                        "state",
                                        JsonObject.of("cube", floats(0.0, 0.5, 0.0), "mug", floats(0.25, 0.8, 0.0)))
                                .put("language", JsonString.of("move the cube toward the target"))
                                .build())
                .put("options", JsonObject.of("temperature", JsonFloat.of(0.0)))
                .put("mode", JsonString.of("select_action"))
                .put("action_horizon", JsonInt.of(2))
                .put("embodiment_tag", JsonString.of("benchmark"))
                .build();
    }

    private static VideoClip sampleTransferClip() {
        return new VideoClip(
                List.of("worldforge-benchmark-transfer-seed".getBytes(StandardCharsets.US_ASCII)),
                8.0,
                160,
                90,
                1.0,
                JsonObject.builder()
                        .put("provider", JsonString.of("worldforge"))
                        .put("content_type", JsonString.of("video/mp4"))
                        .put("mode", JsonString.of("benchmark-seed"))
                        .build());
    }

    /** Builder of {@link BenchmarkInputs}, pre-filled with the defaults; not thread-safe. */
    public static final class Builder {
        private Action predictionAction = Action.moveTo(0.25, 0.5, 0.0);
        private int predictionSteps = 2;
        private String reasonQuery = "How many objects are tracked?";
        private String generationPrompt = "benchmark orbiting cube";
        private double generationDurationSeconds = 1.0;
        private String transferPrompt = "benchmark transfer rerender";
        private int transferWidth = 320;
        private int transferHeight = 180;
        private double transferFps = 12.0;
        private VideoClip transferClip = sampleTransferClip();
        private String embeddingText = "benchmark cube state";
        private JsonObject scoreInfo = sampleScoreInfo();
        private JsonValue scoreActionCandidates = sampleScoreActionCandidates();
        private JsonObject policyInfo = samplePolicyInfo();

        private Builder() {}

        /** Sets {@code prediction_action}. */
        public Builder predictionAction(Action value) {
            this.predictionAction = Objects.requireNonNull(value, "predictionAction");
            return this;
        }

        /** Sets {@code prediction_steps} (positive). */
        public Builder predictionSteps(int value) {
            this.predictionSteps = value;
            return this;
        }

        /** Sets {@code reason_query} (non-blank, stripped). */
        public Builder reasonQuery(String value) {
            this.reasonQuery = Objects.requireNonNull(value, "reasonQuery");
            return this;
        }

        /** Sets {@code generation_prompt} (non-blank, stripped). */
        public Builder generationPrompt(String value) {
            this.generationPrompt = Objects.requireNonNull(value, "generationPrompt");
            return this;
        }

        /** Sets {@code generation_duration_seconds} (finite, positive). */
        public Builder generationDurationSeconds(double value) {
            this.generationDurationSeconds = value;
            return this;
        }

        /** Sets {@code transfer_prompt} (non-blank, stripped). */
        public Builder transferPrompt(String value) {
            this.transferPrompt = Objects.requireNonNull(value, "transferPrompt");
            return this;
        }

        /** Sets {@code transfer_width} (positive). */
        public Builder transferWidth(int value) {
            this.transferWidth = value;
            return this;
        }

        /** Sets {@code transfer_height} (positive). */
        public Builder transferHeight(int value) {
            this.transferHeight = value;
            return this;
        }

        /** Sets {@code transfer_fps} (finite, positive). */
        public Builder transferFps(double value) {
            this.transferFps = value;
            return this;
        }

        /** Sets {@code transfer_clip}. */
        public Builder transferClip(VideoClip value) {
            this.transferClip = Objects.requireNonNull(value, "transferClip");
            return this;
        }

        /** Sets {@code embedding_text} (non-blank, stripped). */
        public Builder embeddingText(String value) {
            this.embeddingText = Objects.requireNonNull(value, "embeddingText");
            return this;
        }

        /** Sets {@code score_info} (a non-empty object of finite numbers). */
        public Builder scoreInfo(JsonObject value) {
            this.scoreInfo = Objects.requireNonNull(value, "scoreInfo");
            return this;
        }

        /** Sets {@code score_action_candidates} (finite JSON, not JSON null). */
        public Builder scoreActionCandidates(JsonValue value) {
            this.scoreActionCandidates = Objects.requireNonNull(value, "scoreActionCandidates");
            return this;
        }

        /** Sets {@code policy_info} (a non-empty object of finite numbers). */
        public Builder policyInfo(JsonObject value) {
            this.policyInfo = Objects.requireNonNull(value, "policyInfo");
            return this;
        }

        /**
         * Validates and builds.
         *
         * @throws WorldForgeException with the reference's message for the first invalid field
         */
        public BenchmarkInputs build() {
            return new BenchmarkInputs(this);
        }
    }
}
