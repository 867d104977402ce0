package ai.worldforge.negotiation;

import ai.worldforge.error.WorldForgeException;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
import ai.worldforge.provider.Capability;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The capability surface a named workflow needs. Immutable and thread-safe.
 *
 * @param name workflow name (non-blank)
 * @param title human title
 * @param description what the workflow does
 * @param requiredCapabilities capability names, at least one, each a known capability, in the
 *     order they are negotiated
 * @param notes free-form notes (empty when none)
 */
public record WorkflowSpec(
        String name, String title, String description, List<String> requiredCapabilities, String notes) {
    /**
     * Validates with the reference's messages.
     *
     * @throws WorldForgeException for a blank name, no capabilities or unknown capabilities
     */
    public WorkflowSpec {
        if (name == null || name.isBlank()) {
            throw new WorldForgeException("WorkflowSpec name must be a non-empty string.");
        }
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(notes, "notes");
        if (requiredCapabilities == null || requiredCapabilities.isEmpty()) {
            throw new WorldForgeException("WorkflowSpec '" + name + "' must declare at least one required capability.");
        }
        List<String> unknown = new ArrayList<>();
        for (@Nullable String capability : requiredCapabilities) {
            if (capability == null || !Capability.NAMES.contains(capability)) {
                unknown.add(String.valueOf(capability));
            }
        }
        if (!unknown.isEmpty()) {
            throw new WorldForgeException("WorkflowSpec '" + name + "' has unknown capabilities: "
                    + String.join(", ", unknown) + ". Known capabilities: " + String.join(", ", Capability.NAMES)
                    + ".");
        }
        requiredCapabilities = List.copyOf(requiredCapabilities);
    }

    /** A workflow without notes. */
    public WorkflowSpec(String name, String title, String description, List<String> requiredCapabilities) {
        this(name, title, description, requiredCapabilities, "");
    }

    /** {@code {name, title, description, required_capabilities, notes}}. */
    public JsonObject toJson() {
        List<JsonValue> capabilities = new ArrayList<>();
        requiredCapabilities.forEach(c -> capabilities.add(JsonString.of(c)));
        return JsonObject.builder()
                .put("name", name)
                .put("title", title)
                .put("description", description)
                .put("required_capabilities", JsonArray.copyOf(capabilities))
                .put("notes", notes)
                .build();
    }
}
