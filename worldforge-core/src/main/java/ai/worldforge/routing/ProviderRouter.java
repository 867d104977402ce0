package ai.worldforge.routing;

import ai.worldforge.WorldForge;
import ai.worldforge.error.WorldForgeException;
import ai.worldforge.event.Redaction;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Tries the providers of a {@link ProviderRoutingPolicy} in order and returns the first success
 * with the full attempt history. Failures are never masked: every skipped or failed step is in
 * {@link RoutingResult#attempts()}.
 *
 * <p>The router emits no provider events of its own; the events of each invoked call are the
 * provider's, unchanged, and the attempts are their chain-level companion.
 */
public final class ProviderRouter {
    private ProviderRouter() {}

    /**
     * Calls one provider by name.
     *
     * @param <T> the value type
     */
    @FunctionalInterface
    public interface Invocation<T> {
        /** Invokes the capability on {@code provider}; any exception marks the attempt failed. */
        @Nullable
        T invoke(String provider) throws Exception;
    }

    /**
     * Routes one capability call. For each provider of {@link ProviderRoutingPolicy#chain()}: not
     * registered on {@code forge} → {@code skipped-not-registered}; the policy requires the
     * capability and the provider does not advertise it → {@code skipped-incompatible}; else
     * {@code invoke(provider)}: an exception → {@code failed} (its simple class name and message
     * recorded) and the next provider, a return → {@code succeeded} and the chain stops.
     *
     * <p>An {@link InterruptedException} is recorded as a failed attempt, the thread's interrupt
     * flag is restored and no further provider is tried.
     */
    public static <T> RoutingResult<T> route(ProviderRoutingPolicy policy, WorldForge forge, Invocation<T> invoke) {
        if (policy == null) {
            throw new WorldForgeException("route_capability() policy must be a ProviderRoutingPolicy.");
        }
        if (invoke == null) {
            throw new WorldForgeException("route_capability() invoke must be callable.");
        }
        String capability = policy.capability();
        Set<String> registered = new HashSet<>(forge.providers());
        List<RoutingAttempt> attempts = new ArrayList<>();
        for (String name : policy.chain()) {
            if (!registered.contains(name)) {
                attempts.add(new RoutingAttempt(
                        name,
                        capability,
                        RoutingStatus.SKIPPED_NOT_REGISTERED,
                        "provider '" + name + "' is not registered",
                        null,
                        null));
                continue;
            }
            if (policy.requireCapability()
                    && !forge.providerInfo(name).capabilities().supports(capability)) {
                attempts.add(new RoutingAttempt(
                        name,
                        capability,
                        RoutingStatus.SKIPPED_INCOMPATIBLE,
                        "provider '" + name + "' does not advertise capability '" + capability + "'",
                        null,
                        null));
                continue;
            }
            T value;
            try {
                value = invoke.invoke(name);
            } catch (Exception e) {
                attempts.add(new RoutingAttempt(name, capability, RoutingStatus.FAILED, null, typeName(e), message(e)));
                if (e instanceof InterruptedException) {
                    // The caller asked this thread to stop: honour it instead of trying the next
                    // provider.
                    Thread.currentThread().interrupt();
                    break;
                }
                continue;
            }
            attempts.add(new RoutingAttempt(name, capability, RoutingStatus.SUCCEEDED, null, null, null));
            return new RoutingResult<>(capability, name, true, attempts, value);
        }
        return new RoutingResult<>(capability, null, false, attempts, null);
    }

    private static String typeName(Exception e) {
        String simple = e.getClass().getSimpleName();
        // Anonymous classes have no simple name; their binary name still identifies them.
        return simple.isEmpty() ? e.getClass().getName() : simple;
    }

    /**
     * The exception's message with secrets redacted: routing results are meant to be logged and
     * attached to reports, and provider errors routinely echo URLs with tokens in them.
     */
    private static String message(Exception e) {
        String message = e.getMessage();
        return message == null ? "" : Redaction.redactText(message);
    }
}
