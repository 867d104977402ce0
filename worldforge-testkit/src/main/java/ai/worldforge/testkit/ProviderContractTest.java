package ai.worldforge.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.worldforge.World;
import ai.worldforge.WorldForge;
import ai.worldforge.error.ProviderException;
import ai.worldforge.error.WorldForgeException;
import ai.worldforge.event.ProviderEvent;
import ai.worldforge.event.ProviderEventHandler;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonFloat;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
import ai.worldforge.model.Action;
import ai.worldforge.model.ActionPolicyResult;
import ai.worldforge.model.ActionScoreResult;
import ai.worldforge.model.EmbeddingResult;
import ai.worldforge.model.PredictionPayload;
import ai.worldforge.model.ReasoningResult;
import ai.worldforge.model.VideoClip;
import ai.worldforge.model.WorldState;
import ai.worldforge.model.WorldStateCodec;
import ai.worldforge.provider.BaseProvider;
import ai.worldforge.provider.Capability;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The provider contract: extend this class in a provider's tests and return the provider from
 * {@link #createProvider(ProviderEventHandler)}. It checks that the profile is consistent, that
 * every advertised capability accepts the reference's baseline fixture and returns a valid result
 * with a success event, that invalid fixtures are rejected before the provider runs, and that
 * every capability the provider does not advertise fails closed with a {@link ProviderException}
 * and no provider activity (no events).
 */
public abstract class ProviderContractTest {
    /** Events recorded from the provider under test. */
    protected final List<ProviderEvent> events = Collections.synchronizedList(new ArrayList<>());

    /** The provider under test, registered on {@link #forge}. */
    protected BaseProvider provider;

    /** A forge with the provider registered. */
    protected WorldForge forge;

    /** Temporary world directory. */
    @TempDir
    protected Path stateDir;

    /** Creates the provider under test; it must send its events to {@code handler}. */
    protected abstract BaseProvider createProvider(ProviderEventHandler handler);

    @BeforeEach
    protected void registerProvider() {
        provider = createProvider(events::add);
        forge = WorldForge.builder()
                .stateDir(stateDir)
                .autoRegisterRemote(false)
                .build();
        forge.registerProvider(provider);
        events.clear();
    }

    private boolean advertises(Capability capability) {
        return provider.capabilities().supports(capability);
    }

    @Test
    public void profileInfoAndHealthAreConsistent() {
        assertThat(provider.name()).isNotBlank();
        assertThat(provider.profile().name()).isEqualTo(provider.name());
        assertThat(provider.info().capabilities()).isEqualTo(provider.capabilities());
        assertThat(provider.profile().toJson().get("supported_tasks"))
                .isEqualTo(JsonArray.copyOf(provider.capabilities().enabledNames().stream()
                        .map(n -> (JsonValue) JsonString.of(n))
                        .toList()));
        assertThat(provider.health().name()).isEqualTo(provider.name());
        assertThat(forge.providers()).contains(provider.name());
        assertThat(provider.lifecycleStatus(false, false).provider()).isEqualTo(provider.name());
    }

    @Test
    public void predictContract() {
        CapabilityFixture fixture = CapabilityFixture.load("predict", "valid_baseline");
        WorldState state = WorldState.fromJson(fixture.payload().get("world_state"));
        Action action = Action.fromJson(fixture.payload().get("action"));
        int steps = (int) ((JsonInt) fixture.payload().get("steps")).longValue();
        if (!advertises(Capability.PREDICT)) {
            assertFailsClosed(
                    () -> forge.predict(state, action, steps, provider.name()), p -> p.predict(state, action, steps));
            return;
        }
        PredictionPayload payload = forge.predict(state, action, steps, provider.name());
        assertThat(payload.state().step()).isGreaterThan(state.step());
        assertThat(payload.confidence()).isBetween(0.0, 1.0);
        assertThat(payload.physicsScore()).isBetween(0.0, 1.0);
        assertSuccessEvent("predict");
        assertThatThrownBy(() -> forge.predict(state, action, 0, provider.name()))
                .isInstanceOf(WorldForgeException.class)
                .hasMessageContaining("steps");
        JsonValue broken = CapabilityFixture.load("predict", "invalid_world_state_missing_schema")
                .payload()
                .get("world_state");
        assertThatThrownBy(() -> WorldStateCodec.parse(broken, "Prediction world_state"))
                .isInstanceOf(WorldForgeException.class)
                .hasMessageContaining("schema_version");
    }

    @Test
    public void generateContract() {
        CapabilityFixture fixture = CapabilityFixture.load("generate", "valid_baseline");
        String prompt = ((JsonString) fixture.payload().get("prompt")).value();
        double duration = ((JsonFloat) fixture.payload().get("duration_seconds")).value();
        if (!advertises(Capability.GENERATE)) {
            assertFailsClosed(
                    () -> forge.generate(prompt, provider.name(), duration, null),
                    p -> p.generate(prompt, duration, null));
            return;
        }
        VideoClip clip = forge.generate(prompt, provider.name(), duration, null);
        assertThat(clip.frameCount()).isPositive();
        assertSuccessEvent("generate");
        events.clear();
        assertThatThrownBy(() -> forge.generate("", provider.name(), 1.0, null)).hasMessageContaining("prompt");
        assertThatThrownBy(() -> forge.generate("x", provider.name(), 0.0, null))
                .hasMessageContaining("duration");
        assertThat(events).isEmpty();
    }

    private static VideoClip clipOf(JsonObject clip) {
        List<byte[]> frames = new ArrayList<>();
        for (JsonValue frame : (JsonArray) clip.get("frames_base64")) {
            frames.add(Base64.getDecoder().decode(((JsonString) frame).value()));
        }
        JsonArray resolution = (JsonArray) clip.get("resolution");
        return new VideoClip(
                frames,
                ((JsonFloat) clip.get("fps")).value(),
                (int) ((JsonInt) resolution.get(0)).longValue(),
                (int) ((JsonInt) resolution.get(1)).longValue(),
                ((JsonFloat) clip.get("duration_seconds")).value(),
                (JsonObject) clip.get("metadata"));
    }

    @Test
    public void transferContract() {
        JsonObject payload =
                CapabilityFixture.load("transfer", "valid_baseline").payload();
        VideoClip clip = clipOf((JsonObject) payload.get("clip"));
        int width = (int) ((JsonInt) payload.get("width")).longValue();
        int height = (int) ((JsonInt) payload.get("height")).longValue();
        double fps = ((JsonFloat) payload.get("fps")).value();
        if (!advertises(Capability.TRANSFER)) {
            assertFailsClosed(
                    () -> forge.transfer(clip, provider.name(), width, height, fps, "", null),
                    p -> p.transfer(clip, width, height, fps, "", null));
            return;
        }
        VideoClip out = forge.transfer(clip, provider.name(), width, height, fps, "", null);
        assertThat(out.frameCount()).isPositive();
        assertSuccessEvent("transfer");
        for (String invalid : List.of("invalid_clip_negative_duration", "invalid_clip_resolution_zero")) {
            JsonObject bad = (JsonObject)
                    CapabilityFixture.load("transfer", invalid).payload().get("clip");
            assertThatThrownBy(() -> clipOf(bad)).isInstanceOf(WorldForgeException.class);
        }
    }

    @Test
    public void reasonContract() {
        JsonObject payload = CapabilityFixture.load("reason", "valid_baseline").payload();
        String query = ((JsonString) payload.get("query")).value();
        World world = forge.importWorld(payload.get("world_state").toCanonicalJson());
        if (!advertises(Capability.REASON)) {
            assertFailsClosed(() -> forge.reason(provider.name(), query, world), p -> p.reason(query, world.state()));
            return;
        }
        ReasoningResult result = forge.reason(provider.name(), query, world);
        assertThat(result.provider()).isEqualTo(provider.name());
        assertThat(result.confidence()).isBetween(0.0, 1.0);
        assertSuccessEvent("reason");
        assertThatThrownBy(() -> forge.reason(provider.name(), "", world)).hasMessageContaining("query");
    }

    @Test
    public void embedContract() {
        String text = ((JsonString) CapabilityFixture.load("embed", "valid_baseline")
                        .payload()
                        .get("text"))
                .value();
        if (!advertises(Capability.EMBED)) {
            assertFailsClosed(() -> forge.embed(provider.name(), text), p -> p.embed(text));
            return;
        }
        EmbeddingResult result = forge.embed(provider.name(), text);
        assertThat(result.vector()).isNotEmpty();
        assertThat(forge.embed(provider.name(), text).vector())
                .as("embedding is stable for equal input when the provider is deterministic")
                .satisfiesAnyOf(
                        v -> assertThat(provider.profile().deterministic()).isFalse(),
                        v -> assertThat(v).isEqualTo(result.vector()));
        assertSuccessEvent("embed");
    }

    @Test
    public void scoreContract() {
        JsonObject payload = CapabilityFixture.load("score", "valid_baseline").payload();
        JsonObject info = (JsonObject) payload.get("info");
        JsonValue candidates = payload.get("action_candidates");
        if (!advertises(Capability.SCORE)) {
            assertFailsClosed(
                    () -> forge.scoreActions(provider.name(), info, candidates), p -> p.scoreActions(info, candidates));
            return;
        }
        ActionScoreResult result = forge.scoreActions(provider.name(), info, candidates);
        assertThat(result.scores()).isNotEmpty();
        assertSuccessEvent("score");
    }

    /**
     * The {@code info} of the policy contract: the fixture corpus's valid baseline by default.
     * Embodiment-specific policies (an ALOHA server needs camera frames and proprioception)
     * override it with a valid observation of their embodiment.
     */
    protected JsonObject policyInfo() {
        return (JsonObject)
                CapabilityFixture.load("policy", "valid_baseline").payload().get("info");
    }

    @Test
    public void policyContract() {
        JsonObject info = policyInfo();
        if (!advertises(Capability.POLICY)) {
            assertFailsClosed(() -> forge.selectActions(provider.name(), info), p -> p.selectActions(info));
            return;
        }
        ActionPolicyResult result = forge.selectActions(provider.name(), info);
        assertThat(result.actions()).isNotEmpty();
        assertSuccessEvent("policy");
    }

    /** Asserts that a successful call emitted a success event naming the provider and operation. */
    protected void assertSuccessEvent(String operation) {
        assertThat(events)
                .as("success event for %s", operation)
                .anyMatch(e -> e.provider().equals(provider.name())
                        && e.phase().equals("success")
                        && (e.operation().equals(operation) || e.operation().startsWith(operation)));
    }

    private void assertFailsClosed(Runnable viaForge, Consumer<BaseProvider> direct) {
        assertThatThrownBy(viaForge::run)
                .as("the forge refuses a capability the provider does not advertise")
                .isInstanceOf(ProviderException.class)
                .hasMessageContaining(provider.name());
        assertThatThrownBy(() -> direct.accept(provider))
                .as("the provider itself fails closed")
                .isInstanceOf(ProviderException.class);
        assertThat(events)
                .as("no provider activity for an unadvertised capability")
                .isEmpty();
    }
}
