package ai.worldforge.capability;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An optional bundle of capability implementations that belong together (one model serving
 * several capabilities). Registering it registers every present slot under the slot
 * implementation's own name, in field order; a bundle without any slot is rejected. As in the
 * reference, the bundle's {@code name} only identifies it in messages and its {@code profile} is
 * informational: each slot reports its own {@link NamedCapability#profileSpec()}.
 *
 * <p>Immutable and thread-safe when the slots are. Build with {@link #builder(String)}.
 *
 * @param name bundle name
 * @param policy policy slot, or {@code null}
 * @param cost cost slot, or {@code null}
 * @param generator generator slot, or {@code null}
 * @param predictor predictor slot, or {@code null}
 * @param reasoner reasoner slot, or {@code null}
 * @param embedder embedder slot, or {@code null}
 * @param transferer transferer slot, or {@code null}
 * @param planner planner slot, or {@code null}
 * @param profile bundle metadata, or {@code null}
 */
public record RunnableModel(
        String name,
        @Nullable Policy policy,
        @Nullable Cost cost,
        @Nullable Generator generator,
        @Nullable Predictor predictor,
        @Nullable Reasoner reasoner,
        @Nullable Embedder embedder,
        @Nullable Transferer transferer,
        @Nullable Planner planner,
        @Nullable ProviderProfileSpec profile) {

    /** Validates presence of the name. */
    public RunnableModel {
        Objects.requireNonNull(name, "name");
    }

    /** A builder for a bundle named {@code name} with every slot empty. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** The implementation in the slot of {@code kind}, when present. */
    public Optional<NamedCapability> slot(CapabilityKind kind) {
        NamedCapability impl = switch (kind) {
            case POLICY -> policy;
            case COST -> cost;
            case GENERATOR -> generator;
            case PREDICTOR -> predictor;
            case REASONER -> reasoner;
            case EMBEDDER -> embedder;
            case TRANSFERER -> transferer;
            case PLANNER -> planner;
        };
        return Optional.ofNullable(impl);
    }

    /** The present slots in field order (policy, cost, generator, …, planner). */
    public Map<CapabilityKind, NamedCapability> capabilityFields() {
        EnumMap<CapabilityKind, NamedCapability> out = new EnumMap<>(CapabilityKind.class);
        for (CapabilityKind kind : CapabilityKind.values()) {
            slot(kind).ifPresent(impl -> out.put(kind, impl));
        }
        return Collections.unmodifiableMap(out);
    }

    /** The bundle metadata, when set. */
    public Optional<ProviderProfileSpec> profileSpec() {
        return Optional.ofNullable(profile);
    }

    /** Builder for {@link RunnableModel}; not thread-safe. */
    public static final class Builder {
        private final String name;
        private @Nullable Policy policy;
        private @Nullable Cost cost;
        private @Nullable Generator generator;
        private @Nullable Predictor predictor;
        private @Nullable Reasoner reasoner;
        private @Nullable Embedder embedder;
        private @Nullable Transferer transferer;
        private @Nullable Planner planner;
        private @Nullable ProviderProfileSpec profile;

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        /** Policy slot. */
        public Builder policy(@Nullable Policy value) {
            policy = value;
            return this;
        }

        /** Cost slot. */
        public Builder cost(@Nullable Cost value) {
            cost = value;
            return this;
        }

        /** Generator slot. */
        public Builder generator(@Nullable Generator value) {
            generator = value;
            return this;
        }

        /** Predictor slot. */
        public Builder predictor(@Nullable Predictor value) {
            predictor = value;
            return this;
        }

        /** Reasoner slot. */
        public Builder reasoner(@Nullable Reasoner value) {
            reasoner = value;
            return this;
        }

        /** Embedder slot. */
        public Builder embedder(@Nullable Embedder value) {
            embedder = value;
            return this;
        }

        /** Transferer slot. */
        public Builder transferer(@Nullable Transferer value) {
            transferer = value;
            return this;
        }

        /** Planner slot. */
        public Builder planner(@Nullable Planner value) {
            planner = value;
            return this;
        }

        /** Bundle metadata. */
        public Builder profile(@Nullable ProviderProfileSpec value) {
            profile = value;
            return this;
        }

        /** Builds the bundle. */
        public RunnableModel build() {
            return new RunnableModel(
                    name, policy, cost, generator, predictor, reasoner, embedder, transferer, planner, profile);
        }
    }
}
