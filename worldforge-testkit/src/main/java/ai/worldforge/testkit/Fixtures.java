package ai.worldforge.testkit;

import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonFloat;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
import ai.worldforge.model.VideoClip;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Readers for the baseline fixtures the capability contracts use as default inputs. */
final class Fixtures {
    private Fixtures() {}

    static JsonObject baseline(String capability) {
        return CapabilityFixture.load(capability, "valid_baseline").payload();
    }

    static String text(JsonObject payload, String key) {
        return ((JsonString) payload.get(key)).value();
    }

    static double number(JsonObject payload, String key) {
        JsonValue value = payload.get(key);
        return value instanceof JsonInt i ? i.longValue() : ((JsonFloat) value).value();
    }

    static int integer(JsonObject payload, String key) {
        return (int) ((JsonInt) payload.get(key)).longValue();
    }

    static VideoClip clip(JsonObject clip) {
        List<byte[]> frames = new ArrayList<>();
        for (JsonValue frame : (JsonArray) clip.get("frames_base64")) {
            frames.add(Base64.getDecoder().decode(((JsonString) frame).value()));
        }
        JsonArray resolution = (JsonArray) clip.get("resolution");
        return new VideoClip(
                frames,
                number(clip, "fps"),
                (int) ((JsonInt) resolution.get(0)).longValue(),
                (int) ((JsonInt) resolution.get(1)).longValue(),
                number(clip, "duration_seconds"),
                (JsonObject) clip.get("metadata"));
    }
}
