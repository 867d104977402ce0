package ai.worldforge.capability;

import ai.worldforge.model.GenerationOptions;
import ai.worldforge.model.VideoClip;
import org.jspecify.annotations.Nullable;

/**
 * Generates media from a prompt (the {@code generate} capability).
 *
 * <p>Implement {@link #name()} and this one method, then register with
 * {@code forge.registerGenerator(impl)} or {@code forge.register(impl)}. See {@link NamedCapability}
 * for the optional metadata.
 */
public interface Generator extends NamedCapability {
    /** Generates a clip of about {@code durationSeconds} from a non-blank, stripped {@code prompt}. */
    VideoClip generate(String prompt, double durationSeconds, @Nullable GenerationOptions options);
}
