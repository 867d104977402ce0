package ai.worldforge.capability;

import ai.worldforge.model.EmbeddingResult;

/**
 * Turns text into a fixed-dimensional embedding (the {@code embed} capability).
 *
 * <p>Implement {@link #name()} and this one method, then register with
 * {@code forge.registerEmbedder(impl)} or {@code forge.register(impl)}. See {@link NamedCapability}
 * for the optional metadata.
 */
public interface Embedder extends NamedCapability {
    /** Embeds {@code text}. */
    EmbeddingResult embed(String text);
}
