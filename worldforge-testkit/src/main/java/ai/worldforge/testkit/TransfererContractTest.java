package ai.worldforge.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.worldforge.WorldForge;
import ai.worldforge.capability.CapabilityKind;
import ai.worldforge.capability.Transferer;
import ai.worldforge.error.WorldForgeException;
import ai.worldforge.json.JsonObject;
import ai.worldforge.model.VideoClip;
import org.junit.jupiter.api.Test;

/**
 * The contract of a {@link Transferer} implementation: extend it and return the implementation
 * from {@link #createTransferer()}. The sample clip and target size default to the {@code
 * transfer} baseline fixture.
 */
public abstract class TransfererContractTest extends CapabilityContractTest<Transferer> {
    /** A new instance of the transferer under test. */
    protected abstract Transferer createTransferer();

    /** Clip of the sample call. */
    protected VideoClip sampleClip() {
        return Fixtures.clip((JsonObject) Fixtures.baseline("transfer").get("clip"));
    }

    /** Target width of the sample call. */
    protected int sampleWidth() {
        return Fixtures.integer(Fixtures.baseline("transfer"), "width");
    }

    /** Target height of the sample call. */
    protected int sampleHeight() {
        return Fixtures.integer(Fixtures.baseline("transfer"), "height");
    }

    /** Target frame rate of the sample call. */
    protected double sampleFps() {
        return Fixtures.number(Fixtures.baseline("transfer"), "fps");
    }

    @Override
    protected final CapabilityKind kind() {
        return CapabilityKind.TRANSFERER;
    }

    @Override
    protected final Transferer createImpl() {
        return createTransferer();
    }

    @Override
    protected final void registerTyped(WorldForge target, Transferer value) {
        target.registerTransferer(value);
    }

    @Override
    protected final Object callThroughFacade(String name) {
        return forge.transfer(sampleClip(), name, sampleWidth(), sampleHeight(), sampleFps(), "", null);
    }

    /** A clip with at least one frame. */
    @Override
    protected void assertValidResult(Object result) {
        VideoClip clip = (VideoClip) result;
        assertThat(clip.frameCount()).isPositive();
        assertThat(clip.fps()).isPositive();
    }

    @Test
    public void invalidSizesAreRejectedBeforeTheImplementationRuns() {
        assertThatThrownBy(() -> forge.transfer(sampleClip(), name(), 0, sampleHeight(), sampleFps(), "", null))
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("transfer() width must be an integer greater than 0.");
        assertThatThrownBy(() -> forge.transfer(sampleClip(), name(), sampleWidth(), sampleHeight(), 0.0, "", null))
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("transfer() fps must be greater than 0.");
        assertThat(events).isEmpty();
    }
}
