package ai.worldforge.provider.http;

import ai.worldforge.error.ProviderException;
import ai.worldforge.internal.BoundedFiles;
import ai.worldforge.internal.ErrorText;
import ai.worldforge.internal.PyStrings;
import ai.worldforge.model.GenerationOptions;
import ai.worldforge.model.VideoClip;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Media and sizing helpers shared by remote media providers (the reference's {@code
 * asset_to_uri}, {@code clip_to_data_uri} and {@code parse_size}). Stateless and thread-safe.
 */
public final class HttpAssets {
    private static final Pattern PY_INT = Pattern.compile("[+-]?[0-9]+(?:_[0-9]+)*");

    /** Extension → media type for the files media providers accept (Python {@code mimetypes}). */
    private static final Map<String, String> MEDIA_TYPES = Map.ofEntries(
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("jpe", "image/jpeg"),
            Map.entry("gif", "image/gif"),
            Map.entry("webp", "image/webp"),
            Map.entry("bmp", "image/bmp"),
            Map.entry("tif", "image/tiff"),
            Map.entry("tiff", "image/tiff"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("ico", "image/vnd.microsoft.icon"),
            Map.entry("avif", "image/avif"),
            Map.entry("heic", "image/heic"),
            Map.entry("mp4", "video/mp4"),
            Map.entry("m4v", "video/mp4"),
            Map.entry("mpg", "video/mpeg"),
            Map.entry("mpeg", "video/mpeg"),
            Map.entry("mov", "video/quicktime"),
            Map.entry("qt", "video/quicktime"),
            Map.entry("webm", "video/webm"),
            Map.entry("avi", "video/x-msvideo"),
            Map.entry("mkv", "video/x-matroska"),
            Map.entry("json", "application/json"),
            Map.entry("txt", "text/plain"));

    private HttpAssets() {}

    /** A validated output size in pixels. */
    public record OutputSize(int width, int height) {}

    /**
     * A URL or data URI for a provider API: {@code http://}, {@code https://} and {@code data:}
     * values pass through; anything else is a local file path ({@code ~} expanded, made absolute)
     * read now and encoded as {@code data:{type};base64,…}, the type guessed from the file name or
     * {@code defaultContentType}. Call it before any HTTP request so a bad path sends nothing.
     *
     * @throws ProviderException {@code Local asset path does not exist: {path}}, {@code Local
     *     asset path is not a file: {path}} or {@code Could not read local asset {path}: {error}}
     */
    public static String assetToUri(String value, String defaultContentType) {
        Objects.requireNonNull(value, "value");
        if (value.startsWith("http://") || value.startsWith("https://") || value.startsWith("data:")) {
            return value;
        }
        Path path;
        try {
            path = expandUser(value).toAbsolutePath().normalize();
        } catch (java.nio.file.InvalidPathException e) {
            throw new ProviderException("Could not read local asset " + value + ": " + e.getMessage(), e);
        }
        try {
            path = path.toRealPath();
        } catch (IOException ignored) {
            // A missing file is reported below with the unresolved absolute path.
        }
        if (Files.isDirectory(path)) {
            throw new ProviderException("Local asset path is not a file: " + path);
        }
        byte[] data;
        try {
            data = BoundedFiles.readBytes(path, BoundedFiles.LARGE_FILE_BYTES);
        } catch (NoSuchFileException e) {
            throw new ProviderException("Local asset path does not exist: " + path, e);
        } catch (IOException e) {
            throw new ProviderException("Could not read local asset " + path + ": " + ErrorText.reason(e), e);
        }
        String contentType = guessContentType(
                path.getFileName() == null ? "" : path.getFileName().toString());
        return "data:" + (contentType == null ? defaultContentType : contentType) + ";base64,"
                + Base64.getEncoder().encodeToString(data);
    }

    /** {@code data:{clip content type};base64,{blob}}. */
    public static String clipToDataUri(VideoClip clip) {
        return "data:" + clip.contentType() + ";base64," + Base64.getEncoder().encodeToString(clip.blob());
    }

    /**
     * The output size: {@code options.size} ({@code WIDTHxHEIGHT}, case-insensitive {@code x}),
     * else {@code options.ratio} ({@code WIDTH:HEIGHT}), else the fallback. Numbers follow Python
     * {@code int()} (surrounding whitespace, a sign and digit-group underscores allowed).
     *
     * @throws ProviderException {@code Invalid size '{s}'. Expected format WIDTHxHEIGHT.}, {@code
     *     Invalid ratio '{r}'. Expected format WIDTH:HEIGHT.} or {@code Output size values must be
     *     greater than 0.}
     */
    public static OutputSize parseSize(@Nullable GenerationOptions options, int fallbackWidth, int fallbackHeight) {
        if (options != null
                && options.size().isPresent()
                && !options.size().get().isEmpty()) {
            String size = options.size().get();
            String lower = size.toLowerCase(Locale.ROOT);
            int x = lower.indexOf('x');
            Integer width = x < 0 ? null : pyInt(lower.substring(0, x));
            Integer height = x < 0 ? null : pyInt(lower.substring(x + 1));
            if (width == null || height == null) {
                throw new ProviderException("Invalid size '" + size + "'. Expected format WIDTHxHEIGHT.");
            }
            return validated(width, height);
        }
        if (options != null
                && options.ratio().isPresent()
                && !options.ratio().get().isEmpty()) {
            String ratio = options.ratio().get();
            int colon = ratio.indexOf(':');
            Integer width = colon < 0 ? null : pyInt(ratio.substring(0, colon));
            Integer height = colon < 0 ? null : pyInt(ratio.substring(colon + 1));
            if (width == null || height == null) {
                throw new ProviderException("Invalid ratio '" + ratio + "'. Expected format WIDTH:HEIGHT.");
            }
            return validated(width, height);
        }
        return validated(fallbackWidth, fallbackHeight);
    }

    private static OutputSize validated(int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new ProviderException("Output size values must be greater than 0.");
        }
        return new OutputSize(width, height);
    }

    /** Python {@code int(text)}, or {@code null} when it raises; values beyond int range saturate. */
    private static @Nullable Integer pyInt(String text) {
        String stripped = PyStrings.strip(text);
        if (!PY_INT.matcher(stripped).matches()) {
            return null;
        }
        java.math.BigInteger value = new java.math.BigInteger(stripped.replace("_", ""));
        if (value.bitLength() > 31) {
            return value.signum() < 0 ? Integer.MIN_VALUE : Integer.MAX_VALUE;
        }
        return value.intValue();
    }

    private static Path expandUser(String value) {
        if (value.equals("~") || value.startsWith("~/")) {
            String home = System.getProperty("user.home", "");
            return Path.of(home + value.substring(1));
        }
        return Path.of(value);
    }

    /** The media type of {@code fileName}'s extension, or {@code null} when unknown. */
    static @Nullable String guessContentType(String fileName) {
        int dot = fileName.lastIndexOf('.');
        if (dot < 0 || dot == fileName.length() - 1) {
            return null;
        }
        return MEDIA_TYPES.get(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}
