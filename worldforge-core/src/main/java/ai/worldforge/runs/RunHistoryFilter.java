package ai.worldforge.runs;

import ai.worldforge.error.WorldForgeException;
import ai.worldforge.internal.PyStrings;
import ai.worldforge.json.JsonNull;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Run history filters; all set filters must match (AND). {@code provider} is a case-insensitive
 * substring; {@code capability}, {@code status} and {@code artifactType} are case-insensitive exact
 * matches; the date bounds are inclusive and exclude runs without a date.
 *
 * @param provider provider substring
 * @param capability capability name
 * @param status run status
 * @param createdFrom first creation date
 * @param createdTo last creation date
 * @param artifactType safe artifact label or suffix
 */
public record RunHistoryFilter(
        Optional<String> provider,
        Optional<String> capability,
        Optional<String> status,
        Optional<LocalDate> createdFrom,
        Optional<LocalDate> createdTo,
        Optional<String> artifactType) {
    /** A filter that matches everything. */
    public static final RunHistoryFilter NONE = new RunHistoryFilter(
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    /** Checks for nulls. */
    public RunHistoryFilter {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(capability, "capability");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdFrom, "createdFrom");
        Objects.requireNonNull(createdTo, "createdTo");
        Objects.requireNonNull(artifactType, "artifactType");
    }

    /**
     * A filter from CLI strings: blank values are unset, values are stripped, dates parsed.
     *
     * @throws WorldForgeException {@code run history date must use YYYY-MM-DD: <value>} for a bad
     *     date
     */
    public static RunHistoryFilter fromStrings(
            @Nullable String provider,
            @Nullable String capability,
            @Nullable String status,
            @Nullable String createdFrom,
            @Nullable String createdTo,
            @Nullable String artifactType) {
        return new RunHistoryFilter(
                clean(provider),
                clean(capability),
                clean(status),
                parseDate(createdFrom),
                parseDate(createdTo),
                clean(artifactType));
    }

    /**
     * Python {@code date.fromisoformat} of a stripped {@code YYYY-MM-DD} value; blank is unset.
     *
     * @throws WorldForgeException {@code run history date must use YYYY-MM-DD: <value>}
     */
    public static Optional<LocalDate> parseDate(@Nullable String value) {
        if (value == null || PyStrings.strip(value).isEmpty()) {
            return Optional.empty();
        }
        String stripped = PyStrings.strip(value);
        // date.fromisoformat also takes the basic form YYYYMMDD; both are four-digit years.
        String iso = stripped.matches("\\d{8}")
                ? stripped.substring(0, 4) + "-" + stripped.substring(4, 6) + "-" + stripped.substring(6)
                : stripped;
        if (!iso.matches("\\d{4}-\\d{2}-\\d{2}")) {
            throw new WorldForgeException("run history date must use YYYY-MM-DD: " + value);
        }
        try {
            return Optional.of(LocalDate.parse(iso));
        } catch (DateTimeParseException e) {
            throw new WorldForgeException("run history date must use YYYY-MM-DD: " + value, e);
        }
    }

    private static Optional<String> clean(@Nullable String value) {
        if (value == null) {
            return Optional.empty();
        }
        String cleaned = PyStrings.strip(value);
        return cleaned.isEmpty() ? Optional.empty() : Optional.of(cleaned);
    }

    /** Whether any filter is set. */
    public boolean isActive() {
        return !equals(NONE);
    }

    /** The {@code filter_applied} object of the run index: six keys, unset ones null. */
    public JsonObject toJson() {
        return JsonObject.builder()
                .put("provider", text(provider))
                .put("capability", text(capability))
                .put("status", text(status))
                .put("created_from", text(createdFrom.map(LocalDate::toString)))
                .put("created_to", text(createdTo.map(LocalDate::toString)))
                .put("artifact_type", text(artifactType))
                .build();
    }

    private static JsonValue text(Optional<String> value) {
        return value.<JsonValue>map(JsonString::of).orElse(JsonNull.INSTANCE);
    }

    /** Whether {@code record} passes every set filter. */
    public boolean matches(RunHistoryRecord record) {
        return provider.map(p -> record.provider()
                                .toLowerCase(java.util.Locale.ROOT)
                                .contains(p.toLowerCase(java.util.Locale.ROOT)))
                        .orElse(true)
                && capability
                        .map(c -> containsIgnoreCase(record.capabilities(), c))
                        .orElse(true)
                && status.map(s -> s.equalsIgnoreCase(record.status())).orElse(true)
                && createdFrom
                        .map(from ->
                                record.createdDate().map(d -> !d.isBefore(from)).orElse(false))
                        .orElse(true)
                && createdTo
                        .map(to -> record.createdDate().map(d -> !d.isAfter(to)).orElse(false))
                        .orElse(true)
                && artifactType
                        .map(t -> containsIgnoreCase(record.safeArtifactTypes(), t)
                                || containsIgnoreCase(record.artifactSuffixes(), t))
                        .orElse(true);
    }

    private static boolean containsIgnoreCase(java.util.List<String> values, String expected) {
        String lowered = expected.toLowerCase(java.util.Locale.ROOT);
        for (String value : values) {
            if (value.toLowerCase(java.util.Locale.ROOT).equals(lowered)) {
                return true;
            }
        }
        return false;
    }
}
