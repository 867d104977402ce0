package ai.worldforge.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.CommandLine.Range;

/**
 * Renders {@code --help} for a picocli {@link CommandSpec} exactly as CPython 3.13's argparse
 * {@code HelpFormatter} would for the equivalent parser, so our help matches the Python reference
 * CLI byte for byte (its help texts are pinned by snapshot tests). The layout rules (usage wrapping,
 * help position, {@code textwrap} line breaking including breaks after hyphens) are a port of
 * argparse's {@code _format_usage}, {@code _format_action} and {@code textwrap.TextWrapper}; only
 * the mapping from the picocli model to argparse concepts is ours:
 *
 * <ul>
 *   <li><b>prog</b> is {@link CommandSpec#qualifiedName()}: the root command must be named {@code
 *       worldforge}, so {@code world create} gets {@code worldforge world create}, like argparse's
 *       subparser prog.
 *   <li><b>Options</b> are listed in the spec's order, except that the {@code usageHelp} option goes
 *       first (argparse adds {@code -h, --help} before everything else). Hidden options are
 *       skipped everywhere (argparse {@code help=SUPPRESS}). The usage shows the first name; the
 *       options section shows all names joined by {@code ", "}. The {@code usageHelp} option's help
 *       is argparse's "show this help message and exit", a {@code versionHelp} option's is "show
 *       program's version number and exit", whatever their picocli description says.
 *   <li><b>Positionals</b> are listed in {@link CommandSpec#positionalParameters()} order, which
 *       is picocli's index order, the order they are parsed in. Give them explicit indexes: picocli's
 *       automatic indexes do not always follow declaration order.
 *   <li><b>Flags</b>: an option with arity 0, or a {@code boolean} option whose arity allows no
 *       value, is a {@code store_true} flag: {@code [--flag]}.
 *   <li><b>Metavar</b>: the option's or positional's choices in braces ({@code {a,b,c}}) when it has
 *       {@link ArgSpec#completionCandidates() completion candidates}, else its {@link
 *       ArgSpec#paramLabel() paramLabel} (always set it explicitly, e.g. {@code STATE_DIR} or
 *       {@code world_id}: picocli's default {@code <field>} is not what argparse prints). For an
 *       enum type whose candidates are picocli's automatic ones, the choices are the enum constant
 *       names in declaration order; explicitly set candidates are printed as given.
 *   <li><b>Arity</b> maps to nargs: {@code 1} is a single value, {@code 0..1} is {@code ?} ({@code
 *       [X]}), {@code 0..*} is {@code *} ({@code [X ...]}), {@code 1..*} is {@code +} ({@code X [X
 *       ...]}), {@code N} is {@code N} ({@code X X}). Other ranges, which argparse cannot express,
 *       render as {@code +}. A required option has no brackets ({@code --x X}); a repeatable option
 *       renders like a single one (argparse {@code action="append"}).
 *   <li><b>Subcommands</b> make the command a group: a positional {@code command ...} (argparse
 *       {@code add_subparsers}) after the other positionals, in the "positional arguments" section.
 *       Its metavar is the command's {@link UsageMessageSpec#synopsisSubcommandLabel()
 *       synopsisSubcommandLabel} when set (the reference uses {@code metavar="command"}); left at
 *       picocli's default {@code [COMMAND]} it is the subcommand names and aliases in braces, like
 *       an {@code add_subparsers} without metavar. Each visible subcommand whose {@code header} is
 *       non-empty is listed under it, indented by 4, with the header as its help (argparse {@code
 *       add_parser(name, help=...)}); aliases show as {@code name (alias, ...)}. Hidden subcommands
 *       are skipped entirely.
 *   <li><b>Texts</b>: {@code header} is the help shown in the parent's listing, {@code description}
 *       is the parser description printed after the usage, {@code footer} is the epilog printed
 *       last. The root command (no parent) keeps the line breaks of its description and footer
 *       (argparse {@code RawDescriptionHelpFormatter}, which the reference's top-level parser
 *       uses); subcommands fill theirs to the width (the default {@code HelpFormatter}). Array
 *       elements are lines. {@code %n} means a line break and {@code %%} a percent sign, as in
 *       picocli's own help; no other picocli or argparse {@code %} formatting is applied, except
 *       that {@code %(prog)s} in a description or footer becomes the prog, as in argparse.
 *   <li><b>Custom usage</b>: a non-empty {@link UsageMessageSpec#customSynopsis() customSynopsis}
 *       replaces the computed usage (argparse {@code usage=}), with {@code %(prog)s} expanded.
 * </ul>
 *
 * <p>Not mapped, because the reference CLI does not use them: argument groups and mutually
 * exclusive groups, subparser titles, help on the {@code command} positional itself, and argparse's
 * help-string {@code %(default)s} expansion.
 */
