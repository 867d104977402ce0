package ai.worldforge.model;

import ai.worldforge.error.WorldForgeException;
import ai.worldforge.internal.Checks;
import java.util.List;

/**
 * A text embedding. Immutable and thread-safe.
 *
 * @param provider non-blank provider name
 * @param model non-blank model name
 * @param vector non-empty vector of finite numbers
 */
public record EmbeddingResult(String provider, String model, List<Double> vector) {
    /** Validates every field. */
    public EmbeddingResult {
        provider = Checks.nonBlank(provider, "EmbeddingResult provider must be a non-empty string.");
        model = Checks.nonBlank(model, "EmbeddingResult model must be a non-empty string.");
        if (vector.isEmpty()) {
            throw new WorldForgeException("EmbeddingResult vector must not be empty.");
        }
        for (Double value : vector) {
            if (value == null || !Double.isFinite(value)) {
                throw new WorldForgeException("EmbeddingResult vector must contain only finite numbers.");
            }
        }
        vector = List.copyOf(vector);
    }

    /** {@code [vector.size()]}. */
    public List<Integer> shape() {
        return List.of(vector.size());
    }
}
