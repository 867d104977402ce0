package ai.worldforge.config;

import ai.worldforge.error.WorldForgeException;
import ai.worldforge.event.Redaction;
import ai.worldforge.internal.BoundedFiles;
import ai.worldforge.internal.Checks;
import ai.worldforge.internal.ErrorText;
import ai.worldforge.internal.PyStrings;
import ai.worldforge.internal.Sha256Hex;
import ai.worldforge.json.Json;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonBool;
import ai.worldforge.json.JsonFloat;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonNull;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonSyntaxException;
import ai.worldforge.json.JsonValue;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Validated, non-secret CLI defaults loaded from a JSON profile (the reference's {@code
 * ConfigProfile}, schema 1). A profile may name providers, operations, a run workspace, a state
 * directory, an output format and timeout/retry presets; anything that looks like a secret (a
 * secret-looking key, a value the redactor would change, a signed URL or query string) is refused
 * before any other check. Paths must be safe relative paths. Immutable.
 *
 * @param name profile name ({@code [A-Za-z0-9_.-]+})
 * @param source safe label of where the profile came from ({@code profile:<relative path>}, or
 *     {@code profile:<file name>} for an absolute path)
 * @param sha256 {@code sha256:<hex>} of the profile file's raw bytes ({@code sha256:} + 64 zeros
 *     for a profile parsed from memory)
 * @param providers default providers (may be empty)
 * @param operations default benchmark operations (may be empty)
 * @param workspaceDir default workspace directory
 * @param runWorkspace default run workspace (wins over {@code workspaceDir})
 * @param stateDir default world state directory
 * @param outputFormat default output format ({@code markdown|json|csv|html})
 * @param timeoutPreset {@code checkout-safe|remote|prepared-host}
 * @param retryPreset {@code none|standard|patient}
 * @param runtimeCacheRoots provider → safe relative cache root (or JSON null), sorted by provider
 */
