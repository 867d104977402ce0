package ai.worldforge.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.worldforge.error.WorldForgeException;
import ai.worldforge.json.Json;
import ai.worldforge.json.JsonFloat;
import ai.worldforge.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Behaviours 4–9 and 22 of upstream-core.md §9, plus the geometry and result types of §1. */
class ModelTest {

    @Test
    void positionRejectsNonFiniteCoordinatesByName() {
        assertThatThrownBy(() -> new Position(1, 2, Double.NaN))
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("Position.z must be a finite number.");
        assertThatThrownBy(() -> new Position(Double.POSITIVE_INFINITY, 0, 0))
                .hasMessage("Position.x must be a finite number.");
    }

    @Test
    void positionFromJsonNamesTheMissingCoordinate() {
        assertThatThrownBy(() -> Position.fromJson(Json.parse("{\"x\":1,\"y\":2}")))
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("Position payload is missing coordinate 'z'.");
        assertThatThrownBy(() -> Position.fromJson(Json.parse("[1,2,3]")))
                .hasMessage("Position payload must be a JSON object.");
        assertThat(Position.fromJson(Json.parse("{\"x\":1,\"y\":2,\"z\":3}"))).isEqualTo(new Position(1, 2, 3));
        assertThat(new Position(0, 0, 0).distanceTo(new Position(3, 4, 0))).isEqualTo(5.0);
    }

    @Test
    void bboxRequiresMinNotAboveMax() {
        assertThatThrownBy(() -> new BBox(new Position(1, 0, 0), new Position(0, 0, 0)))
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("BBox min coordinates must be less than or equal to max.");
    }

    @Test
    void rotationDefaultsToIdentity() {
        assertThat(Rotation.fromJson(null)).isEqualTo(Rotation.IDENTITY);
        assertThat(Rotation.fromJson(Json.parse("{\"x\":0.5}"))).isEqualTo(new Rotation(1, 0.5, 0, 0));
        assertThatThrownBy(() -> Rotation.fromJson(Json.parse("3")))
                .hasMessage("Rotation payload must be a JSON object when provided.");
    }

    @Test
    void moveToSerialisesCanonically() {
        Action action = Action.moveTo(1, 2, 3, " o1 ");
        assertThat(action.toCanonicalJson())
                .isEqualTo("{\"parameters\":{\"object_id\":\"o1\",\"speed\":1.0,"
                        + "\"target\":{\"x\":1.0,\"y\":2.0,\"z\":3.0}},\"type\":\"move_to\"}");
        assertThatThrownBy(() -> Action.moveTo(1, 2, 3, 0, null))
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("Action.move_to speed must be greater than 0.");
        assertThatThrownBy(() -> Action.moveTo(1, 2, 3, "  "))
                .hasMessage("Action.move_to object_id must not be empty when provided.");
    }

    @Test
    void spawnObjectDefaults() {
        Action action = Action.spawnObject(" cube ");
        assertThat(action.parameters().get("name")).isEqualTo(ai.worldforge.json.JsonString.of("cube"));
        assertThat(Position.fromJson(action.parameters().get("position"))).isEqualTo(new Position(0, 0.5, 0));
        BBox box = BBox.fromJson(action.parameters().get("bbox"));
        assertThat(box.min()).isEqualTo(new Position(-0.05, 0.45, -0.05));
        assertThat(box.max()).isEqualTo(new Position(0.05, 0.55, 0.05));
        assertThatThrownBy(() -> Action.spawnObject(" "))
                .hasMessage("Action.spawn_object name must be a non-empty string.");
    }

    @Test
    void actionFromJsonAcceptsBothForms() {
        Action single = Action.fromJson(Json.parse("{\"move_to\":{\"target\":{\"x\":1,\"y\":0,\"z\":0}}}"));
        assertThat(single.kind()).isEqualTo("move_to");
        Action typed = Action.fromJson(Json.parse("{\"type\":\"noop\"}"));
        assertThat(typed).isEqualTo(Action.noop());
        assertThatThrownBy(() -> Action.fromJson(Json.parse("{\"a\":{},\"b\":{}}")))
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("Action.from_dict expects {'type': ...} or a single-key mapping.");
        assertThatThrownBy(() -> Action.fromJson(Json.parse("[]")))
                .hasMessage("Action.from_dict expects a JSON object.");
        assertThatThrownBy(() -> Action.fromJson(Json.parse("{\"type\":\"x\",\"parameters\":3}")))
                .hasMessage("Action.from_dict field 'parameters' must be a JSON object.");
        assertThatThrownBy(() -> Action.fromJson(Json.parse("{\"x\":3}")))
                .hasMessage("Action.from_dict single-key parameters must be a JSON object.");
        assertThatThrownBy(() -> Action.of(" ")).hasMessage("Action kind must be a non-empty string.");
    }

    @Test
    void actionParametersKeepIntsAndRejectNaN() {
        Action action = Action.of("grip", Map.of("force", 3));
        assertThat(action.toCanonicalJson()).isEqualTo("{\"parameters\":{\"force\":3},\"type\":\"grip\"}");
        assertThatThrownBy(() -> Action.of("grip", Map.of("force", Double.NaN)))
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("Action parameters.force must be a finite number.");
        assertThatThrownBy(() -> new Action("grip", JsonObject.of("force", JsonFloat.of(Double.NaN))))
                .hasMessage("Action parameters.force must be a finite number.");
        assertThatThrownBy(() -> Action.of("grip", Map.of("when", new Object())))
                .hasMessage("Action parameters.when must contain only JSON-compatible values.");
    }