final class ArgparseHelp {
    /** Help of the usage-help option, argparse's wording. */
    static final String HELP_OPTION_HELP = "show this help message and exit";

    /** Help of the version-help option, argparse's wording. */
    static final String VERSION_OPTION_HELP = "show program's version number and exit";

    /** Python's {@code shutil.get_terminal_size} fallback when {@code COLUMNS} is unusable. */
    static final int DEFAULT_COLUMNS = 80;

    // picocli's default synopsisSubcommandLabel: left as is, it means "no metavar" (braces).
    private static final String PICOCLI_DEFAULT_SUBCOMMAND_LABEL = "[COMMAND]";
    private static final String USAGE_PREFIX = "usage: ";
    private static final int INDENT_INCREMENT = 2;
    private static final int MAX_HELP_POSITION = 24;

    // argparse collapses runs of ASCII whitespace (re.ASCII \s) before wrapping.
    private static final Pattern WHITESPACE = Pattern.compile("[ \\t\\n\\x0B\\f\\r]+");
    private static final Pattern LONG_BREAK = Pattern.compile("\\n\\n\\n+");

    // textwrap.TextWrapper.wordsep_re, verbatim but for Python's \Z (Java's \z). Python's str
    // patterns are Unicode-aware, hence UNICODE_CHARACTER_CLASS for \w and \d.
    private static final Pattern WORDSEP;

    static {
        String wordPunct = "[\\w!\"'&.,?]";
        String letter = "[^\\d\\W]";
        String whitespace = "[\\t\\n\\x0B\\f\\r ]";
        String noWhitespace = "[^\\t\\n\\x0B\\f\\r ]";
        WORDSEP = Pattern.compile(
                "(" // any whitespace
                        + whitespace + "+"
                        // em-dash between words
                        + "|(?<=" + wordPunct + ")-{2,}(?=\\w)"
                        // word, possibly hyphenated
                        + "|" + noWhitespace + "+?(?:"
                        // hyphenated word
                        + "-(?:(?<=" + letter + "{2}-)|(?<=" + letter + "-" + letter + "-))"
                        + "(?=" + letter + "-?" + letter + ")"
                        // end of word
                        + "|(?=" + whitespace + "|\\z)"
                        // em-dash
                        + "|(?<=" + wordPunct + ")(?=-{2,}\\w)"
                        + "))",
                Pattern.UNICODE_CHARACTER_CLASS);
    }

    private ArgparseHelp() {}

    /**
     * The terminal width argparse would use given the {@code COLUMNS} variable's value. Python asks
     * the terminal when {@code COLUMNS} is unset or not positive; Java cannot, so such cases get
     * Python's fallback (what a redirected or captured stdout gets in Python too).
     */
    static int columns(String columnsVariable) {
        if (columnsVariable != null) {
            try {
                int columns = Integer.parseInt(columnsVariable.trim());
                if (columns > 0) {
                    return columns;
                }
            } catch (NumberFormatException ignored) {
                // Python's int() failing: same fallback as an unset variable.
            }
        }
        return DEFAULT_COLUMNS;
    }

