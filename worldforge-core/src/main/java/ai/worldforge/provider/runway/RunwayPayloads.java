package ai.worldforge.provider.runway;

import ai.worldforge.error.ProviderException;
import ai.worldforge.event.Redaction;
import ai.worldforge.internal.PyStrings;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonNull;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
import ai.worldforge.model.GenerationOptions;
import ai.worldforge.model.VideoClip;
import ai.worldforge.provider.http.HttpAssets;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Runway request bodies and response parsing, with the reference's validation rules and messages
 * ({@code runway_requests.py} and {@code runway_responses.py}). Stateless.
 */
final class RunwayPayloads {
    static final String DEFAULT_RATIO = "1280:720";
    static final String DEFAULT_TRANSFER_MODEL = "gen4_aleph";
    static final String DEFAULT_TRANSFER_PROMPT = "Re-render the input video while preserving the scene motion.";

    private static final Pattern PY_INT = Pattern.compile("[+-]?[0-9]+(?:_[0-9]+)*");

    private RunwayPayloads() {}

    /** A built image_to_video request and what the returned clip reports. */
    record Generation(JsonObject body, int duration, double fps, int width, int height, String model, String mode) {}

    /** A built video_to_video request. */
    record Transfer(JsonObject body, String model, int referenceCount) {}

    /** The validated state of one task poll. */
    record TaskStatus(String taskId, String status, List<String> outputs, String message) {}

    /**
     * The {@code POST /v1/image_to_video} body: model, prompt text, ratio, duration (rounded half
     * to even, clamped to [2, 10]), the prompt image when given (local files read now), the seed,
     * then the caller's extras, which may overwrite any key.
     */
    static Generation generation(
            String prompt, double durationSeconds, @Nullable GenerationOptions options, String defaultModel) {
        String ratio = nonEmpty(options == null ? null : options.ratio().orElse(null));
        if (ratio == null) {
            ratio = DEFAULT_RATIO;
        }
        int duration = (int) Math.max(2, Math.min(10, Math.rint(durationSeconds)));
        String image = options == null ? null : options.image().orElse(null);
        String promptImage = image == null ? null : HttpAssets.assetToUri(image, "image/png");
        String model = model(options, defaultModel);
        JsonObject.Builder body = JsonObject.builder()
                .put("model", JsonString.of(model))
                .put("promptText", JsonString.of(prompt))
                .put("ratio", JsonString.of(ratio))
                .put("duration", JsonInt.of(duration));
        if (promptImage != null && !promptImage.isEmpty()) {
            body.put("promptImage", JsonString.of(promptImage));
        }
        applyOptions(body, options);
        double fps =
                options != null && options.fps().isPresent() ? options.fps().get() : 24.0;
        int[] size = parseRatio(ratio);
        return new Generation(
                body.build(),
                duration,
                fps,
                size[0],
                size[1],
                model,
                promptImage != null && !promptImage.isEmpty() ? "image_to_video" : "text_to_video");
    }

    /**
     * The {@code POST /v1/video_to_video} body: model (default {@code gen4_aleph}), prompt text (a
     * default when blank), the video as a URI ({@code options.video}, else the clip as a data
     * URI), reference images, the seed, then extras. Width, height and fps are not sent.
     */
    static Transfer transfer(VideoClip clip, String prompt, @Nullable GenerationOptions options) {
        String model = model(options, DEFAULT_TRANSFER_MODEL);
        List<JsonValue> references = new ArrayList<>();
        if (options != null) {
            for (String reference : options.referenceImages()) {
                references.add(JsonObject.of("uri", JsonString.of(HttpAssets.assetToUri(reference, "image/png"))));
            }
        }
        String video = nonEmpty(options == null ? null : options.video().orElse(null));
        String videoUri =
                HttpAssets.assetToUri(video != null ? video : HttpAssets.clipToDataUri(clip), clip.contentType());
        JsonObject.Builder body = JsonObject.builder()
                .put("model", JsonString.of(model))
                .put("promptText", JsonString.of(prompt.isEmpty() ? DEFAULT_TRANSFER_PROMPT : prompt))
                .put("videoUri", JsonString.of(videoUri));
        if (!references.isEmpty()) {
            body.put("references", JsonArray.copyOf(references));
        }
        applyOptions(body, options);
        return new Transfer(body.build(), model, references.size());
    }

    private static String model(@Nullable GenerationOptions options, String fallback) {
        String model = nonEmpty(options == null ? null : options.model().orElse(null));
        return model != null ? model : fallback;
    }

    private static void applyOptions(JsonObject.Builder body, @Nullable GenerationOptions options) {
        if (options == null) {
            return;
        }
        options.seed().ifPresent(seed -> body.put("seed", JsonInt.of(seed)));
        for (Map.Entry<String, JsonValue> extra : options.extras().members().entrySet()) {
            body.put(extra.getKey(), extra.getValue());
        }
    }

