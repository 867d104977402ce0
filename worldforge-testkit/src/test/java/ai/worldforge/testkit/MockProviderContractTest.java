package ai.worldforge.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import ai.worldforge.event.ProviderEventHandler;
import ai.worldforge.provider.BaseProvider;
import ai.worldforge.provider.mock.MockProvider;
import org.junit.jupiter.api.Test;

/** The mock provider passes the provider contract. */
class MockProviderContractTest extends ProviderContractTest {
    @Override
    protected BaseProvider createProvider(ProviderEventHandler handler) {
        return new MockProvider(MockProvider.NAME, handler);
    }

    @Test
    void mockAdvertisesItsFiveCapabilities() {
        assertThat(provider.capabilities().enabledNames())
                .containsExactly("predict", "generate", "reason", "embed", "transfer");
    }
}
