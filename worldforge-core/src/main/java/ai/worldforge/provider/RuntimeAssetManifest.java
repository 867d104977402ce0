package ai.worldforge.provider;

import ai.worldforge.error.WorldForgeException;
import ai.worldforge.event.Redaction;
import ai.worldforge.internal.PyStrings;
import ai.worldforge.json.JsonBool;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonNull;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One host-owned runtime asset (a checkpoint, a cache, an exported model) used by an optional
 * runtime, as recorded in run evidence. Host-local locations are the sensitive part: a {@link
 * #toReference() safe reference} drops {@code path} and {@code cache_root} of local-only assets,
 * and an asset declared non-local may not point at host-local paths, carry secret-like text or
 * signed/query URLs. Immutable and thread-safe.
 *
 * @param assetId non-blank asset id (stripped)
 * @param provider non-blank provider name (stripped)
 * @param assetKind non-blank kind such as {@code checkpoint} (stripped)
 * @param path where the asset lives (stripped, non-blank)
 * @param source where it came from (no secrets, no signed URLs)
 * @param revision upstream revision, or {@code null}
 * @param checksum {@code sha256:<64 lowercase hex>}, or {@code null}
 * @param sizeBytes size, {@code >= 0}, or {@code null}
 * @param cacheRoot cache directory, or {@code null}
 * @param localOnly whether the asset only exists on this host (the default)
 * @param exists whether the asset was found, or {@code null} when not checked
 * @param rebuildCommand how to recreate it, or {@code null}
 */
public record RuntimeAssetManifest(
        String assetId,
        String provider,
        String assetKind,
        String path,
        String source,
        @Nullable String revision,
        @Nullable String checksum,
        @Nullable Long sizeBytes,
        @Nullable String cacheRoot,
        boolean localOnly,
        @Nullable Boolean exists,
        @Nullable String rebuildCommand) {

    /** The only supported asset manifest schema version. */
    public static final int SCHEMA_VERSION = 1;

    private static final Pattern CHECKSUM = Pattern.compile("sha256:[0-9a-f]{64}");
    private static final Pattern HOST_LOCAL_PATH =
            Pattern.compile("^(/Users/|/private/|/tmp/|/var/folders/|~|[A-Za-z]:[\\\\/])");

    /** Validates every field with the reference's messages. */
    public RuntimeAssetManifest {
        assetId = requiredText(assetId, "asset_id");
        provider = requiredText(provider, "provider");
        assetKind = requiredText(assetKind, "asset_kind");
        path = requiredText(path, "path");
        source = safeText(source, "source");
        if (revision != null) {
            revision = safeText(revision, "revision");
        }
        if (checksum != null && !CHECKSUM.matcher(checksum).matches()) {
            throw new WorldForgeException("Runtime asset checksum must use sha256:<64 lowercase hex>.");
        }
        if (sizeBytes != null && sizeBytes < 0) {
            throw new WorldForgeException("Runtime asset size_bytes must be an integer greater than or equal to 0.");
        }
        if (cacheRoot != null) {
            cacheRoot = requiredText(cacheRoot, "cache_root");
        }
        if (rebuildCommand != null) {
            rebuildCommand = safeText(rebuildCommand, "rebuild_command");
        }
        if (!localOnly) {
            validateAttachablePath(path, "path");
            if (cacheRoot != null) {
                validateAttachablePath(cacheRoot, "cache_root");
            }
        }
    }

    /** A local-only asset with only the required fields. */
    public static RuntimeAssetManifest localAsset(
            String assetId, String provider, String assetKind, String path, String source) {
        return new RuntimeAssetManifest(
                assetId, provider, assetKind, path, source, null, null, null, null, true, null, null);
    }

    /** The revision, when recorded. */
    public Optional<String> revisionValue() {
        return Optional.ofNullable(revision);
    }

    /**
     * The manifest as JSON. Without {@code includeLocalFields} (the safe form) {@code path} and
     * {@code cache_root} appear only for non-local assets and {@code safe_to_attach} is true; with
     * it both are always written and {@code safe_to_attach} is false. Key order: {@code
     * schema_version, asset_id, provider, asset_kind, source, revision, checksum, size_bytes,
     * local_only, exists, rebuild_command, safe_to_attach[, path[, cache_root]]}.
     */
    public JsonObject toJson(boolean includeLocalFields) {
        JsonObject.Builder payload = JsonObject.builder()
                .put("schema_version", JsonInt.of(SCHEMA_VERSION))
                .put("asset_id", assetId)
                .put("provider", provider)
                .put("asset_kind", assetKind)
                .put("source", source)
                .put("revision", nullableText(revision))
                .put("checksum", nullableText(checksum))
                .put("size_bytes", sizeBytes == null ? JsonNull.INSTANCE : JsonInt.of(sizeBytes))
                .put("local_only", localOnly)
                .put("exists", exists == null ? JsonNull.INSTANCE : JsonBool.of(exists))
                .put("rebuild_command", nullableText(rebuildCommand))
                .put("safe_to_attach", !includeLocalFields);
        if (includeLocalFields) {
            payload.put("path", path);
            payload.put("cache_root", nullableText(cacheRoot));
        } else if (!localOnly) {
            payload.put("path", path);
            if (cacheRoot != null) {
                payload.put("cache_root", cacheRoot);
            }
        }
        return validate(payload.build(), "runtime asset " + assetId, includeLocalFields);
    }

    /** The safe-to-attach reference used in run manifests ({@code toJson(false)}). */
    public JsonObject toReference() {
        return toJson(false);
    }

    /**
     * Validates a full runtime asset manifest ({@code includeLocalFields}) or a safe attachable
     * reference, returning the normalised copy (texts stripped, {@code safe_to_attach} filled in
     * when absent). Messages name {@code source} as the reference does, for example {@code runtime
     * asset manifest safe reference must omit path and cache_root for local-only assets.}.
     */
    public static JsonObject validate(JsonObject payload, String source, boolean includeLocalFields) {
        Objects.requireNonNull(source);
        JsonObject.Builder manifest = payload.toBuilder();
        JsonValue schemaVersion = payload.get("schema_version");
        if (!(schemaVersion instanceof JsonInt version)
                || !version.fitsLong()
                || version.longValue() != SCHEMA_VERSION) {
            throw new WorldForgeException(source + " schema_version must be " + SCHEMA_VERSION + ".");
        }
        for (String field : new String[] {"asset_id", "provider", "asset_kind", "source"}) {
            manifest.put(field, safeText(textOrNull(payload.get(field)), source + " field '" + field + "'"));
        }
        if (!(payload.get("local_only") instanceof JsonBool localOnly)) {
            throw new WorldForgeException(source + " field 'local_only' must be a boolean.");
        }
        JsonValue safeToAttach = payload.get("safe_to_attach");
        if (safeToAttach == null || safeToAttach instanceof JsonNull) {
            manifest.put("safe_to_attach", !includeLocalFields);
        } else if (!(safeToAttach instanceof JsonBool safe)) {
            throw new WorldForgeException(source + " field 'safe_to_attach' must be a boolean.");
        } else if (!includeLocalFields && !safe.value()) {
            throw new WorldForgeException(source + " safe reference must set safe_to_attach to true.");
        }
        if (present(payload.get("revision"))) {
            manifest.put("revision", safeText(textOrNull(payload.get("revision")), source + " field 'revision'"));
        }
        JsonValue checksum = payload.get("checksum");
        if (present(checksum)
                && !(checksum instanceof JsonString s
                        && CHECKSUM.matcher(s.value()).matches())) {
            throw new WorldForgeException(source + " field 'checksum' must use sha256:<64 lowercase hex>.");
        }
        JsonValue size = payload.get("size_bytes");
        if (present(size) && !(size instanceof JsonInt i && i.value().signum() >= 0)) {
            throw new WorldForgeException(source + " size_bytes must be an integer greater than or equal to 0.");
        }
        JsonValue exists = payload.get("exists");
        if (present(exists) && !(exists instanceof JsonBool)) {
            throw new WorldForgeException(source + " field 'exists' must be a boolean when provided.");
        }
        if (present(payload.get("rebuild_command"))) {
            manifest.put(
                    "rebuild_command",
                    safeText(textOrNull(payload.get("rebuild_command")), source + " field 'rebuild_command'"));
        }
        JsonValue path = payload.get("path");
        JsonValue cacheRoot = payload.get("cache_root");
        if (includeLocalFields) {
            manifest.put("path", requiredText(textOrNull(path), source + " field 'path'"));
            if (present(cacheRoot)) {
                manifest.put("cache_root", requiredText(textOrNull(cacheRoot), source + " field 'cache_root'"));
            }
        } else {
            if (localOnly.value() && (present(path) || present(cacheRoot))) {
                throw new WorldForgeException(
                        source + " safe reference must omit path and cache_root for local-only assets.");
            }
            if (present(path)) {
                String text = requiredText(textOrNull(path), source + " field 'path'");
                manifest.put("path", text);
                validateAttachablePath(text, source + " field 'path'");
            }
            if (present(cacheRoot)) {
                String text = requiredText(textOrNull(cacheRoot), source + " field 'cache_root'");
                manifest.put("cache_root", text);
                validateAttachablePath(text, source + " field 'cache_root'");
            }
        }
        return manifest.build();
    }

    private static boolean present(@Nullable JsonValue value) {
        return value != null && !(value instanceof JsonNull);
    }

    private static @Nullable String textOrNull(@Nullable JsonValue value) {
        return value instanceof JsonString s ? s.value() : null;
    }

    private static JsonValue nullableText(@Nullable String value) {
        return value == null ? JsonNull.INSTANCE : JsonString.of(value);
    }

    private static String requiredText(@Nullable String value, String field) {
        if (value == null || PyStrings.strip(value).isEmpty()) {
            throw new WorldForgeException("Runtime asset " + field + " must be a non-empty string.");
        }
        return PyStrings.strip(value);
    }

    private static String safeText(@Nullable String value, String field) {
        String text = requiredText(value, field);
        if (!Redaction.redactText(text).equals(text)) {
            throw new WorldForgeException("Runtime asset " + field + " must not contain secret-like material.");
        }
        if (!text.equals(Redaction.sanitizeTarget(text))) {
            throw new WorldForgeException("Runtime asset " + field + " must not contain signed URLs or queries.");
        }
        return text;
    }

    private static void validateAttachablePath(String value, String field) {
        if (HOST_LOCAL_PATH.matcher(value).find()) {
            throw new WorldForgeException(
                    "Runtime asset " + field + " must be local_only=True before using host-local paths.");
        }
        if (!Redaction.redactText(value).equals(value)) {
            throw new WorldForgeException("Runtime asset " + field + " must not contain secret-like material.");
        }
        if (!value.equals(Redaction.sanitizeTarget(value))) {
            throw new WorldForgeException("Runtime asset " + field + " must not contain signed URLs or queries.");
        }
    }
}
