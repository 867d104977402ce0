package ai.worldforge.provider;

import ai.worldforge.error.WorldForgeException;
import ai.worldforge.json.JsonBool;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The set of capabilities a provider advertises; all false by default. Immutable and
 * thread-safe.
 */
public final class ProviderCapabilities {
    private static final ProviderCapabilities NONE = new ProviderCapabilities(EnumSet.noneOf(Capability.class));

    private final Set<Capability> enabled;

    private ProviderCapabilities(EnumSet<Capability> enabled) {
        this.enabled = Collections.unmodifiableSet(enabled);
    }

    /** No capabilities. */
    public static ProviderCapabilities none() {
        return NONE;
    }

    /** Exactly the given capabilities. */
    public static ProviderCapabilities of(Capability... capabilities) {
        EnumSet<Capability> set = EnumSet.noneOf(Capability.class);
        Collections.addAll(set, capabilities);
        return new ProviderCapabilities(set);
    }

    /** Exactly the given capabilities. */
    public static ProviderCapabilities of(Set<Capability> capabilities) {
        EnumSet<Capability> set = EnumSet.noneOf(Capability.class);
        set.addAll(capabilities);
        return new ProviderCapabilities(set);
    }

    /** Whether {@code capability} is advertised. */
    public boolean supports(Capability capability) {
        return enabled.contains(capability);
    }

    /** Whether the capability named {@code name} is advertised; unknown names throw. */
    public boolean supports(String name) {
        return enabled.contains(Capability.fromName(name));
    }

    /** Advertised capabilities. */
    public Set<Capability> enabled() {
        return enabled;
    }

    /** Names of advertised capabilities in canonical order. */
    public List<String> enabledNames() {
        List<String> names = new ArrayList<>();
        for (Capability capability : Capability.values()) {
            if (enabled.contains(capability)) {
                names.add(capability.wireName());
            }
        }
        return names;
    }

    /** Capabilities advertised by this or {@code other}. */
    public ProviderCapabilities union(ProviderCapabilities other) {
        EnumSet<Capability> set = EnumSet.noneOf(Capability.class);
        set.addAll(enabled);
        set.addAll(other.enabled);
        return new ProviderCapabilities(set);
    }

    /** The eight flags in canonical order. */
    public JsonObject toJson() {
        JsonObject.Builder out = JsonObject.builder();
        for (Capability capability : Capability.values()) {
            out.put(capability.wireName(), JsonBool.of(enabled.contains(capability)));
        }
        return out.build();
    }

    /** Decodes the flags; missing flags are false and unknown names are rejected. */
    public static ProviderCapabilities fromJson(JsonValue payload) {
        if (!(payload instanceof JsonObject object)) {
            throw new WorldForgeException("ProviderCapabilities payload must be a JSON object.");
        }
        EnumSet<Capability> set = EnumSet.noneOf(Capability.class);
        for (String key : object.keys()) {
            Capability capability = Capability.fromName(key);
            if (!(object.get(key) instanceof JsonBool flag)) {
                throw new WorldForgeException("ProviderCapabilities " + key + " must be a boolean.");
            }
            if (flag.value()) {
                set.add(capability);
            }
        }
        return new ProviderCapabilities(set);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ProviderCapabilities c && enabled.equals(c.enabled);
    }

    @Override
    public int hashCode() {
        return enabled.hashCode();
    }

    @Override
    public String toString() {
        return "ProviderCapabilities" + enabledNames();
    }
}
