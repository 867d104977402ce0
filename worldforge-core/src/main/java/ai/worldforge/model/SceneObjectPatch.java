package ai.worldforge.model;

import ai.worldforge.error.WorldForgeException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A partial update of a {@link SceneObject}: any of name, position and graspable. Immutable and
 * thread-safe; build one with {@link #builder()}.
 */
public final class SceneObjectPatch {
    private static final SceneObjectPatch EMPTY = new SceneObjectPatch(null, null, null);

    private final @Nullable String name;
    private final @Nullable Position position;
    private final @Nullable Boolean graspable;

    private SceneObjectPatch(@Nullable String name, @Nullable Position position, @Nullable Boolean graspable) {
        this.name = name;
        this.position = position;
        this.graspable = graspable;
    }

    /** A patch that changes nothing. */
    public static SceneObjectPatch empty() {
        return EMPTY;
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The new name, when set. */
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    /** The new position, when set (the bounding box follows it). */
    public Optional<Position> position() {
        return Optional.ofNullable(position);
    }

    /** The new graspable flag, when set. */
    public Optional<Boolean> graspable() {
        return Optional.ofNullable(graspable);
    }

    /** Whether the patch changes nothing. */
    public boolean isEmpty() {
        return name == null && position == null && graspable == null;
    }

    @Override
    public String toString() {
        return "SceneObjectPatch[name=" + name + ", position=" + position + ", graspable=" + graspable + "]";
    }

    /** Builder for {@link SceneObjectPatch}; not thread-safe. */
    public static final class Builder {
        private @Nullable String name;
        private @Nullable Position position;
        private @Nullable Boolean graspable;

        private Builder() {}

        /** Sets the name (stripped; must not be blank). */
        public Builder name(String value) {
            if (value == null || value.isBlank()) {
                throw new WorldForgeException("SceneObjectPatch name must be a non-empty string.");
            }
            this.name = value.strip();
            return this;
        }

        /** Sets the position. */
        public Builder position(Position value) {
            if (value == null) {
                throw new WorldForgeException("SceneObjectPatch position must be a Position.");
            }
            this.position = value;
            return this;
        }

        /** Sets the graspable flag. */
        public Builder graspable(boolean value) {
            this.graspable = value;
            return this;
        }

        /** Builds the patch. */
        public SceneObjectPatch build() {
            return new SceneObjectPatch(name, position, graspable);
        }
    }
}
