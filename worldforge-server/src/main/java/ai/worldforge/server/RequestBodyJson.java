package ai.worldforge.server;

import ai.worldforge.error.WorldForgeException;
import ai.worldforge.json.Json;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonValue;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns a request body into the JSON object a workflow route reads. The nesting depth is checked
 * on the raw bytes before anything is parsed, so a body of a million {@code [} costs one linear
 * scan and no parser or tree walk ever recurses that deep. Stateless.
 */
final class RequestBodyJson {
    private RequestBodyJson() {}

    /**
     * The body as a JSON object ({@code {}} when empty).
     *
     * @throws ServiceException 400 {@code request body must nest at most N levels deep (the service
     *     limit)} when arrays and objects nest deeper than {@code maxDepth}
     * @throws WorldForgeException {@code request body must be a JSON object} when the body is not
     *     UTF-8, not JSON or not an object
     */
    static JsonObject parseObject(byte[] body, int maxDepth) {
        if (body.length == 0) {
            return JsonObject.EMPTY;
        }
        if (nestingDepth(body, maxDepth) > maxDepth) {
            throw ServiceLimits.refused("request body must nest at most " + maxDepth + " levels deep");
        }
        JsonValue payload;
        try {
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
            payload = Json.parse(text);
        } catch (CharacterCodingException | RuntimeException e) {
            throw new WorldForgeException("request body must be a JSON object", e);
        }
        if (!(payload instanceof JsonObject object)) {
            throw new WorldForgeException("request body must be a JSON object");
        }
        return object;
    }

    /**
     * The deepest nesting of {@code [} and {@code {} outside strings, counting stops just past
     * {@code limit}. Malformed JSON gives some depth; the parser rejects it afterwards.
     */
    static int nestingDepth(byte[] body, int limit) {
        int depth = 0;
        int deepest = 0;
        boolean inString = false;
        for (int i = 0; i < body.length; i++) {
            byte b = body[i];
            if (inString) {
                if (b == '\\') {
                    i++;
                } else if (b == '"') {
                    inString = false;
                }
            } else if (b == '"') {
                inString = true;
            } else if (b == '[' || b == '{') {
                depth++;
                if (depth > deepest) {
                    deepest = depth;
                    if (deepest > limit) {
                        return deepest;
                    }
                }
            } else if (b == ']' || b == '}') {
                depth--;
            }
        }
        return deepest;
    }
}
