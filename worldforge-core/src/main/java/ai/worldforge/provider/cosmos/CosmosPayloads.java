package ai.worldforge.provider.cosmos;

import ai.worldforge.error.ProviderException;
import ai.worldforge.internal.PyStrings;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonBool;
import ai.worldforge.json.JsonFloat;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonNull;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
import ai.worldforge.model.GenerationOptions;
import ai.worldforge.provider.http.HttpAssets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The Cosmos NIM wire format: request body and response validation. Stateless. */
final class CosmosPayloads {
    private static final Set<String> FAILED_STATUSES = Set.of("failed", "failure", "error", "rejected");
    private static final List<String> ERROR_FIELDS = List.of("error", "message", "detail", "reason");
    private static final List<String> ARTIFACT_FIELDS =
            List.of("artifact_url", "artifact_uri", "output_url", "video_url");

    private CosmosPayloads() {}

    /** A validated {@code /v1/infer} response. */
    record Generation(
            String b64Video,
            @Nullable JsonInt seed,
            @Nullable String upsampledPrompt) {
        /** Strict base64 decoding (padding required, no foreign characters). */
        byte[] decodeVideo(String providerName) {
            try {
                if (b64Video.length() % 4 != 0) {
                    throw new IllegalArgumentException("incorrect padding");
                }
                return Base64.getDecoder().decode(b64Video);
            } catch (IllegalArgumentException e) {
                throw new ProviderException(
                        "Provider '" + providerName + "' returned an invalid base64 video payload.", e);
            }
        }
    }

    /**
     * The request body: prompt, seed (default 4), video parameters (frames rounded half-even),
     * then the optional negative prompt, image and video (local paths read now), then the
     * caller's extras, which may overwrite any key.
     */
    static JsonObject generationBody(
            String prompt,
            double durationSeconds,
            @Nullable GenerationOptions options,
            HttpAssets.OutputSize size,
            double fps) {
        long frames = Math.max(1L, (long) Math.rint(durationSeconds * fps));
        JsonObject.Builder body = JsonObject.builder()
                .put("prompt", JsonString.of(prompt))
                .put(
                        "seed",
                        JsonInt.of(
                                options != null && options.seed().isPresent()
                                        ? options.seed().get()
                                        : 4L))
                .put(
                        "video_params",
                        JsonObject.builder()
                                .put("height", JsonInt.of(size.height()))
                                .put("width", JsonInt.of(size.width()))
                                .put("frames_count", JsonInt.of(frames))
                                .put("frames_per_sec", JsonInt.of((long) Math.rint(fps)))
                                .build());
        if (options != null) {
            options.negativePrompt()
                    .filter(v -> !v.isEmpty())
                    .ifPresent(v -> body.put("negative_prompt", JsonString.of(v)));
            options.image()
                    .filter(v -> !v.isEmpty())
                    .ifPresent(v -> body.put("image", JsonString.of(HttpAssets.assetToUri(v, "image/png"))));
            options.video()
                    .filter(v -> !v.isEmpty())
                    .ifPresent(v -> body.put("video", JsonString.of(HttpAssets.assetToUri(v, "video/mp4"))));
            for (Map.Entry<String, JsonValue> extra : options.extras().members().entrySet()) {
                body.put(extra.getKey(), extra.getValue());
            }
        }
        return body.build();
    }

    /** {@code video2world} when a video is given, else {@code image2world} with an image, else {@code text2world}. */
    static String mode(@Nullable GenerationOptions options) {
        if (options != null && options.video().filter(v -> !v.isEmpty()).isPresent()) {
            return "video2world";
        }
        if (options != null && options.image().filter(v -> !v.isEmpty()).isPresent()) {
            return "image2world";
        }
        return "text2world";
    }

    /** Validates a generation response in the reference's order. */
    static Generation parseGeneration(JsonObject payload, String providerName) {
        String prefix = "Provider '" + providerName + "' ";
        if (payload.get("status") instanceof JsonString status
                && FAILED_STATUSES.contains(PyStrings.strip(status.value()).toLowerCase(Locale.ROOT))) {
            throw new ProviderException(prefix + "generation task failed: " + errorDetail(payload));
        }
        String b64 = null;
        if (payload.get("b64_video") instanceof JsonString video
                && !PyStrings.strip(video.value()).isEmpty()) {
            b64 = PyStrings.strip(video.value());
        }
        if (b64 == null) {
            if (containsArtifactReference(payload)) {
                throw new ProviderException(prefix + "generation response returned artifact references instead of"
                        + " inline b64_video. This adapter only accepts inline base64 video payloads; the host must"
                        + " use a compatible Cosmos deployment or add an explicit artifact downloader.");
            }
            throw new ProviderException(
                    prefix + "generation response field 'b64_video' must be a non-empty base64 string.");
        }
        JsonValue seed = payload.get("seed");
        JsonInt seedValue = null;
        if (seed != null && !(seed instanceof JsonNull)) {
            if (!(seed instanceof JsonInt integer)) {
                throw new ProviderException(
                        prefix + "generation response field 'seed' must be an integer when present.");
            }
            seedValue = integer;
        }
        JsonValue upsampled = payload.get("upsampled_prompt");
        String upsampledPrompt = null;
        if (upsampled != null && !(upsampled instanceof JsonNull)) {
            if (!(upsampled instanceof JsonString text)) {
                throw new ProviderException(
                        prefix + "generation response field 'upsampled_prompt' must be a string when present.");
            }
            upsampledPrompt = text.value();
        }
        return new Generation(b64, seedValue, upsampledPrompt);
    }

    private static String errorDetail(JsonObject payload) {
        for (String key : ERROR_FIELDS) {
            String detail = errorText(payload.get(key));
            if (detail != null) {
                return detail;
            }
        }
        return "upstream returned failed status";
    }

    /** A non-blank string, or the text of a nested object's first truthy error field. */
    private static @Nullable String errorText(@Nullable JsonValue value) {
        if (value instanceof JsonString s) {
            String stripped = PyStrings.strip(s.value());
            return stripped.isEmpty() ? null : stripped;
        }
        if (value instanceof JsonObject object) {
            for (String key : ERROR_FIELDS) {
                JsonValue nested = object.get(key);
                if (truthy(nested)) {
                    return errorText(nested);
                }
            }
        }
        return null;
    }

    /** Python truthiness of a JSON value. */
    private static boolean truthy(@Nullable JsonValue value) {
        if (value == null || value instanceof JsonNull) {
            return false;
        }
        if (value instanceof JsonString s) {
            return !s.value().isEmpty();
        }
        if (value instanceof JsonBool b) {
            return b == JsonBool.TRUE;
        }
        if (value instanceof JsonInt i) {
            return i.value().signum() != 0;
        }
        if (value instanceof JsonFloat f) {
            return f.value() != 0.0;
        }
        if (value instanceof JsonObject o) {
            return !o.isEmpty();
        }
        if (value instanceof JsonArray a) {
            return a.size() > 0;
        }
        return true;
    }

    private static boolean containsArtifactReference(JsonObject payload) {
        for (String key : ARTIFACT_FIELDS) {
            if (payload.get(key) instanceof JsonString s
                    && !PyStrings.strip(s.value()).isEmpty()) {
                return true;
            }
        }
        for (String key : List.of("artifacts", "outputs")) {
            if (payload.get(key) instanceof JsonArray items) {
                for (JsonValue item : items) {
                    if (item instanceof JsonString || item instanceof JsonObject) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