    /**
     * Renders the help of {@code spec} for a terminal {@code columns} wide (argparse's width is
     * {@code columns - 2}). The result ends with exactly one newline.
     */
    static String render(CommandSpec spec, int columns) {
        UsageMessageSpec usage = spec.usageMessage();
        // Only the reference's top-level parser uses RawDescriptionHelpFormatter.
        boolean raw = spec.parent() == null;
        Formatter formatter = new Formatter(spec.qualifiedName(), columns - 2, raw);
        List<Action> positionals = positionals(spec);
        List<Action> optionals = optionals(spec);
        return formatter.format(
                positionals, optionals, text(usage.customSynopsis()), text(usage.description()), text(usage.footer()));
    }

    // ---------------------------------------------------------------- picocli model -> argparse

    /** An argparse action, reduced to what help formatting reads. */
    private record Action(
            List<String> optionStrings,
            String metavar,
            Nargs nargs,
            int count,
            boolean required,
            String help,
            List<Action> subactions) {
        boolean isPositional() {
            return optionStrings.isEmpty();
        }
    }

    /** argparse's nargs values; {@code FIXED} carries its count in {@link Action#count()}. */
    private enum Nargs {
        ZERO,
        ONE,
        OPTIONAL,
        ZERO_OR_MORE,
        ONE_OR_MORE,
        PARSER,
        FIXED
    }

    private static List<Action> optionals(CommandSpec spec) {
        List<OptionSpec> options = new ArrayList<>();
        for (OptionSpec option : spec.options()) {
            if (option.hidden()) {
                continue;
            }
            // argparse's add_help puts -h/--help before every other option; picocli's mixin puts
            // it after the command's own options.
            if (option.usageHelp()) {
                options.add(0, option);
            } else {
                options.add(option);
            }
        }
        List<Action> actions = new ArrayList<>();
        for (OptionSpec option : options) {
            String help;
            if (option.usageHelp()) {
                help = HELP_OPTION_HELP;
            } else if (option.versionHelp()) {
                help = VERSION_OPTION_HELP;
            } else {
                help = text(option.description());
            }
            boolean flag = isFlag(option);
            Range arity = option.arity();
            actions.add(new Action(
                    List.of(option.names()),
                    metavar(option),
                    flag ? Nargs.ZERO : nargs(arity),
                    arity.min(),
                    option.required(),
                    help,
                    List.of()));
        }
        return actions;
    }

    private static boolean isFlag(OptionSpec option) {
        Range arity = option.arity();
        if (arity.max() == 0) {
            return true;
        }
        Class<?> type = option.type();
        return (type == boolean.class || type == Boolean.class) && arity.min() == 0;
    }

    private static List<Action> positionals(CommandSpec spec) {
        List<Action> actions = new ArrayList<>();
        for (PositionalParamSpec positional : spec.positionalParameters()) {
            if (positional.hidden()) {
                continue;
            }
            Range arity = positional.arity();
            actions.add(new Action(
                    List.of(),
                    metavar(positional),
                    nargs(arity),
                    arity.min(),
                    true,
                    text(positional.description()),
                    List.of()));
        }
        Action subcommands = subcommandsAction(spec);
        if (subcommands != null) {
            actions.add(subcommands);
        }
        return actions;
    }

    /** The {@code add_subparsers} positional of a group, or null for a leaf command. */
    private static Action subcommandsAction(CommandSpec spec) {
        // subcommands() maps aliases too: keep each command once, in registration order.
        Map<CommandLine, Boolean> seen = new IdentityHashMap<>();
        List<String> choices = new ArrayList<>();
        List<Action> listed = new ArrayList<>();
        for (CommandLine subcommand : spec.subcommands().values()) {
            CommandSpec sub = subcommand.getCommandSpec();
            if (seen.put(subcommand, Boolean.TRUE) != null || sub.usageMessage().hidden()) {
                continue;
            }
            String[] aliases = sub.aliases();
            choices.add(sub.name());
            Collections.addAll(choices, aliases);
            String help = text(sub.usageMessage().header());
            if (help != null) {
                String metavar =
                        aliases.length == 0 ? sub.name() : sub.name() + " (" + String.join(", ", aliases) + ")";
                listed.add(new Action(List.of(), metavar, Nargs.ONE, 1, true, help, List.of()));
            }
        }
        if (choices.isEmpty()) {
            return null;
        }
        String label = spec.usageMessage().synopsisSubcommandLabel();
        String metavar = label == null || label.isEmpty() || label.equals(PICOCLI_DEFAULT_SUBCOMMAND_LABEL)
                ? braces(choices)
                : label;
        return new Action(List.of(), metavar, Nargs.PARSER, 1, true, null, listed);
    }

