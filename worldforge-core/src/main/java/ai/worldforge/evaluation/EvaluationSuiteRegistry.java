package ai.worldforge.evaluation;

import ai.worldforge.error.WorldForgeException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Named custom suite factories next to the built-ins. The reference keeps one process-wide
 * registry; here each caller owns an instance so registrations never leak between forges or tests.
 * Thread-safe.
 */
public final class EvaluationSuiteRegistry {
    private final Map<String, Supplier<EvaluationSuite>> custom = new TreeMap<>();
    private final Clock clock;

    /** A registry whose built-in suites stamp provenance with {@code clock}. */
    public EvaluationSuiteRegistry(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Registers {@code factory} under {@code name}.
     *
     * @param replace overwrite an existing registration
     * @throws WorldForgeException {@code Evaluation suite '{n}' is built in and cannot be
     *     replaced.} or {@code Evaluation suite '{n}' is already registered; pass replace=True to
     *     overwrite it.}
     */
    public synchronized void register(String name, Supplier<EvaluationSuite> factory, boolean replace) {
        String suiteName = EvaluationScenario.requiredText(name, "EvaluationSuite registry name");
        Objects.requireNonNull(factory, "factory");
        if (EvaluationSuite.BUILTIN_NAMES.contains(suiteName)) {
            throw new WorldForgeException("Evaluation suite '" + suiteName + "' is built in and cannot be replaced.");
        }
        if (custom.containsKey(suiteName) && !replace) {
            throw new WorldForgeException(
                    "Evaluation suite '" + suiteName + "' is already registered; pass replace=True to overwrite it.");
        }
        custom.put(suiteName, factory);
    }

    /** Removes a registration; unknown names are ignored. */
    public synchronized void unregister(String name) {
        custom.remove(EvaluationScenario.requiredText(name, "EvaluationSuite registry name"));
    }

    /** Built-in and registered names, sorted. */
    public synchronized List<String> registeredNames() {
        List<String> names = new ArrayList<>(EvaluationSuite.BUILTIN_NAMES);
        names.addAll(custom.keySet());
        names.sort(null);
        return List.copyOf(names);
    }

    /**
     * A built-in or registered suite.
     *
     * @throws WorldForgeException {@code Unknown registered evaluation suite '{n}'. Known suites:
     *     {names}.} or {@code Registered evaluation suite '{n}' factory must return
     *     EvaluationSuite.}
     */
    public EvaluationSuite fromRegistered(String name) {
        String suiteName = EvaluationScenario.requiredText(name, "EvaluationSuite registry name");
        if (EvaluationSuite.BUILTIN_NAMES.contains(suiteName)) {
            return EvaluationSuite.fromBuiltin(suiteName, clock);
        }
        Supplier<EvaluationSuite> factory;
        synchronized (this) {
            factory = custom.get(suiteName);
        }
        if (factory == null) {
            throw new WorldForgeException("Unknown registered evaluation suite '" + suiteName + "'. Known suites: "
                    + String.join(", ", registeredNames()) + ".");
        }
        EvaluationSuite suite = factory.get();
        if (suite == null) {
            throw new WorldForgeException(
                    "Registered evaluation suite '" + suiteName + "' factory must return EvaluationSuite.");
        }
        return suite;
    }
}
