package ai.worldforge.provider;

import ai.worldforge.event.ProviderEventHandler;
import ai.worldforge.model.EmbeddingResult;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An external provider listed in the test {@code META-INF/services} file, so every forge built in
 * core tests discovers it; it registers only when {@code EXAMPLE_PLUGIN_TOKEN} is set, which no
 * other test does.
 */
public final class ExampleProviderFactory implements ProviderFactory {
    /** The provider name. */
    public static final String NAME = "example-plugin";

    /** The variable that configures it. */
    public static final String TOKEN = "EXAMPLE_PLUGIN_TOKEN";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean configured(Environment environment) {
        return environment.isSet(TOKEN);
    }

    @Override
    public BaseProvider create(Environment environment, @Nullable ProviderEventHandler eventHandler) {
        return new ExampleProvider(environment, eventHandler);
    }

    /** Embeds text as its length; configured when the token is set. */
    static final class ExampleProvider extends BaseProvider {
        ExampleProvider(Environment environment, @Nullable ProviderEventHandler eventHandler) {
            super(
                    ProviderProfile.builder(NAME)
                            .capabilities(ProviderCapabilities.of(Capability.EMBED))
                            .packageName("example-plugin")
                            .requiredEnvVars(List.of(TOKEN))
                            .credentialEnvVar(TOKEN)
                            .build(),
                    environment,
                    eventHandler);
        }

        @Override
        public EmbeddingResult embed(String text) {
            return new EmbeddingResult(NAME, "example-v1", List.of((double) text.length()));
        }
    }
}
