package ai.worldforge.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import ai.worldforge.WorldForge;
import ai.worldforge.capability.CapabilityKind;
import ai.worldforge.capability.Policy;
import ai.worldforge.json.JsonObject;
import ai.worldforge.model.ActionPolicyResult;

/**
 * The contract of a {@link Policy} implementation: extend it and return the implementation from
 * {@link #createPolicy()}. The sample observation defaults to the {@code policy} baseline fixture.
 */
public abstract class PolicyContractTest extends CapabilityContractTest<Policy> {
    /** A new instance of the policy under test. */
    protected abstract Policy createPolicy();

    /** Observation info for the sample call (default: the policy baseline fixture). */
    protected JsonObject sampleInfo() {
        return (JsonObject) Fixtures.baseline("policy").get("info");
    }

    @Override
    protected final CapabilityKind kind() {
        return CapabilityKind.POLICY;
    }

    @Override
    protected final Policy createImpl() {
        return createPolicy();
    }

    @Override
    protected final void registerTyped(WorldForge target, Policy value) {
        target.registerPolicy(value);
    }

    @Override
    protected final Object callThroughFacade(String name) {
        return forge.selectActions(name, sampleInfo());
    }

    /** Selected actions name the implementation and are non-empty, as are all candidates. */
    @Override
    protected void assertValidResult(Object result) {
        ActionPolicyResult policy = (ActionPolicyResult) result;
        assertThat(policy.provider()).isEqualTo(name());
        assertThat(policy.actions()).isNotEmpty();
        assertThat(policy.actionCandidates())
                .isNotEmpty()
                .allSatisfy(c -> assertThat(c).isNotEmpty());
    }
}
