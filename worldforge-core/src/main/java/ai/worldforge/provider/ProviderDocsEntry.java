package ai.worldforge.provider;

import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import java.util.Objects;

/**
 * One row of the provider documentation index ({@code provider docs}). Immutable and thread-safe.
 *
 * @param name provider name
 * @param docsPath this project's documentation page, relative to the repository root
 * @param implementationStatus maturity ({@code scaffold, experimental, beta, stable})
 * @param capabilities capability surface, comma-separated in documentation order ({@code
 *     generate, transfer}), or {@code scaffold}, {@code none}, or {@code none (policy requires host
 *     action_translator)}
 * @param registration how it registers: {@code always registered}, its variables joined by {@code
 *     " or "}, or {@code direct construction}
 * @param runtimeOwnership who owns the provider's runtime
 */
public record ProviderDocsEntry(
        String name,
        String docsPath,
        String implementationStatus,
        String capabilities,
        String registration,
        String runtimeOwnership) {
    /** Validates presence. */
    public ProviderDocsEntry {
        Objects.requireNonNull(name);
        Objects.requireNonNull(docsPath);
        Objects.requireNonNull(implementationStatus);
        Objects.requireNonNull(capabilities);
        Objects.requireNonNull(registration);
        Objects.requireNonNull(runtimeOwnership);
    }

    /**
     * {@code {name, docs_path, implementation_status, capabilities, registration,
     * runtime_ownership}} in that order.
     */
    public JsonObject toJson() {
        return JsonObject.builder()
                .put("name", JsonString.of(name))
                .put("docs_path", JsonString.of(docsPath))
                .put("implementation_status", JsonString.of(implementationStatus))
                .put("capabilities", JsonString.of(capabilities))
                .put("registration", JsonString.of(registration))
                .put("runtime_ownership", JsonString.of(runtimeOwnership))
                .build();
    }
}
