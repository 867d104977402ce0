package ai.worldforge.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.worldforge.World;
import ai.worldforge.WorldForge;
import ai.worldforge.capability.CapabilityKind;
import ai.worldforge.capability.Reasoner;
import ai.worldforge.error.WorldForgeException;
import ai.worldforge.model.ReasoningResult;
import org.junit.jupiter.api.Test;

/**
 * The contract of a {@link Reasoner} implementation: extend it and return the implementation from
 * {@link #createReasoner()}. The sample query and world default to the {@code reason} baseline
 * fixture.
 */
public abstract class ReasonerContractTest extends CapabilityContractTest<Reasoner> {
    /** A new instance of the reasoner under test. */
    protected abstract Reasoner createReasoner();

    /** Query of the sample call. */
    protected String sampleQuery() {
        return Fixtures.text(Fixtures.baseline("reason"), "query");
    }

    /** World of the sample call (imported into {@code target}, not saved). */
    protected World sampleWorld(WorldForge target) {
        return target.importWorld(Fixtures.baseline("reason").get("world_state").toCanonicalJson());
    }

    @Override
    protected final CapabilityKind kind() {
        return CapabilityKind.REASONER;
    }

    @Override
    protected final Reasoner createImpl() {
        return createReasoner();
    }

    @Override
    protected final void registerTyped(WorldForge target, Reasoner value) {
        target.registerReasoner(value);
    }

    @Override
    protected final Object callThroughFacade(String name) {
        return forge.reason(name, sampleQuery(), sampleWorld(forge));
    }

    /** The answer names the implementation; the record guarantees a probability confidence. */
    @Override
    protected void assertValidResult(Object result) {
        ReasoningResult answer = (ReasoningResult) result;
        assertThat(answer.provider()).isEqualTo(name());
        assertThat(answer.answer()).isNotNull();
        assertThat(answer.confidence()).isBetween(0.0, 1.0);
    }

    @Test
    public void blankQueriesAreRejectedBeforeTheImplementationRuns() {
        assertThatThrownBy(() -> forge.reason(name(), " ", null))
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("reason() requires a query.");
        assertThat(events).isEmpty();
    }

    @Test
    public void reasoningWithoutAWorldWorks() {
        ReasoningResult answer = forge.reason(name(), sampleQuery(), null);
        assertValidResult(answer);
    }
}
