package ai.worldforge.provider.cosmospolicy;

import ai.worldforge.error.WorldForgeException;
import ai.worldforge.internal.PyStrings;
import ai.worldforge.provider.Capability;
import ai.worldforge.provider.ConfigFieldSummary;
import ai.worldforge.provider.Environment;
import ai.worldforge.provider.ProviderCapabilities;
import ai.worldforge.provider.ProviderConfigSummary;
import ai.worldforge.provider.ProviderProfile;
import ai.worldforge.provider.ProviderRequestPolicy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Resolved configuration of a {@code cosmos-policy} provider: values supplied directly (through
 * {@link #builder()}) win over the environment variables, which win over the defaults. Values are
 * validated with the reference's messages when the configuration is built. The API token is held
 * but never reported by {@link #toString()} or {@link #configSummary}. Immutable and thread-safe.
 *
 * @param baseUrl the {@code /act} server base URL (stripped), or {@code null} when unconfigured
 * @param apiToken bearer token, or {@code null}
 * @param timeoutSeconds request timeout, {@code > 0} (default {@value #DEFAULT_TIMEOUT_SECONDS})
 * @param embodimentTag embodiment reported on results (default {@value #DEFAULT_EMBODIMENT_TAG})
 * @param model model name reported in metadata and the profile (default {@value #DEFAULT_MODEL})
 * @param expectedActionDim required width of every action row (default {@value
 *     #DEFAULT_ACTION_DIM}), or {@code null} to accept any rectangular width
 * @param returnAllQueryResults default for the request's {@code return_all_query_results}, or
 *     {@code null} to leave it out
 * @param allowLocalBaseUrl whether loopback/private/link-local base URLs are permitted
 * @param allowedHosts lower-cased host glob patterns the base URL must match, or {@code null}
 * @param directFields variables whose value was supplied directly rather than read from the
 *     environment (for the summary's {@code source})
 */
public record CosmosPolicyConfig(
        @Nullable String baseUrl,
        @Nullable String apiToken,
        double timeoutSeconds,
        @Nullable String embodimentTag,
        @Nullable String model,
        @Nullable Integer expectedActionDim,
        @Nullable Boolean returnAllQueryResults,
        boolean allowLocalBaseUrl,
        @Nullable List<String> allowedHosts,
        Set<String> directFields) {

    /** Provider name in the catalog. */
    public static final String PROVIDER_NAME = "cosmos-policy";

    /** Base URL variable (required). */
    public static final String BASE_URL_ENV_VAR = "COSMOS_POLICY_BASE_URL";
    /** Bearer token variable (secret). */
    public static final String API_TOKEN_ENV_VAR = "COSMOS_POLICY_API_TOKEN";
    /** Request timeout variable. */
    public static final String TIMEOUT_SECONDS_ENV_VAR = "COSMOS_POLICY_TIMEOUT_SECONDS";
    /** Embodiment tag variable. */
    public static final String EMBODIMENT_TAG_ENV_VAR = "COSMOS_POLICY_EMBODIMENT_TAG";
    /** Model variable. */
    public static final String MODEL_ENV_VAR = "COSMOS_POLICY_MODEL";
    /** {@code return_all_query_results} default variable. */
    public static final String RETURN_ALL_ENV_VAR = "COSMOS_POLICY_RETURN_ALL_QUERY_RESULTS";
    /** Local-network opt-in variable. */
    public static final String ALLOW_LOCAL_BASE_URL_ENV_VAR = "COSMOS_POLICY_ALLOW_LOCAL_BASE_URL";
    /** Host allow-list variable (comma-separated globs). */
    public static final String ALLOWED_HOSTS_ENV_VAR = "COSMOS_POLICY_ALLOWED_HOSTS";

    /** Default request timeout in seconds. */
    public static final double DEFAULT_TIMEOUT_SECONDS = 600.0;
    /** Default expected action row width (14-D bimanual ALOHA). */
    public static final int DEFAULT_ACTION_DIM = 14;
    /** Default embodiment tag. */
    public static final String DEFAULT_EMBODIMENT_TAG = "aloha";
    /** Default model. */
    public static final String DEFAULT_MODEL = "nvidia/Cosmos-Policy-ALOHA-Predict2-2B";

    /** The {@code /act} path on the server. */
    public static final String ACT_PATH = "/act";

    /** Health details when configured (the upstream server has no non-mutating health endpoint). */
    public static final String HEALTHY_DETAILS =
            "configured for Cosmos-Policy /act; upstream exposes no non-mutating health endpoint";

    private static final String DIGITS = "[0-9]+(?:_[0-9]+)*";
    private static final Pattern PY_FLOAT = Pattern.compile("[+-]?(?:(?:" + DIGITS + "(?:\\.(?:" + DIGITS + ")?)?|\\."
            + DIGITS + ")(?:[eE][+-]?" + DIGITS + ")?|(?i:inf|infinity|nan))");

    /** Validates the resolved values and copies the collections. */
    public CosmosPolicyConfig {
        if (!Double.isFinite(timeoutSeconds)) {
            throw new WorldForgeException("Cosmos-Policy timeout_seconds must be a finite number.");
        }
        if (timeoutSeconds <= 0.0) {
            throw new WorldForgeException("Cosmos-Policy timeout_seconds must be greater than 0.");
        }
        if (expectedActionDim != null && expectedActionDim <= 0) {
            throw new WorldForgeException("Cosmos-Policy expected_action_dim must be an integer greater than 0.");
        }
        allowedHosts = allowedHosts == null ? null : List.copyOf(allowedHosts);
        directFields = Set.copyOf(directFields);
    }

    /** Configuration from {@code environment} only. */
    public static CosmosPolicyConfig fromEnvironment(Environment environment) {
        return builder().build(environment);
    }

    /** A builder for direct values; unset ones come from the environment or the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Whether a base URL is configured (the provider then registers, even without a translator). */
    public boolean configured() {
        return baseUrl != null;
    }

    /** The base URL, when configured. */
    public Optional<String> baseUrlValue() {
        return Optional.ofNullable(baseUrl);
    }

    /** The bearer token, when configured. */
    public Optional<String> apiTokenValue() {
        return Optional.ofNullable(apiToken);
    }

    /** The host allow-list, when configured. */
    public Optional<List<String>> allowedHostsValue() {
        return Optional.ofNullable(allowedHosts);
    }

    /**
     * Health details when the base URL is missing ({@code missing COSMOS_POLICY_BASE_URL}), empty
     * when configured; the base URL itself must still pass the HTTP layer's destination guard.
     */
    public Optional<String> missingConfiguration() {
        return configured() ? Optional.empty() : Optional.of("missing " + BASE_URL_ENV_VAR);
    }

    /**
     * Request headers for {@code /act}: {@code Accept} and {@code Content-Type} JSON, plus {@code
     * Authorization: Bearer <token>} when a token is configured.
     */
    public Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json");
        headers.put("Content-Type", "application/json");
        if (apiToken != null && !apiToken.isEmpty()) {
            headers.put("Authorization", "Bearer " + apiToken);
        }
        return Collections.unmodifiableMap(headers);
    }

    /**
     * The capabilities to advertise: {@code policy} only when the host supplies an action
     * translator (raw 14-D rows are embodiment-specific), otherwise none, even when configured.
     */
    public static ProviderCapabilities capabilities(boolean hasActionTranslator) {
        return hasActionTranslator ? ProviderCapabilities.of(Capability.POLICY) : ProviderCapabilities.none();
    }

    /** The request policy: the reference's remote defaults with this configuration's timeout. */
    public ProviderRequestPolicy requestPolicy() {
        return ProviderRequestPolicy.remoteDefaults(timeoutSeconds);
    }

    /**
     * The provider profile: {@code base} (normally the catalog profile) with the capabilities
     * decided by {@link #capabilities(boolean)}, the configured model as default and only
     * supported model, and {@link #requestPolicy()}.
     */
    public ProviderProfile profile(ProviderProfile base, boolean hasActionTranslator) {
        return base.toBuilder()
                .capabilities(capabilities(hasActionTranslator))
                .defaultModel(model)
                .supportedModels(model == null ? List.of() : List.of(model))
                .requestPolicy(requestPolicy())
                .build();
    }

    /**
     * The value-free configuration summary: the eight variables in the reference's order. A
     * field's {@code source} is {@code env:NAME} when the variable is set (even if a direct value
     * overrides it, as in the reference), else {@code direct}, else {@code default} for defaulted
     * fields, else {@code unset}.
     */
    public ProviderConfigSummary configSummary(String providerName, Environment environment) {
        List<ConfigFieldSummary> fields = List.of(
                field(BASE_URL_ENV_VAR, true, false, baseUrl != null, false, environment),
                field(API_TOKEN_ENV_VAR, false, true, apiToken != null, false, environment),
                field(
                        TIMEOUT_SECONDS_ENV_VAR,
                        false,
                        false,
                        setOrDirect(TIMEOUT_SECONDS_ENV_VAR, environment),
                        true,
                        environment),
                field(EMBODIMENT_TAG_ENV_VAR, false, false, embodimentTag != null, true, environment),
                field(MODEL_ENV_VAR, false, false, model != null, true, environment),
                field(
                        RETURN_ALL_ENV_VAR,
                        false,
                        false,
                        setOrDirect(RETURN_ALL_ENV_VAR, environment),
                        false,
                        environment),
                field(
                        ALLOW_LOCAL_BASE_URL_ENV_VAR,
                        false,
                        false,
                        setOrDirect(ALLOW_LOCAL_BASE_URL_ENV_VAR, environment),
                        true,
                        environment),
                field(
                        ALLOWED_HOSTS_ENV_VAR,
                        false,
                        false,
                        setOrDirect(ALLOWED_HOSTS_ENV_VAR, environment),
                        false,
                        environment));
        return new ProviderConfigSummary(providerName, configured(), fields);
    }

    private boolean setOrDirect(String name, Environment environment) {
        return directFields.contains(name) || environment.isSet(name);
    }

    private ConfigFieldSummary field(
            String name, boolean required, boolean secret, boolean present, boolean defaulted, Environment env) {
        boolean direct = directFields.contains(name);
        String source;
        if (env.isSet(name)) {
            source = "env:" + name;
        } else if (direct) {
            source = "direct";
        } else if (defaulted) {
            source = "default";
        } else {
            source = "unset";
        }
        return new ConfigFieldSummary(
                name,
                present,
                source,
                required,
                secret,
                !required || present,
                required && !present ? "missing" : "",
                List.of());
    }

    @Override
    public String toString() {
        return "CosmosPolicyConfig[baseUrl=" + baseUrl + ", apiToken=" + (apiToken == null ? "null" : "[redacted]")
                + ", timeoutSeconds=" + timeoutSeconds + ", embodimentTag=" + embodimentTag + ", model=" + model
                + ", expectedActionDim=" + expectedActionDim + ", returnAllQueryResults=" + returnAllQueryResults
                + ", allowLocalBaseUrl=" + allowLocalBaseUrl + ", allowedHosts=" + allowedHosts + "]";
    }

    /**
     * Direct configuration values. Each setter marks its variable as supplied directly; {@link
     * #build(Environment)} validates in the reference's order (base URL, token, timeout, embodiment
     * tag, model, return-all, local opt-in, allowed hosts, expected action dim).
     */
    public static final class Builder {
        private @Nullable String baseUrl;
        private @Nullable String apiToken;
        private @Nullable String timeoutSeconds;
        private @Nullable String embodimentTag;
        private @Nullable String model;
        private @Nullable Integer expectedActionDim = DEFAULT_ACTION_DIM;
        private @Nullable String returnAllQueryResults;
        private @Nullable String allowLocalBaseUrl;
        private @Nullable List<String> allowedHosts;
        private @Nullable String allowedHostsText;
        private final Set<String> direct = new LinkedHashSet<>();

        private Builder() {}

        /** The base URL (a blank value fails at build time). */
        public Builder baseUrl(String value) {
            baseUrl = value;
            direct.add(BASE_URL_ENV_VAR);
            return this;
        }

        /** The bearer token (a blank value fails at build time). */
        public Builder apiToken(String value) {
            apiToken = value;
            direct.add(API_TOKEN_ENV_VAR);
            return this;
        }

        /** The request timeout in seconds. */
        public Builder timeoutSeconds(double value) {
            return timeoutSeconds(Double.isNaN(value) ? "nan" : Double.toString(value));
        }

        /** The request timeout as text (Python {@code float()} syntax; blank means default). */
        public Builder timeoutSeconds(String value) {
            timeoutSeconds = value;
            direct.add(TIMEOUT_SECONDS_ENV_VAR);
            return this;
        }

        /** The embodiment tag (a blank value fails at build time). */
        public Builder embodimentTag(String value) {
            embodimentTag = value;
            direct.add(EMBODIMENT_TAG_ENV_VAR);
            return this;
        }

        /** The model name (a blank value fails at build time). */
        public Builder model(String value) {
            model = value;
            direct.add(MODEL_ENV_VAR);
            return this;
        }

        /** The expected action row width, or {@code null} to accept any width. */
        public Builder expectedActionDim(@Nullable Integer value) {
            expectedActionDim = value;
            return this;
        }

        /** The default {@code return_all_query_results}. */
        public Builder returnAllQueryResults(boolean value) {
            return returnAllQueryResults(Boolean.toString(value));
        }

        /** The default {@code return_all_query_results} as text ({@code 1/true/yes/on}, …). */
        public Builder returnAllQueryResults(String value) {
            returnAllQueryResults = value;
            direct.add(RETURN_ALL_ENV_VAR);
            return this;
        }

        /** Whether loopback/private base URLs are allowed. */
        public Builder allowLocalBaseUrl(boolean value) {
            return allowLocalBaseUrl(Boolean.toString(value));
        }

        /** Whether loopback/private base URLs are allowed, as text. */
        public Builder allowLocalBaseUrl(String value) {
            allowLocalBaseUrl = value;
            direct.add(ALLOW_LOCAL_BASE_URL_ENV_VAR);
            return this;
        }

        /** Host glob patterns; every item must be non-blank. */
        public Builder allowedHosts(List<String> patterns) {
            allowedHosts = new ArrayList<>(patterns);
            allowedHostsText = null;
            direct.add(ALLOWED_HOSTS_ENV_VAR);
            return this;
        }

        /** Host glob patterns as comma-separated text; blank items are dropped. */
        public Builder allowedHosts(String commaSeparated) {
            allowedHostsText = commaSeparated;
            allowedHosts = null;
            direct.add(ALLOWED_HOSTS_ENV_VAR);
            return this;
        }

        /** Resolves against {@code environment} and validates. */
        public CosmosPolicyConfig build(Environment environment) {
            String resolvedBaseUrl = nonEmpty(
                    direct.contains(BASE_URL_ENV_VAR) ? baseUrl : environment.value(BASE_URL_ENV_VAR),
                    "Cosmos-Policy base_url");
            String resolvedToken = nonEmpty(
                    direct.contains(API_TOKEN_ENV_VAR) ? apiToken : environment.value(API_TOKEN_ENV_VAR),
                    "Cosmos-Policy api_token");
            Double timeout = positiveFloat(
                    direct.contains(TIMEOUT_SECONDS_ENV_VAR)
                            ? timeoutSeconds
                            : environment.value(TIMEOUT_SECONDS_ENV_VAR),
                    "Cosmos-Policy timeout_seconds");
            String resolvedTag = nonEmpty(
                    direct.contains(EMBODIMENT_TAG_ENV_VAR)
                            ? embodimentTag
                            : orDefault(environment.value(EMBODIMENT_TAG_ENV_VAR), DEFAULT_EMBODIMENT_TAG),
                    "Cosmos-Policy embodiment_tag");
            String resolvedModel = nonEmpty(
                    direct.contains(MODEL_ENV_VAR) ? model : orDefault(environment.value(MODEL_ENV_VAR), DEFAULT_MODEL),
                    "Cosmos-Policy model");
            Boolean returnAll = optionalBool(
                    direct.contains(RETURN_ALL_ENV_VAR) ? returnAllQueryResults : environment.value(RETURN_ALL_ENV_VAR),
                    "Cosmos-Policy return_all_query_results");
            Boolean allowLocal = optionalBool(
                    direct.contains(ALLOW_LOCAL_BASE_URL_ENV_VAR)
                            ? allowLocalBaseUrl
                            : environment.value(ALLOW_LOCAL_BASE_URL_ENV_VAR),
                    "Cosmos-Policy allow_local_base_url");
            List<String> hosts;
            if (direct.contains(ALLOWED_HOSTS_ENV_VAR) && allowedHosts != null) {
                hosts = hostPatterns(allowedHosts, "Cosmos-Policy allowed_hosts");
            } else {
                hosts = hostPatterns(
                        direct.contains(ALLOWED_HOSTS_ENV_VAR)
                                ? allowedHostsText
                                : environment.value(ALLOWED_HOSTS_ENV_VAR));
            }
            if (expectedActionDim != null && expectedActionDim <= 0) {
                throw new WorldForgeException("Cosmos-Policy expected_action_dim must be an integer greater than 0.");
            }
            return new CosmosPolicyConfig(
                    resolvedBaseUrl,
                    resolvedToken,
                    timeout == null ? DEFAULT_TIMEOUT_SECONDS : timeout,
                    resolvedTag,
                    resolvedModel,
                    expectedActionDim,
                    returnAll,
                    allowLocal != null && allowLocal,
                    hosts,
                    direct);
        }

        private static String orDefault(@Nullable String value, String fallback) {
            return value == null ? fallback : value;
        }
    }

    // ------------------------------------------------------------------------------------------
    // The reference's optional-value parsers

    private static @Nullable String nonEmpty(@Nullable String value, String name) {
        if (value == null) {
            return null;
        }
        String stripped = PyStrings.strip(value);
        if (stripped.isEmpty()) {
            throw new WorldForgeException(name + " must be a non-empty string when provided.");
        }
        return stripped;
    }

    private static @Nullable Double positiveFloat(@Nullable String value, String name) {
        if (value == null) {
            return null;
        }
        String stripped = PyStrings.strip(value);
        if (stripped.isEmpty()) {
            return null;
        }
        if (!PY_FLOAT.matcher(stripped).matches()) {
            throw new WorldForgeException(name + " must be greater than 0.");
        }
        String lowered = stripped.toLowerCase(Locale.ROOT).replace("_", "");
        String unsigned = lowered.startsWith("+") || lowered.startsWith("-") ? lowered.substring(1) : lowered;
        double number;
        if (unsigned.equals("nan")) {
            number = Double.NaN;
        } else if (unsigned.equals("inf") || unsigned.equals("infinity")) {
            number = lowered.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        } else {
            number = Double.parseDouble(lowered);
        }
        if (!Double.isFinite(number)) {
            throw new WorldForgeException(name + " must be a finite number.");
        }
        if (number <= 0.0) {
            throw new WorldForgeException(name + " must be greater than 0.");
        }
        return number;
    }

    private static @Nullable Boolean optionalBool(@Nullable String value, String name) {
        if (value == null) {
            return null;
        }
        String lowered = PyStrings.strip(value).toLowerCase(Locale.ROOT);
        if (lowered.isEmpty()) {
            return null;
        }
        if (List.of("1", "true", "yes", "on").contains(lowered)) {
            return true;
        }
        if (List.of("0", "false", "no", "off").contains(lowered)) {
            return false;
        }
        throw new WorldForgeException(name + " must be a boolean when provided.");
    }

    private static @Nullable List<String> hostPatterns(@Nullable String value) {
        if (value == null) {
            return null;
        }
        List<String> patterns = new ArrayList<>();
        for (String item : value.split(",", -1)) {
            if (!PyStrings.strip(item).isEmpty()) {
                patterns.add(PyStrings.strip(item).toLowerCase(Locale.ROOT));
            }
        }
        return patterns.isEmpty() ? null : List.copyOf(patterns);
    }

    private static List<String> hostPatterns(List<String> value, String name) {
        List<String> patterns = new ArrayList<>();
        for (int index = 0; index < value.size(); index++) {
            String item = value.get(index);
            if (item == null || PyStrings.strip(item).isEmpty()) {
                throw new WorldForgeException(name + "[" + index + "] must be a non-empty hostname pattern.");
            }
            patterns.add(PyStrings.strip(item).toLowerCase(Locale.ROOT));
        }
        if (patterns.isEmpty()) {
            throw new WorldForgeException(name + " must contain at least one hostname pattern when provided.");
        }
        return List.copyOf(patterns);
    }
}
