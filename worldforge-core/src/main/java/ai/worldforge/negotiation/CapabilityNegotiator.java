package ai.worldforge.negotiation;

import ai.worldforge.WorldForge;
import ai.worldforge.provider.Capability;
import ai.worldforge.provider.CatalogEntry;
import ai.worldforge.provider.Environment;
import ai.worldforge.provider.ProviderCatalog;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Runs capability negotiation: for each workflow and each capability it needs, finds the
 * candidate providers and classifies them, without invoking any provider capability.
 *
 * <p>Candidates for a capability are the catalog providers whose default profile advertises it
 * (catalog order, registered or not), then every other registered name that advertises it
 * (sorted). Names registered only through a capability registry (a cost or policy registered
 * with {@code registerCost}/{@code registerPolicy}, say) are ordinary registered candidates; the
 * reference throws on them instead.
 *
 * <p>Configuration gaps are read from the forge's {@link WorldForge#environment()}.
 */
public final class CapabilityNegotiator {
    private CapabilityNegotiator() {}

    /** Negotiates every built-in workflow. */
    public static NegotiationReport negotiate(WorldForge forge) {
        return negotiate(forge, null);
    }

    /**
     * Negotiates {@code workflows} in order; {@code null} or empty means every built-in workflow.
     */
    public static NegotiationReport negotiate(WorldForge forge, @Nullable List<WorkflowSpec> workflows) {
        Objects.requireNonNull(forge, "forge");
        List<WorkflowSpec> selected = workflows == null || workflows.isEmpty() ? Workflows.all() : workflows;
        Environment environment = forge.environment();
        List<WorkflowNegotiation> negotiations = new ArrayList<>();
        for (WorkflowSpec workflow : selected) {
            Objects.requireNonNull(workflow, "workflow");
            negotiations.add(negotiate(forge, environment, workflow));
        }
        return new NegotiationReport(negotiations);
    }

    /**
     * Negotiates the built-in workflows named {@code names}, in order.
     *
     * @throws ai.worldforge.error.WorldForgeException {@code Unknown workflow '{name}'. Known
     *     workflows: …} for an unknown name
     */
    public static NegotiationReport negotiateNamed(WorldForge forge, List<String> names) {
        List<WorkflowSpec> workflows = new ArrayList<>();
        for (String name : names) {
            workflows.add(Workflows.get(name));
        }
        return negotiate(forge, workflows);
    }

    private static WorkflowNegotiation negotiate(WorldForge forge, Environment environment, WorkflowSpec workflow) {
        List<CapabilityRequirement> requirements = new ArrayList<>();
        for (String capability : workflow.requiredCapabilities()) {
            List<ProviderCandidateStatus> statuses = new ArrayList<>();
            for (Candidate candidate : candidates(forge, Capability.fromName(capability))) {
                statuses.add(classify(forge, environment, candidate, capability));
            }
            boolean ready = statuses.stream().anyMatch(ProviderCandidateStatus::isReady);
            requirements.add(new CapabilityRequirement(
                    capability, ready, statuses, ready ? null : recommendedAction(capability, statuses)));
        }
        boolean ready = requirements.stream().allMatch(CapabilityRequirement::ready);
        Set<String> actions = new LinkedHashSet<>();
        for (CapabilityRequirement requirement : requirements) {
            String action = requirement.recommendedAction();
            if (action != null && !action.isEmpty()) {
                actions.add(action);
            }
        }
        return new WorkflowNegotiation(workflow, requirements, ready, List.copyOf(actions));
    }

    /** A provider that may serve a capability. */
    record Candidate(String name, boolean compatible, boolean registered) {}

    private static List<Candidate> candidates(WorldForge forge, Capability capability) {
        Set<String> registered = new HashSet<>(forge.providers());
        Set<String> seen = new HashSet<>();
        List<Candidate> out = new ArrayList<>();
        for (CatalogEntry entry : ProviderCatalog.entries()) {
            // The catalog's default profile decides, as in the reference: a catalog name shows
            // up even when nothing under that name is registered yet.
            if (!entry.profile().capabilities().supports(capability)) {
                continue;
            }
            out.add(new Candidate(entry.name(), true, registered.contains(entry.name())));
            seen.add(entry.name());
        }
        TreeSet<String> others = new TreeSet<>(registered);
        others.removeAll(seen);
        for (String name : others) {
            if (forge.providerSupports(name, capability)) {
                out.add(new Candidate(name, true, true));
            }
        }
        return out;
    }

    /** Classifies one candidate (package-private so that tests can reach every readiness value). */
    static ProviderCandidateStatus classify(
            WorldForge forge, Environment environment, Candidate candidate, String capability) {
        String name = candidate.name();
        if (!candidate.compatible()) {
            return new ProviderCandidateStatus(
                    name,
                    capability,
                    candidate.registered(),
                    false,
                    false,
                    false,
                    Readiness.UNSUPPORTED,
                    "provider '" + name + "' does not advertise capability '" + capability + "'");
        }
        if (candidate.registered()) {
            boolean configured = forge.providerConfigured(name);
            boolean healthy;
            try {
                healthy = forge.providerHealth(name).healthy();
            } catch (RuntimeException e) {
                // A health check that throws counts as unhealthy, as in the reference.
                healthy = false;
            }
            if (configured && healthy) {
                return new ProviderCandidateStatus(name, capability, true, true, true, true, Readiness.READY, null);
            }
            if (!configured) {
                String reason = RuntimeProfiles.missingReason(name, environment)
                        .orElse("provider '" + name + "' reports configured() == False");
                return new ProviderCandidateStatus(
                        name, capability, true, true, false, healthy, Readiness.MISSING_CONFIG, reason);
            }
            return new ProviderCandidateStatus(
                    name,
                    capability,
                    true,
                    true,
                    true,
                    false,
                    Readiness.MISSING_DEPENDENCY,
                    "provider '" + name + "' health check is unhealthy");
        }
        Optional<String> missing = RuntimeProfiles.missingReason(name, environment);
        if (missing.isPresent()) {
            return new ProviderCandidateStatus(
                    name, capability, false, true, false, false, Readiness.MISSING_CONFIG, missing.get());
        }
        return new ProviderCandidateStatus(
                name,
                capability,
                false,
                true,
                false,
                false,
                Readiness.NOT_REGISTERED,
                "provider '" + name + "' is known but not registered on this forge");
    }

    private static String recommendedAction(String capability, List<ProviderCandidateStatus> statuses) {
        for (ProviderCandidateStatus status : statuses) {
            if (status.readiness() == Readiness.MISSING_CONFIG) {
                // Only the first missing-config candidate is considered, as in the reference.
                String reason = status.reason();
                if (reason != null && !reason.isEmpty()) {
                    return "Configure provider '" + status.name() + "' to serve capability '" + capability + "': "
                            + reason + ".";
                }
                break;
            }
        }
        if (!statuses.isEmpty()) {
            return "Register or configure a provider that supports capability '" + capability + "'.";
        }
        return "No provider in the catalog advertises capability '" + capability
                + "'. Register a provider that does, via WorldForge.register_provider().";
    }
}
