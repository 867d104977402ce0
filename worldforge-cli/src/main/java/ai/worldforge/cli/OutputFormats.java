package ai.worldforge.cli;

import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The format an {@code --output} file asks for by its suffix ({@code .md}/{@code .markdown},
 * {@code .json}, {@code .csv}, {@code .html}/{@code .htm}), for commands whose {@code --format}
 * was not typed: {@code runs compare --output x.md} writes Markdown, not the default JSON.
 */
final class OutputFormats {
    private OutputFormats() {}

    /** The constant of {@code formats} named by {@code output}'s suffix, when it has one. */
    static <E extends Enum<E>> Optional<E> fromSuffix(@Nullable String output, Class<E> formats) {
        if (output == null) {
            return Optional.empty();
        }
        String name = output.toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        if (dot < 0 || name.indexOf('/', dot) >= 0) {
            return Optional.empty();
        }
        String format = switch (name.substring(dot + 1)) {
            case "md", "markdown" -> "markdown";
            case "json" -> "json";
            case "csv" -> "csv";
            case "html", "htm" -> "html";
            default -> "";
        };
        for (E constant : formats.getEnumConstants()) {
            if (constant.name().equals(format)) {
                return Optional.of(constant);
            }
        }
        return Optional.empty();
    }
}
