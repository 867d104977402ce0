package ai.worldforge.cli;

import ai.worldforge.error.ProviderException;
import ai.worldforge.event.Redaction;
import ai.worldforge.internal.ErrorText;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The public error format: {@code WorldForge CLI error [<command path>]: <message>} and a {@code
 * First triage:} line, with secrets redacted and host-local paths replaced.
 *
 * <p>The triage line fits the kind of failure before it fits the command (the reference picks it
 * from the command first, so an import, permission or provider failure of a world command was
 * told to "retry with a listed world id"): a permission failure points at the named path's
 * permissions, an unreadable or malformed input file at the file, a provider failure at {@code
 * doctor} and {@code provider health}, a missing world at {@code world list}, a missing object at
 * {@code world objects}; everything else gets the reference's per-command line.
 */
final class CliErrors {
    /**
     * Host-local absolute paths. Unlike the reference, a path must start a token (not follow a
     * letter, digit, {@code _ . / -}), so prose such as {@code local/private destination} is kept.
     */
    private static final Pattern HOST_LOCAL =
            Pattern.compile("(?<![\\w./-])(?:/Users|/private|/var/folders|/tmp)[^\\s,;:)'\"]*");

    static final String PERMISSION_TRIAGE = "check the permissions of the path named above (`ls -ld <path>`): the"
            + " user running `bin/worldforge` needs read access to input files and write access to output and"
            + " state directories.";
    static final String IMPORT_TRIAGE = "check that the file named above exists and holds a world export or"
            + " world JSON file (`bin/worldforge world export <world-id> --output <file>` writes one), then retry"
            + " `bin/worldforge world import <file>`.";
    static final String INPUT_FILE_TRIAGE =
            "check that the file named above exists and holds UTF-8 JSON, then retry the command.";
    static final String PROVIDER_TRIAGE =
            "run `bin/worldforge doctor` and `bin/worldforge provider health <provider>`.";
    static final String WORLD_LIST_TRIAGE =
            "run `bin/worldforge world list --state-dir <state-dir>` and retry with a listed world id.";
    static final String OBJECT_TRIAGE =
            "run `bin/worldforge world objects <world-id> --state-dir <state-dir>` and retry with a listed object"
                    + " id.";
    static final String BUNDLE_OVERWRITE_TRIAGE = "rerun `bin/worldforge runs bundle <run-id>` with `--overwrite` to"
            + " replace the existing bundle, or pass an empty `--output` directory.";
    static final String RUN_LIST_TRIAGE =
            "run `bin/worldforge runs list --workspace-dir <workspace-dir>` and retry with a listed run id.";

    private CliErrors() {}

    /** Redacts secrets, then replaces host-local paths with {@code <host-local-path>}. */
    static String sanitize(String message) {
        return HOST_LOCAL.matcher(Redaction.redactText(message)).replaceAll("<host-local-path>");
    }

    /**
     * The first triage step for {@code error}, raised by {@code command subcommand} with the
     * (sanitised) {@code message}.
     */
    static String triage(String command, String subcommand, Throwable error, String message) {
        String lower = message.toLowerCase(Locale.ROOT);
        if (ErrorText.isPermissionDenied(error) || lower.contains("permission denied")) {
            return PERMISSION_TRIAGE;
        }
        if (command.equals("world") && subcommand.equals("import") && !(error instanceof ProviderException)) {
            return IMPORT_TRIAGE;
        }
        if (error instanceof ProviderException
                || command.equals("provider")
                || (lower.contains("provider") && !command.equals("benchmark"))) {
            return PROVIDER_TRIAGE;
        }
        return switch (command) {
            case "world" -> worldTriage(subcommand, lower);
            case "benchmark" -> "validate benchmark input/budget JSON, then run `bin/worldforge benchmark --help`.";
            case "runs" -> runsTriage(lower);
            default ->
                lower.startsWith("failed to read ")
                        ? INPUT_FILE_TRIAGE
                        : "run `bin/worldforge " + command + (subcommand.isEmpty() ? "" : " " + subcommand)
                                + " --help`.";
        };
    }

    private static String worldTriage(String subcommand, String lower) {
        if (lower.startsWith("object '") || lower.contains(" object '")) {
            return OBJECT_TRIAGE;
        }
        if (lower.contains("world '")
                || lower.contains("world_id")
                || lower.contains("world file")
                || lower.contains("world state")) {
            return WORLD_LIST_TRIAGE;
        }
        return "run `bin/worldforge world " + subcommand + " --help`.";
    }

    private static String runsTriage(String lower) {
        if (lower.contains("output directory is not empty")) {
            return BUNDLE_OVERWRITE_TRIAGE;
        }
        if (lower.contains("run_id") || lower.contains("run workspace") && lower.contains("not found")) {
            return RUN_LIST_TRIAGE;
        }
        if (lower.startsWith("failed to read ")) {
            return INPUT_FILE_TRIAGE;
        }
        return "inspect the run manifest and rerun `bin/worldforge runs --help` for bundle or cleanup syntax.";
    }

    /** Both lines of the public error format for {@code error} with {@code message}. */
    static String format(String command, String subcommand, Throwable error, String message) {
        String path = subcommand.isEmpty() ? command : command + " " + subcommand;
        String clean = sanitize(message);
        return "WorldForge CLI error [" + path + "]: " + clean + "\nFirst triage: "
                + triage(command, subcommand, error, clean);
    }
}
