package ai.worldforge.docs;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One command line of a fenced {@code bash} block of the docs: the shell code and its trailing
 * comment, with what the comment declares.
 *
 * <p>Conventions (docs/cli.md, "Commands in the docs are tested"):
 *
 * <ul>
 *   <li>{@code # manual: <reason>} in the comment: the command is not run (it needs a live
 *       endpoint, runs for minutes, or is the build itself); the files it names must still exist;
 *   <li>{@code exit N} in the comment: exit code {@code N} is expected besides 0 (for example
 *       {@code # exit 1 when a threshold fails});
 *   <li>placeholders {@code <id>}, {@code <world-id>}, {@code <run-id>}, {@code <object-id>} take
 *       the values that earlier commands of the same page printed.
 * </ul>
 *
 * @param file the page, relative to the repository root
 * @param line the 1-based line of the command's first physical line
 * @param code the shell code, continuation lines joined, without the comment
 * @param comment the trailing comment without {@code #}, or empty
 */
record DocsCommand(String file, int line, String code, String comment) {
    private static final Pattern MANUAL = Pattern.compile("\\bmanual:\\s*(.+)$");
    private static final Pattern EXIT = Pattern.compile("\\bexit (\\d+)\\b");
    private static final Pattern PLACEHOLDER = Pattern.compile("<([a-z][a-z0-9-]*)>");
    private static final Pattern ASSIGNMENT = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]*=\\S*$");

    /** Where the command is, as {@code file:line}. */
    String where() {
        return file + ":" + line;
    }

    /** The reason given by a {@code # manual: <reason>} comment. */
    Optional<String> manualReason() {
        Matcher manual = MANUAL.matcher(comment);
        return manual.find() ? Optional.of(manual.group(1).strip()) : Optional.empty();
    }

    /** 0 and every code the comment names with {@code exit N}. */
    Set<Integer> allowedExitCodes() {
        Set<Integer> codes = new LinkedHashSet<>(List.of(0));
        Matcher exit = EXIT.matcher(comment);
        while (exit.find()) {
            codes.add(Integer.parseInt(exit.group(1)));
        }
        return codes;
    }

    /** The placeholder names in the code, in order. */
    List<String> placeholders() {
        List<String> names = new ArrayList<>();
        Matcher placeholder = PLACEHOLDER.matcher(code);
        while (placeholder.find()) {
            names.add(placeholder.group(1));
        }
        return names;
    }

    /** Whitespace-separated words of the code with quotes removed (enough to find file names). */
    List<String> words() {
        List<String> words = new ArrayList<>();
        for (String word : code.strip().split("\\s+")) {
            words.add(word.replace("'", "").replace("\"", ""));
        }
        return words;
    }

    /** The program: the first word after any {@code VAR=value} assignments. */
    String program() {
        for (String word : words()) {
            if (!ASSIGNMENT.matcher(word).matches()) {
                return word;
            }
        }
        return "";
    }

    /**
     * Splits a logical line into code and comment: a {@code #} that starts a word outside quotes
     * begins the comment, as in bash.
     */
    static DocsCommand of(String file, int line, String text) {
        boolean single = false;
        boolean dbl = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'' && !dbl) {
                single = !single;
            } else if (c == '"' && !single) {
                dbl = !dbl;
            } else if (c == '#' && !single && !dbl && (i == 0 || Character.isWhitespace(text.charAt(i - 1)))) {
                return new DocsCommand(
                        file,
                        line,
                        text.substring(0, i).strip(),
                        text.substring(i + 1).strip());
            }
        }
        return new DocsCommand(file, line, text.strip(), "");
    }
}
