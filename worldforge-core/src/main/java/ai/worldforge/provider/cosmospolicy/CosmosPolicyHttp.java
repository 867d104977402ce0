package ai.worldforge.provider.cosmospolicy;

import ai.worldforge.event.ProviderEventHandler;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonValue;
import ai.worldforge.provider.http.DestinationGuard;
import ai.worldforge.provider.http.HttpCall;
import ai.worldforge.provider.http.HttpTransport;
import ai.worldforge.provider.http.LazyJdkHttpTransport;
import ai.worldforge.provider.http.MonotonicClock;
import ai.worldforge.provider.http.ProviderHttpClient;
import ai.worldforge.provider.http.Sleeper;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The network side of {@link CosmosPolicyProvider} on the shared HTTP layer: {@code POST /act}
 * with the provider's request policy (one attempt, {@code policy} events, JSON only) and the base
 * URL guard ({@code validate_remote_base_url} with {@code COSMOS_POLICY_BASE_URL}, the allow-list,
 * the local-URL switch and DNS resolution of non-literal hosts, checked before every request and
 * by the health check). Transport, sleeper, clock and resolver are injectable for tests.
 * Thread-safe.
 */
public final class CosmosPolicyHttp implements CosmosPolicyProvider.ActClient, CosmosPolicyProvider.BaseUrlGuard {
    static final String ACT_PATH = "/act";

    private final String providerName;
    private final HttpTransport transport;
    private final Sleeper sleeper;
    private final MonotonicClock clock;
    private final DestinationGuard guard;

    /**
     * Creates the client.
     *
     * @param providerName the name in events and messages (normally {@code cosmos-policy})
     */
    public CosmosPolicyHttp(
            String providerName,
            HttpTransport transport,
            Sleeper sleeper,
            MonotonicClock clock,
            DestinationGuard guard) {
        this.providerName = Objects.requireNonNull(providerName, "providerName");
        this.transport = Objects.requireNonNull(transport, "transport");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.guard = Objects.requireNonNull(guard, "guard");
    }

    /**
     * The production client: the JDK transport (created on the first request: every forge
     * instantiates the catalog providers, and an unused one should not start an HTTP client),
     * real sleeps, the system resolver.
     */
    public static CosmosPolicyHttp system(String providerName) {
        return new CosmosPolicyHttp(
                providerName,
                new LazyJdkHttpTransport(),
                Sleeper.system(),
                MonotonicClock.system(),
                DestinationGuard.system());
    }

    @Override
    public JsonValue postAct(CosmosPolicyConfig config, JsonObject payload, ProviderEventHandler events) {
        ProviderHttpClient.Builder builder = ProviderHttpClient.builder(providerName)
                .transport(transport)
                .sleeper(sleeper)
                .clock(clock)
                .eventHandler(events)
                .baseUrl(Objects.requireNonNull(config.baseUrl(), "baseUrl"));
        for (Map.Entry<String, String> header : config.headers().entrySet()) {
            builder.defaultHeader(header.getKey(), header.getValue());
        }
        return builder.build()
                .requestJson(
                        HttpCall.postJson("policy", ACT_PATH, payload),
                        config.requestPolicy().request(),
                        List.of("application/json"));
    }

    @Override
    public void validate(String baseUrl, CosmosPolicyConfig config) {
        guard.validateRemoteBaseUrl(
                baseUrl,
                providerName,
                CosmosPolicyConfig.BASE_URL_ENV_VAR,
                config.allowLocalBaseUrl(),
                true,
                config.allowedHostsValue().orElse(null));
    }
}
