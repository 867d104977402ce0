package ai.worldforge.smoke;

import ai.worldforge.WorldForgeVersion;
import ai.worldforge.error.WorldForgeException;
import ai.worldforge.event.Redaction;
import ai.worldforge.internal.AtomicTextFiles;
import ai.worldforge.json.Json;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonBool;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonNull;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
import ai.worldforge.provider.Environment;
import ai.worldforge.provider.RuntimeManifest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The run manifest of a live provider smoke (schema 1): which command ran against which provider
 * and capability, with what outcome, which environment variables were present (never their
 * values), digests of the inputs and the result, and where the artefacts went. Every string is
 * checked: a secret-looking key or value, a credentialed or signed URL, a query string or an
 * embedded password makes the manifest invalid rather than being written.
 *
 * @param payload the validated manifest, keys in the reference's order
 */
public record LiveSmokeManifest(JsonObject payload) {
    /** The manifest schema version. */
    public static final int SCHEMA_VERSION = 1;

    private static final List<String> STATUSES = List.of("passed", "failed", "skipped");
    private static final List<String> SECRET_NAME_MARKERS =
            List.of("api_key", "api_secret", "secret", "token", "password", "credential");
    private static final List<String> SENSITIVE_KEY_MARKERS = List.of(
            "api_key",
            "api_secret",
            "authorization",
            "bearer",
            "credential",
            "password",
            "secret",
            "signature",
            "signed_url",
            "token");

    /** Validates the payload. */
    public LiveSmokeManifest {
        payload = validate(payload);
    }

    /**
     * Builds a manifest.
     *
     * @param runId the run id (the manifest's directory name by convention)
     * @param commandArgv the command line that ran (non-empty)
     * @param providerProfile the provider ({@code cosmos}, {@code runway}, …); its bundled runtime
     *     manifest id is recorded when one exists
     * @param capability the capability exercised
     * @param status {@code passed}, {@code failed} or {@code skipped}
     * @param envVars the variables whose presence is recorded (never their values)
     * @param environment where they are looked up
     * @param eventCount provider events observed
     * @param inputSummary a value-free summary of the inputs (digested as {@code input_digest})
     * @param result the result summary, digested as {@code result_digest} (not stored)
     * @param artifactPaths artefact label to path or URL (sanitised: no userinfo, query or fragment)
     * @param clock source of {@code created_at} (seconds, UTC, {@code +00:00})
     * @throws WorldForgeException with the reference's message when anything is missing or unsafe
     */
    public static LiveSmokeManifest build(
            String runId,
            List<String> commandArgv,
            String providerProfile,
            String capability,
            String status,
            List<String> envVars,
            Environment environment,
            long eventCount,
            JsonObject inputSummary,
            @Nullable JsonObject result,
            Map<String, String> artifactPaths,
            Clock clock) {
        JsonObject.Builder artifacts = JsonObject.builder(artifactPaths.size());
        for (Map.Entry<String, String> artifact : artifactPaths.entrySet()) {
            if (artifact.getKey() == null || artifact.getKey().isBlank()) {
                throw new WorldForgeException("Run manifest artifact names must be non-empty strings.");
            }
            String sanitized = Redaction.sanitizeTarget(artifact.getValue());
            if (sanitized == null) {
                throw new WorldForgeException("Run manifest artifact path must be non-empty.");
            }
            artifacts.put(artifact.getKey(), JsonString.of(sanitized));
        }
        String runtimeManifestId = RuntimeManifest.find(providerProfile)
                .map(m -> m.provider() + ":schema-" + m.schemaVersion())
                .orElse(null);
        JsonObject payload = JsonObject.builder(18)
                .put("schema_version", JsonInt.of(SCHEMA_VERSION))
                .put("run_id", JsonString.of(runId))
                .put("created_at", JsonString.of(createdAt(clock)))
                .put("package_version", JsonString.of(WorldForgeVersion.current()))
                .put(
                        "command_argv",
                        JsonArray.copyOf(
                                commandArgv.stream().map(JsonString::of).toList()))
                .put("provider_profile", JsonString.of(providerProfile))
                .put("capability", JsonString.of(capability))
                .put("status", JsonString.of(status))
                .put(
                        "runtime_manifest_id",
                        runtimeManifestId == null ? JsonNull.INSTANCE : JsonString.of(runtimeManifestId))
                .put("runtime_assets", JsonArray.EMPTY)
                .put("config_profile", JsonNull.INSTANCE)
                .put("env_summary", envSummary(envVars, environment))
                .put("input_summary", inputSummary)
                .put(
                        "input_digest",
                        inputSummary.isEmpty() ? JsonNull.INSTANCE : JsonString.of(digestJson(inputSummary)))
                .put("input_fixture_digest", JsonNull.INSTANCE)
                .put("event_count", JsonInt.of(eventCount))
                .put("result_digest", result == null ? JsonNull.INSTANCE : JsonString.of(digestJson(result)))
                .put("artifact_paths", artifacts.build())
                .build();
        return new LiveSmokeManifest(payload);
    }

