package ai.worldforge.report;

import ai.worldforge.error.WorldForgeException;
import ai.worldforge.event.Redaction;
import ai.worldforge.json.JsonObject;
import java.nio.charset.StandardCharsets;

/**
 * Rendered report content with an explicit attachment-safety boundary (the reference's {@code
 * ReportRenderResult}). Exactly one of {@code safeToAttach} and {@code localOnly} holds, and
 * content declared safe must come back unchanged from {@link Redaction#redactText}: a renderer
 * cannot mark output safe while it still carries a token, credential or signed URL.
 *
 * @param content the rendered text
 * @param mediaType a {@code type/subtype} media type
 * @param safeToAttach whether the content may be attached to shared issues or reports
 * @param localOnly whether the content must stay on the host
 */
public record ReportRenderResult(String content, String mediaType, boolean safeToAttach, boolean localOnly) {

    /**
     * Validates.
     *
     * @throws WorldForgeException {@code Report renderer content must be a string.}, {@code Report
     *     renderer media_type must be a valid type/subtype string.}, {@code Report renderer output
     *     must be exactly one of safe-to-attach or local-only.} or {@code Report renderer safe
     *     output contains secret-like material.}
     */
    public ReportRenderResult {
        if (content == null) {
            throw new WorldForgeException("Report renderer content must be a string.");
        }
        ReportRenderer.validateMediaType(mediaType);
        if (safeToAttach == localOnly) {
            throw new WorldForgeException(
                    "Report renderer output must be exactly one of safe-to-attach or local-only.");
        }
        if (safeToAttach && !Redaction.redactText(content).equals(content)) {
            throw new WorldForgeException("Report renderer safe output contains secret-like material.");
        }
    }

    /** Content that may be shared ({@code safe_to_attach=true, local_only=false}). */
    public static ReportRenderResult safe(String content, String mediaType) {
        return new ReportRenderResult(content, mediaType, true, false);
    }

    /** Content that must stay on the host ({@code safe_to_attach=false, local_only=true}). */
    public static ReportRenderResult localOnly(String content, String mediaType) {
        return new ReportRenderResult(content, mediaType, false, true);
    }

    /** The UTF-8 size of the content in bytes. */
    public long sizeBytes() {
        return content.getBytes(StandardCharsets.UTF_8).length;
    }

    /** {@code {media_type, safe_to_attach, local_only, size_bytes}}, without the content. */
    public JsonObject toJson() {
        return JsonObject.builder(4)
                .put("media_type", mediaType)
                .put("safe_to_attach", safeToAttach)
                .put("local_only", localOnly)
                .put("size_bytes", sizeBytes())
                .build();
    }
}
