package ai.worldforge.event;

import ai.worldforge.json.Json;
import ai.worldforge.json.JsonObject;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * Logs each provider event as one canonical JSON record (the reference's {@code JsonLoggerSink}):
 * {@code {"event_type": "provider_event", **extraFields, **event}} with sorted keys and no
 * whitespace; event fields win over extra fields with the same name.
 *
 * <p>By default records go to the SLF4J logger {@code worldforge.providers} at INFO. {@link
 * Builder#lineWriter} replaces the logger with any line consumer (a test buffer, a socket, a
 * queue). Extra fields are redacted and validated once, at construction ("JsonLoggerSink
 * extra_fields"), so host-supplied correlation values follow the same secret rules as events.
 * Thread-safe when the logger or line writer is.
 */
public final class JsonLoggerSink implements ProviderEventHandler {
    private final @Nullable Logger logger;
    private final Level level;
    private final @Nullable Consumer<String> lineWriter;
    private final JsonObject extraFields;

    /** A sink logging to {@code worldforge.providers} at INFO without extra fields. */
    public JsonLoggerSink() {
        this(builder());
    }

    private JsonLoggerSink(Builder builder) {
        this.lineWriter = builder.lineWriter;
        this.logger = builder.lineWriter != null
                ? null
                : builder.logger != null ? builder.logger : LoggerFactory.getLogger(ProviderEventHandlers.LOGGER_NAME);
        this.level = builder.level;
        this.extraFields = EventPayloads.extras(builder.extraFields, "JsonLoggerSink extra_fields");
    }

    /** A builder with the defaults (logger {@code worldforge.providers}, INFO, no extras). */
    public static Builder builder() {
        return new Builder();
    }

    /** The redacted, validated extra fields. */
    public JsonObject extraFields() {
        return extraFields;
    }

    /** The level records are logged at (unused with a line writer). */
    public Level level() {
        return level;
    }

    /** The JSON record for {@code event}, exactly as it is logged. */
    public String format(ProviderEvent event) {
        return Json.write(EventPayloads.merged(extraFields, event).build());
    }

    @Override
    public void handle(ProviderEvent event) {
        Consumer<String> writer = lineWriter;
        if (writer != null) {
            writer.accept(format(event));
            return;
        }
        Logger log = Objects.requireNonNull(logger);
        // Checking the level first skips building the JSON when the record would be dropped.
        if (log.isEnabledForLevel(level)) {
            log.atLevel(level).log(format(event));
        }
    }

    /** Builder for {@link JsonLoggerSink}; not thread-safe. */
    public static final class Builder {
        private @Nullable Logger logger;
        private Level level = Level.INFO;
        private @Nullable Consumer<String> lineWriter;
        private JsonObject extraFields = JsonObject.EMPTY;

        private Builder() {}

        /** The SLF4J logger (default {@code worldforge.providers}). */
        public Builder logger(Logger value) {
            logger = Objects.requireNonNull(value, "logger");
            return this;
        }

        /** The level records are logged at (default INFO). */
        public Builder level(Level value) {
            level = Objects.requireNonNull(value, "level");
            return this;
        }

        /** Sends each record to {@code value} instead of a logger. */
        public Builder lineWriter(Consumer<String> value) {
            lineWriter = Objects.requireNonNull(value, "lineWriter");
            return this;
        }

        /** Host fields added to every record (redacted and validated on build). */
        public Builder extraFields(JsonObject value) {
            extraFields = Objects.requireNonNull(value, "extraFields");
            return this;
        }

        /**
         * Builds the sink.
         *
         * @throws ai.worldforge.error.WorldForgeException when an extra field is not valid JSON
         */
        public JsonLoggerSink build() {
            return new JsonLoggerSink(this);
        }
    }
}
