package ai.worldforge.trace;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Ids of the runtime manifests the reference ships for its optional runtime providers ({@code
 * providers/runtime_manifests/*.json}), for {@link ProvenanceEnvelope#runtimeManifests()}. Only
 * the provider names and manifest schema versions are kept here: the manifests themselves
 * describe Python host setups this port does not run.
 */
public final class RuntimeManifests {
    /** Manifest schema version per provider, as shipped with the reference (all schema 1). */
    private static final Map<String, Integer> SCHEMA_VERSIONS = Map.of(
            "cosmos", 1,
            "cosmos-policy", 1,
            "gr00t", 1,
            "jepa", 1,
            "jepa-wms", 1,
            "lerobot", 1,
            "leworldmodel", 1,
            "runway", 1);

    private RuntimeManifests() {}

    /**
     * The reference's {@code runtime_manifest_id_for}: {@code "<provider>:schema-<n>"} when the
     * provider ships a runtime manifest, empty otherwise (for instance for {@code mock}).
     */
    public static Optional<String> idFor(String provider) {
        Integer version = SCHEMA_VERSIONS.get(provider);
        return version == null ? Optional.empty() : Optional.of(provider + ":schema-" + version);
    }

    /**
     * The reference's {@code collect_runtime_manifests}: manifest ids for the providers that ship
     * one, in the given order (unmodifiable); the others are skipped.
     */
    public static Map<String, String> collect(List<String> providers) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String provider : providers) {
            idFor(provider).ifPresent(id -> out.put(provider, id));
        }
        return Collections.unmodifiableMap(out);
    }
}