    private static String metavar(ArgSpec arg) {
        List<String> choices = choices(arg);
        return choices == null ? arg.paramLabel() : braces(choices);
    }

    private static List<String> choices(ArgSpec arg) {
        Iterable<String> candidates = arg.completionCandidates();
        if (candidates == null) {
            return null;
        }
        List<String> given = new ArrayList<>();
        candidates.forEach(given::add);
        if (given.isEmpty()) {
            return null;
        }
        Class<?> type = arg.auxiliaryTypes().length > 0 ? arg.auxiliaryTypes()[0] : arg.type();
        if (type != null && type.isEnum()) {
            // picocli's automatic candidates are the constants' toString(); the convention is the
            // constant names, which differ only when toString() is overridden.
            Object[] constants = type.getEnumConstants();
            List<String> toStrings = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (Object constant : constants) {
                toStrings.add(String.valueOf(constant));
                names.add(((Enum<?>) constant).name());
            }
            if (given.equals(toStrings)) {
                return names;
            }
        }
        return given;
    }

    private static String braces(List<String> choices) {
        return "{" + String.join(",", choices) + "}";
    }

    private static Nargs nargs(Range arity) {
        int min = arity.min();
        int max = arity.max();
        if (max == 0) {
            return Nargs.ZERO;
        }
        if (min == 0) {
            return max == 1 ? Nargs.OPTIONAL : Nargs.ZERO_OR_MORE;
        }
        if (min == max) {
            return min == 1 ? Nargs.ONE : Nargs.FIXED;
        }
        return Nargs.ONE_OR_MORE;
    }

    /**
     * Joins picocli text lines with line breaks and applies picocli's {@code %n}/{@code %%}
     * escapes; null when there is no text. picocli formats option descriptions itself only when
     * they are valid format strings, so the escapes may or may not still be there.
     */
    private static String text(String[] lines) {
        if (lines == null || lines.length == 0) {
            return null;
        }
        String joined = unescape(String.join("\n", lines));
        return joined.isEmpty() ? null : joined;
    }

