package ai.worldforge.capability;

import ai.worldforge.provider.ProviderLifecycleResult;
import ai.worldforge.provider.ProviderRequestPolicy;
import java.util.Optional;

/**
 * What every capability implementation shares: a name and descriptive metadata (the Java form of
 * the reference's {@code name} and {@code profile} attributes), plus optional lifecycle hooks and
 * request policy. Capability interfaces extend it and add exactly one abstract method.
 *
 * <p>Implementations stay pure: they return result types from {@code ai.worldforge.model} and do
 * not emit events; the forge wraps them in an {@link ObservableCapability} that does. They must be
 * thread-safe when the forge is shared between threads.
 */
public interface NamedCapability {
    /**
     * The provider name this implementation registers under; must not be blank. Names are unique
     * within one capability registry; the same name may serve several capabilities and may equal
     * a full provider's name, in which case the forge merges their profiles.
     */
    String name();

    /** Descriptive metadata; the defaults describe an experimental, non-local implementation. */
    default ProviderProfileSpec profileSpec() {
        return ProviderProfileSpec.DEFAULTS;
    }

    /** The HTTP request policy of a remote implementation, when it has one. */
    default Optional<ProviderRequestPolicy> requestPolicy() {
        return Optional.empty();
    }

    /**
     * A custom preflight check. Empty (the default) means the forge reports its default: {@code
     * skipped} when a required variable is missing, else {@code no-op}. A returned result must name
     * this implementation and the {@code preflight} hook, or it is reported as {@code failed}.
     */
    default Optional<ProviderLifecycleResult> preflightHook() {
        return Optional.empty();
    }

    /** A custom warm-up; empty means the default, shaped like the preflight default. */
    default Optional<ProviderLifecycleResult> warmupHook() {
        return Optional.empty();
    }

    /** A custom teardown; empty means the default {@code no-op}. */
    default Optional<ProviderLifecycleResult> teardownHook() {
        return Optional.empty();
    }
}
