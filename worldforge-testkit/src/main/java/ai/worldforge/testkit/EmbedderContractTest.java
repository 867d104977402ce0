package ai.worldforge.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import ai.worldforge.WorldForge;
import ai.worldforge.capability.CapabilityKind;
import ai.worldforge.capability.Embedder;
import ai.worldforge.model.EmbeddingResult;
import org.junit.jupiter.api.Test;

/**
 * The contract of an {@link Embedder} implementation: extend it and return the implementation from
 * {@link #createEmbedder()}. The sample text defaults to the {@code embed} baseline fixture.
 */
public abstract class EmbedderContractTest extends CapabilityContractTest<Embedder> {
    /** A new instance of the embedder under test. */
    protected abstract Embedder createEmbedder();

    /** Text of the sample call. */
    protected String sampleText() {
        return Fixtures.text(Fixtures.baseline("embed"), "text");
    }

    @Override
    protected final CapabilityKind kind() {
        return CapabilityKind.EMBEDDER;
    }

    @Override
    protected final Embedder createImpl() {
        return createEmbedder();
    }

    @Override
    protected final void registerTyped(WorldForge target, Embedder value) {
        target.registerEmbedder(value);
    }

    @Override
    protected final Object callThroughFacade(String name) {
        return forge.embed(name, sampleText());
    }

    /** The embedding names the implementation and has a non-empty finite vector. */
    @Override
    protected void assertValidResult(Object result) {
        EmbeddingResult embedding = (EmbeddingResult) result;
        assertThat(embedding.provider()).isEqualTo(name());
        assertThat(embedding.vector()).isNotEmpty();
        assertThat(embedding.shape()).containsExactly(embedding.vector().size());
    }

    @Test
    public void deterministicEmbeddersAreStable() {
        EmbeddingResult first = forge.embed(name(), sampleText());
        EmbeddingResult second = forge.embed(name(), sampleText());
        assertThat(second.vector()).hasSameSizeAs(first.vector());
        if (impl.profileSpec().deterministic()) {
            assertThat(second.vector()).isEqualTo(first.vector());
        }
    }
}
