package ai.worldforge.trace;

import ai.worldforge.error.WorldForgeException;
import ai.worldforge.event.Redaction;
import ai.worldforge.json.JsonBool;
import ai.worldforge.json.JsonNull;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A safe reference to an input or output artifact of a {@link WorkflowTraceStep} (the reference's
 * {@code WorkflowArtifactRef}). Every text is trace-sanitised (secrets redacted, host-local paths
 * replaced by {@code <host-local-path>}, stripped, still non-empty).
 *
 * <p>An artifact that is safe to attach must have a relative path without {@code ..} segments and
 * without a query string, fragment or URL credentials, and a label that is not secret-like; an
 * artifact marked unsafe ({@code safeToAttach == false}) may point anywhere (a host-local
 * checkpoint, say) and makes the whole trace unsafe to attach.
 *
 * <p>Immutable and thread-safe.
 *
 * @param label sanitised label
 * @param path sanitised path, when any
 * @param digest sanitised digest, when any
 * @param mediaType sanitised media type, when any
 * @param safeToAttach whether the artifact may be attached to shared reports
 */
public record WorkflowArtifactRef(
        String label,
        Optional<String> path,
        Optional<String> digest,
        Optional<String> mediaType,
        boolean safeToAttach) {

    /**
     * Validates and sanitises, in the reference's order (label, path, digest, media type, then the
     * secret-like label check).
     *
     * @throws WorldForgeException when a field is invalid
     */
    public WorkflowArtifactRef {
        label = TraceText.require(label, "Artifact label");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(mediaType, "mediaType");
        String artifactLabel = label;
        path = path.map(p -> safePath(p, safeToAttach, "Artifact '" + artifactLabel + "' path"));
        digest = digest.map(d -> TraceText.require(d, "Artifact digest"));
        mediaType = mediaType.map(m -> TraceText.require(m, "Artifact media_type"));
        if (safeToAttach && TraceText.SECRET_LIKE.matcher(label).find()) {
            throw new WorldForgeException("Artifact label must not contain secret-like material.");
        }
    }

    /** A safe-to-attach reference with only a label. */
    public static WorkflowArtifactRef of(String label) {
        return new WorkflowArtifactRef(label, Optional.empty(), Optional.empty(), Optional.empty(), true);
    }

    /** A safe-to-attach reference with a label and a relative path. */
    public static WorkflowArtifactRef of(String label, String path) {
        return new WorkflowArtifactRef(label, Optional.of(path), Optional.empty(), Optional.empty(), true);
    }

    /** A builder for a reference labelled {@code label}. */
    public static Builder builder(String label) {
        return new Builder(label);
    }

    /**
     * The reference's {@code from_value} for a JSON object: {@code label} (default {@code ""}),
     * optional {@code path}, {@code digest}, {@code media_type}, {@code safe_to_attach} (default
     * true).
     *
     * @throws WorldForgeException when {@code value} is not an object or a field is invalid
     */
    public static WorkflowArtifactRef fromJson(JsonValue value) {
        if (!(value instanceof JsonObject object)) {
            throw new WorldForgeException("Workflow artifact reference must be a JSON object.");
        }
        // Validated in the reference's order: label, path, digest, media type, safe_to_attach.
        String label = TraceText.require(text(object, "label", "Artifact label").orElse(""), "Artifact label");
        Optional<String> path = text(object, "path", "Artifact '" + label + "' path");
        Optional<String> digest = text(object, "digest", "Artifact digest");
        Optional<String> mediaType = text(object, "media_type", "Artifact media_type");
        JsonValue safe = object.get("safe_to_attach");
        boolean safeToAttach = true;
        if (safe != null) {
            if (!(safe instanceof JsonBool b)) {
                throw new WorldForgeException("Artifact safe_to_attach must be a boolean.");
            }
            safeToAttach = b.value();
        }
        return new WorkflowArtifactRef(label, path, digest, mediaType, safeToAttach);
    }

    private static Optional<String> text(JsonObject object, String key, String name) {
        JsonValue value = object.get(key);
        if (value == null || value instanceof JsonNull) {
            return Optional.empty();
        }
        if (!(value instanceof JsonString s)) {
            throw new WorldForgeException(name + " must be a non-empty string.");
        }
        return Optional.of(s.value());
    }

    /** {@code {label, safe_to_attach}} plus {@code path}, {@code digest}, {@code media_type} when set. */
    public JsonObject toJson() {
        JsonObject.Builder out = JsonObject.builder()
                .put("label", JsonString.of(label))
                .put("safe_to_attach", JsonBool.of(safeToAttach));
        path.ifPresent(p -> out.put("path", JsonString.of(p)));
        digest.ifPresent(d -> out.put("digest", JsonString.of(d)));
        mediaType.ifPresent(m -> out.put("media_type", JsonString.of(m)));
        return out.build();
    }

    /** {@code _safe_artifact_path}. */
    private static String safePath(String value, boolean safeToAttach, String name) {
        String text = TraceText.require(value, name);
        if (safeToAttach && !text.equals(Redaction.sanitizeTarget(text))) {
            throw new WorldForgeException(name + " must not contain signed URLs, query strings, or fragments.");
        }
        if (safeToAttach && (text.startsWith("/") || hasParentSegment(text))) {
            throw new WorldForgeException(name + " must be a safe relative path.");
        }
        return text;
    }

    /** Python {@code ".." in PurePosixPath(text).parts}. */
    private static boolean hasParentSegment(String text) {
        for (String part : text.split("/", -1)) {
            if (part.equals("..")) {
                return true;
            }
        }
        return false;
    }

    /** Builder for {@link WorkflowArtifactRef}; not thread-safe. */
    public static final class Builder {
        private final String label;
        private @Nullable String path;
        private @Nullable String digest;
        private @Nullable String mediaType;
        private boolean safeToAttach = true;

        private Builder(String label) {
            this.label = label;
        }

        /** The artifact path (relative unless the artifact is unsafe to attach). */
        public Builder path(String value) {
            this.path = value;
            return this;
        }

        /** The artifact digest, for instance {@code sha256:…}. */
        public Builder digest(String value) {
            this.digest = value;
            return this;
        }

        /** The artifact media type. */
        public Builder mediaType(String value) {
            this.mediaType = value;
            return this;
        }

        /** Whether the artifact may be attached to shared reports (default true). */
        public Builder safeToAttach(boolean value) {
            this.safeToAttach = value;
            return this;
        }

        /**
         * The validated reference.
         *
         * @throws WorldForgeException when a field is invalid
         */
        public WorkflowArtifactRef build() {
            return new WorkflowArtifactRef(
                    label,
                    Optional.ofNullable(path),
                    Optional.ofNullable(digest),
                    Optional.ofNullable(mediaType),
                    safeToAttach);
        }
    }
}
