package ai.worldforge.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.worldforge.DoctorReport;
import ai.worldforge.ProviderDoctorStatus;
import ai.worldforge.WorldForge;
import ai.worldforge.capability.CapabilityKind;
import ai.worldforge.capability.NamedCapability;
import ai.worldforge.capability.ObservableCapability;
import ai.worldforge.capability.ProviderProfileSpec;
import ai.worldforge.error.WorldForgeException;
import ai.worldforge.event.ProviderEvent;
import ai.worldforge.provider.Environment;
import ai.worldforge.provider.ProviderHealth;
import ai.worldforge.provider.ProviderLifecycleStatus;
import ai.worldforge.provider.ProviderProfile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks every capability implementation must pass, whatever its kind. Hosts extend one of the
 * per-kind subclasses ({@link CostContractTest}, {@link PolicyContractTest}, {@link
 * GeneratorContractTest}, {@link PredictorContractTest}, {@link ReasonerContractTest}, {@link
 * EmbedderContractTest}, {@link TransfererContractTest}) and return the implementation from its
 * factory method; sample inputs default to the bundled capability fixtures and can be overridden.
 *
 * <p>Each test gets a fresh forge (no catalog auto-registration, no external discovery) built on
 * {@link #environment()}, with the implementation registered and every event recorded in {@link
 * #events}. An implementation that needs configuration should return it from {@link
 * #environment()} so it reports healthy and can be called.
 *
 * @param <T> the capability interface
 */
public abstract class CapabilityContractTest<T extends NamedCapability> {
    private static final Set<String> STATUSES = Set.of("scaffold", "experimental", "beta", "stable");
    private static final Pattern ENV_VAR = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** Events recorded from the forge. */
    protected final List<ProviderEvent> events = Collections.synchronizedList(new ArrayList<>());

    /** The implementation under test, registered on {@link #forge}. */
    protected T impl;

    /** A forge with the implementation registered. */
    protected WorldForge forge;

    /** Temporary world directory. */
    @TempDir
    protected Path stateDir;

    /** The capability kind under test. */
    protected abstract CapabilityKind kind();

    /** A new instance of the implementation under test. */
    protected abstract T createImpl();

    /** Registers {@code value} with the kind's typed registration method. */
    protected abstract void registerTyped(WorldForge target, T value);

    /** Calls the implementation registered as {@code name} through the facade with sample inputs. */
    protected abstract Object callThroughFacade(String name);

    /** Checks a result the facade returned for the sample inputs. */
    protected abstract void assertValidResult(Object result);

    /** Where the forge reads configuration (default: no variables). */
    protected Environment environment() {
        return Environment.empty();
    }

    /** A forge without catalog auto-registration or discovery, recording events. */
    protected WorldForge newForge() {
        return WorldForge.builder()
                .stateDir(stateDir)
                .autoRegisterRemote(false)
                .discoverProviders(false)
                .environment(environment())
                .eventHandler(events::add)
                .build();
    }

    @BeforeEach
    protected void registerImplementation() {
        impl = createImpl();
        forge = newForge();
        registerTyped(forge, impl);
        events.clear();
    }

    /** The implementation's name. */
    protected String name() {
        return impl.name();
    }

    @Test
    public void nameIsNonBlankAndStable() {
        assertThat(impl.name()).as("name()").isNotBlank();
        assertThat(impl.name()).as("name() is stable").isEqualTo(impl.name());
        assertThat(kind().isImplementedBy(impl)).isTrue();
    }

    @Test
    public void profileSpecIsValid() {
        ProviderProfileSpec spec = impl.profileSpec();
        assertThat(spec).as("profileSpec()").isNotNull();
        assertThat(spec.packageName()).as("package").isNotBlank();
        assertThat(spec.implementationStatus()).as("implementation status").isIn(STATUSES);
        for (List<String> values : List.of(
                spec.supportedModalities(),
                spec.artifactTypes(),
                spec.notes(),
                spec.supportedModels(),
                spec.requiredEnvVars())) {
            assertThat(values).as("list entries").allSatisfy(v -> assertThat(v).isNotBlank());
            assertThat(new HashSet<>(values)).as("list entries are unique").hasSameSizeAs(values);
        }
        assertThat(spec.requiredEnvVars())
                .as("required variables are variable names")
                .allMatch(v -> ENV_VAR.matcher(v).matches());
        spec.defaultModelName()
                .ifPresent(model -> assertThat(model).as("default model").isNotBlank());
        assertThat(impl.requestPolicy()).as("requestPolicy()").isNotNull();
    }

    @Test
    public void registrationIsVisibleInIntrospectionAndDoctor() {
        assertThat(forge.providers()).contains(name());
        assertThat(forge.capabilityImpl(kind(), name())).isPresent();
        assertThat(forge.providerSupports(name(), kind().capability())).isTrue();
        ProviderProfile profile = forge.providerProfile(name());
        assertThat(profile.name()).isEqualTo(name());
        assertThat(profile.capabilities().enabledNames())
                .containsExactly(kind().capability().wireName());
        assertThat(forge.providerInfo(name()).capabilities()).isEqualTo(profile.capabilities());
        assertThat(profile.requiredEnvVars()).isEqualTo(impl.profileSpec().requiredEnvVars());

        DoctorReport report = forge.doctor(kind().capability().wireName(), true);
        assertThat(report.providers())
                .filteredOn(p -> p.name().equals(name()))
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.registered()).isTrue();
                    assertThat(p.profile().capabilities().supports(kind().capability()))
                            .isTrue();
                });
        assertThat(forge.doctor(null, true).providers())
                .extracting(ProviderDoctorStatus::name)
                .contains(name());
    }

    @Test
    public void healthAndLifecycleAgreeWithConfiguration() {
        boolean configured = forge.providerConfigured(name());
        ProviderHealth health = forge.providerHealth(name());
        assertThat(health.name()).isEqualTo(name());
        assertThat(health.healthy()).isEqualTo(configured);
        assertThat(health.latencyMs()).isGreaterThanOrEqualTo(0.0);
        ProviderLifecycleStatus lifecycle = forge.providerLifecycleStatus(name(), false, false);
        assertThat(lifecycle.provider()).isEqualTo(name());
        if (!configured) {
            assertThat(lifecycle.ready())
                    .as("an unconfigured implementation is not ready")
                    .isFalse();
        }
    }

    @Test
    public void duplicateNamesAreRejectedWithinTheRegistry() {
        assertThatThrownBy(() -> registerTyped(forge, createImpl()))
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("Capability '" + kind().fieldName() + "' already has a registered implementation named '"
                        + name() + "'. Names must be unique within a capability registry.");
        assertThat(events).isEmpty();
    }

    @Test
    public void genericRegistrationFindsTheCapability() {
        WorldForge fresh = newForge();
        fresh.register(createImpl());
        assertThat(fresh.capabilityImpl(kind(), name())).isPresent();
    }

    @Test
    public void callThroughTheFacadeReturnsAValidResultAndOneSuccessEvent() {
        Object result = callThroughFacade(name());
        assertThat(result).isInstanceOf(kind().resultType());
        assertValidResult(result);
        assertThat(events).as("exactly one event per call").hasSize(1);
        ProviderEvent event = events.get(0);
        assertThat(event.provider()).isEqualTo(name());
        assertThat(event.operation()).isEqualTo(kind().operation());
        assertThat(event.phase()).isEqualTo("success");
        assertThat(event.message()).isEmpty();
        assertThat(event.durationMs()).isNotNull().isGreaterThanOrEqualTo(0.1);
    }

    @Test
    public void wrapperReportsTheImplementation() {
        ObservableCapability wrapper = forge.capabilityImpl(kind(), name()).orElseThrow();
        assertThat(wrapper.impl()).isSameAs(impl);
        assertThat(wrapper.kind()).isEqualTo(kind());
        assertThat(wrapper.profile().capabilities().enabledNames())
                .containsExactly(kind().capability().wireName());
    }
}
