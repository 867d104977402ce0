package ai.worldforge.evaluation;

import ai.worldforge.error.WorldForgeException;
import ai.worldforge.internal.Checks;
import ai.worldforge.json.JsonObject;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One dataset, fixture or host-owned asset cited by a {@link DatasetManifest} (the reference's
 * {@code DatasetManifestEntry}). Entries are built by {@link DatasetManifest} parsing, which
 * validates every field (see there for the rules and messages); the constructor only checks that
 * exactly the location field of the kind is set.
 *
 * @param id entry id
 * @param kind where the data lives
 * @param description what the entry is
 * @param sha256 {@code sha256:} and 64 hex digits
 * @param path repository-relative path of a {@link Kind#LOCAL_FIXTURE}
 * @param uri stable https URI of a {@link Kind#REMOTE_REFERENCE}
 * @param assetId host asset id of a {@link Kind#HOST_ASSET}
 * @param license license note, if any
 * @param metadata free JSON metadata
 */
public record DatasetManifestEntry(
        String id,
        Kind kind,
        String description,
        String sha256,
        Optional<String> path,
        Optional<String> uri,
        Optional<String> assetId,
        Optional<String> license,
        JsonObject metadata) {

    /** Entry kinds, with their wire names. */
    public enum Kind {
        /** A small checkout file under the manifest root, digest-checked on load. */
        LOCAL_FIXTURE("local-fixture"),
        /** A stable https reference to data kept elsewhere. */
        REMOTE_REFERENCE("remote-reference"),
        /** An asset the host prepares outside the repository. */
        HOST_ASSET("host-asset");

        private final String wireName;

        Kind(String wireName) {
            this.wireName = wireName;
        }

        /** The wire name, for example {@code local-fixture}. */
        public String wireName() {
            return wireName;
        }

        /** The kind with this wire name, if any. */
        public static Optional<Kind> fromWireName(String value) {
            return Arrays.stream(values()).filter(k -> k.wireName.equals(value)).findFirst();
        }

        /** Wire names in the reference's order. */
        public static List<String> wireNames() {
            return Arrays.stream(values()).map(Kind::wireName).toList();
        }
    }

    /** Checks that only the location field of the kind is set. */
    public DatasetManifestEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(license, "license");
        metadata = Checks.jsonObject(Objects.requireNonNull(metadata, "metadata"), "DatasetManifestEntry metadata");
        boolean consistent = switch (kind) {
            case LOCAL_FIXTURE -> path.isPresent() && uri.isEmpty() && assetId.isEmpty();
            case REMOTE_REFERENCE -> uri.isPresent() && path.isEmpty() && assetId.isEmpty();
            case HOST_ASSET -> assetId.isPresent() && path.isEmpty() && uri.isEmpty();
        };
        if (!consistent) {
            throw new WorldForgeException("Dataset manifest entry " + id + " must set exactly the location field of"
                    + " its kind (path, uri or asset_id).");
        }
    }

    /**
     * The reference's {@code to_dict()}: {@code id, kind, description, sha256, metadata}, then
     * {@code path}, {@code uri}, {@code asset_id} and {@code license} when set.
     */
    public JsonObject toJson() {
        JsonObject.Builder out = JsonObject.builder()
                .put("id", id)
                .put("kind", kind.wireName())
                .put("description", description)
                .put("sha256", sha256)
                .put("metadata", metadata);
        path.ifPresent(p -> out.put("path", p));
        uri.ifPresent(u -> out.put("uri", u));
        assetId.ifPresent(a -> out.put("asset_id", a));
        license.ifPresent(l -> out.put("license", l));
        return out.build();
    }
}
