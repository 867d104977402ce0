package ai.worldforge.provider;

import ai.worldforge.error.WorldForgeException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The eight provider capabilities, in the reference's canonical order. */
public enum Capability {
    /** Predict the next world state for an action. */
    PREDICT("predict"),
    /** Generate media from a prompt. */
    GENERATE("generate"),
    /** Answer questions about a world. */
    REASON("reason"),
    /** Embed text. */
    EMBED("embed"),
    /** Plan (reserved). */
    PLAN("plan"),
    /** Transfer (restyle) a video clip. */
    TRANSFER("transfer"),
    /** Score candidate action plans. */
    SCORE("score"),
    /** Select actions from observations. */
    POLICY("policy");

    /** Wire names in canonical order. */
    public static final List<String> NAMES =
            List.of("predict", "generate", "reason", "embed", "plan", "transfer", "score", "policy");

    private final String wireName;

    Capability(String wireName) {
        this.wireName = wireName;
    }

    /** The lower-case name used in JSON, CLI options and messages. */
    public String wireName() {
        return wireName;
    }

    /** The capability named {@code name}; unknown names fail with the reference's message. */
    public static Capability fromName(@Nullable String name) {
        if (name != null) {
            for (Capability capability : values()) {
                if (capability.wireName.equals(name)) {
                    return capability;
                }
            }
        }
        throw new WorldForgeException(
                "Unknown provider capability '" + name + "'. Known capabilities: " + String.join(", ", NAMES) + ".");
    }

    @Override
    public String toString() {
        return wireName;
    }
}
