package ai.worldforge.model;

import ai.worldforge.internal.Checks;
import java.util.List;
import java.util.Objects;

/**
 * An answer from a reasoning provider. Immutable and thread-safe.
 *
 * @param provider non-blank provider name
 * @param answer the answer text
 * @param confidence probability in [0, 1]
 * @param evidence supporting statements
 */
public record ReasoningResult(String provider, String answer, double confidence, List<String> evidence) {
    /** Validates every field. */
    public ReasoningResult {
        provider = Checks.nonBlank(provider, "ReasoningResult provider must be a non-empty string.");
        Objects.requireNonNull(answer, "answer");
        Checks.probability(confidence, "ReasoningResult confidence");
        evidence = List.copyOf(evidence);
    }
}
