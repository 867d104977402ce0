package ai.worldforge.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import ai.worldforge.capability.Generator;
import ai.worldforge.capability.Transferer;
import ai.worldforge.event.ProviderEventHandler;
import ai.worldforge.model.GenerationOptions;
import ai.worldforge.model.VideoClip;
import ai.worldforge.provider.BaseProvider;
import ai.worldforge.provider.runway.RunwayProvider;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The {@code runway} provider passes the provider contract, and the generator and transferer
 * capability contracts when a host wraps it, against a loopback fake Runway (127.0.0.1) serving
 * the reference's fixtures verbatim.
 */
class RunwayProviderContractTest extends ProviderContractTest {
    private @Nullable LoopbackRunway server;

    @Override
    protected BaseProvider createProvider(ProviderEventHandler handler) {
        server = new LoopbackRunway();
        return server.provider(handler);
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    /** Runway reports its calls as the HTTP operations {@code generation request} and {@code transfer request}. */
    @Override
    protected void assertSuccessEvent(String operation) {
        String http = switch (operation) {
            case "generate" -> "generation request";
            case "transfer" -> "transfer request";
            default -> operation;
        };
        super.assertSuccessEvent(http);
        super.assertSuccessEvent("artifact download");
    }

    @Test
    void runwayAdvertisesGenerateAndTransferAndIsHealthy() {
        assertThat(provider.capabilities().enabledNames()).containsExactly("generate", "transfer");
        assertThat(provider.configured()).isTrue();
        assertThat(provider.health().healthy()).isTrue();
        assertThat(provider.health().details()).isEqualTo("WorldForge Test Org");
    }

    /** A host wrapping runway as a plain {@link Generator} passes the generator contract. */
    @Nested
    class AsGenerator extends GeneratorContractTest {
        private final LoopbackRunway runway = new LoopbackRunway();
        private final RunwayProvider delegate = runway.provider(null);

        @Override
        protected Generator createGenerator() {
            return new Generator() {
                @Override
                public String name() {
                    // Not "runway": that name belongs to the catalog provider in every forge.
                    return "hosted-runway-generator";
                }

                @Override
                public VideoClip generate(String prompt, double durationSeconds, @Nullable GenerationOptions options) {
                    return delegate.generate(prompt, durationSeconds, options);
                }
            };
        }

        @AfterEach
        void stop() {
            runway.close();
        }
    }

    /** A host wrapping runway as a plain {@link Transferer} passes the transferer contract. */
    @Nested
    class AsTransferer extends TransfererContractTest {
        private final LoopbackRunway runway = new LoopbackRunway();
        private final RunwayProvider delegate = runway.provider(null);

        @Override
        protected Transferer createTransferer() {
            return new Transferer() {
                @Override
                public String name() {
                    return "hosted-runway-transferer";
                }

                @Override
                public VideoClip transfer(
                        VideoClip clip,
                        int width,
                        int height,
                        double fps,
                        String prompt,
                        @Nullable GenerationOptions options) {
                    return delegate.transfer(clip, width, height, fps, prompt, options);
                }
            };
        }

        @AfterEach
        void stop() {
            runway.close();
        }
    }
}
