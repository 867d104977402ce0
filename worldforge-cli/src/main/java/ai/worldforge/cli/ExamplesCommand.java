package ai.worldforge.cli;

import ai.worldforge.json.Json;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code examples}: the index of runnable examples of this checkout grouped by task, as Markdown
 * tables or pretty JSON, in the reference's layout. Every command it lists exists here ({@code
 * bin/worldforge …}, the hosts under {@code bin/}, the Java examples module); the reference lists
 * its own {@code uv run …} entry points instead. Not wrapped in the public error format: it cannot
 * fail.
 */
@Command(name = "examples", header = "List runnable examples grouped by task.", mixinStandardHelpOptions = true)
final class ExamplesCommand implements Callable<Integer> {
    private static final String RESOURCE = "examples.json";

    /** Output formats. */
    enum Format {
        markdown,
        json
    }

    private final CliContext context;

    @Option(names = "--format", paramLabel = "FORMAT", description = "Output format for the examples index.")
    Format format = Format.markdown;

    ExamplesCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        JsonArray examples = examples();
        if (format == Format.json) {
            context.printJson(examples);
        } else {
            context.println(markdown(examples));
        }
        return 0;
    }

    /** The bundled index: objects {@code {task, name, surface, requires, command, description}}. */
    static JsonArray examples() {
        try (InputStream in = ExamplesCommand.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Bundled examples index " + RESOURCE + " is missing.");
            }
            return (JsonArray) Json.parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to read the bundled examples index", e);
        }
    }

    /** {@code # WorldForge Examples}, then one {@code ## <task>} table per run of equal tasks. */
    static String markdown(JsonArray examples) {
        StringBuilder out = new StringBuilder("# WorldForge Examples");
        String currentTask = "";
        for (JsonValue value : examples) {
            JsonObject example = (JsonObject) value;
            String task = text(example, "task");
            if (!task.equals(currentTask)) {
                currentTask = task;
                out.append("\n\n## ").append(task).append("\n\n");
                out.append("| Example | Surface | Requirements | Command |\n");
                out.append("| --- | --- | --- | --- |");
            }
            out.append("\n| `")
                    .append(text(example, "name"))
                    .append("` | ")
                    .append(text(example, "surface"))
                    .append(" | ")
                    .append(text(example, "requires"))
                    .append(" | `")
                    .append(text(example, "command"))
                    .append("` |");
        }
        return out.toString();
    }

    private static String text(JsonObject object, String key) {
        return ((JsonString) object.get(key)).value();
    }
}
