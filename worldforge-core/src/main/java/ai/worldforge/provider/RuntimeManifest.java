package ai.worldforge.provider;

import ai.worldforge.error.WorldForgeException;
import ai.worldforge.internal.BoundedFiles;
import ai.worldforge.internal.LimitedInputStream;
import ai.worldforge.internal.PyStrings;
import ai.worldforge.json.Json;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonSyntaxException;
import ai.worldforge.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Machine-readable host-runtime requirements of an optional provider (the reference's {@code
 * providers/runtime_manifests/<provider>.json}, schema 1): the capabilities it offers, the
 * optional packages and prepared-host artifacts it needs, its variables, and how to smoke-test it.
 * The JSON files the reference ships are bundled verbatim and read with {@link #load(String)} and
 * {@link #loadAll()}; {@link #read(Path)} and {@link #readAll(Path)} read manifests a host keeps
 * elsewhere. Unknown keys are ignored. Immutable and thread-safe.
 *
 * @param provider provider name (stripped)
 * @param schemaVersion manifest schema version (always {@value #SCHEMA_VERSION})
 * @param capabilities capabilities the runtime provides (non-empty)
 * @param optionalDependencies host packages the runtime needs (may be empty)
 * @param requiredEnvVars the primary variable followed by its aliases (non-empty)
 * @param optionalEnvVars further variables the runtime reads (may be empty)
 * @param defaultModel default model or checkpoint
 * @param deviceSupport devices the runtime supports (non-empty)
 * @param hostOwnedArtifacts what the host must prepare (non-empty)
 * @param minimumSmokeCommand the smallest command proving the runtime works
 * @param expectedSuccessSignal what that command shows on success
 * @param setupHint how to install the runtime
 * @param docsPath documentation page, relative to the repository root (bundled manifests point at
 *     this project's {@code docs/})
 */
public record RuntimeManifest(
        String provider,
        int schemaVersion,
        List<String> capabilities,
        List<String> optionalDependencies,
        List<String> requiredEnvVars,
        List<String> optionalEnvVars,
        String defaultModel,
        List<String> deviceSupport,
        List<String> hostOwnedArtifacts,
        String minimumSmokeCommand,
        String expectedSuccessSignal,
        String setupHint,
        String docsPath) {

    /** The only supported manifest schema version. */
    public static final int SCHEMA_VERSION = 1;

    /** Classpath directory (relative to this package) holding the bundled manifests. */
    public static final String RESOURCE_DIRECTORY = "runtime_manifests";

    /**
     * File names of the bundled manifests, sorted by name as the reference iterates them (so
     * {@code cosmos-policy.json} precedes {@code cosmos.json}). Listing a classpath directory is
     * not portable across jars and module images, hence the explicit list; a test keeps it in
     * step with the resource directory.
     */
    public static final List<String> BUNDLED_FILES = List.of(
            "cosmos-policy.json",
            "cosmos.json",
            "gr00t.json",
            "jepa-wms.json",
            "jepa.json",
            "lerobot.json",
            "leworldmodel.json",
            "runway.json");

    private static final List<String> SECRET_MARKERS =
            List.of("api_key", "api_secret", "secret", "token", "password", "credential");

    /** Copies the lists and checks the invariants the JSON reader enforces. */
    public RuntimeManifest {
        Objects.requireNonNull(provider);
        capabilities = List.copyOf(capabilities);
        optionalDependencies = List.copyOf(optionalDependencies);
        requiredEnvVars = List.copyOf(requiredEnvVars);
        optionalEnvVars = List.copyOf(optionalEnvVars);
        Objects.requireNonNull(defaultModel);
        deviceSupport = List.copyOf(deviceSupport);
        hostOwnedArtifacts = List.copyOf(hostOwnedArtifacts);
        Objects.requireNonNull(minimumSmokeCommand);
        Objects.requireNonNull(expectedSuccessSignal);
        Objects.requireNonNull(setupHint);
        Objects.requireNonNull(docsPath);
        if (requiredEnvVars.isEmpty()) {
            throw new WorldForgeException("Runtime manifest required_env_vars must not be empty.");
        }
    }

    // ------------------------------------------------------------------------------------------
    // Loading

    /**
     * The bundled manifest of {@code provider}; {@code Runtime manifest not found for provider
     * '{provider}'.} when the reference ships none (for example {@code mock} or {@code genie}).
     */
    public static RuntimeManifest load(String provider) {
        String source = provider + ".json";
        if (!BUNDLED_FILES.contains(source)) {
            throw new WorldForgeException("Runtime manifest not found for provider '" + provider + "'.");
        }
        return readBundled(source);
    }

    /** The bundled manifest of {@code provider}, when the reference ships one. */
    public static Optional<RuntimeManifest> find(String provider) {
        return BUNDLED_FILES.contains(provider + ".json") ? Optional.of(load(provider)) : Optional.empty();
    }

    /** Every bundled manifest, sorted by file name (the reference's order). */
    public static List<RuntimeManifest> loadAll() {
        List<RuntimeManifest> out = new ArrayList<>();
        for (String file : BUNDLED_FILES) {
            out.add(readBundled(file));
        }
        return List.copyOf(out);
    }

    /**
     * Reads one manifest file; the file name is the {@code source} used in messages. A missing
     * file throws {@code Runtime manifest not found for provider '<stem>'.}.
     */
    public static RuntimeManifest read(Path file) {
        String source = String.valueOf(file.getFileName());
        try (InputStream in = Files.newInputStream(file)) {
            return read(new LimitedInputStream(in, BoundedFiles.DEFAULT_DOCUMENT_BYTES), source);
        } catch (NoSuchFileException e) {
            String stem = source.endsWith(".json") ? source.substring(0, source.length() - 5) : source;
            throw new WorldForgeException("Runtime manifest not found for provider '" + stem + "'.", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to read runtime manifest " + source, e);
        }
    }

    /**
     * Reads every {@code *.json} file of {@code directory}, sorted by file name (the reference's
     * order); other files are ignored.
     */
    public static List<RuntimeManifest> readAll(Path directory) {
        List<Path> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.filter(p -> String.valueOf(p.getFileName()).endsWith(".json"))
                    .filter(Files::isRegularFile)
                    .sorted((a, b) -> String.valueOf(a.getFileName()).compareTo(String.valueOf(b.getFileName())))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to list runtime manifests in " + directory, e);
        }
        List<RuntimeManifest> out = new ArrayList<>();
        files.forEach(file -> out.add(read(file)));
        return List.copyOf(out);
    }

    /**
     * Reads one manifest from UTF-8 JSON; {@code source} names it in messages ({@code <source>
     * must contain a JSON object.}, {@code <source> field 'x' must be a non-empty string.}).
     */
    public static RuntimeManifest read(InputStream in, String source) throws IOException {
        JsonValue payload;
        try {
            payload = Json.parse(in);
        } catch (JsonSyntaxException e) {
            throw new WorldForgeException(source + " is not valid JSON: " + e.getMessage(), e);
        }
        if (!(payload instanceof JsonObject)) {
            throw new WorldForgeException(source + " must contain a JSON object.");
        }
        return fromJson(payload, source);
    }

    /**
     * Builds and validates a manifest from decoded JSON, with the reference's messages. Fields are
     * checked in the reference's order: {@code provider}, {@code schema_version} (an integer,
     * booleans rejected, equal to 1), then the lists and texts.
     */
    public static RuntimeManifest fromJson(JsonValue value, String source) {
        if (!(value instanceof JsonObject payload)) {
            throw new WorldForgeException(source + " must contain a JSON object.");
        }
        String provider = requiredText(payload, "provider", source);
        BigInteger schemaVersion = requiredInt(payload, "schema_version", source);
        if (!schemaVersion.equals(BigInteger.valueOf(SCHEMA_VERSION))) {
            throw new WorldForgeException(
                    source + " schema_version must be " + SCHEMA_VERSION + ", got " + schemaVersion + ".");
        }
        return new RuntimeManifest(
                provider,
                SCHEMA_VERSION,
                requiredTextList(payload, "capabilities", source, false),
                requiredTextList(payload, "optional_dependencies", source, true),
                requiredTextList(payload, "required_env_vars", source, false),
                requiredTextList(payload, "optional_env_vars", source, true),
                requiredText(payload, "default_model", source),
                requiredTextList(payload, "device_support", source, false),
                requiredTextList(payload, "host_owned_artifacts", source, false),
                requiredText(payload, "minimum_smoke_command", source),
                requiredText(payload, "expected_success_signal", source),
                requiredText(payload, "setup_hint", source),
                requiredText(payload, "docs_path", source));
    }

    private static RuntimeManifest readBundled(String file) {
        try (InputStream in = RuntimeManifest.class.getResourceAsStream(RESOURCE_DIRECTORY + "/" + file)) {
            if (in == null) {
                throw new IllegalStateException("Bundled runtime manifest " + file + " is missing.");
            }
            return read(in, file);
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to read bundled runtime manifest " + file, e);
        }
    }

    // ------------------------------------------------------------------------------------------
    // Derived text

    /** The reference's {@code runtime_manifest_id_for}: {@code "<provider>:schema-<n>"}. */
    public String id() {
        return provider + ":schema-" + schemaVersion;
    }

    /** The primary required variable (the first of {@link #requiredEnvVars()}). */
    public String primaryEnvVar() {
        return requiredEnvVars.get(0);
    }

    /** The aliases of the primary variable (the rest of {@link #requiredEnvVars()}). */
    public List<String> envVarAliases() {
        return requiredEnvVars.subList(1, requiredEnvVars.size());
    }

    /**
     * Health detail for a missing optional dependency: {@code missing optional dependency <dep>;
     * <setup_hint>; minimum smoke: <command>} when the manifest lists it, else just {@code missing
     * optional dependency <dep>}.
     */
    public String missingDependencyDetail(String dependency) {
        if (!optionalDependencies.contains(dependency)) {
            return "missing optional dependency " + dependency;
        }
        return "missing optional dependency " + dependency + "; " + setupHint + "; minimum smoke: "
                + minimumSmokeCommand;
    }

    /**
     * Health detail for missing configuration: {@code missing A or B; configure runtime using
     * <docs_path>}.
     */
    public String missingConfigurationDetail() {
        return "missing " + String.join(" or ", requiredEnvVars) + "; configure runtime using " + docsPath;
    }

    /**
     * The manifest-declared configuration status under {@code environment}, without values: the
     * primary variable (required, with its aliases) followed by the optional variables; a field is
     * secret when its name looks like a credential. {@code configured} is whether the primary
     * variable is present.
     */
    public ProviderConfigSummary configSummary(Environment environment) {
        List<ConfigFieldSummary> fields = configFields(environment);
        boolean configured = true;
        for (ConfigFieldSummary field : fields) {
            configured &= field.valid();
        }
        return new ProviderConfigSummary(provider, fields.get(0).present() && configured, fields);
    }

    /** {@link #configSummary(Environment)} with {@code configured} decided by the caller. */
    public ProviderConfigSummary configSummary(Environment environment, boolean configured) {
        return new ProviderConfigSummary(provider, configured, configFields(environment));
    }

    private List<ConfigFieldSummary> configFields(Environment environment) {
        List<ConfigFieldSummary> fields = new ArrayList<>();
        fields.add(fieldSummary(primaryEnvVar(), envVarAliases(), true, environment));
        for (String name : optionalEnvVars) {
            fields.add(fieldSummary(name, List.of(), false, environment));
        }
        return fields;
    }

    private static ConfigFieldSummary fieldSummary(
            String name, List<String> aliases, boolean required, Environment environment) {
        String setName = null;
        if (environment.isSet(name)) {
            setName = name;
        } else {
            for (String alias : aliases) {
                if (environment.isSet(alias)) {
                    setName = alias;
                    break;
                }
            }
        }
        boolean present = setName != null;
        return new ConfigFieldSummary(
                name,
                present,
                present ? "env:" + setName : "unset",
                required,
                looksSecret(name),
                !required || present,
                required && !present ? "missing" : "",
                aliases);
    }

    /** Whether a variable name looks like a credential (api_key, secret, token, password, …). */
    public static boolean looksSecret(String name) {
        String lowered = name.toLowerCase(java.util.Locale.ROOT);
        for (String marker : SECRET_MARKERS) {
            if (lowered.contains(marker)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The manifest as JSON, in the reference's schema key order ({@code schema_version, provider,
     * capabilities, optional_dependencies, required_env_vars, optional_env_vars, default_model,
     * device_support, host_owned_artifacts, minimum_smoke_command, expected_success_signal,
     * setup_hint, docs_path}); keys this port ignores are not kept.
     */
    public JsonObject toJson() {
        return JsonObject.builder()
                .put("schema_version", JsonInt.of(schemaVersion))
                .put("provider", JsonString.of(provider))
                .put("capabilities", strings(capabilities))
                .put("optional_dependencies", strings(optionalDependencies))
                .put("required_env_vars", strings(requiredEnvVars))
                .put("optional_env_vars", strings(optionalEnvVars))
                .put("default_model", JsonString.of(defaultModel))
                .put("device_support", strings(deviceSupport))
                .put("host_owned_artifacts", strings(hostOwnedArtifacts))
                .put("minimum_smoke_command", JsonString.of(minimumSmokeCommand))
                .put("expected_success_signal", JsonString.of(expectedSuccessSignal))
                .put("setup_hint", JsonString.of(setupHint))
                .put("docs_path", JsonString.of(docsPath))
                .build();
    }

    // ------------------------------------------------------------------------------------------
    // Field readers

    private static JsonArray strings(List<String> values) {
        List<JsonValue> out = new ArrayList<>(values.size());
        values.forEach(v -> out.add(JsonString.of(v)));
        return JsonArray.copyOf(out);
    }

    private static String requiredText(JsonObject payload, String field, String source) {
        if (payload.get(field) instanceof JsonString s
                && !PyStrings.strip(s.value()).isEmpty()) {
            return PyStrings.strip(s.value());
        }
        throw new WorldForgeException(source + " field '" + field + "' must be a non-empty string.");
    }

    private static BigInteger requiredInt(JsonObject payload, String field, String source) {
        if (payload.get(field) instanceof JsonInt i) {
            return i.value();
        }
        throw new WorldForgeException(source + " field '" + field + "' must be an integer.");
    }

    private static List<String> requiredTextList(JsonObject payload, String field, String source, boolean allowEmpty) {
        @Nullable JsonValue value = payload.get(field);
        if (!(value instanceof JsonArray array) || (array.isEmpty() && !allowEmpty)) {
            throw new WorldForgeException(source + " field '" + field + "' must be a non-empty string list.");
        }
        List<String> items = new ArrayList<>();
        for (int index = 0; index < array.size(); index++) {
            if (!(array.get(index) instanceof JsonString s)
                    || PyStrings.strip(s.value()).isEmpty()) {
                throw new WorldForgeException(
                        source + " field '" + field + "' item " + index + " must be a non-empty string.");
            }
            items.add(PyStrings.strip(s.value()));
        }
        return items;
    }
}
