package ai.worldforge.model;

import ai.worldforge.error.WorldForgeException;
import ai.worldforge.internal.BoundedFiles;
import ai.worldforge.internal.Checks;
import ai.worldforge.internal.ErrorText;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonFloat;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Encoded media returned by generation and transfer: one or more frames (for remote providers
 * usually one MP4 blob), frame rate, resolution and duration. Immutable and thread-safe: frame
 * arrays are copied in and out.
 */
public final class VideoClip {
    private final List<byte[]> frames;
    private final double fps;
    private final int width;
    private final int height;
    private final double durationSeconds;
    private final JsonObject metadata;

    /**
     * Creates a clip.
     *
     * @param frames frame payloads (copied)
     * @param fps frames per second, finite and greater than 0
     * @param width positive width in pixels
     * @param height positive height in pixels
     * @param durationSeconds finite, non-negative duration
     * @param metadata JSON metadata ({@code content_type} sets {@link #contentType()})
     */
    public VideoClip(
            List<byte[]> frames, double fps, int width, int height, double durationSeconds, JsonObject metadata) {
        List<byte[]> copies = new ArrayList<>(frames.size());
        for (byte[] frame : frames) {
            if (frame == null) {
                throw new WorldForgeException("VideoClip frames must be a list of bytes.");
            }
            copies.add(frame.clone());
        }
        Checks.finite(fps, "VideoClip fps");
        if (fps <= 0) {
            throw new WorldForgeException("VideoClip fps must be greater than 0.");
        }
        if (width <= 0 || height <= 0) {
            throw new WorldForgeException("VideoClip resolution must contain positive integers.");
        }
        Checks.finite(durationSeconds, "VideoClip duration_seconds");
        if (durationSeconds < 0) {
            throw new WorldForgeException("VideoClip duration_seconds must be greater than or equal to 0.");
        }
        this.frames = List.copyOf(copies);
        this.fps = fps;
        this.width = width;
        this.height = height;
        this.durationSeconds = durationSeconds;
        this.metadata = Checks.jsonObject(metadata, "VideoClip metadata");
    }

    /** Copies of the frames, in order. */
    public List<byte[]> frames() {
        List<byte[]> out = new ArrayList<>(frames.size());
        for (byte[] frame : frames) {
            out.add(frame.clone());
        }
        return out;
    }

    /** Frame {@code index} (a copy). */
    public byte[] frame(int index) {
        return frames.get(index).clone();
    }

    /** Number of frames. */
    public int frameCount() {
        return frames.size();
    }

    /** Frames per second. */
    public double fps() {
        return fps;
    }

    /** Width in pixels. */
    public int width() {
        return width;
    }

    /** Height in pixels. */
    public int height() {
        return height;
    }

    /** Duration in seconds. */
    public double durationSeconds() {
        return durationSeconds;
    }

    /** Metadata. */
    public JsonObject metadata() {
        return metadata;
    }

    /** The single frame, or all frames concatenated. */
    public byte[] blob() {
        if (frames.size() == 1) {
            return frames.get(0).clone();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] frame : frames) {
            out.writeBytes(frame);
        }
        return out.toByteArray();
    }

    /** {@code metadata.content_type}, else {@code application/octet-stream}. */
    public String contentType() {
        JsonValue value = metadata.get("content_type");
        if (value instanceof JsonString s && !s.value().isEmpty()) {
            return s.value();
        }
        return "application/octet-stream";
    }

    /** Writes {@link #blob()} to {@code path}, creating parent directories. */
    public Path save(Path path) {
        try {
            Path parent = path.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.write(path, blob());
            return path;
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to write video clip to " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a media file as a one-frame clip; metadata records {@code content_type} (guessed from
     * the extension) and {@code source_path}.
     */
    public static VideoClip fromFile(Path path, double fps, int width, int height, double durationSeconds) {
        if (!Files.exists(path)) {
            throw new WorldForgeException("Video clip source does not exist: " + path);
        }
        if (!Files.isRegularFile(path)) {
            throw new WorldForgeException("Video clip source is not a file: " + path);
        }
        byte[] bytes;
        try {
            bytes = BoundedFiles.readBytes(path, BoundedFiles.LARGE_FILE_BYTES);
        } catch (IOException e) {
            throw new WorldForgeException("Failed to read video clip from " + path + ": " + ErrorText.reason(e), e);
        }
        JsonObject metadata = JsonObject.builder()
                .put("content_type", JsonString.of(contentTypeFor(path)))
                .put("source_path", JsonString.of(path.toString()))
                .build();
        return new VideoClip(List.of(bytes), fps, width, height, durationSeconds, metadata);
    }

    /** {@link #fromFile(Path, double, int, int, double)} with 24 fps, 1280×720 and duration 0. */
    public static VideoClip fromFile(Path path) {
        return fromFile(path, 24.0, 1280, 720, 0.0);
    }

    static String contentTypeFor(Path path) {
        String name =
                path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1);
        return switch (extension) {
            case "mp4", "m4v" -> "video/mp4";
            case "webm" -> "video/webm";
            case "mov" -> "video/quicktime";
            case "avi" -> "video/x-msvideo";
            case "mkv" -> "video/x-matroska";
            case "gif" -> "image/gif";
            case "png" -> "image/png";
            case "jpg", "jpeg" -> "image/jpeg";
            case "webp" -> "image/webp";
            case "json" -> "application/json";
            default -> "application/octet-stream";
        };
    }

    /** {@code {frame_count, fps, resolution, duration_seconds, content_type, metadata}}. */
    public JsonObject toJson() {
        return JsonObject.builder()
                .put("frame_count", JsonInt.of(frames.size()))
                .put("fps", JsonFloat.of(fps))
                .put("resolution", JsonArray.of(JsonInt.of(width), JsonInt.of(height)))
                .put("duration_seconds", JsonFloat.of(durationSeconds))
                .put("content_type", JsonString.of(contentType()))
                .put("metadata", metadata)
                .build();
    }
}
