package ai.worldforge.trace;

import ai.worldforge.provider.RuntimeManifest;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Ids of the runtime manifests the reference ships for its optional runtime providers ({@code
 * providers/runtime_manifests/*.json}), for {@link ProvenanceEnvelope#runtimeManifests()}. The
 * ids are derived from the bundled manifests ({@link RuntimeManifest#loadAll()}), read once.
 */
public final class RuntimeManifests {
    /** Manifest id per provider, built on first use from the bundled manifests. */
    private static final class Bundled {
        private static final Map<String, String> IDS = load();

        private static Map<String, String> load() {
            Map<String, String> ids = new LinkedHashMap<>();
            for (RuntimeManifest manifest : RuntimeManifest.loadAll()) {
                ids.put(manifest.provider(), manifest.id());
            }
            return Collections.unmodifiableMap(ids);
        }
    }

    private RuntimeManifests() {}

    /**
     * The reference's {@code runtime_manifest_id_for}: {@code "<provider>:schema-<n>"} when the
     * provider ships a runtime manifest, empty otherwise (for instance for {@code mock}).
     */
    public static Optional<String> idFor(String provider) {
        return Optional.ofNullable(Bundled.IDS.get(provider));
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
