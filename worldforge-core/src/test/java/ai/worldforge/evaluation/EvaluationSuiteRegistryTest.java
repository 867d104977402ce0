package ai.worldforge.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.worldforge.error.WorldForgeException;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class EvaluationSuiteRegistryTest {
    private static final Supplier<EvaluationSuite> CUSTOM = () -> EvaluationSuite.builder("Custom")
            .scenario(EvaluationScenario.of("s", "default check", List.of()))
            .build();

    @Test
    void builtinsAreProtectedDuplicatesNeedReplaceUnregisterIsIdempotent() {
        EvaluationSuiteRegistry registry = new EvaluationSuiteRegistry(Clock.systemUTC());
        assertThatThrownBy(() -> registry.register("physics", CUSTOM, true))
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("Evaluation suite 'physics' is built in and cannot be replaced.");
        registry.register("custom", CUSTOM, false);
        assertThatThrownBy(() -> registry.register("custom", CUSTOM, false))
                .hasMessage("Evaluation suite 'custom' is already registered; pass replace=True to overwrite it.");
        registry.register("custom", CUSTOM, true);
        assertThat(registry.registeredNames())
                .containsExactly("custom", "generation", "physics", "planning", "reasoning", "transfer");
        assertThat(registry.fromRegistered("custom").suiteId()).isEqualTo("custom");
        assertThat(registry.fromRegistered("planning").name()).isEqualTo("Planning Evaluation Suite");
        registry.unregister("custom");
        registry.unregister("custom");
        assertThatThrownBy(() -> registry.fromRegistered("custom"))
                .hasMessage("Unknown registered evaluation suite 'custom'. Known suites: generation, physics,"
                        + " planning, reasoning, transfer.");
    }
}
