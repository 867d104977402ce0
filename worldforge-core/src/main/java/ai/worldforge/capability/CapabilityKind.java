package ai.worldforge.capability;

import ai.worldforge.error.WorldForgeException;
import ai.worldforge.model.ActionPolicyResult;
import ai.worldforge.model.ActionScoreResult;
import ai.worldforge.model.EmbeddingResult;
import ai.worldforge.model.PredictionPayload;
import ai.worldforge.model.ReasoningResult;
import ai.worldforge.model.VideoClip;
import ai.worldforge.provider.Capability;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The eight capability registries of a forge and everything that relates them: the registry
 * (field) name, the {@link Capability} an implementation provides, its interface, its method, the
 * event operation and the result type. Declared in the reference's field order ({@code policy,
 * cost, generator, predictor, reasoner, embedder, transferer, planner}), which is also the order
 * profiles of one name are merged in.
 */
public enum CapabilityKind {
    /** {@link Policy#selectActions}. */
    POLICY("policy", Capability.POLICY, Policy.class, "select_actions", "policy", ActionPolicyResult.class),
    /** {@link Cost#scoreActions}; events use the operation {@code score}. */
    COST("cost", Capability.SCORE, Cost.class, "score_actions", "score", ActionScoreResult.class),
    /** {@link Generator#generate}. */
    GENERATOR("generator", Capability.GENERATE, Generator.class, "generate", "generate", VideoClip.class),
    /** {@link Predictor#predict}. */
    PREDICTOR("predictor", Capability.PREDICT, Predictor.class, "predict", "predict", PredictionPayload.class),
    /** {@link Reasoner#reason}. */
    REASONER("reasoner", Capability.REASON, Reasoner.class, "reason", "reason", ReasoningResult.class),
    /** {@link Embedder#embed}. */
    EMBEDDER("embedder", Capability.EMBED, Embedder.class, "embed", "embed", EmbeddingResult.class),
    /** {@link Transferer#transfer}. */
    TRANSFERER("transferer", Capability.TRANSFER, Transferer.class, "transfer", "transfer", VideoClip.class),
    /** {@link Planner#plan} (reserved). */
    PLANNER("planner", Capability.PLAN, Planner.class, "plan", "plan", ActionPolicyResult.class);

    /** Registry names, sorted, as the reference lists them in messages. */
    public static final List<String> KNOWN_NAMES =
            List.of("cost", "embedder", "generator", "planner", "policy", "predictor", "reasoner", "transferer");

    private final String fieldName;
    private final Capability capability;
    private final Class<? extends NamedCapability> interfaceType;
    private final String methodName;
    private final String operation;
    private final Class<?> resultType;

    CapabilityKind(
            String fieldName,
            Capability capability,
            Class<? extends NamedCapability> interfaceType,
            String methodName,
            String operation,
            Class<?> resultType) {
        this.fieldName = fieldName;
        this.capability = capability;
        this.interfaceType = interfaceType;
        this.methodName = methodName;
        this.operation = operation;
        this.resultType = resultType;
    }

    /** The registry (field) name, e.g. {@code cost}. */
    public String fieldName() {
        return fieldName;
    }

    /** The capability an implementation of this kind provides, e.g. {@link Capability#SCORE}. */
    public Capability capability() {
        return capability;
    }

    /** The interface an implementation of this kind implements. */
    public Class<? extends NamedCapability> interfaceType() {
        return interfaceType;
    }

    /** The interface's simple name, e.g. {@code Cost} (the reference's protocol name). */
    public String protocolName() {
        return interfaceType.getSimpleName();
    }

    /** The reference's method name, e.g. {@code score_actions} (used in messages). */
    public String methodName() {
        return methodName;
    }

    /** The operation of the events the wrapper emits, e.g. {@code score}. */
    public String operation() {
        return operation;
    }

    /** The type every call must return. */
    public Class<?> resultType() {
        return resultType;
    }

    /** The result type's simple name, e.g. {@code ActionScoreResult}. */
    public String resultTypeName() {
        return resultType.getSimpleName();
    }

    /** Whether {@code impl} implements this kind's interface. */
    public boolean isImplementedBy(@Nullable Object impl) {
        return interfaceType.isInstance(impl);
    }

    /**
     * The kind whose registry is named {@code name}.
     *
     * @throws WorldForgeException {@code Unknown capability kind '{name}'. Known kinds: cost,
     *     embedder, generator, planner, policy, predictor, reasoner, transferer.}
     */
    public static CapabilityKind fromName(@Nullable String name) {
        for (CapabilityKind kind : values()) {
            if (kind.fieldName.equals(name)) {
                return kind;
            }
        }
        throw new WorldForgeException(
                "Unknown capability kind '" + name + "'. Known kinds: " + String.join(", ", KNOWN_NAMES) + ".");
    }

    /** The kind providing {@code capability}. */
    public static CapabilityKind of(Capability capability) {
        for (CapabilityKind kind : values()) {
            if (kind.capability == capability) {
                return kind;
            }
        }
        // Unreachable: every capability has exactly one kind.
        throw new IllegalArgumentException(String.valueOf(capability));
    }

    /** The kind whose interface {@code type} is, when it is one of the eight interfaces. */
    public static Optional<CapabilityKind> ofInterface(Class<?> type) {
        for (CapabilityKind kind : values()) {
            if (kind.interfaceType == type) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return fieldName;
    }
}
