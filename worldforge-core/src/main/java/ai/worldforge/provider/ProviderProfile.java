package ai.worldforge.provider;

import ai.worldforge.error.WorldForgeException;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonBool;
import ai.worldforge.json.JsonNull;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Everything WorldForge knows about a provider without calling it: capabilities, locality,
 * maturity, credentials, modalities, models and request policy. Immutable and thread-safe; build
 * with {@link #builder(String)}.
 */
public final class ProviderProfile {
    private final String name;
    private final ProviderCapabilities capabilities;
    private final boolean local;
    private final String description;
    private final String packageName;
    private final String implementationStatus;
    private final boolean deterministic;
    private final boolean requiresCredentials;
    private final @Nullable String credentialEnvVar;
    private final List<String> requiredEnvVars;
    private final List<String> supportedModalities;
    private final List<String> artifactTypes;
    private final List<String> notes;
    private final List<String> supportedModels;
    private final @Nullable String defaultModel;
    private final @Nullable ProviderRequestPolicy requestPolicy;

    private ProviderProfile(Builder b) {
        this.name = b.name;
        this.capabilities = b.capabilities;
        this.local = b.local;
        this.description = b.description;
        this.packageName = b.packageName;
        this.implementationStatus = b.implementationStatus;
        this.deterministic = b.deterministic;
        this.requiresCredentials = b.requiresCredentials;
        this.credentialEnvVar = b.credentialEnvVar;
        this.requiredEnvVars = List.copyOf(b.requiredEnvVars);
        this.supportedModalities = List.copyOf(b.supportedModalities);
        this.artifactTypes = List.copyOf(b.artifactTypes);
        this.notes = List.copyOf(b.notes);
        this.supportedModels = List.copyOf(b.supportedModels);
        this.defaultModel = b.defaultModel;
        this.requestPolicy = b.requestPolicy;
    }

    /** A builder for a profile named {@code name} with the reference's defaults. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** A builder pre-filled with this profile. */
    public Builder toBuilder() {
        Builder b = new Builder(name);
        b.capabilities = capabilities;
        b.local = local;
        b.description = description;
        b.packageName = packageName;
        b.implementationStatus = implementationStatus;
        b.deterministic = deterministic;
        b.requiresCredentials = requiresCredentials;
        b.credentialEnvVar = credentialEnvVar;
        b.requiredEnvVars = new ArrayList<>(requiredEnvVars);
        b.supportedModalities = new ArrayList<>(supportedModalities);
        b.artifactTypes = new ArrayList<>(artifactTypes);
        b.notes = new ArrayList<>(notes);
        b.supportedModels = new ArrayList<>(supportedModels);
        b.defaultModel = defaultModel;
        b.requestPolicy = requestPolicy;
        return b;
    }

    /** Provider name. */
    public String name() {
        return name;
    }

    /** Advertised capabilities. */
    public ProviderCapabilities capabilities() {
        return capabilities;
    }

    /** Whether the provider runs in-process or on the host. */
    public boolean isLocal() {
        return local;
    }

    /** Human description. */
    public String description() {
        return description;
    }

    /** Distribution that ships the adapter ({@code worldforge} by default). */
    public String packageName() {
        return packageName;
    }

    /** Maturity: {@code scaffold}, {@code experimental}, {@code beta} or {@code stable}. */
    public String implementationStatus() {
        return implementationStatus;
    }

    /** Whether outputs are deterministic for equal inputs. */
    public boolean deterministic() {
        return deterministic;
    }

    /** Whether credentials are needed. */
    public boolean requiresCredentials() {
        return requiresCredentials;
    }

    /** The main credential variable, when any. */
    public Optional<String> credentialEnvVar() {
        return Optional.ofNullable(credentialEnvVar);
    }

    /** Environment variables the provider needs. */
    public List<String> requiredEnvVars() {
        return requiredEnvVars;
    }

    /** Input/output modalities. */
    public List<String> supportedModalities() {
        return supportedModalities;
    }

    /** Artifact kinds it produces. */
    public List<String> artifactTypes() {
        return artifactTypes;
    }

    /** Operator notes. */
    public List<String> notes() {
        return notes;
    }

    /** Supported models. */
    public List<String> supportedModels() {
        return supportedModels;
    }

    /** Default model, when any. */
    public Optional<String> defaultModel() {
        return Optional.ofNullable(defaultModel);
    }

    /** HTTP request policy, when the provider is remote. */
    public Optional<ProviderRequestPolicy> requestPolicy() {
        return Optional.ofNullable(requestPolicy);
    }

    /** Every field plus {@code supported_tasks} (the enabled capability names). */
    public JsonObject toJson() {
        return JsonObject.builder()
                .put("name", JsonString.of(name))
                .put("capabilities", capabilities.toJson())
                .put("is_local", JsonBool.of(local))
                .put("description", JsonString.of(description))
                .put("package", JsonString.of(packageName))
                .put("implementation_status", JsonString.of(implementationStatus))
                .put("deterministic", JsonBool.of(deterministic))
                .put("requires_credentials", JsonBool.of(requiresCredentials))
                .put("credential_env_var", text(credentialEnvVar))
                .put("required_env_vars", strings(requiredEnvVars))
                .put("supported_modalities", strings(supportedModalities))
                .put("artifact_types", strings(artifactTypes))
                .put("notes", strings(notes))
                .put("supported_models", strings(supportedModels))
                .put("default_model", text(defaultModel))
                .put("request_policy", requestPolicy == null ? JsonNull.INSTANCE : requestPolicy.toJson())
                .put("supported_tasks", strings(capabilities.enabledNames()))
                .build();
    }

    /** Decodes {@link #toJson()} output ({@code supported_tasks} is ignored). */
    public static ProviderProfile fromJson(JsonValue payload) {
        if (!(payload instanceof JsonObject p)) {
            throw new WorldForgeException("ProviderProfile payload must be a JSON object.");
        }
        Builder b = builder(textOf(p.get("name"), "name"));
        b.capabilities(ProviderCapabilities.fromJson(Objects.requireNonNull(p.get("capabilities"), "capabilities")));
        b.local(p.get("is_local") == JsonBool.TRUE);
        b.description(optionalText(p.get("description"), ""));
        b.packageName(optionalText(p.get("package"), "worldforge"));
        b.implementationStatus(optionalText(p.get("implementation_status"), "experimental"));
        b.deterministic(p.get("deterministic") == JsonBool.TRUE);
        b.requiresCredentials(p.get("requires_credentials") == JsonBool.TRUE);
        JsonValue credential = p.get("credential_env_var");
        b.credentialEnvVar(credential instanceof JsonString s ? s.value() : null);
        b.requiredEnvVars(list(p.get("required_env_vars")));
        b.supportedModalities(list(p.get("supported_modalities")));
        b.artifactTypes(list(p.get("artifact_types")));
        b.notes(list(p.get("notes")));
        b.supportedModels(list(p.get("supported_models")));
        JsonValue model = p.get("default_model");
        b.defaultModel(model instanceof JsonString s ? s.value() : null);
        JsonValue policy = p.get("request_policy");
        b.requestPolicy(policy instanceof JsonObject o ? ProviderRequestPolicy.fromJson(o) : null);
        return b.build();
    }

    private static String textOf(@Nullable JsonValue value, String field) {
        if (!(value instanceof JsonString s)) {
            throw new WorldForgeException("ProviderProfile " + field + " must be a string.");
        }
        return s.value();
    }

    private static String optionalText(@Nullable JsonValue value, String fallback) {
        return value instanceof JsonString s ? s.value() : fallback;
    }

    private static List<String> list(@Nullable JsonValue value) {
        List<String> out = new ArrayList<>();
        if (value instanceof JsonArray array) {
            for (JsonValue item : array) {
                if (item instanceof JsonString s) {
                    out.add(s.value());
                }
            }
        }
        return out;
    }

    private static JsonValue text(@Nullable String value) {
        return value == null ? JsonNull.INSTANCE : JsonString.of(value);
    }

    private static JsonArray strings(List<String> values) {
        List<JsonValue> out = new ArrayList<>(values.size());
        values.forEach(v -> out.add(JsonString.of(v)));
        return JsonArray.copyOf(out);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ProviderProfile p && toJson().equals(p.toJson());
    }

    @Override
    public int hashCode() {
        return toJson().hashCode();
    }

    @Override
    public String toString() {
        return "ProviderProfile[" + name + ", " + capabilities.enabledNames() + "]";
    }

    /** Builder for {@link ProviderProfile}; not thread-safe. */
    public static final class Builder {
        private final String name;
        private ProviderCapabilities capabilities = ProviderCapabilities.none();
        private boolean local;
        private String description = "";
        private String packageName = "worldforge";
        private String implementationStatus = "experimental";
        private boolean deterministic;
        private boolean requiresCredentials;
        private @Nullable String credentialEnvVar;
        private List<String> requiredEnvVars = new ArrayList<>();
        private List<String> supportedModalities = new ArrayList<>();
        private List<String> artifactTypes = new ArrayList<>();
        private List<String> notes = new ArrayList<>();
        private List<String> supportedModels = new ArrayList<>();
        private @Nullable String defaultModel;
        private @Nullable ProviderRequestPolicy requestPolicy;

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        /** Capabilities. */
        public Builder capabilities(ProviderCapabilities value) {
            capabilities = Objects.requireNonNull(value);
            return this;
        }

        /** Locality. */
        public Builder local(boolean value) {
            local = value;
            return this;
        }

        /** Description. */
        public Builder description(String value) {
            description = Objects.requireNonNull(value);
            return this;
        }

        /** Package name. */
        public Builder packageName(String value) {
            packageName = Objects.requireNonNull(value);
            return this;
        }

        /** Maturity. */
        public Builder implementationStatus(String value) {
            implementationStatus = Objects.requireNonNull(value);
            return this;
        }

        /** Determinism. */
        public Builder deterministic(boolean value) {
            deterministic = value;
            return this;
        }

        /** Credential requirement. */
        public Builder requiresCredentials(boolean value) {
            requiresCredentials = value;
            return this;
        }

        /** Main credential variable. */
        public Builder credentialEnvVar(@Nullable String value) {
            credentialEnvVar = value;
            return this;
        }

        /** Required environment variables. */
        public Builder requiredEnvVars(List<String> value) {
            requiredEnvVars = new ArrayList<>(value);
            return this;
        }

        /** Modalities. */
        public Builder supportedModalities(List<String> value) {
            supportedModalities = new ArrayList<>(value);
            return this;
        }

        /** Artifact types. */
        public Builder artifactTypes(List<String> value) {
            artifactTypes = new ArrayList<>(value);
            return this;
        }

        /** Notes. */
        public Builder notes(List<String> value) {
            notes = new ArrayList<>(value);
            return this;
        }

        /** Supported models. */
        public Builder supportedModels(List<String> value) {
            supportedModels = new ArrayList<>(value);
            return this;
        }

        /** Default model. */
        public Builder defaultModel(@Nullable String value) {
            defaultModel = value;
            return this;
        }

        /** Request policy. */
        public Builder requestPolicy(@Nullable ProviderRequestPolicy value) {
            requestPolicy = value;
            return this;
        }

        /** Builds the profile. */
        public ProviderProfile build() {
            return new ProviderProfile(this);
        }
    }
}