public record ConfigProfile(
        String name,
        String source,
        String sha256,
        List<String> providers,
        List<String> operations,
        Optional<String> workspaceDir,
        Optional<String> runWorkspace,
        Optional<String> stateDir,
        Optional<String> outputFormat,
        Optional<String> timeoutPreset,
        Optional<String> retryPreset,
        JsonObject runtimeCacheRoots) {

    /** The profile schema version. */
    public static final int SCHEMA_VERSION = 1;

    /** Allowed {@code output_format} values. */
    public static final List<String> OUTPUT_FORMATS = List.of("markdown", "json", "csv", "html");

    /** Allowed {@code timeout_preset} values. */
    public static final List<String> TIMEOUT_PRESETS = List.of("checkout-safe", "remote", "prepared-host");

    /** Allowed {@code retry_preset} values. */
    public static final List<String> RETRY_PRESETS = List.of("none", "standard", "patient");

    private static final Set<String> PROFILE_KEYS = Set.of(
            "schema_version",
            "name",
            "description",
            "provider",
            "providers",
            "operation",
            "operations",
            "workspace_dir",
            "run_workspace",
            "state_dir",
            "output_format",
            "timeout_preset",
            "retry_preset",
            "runtime_cache_roots");
    private static final Set<String> PROVENANCE_KEYS = Set.of(
            "schema_version",
            "name",
            "source",
            "sha256",
            "providers",
            "operations",
            "workspace_dir",
            "run_workspace",
            "state_dir",
            "output_format",
            "timeout_preset",
            "retry_preset",
            "runtime_cache_roots");
    private static final Pattern SECRET_KEY = Pattern.compile(
            "api[_-]?key|api[_-]?secret|auth|bearer|credential|password|secret|signed[_-]?url|token",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SAFE_IDENTIFIER = Pattern.compile("[A-Za-z0-9_.:/-]+");
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9_.-]+");
    private static final Pattern DIGEST = Pattern.compile("sha256:[0-9a-f]{64}");
    private static final String MISSING_DIGEST = "sha256:" + "0".repeat(64);
    private static final List<String> PATH_FIELDS = List.of("workspace_dir", "run_workspace", "state_dir");

    /** Copies collections and checks for nulls; validation happens in {@link #parse}. */
    public ConfigProfile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(sha256, "sha256");
        providers = List.copyOf(providers);
        operations = List.copyOf(operations);
        Objects.requireNonNull(workspaceDir, "workspaceDir");
        Objects.requireNonNull(runWorkspace, "runWorkspace");
        Objects.requireNonNull(stateDir, "stateDir");
        Objects.requireNonNull(outputFormat, "outputFormat");
        Objects.requireNonNull(timeoutPreset, "timeoutPreset");
        Objects.requireNonNull(retryPreset, "retryPreset");
        Objects.requireNonNull(runtimeCacheRoots, "runtimeCacheRoots");
    }

    /**
     * Loads a JSON profile file; {@code .toml} profiles are refused (core has no TOML parser; see
     * {@link #load(Path, Function)}).
     *
     * @throws WorldForgeException as {@link #load(Path, Function)}
     */
    public static ConfigProfile load(Path path) {
        return load(path, null);
    }

    /**
     * Loads a profile file: JSON, or TOML (by a {@code .toml} suffix) decoded by {@code
     * tomlDecoder} into the equivalent JSON value. Core itself stays free of a TOML library; the
     * CLI supplies one.
     *
     * @param tomlDecoder decodes TOML text, throwing {@link IllegalArgumentException} with the
     *     parser's reason for invalid TOML; {@code null} refuses TOML profiles
     *
     * @throws WorldForgeException {@code Failed to read configuration profile <path>: <reason>},
     *     {@code Configuration profile <path> must be valid JSON or TOML: <reason>}, {@code
     *     Configuration profile must contain a JSON/TOML object.}, or a validation message
     */
    public static ConfigProfile load(Path path, @Nullable Function<String, JsonValue> tomlDecoder) {
        byte[] raw;
        try {
            raw = BoundedFiles.readBytes(path, BoundedFiles.DEFAULT_DOCUMENT_BYTES);
        } catch (IOException e) {
            throw new WorldForgeException(
                    "Failed to read configuration profile " + path + ": "
                            + ErrorText.pythonReadError(e, path, path.toString()),
                    e);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new WorldForgeException("Configuration profile " + path + " is not valid UTF-8.", e);
        }
        Path fileName = path.getFileName();
        boolean toml =
                fileName != null && fileName.toString().toLowerCase(Locale.ROOT).endsWith(".toml");
        if (toml && tomlDecoder == null) {
            throw new WorldForgeException("Configuration profile " + path
                    + " uses TOML, which this build does not support; convert it to a JSON profile.");
        }
        JsonValue payload;
        try {
            payload = toml ? tomlDecoder.apply(text) : Json.parse(text);
        } catch (JsonSyntaxException | IllegalArgumentException e) {
            throw new WorldForgeException(
                    "Configuration profile " + path + " must be valid JSON or TOML: " + e.getMessage(), e);
        }
        if (!(payload instanceof JsonObject)) {
            throw new WorldForgeException("Configuration profile must contain a JSON/TOML object.");
        }
        return parse(payload, Optional.of(path), Optional.of(Sha256Hex.prefixed(raw)));
    }

    /**
     * Validates a decoded profile.
     *
     * @param payload the decoded JSON object
     * @param sourcePath where it was read from, for the source label (the name is used otherwise)
     * @param sha256 {@code sha256:<64 hex>} of the raw file; a zero digest when absent
     * @throws WorldForgeException with the reference's message for the first problem
     */
    public static ConfigProfile parse(JsonValue payload, Optional<Path> sourcePath, Optional<String> sha256) {
        JsonObject profile = Checks.jsonObject(payload, "Configuration profile");
        rejectSecretMaterial(profile, "profile");
        rejectUnknownKeys(profile, PROFILE_KEYS, "Configuration profile has unsupported keys: ");
        if (!isSchemaOne(profile.get("schema_version"))) {
            throw new WorldForgeException("Configuration profile schema_version must be " + SCHEMA_VERSION + ".");
        }
        String name = profileName(profile.get("name"));
        List<String> providers = stringTuple(profile, "provider", "providers");
        List<String> operations = stringTuple(profile, "operation", "operations");
        Optional<String> workspaceDir = optionalPath(profile.get("workspace_dir"), "workspace_dir");
        Optional<String> runWorkspace = optionalPath(profile.get("run_workspace"), "run_workspace");
        Optional<String> stateDir = optionalPath(profile.get("state_dir"), "state_dir");
        Optional<String> outputFormat = optionalChoice(profile.get("output_format"), "output_format", OUTPUT_FORMATS);
        Optional<String> timeoutPreset =
                optionalChoice(profile.get("timeout_preset"), "timeout_preset", TIMEOUT_PRESETS);
        Optional<String> retryPreset = optionalChoice(profile.get("retry_preset"), "retry_preset", RETRY_PRESETS);
        JsonObject roots = runtimeCacheRoots(profile.get("runtime_cache_roots"));
        return new ConfigProfile(
                name,
                sourceLabel(sourcePath, name),
                profileDigest(sha256.<JsonValue>map(JsonString::of).orElse(null)),
                providers,
                operations,
                workspaceDir,
                runWorkspace,
                stateDir,
                outputFormat,
                timeoutPreset,
                retryPreset,
                roots);
    }

    /**
     * The {@code config_profile} block of run manifests: {@code schema_version, name, source,
     * sha256, providers, operations, workspace_dir, run_workspace, state_dir, output_format,
     * timeout_preset, retry_preset, runtime_cache_roots}, re-validated by {@link
     * #validateProvenance}.
     */
    public JsonObject toProvenance() {
        return validateProvenance(JsonObject.builder(13)
                .put("schema_version", SCHEMA_VERSION)
                .put("name", name)
                .put("source", source)
                .put("sha256", sha256)
                .put("providers", strings(providers))
                .put("operations", strings(operations))
                .putNullable("workspace_dir", workspaceDir.orElse(null))
                .putNullable("run_workspace", runWorkspace.orElse(null))
                .putNullable("state_dir", stateDir.orElse(null))
                .putNullable("output_format", outputFormat.orElse(null))
                .putNullable("timeout_preset", timeoutPreset.orElse(null))
                .putNullable("retry_preset", retryPreset.orElse(null))
                .put("runtime_cache_roots", runtimeCacheRoots)
                .build());
    }

    /**
     * Validates a {@code config_profile} manifest block (the guard run workspaces apply before
     * writing one) and returns its normalised form.
     *
     * @throws WorldForgeException {@code Configuration profile provenance has unsupported keys: …},
     *     {@code Configuration profile provenance schema_version must be 1.}, or a field message
     */
    public static JsonObject validateProvenance(JsonValue payload) {
        JsonObject provenance = Checks.jsonObject(payload, "Configuration profile provenance");
        rejectSecretMaterial(provenance, "profile");
        rejectUnknownKeys(provenance, PROVENANCE_KEYS, "Configuration profile provenance has unsupported keys: ");
        if (!isSchemaOne(provenance.get("schema_version"))) {
            throw new WorldForgeException(
                    "Configuration profile provenance schema_version must be " + SCHEMA_VERSION + ".");
        }
        JsonObject.Builder out = provenance.toBuilder();
        out.put("name", profileName(provenance.get("name")));
        out.put("source", safeText(provenance.get("source"), "source"));
        out.put("sha256", profileDigest(provenance.get("sha256")));
        for (String field : List.of("providers", "operations")) {
            out.put(field, strings(stringSequence(provenance.get(field), field)));
        }
        for (String field : PATH_FIELDS) {
            out.putNullable(field, optionalPath(provenance.get(field), field).orElse(null));
        }
        out.putNullable(
                "output_format",
                optionalChoice(provenance.get("output_format"), "output_format", OUTPUT_FORMATS)
                        .orElse(null));
        out.putNullable(
                "timeout_preset",
                optionalChoice(provenance.get("timeout_preset"), "timeout_preset", TIMEOUT_PRESETS)
                        .orElse(null));
        out.putNullable(
                "retry_preset",
                optionalChoice(provenance.get("retry_preset"), "retry_preset", RETRY_PRESETS)
                        .orElse(null));
        out.put("runtime_cache_roots", runtimeCacheRoots(provenance.get("runtime_cache_roots")));
        return out.build();
    }

    /** The run workspace the profile supplies: {@code run_workspace}, else {@code workspace_dir}. */
    public Optional<String> effectiveRunWorkspace() {
        return runWorkspace.isPresent() ? runWorkspace : workspaceDir;
    }

    /**
     * The output format the profile supplies to a command, checked against the formats the command
     * accepts.
     *
     * @param commandPath the command as the CLI names it (e.g. {@code benchmark})
     * @param allowedFormats the command's {@code --format} choices
     * @throws WorldForgeException {@code Configuration profile output_format 'x' is not supported
     *     by `cmd`.}
     */
    public Optional<String> outputFormatFor(String commandPath, Collection<String> allowedFormats) {
        if (outputFormat.isPresent() && !allowedFormats.contains(outputFormat.get())) {
            throw new WorldForgeException("Configuration profile output_format '" + outputFormat.get()
                    + "' is not supported by `" + commandPath + "`.");
        }
        return outputFormat;
    }

    /** {@code ["--profile", <source without "profile:">]}, appended to recorded commands. */
    public List<String> commandArgs() {
        return List.of("--profile", source.startsWith("profile:") ? source.substring("profile:".length()) : source);
    }

    /**
     * The long options typed on a command line ({@code --flag} and the {@code --flag} of {@code
     * --flag=value}), up to a bare {@code --}. A profile value applies only when its flag is not
     * among them.
     */
    public static Set<String> typedOptions(List<String> argv) {
        Set<String> options = new LinkedHashSet<>();
        for (String item : argv) {
            if (item.equals("--")) {
                break;
            }
            if (item.startsWith("--")) {
                int equals = item.indexOf('=');
                options.add(equals < 0 ? item : item.substring(0, equals));
            }
        }
        return options;
    }

    /** Whether {@code flag} (e.g. {@code --format}) was typed in {@code argv}; see {@link #typedOptions}. */
    public static boolean wasTyped(List<String> argv, String flag) {
        return typedOptions(argv).contains(flag);
    }

    // ------------------------------------------------------------------------------------------

    private static boolean isSchemaOne(@Nullable JsonValue value) {
        // Python compares with ==, so True and 1.0 also equal 1.
        return (value instanceof JsonInt i && i.value().equals(BigInteger.ONE))
                || (value instanceof JsonFloat f && f.value() == 1.0)
                || JsonBool.TRUE.equals(value);
    }

    private static void rejectUnknownKeys(JsonObject object, Set<String> allowed, String prefix) {
        Set<String> unknown = new TreeSet<>();
        for (String key : object.keys()) {
            if (!allowed.contains(key)) {
                unknown.add(key);
            }
        }
        if (!unknown.isEmpty()) {
            throw new WorldForgeException(prefix + String.join(", ", unknown) + ".");
        }
    }

    private static void rejectSecretMaterial(JsonValue value, String path) {
        if (value instanceof JsonObject object) {
            for (Map.Entry<String, JsonValue> entry : object.members().entrySet()) {
                String childPath = path + "." + entry.getKey();
                if (SECRET_KEY.matcher(entry.getKey()).find()) {
                    throw new WorldForgeException(
                            "Configuration profile field '" + childPath + "' uses a secret-looking key.");
                }
                rejectSecretMaterial(entry.getValue(), childPath);
            }
        } else if (value instanceof JsonArray array) {
            for (int i = 0; i < array.size(); i++) {
                rejectSecretMaterial(array.get(i), path + "[" + i + "]");
            }
        } else if (value instanceof JsonString s) {
            String text = s.value();
            if (!Redaction.redactText(text).equals(text)) {
                throw new WorldForgeException("Configuration profile must not contain secret material.");
            }
            if (!Objects.equals(Redaction.sanitizeTarget(text), PyStrings.strip(text))) {
                throw new WorldForgeException("Configuration profile must not contain signed URLs or query strings.");
            }
        }
    }

    private static String safeText(@Nullable JsonValue value, String field) {
        if (!(value instanceof JsonString s) || PyStrings.strip(s.value()).isEmpty()) {
            throw new WorldForgeException("Configuration profile " + field + " must be a non-empty string.");
        }
        String text = PyStrings.strip(s.value());
        if (!Redaction.redactText(text).equals(text)) {
            throw new WorldForgeException("Configuration profile " + field + " must not contain secret material.");
        }
        if (!text.equals(Redaction.sanitizeTarget(text))) {
            throw new WorldForgeException(
                    "Configuration profile " + field + " must not contain signed URLs or query strings.");
        }
        return text;
    }

    private static String profileName(@Nullable JsonValue value) {
        String name = safeText(value, "name");
        if (!SAFE_NAME.matcher(name).matches()) {
            throw new WorldForgeException(
                    "Configuration profile name may only contain letters, numbers, '.', '_', and '-'.");
        }
        return name;
    }

    private static String profileDigest(@Nullable JsonValue value) {
        if (value == null || value instanceof JsonNull) {
            return MISSING_DIGEST;
        }
        if (!(value instanceof JsonString s) || !DIGEST.matcher(s.value()).matches()) {
            throw new WorldForgeException("Configuration profile sha256 must use sha256:<64 lowercase hex>.");
        }
        return s.value();
    }

    private static List<String> stringTuple(JsonObject payload, String singular, String plural) {
        JsonValue one = present(payload.get(singular));
        JsonValue many = present(payload.get(plural));
        if (one != null && many != null) {
            throw new WorldForgeException("Configuration profile cannot set both " + singular + " and " + plural + ".");
        }
        if (many != null) {
            return stringSequence(many, plural);
        }
        if (one != null) {
            return List.of(safeIdentifier(one, singular));
        }
        return List.of();
    }

    private static List<String> stringSequence(@Nullable JsonValue value, String field) {
        if (present(value) == null) {
            return List.of();
        }
        if (!(value instanceof JsonArray array) || array.items().stream().anyMatch(v -> !(v instanceof JsonString))) {
            throw new WorldForgeException("Configuration profile " + field + " must be a string list.");
        }
        List<String> out = new ArrayList<>(array.size());
        for (JsonValue item : array) {
            out.add(safeIdentifier(item, field + " item"));
        }
        return List.copyOf(out);
    }

    private static String safeIdentifier(@Nullable JsonValue value, String field) {
        String text = safeText(value, field);
        if (!SAFE_IDENTIFIER.matcher(text).matches()) {
            throw new WorldForgeException("Configuration profile " + field
                    + " may only contain letters, numbers, '.', '_', ':', '/', and '-'.");
        }
        return text;
    }

    private static Optional<String> optionalChoice(@Nullable JsonValue value, String field, List<String> choices) {
        if (present(value) == null) {
            return Optional.empty();
        }
        String text = safeText(value, field);
        if (!choices.contains(text)) {
            throw new WorldForgeException(
                    "Configuration profile " + field + " must be one of: " + String.join(", ", choices) + ".");
        }
        return Optional.of(text);
    }

    private static JsonObject runtimeCacheRoots(@Nullable JsonValue value) {
        if (present(value) == null) {
            return JsonObject.EMPTY;
        }
        if (!(value instanceof JsonObject object)) {
            throw new WorldForgeException("Configuration profile runtime_cache_roots must be an object.");
        }
        JsonObject.Builder roots = JsonObject.builder(object.size());
        for (Map.Entry<String, JsonValue> entry : new TreeMap<>(object.members()).entrySet()) {
            String provider = safeIdentifier(JsonString.of(entry.getKey()), "runtime_cache_roots provider");
            roots.putNullable(
                    provider,
                    optionalPath(entry.getValue(), "runtime_cache_roots." + provider)
                            .orElse(null));
        }
        return roots.build();
    }

    private static Optional<String> optionalPath(@Nullable JsonValue value, String field) {
        if (present(value) == null) {
            return Optional.empty();
        }
        String text = safeText(value, field);
        validatePath(text, field);
        return Optional.of(text);
    }

    private static void validatePath(String value, String field) {
        if (looksLikeUrl(value)) {
            throw new WorldForgeException("Configuration profile " + field + " must be a relative filesystem path.");
        }
        String posix = value.replace('\\', '/');
        if (posix.startsWith("/") || value.startsWith("~") || value.startsWith("$") || value.startsWith("%")) {
            throw new WorldForgeException("Configuration profile " + field + " must use a safe relative path.");
        }
        List<String> parts = pathParts(posix);
        if (parts.isEmpty()) {
            throw new WorldForgeException("Configuration profile " + field + " must be a non-empty path.");
        }
        if (parts.contains("..")) {
            throw new WorldForgeException("Configuration profile " + field + " must not contain '..'.");
        }
        if (parts.contains(".env") || parts.contains(".env.local")) {
            throw new WorldForgeException("Configuration profile " + field + " must not point at env files.");
        }
    }

    /** Python {@code PurePosixPath(p).parts} of a relative path: no empty or {@code .} parts. */
    private static List<String> pathParts(String posix) {
        List<String> parts = new ArrayList<>();
        for (String part : posix.split("/")) {
            if (!part.isEmpty() && !part.equals(".")) {
                parts.add(part);
            }
        }
        return parts;
    }

    /**
     * Whether CPython's {@code urlsplit(value)} finds a scheme, a netloc, a query or a fragment.
     * Leading C0 controls and spaces are ignored and tabs and newlines removed, as {@code urlsplit}
     * does.
     */
    private static boolean looksLikeUrl(String value) {
        int begin = 0;
        while (begin < value.length() && value.charAt(begin) <= ' ') {
            begin++;
        }
        StringBuilder cleaned = new StringBuilder();
        for (int i = begin; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '\t' && c != '\r' && c != '\n') {
                cleaned.append(c);
            }
        }
        String url = cleaned.toString();
        int colon = url.indexOf(':');
        if (colon > 0 && isAsciiLetter(url.charAt(0))) {
            boolean scheme = true;
            for (int i = 0; i < colon; i++) {
                char c = url.charAt(i);
                if (!(isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.')) {
                    scheme = false;
                    break;
                }
            }
            if (scheme) {
                return true;
            }
        }
        if (url.startsWith("//")) {
            return true;
        }
        int hash = url.indexOf('#');
        if (hash >= 0 && hash < url.length() - 1) {
            return true;
        }
        String beforeFragment = hash >= 0 ? url.substring(0, hash) : url;
        int question = beforeFragment.indexOf('?');
        return question >= 0 && question < beforeFragment.length() - 1;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static String sourceLabel(Optional<Path> path, String name) {
        if (path.isEmpty()) {
            return "profile:" + name;
        }
        Path p = path.get();
        if (!p.isAbsolute()) {
            String raw = String.join("/", pathParts(p.toString().replace('\\', '/')));
            if (raw.isEmpty()) {
                raw = ".";
            }
            try {
                validatePath(raw, "source");
                return "profile:" + raw;
            } catch (WorldForgeException unsafe) {
                // Fall back to the bare file name, as the reference does.
            }
        }
        Path fileName = p.getFileName();
        return "profile:" + (fileName == null ? "" : fileName.toString());
    }

    private static @Nullable JsonValue present(@Nullable JsonValue value) {
        return value == null || value instanceof JsonNull ? null : value;
    }

    private static JsonArray strings(List<String> values) {
        return JsonArray.copyOf(values.stream().map(JsonString::of).toList());
    }
}
