package ai.worldforge.provider.http;

import ai.worldforge.internal.PyStrings;
import java.util.List;
import java.util.Locale;

/** Media-type matching of the reference's response validation. Stateless and thread-safe. */
public final class ContentTypes {
    private ContentTypes() {}

    /**
     * Whether {@code contentType} is allowed: its part before {@code ;}, stripped and lower-cased,
     * equals an accepted entry (lower-cased), or starts with an entry ending in {@code /} (so
     * {@code video/} accepts every video type).
     */
    public static boolean isAllowed(String contentType, List<String> accepted) {
        int semicolon = contentType.indexOf(';');
        String normalized = PyStrings.strip(semicolon < 0 ? contentType : contentType.substring(0, semicolon))
                .toLowerCase(Locale.ROOT);
        for (String entry : accepted) {
            String expected = entry.toLowerCase(Locale.ROOT);
            if (expected.endsWith("/") && normalized.startsWith(expected)) {
                return true;
            }
            if (normalized.equals(expected)) {
                return true;
            }
        }
        return false;
    }
}
