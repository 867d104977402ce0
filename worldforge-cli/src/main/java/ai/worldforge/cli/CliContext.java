package ai.worldforge.cli;

import ai.worldforge.WorldForge;
import ai.worldforge.error.WorldForgeException;
import ai.worldforge.json.Json;
import ai.worldforge.json.JsonValue;
import ai.worldforge.provider.Environment;
import ai.worldforge.store.LocalJsonWorldStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a command needs from its host: output streams, the environment and the working directory.
 * Injected so that tests run commands in-process with captured output.
 */
final class CliContext {
    final PrintWriter out;
    final PrintWriter err;
    final Environment environment;
    final Path workingDirectory;
    /** Whether stderr is a terminal a person watches: only then may progress be drawn on it. */
    final boolean interactive;

    CliContext(PrintWriter out, PrintWriter err, Environment environment, Path workingDirectory) {
        this(out, err, environment, workingDirectory, false);
    }

    CliContext(PrintWriter out, PrintWriter err, Environment environment, Path workingDirectory, boolean interactive) {
        this.out = out;
        this.err = err;
        this.environment = environment;
        this.workingDirectory = workingDirectory;
        this.interactive = interactive;
    }

    /** The variable that raises or lowers the largest world file commands read. */
    static final String MAX_WORLD_BYTES_VARIABLE = "WORLDFORGE_MAX_WORLD_BYTES";

    /**
     * A forge over {@code stateDir} (resolved against the working directory); the directory is
     * created by the first save, not here.
     */
    WorldForge forge(String stateDir) {
        return WorldForge.builder()
                .store(LocalJsonWorldStore.builder(workingDirectory.resolve(stateDir))
                        .maxWorldBytes(maxWorldBytes())
                        .build())
                .environment(environment)
                .build();
    }

    /**
     * The largest world file (store or import) commands read: {@value #MAX_WORLD_BYTES_VARIABLE}
     * when set, else {@link LocalJsonWorldStore#DEFAULT_MAX_WORLD_BYTES}.
     *
     * @throws WorldForgeException when the variable is not a positive integer
     */
    long maxWorldBytes() {
        String value = environment.get(MAX_WORLD_BYTES_VARIABLE);
        if (value == null || value.isBlank()) {
            return LocalJsonWorldStore.DEFAULT_MAX_WORLD_BYTES;
        }
        try {
            long parsed = Long.parseLong(value.strip());
            if (parsed > 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new WorldForgeException(MAX_WORLD_BYTES_VARIABLE + " must be a positive integer (bytes).");
    }

    /**
     * A read-only map view of {@code environment} for core APIs that look variables up by name
     * ({@code get} only; the process environment is never copied or enumerated).
     */
    static Map<String, String> environmentMap(Environment environment) {
        return new AbstractMap<>() {
            @Override
            public @Nullable String get(Object key) {
                return key instanceof String name ? environment.get(name) : null;
            }

            @Override
            public boolean containsKey(Object key) {
                return get(key) != null;
            }

            @Override
            public Set<Map.Entry<String, String>> entrySet() {
                throw new UnsupportedOperationException("the environment view only supports lookups by name");
            }
        };
    }

    /**
     * A user path as typed when the context's directory is the process's working directory (so
     * relative paths stay relative in printed output, as the reference prints them); otherwise
     * resolved against the context's directory, which embedded hosts and tests set.
     */
    Path userPath(String value) {
        Path typed = Path.of(value);
        if (typed.isAbsolute() || !workingDirectory.equals(Path.of("").toAbsolutePath())) {
            return workingDirectory.resolve(typed);
        }
        return typed;
    }

    /** Resolves a user path against the working directory. */
    Path path(String value) {
        return workingDirectory.resolve(value).toAbsolutePath().normalize();
    }

    /** Prints pretty JSON in insertion order (the reference's default JSON output). */
    void printJson(JsonValue value) {
        out.println(Json.writePretty(value, false));
        out.flush();
    }

    /** Prints text followed by a newline. */
    void println(String text) {
        out.println(text);
        out.flush();
    }
}
