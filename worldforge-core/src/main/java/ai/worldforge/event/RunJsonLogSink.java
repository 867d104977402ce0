package ai.worldforge.event;

import ai.worldforge.error.WorldForgeException;
import ai.worldforge.json.Json;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Appends provider events to a run-scoped JSON Lines file (the reference's {@code
 * RunJsonLogSink}): one canonical JSON object per line, {@code {"event_type": "provider_event",
 * **extraFields, **event, "run_id": runId}}.
 *
 * <p>The sink's run id wins over the event's and the extra fields' so every line joins to the
 * same run; an event's {@code request_id} (or other correlation id) overrides an extra field of the
 * same name only when the event has one, because unset ids are omitted from the event's JSON.
 *
 * <p>Each event opens the file in append mode, writes the whole line with one write and closes it,
 * under a lock: no handle stays open (nothing to close, and a rotated or deleted file is simply
 * recreated), and a crash loses at most the line being written. Writers in other sinks or
 * processes appending to the same file do not interleave within a line on local file systems,
 * because each line is a single append. Construction creates the parent directories.
 */
public final class RunJsonLogSink implements ProviderEventHandler {
    private static final String BLANK_RUN_ID = "RunJsonLogSink run_id must be a non-empty string.";

    private final Path logPath;
    private final String runId;
    private final JsonString runIdJson;
    private final JsonObject extraFields;
    private final Object lock = new Object();

    /** A sink for {@code runId} appending to {@code path}, without extra fields. */
    public RunJsonLogSink(Path path, String runId) {
        this(path, runId, JsonObject.EMPTY);
    }

    /**
     * A sink for {@code runId} appending to {@code path}.
     *
     * @param path the JSON Lines file; its parent directories are created
     * @param runId the run id stamped on every line (stripped and text-redacted)
     * @param extraFields host fields added to every line (redacted and validated here)
     * @throws WorldForgeException when the run id is blank ("RunJsonLogSink run_id must be a non-empty string."), an extra
     *     field is not valid JSON, or the directory cannot be created
     */
    public RunJsonLogSink(Path path, @Nullable String runId, JsonObject extraFields) {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(extraFields, "extraFields");
        if (runId == null || Redaction.pyStrip(runId).isEmpty()) {
            throw new WorldForgeException(BLANK_RUN_ID);
        }
        String clean = Redaction.redactText(Redaction.pyStrip(runId));
        if (clean.isEmpty()) {
            throw new WorldForgeException(BLANK_RUN_ID);
        }
        this.runId = clean;
        this.runIdJson = JsonString.of(clean);
        this.logPath = path;
        this.extraFields = EventPayloads.extras(extraFields, "RunJsonLogSink extra_fields");
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) {
            try {
                Files.createDirectories(parent);
            } catch (IOException e) {
                throw new WorldForgeException(
                        "RunJsonLogSink could not create the directory " + parent + ": " + e.getMessage(), e);
            }
        }
    }

    /** The JSON Lines file this sink appends to. */
    public Path logPath() {
        return logPath;
    }

    /** The sanitised run id stamped on every line. */
    public String runId() {
        return runId;
    }

    /** The redacted, validated extra fields. */
    public JsonObject extraFields() {
        return extraFields;
    }

    /** The line written for {@code event}, without its trailing newline. */
    public String format(ProviderEvent event) {
        return Json.write(EventPayloads.merged(extraFields, event)
                .put("run_id", runIdJson)
                .build());
    }

    /**
     * Appends one line for {@code event}.
     *
     * @throws WorldForgeException when the file cannot be written
     */
    @Override
    public void handle(ProviderEvent event) {
        byte[] json = Json.writeBytes(EventPayloads.merged(extraFields, event)
                .put("run_id", runIdJson)
                .build());
        ByteBuffer line =
                ByteBuffer.allocate(json.length + 1).put(json).put((byte) '\n').flip();
        synchronized (lock) {
            try (FileChannel channel = FileChannel.open(
                    logPath, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
                while (line.hasRemaining()) {
                    channel.write(line);
                }
            } catch (IOException e) {
                throw new WorldForgeException(
                        "RunJsonLogSink could not append to " + logPath + ": " + e.getMessage(), e);
            }
        }
    }
}
