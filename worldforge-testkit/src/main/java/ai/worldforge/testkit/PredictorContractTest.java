package ai.worldforge.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.worldforge.WorldForge;
import ai.worldforge.capability.CapabilityKind;
import ai.worldforge.capability.Predictor;
import ai.worldforge.error.WorldForgeException;
import ai.worldforge.model.Action;
import ai.worldforge.model.PredictionPayload;
import ai.worldforge.model.WorldState;
import org.junit.jupiter.api.Test;

/**
 * The contract of a {@link Predictor} implementation: extend it and return the implementation from
 * {@link #createPredictor()}. The sample state, action and steps default to the {@code predict}
 * baseline fixture.
 */
public abstract class PredictorContractTest extends CapabilityContractTest<Predictor> {
    /** A new instance of the predictor under test. */
    protected abstract Predictor createPredictor();

    /** State of the sample call. */
    protected WorldState sampleState() {
        return WorldState.fromJson(Fixtures.baseline("predict").get("world_state"));
    }

    /** Action of the sample call. */
    protected Action sampleAction() {
        return Action.fromJson(Fixtures.baseline("predict").get("action"));
    }

    /** Steps of the sample call. */
    protected int sampleSteps() {
        return Fixtures.integer(Fixtures.baseline("predict"), "steps");
    }

    @Override
    protected final CapabilityKind kind() {
        return CapabilityKind.PREDICTOR;
    }

    @Override
    protected final Predictor createImpl() {
        return createPredictor();
    }

    @Override
    protected final void registerTyped(WorldForge target, Predictor value) {
        target.registerPredictor(value);
    }

    @Override
    protected final Object callThroughFacade(String name) {
        return forge.predict(sampleState(), sampleAction(), sampleSteps(), name);
    }

    /** The predicted state is later than the input and keeps the world's identity. */
    @Override
    protected void assertValidResult(Object result) {
        PredictionPayload payload = (PredictionPayload) result;
        WorldState input = sampleState();
        assertThat(payload.state().step()).isGreaterThan(input.step());
        assertThat(payload.state().id()).isEqualTo(input.id());
    }

    @Test
    public void invalidStepsAreRejectedBeforeTheImplementationRuns() {
        assertThatThrownBy(() -> forge.predict(sampleState(), sampleAction(), 0, name()))
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("steps must be an integer greater than 0.");
        assertThat(events).isEmpty();
    }
}
