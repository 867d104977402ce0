package ai.worldforge.evaluation;

import ai.worldforge.error.WorldForgeException;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One scenario of an {@link EvaluationSuite}. Without an evaluator the suite's default check
 * runs (a one-step {@code move_to} prediction scored by physics and confidence).
 */
public final class EvaluationScenario {
    private final String name;
    private final String description;
    private final List<String> requiredCapabilities;
    private final @Nullable ScenarioEvaluator evaluator;

    private EvaluationScenario(
            String name, String description, List<String> requiredCapabilities, @Nullable ScenarioEvaluator evaluator) {
        this.name = requiredText(name, "EvaluationScenario name");
        this.description = requiredText(description, "EvaluationScenario description");
        List<String> caps = new ArrayList<>();
        for (String capability : requiredCapabilities) {
            requiredText(capability, "EvaluationScenario required capability");
            // The reference validates but keeps each capability as given (it is hashed verbatim).
            caps.add(capability);
        }
        this.requiredCapabilities = List.copyOf(caps);
        this.evaluator = evaluator;
    }

    /** A scenario scored by the suite's default check. */
    public static EvaluationScenario of(String name, String description, List<String> requiredCapabilities) {
        return new EvaluationScenario(name, description, requiredCapabilities, null);
    }

    /** A scenario scored by {@code evaluator}: the reference's {@code from_callable}. */
    public static EvaluationScenario fromCallable(
            String name, String description, ScenarioEvaluator evaluator, List<String> requiredCapabilities) {
        return new EvaluationScenario(
                name, description, requiredCapabilities, Objects.requireNonNull(evaluator, "evaluator"));
    }

    static String requiredText(@Nullable String value, String field) {
        if (value == null || value.isBlank()) {
            throw new WorldForgeException(field + " must be a non-empty string.");
        }
        return value.strip();
    }

    /** The stripped scenario name. */
    public String name() {
        return name;
    }

    /** The stripped description. */
    public String description() {
        return description;
    }

    /** Capabilities the provider must support for this scenario. */
    public List<String> requiredCapabilities() {
        return requiredCapabilities;
    }

    /** The custom evaluator, if any. */
    public Optional<ScenarioEvaluator> evaluator() {
        return Optional.ofNullable(evaluator);
    }

    /** {@code {name, description, required_capabilities}}, as hashed into the input digest. */
    public JsonObject toJson() {
        List<JsonValue> caps = new ArrayList<>();
        requiredCapabilities.forEach(c -> caps.add(JsonString.of(c)));
        return JsonObject.builder()
                .put("name", name)
                .put("description", description)
                .put("required_capabilities", JsonArray.copyOf(caps))
                .build();
    }

    @Override
    public String toString() {
        return "EvaluationScenario[" + name + "]";
    }
}
