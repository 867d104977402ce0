package ai.worldforge.runs;

import ai.worldforge.error.WorldForgeException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Sortable, file-safe run ids: {@code YYYYMMDDTHHMMSSZ-xxxxxxxx}, a UTC timestamp and the first
 * eight lowercase hex digits of a random UUID (e.g. {@code 20260430T120000Z-1a2b3c4d}). Stateless.
 */
public final class RunIds {
    /** The run id pattern ({@code ^\d{8}T\d{6}Z-[a-f0-9]{8}$}). */
    public static final Pattern PATTERN = Pattern.compile("^\\d{8}T\\d{6}Z-[a-f0-9]{8}$");

    /** The reference's validation message. */
    public static final String INVALID_MESSAGE =
            "run_id must match YYYYMMDDTHHMMSSZ-xxxxxxxx with a lowercase hex suffix";

    static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private RunIds() {}

    /** A new run id stamped with {@code clock}'s current UTC second and a random UUID suffix. */
    public static String create(Clock clock) {
        return create(clock, UUID::randomUUID);
    }

    /** A new run id stamped with {@code clock}'s current UTC second and a suffix from {@code uuids}. */
    public static String create(Clock clock, Supplier<UUID> uuids) {
        return create(clock.instant(), uuids.get());
    }

    /** The run id for {@code instant} (truncated to the second) and the first 8 hex digits of {@code uuid}. */
    public static String create(Instant instant, UUID uuid) {
        String hex = uuid.toString().replace("-", "");
        return TIMESTAMP.format(instant) + "-" + hex.substring(0, 8);
    }

    /** Whether {@code runId} matches {@link #PATTERN}. */
    public static boolean isValid(String runId) {
        return PATTERN.matcher(runId).matches() && runId.indexOf('\n') < 0;
    }

    /**
     * Returns {@code runId} unchanged when valid.
     *
     * @throws WorldForgeException with {@link #INVALID_MESSAGE} otherwise
     */
    public static String validate(String runId) {
        if (!isValid(runId)) {
            throw new WorldForgeException(INVALID_MESSAGE);
        }
        return runId;
    }

    /**
     * The manifest {@code created_at} derived from a run id's timestamp: {@code
     * 2026-04-30T12:00:00Z}.
     *
     * @throws WorldForgeException when the id is invalid
     */
    public static String createdAt(String runId) {
        return DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(
                        timestamp(runId).atOffset(ZoneOffset.UTC).toLocalDateTime()) + "Z";
    }

    /** The UTC instant encoded in a valid run id. */
    public static Instant timestamp(String runId) {
        validate(runId);
        return parseStamp(runId.substring(0, 16)).orElseThrow(() -> new WorldForgeException(INVALID_MESSAGE));
    }

    /** The instant of a {@code YYYYMMDDTHHMMSSZ} stamp, if it is a real date and time. */
    static java.util.Optional<Instant> parseStamp(String stamp) {
        if (!stamp.matches("\\d{8}T\\d{6}Z")) {
            return java.util.Optional.empty();
        }
        try {
            LocalDateTime parsed = LocalDateTime.parse(
                    stamp,
                    DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'", Locale.ROOT)
                            .withResolverStyle(java.time.format.ResolverStyle.STRICT));
            return java.util.Optional.of(parsed.toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return java.util.Optional.empty();
        }
    }
}
