package ai.worldforge.provider;

import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The provider configuration contract index (the reference's {@code
 * provider_configuration_index()}): for every catalog provider, what it requires, which optional
 * inputs, packages and prepared-host assets its runtime manifest declares, its default timeouts,
 * evidence level, first diagnostic command and smoke command. This is the manifest-backed view of
 * the catalog; {@link ProviderCatalog#docsIndex()} is the lighter {@code provider docs} index.
 * Immutable and thread-safe.
 *
 * @param rows one row per catalog provider, in catalog order
 */
public record ProviderConfigurationIndex(List<Row> rows) {

    private static final List<String> SECRET_ENV_MARKERS = List.of("api_key", "secret", "token", "password");

    /** Copies the rows. */
    public ProviderConfigurationIndex {
        rows = List.copyOf(rows);
    }

    /**
     * One provider's configuration contract.
     *
     * @param provider provider name
     * @param docsPath documentation page
     * @param implementationStatus maturity
     * @param capabilities capability surface as in {@link ProviderDocsEntry#capabilities()}
     * @param requiredEnvVars the profile's required variables
     * @param optionalEnvVars the manifest's optional variables (empty without a manifest)
     * @param optionalDependencies the manifest's optional packages
     * @param credentialGates required and optional variables that look like credentials
     * @param preparedHostAssets the manifest's host-owned artifacts
     * @param defaultTimeouts e.g. {@code health 10s x3; request 600s x1; poll 30s x3; download 600s
     *     x3}, or {@code none}
     * @param evidenceLevel {@code scaffold}, {@code fixture-tested}, {@code prepared-host} or
     *     {@code profile-only}
     * @param diagnosticCommand {@code bin/worldforge provider health <name>}
     * @param smokeCommand the manifest's minimum smoke command, or empty
     * @param runtimeOwnership who owns the runtime
     */
    public record Row(
            String provider,
            String docsPath,
            String implementationStatus,
            String capabilities,
            List<String> requiredEnvVars,
            List<String> optionalEnvVars,
            List<String> optionalDependencies,
            List<String> credentialGates,
            List<String> preparedHostAssets,
            String defaultTimeouts,
            String evidenceLevel,
            String diagnosticCommand,
            String smokeCommand,
            String runtimeOwnership) {
        /** Copies the lists. */
        public Row {
            Objects.requireNonNull(provider);
            requiredEnvVars = List.copyOf(requiredEnvVars);
            optionalEnvVars = List.copyOf(optionalEnvVars);
            optionalDependencies = List.copyOf(optionalDependencies);
            credentialGates = List.copyOf(credentialGates);
            preparedHostAssets = List.copyOf(preparedHostAssets);
        }

        /** The row as JSON, in the reference's key order. */
        public JsonObject toJson() {
            return JsonObject.builder()
                    .put("provider", provider)
                    .put("docs_path", docsPath)
                    .put("implementation_status", implementationStatus)
                    .put("capabilities", capabilities)
                    .put("required_env_vars", strings(requiredEnvVars))
                    .put("optional_env_vars", strings(optionalEnvVars))
                    .put("optional_dependencies", strings(optionalDependencies))
                    .put("credential_gates", strings(credentialGates))
                    .put("prepared_host_assets", strings(preparedHostAssets))
                    .put("default_timeouts", defaultTimeouts)
                    .put("evidence_level", evidenceLevel)
                    .put("diagnostic_command", diagnosticCommand)
                    .put("smoke_command", smokeCommand)
                    .put("runtime_ownership", runtimeOwnership)
                    .build();
        }
    }

    /** The index of the bundled catalog and runtime manifests. */
    public static ProviderConfigurationIndex bundled() {
        return of(ProviderCatalog.entries(), RuntimeManifest.loadAll());
    }

    /** The index of {@code entries}, joined with {@code manifests} by provider name. */
    public static ProviderConfigurationIndex of(List<CatalogEntry> entries, List<RuntimeManifest> manifests) {
        Map<String, RuntimeManifest> byProvider = manifests.stream()
                .collect(Collectors.toMap(RuntimeManifest::provider, Function.identity(), (a, b) -> b));
        List<Row> rows = new ArrayList<>();
        for (CatalogEntry entry : entries) {
            ProviderProfile profile = entry.profile();
            ProviderDocsEntry docs = entry.docsEntry();
            Optional<RuntimeManifest> manifest = Optional.ofNullable(byProvider.get(entry.name()));
            List<String> optionalEnvVars =
                    manifest.map(RuntimeManifest::optionalEnvVars).orElse(List.of());
            List<String> gates = new ArrayList<>();
            for (String variable : concat(profile.requiredEnvVars(), optionalEnvVars)) {
                if (looksSecretEnv(variable)) {
                    gates.add(variable);
                }
            }
            rows.add(new Row(
                    entry.name(),
                    docs.docsPath(),
                    profile.implementationStatus(),
                    docs.capabilities(),
                    profile.requiredEnvVars(),
                    optionalEnvVars,
                    manifest.map(RuntimeManifest::optionalDependencies).orElse(List.of()),
                    gates,
                    manifest.map(RuntimeManifest::hostOwnedArtifacts).orElse(List.of()),
                    timeouts(profile.requestPolicy().orElse(null)),
                    evidenceLevel(entry, profile, manifest.isPresent()),
                    "bin/worldforge provider health " + entry.name(),
                    manifest.map(RuntimeManifest::minimumSmokeCommand).orElse(""),
                    entry.runtimeOwnership()));
        }
        return new ProviderConfigurationIndex(rows);
    }

    /** The rows as a JSON array. */
    public JsonArray toJson() {
        List<JsonValue> out = new ArrayList<>();
        rows.forEach(row -> out.add(row.toJson()));
        return JsonArray.copyOf(out);
    }

    /**
     * The reference's configuration index markdown: a table of evidence levels, inputs, packages,
     * assets, timeouts and first diagnostics, then {@code ## Prepared-Host Smoke Commands}.
     */
    public String toMarkdown() {
        List<String> lines = new ArrayList<>();
        lines.add("| Provider | Evidence level | Required inputs | Optional inputs | Optional packages | "
                + "Prepared-host assets | Default timeouts | First diagnostic |");
        lines.add("| --- | --- | --- | --- | --- | --- | --- | --- |");
        for (Row row : rows) {
            // Links relative to a page in docs/, where the index is meant to be pasted.
            String docsPath =
                    row.docsPath().startsWith("docs/") ? row.docsPath().substring("docs/".length()) : row.docsPath();
            lines.add("| [`" + row.provider() + "`](" + docsPath + ") | " + code(row.evidenceLevel()) + " | "
                    + joined(row.requiredEnvVars(), " or ", true) + " | " + joined(row.optionalEnvVars(), ", ", true)
                    + " | " + textList(row.optionalDependencies()) + " | " + textList(row.preparedHostAssets()) + " | "
                    + row.defaultTimeouts() + " | " + code(row.diagnosticCommand()) + " |");
        }
        lines.add("");
        lines.add("## Prepared-Host Smoke Commands");
        lines.add("");
        lines.add("| Provider | Smoke command | Credential gate | Runtime ownership |");
        lines.add("| --- | --- | --- | --- |");
        for (Row row : rows) {
            String smoke = row.smokeCommand().isEmpty() ? "not smoke-testable from WorldForge" : row.smokeCommand();
            lines.add("| " + code(row.provider()) + " | " + code(smoke) + " | "
                    + joined(row.credentialGates(), ", ", true) + " | " + row.runtimeOwnership() + " |");
        }
        return String.join("\n", lines);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static boolean looksSecretEnv(String name) {
        String lowered = name.toLowerCase(Locale.ROOT);
        return SECRET_ENV_MARKERS.stream().anyMatch(lowered::contains);
    }

    private static String evidenceLevel(CatalogEntry entry, ProviderProfile profile, boolean hasManifest) {
        if (profile.implementationStatus().equals("scaffold")) {
            return "scaffold";
        }
        if (entry.alwaysRegister() && profile.deterministic()) {
            return "fixture-tested";
        }
        return hasManifest ? "prepared-host" : "profile-only";
    }

    private static String timeouts(@org.jspecify.annotations.Nullable ProviderRequestPolicy policy) {
        if (policy == null) {
            return "none";
        }
        return "health " + formatG(policy.health().timeoutSeconds()) + "s x"
                + policy.health().retry().maxAttempts() + "; request "
                + formatG(policy.request().timeoutSeconds()) + "s x"
                + policy.request().retry().maxAttempts()
                + "; poll " + formatG(policy.polling().timeoutSeconds()) + "s x"
                + policy.polling().retry().maxAttempts() + "; download "
                + formatG(policy.download().timeoutSeconds()) + "s x"
                + policy.download().retry().maxAttempts();
    }

    /** Python's {@code format(value, "g")}: six significant digits, trailing zeros dropped. */
    static String formatG(double value) {
        if (value == 0.0) {
            return "0";
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(6, RoundingMode.HALF_EVEN));
        int exponent = rounded.precision() - rounded.scale() - 1;
        if (exponent < -4 || exponent >= 6) {
            BigDecimal mantissa = rounded.movePointLeft(exponent).stripTrailingZeros();
            String sign = exponent < 0 ? "-" : "+";
            int magnitude = Math.abs(exponent);
            return mantissa.toPlainString() + "e" + sign + (magnitude < 10 ? "0" : "") + magnitude;
        }
        return rounded.stripTrailingZeros().toPlainString();
    }

    private static String code(String value) {
        return "`" + value.replace("|", "\\|") + "`";
    }

    private static String joined(List<String> values, String separator, boolean asCode) {
        if (values.isEmpty()) {
            return "none";
        }
        return values.stream().map(v -> asCode ? code(v) : v).collect(Collectors.joining(separator));
    }

    private static String textList(List<String> values) {
        if (values.isEmpty()) {
            return "none";
        }
        return values.stream().map(v -> v.replace("|", "\\|")).collect(Collectors.joining("<br>"));
    }

    private static JsonArray strings(List<String> values) {
        List<JsonValue> out = new ArrayList<>(values.size());
        values.forEach(v -> out.add(JsonString.of(v)));
        return JsonArray.copyOf(out);
    }
}
