package ai.worldforge.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import ai.worldforge.capability.Cost;
import ai.worldforge.capability.ProviderProfileSpec;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonValue;
import ai.worldforge.model.ActionScoreResult;
import ai.worldforge.provider.Environment;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An implementation needing a variable passes the contract when the environment provides it. */
class ConfiguredCostContractTest extends CostContractTest {
    /** A cost that needs {@code REMOTE_COST_URL}. */
    record RemoteCost(String name) implements Cost {
        @Override
        public ProviderProfileSpec profileSpec() {
            return ProviderProfileSpec.builder()
                    .implementationStatus("beta")
                    .requiredEnvVars(List.of("REMOTE_COST_URL"))
                    .build();
        }

        @Override
        public ActionScoreResult scoreActions(JsonObject info, JsonValue actionCandidates) {
            return ActionScoreResult.of(name, List.of(0.25, 0.75), 0);
        }
    }

    @Override
    protected Cost createCost() {
        return new RemoteCost("remote-cost");
    }

    @Override
    protected Environment environment() {
        return Environment.of(Map.of("REMOTE_COST_URL", "http://127.0.0.1:9"));
    }

    @Test
    void reportsTheVariableAsCredential() {
        assertThat(forge.providerProfile(name()).credentialEnvVar()).contains("REMOTE_COST_URL");
        assertThat(forge.providerConfigured(name())).isTrue();
    }
}