    private static @Nullable String nonEmpty(@Nullable String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    /**
     * {@code WIDTH:HEIGHT} with Python {@code int()} numbers.
     *
     * @throws ProviderException {@code Invalid Runway ratio '{r}'. Expected WIDTH:HEIGHT.} or
     *     {@code Runway ratio width and height must be greater than 0.}
     */
    static int[] parseRatio(String ratio) {
        int colon = ratio.indexOf(':');
        BigInteger width = colon < 0 ? null : pyInt(ratio.substring(0, colon));
        BigInteger height = colon < 0 ? null : pyInt(ratio.substring(colon + 1));
        if (width == null || height == null) {
            throw new ProviderException("Invalid Runway ratio '" + ratio + "'. Expected WIDTH:HEIGHT.");
        }
        if (width.signum() <= 0 || height.signum() <= 0) {
            throw new ProviderException("Runway ratio width and height must be greater than 0.");
        }
        if (width.bitLength() > 31 || height.bitLength() > 31) {
            // Python accepts any size; a clip resolution is an int here.
            throw new ProviderException("Invalid Runway ratio '" + ratio + "'. Expected WIDTH:HEIGHT.");
        }
        return new int[] {width.intValue(), height.intValue()};
    }

    private static @Nullable BigInteger pyInt(String text) {
        String stripped = PyStrings.strip(text);
        if (!PY_INT.matcher(stripped).matches()) {
            return null;
        }
        return new BigInteger(stripped.replace("_", ""));
    }

    // ------------------------------------------------------------------------------------------
    // Responses

    /**
     * The details of a {@code GET /v1/organization} answer: the name, else the id.
     *
     * @throws ProviderException {@code Provider '{p}' organization response field 'id' must be a
     *     non-empty string when present.} (same for {@code name}) or {@code Provider '{p}'
     *     organization response must include 'id' or 'name'.}
     */
    static String organizationDetails(JsonObject payload, String provider) {
        String id = organizationText(payload.get("id"), provider, "id");
        String name = organizationText(payload.get("name"), provider, "name");
        if (id == null && name == null) {
            throw new ProviderException(
                    "Provider '" + provider + "' organization response must include 'id' or 'name'.");
        }
        return name != null ? name : id;
    }

    private static @Nullable String organizationText(@Nullable JsonValue value, String provider, String field) {
        if (value == null || value instanceof JsonNull) {
            return null;
        }
        if (value instanceof JsonString s && !PyStrings.strip(s.value()).isEmpty()) {
            return PyStrings.strip(s.value());
        }
        throw new ProviderException("Provider '" + provider + "' organization response field '" + field
                + "' must be a non-empty string when present.");
    }

    /**
     * The task id of a creation answer.
     *
     * @throws ProviderException {@code Provider '{p}' {op} response field 'id' must be a non-empty
     *     task id.}
     */
    static String taskId(JsonObject payload, String provider, String operation) {
        if (payload.get("id") instanceof JsonString s
                && !PyStrings.strip(s.value()).isEmpty()) {
            return PyStrings.strip(s.value());
        }
        throw new ProviderException(
                "Provider '" + provider + "' " + operation + " response field 'id' must be a non-empty task id.");
    }

    /**
     * One validated {@code GET /v1/tasks/{id}} answer: matching id, upper-cased status, output
     * URLs (stripped), failure detail.
     */
    static TaskStatus taskStatus(JsonObject payload, String provider, String expectedId) {
        String prefix = "Provider '" + provider + "' ";
        JsonValue id = payload.get("id");
        if (id != null && !(id instanceof JsonNull)) {
            if (!(id instanceof JsonString s) || PyStrings.strip(s.value()).isEmpty()) {
                throw new ProviderException(
                        prefix + "task response field 'id' must be a non-empty string when present.");
            }
            if (!PyStrings.strip(s.value()).equals(expectedId)) {
                throw new ProviderException(prefix + "task response id '" + s.value()
                        + "' does not match requested task '" + expectedId + "'.");
            }
        }
        if (!(payload.get("status") instanceof JsonString status)
                || PyStrings.strip(status.value()).isEmpty()) {
            throw new ProviderException(
                    prefix + "task " + expectedId + " response field 'status' must be a non-empty string.");
        }
        List<String> outputs = new ArrayList<>();
        JsonValue output = payload.get("output");
        if (output != null && !(output instanceof JsonNull)) {
            if (!(output instanceof JsonArray items)) {
                throw new ProviderException(
                        prefix + "task " + expectedId + " response field 'output' must be a list when present.");
            }
            List<String> invalid = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i) instanceof JsonString s
                        && !PyStrings.strip(s.value()).isEmpty()) {
                    outputs.add(PyStrings.strip(s.value()));
                } else {
                    invalid.add(Integer.toString(i));
                }
            }
            if (!invalid.isEmpty()) {
                throw new ProviderException(prefix + "task " + expectedId
                        + " response field 'output' contains invalid entries at index(es): "
                        + String.join(", ", invalid) + ".");
            }
        }
        return new TaskStatus(
                expectedId,
                PyStrings.strip(status.value()).toUpperCase(Locale.ROOT),
                List.copyOf(outputs),
                failureMessage(payload));
    }

    private static String failureMessage(JsonObject payload) {
        for (String key : List.of("failure", "error", "message")) {
            JsonValue value = payload.get(key);
            if (value instanceof JsonString s && !PyStrings.strip(s.value()).isEmpty()) {
                return PyStrings.strip(s.value());
            }
            if (value instanceof JsonObject nested
                    && nested.get("message") instanceof JsonString s
                    && !PyStrings.strip(s.value()).isEmpty()) {
                return PyStrings.strip(s.value());
            }
        }
        return "no failure detail returned";
    }

    /**
     * The artifact URL as clip metadata may show it: {@code scheme://host[:port]/path}, never the
     * signed query or fragment.
     */
    static String artifactUrlSummary(String url) {
        String sanitized = Redaction.sanitizeTarget(url);
        if (sanitized == null || sanitized.isEmpty()) {
            throw new ProviderException("Runway task output URL must be a non-empty string.");
        }
        return sanitized;
    }
}
