package ai.worldforge.provider;

import ai.worldforge.error.WorldForgeException;
import ai.worldforge.json.Json;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonBool;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
import ai.worldforge.provider.cosmos.CosmosProvider;
import ai.worldforge.provider.mock.MockProvider;
import ai.worldforge.provider.runway.RunwayProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The providers the reference ships, in its catalog order (mock, cosmos, cosmos-policy, runway,
 * leworldmodel, gr00t, lerobot, jepa, genie), with their default profiles and auto-registration
 * variables. Loaded once from a bundled resource. Thread-safe.
 */
public final class ProviderCatalog {
    private static final String RESOURCE = "catalog.json";
    /** Providers with a working adapter in this build. */
    private static final Set<String> ADAPTERS = Set.of(MockProvider.NAME, CosmosProvider.NAME, RunwayProvider.NAME);

    private static volatile @org.jspecify.annotations.Nullable List<CatalogEntry> entries;

    private ProviderCatalog() {}

    /** Every catalog entry in order. */
    public static List<CatalogEntry> entries() {
        List<CatalogEntry> loaded = entries;
        if (loaded == null) {
            synchronized (ProviderCatalog.class) {
                loaded = entries;
                if (loaded == null) {
                    loaded = load();
                    entries = loaded;
                }
            }
        }
        return loaded;
    }

    /** Catalog provider names in order. */
    public static List<String> names() {
        List<String> names = new ArrayList<>();
        entries().forEach(e -> names.add(e.name()));
        return names;
    }

    /** The entry named {@code name}. */
    public static Optional<CatalogEntry> find(String name) {
        for (CatalogEntry entry : entries()) {
            if (entry.name().equals(name)) {
                return Optional.of(entry);
            }
        }
        return Optional.empty();
    }

    /**
     * The provider documentation index in catalog order ({@code provider docs}): one row per
     * provider with its docs path, maturity, capability surface, registration and runtime owner.
     */
    public static List<ProviderDocsEntry> docsIndex() {
        List<ProviderDocsEntry> out = new ArrayList<>();
        entries().forEach(e -> out.add(e.docsEntry()));
        return List.copyOf(out);
    }

    /**
     * Validates every catalog provider's configuration variables in catalog order, throwing {@link
     * WorldForgeException} with the reference's message for the first invalid value (for example
     * {@code Cosmos-Policy timeout_seconds must be greater than 0.}). The reference reports the
     * same error when it constructs its catalog providers.
     */
    public static void validateConfiguration(Environment environment) {
        for (CatalogEntry entry : entries()) {
            entry.validateConfiguration(environment);
        }
    }

    private static List<CatalogEntry> load() {
        JsonValue root;
        try (InputStream in = ProviderCatalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Bundled provider catalog " + RESOURCE + " is missing.");
            }
            root = Json.parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to read the bundled provider catalog", e);
        }
        if (!(root instanceof JsonObject object) || !(object.get("providers") instanceof JsonArray providers)) {
            throw new WorldForgeException("Bundled provider catalog must hold a 'providers' array.");
        }
        List<CatalogEntry> out = new ArrayList<>();
        for (JsonValue value : providers) {
            JsonObject provider = (JsonObject) value;
            String name = text(provider.get("name"), "");
            ProviderProfile profile = name.equals(MockProvider.NAME)
                    ? MockProvider.profileFor(MockProvider.NAME)
                    : ProviderProfile.fromJson(provider.get("profile"));
            List<String> registerVars = new ArrayList<>();
            if (provider.get("register_env_vars") instanceof JsonArray vars) {
                vars.forEach(v -> registerVars.add(((JsonString) v).value()));
            }
            String unconfigured = text(provider.get("unconfigured_health_details"), "");
            Map<String, String> unconfiguredWhenSet = new LinkedHashMap<>();
            if (provider.get("unconfigured_health_details_when_set") instanceof JsonObject notes) {
                notes.members().forEach((variable, note) -> unconfiguredWhenSet.put(variable, text(note, "")));
            }
            List<ProviderConfigField> configFields = new ArrayList<>();
            if (provider.get("config_fields") instanceof JsonArray fields) {
                fields.forEach(f -> configFields.add(ProviderConfigField.fromJson(f)));
            }
            out.add(new CatalogEntry(
                    name,
                    provider.get("always_register") == JsonBool.TRUE,
                    text(provider.get("docs_path"), "README.md"),
                    text(provider.get("runtime_ownership"), ""),
                    registerVars,
                    unconfigured,
                    unconfiguredWhenSet,
                    text(provider.get("preflight_skip_reason"), unconfigured),
                    profile,
                    ADAPTERS.contains(name),
                    configFields));
        }
        return List.copyOf(out);
    }

    private static String text(@org.jspecify.annotations.Nullable JsonValue value, String fallback) {
        return value instanceof JsonString s ? s.value() : fallback;
    }
}
