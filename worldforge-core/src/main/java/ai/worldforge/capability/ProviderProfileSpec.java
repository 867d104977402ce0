package ai.worldforge.capability;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Descriptive metadata of a capability implementation (the reference's {@code
 * ProviderProfileSpec}); every field is optional and defaults to the reference's value. The forge
 * turns it into a {@link ai.worldforge.provider.ProviderProfile} whose only capability is the
 * implementation's. Immutable and thread-safe; build with {@link #builder()}.
 *
 * @param description human description ({@code ""})
 * @param packageName distribution that ships the implementation ({@code worldforge})
 * @param implementationStatus maturity: {@code scaffold}, {@code experimental} (default), {@code
 *     beta} or {@code stable}
 * @param deterministic whether equal inputs give equal outputs (false)
 * @param isLocal whether it runs in-process or on the host (false)
 * @param supportedModalities input/output modalities (empty)
 * @param artifactTypes artifact kinds it produces (empty)
 * @param notes operator notes (empty)
 * @param defaultModel default model, or {@code null} (see {@link #defaultModelName()})
 * @param supportedModels supported models (empty)
 * @param requiredEnvVars variables that must be set for the implementation to be configured
 *     (empty); the first is reported as the credential variable
 * @param requiresCredentials whether credentials are needed, or {@code null} to derive it from
 *     {@code requiredEnvVars} being non-empty (see {@link #credentialsRequired()})
 */
public record ProviderProfileSpec(
        String description,
        String packageName,
        String implementationStatus,
        boolean deterministic,
        boolean isLocal,
        List<String> supportedModalities,
        List<String> artifactTypes,
        List<String> notes,
        @Nullable String defaultModel,
        List<String> supportedModels,
        List<String> requiredEnvVars,
        @Nullable Boolean requiresCredentials) {

    /** The reference's defaults. */
    public static final ProviderProfileSpec DEFAULTS = builder().build();

    /** Validates presence and copies the lists. */
    public ProviderProfileSpec {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(packageName, "packageName");
        Objects.requireNonNull(implementationStatus, "implementationStatus");
        supportedModalities = List.copyOf(supportedModalities);
        artifactTypes = List.copyOf(artifactTypes);
        notes = List.copyOf(notes);
        supportedModels = List.copyOf(supportedModels);
        requiredEnvVars = List.copyOf(requiredEnvVars);
    }

    /** A builder with the reference's defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder pre-filled with this spec. */
    public Builder toBuilder() {
        return new Builder()
                .description(description)
                .packageName(packageName)
                .implementationStatus(implementationStatus)
                .deterministic(deterministic)
                .local(isLocal)
                .supportedModalities(supportedModalities)
                .artifactTypes(artifactTypes)
                .notes(notes)
                .defaultModel(defaultModel)
                .supportedModels(supportedModels)
                .requiredEnvVars(requiredEnvVars)
                .requiresCredentials(requiresCredentials);
    }

    /** The default model, when set. */
    public Optional<String> defaultModelName() {
        return Optional.ofNullable(defaultModel);
    }

    /** Whether credentials are needed: the explicit flag, else whether any variable is required. */
    public boolean credentialsRequired() {
        return requiresCredentials != null ? requiresCredentials : !requiredEnvVars.isEmpty();
    }

    /** Builder for {@link ProviderProfileSpec}; not thread-safe. */
    public static final class Builder {
        private String description = "";
        private String packageName = "worldforge";
        private String implementationStatus = "experimental";
        private boolean deterministic;
        private boolean local;
        private List<String> supportedModalities = new ArrayList<>();
        private List<String> artifactTypes = new ArrayList<>();
        private List<String> notes = new ArrayList<>();
        private @Nullable String defaultModel;
        private List<String> supportedModels = new ArrayList<>();
        private List<String> requiredEnvVars = new ArrayList<>();
        private @Nullable Boolean requiresCredentials;

        private Builder() {}

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

        /** Locality. */
        public Builder local(boolean value) {
            local = value;
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

        /** Default model, or {@code null} for none. */
        public Builder defaultModel(@Nullable String value) {
            defaultModel = value;
            return this;
        }

        /** Supported models. */
        public Builder supportedModels(List<String> value) {
            supportedModels = new ArrayList<>(value);
            return this;
        }

        /** Required environment variables. */
        public Builder requiredEnvVars(List<String> value) {
            requiredEnvVars = new ArrayList<>(value);
            return this;
        }

        /** Credential requirement, or {@code null} to derive it from the required variables. */
        public Builder requiresCredentials(@Nullable Boolean value) {
            requiresCredentials = value;
            return this;
        }

        /** Builds the spec. */
        public ProviderProfileSpec build() {
            return new ProviderProfileSpec(
                    description,
                    packageName,
                    implementationStatus,
                    deterministic,
                    local,
                    supportedModalities,
                    artifactTypes,
                    notes,
                    defaultModel,
                    supportedModels,
                    requiredEnvVars,
                    requiresCredentials);
        }
    }
}
