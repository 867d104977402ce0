package ai.worldforge.cli;

import ai.worldforge.json.Json;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
import ai.worldforge.provider.Environment;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Runs the CLI in-process in a working directory with a fixed environment, capturing output. */
final class CliRunner {
    private final Path directory;
    private final Map<String, String> environment;
    private final boolean interactive;

    CliRunner(Path directory) {
        this(directory, Map.of());
    }

    CliRunner(Path directory, Map<String, String> environment) {
        this(directory, environment, false);
    }

    private CliRunner(Path directory, Map<String, String> environment, boolean interactive) {
        this.directory = directory;
        this.environment = environment;
        this.interactive = interactive;
    }

    /** The same runner as if a person were watching a terminal. */
    CliRunner interactive() {
        return new CliRunner(directory, environment, true);
    }

    /** One run: exit code and captured streams. */
    record Result(int code, String out, String err) {
        JsonValue value() {
            return Json.parse(out);
        }

        JsonObject json() {
            return (JsonObject) value();
        }

        String text(String key) {
            return ((JsonString) json().get(key)).value();
        }
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(
                args,
                new CliContext(
                        new PrintWriter(out),
                        new PrintWriter(err),
                        Environment.of(environment),
                        directory,
                        interactive));
        return new Result(code, out.toString(), err.toString());
    }

    /** Every regular file under the directory with its bytes, to prove that nothing changed. */
    Map<String, String> snapshot() {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                if (Files.isRegularFile(path)) {
                    // Latin-1 maps every byte to one char, so binary files compare byte for byte too.
                    files.put(
                            directory.relativize(path).toString(),
                            new String(Files.readAllBytes(path), java.nio.charset.StandardCharsets.ISO_8859_1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }
}
