package ai.worldforge.cli;

import ai.worldforge.ProviderDoctorStatus;
import ai.worldforge.WorldForge;
import ai.worldforge.error.ProviderException;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonBool;
import ai.worldforge.json.JsonNull;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonValue;
import ai.worldforge.provider.BaseProvider;
import ai.worldforge.provider.CatalogEntry;
import ai.worldforge.provider.ProviderCatalog;
import ai.worldforge.provider.ProviderConfigSummary;
import ai.worldforge.provider.ProviderDocsEntry;
import ai.worldforge.provider.RuntimeManifest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code provider info} and {@code provider docs}, with the reference's options, keys and Markdown. */
final class ProviderInfoCommands {
    private ProviderInfoCommands() {}

    /** Output formats of {@code provider docs}. */
    enum Format {
        markdown,
        json
    }

    /**
     * {@code provider info NAME}: {@code registered, profile, health, lifecycle, config_summary}
     * (plus {@code info} when registered). Profile, health and lifecycle are the doctor's objects
     * for the provider; the configuration summary reports variable names and sources, never values.
     * Unknown names and invalid configuration values are handled errors (exit 2).
     */
    @Command(name = "info", header = "Show provider details.", mixinStandardHelpOptions = true)
    static final class Info implements Callable<Integer> {
        private final CliContext context;

        @Parameters(index = "0", paramLabel = "name", description = "Provider name.")
        String name = "";

        @Option(names = "--state-dir", paramLabel = "STATE_DIR", description = "World state directory.")
        String stateDir = ".worldforge/worlds";

        Info(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            WorldForge forge = context.forge(stateDir);
            // The reference constructs every catalog provider first, which fails on invalid values.
            ProviderCatalog.validateConfiguration(forge.environment());
            String clean = forge.providerProfile(name).name();
            ProviderDoctorStatus status = doctorStatus(forge, clean);
            boolean registered = forge.providers().contains(name);
            JsonObject.Builder payload = JsonObject.builder()
                    .put("registered", JsonBool.of(registered))
                    .put("profile", status.profile().toJson())
                    .put("health", status.health().toJson())
                    .put("lifecycle", status.lifecycle().toJson())
                    .put("config_summary", configSummary(forge, clean).toJson());
            if (registered) {
                payload.put("info", forge.providerInfo(name).toJson());
            }
            context.printJson(payload.build());
            return 0;
        }

        private static ProviderDoctorStatus doctorStatus(WorldForge forge, String name) {
            for (ProviderDoctorStatus status : forge.doctor(null, false).providers()) {
                if (status.name().equals(name)) {
                    return status;
                }
            }
            throw new ProviderException("Provider '" + name + "' is unknown.");
        }

        private static ProviderConfigSummary configSummary(WorldForge forge, String name) {
            Optional<CatalogEntry> entry = ProviderCatalog.find(name);
            if (entry.isPresent()) {
                return entry.get().configSummary(forge.environment());
            }
            BaseProvider provider = forge.provider(name)
                    .orElseThrow(() -> new ProviderException("Provider '" + name + "' is unknown."));
            return ProviderConfigSummary.fromProfile(provider.profile(), provider.configured(), forge.environment());
        }
    }

    /**
     * {@code provider docs [NAME]}: the provider documentation index. An unknown name prints only
     * {@code Unknown provider: <name>} on stderr and exits 2 (not the public error format). With a
     * name, JSON is still a (one-element) list, as in the reference.
     */
    @Command(name = "docs", header = "List provider documentation paths.", mixinStandardHelpOptions = true)
    static final class Docs implements Callable<Integer> {
        private final CliContext context;

        @Parameters(index = "0", arity = "0..1", paramLabel = "name", description = "Optional provider name.")
        @Nullable
        String name;

        @Option(names = "--format", paramLabel = "FORMAT", description = "Output format for provider docs metadata.")
        Format format = Format.markdown;

        @Option(
                names = "--runtime-manifests",
                description = "Also show each provider's runtime manifest (environment, model, smoke command).")
        boolean runtimeManifests;

        Docs(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            List<ProviderDocsEntry> entries = new ArrayList<>();
            for (ProviderDocsEntry entry : ProviderCatalog.docsIndex()) {
                if (name == null || entry.name().equals(name)) {
                    entries.add(entry);
                }
            }
            if (entries.isEmpty()) {
                context.err.println("Unknown provider: " + name);
                context.err.flush();
                return 2;
            }
            if (format == Format.json) {
                List<JsonValue> rows = new ArrayList<>();
                for (ProviderDocsEntry entry : entries) {
                    JsonObject row = entry.toJson();
                    if (runtimeManifests) {
                        row = row.with(
                                "runtime_manifest",
                                RuntimeManifest.find(entry.name())
                                        .<JsonValue>map(RuntimeManifest::toJson)
                                        .orElse(JsonNull.INSTANCE));
                    }
                    rows.add(row);
                }
                context.printJson(JsonArray.copyOf(rows));
            } else {
                context.println(runtimeManifests ? markdown(entries) + manifestsMarkdown(entries) : markdown(entries));
            }
            return 0;
        }

        /**
         * {@code ## Runtime Manifests}: one row per listed provider that ships a manifest (the
         * bundled manifests are validated when loaded, so a broken one fails loudly here).
         */
        static String manifestsMarkdown(List<ProviderDocsEntry> entries) {
            StringBuilder out = new StringBuilder("\n\n## Runtime Manifests\n\n");
            out.append("| Provider | Required env | Optional env | Default model | Devices | Minimum smoke | Expected"
                    + " signal |\n");
            out.append("| --- | --- | --- | --- | --- | --- | --- |");
            int rows = 0;
            for (ProviderDocsEntry entry : entries) {
                var manifest = RuntimeManifest.find(entry.name());
                if (manifest.isEmpty()) {
                    continue;
                }
                RuntimeManifest m = manifest.get();
                rows++;
                out.append("\n| `")
                        .append(m.provider())
                        .append("` | ")
                        .append(String.join(" or ", m.requiredEnvVars()))
                        .append(" | ")
                        .append(m.optionalEnvVars().isEmpty() ? "-" : String.join(", ", m.optionalEnvVars()))
                        .append(" | `")
                        .append(m.defaultModel())
                        .append("` | ")
                        .append(String.join(", ", m.deviceSupport()))
                        .append(" | `")
                        .append(m.minimumSmokeCommand())
                        .append("` | ")
                        .append(m.expectedSuccessSignal())
                        .append(" |");
            }
            if (rows == 0) {
                out.append("\n| - | - | - | - | - | - | - |");
            }
            return out.toString();
        }

        /** {@code # WorldForge Provider Docs} and one table row per provider. */
        static String markdown(List<ProviderDocsEntry> entries) {
            StringBuilder out = new StringBuilder("# WorldForge Provider Docs\n\n");
            out.append("| Provider | Capability surface | Registration | Docs |\n");
            out.append("| --- | --- | --- | --- |");
            for (ProviderDocsEntry entry : entries) {
                out.append("\n| `")
                        .append(entry.name())
                        .append("` | ")
                        .append(entry.capabilities())
                        .append(" | ")
                        .append(entry.registration())
                        .append(" | `")
                        .append(entry.docsPath())
                        .append("` |");
            }
            return out.toString();
        }
    }
}
