package ai.worldforge.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.worldforge.World;
import ai.worldforge.WorldForge;
import ai.worldforge.error.ProviderException;
import ai.worldforge.event.ProviderEvent;
import ai.worldforge.internal.DeterministicFloats;
import ai.worldforge.json.JsonBool;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonString;
import ai.worldforge.model.BBox;
import ai.worldforge.model.EmbeddingResult;
import ai.worldforge.model.Position;
import ai.worldforge.model.ReasoningResult;
import ai.worldforge.model.SceneObject;
import ai.worldforge.model.VideoClip;
import ai.worldforge.provider.mock.MockProvider;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mock behaviours 14 and 53–56 of upstream-core.md §9, and its success events. */
class MockProviderTest {
    @TempDir
    Path dir;

    @Test
    void deterministicFloatsMatchTheReference() {
        assertThat(DeterministicFloats.of("mock:hello", 5)).containsExactly(0.1034, 0.1931, 0.81, 0.3005, 0.2669);
        assertThat(DeterministicFloats.of("", 3)).containsExactly(0.9742, 0.6433, 0.0134);
    }

    @Test
    void generateFramesFollowTheDuration() {
        List<ProviderEvent> events = new ArrayList<>();
        WorldForge forge =
                WorldForge.builder().stateDir(dir).eventHandler(events::add).build();
        VideoClip clip = forge.generate("a cube", "mock");
        assertThat(clip.frameCount()).isEqualTo(8);
        assertThat(new String(clip.frame(3), StandardCharsets.UTF_8)).isEqualTo("a cube:frame:3");
        assertThat(clip.fps()).isEqualTo(8.0);
        assertThat(clip.width()).isEqualTo(640);
        assertThat(clip.height()).isEqualTo(360);
        assertThat(clip.contentType()).isEqualTo("application/octet-stream");
        assertThat(forge.generate("a cube", "mock", 0.3125, null).frameCount()).isEqualTo(2);
        assertThat(forge.generate("a cube", "mock", 0.0625, null).frameCount()).isEqualTo(1);
        assertThat(events).hasSize(3);
        assertThat(events.get(0).operation()).isEqualTo("generate");
        assertThat(events.get(0).phase()).isEqualTo("success");
        assertThat(events.get(0).metadata().get("frame_count")).isEqualTo(JsonInt.of(8));
    }

    @Test
    void generateStopsWithAProviderErrorWhenItsThreadIsInterrupted() {
        MockProvider mock = new MockProvider();
        Thread.currentThread().interrupt();
        try {
            // 800,000 frames: an interrupted caller gets the error instead of waiting for them all.
            assertThatThrownBy(() -> mock.generate("a cube", 100_000, null))
                    .isInstanceOf(ProviderException.class)
                    .hasMessage("Provider 'mock' generate() was interrupted.");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(mock.generate("a cube", 1.0, null).frameCount()).isEqualTo(8);
    }

    @Test
    void transferKeepsFramesAndTakesTheRequestedFormat() {
        WorldForge forge = WorldForge.builder().stateDir(dir).build();
        VideoClip source = forge.generate("a cube", "mock");
        VideoClip out = forge.transfer(source, "mock", 320, 180, 12, "restyle", null);
        assertThat(out.width()).isEqualTo(320);
        assertThat(out.height()).isEqualTo(180);
        assertThat(out.fps()).isEqualTo(12.0);
        assertThat(out.frameCount()).isEqualTo(source.frameCount());
        assertThat(out.blob()).isEqualTo(source.blob());
        assertThat(out.metadata().get("transfer")).isEqualTo(JsonBool.TRUE);
        assertThat(out.metadata().get("reference_count")).isEqualTo(JsonInt.of(0));
        assertThat(out.metadata().get("prompt")).isEqualTo(JsonString.of("restyle"));
    }

    @Test
    void reasonCountsObjects() {
        WorldForge forge = WorldForge.builder().stateDir(dir).build();
        World world = forge.createWorld("w");
        world.addObject(SceneObject.of("cube-1", "cube", Position.ORIGIN, BBox.around(Position.ORIGIN, 0.05)));
        ReasoningResult answer = forge.reason("mock", "where?", world);
        assertThat(answer.answer()).isEqualTo("1 object(s) tracked. Query: where?");
        assertThat(answer.confidence()).isEqualTo(0.81);
        assertThat(answer.evidence()).containsExactly("Observed object ids: cube-1");
        ReasoningResult none = forge.reason("mock", "where?", null);
        assertThat(none.answer()).startsWith("0 object(s)");
        assertThat(none.evidence()).containsExactly("Observed object ids: none");
    }

    @Test
    void embedIsDeterministic() {
        WorldForge forge = WorldForge.builder().stateDir(dir).build();
        EmbeddingResult result = forge.embed("mock", "hello");
        assertThat(result.model()).isEqualTo("mock-embedding-v1");
        double[] expected = DeterministicFloats.of("mock:hello", 32);
        assertThat(result.vector()).hasSize(32);
        for (int i = 0; i < 32; i++) {
            assertThat(result.vector().get(i)).isEqualTo(expected[i]);
        }
        assertThat(result.shape()).containsExactly(32);
    }

    @Test
    void retryPolicyAndRemoteDefaults() {
        RetryPolicy retry = RetryPolicy.of(3, 0.25, 2.0);
        assertThat(retry.delayForAttempt(1)).isZero();
        assertThat(retry.delayForAttempt(2)).isEqualTo(0.25);
        assertThat(retry.delayForAttempt(4)).isEqualTo(1.0);
        ProviderRequestPolicy policy = ProviderRequestPolicy.remoteDefaults(60);
        assertThat(policy.health().timeoutSeconds()).isEqualTo(10.0);
        assertThat(policy.health().retry().maxAttempts()).isEqualTo(3);
        assertThat(policy.request().timeoutSeconds()).isEqualTo(60.0);
        assertThat(policy.request().retry().maxAttempts()).isEqualTo(1);
        assertThat(policy.polling().timeoutSeconds()).isEqualTo(30.0);
        assertThat(policy.polling().retry().maxAttempts()).isEqualTo(3);
        assertThat(policy.download().timeoutSeconds()).isEqualTo(60.0);
        assertThat(policy.download().retry().maxAttempts()).isEqualTo(3);
    }

    @Test
    void healthDetailsAreRedacted() {
        ProviderHealth health = new ProviderHealth("x", false, 0.0, "missing api_key=abc");
        assertThat(health.details()).isEqualTo("missing api_key=[redacted]");
    }
}
