/**
 * The shared HTTP layer of remote providers: an injectable {@link
 * ai.worldforge.provider.http.HttpTransport} (the JDK {@code HttpClient} by default), the
 * request-policy engine {@link ai.worldforge.provider.http.ProviderHttpClient} (per-attempt
 * timeouts, retries only where the policy allows, elapsed-time budgets, provider events, JSON
 * validation and capped streamed downloads), destination guards against local/private targets
 * ({@link ai.worldforge.provider.http.DestinationGuard}) and small media helpers ({@link
 * ai.worldforge.provider.http.HttpAssets}).
 */
@NullMarked
package ai.worldforge.provider.http;

import org.jspecify.annotations.NullMarked;
