package ai.worldforge.testkit;

import ai.worldforge.json.Json;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.Optional;

/**
 * One input fixture of the reference's capability corpus ({@code <capability>/<name>.json}),
 * bundled in this jar. Immutable and thread-safe.
 *
 * @param id {@code <capability>.<name>}
 * @param capability capability the fixture exercises
 * @param valid whether the input is valid
 * @param errorPattern regex hint for the error an invalid input raises, when invalid
 * @param payload capability-specific input
 */
public record CapabilityFixture(
        String id, String capability, boolean valid, Optional<String> errorPattern, JsonObject payload) {

    /** Loads {@code capability/name.json} from the bundled corpus. */
    public static CapabilityFixture load(String capability, String name) {
        String resource = "fixtures/" + capability + "/" + name + ".json";
        try (InputStream in = CapabilityFixture.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No capability fixture " + resource + " in the testkit.");
            }
            JsonObject root = (JsonObject) Json.parse(in);
            JsonValue pattern = root.get("expected_error_pattern");
            return new CapabilityFixture(
                    ((JsonString) Objects.requireNonNull(root.get("id"))).value(),
                    ((JsonString) Objects.requireNonNull(root.get("capability"))).value(),
                    root.get("expected") instanceof JsonString s && s.value().equals("valid"),
                    pattern instanceof JsonString p ? Optional.of(p.value()) : Optional.empty(),
                    (JsonObject) Objects.requireNonNull(root.get("payload")));
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to read capability fixture " + resource, e);
        }
    }
}
