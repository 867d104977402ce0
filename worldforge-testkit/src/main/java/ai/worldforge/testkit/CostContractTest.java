package ai.worldforge.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import ai.worldforge.WorldForge;
import ai.worldforge.capability.CapabilityKind;
import ai.worldforge.capability.Cost;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonValue;
import ai.worldforge.model.ActionScoreResult;

/**
 * The contract of a {@link Cost} implementation: extend it and return the implementation from
 * {@link #createCost()}. Sample inputs default to the {@code score} baseline fixture.
 */
public abstract class CostContractTest extends CapabilityContractTest<Cost> {
    /** A new instance of the cost implementation under test. */
    protected abstract Cost createCost();

    /** Observation/goal info for the sample call (default: the score baseline fixture). */
    protected JsonObject sampleInfo() {
        return (JsonObject) Fixtures.baseline("score").get("info");
    }

    /** Candidates for the sample call (default: the score baseline fixture). */
    protected JsonValue sampleActionCandidates() {
        return Fixtures.baseline("score").get("action_candidates");
    }

    @Override
    protected final CapabilityKind kind() {
        return CapabilityKind.COST;
    }

    @Override
    protected final Cost createImpl() {
        return createCost();
    }

    @Override
    protected final void registerTyped(WorldForge target, Cost value) {
        target.registerCost(value);
    }

    @Override
    protected final Object callThroughFacade(String name) {
        return forge.scoreActions(name, sampleInfo(), sampleActionCandidates());
    }

    /** Scores name the implementation; the record itself guarantees finite scores and the index. */
    @Override
    protected void assertValidResult(Object result) {
        ActionScoreResult scores = (ActionScoreResult) result;
        assertThat(scores.provider()).isEqualTo(name());
        assertThat(scores.scores()).isNotEmpty();
        assertThat(scores.bestIndex()).isBetween(0, scores.scores().size() - 1);
    }
}
