package ai.worldforge.model;

import ai.worldforge.error.WorldForgeException;
import ai.worldforge.internal.Checks;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonFloat;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonNull;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Optional generation and transfer settings passed through to media providers. Immutable and
 * thread-safe; build with {@link #builder()}.
 */
public final class GenerationOptions {
    private static final GenerationOptions NONE = builder().build();

    private final @Nullable String image;
    private final @Nullable String video;
    private final @Nullable String model;
    private final @Nullable String ratio;
    private final @Nullable String size;
    private final @Nullable Double fps;
    private final @Nullable Long seed;
    private final @Nullable String negativePrompt;
    private final List<String> referenceImages;
    private final JsonObject extras;

    private GenerationOptions(Builder b) {
        this.image = b.image;
        this.video = b.video;
        this.model = b.model;
        this.ratio = b.ratio;
        this.size = b.size;
        this.fps = b.fps;
        this.seed = b.seed;
        this.negativePrompt = b.negativePrompt;
        this.referenceImages = List.copyOf(b.referenceImages);
        this.extras = b.extras;
    }

    /** Options with nothing set. */
    public static GenerationOptions none() {
        return NONE;
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Input image (URL, data URI or path), when set. */
    public Optional<String> image() {
        return Optional.ofNullable(image);
    }

    /** Input video (URL, data URI or path), when set. */
    public Optional<String> video() {
        return Optional.ofNullable(video);
    }

    /** Provider model name, when set. */
    public Optional<String> model() {
        return Optional.ofNullable(model);
    }

    /** Aspect ratio such as {@code 1280:720}, when set. */
    public Optional<String> ratio() {
        return Optional.ofNullable(ratio);
    }

    /** Output size such as {@code 1280x720}, when set. */
    public Optional<String> size() {
        return Optional.ofNullable(size);
    }

    /** Requested frame rate, when set. */
    public Optional<Double> fps() {
        return Optional.ofNullable(fps);
    }

    /** Random seed, when set. */
    public Optional<Long> seed() {
        return Optional.ofNullable(seed);
    }

    /** Negative prompt, when set. */
    public Optional<String> negativePrompt() {
        return Optional.ofNullable(negativePrompt);
    }

    /** Reference images. */
    public List<String> referenceImages() {
        return referenceImages;
    }

    /** Provider-specific extras. */
    public JsonObject extras() {
        return extras;
    }

    /** All ten fields, unset ones as {@code null}. */
    public JsonObject toJson() {
        List<JsonValue> references = new ArrayList<>();
        referenceImages.forEach(r -> references.add(JsonString.of(r)));
        return JsonObject.builder()
                .put("image", text(image))
                .put("video", text(video))
                .put("model", text(model))
                .put("ratio", text(ratio))
                .put("size", text(size))
                .put("fps", fps == null ? JsonNull.INSTANCE : JsonFloat.of(fps))
                .put("seed", seed == null ? JsonNull.INSTANCE : JsonInt.of(seed))
                .put("negative_prompt", text(negativePrompt))
                .put("reference_images", JsonArray.copyOf(references))
                .put("extras", extras)
                .build();
    }

    private static JsonValue text(@Nullable String value) {
        return value == null ? JsonNull.INSTANCE : JsonString.of(value);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof GenerationOptions o && toJson().equals(o.toJson());
    }

    @Override
    public int hashCode() {
        return toJson().hashCode();
    }

    @Override
    public String toString() {
        return "GenerationOptions" + toJson();
    }

    /** Builder for {@link GenerationOptions}; not thread-safe. */
    public static final class Builder {
        private @Nullable String image;
        private @Nullable String video;
        private @Nullable String model;
        private @Nullable String ratio;
        private @Nullable String size;
        private @Nullable Double fps;
        private @Nullable Long seed;
        private @Nullable String negativePrompt;
        private final List<String> referenceImages = new ArrayList<>();
        private JsonObject extras = JsonObject.EMPTY;

        private Builder() {}

        /** Input image. */
        public Builder image(@Nullable String value) {
            image = value;
            return this;
        }

        /** Input video. */
        public Builder video(@Nullable String value) {
            video = value;
            return this;
        }

        /** Model name. */
        public Builder model(@Nullable String value) {
            model = value;
            return this;
        }

        /** Aspect ratio. */
        public Builder ratio(@Nullable String value) {
            ratio = value;
            return this;
        }

        /** Output size. */
        public Builder size(@Nullable String value) {
            size = value;
            return this;
        }

        /** Frame rate; finite and greater than 0. */
        public Builder fps(double value) {
            Checks.finite(value, "GenerationOptions fps");
            if (value <= 0) {
                throw new WorldForgeException("GenerationOptions fps must be greater than 0.");
            }
            fps = value;
            return this;
        }

        /** Seed. */
        public Builder seed(long value) {
            seed = value;
            return this;
        }

        /** Negative prompt. */
        public Builder negativePrompt(@Nullable String value) {
            negativePrompt = value;
            return this;
        }

        /** Adds a reference image. */
        public Builder addReferenceImage(String value) {
            referenceImages.add(value);
            return this;
        }

        /** Provider-specific extras (finite numbers only). */
        public Builder extras(JsonObject value) {
            extras = Checks.jsonObject(value, "GenerationOptions extras");
            return this;
        }

        /** Builds the options. */
        public GenerationOptions build() {
            return new GenerationOptions(this);
        }
    }
}
