/**
 * Contract tests every WorldForge provider must pass, and the reference's capability fixture
 * corpus. Extend {@link ai.worldforge.testkit.ProviderContractTest} in a provider's test sources.
 */
@NullMarked
package ai.worldforge.testkit;

import org.jspecify.annotations.NullMarked;