    private static String unescape(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' && i + 1 < text.length()) {
                char next = text.charAt(i + 1);
                if (next == 'n') {
                    out.append('\n');
                    i++;
                    continue;
                }
                if (next == '%') {
                    out.append('%');
                    i++;
                    continue;
                }
            }
            out.append(c);
        }
        return out.toString();
    }

    // ---------------------------------------------------------------- argparse.HelpFormatter

    /** One help rendering: the state argparse keeps on its HelpFormatter instance. */
    private static final class Formatter {
        private final String prog;
        private final int width;
        private final boolean rawDescription;
        private final int maxHelpPosition;
        private int actionMaxLength;

        Formatter(String prog, int width, boolean rawDescription) {
            this.prog = prog;
            this.width = width;
            this.rawDescription = rawDescription;
            this.maxHelpPosition = Math.min(MAX_HELP_POSITION, Math.max(width - 20, INDENT_INCREMENT * 2));
        }

        String format(
                List<Action> positionals,
                List<Action> optionals,
                String customUsage,
                String description,
                String epilog) {
            // argparse measures every action (at the section indent) before formatting any.
            for (List<Action> group : List.of(positionals, optionals)) {
                for (Action action : group) {
                    int length = len(invocation(action)) + INDENT_INCREMENT;
                    for (Action subaction : action.subactions()) {
                        length = Math.max(length, len(invocation(subaction)) + 2 * INDENT_INCREMENT);
                    }
                    actionMaxLength = Math.max(actionMaxLength, length);
                }
            }
            StringBuilder help = new StringBuilder();
            help.append(formatUsage(customUsage, optionals, positionals));
            if (description != null) {
                help.append(formatText(description));
            }
            help.append(section("positional arguments", positionals));
            help.append(section("options", optionals));
            if (epilog != null) {
                help.append(formatText(epilog));
            }
            if (help.length() == 0) {
                return "";
            }
            String collapsed = LONG_BREAK.matcher(help).replaceAll("\n\n");
            return stripNewlines(collapsed) + "\n";
        }

        private String section(String heading, List<Action> actions) {
            StringBuilder items = new StringBuilder();
            for (Action action : actions) {
                items.append(formatAction(action, INDENT_INCREMENT));
            }
            if (items.length() == 0) {
                return "";
            }
            return "\n" + heading + ":\n" + items + "\n";
        }

        private String formatText(String text) {
            String expanded = text.contains("%(prog)") ? text.replace("%(prog)s", prog) : text;
            if (rawDescription) {
                // RawDescriptionHelpFormatter at indent 0: the text as written.
                return expanded + "\n\n";
            }
            int textWidth = Math.max(width, 11);
            return String.join("\n", wrap(collapse(expanded), textWidth)) + "\n\n";
        }

        private String formatUsage(String customUsage, List<Action> optionals, List<Action> positionals) {
            String usage;
            if (customUsage != null) {
                usage = customUsage.replace("%(prog)s", prog);
            } else {
                List<String> optParts = usageParts(optionals);
                List<String> posParts = usageParts(positionals);
                List<String> all = new ArrayList<>(optParts);
                all.addAll(posParts);
                String actionUsage = String.join(" ", all);
                usage = actionUsage.isEmpty() ? prog : prog + " " + actionUsage;
                int textWidth = width;
                if (len(USAGE_PREFIX) + len(usage) > textWidth) {
                    usage = wrapUsage(optParts, posParts, textWidth);
                }
            }
            return USAGE_PREFIX + usage + "\n\n";
        }

        private String wrapUsage(List<String> optParts, List<String> posParts, int textWidth) {
            List<String> lines;
            // len(prefix) + len(prog) <= 0.75 * text_width, in integers.
            if (4 * (len(USAGE_PREFIX) + len(prog)) <= 3 * textWidth) {
                String indent = " ".repeat(len(USAGE_PREFIX) + len(prog) + 1);
                if (!optParts.isEmpty()) {
                    List<String> first = new ArrayList<>();
                    first.add(prog);
                    first.addAll(optParts);
                    lines = usageLines(first, indent, true, textWidth);
                    lines.addAll(usageLines(posParts, indent, false, textWidth));
                } else if (!posParts.isEmpty()) {
                    List<String> first = new ArrayList<>();
                    first.add(prog);
                    first.addAll(posParts);
                    lines = usageLines(first, indent, true, textWidth);
                } else {
                    lines = new ArrayList<>(List.of(prog));
                }
            } else {
                // A long prog goes on its own line.
                String indent = " ".repeat(len(USAGE_PREFIX));
                List<String> parts = new ArrayList<>(optParts);
                parts.addAll(posParts);
                lines = usageLines(parts, indent, false, textWidth);
                if (lines.size() > 1) {
                    lines = usageLines(optParts, indent, false, textWidth);
                    lines.addAll(usageLines(posParts, indent, false, textWidth));
                }
                lines.add(0, prog);
            }
            return String.join("\n", lines);
        }

        /** argparse's {@code get_lines}: greedy filling of usage parts. */
        private static List<String> usageLines(List<String> parts, String indent, boolean prefixed, int textWidth) {
            List<String> lines = new ArrayList<>();
            List<String> line = new ArrayList<>();
            int indentLength = len(indent);
            int lineLength = prefixed ? len(USAGE_PREFIX) - 1 : indentLength - 1;
            for (String part : parts) {
                if (lineLength + 1 + len(part) > textWidth && !line.isEmpty()) {
                    lines.add(indent + String.join(" ", line));
                    line.clear();
                    lineLength = indentLength - 1;
                }
                line.add(part);
                lineLength += len(part) + 1;
            }
            if (!line.isEmpty()) {
                lines.add(indent + String.join(" ", line));
            }
            if (prefixed && !lines.isEmpty()) {
                lines.set(0, lines.get(0).substring(indent.length()));
            }
            return lines;
        }

        private static List<String> usageParts(List<Action> actions) {
            List<String> parts = new ArrayList<>();
            for (Action action : actions) {
                if (action.isPositional()) {
                    parts.add(formatArgs(action));
                    continue;
                }
                String optionString = action.optionStrings().get(0);
                String part = action.nargs() == Nargs.ZERO ? optionString : optionString + " " + formatArgs(action);
                parts.add(action.required() ? part : "[" + part + "]");
            }
            return parts;
        }

        private String formatAction(Action action, int currentIndent) {
            int helpPosition = Math.min(actionMaxLength + 2, maxHelpPosition);
            int helpWidth = Math.max(width - helpPosition, 11);
            int actionWidth = helpPosition - currentIndent - 2;
            String header = invocation(action);
            String help = action.help();
            boolean hasHelp = help != null && !help.isEmpty();
            StringBuilder parts = new StringBuilder();
            String indent = " ".repeat(currentIndent);
            int indentFirst = 0;
            if (!hasHelp) {
                parts.append(indent).append(header).append('\n');
            } else if (len(header) <= actionWidth) {
                // Short invocation: help starts on the same line, after two spaces.
                parts.append(indent)
                        .append(header)
                        .append(" ".repeat(actionWidth - len(header)))
                        .append("  ");
            } else {
                parts.append(indent).append(header).append('\n');
                indentFirst = helpPosition;
            }
            if (hasHelp && !pyStrip(help).isEmpty()) {
                List<String> lines = wrap(collapse(help), helpWidth);
                parts.append(" ".repeat(indentFirst)).append(lines.get(0)).append('\n');
                for (String line : lines.subList(1, lines.size())) {
                    parts.append(" ".repeat(helpPosition)).append(line).append('\n');
                }
            } else if (parts.charAt(parts.length() - 1) != '\n') {
                parts.append('\n');
            }
            for (Action subaction : action.subactions()) {
                parts.append(formatAction(subaction, currentIndent + INDENT_INCREMENT));
            }
            return parts.toString();
        }

        private static String invocation(Action action) {
            if (action.isPositional()) {
                return action.metavar();
            }
            String names = String.join(", ", action.optionStrings());
            return action.nargs() == Nargs.ZERO ? names : names + " " + formatArgs(action);
        }

        private static String formatArgs(Action action) {
            String metavar = action.metavar();
            return switch (action.nargs()) {
                case ZERO -> "";
                case ONE -> metavar;
                case OPTIONAL -> "[" + metavar + "]";
                case ZERO_OR_MORE -> "[" + metavar + " ...]";
                case ONE_OR_MORE -> metavar + " [" + metavar + " ...]";
                case PARSER -> metavar + " ...";
                case FIXED -> String.join(" ", Collections.nCopies(action.count(), metavar));
            };
        }

        private static String stripNewlines(String text) {
            int start = 0;
            int end = text.length();
            while (start < end && text.charAt(start) == '\n') {
                start++;
            }
            while (end > start && text.charAt(end - 1) == '\n') {
                end--;
            }
            return text.substring(start, end);
        }
    }

    // ---------------------------------------------------------------- textwrap

    /** argparse's whitespace normalisation before wrapping: collapse runs, then str.strip(). */
    private static String collapse(String text) {
        return pyStrip(WHITESPACE.matcher(text).replaceAll(" "));
    }

    /**
     * {@code textwrap.wrap(text, width)} with the default options, for text whose whitespace is
     * already collapsed to single spaces (so tab expansion and whitespace replacement are no-ops).
     */
    static List<String> wrap(String text, int width) {
        return wrapChunks(split(text), width);
    }

    /** {@code TextWrapper._split}: {@code re.split} on wordsep_re, empty strings dropped. */
    private static List<String> split(String text) {
        List<String> chunks = new ArrayList<>();
        Matcher matcher = WORDSEP.matcher(text);
        int last = 0;
        while (matcher.find()) {
            addIfNotEmpty(chunks, text.substring(last, matcher.start()));
            addIfNotEmpty(chunks, matcher.group(1));
            last = matcher.end();
        }
        addIfNotEmpty(chunks, text.substring(last));
        return chunks;
    }

    private static void addIfNotEmpty(List<String> chunks, String chunk) {
        if (chunk != null && !chunk.isEmpty()) {
            chunks.add(chunk);
        }
    }

    /** {@code TextWrapper._wrap_chunks} without indents, line limits or sentence fixing. */
    private static List<String> wrapChunks(List<String> inOrder, int width) {
        List<String> lines = new ArrayList<>();
        // A stack, as in Python: the next chunk is the last element.
        List<String> chunks = new ArrayList<>(inOrder);
        Collections.reverse(chunks);
        while (!chunks.isEmpty()) {
            List<String> line = new ArrayList<>();
            int lineLength = 0;
            // Whitespace starting any line but the first is dropped.
            if (pyStrip(last(chunks)).isEmpty() && !lines.isEmpty()) {
                chunks.remove(chunks.size() - 1);
            }
            while (!chunks.isEmpty()) {
                int length = len(last(chunks));
                if (lineLength + length <= width) {
                    line.add(chunks.remove(chunks.size() - 1));
                    lineLength += length;
                } else {
                    break;
                }
            }
            if (!chunks.isEmpty() && len(last(chunks)) > width) {
                handleLongWord(chunks, line, lineLength, width);
            }
            if (!line.isEmpty() && pyStrip(last(line)).isEmpty()) {
                line.remove(line.size() - 1);
            }
            if (!line.isEmpty()) {
                lines.add(String.join("", line));
            }
        }
        return lines;
    }

    /** {@code TextWrapper._handle_long_word} with break_long_words and break_on_hyphens on. */
    private static void handleLongWord(List<String> chunks, List<String> line, int lineLength, int width) {
        int spaceLeft = width < 1 ? 1 : width - lineLength;
        int[] chunk = last(chunks).codePoints().toArray();
        int end = spaceLeft;
        if (chunk.length > spaceLeft) {
            // Break after the last hyphen that fits, if there is a non-hyphen before it.
            int hyphen = -1;
            for (int i = Math.min(spaceLeft, chunk.length) - 1; i >= 0; i--) {
                if (chunk[i] == '-') {
                    hyphen = i;
                    break;
                }
            }
            if (hyphen > 0) {
                for (int i = 0; i < hyphen; i++) {
                    if (chunk[i] != '-') {
                        end = hyphen + 1;
                        break;
                    }
                }
            }
        }
        end = Math.max(0, Math.min(end, chunk.length));
        line.add(new String(chunk, 0, end));
        chunks.set(chunks.size() - 1, new String(chunk, end, chunk.length - end));
    }

    private static String last(List<String> list) {
        return list.get(list.size() - 1);
    }

    /** Python's {@code len}: code points, not UTF-16 units. */
    private static int len(String text) {
        return text.codePointCount(0, text.length());
    }

    /** Python's {@code str.strip()}: removes leading and trailing {@code str.isspace()} characters. */
    private static String pyStrip(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isPySpace(text.codePointAt(start))) {
            start += Character.charCount(text.codePointAt(start));
        }
        while (end > start && isPySpace(text.codePointBefore(end))) {
            end -= Character.charCount(text.codePointBefore(end));
        }
        return text.substring(start, end);
    }

    private static boolean isPySpace(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint) || codePoint == 0x85;
    }
}
