package ai.worldforge.capability;

import ai.worldforge.model.GenerationOptions;
import ai.worldforge.model.VideoClip;
import org.jspecify.annotations.Nullable;

/**
 * Restyles or re-renders a clip (the {@code transfer} capability).
 *
 * <p>Implement {@link #name()} and this one method, then register with
 * {@code forge.registerTransferer(impl)} or {@code forge.register(impl)}. See {@link NamedCapability}
 * for the optional metadata.
 */
public interface Transferer extends NamedCapability {
    /**
     * Transfers {@code clip} to {@code width}×{@code height} at {@code fps}, guided by a stripped
     * (possibly empty) {@code prompt}.
     */
    VideoClip transfer(
            VideoClip clip, int width, int height, double fps, String prompt, @Nullable GenerationOptions options);
}
