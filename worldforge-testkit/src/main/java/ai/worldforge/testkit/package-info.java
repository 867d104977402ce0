/**
 * Contract tests every WorldForge provider must pass, and the reference's capability fixture
 * corpus. Extend {@link ai.worldforge.testkit.ProviderContractTest} in a provider's test sources.
 * {@link ai.worldforge.testkit.SecretSamples} generates seeded secrets in the shapes and places
 * that leak through logs, for property tests of event sinks.
 */
@NullMarked
package ai.worldforge.testkit;

import org.jspecify.annotations.NullMarked;