    @Test
    void sceneObjectAlwaysSerialisesIdentityRotationAndAcceptsLegacyPosition() {
        JsonObject payload = (JsonObject) Json.parse("{\"name\":\"cube\",\"position\":{\"x\":1,\"y\":2,\"z\":3},"
                + "\"bbox\":{\"min\":{\"x\":0,\"y\":0,\"z\":0},\"max\":{\"x\":2,\"y\":3,\"z\":4}},"
                + "\"rotation\":{\"w\":0.5,\"x\":0.5,\"y\":0.5,\"z\":0.5}}");
        SceneObject object = SceneObject.fromJson(payload);
        assertThat(object.id()).matches("obj_[0-9a-f]{12}");
        assertThat(object.position()).isEqualTo(new Position(1, 2, 3));
        assertThat(Json.write(object.toJson().get("pose")))
                .isEqualTo(
                        "{\"position\":{\"x\":1.0,\"y\":2.0,\"z\":3.0},\"rotation\":{\"w\":1.0,\"x\":0.0,\"y\":0.0,\"z\":0.0}}");
        assertThatThrownBy(() -> SceneObject.of("id", " ", Position.ORIGIN, BBox.around(Position.ORIGIN, 1)))
                .hasMessage("SceneObject name must be a non-empty string.");
    }

    @Test
    void patchMovesTheBoxWithThePosition() {
        SceneObject cube =
                SceneObject.of("c", "cube", new Position(0, 0.5, 0), BBox.around(new Position(0, 0.5, 0), 0.05));
        SceneObject moved = cube.apply(SceneObjectPatch.builder()
                .position(new Position(0.25, 0.5, 0.1))
                .build());
        assertThat(moved.bbox().min().x()).isCloseTo(0.20, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(moved.bbox().max().x()).isCloseTo(0.30, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(moved.bbox().min().z()).isCloseTo(0.05, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(moved.bbox().max().z()).isCloseTo(0.15, org.assertj.core.data.Offset.offset(1e-12));
        assertThatThrownBy(() -> SceneObjectPatch.builder().name(" "))
                .hasMessage("SceneObjectPatch name must be a non-empty string.");
    }

    @Test
    void policyAndScoreResults() {
        ActionPolicyResult policy = ActionPolicyResult.of("p", List.of(Action.noop()));
        assertThat(policy.actionCandidates()).containsExactly(List.of(Action.noop()));
        ActionScoreResult score = ActionScoreResult.of("s", List.of(3.0, 1.0, 2.0), 1);
        assertThat(score.bestScore()).isEqualTo(1.0);
        assertThatThrownBy(() -> ActionScoreResult.of("s", List.of(3.0, 1.0, 2.0), 3))
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("ActionScoreResult best_index is out of range.");
        assertThat(Json.write(score.toJson()))
                .isEqualTo("{\"best_index\":1,\"best_score\":1.0,\"lower_is_better\":true,\"metadata\":{},"
                        + "\"provider\":\"s\",\"scores\":[3.0,1.0,2.0]}");
    }

    @Test
    void historyEntryValidatesActionJson() {
        WorldState state = WorldState.of("w", "n", "mock", "", 0, Map.of(), JsonObject.EMPTY);
        assertThatThrownBy(() -> new HistoryEntry(0, state, "x", "{broken"))
                .isInstanceOf(WorldForgeException.class)
                .hasMessageContaining("action_json");
        assertThatThrownBy(() -> new HistoryEntry(0, state, " ", null))
                .hasMessage("HistoryEntry summary must be a non-empty string.");
        assertThat(new HistoryEntry(0, state, " ok ", "{\"type\":\"noop\"}").summary())
                .isEqualTo("ok");
    }

    @Test
    void videoClipFilesRoundTrip(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = dir.resolve("clip.mp4");
        java.nio.file.Files.write(file, new byte[] {9, 8, 7});
        VideoClip clip = VideoClip.fromFile(file);
        assertThat(clip.contentType()).isEqualTo("video/mp4");
        assertThat(clip.metadata().get("source_path")).isEqualTo(ai.worldforge.json.JsonString.of(file.toString()));
        assertThat(clip.fps()).isEqualTo(24.0);
        assertThat(clip.width()).isEqualTo(1280);
        java.nio.file.Path copy = clip.save(dir.resolve("out/copy.bin"));
        assertThat(java.nio.file.Files.readAllBytes(copy)).containsExactly(9, 8, 7);
    }

    @Test
    void videoClipValidatesAndDescribesItself() {
        VideoClip clip =
                new VideoClip(List.of(new byte[] {1}, new byte[] {2, 3}), 8.0, 640, 360, 1.0, JsonObject.EMPTY);
        assertThat(clip.blob()).containsExactly(1, 2, 3);
        assertThat(clip.contentType()).isEqualTo("application/octet-stream");
        assertThat(Json.write(clip.toJson()))
                .isEqualTo("{\"content_type\":\"application/octet-stream\",\"duration_seconds\":1.0,\"fps\":8.0,"
                        + "\"frame_count\":2,\"metadata\":{},\"resolution\":[640,360]}");
        assertThatThrownBy(() -> new VideoClip(List.of(), 0, 1, 1, 0, JsonObject.EMPTY))
                .isInstanceOf(WorldForgeException.class);
        assertThatThrownBy(() -> new VideoClip(List.of(), 1, 0, 1, 0, JsonObject.EMPTY))
                .isInstanceOf(WorldForgeException.class);
        assertThatThrownBy(() -> new VideoClip(List.of(), 1, 1, 1, -1, JsonObject.EMPTY))
                .isInstanceOf(WorldForgeException.class);
    }
}
