package ai.worldforge.cli;

import ai.worldforge.config.ConfigProfile;
import ai.worldforge.json.Json;
import ai.worldforge.json.JsonValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.nio.file.Path;

/**
 * Loads {@code --profile} files for the CLI: JSON through core, TOML (a {@code .toml} suffix, as in
 * the reference) decoded here with Jackson's TOML module into the equivalent JSON value, then
 * validated by core exactly like a JSON profile.
 */
final class TomlProfiles {
    private TomlProfiles() {}

    /** Loads and validates the profile at {@code path}. */
    static ConfigProfile load(Path path) {
        return ConfigProfile.load(path, TomlProfiles::decode);
    }

    /** TOML text as a JSON value; invalid TOML raises {@link IllegalArgumentException} with the parser's reason. */
    static JsonValue decode(String text) {
        JsonNode node;
        try {
            node = new TomlMapper().readTree(text);
        } catch (StreamConstraintsException e) {
            // The same limit and words as JSON documents, without Jackson's internal names.
            String reason = e.getOriginalMessage();
            throw new IllegalArgumentException(
                    reason != null && reason.contains("nesting depth")
                            ? "TOML nesting exceeds the limit of " + Json.MAX_DEPTH + " levels."
                            : "TOML document exceeds a size limit.",
                    e);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e.getOriginalMessage(), e);
        }
        // Jackson's tree text is plain JSON; core's parser gives the project's JSON values.
        return Json.parse(node.toString());
    }
}