    private static String createdAt(Clock clock) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME
                .format(clock.instant().truncatedTo(ChronoUnit.SECONDS).atOffset(java.time.ZoneOffset.UTC))
                .replace("Z", "+00:00");
    }

    /**
     * Value-free presence records {@code {name, present, source (env:NAME|unset), secret}}; a
     * blank value counts as absent.
     */
    public static JsonArray envSummary(List<String> names, Environment environment) {
        List<JsonValue> records = new ArrayList<>(names.size());
        for (String raw : names) {
            String name = raw == null ? "" : raw.strip();
            if (name.isEmpty()) {
                throw new WorldForgeException("Run manifest env var names must be non-empty strings.");
            }
            boolean present = environment.isSet(name);
            records.add(JsonObject.builder(4)
                    .put("name", JsonString.of(name))
                    .put("present", JsonBool.of(present))
                    .put("source", JsonString.of(present ? "env:" + name : "unset"))
                    .put("secret", JsonBool.of(looksSecretName(name)))
                    .build());
        }
        return JsonArray.copyOf(records);
    }

    /** {@code sha256:} of the canonical (sorted, compact) JSON text of {@code value}. */
    public static String digestJson(JsonObject value) {
        return "sha256:" + sha256(Json.write(value).getBytes(StandardCharsets.UTF_8));
    }

    /** {@code sha256:} of a file's bytes, streamed. */
    public static String digestFile(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int read; (read = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, read);
            }
            return "sha256:" + HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the manifest (indented, sorted keys, newline) atomically, creating parent directories. */
    public Path write(Path path) {
        try {
            Files.createDirectories(path.toAbsolutePath().getParent());
            AtomicTextFiles.write(path, Json.writePretty(payload) + "\n");
            return path;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The manifest's status. */
    public String status() {
        return ((JsonString) Objects.requireNonNull(payload.get("status"))).value();
    }

    /**
     * The reference's {@code validate_run_manifest}: required fields, a non-empty command, a
     * non-negative event count, list and object shapes, then no secret-looking key or value and no
     * string that the target sanitiser would change (URLs with credentials, queries or fragments).
     */
    static JsonObject validate(JsonObject manifest) {
        if (!(manifest.get("schema_version") instanceof JsonInt version)
                || version.value().intValue() != SCHEMA_VERSION) {
            throw new WorldForgeException("Run manifest schema_version must be " + SCHEMA_VERSION + ".");
        }
        for (String field :
                List.of("run_id", "created_at", "package_version", "provider_profile", "capability", "status")) {
            if (!(manifest.get(field) instanceof JsonString text)
                    || text.value().isBlank()) {
                throw new WorldForgeException("Run manifest " + field + " must be a non-empty string.");
            }
        }
        if (!STATUSES.contains(((JsonString) manifest.get("status")).value())) {
            throw new WorldForgeException("Run manifest status must be passed, failed, or skipped.");
        }
        if (!(manifest.get("command_argv") instanceof JsonArray argv)
                || argv.items().isEmpty()
                || argv.items().stream()
                        .anyMatch(item ->
                                !(item instanceof JsonString s) || s.value().isBlank())) {
            throw new WorldForgeException("Run manifest command_argv must be a non-empty string list.");
        }
        if (!(manifest.get("event_count") instanceof JsonInt count)
                || count.value().signum() < 0) {
            throw new WorldForgeException("Run manifest event_count must be a non-negative integer.");
        }
        if (!(manifest.get("env_summary") instanceof JsonArray)) {
            throw new WorldForgeException("Run manifest env_summary must be a list.");
        }
        if (!(manifest.get("artifact_paths") instanceof JsonObject)) {
            throw new WorldForgeException("Run manifest artifact_paths must be an object.");
        }
        if (!(manifest.get("input_summary") instanceof JsonObject)) {
            throw new WorldForgeException("Run manifest input_summary must be an object.");
        }
        rejectSecretLike(manifest, "manifest");
        rejectUnsafeStrings(manifest, "manifest");
        return manifest;
    }

    private static void rejectSecretLike(JsonValue value, String path) {
        if (value instanceof JsonObject object) {
            for (Map.Entry<String, JsonValue> entry : object.members().entrySet()) {
                String child = path + "." + entry.getKey();
                if (looksSensitiveKey(entry.getKey()) && !child.startsWith("manifest.env_summary[")) {
                    throw new WorldForgeException("Run manifest contains secret-like metadata.");
                }
                rejectSecretLike(entry.getValue(), child);
            }
        } else if (value instanceof JsonArray array) {
            for (int i = 0; i < array.size(); i++) {
                rejectSecretLike(array.get(i), path + "[" + i + "]");
            }
        } else if (value instanceof JsonString text
                && !Redaction.redactText(text.value()).equals(text.value())) {
            throw new WorldForgeException("Run manifest contains secret-like metadata.");
        }
    }

    private static void rejectUnsafeStrings(JsonValue value, String path) {
        if (value instanceof JsonString text) {
            String sanitized =
                    Optional.ofNullable(Redaction.sanitizeTarget(text.value())).orElse(text.value());
            if (!sanitized.equals(text.value())) {
                throw new WorldForgeException("Run manifest " + path + " contains an unsafe URL or secret.");
            }
        } else if (value instanceof JsonArray array) {
            for (int i = 0; i < array.size(); i++) {
                rejectUnsafeStrings(array.get(i), path + "[" + i + "]");
            }
        } else if (value instanceof JsonObject object) {
            for (Map.Entry<String, JsonValue> entry : object.members().entrySet()) {
                rejectUnsafeStrings(entry.getValue(), path + "." + entry.getKey());
            }
        }
    }

    private static boolean looksSecretName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return SECRET_NAME_MARKERS.stream().anyMatch(lower::contains);
    }

    private static boolean looksSensitiveKey(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return SENSITIVE_KEY_MARKERS.stream().anyMatch(lower::contains);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
