package ai.worldforge.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.worldforge.WorldForge;
import ai.worldforge.capability.CapabilityKind;
import ai.worldforge.capability.Generator;
import ai.worldforge.error.WorldForgeException;
import ai.worldforge.model.VideoClip;
import org.junit.jupiter.api.Test;

/**
 * The contract of a {@link Generator} implementation: extend it and return the implementation from
 * {@link #createGenerator()}. The sample prompt and duration default to the {@code generate}
 * baseline fixture.
 */
public abstract class GeneratorContractTest extends CapabilityContractTest<Generator> {
    /** A new instance of the generator under test. */
    protected abstract Generator createGenerator();

    /** Prompt of the sample call. */
    protected String samplePrompt() {
        return Fixtures.text(Fixtures.baseline("generate"), "prompt");
    }

    /** Duration of the sample call. */
    protected double sampleDurationSeconds() {
        return Fixtures.number(Fixtures.baseline("generate"), "duration_seconds");
    }

    @Override
    protected final CapabilityKind kind() {
        return CapabilityKind.GENERATOR;
    }

    @Override
    protected final Generator createImpl() {
        return createGenerator();
    }

    @Override
    protected final void registerTyped(WorldForge target, Generator value) {
        target.registerGenerator(value);
    }

    @Override
    protected final Object callThroughFacade(String name) {
        return forge.generate(samplePrompt(), name, sampleDurationSeconds(), null);
    }

    /** A clip with at least one frame. */
    @Override
    protected void assertValidResult(Object result) {
        VideoClip clip = (VideoClip) result;
        assertThat(clip.frameCount()).isPositive();
        assertThat(clip.fps()).isPositive();
    }

    @Test
    public void invalidRequestsAreRejectedBeforeTheImplementationRuns() {
        assertThatThrownBy(() -> forge.generate(" ", name(), 1.0, null))
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("generate() prompt must be a non-empty string.");
        assertThatThrownBy(() -> forge.generate(samplePrompt(), name(), 0.0, null))
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("generate() duration_seconds must be greater than 0.");
        assertThat(events).isEmpty();
    }
}
