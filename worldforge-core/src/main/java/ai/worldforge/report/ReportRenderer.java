package ai.worldforge.report;

import ai.worldforge.error.WorldForgeException;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Metadata and callback of one report renderer: how one artifact family (for example {@code
 * evaluation}, {@code benchmark}, {@code evidence-bundle}) is rendered in one output format (the
 * reference's {@code ReportRenderer}). Register it with {@link ReportRendererRegistry#register}.
 *
 * <p>The callback receives the artifact's JSON payload and returns a {@link ReportRenderResult};
 * {@link #ofText} adapts a callback that returns plain text, wrapping it with this renderer's media
 * type and safety.
 *
 * @param artifactFamily family id, {@code ^[a-z0-9][a-z0-9_-]*$}
 * @param outputFormat format id, {@code ^[a-z0-9][a-z0-9_-]*$}
 * @param mediaType {@code type/subtype}; each part starts with a lowercase letter or digit and holds
 *     lowercase letters, digits and {@code . + -}
 * @param supportedSchemas non-empty list of non-blank payload schema ids (for example {@code
 *     evaluation:1})
 * @param safeToAttach whether output is safe to attach; otherwise it is local-only
 * @param render the callback
 * @param description a human description (may be empty)
 */
public record ReportRenderer(
        String artifactFamily,
        String outputFormat,
        String mediaType,
        List<String> supportedSchemas,
        boolean safeToAttach,
        Function<JsonObject, ReportRenderResult> render,
        String description) {

    private static final Pattern IDENTIFIER = Pattern.compile("^[a-z0-9][a-z0-9_-]*$");
    private static final Pattern MEDIA_TYPE = Pattern.compile("^[a-z0-9][a-z0-9.+-]*/[a-z0-9][a-z0-9.+-]*$");

    /**
     * Validates with the reference's messages.
     *
     * @throws WorldForgeException {@code Report renderer artifact_family must use lowercase
     *     letters, numbers, '_' or '-'.} (likewise {@code output_format}), {@code Report renderer
     *     media_type must be a valid type/subtype string.}, {@code Report renderer
     *     supported_schemas must be a non-empty string tuple.}, {@code Report renderer render must
     *     be callable.} or {@code Report renderer description must be a string.}
     */
    public ReportRenderer {
        validateIdentifier(artifactFamily, "artifact_family");
        validateIdentifier(outputFormat, "output_format");
        validateMediaType(mediaType);
        if (supportedSchemas == null
                || supportedSchemas.isEmpty()
                || supportedSchemas.stream().anyMatch(s -> s == null || s.isBlank())) {
            throw new WorldForgeException("Report renderer supported_schemas must be a non-empty string tuple.");
        }
        supportedSchemas = List.copyOf(supportedSchemas);
        if (render == null) {
            throw new WorldForgeException("Report renderer render must be callable.");
        }
        if (description == null) {
            throw new WorldForgeException("Report renderer description must be a string.");
        }
    }

    /**
     * A renderer whose callback returns plain text; the text is wrapped in a {@link
     * ReportRenderResult} with this renderer's media type, {@code safe_to_attach = safeToAttach}
     * and {@code local_only = !safeToAttach}.
     */
    public static ReportRenderer ofText(
            String artifactFamily,
            String outputFormat,
            String mediaType,
            List<String> supportedSchemas,
            boolean safeToAttach,
            Function<JsonObject, String> render,
            String description) {
        if (render == null) {
            throw new WorldForgeException("Report renderer render must be callable.");
        }
        Function<JsonObject, ReportRenderResult> wrapped = payload -> {
            String text = render.apply(payload);
            if (text == null) {
                throw new WorldForgeException("Report renderer must return a string or ReportRenderResult.");
            }
            return new ReportRenderResult(text, mediaType, safeToAttach, !safeToAttach);
        };
        return new ReportRenderer(
                artifactFamily, outputFormat, mediaType, supportedSchemas, safeToAttach, wrapped, description);
    }

    /** The registry key, {@code family:format}. */
    public String key() {
        return artifactFamily + ":" + outputFormat;
    }

    /**
     * {@code {artifact_family, output_format, media_type, supported_schemas, safe_to_attach,
     * local_only, description}}, without the callback; {@code local_only} is {@code
     * !safe_to_attach}.
     */
    public JsonObject metadata() {
        return JsonObject.builder(7)
                .put("artifact_family", artifactFamily)
                .put("output_format", outputFormat)
                .put("media_type", mediaType)
                .put(
                        "supported_schemas",
                        JsonArray.copyOf(
                                supportedSchemas.stream().map(JsonString::of).toList()))
                .put("safe_to_attach", safeToAttach)
                .put("local_only", !safeToAttach)
                .put("description", description)
                .build();
    }

    static String validateIdentifier(String value, String field) {
        if (value == null || !IDENTIFIER.matcher(value).matches()) {
            throw new WorldForgeException(
                    "Report renderer " + field + " must use lowercase letters, numbers, '_' or '-'.");
        }
        return value;
    }

    static String validateMediaType(String value) {
        if (value == null || !MEDIA_TYPE.matcher(value).matches()) {
            throw new WorldForgeException("Report renderer media_type must be a valid type/subtype string.");
        }
        return value;
    }

    /** Media types of the built-in formats: json, markdown, csv and html. */
    public static final Map<String, String> BUILTIN_MEDIA_TYPES = Map.of(
            "json", "application/json",
            "markdown", "text/markdown",
            "csv", "text/csv",
            "html", "text/html");
}
