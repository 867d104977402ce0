package ai.worldforge.cli;

import ai.worldforge.event.Redaction;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The public error format: {@code WorldForge CLI error [<command path>]: <message>} and a {@code
 * First triage:} line, with secrets redacted and host-local paths replaced.
 */
final class CliErrors {
    /**
     * Host-local absolute paths. Unlike the reference, a path must start a token (not follow a
     * letter, digit, {@code _ . / -}), so prose such as {@code local/private destination} is kept.
     */
    private static final Pattern HOST_LOCAL =
            Pattern.compile("(?<![\\w./-])(?:/Users|/private|/var/folders|/tmp)[^\\s,;:)'\"]*");

    private CliErrors() {}

    /** Redacts secrets, then replaces host-local paths with {@code <host-local-path>}. */
    static String sanitize(String message) {
        return HOST_LOCAL.matcher(Redaction.redactText(message)).replaceAll("<host-local-path>");
    }

    /** The first triage step for a failed command, in the reference's order. */
    static String triage(String command, String subcommand, String message) {
        if (command.equals("world")) {
            return switch (subcommand) {
                case "preflight" -> "run `bin/worldforge world preflight --workspace-dir .worldforge`.";
                case "migration-preview" ->
                    "run `bin/worldforge world migration-preview <world-id> --state-dir "
                            + ".worldforge/worlds --format json`.";
                default -> "run `bin/worldforge world list --state-dir <state-dir>` and retry with a listed world id.";
            };
        }
        if (command.equals("scenario")) {
            return "run `bin/worldforge scenario validate <scenario.json>` before `scenario run`.";
        }
        if (command.equals("benchmark")) {
            return "validate benchmark input/budget JSON, then run `bin/worldforge benchmark --help`.";
        }
        if (command.equals("provider") || message.toLowerCase(Locale.ROOT).contains("provider")) {
            return "run `bin/worldforge doctor` and `bin/worldforge provider health <provider>`.";
        }
        if (command.equals("runs")) {
            return "inspect the run manifest and rerun `bin/worldforge runs --help` for bundle or cleanup syntax.";
        }
        if (command.equals("drills")) {
            return "run `bin/worldforge drills list` and rerun the named drill with `--format json`.";
        }
        return "run `bin/worldforge " + command + " --help`.";
    }

    /** Both lines of the public error format. */
    static String format(String command, String subcommand, String message) {
        String path = subcommand.isEmpty() ? command : command + " " + subcommand;
        String clean = sanitize(message);
        return "WorldForge CLI error [" + path + "]: " + clean + "\nFirst triage: "
                + triage(command, subcommand, clean);
    }
}
