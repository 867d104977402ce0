package ai.worldforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Byte-exact checks of {@link ArgparseHelp} against the reference CLI's help snapshots and
 * against texts printed by CPython 3.13 argparse (see {@code help/README.md}). The specs are
 * built programmatically to mirror the reference parsers, so these tests pin the renderer, not the
 * real command classes.
 */
class ArgparseHelpTest {
    private static final String STATE_DIR_HELP = "World state directory.";
    private static final String[] CAPABILITIES = {
        "predict", "generate", "reason", "embed", "plan", "transfer", "score", "policy"
    };
    private static final String[] JSON_MARKDOWN = {"json", "markdown"};
    private static final String[] MARKDOWN_JSON = {"markdown", "json"};

    // ------------------------------------------------------------------ reference snapshots

    static Stream<Arguments> referenceSnapshots() {
        return Stream.of(
                Arguments.of("examples", List.of("examples")),
                Arguments.of("provider-list", List.of("provider", "list")),
                Arguments.of("provider-docs", List.of("provider", "docs")),
                Arguments.of("world-create", List.of("world", "create")),
                Arguments.of("world-history", List.of("world", "history")),
                Arguments.of("world-preflight", List.of("world", "preflight")),
                Arguments.of("harness", List.of("harness")),
                Arguments.of("predict", List.of("predict")),
                Arguments.of("negotiate", List.of("negotiate")),
                Arguments.of("eval", List.of("eval")),
                Arguments.of("benchmark", List.of("benchmark")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("referenceSnapshots")
    void matchesReferenceSnapshot(String snapshot, List<String> path) {
        assertThat(ArgparseHelp.render(find(referenceCli(), path), 80)).isEqualTo(expected(snapshot));
    }

    static Stream<Arguments> argparseOutputs() {
        return Stream.of(
                Arguments.of("top-level", List.of(), 80),
                Arguments.of("world", List.of("world"), 80),
                Arguments.of("provider", List.of("provider"), 80),
                Arguments.of("doctor", List.of("doctor"), 80),
                Arguments.of("world-add-object", List.of("world", "add-object"), 80),
                Arguments.of("provider-contract", List.of("provider", "contract"), 80),
                Arguments.of("provider-health", List.of("provider", "health"), 80),
                Arguments.of("narrow40-top-level", List.of(), 40),
                Arguments.of("narrow40-world-create", List.of("world", "create"), 40),
                Arguments.of("narrow40-benchmark", List.of("benchmark"), 40),
                Arguments.of("narrow20-negotiate", List.of("negotiate"), 20),
                Arguments.of("wide120-harness", List.of("harness"), 120));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("argparseOutputs")
    void matchesArgparseForReferenceParsers(String expectedFile, List<String> path, int columns) {
        assertThat(ArgparseHelp.render(find(referenceCli(), path), columns)).isEqualTo(expected(expectedFile));
    }

    @Test
    void topLevelHelpListsCommandSurface() {
        String output = ArgparseHelp.render(referenceCli(), 80);

        assertThat(output).startsWith("usage: worldforge [-h] command ...\n");
        assertThat(output)
                .contains("\nCLI for WorldForge provider diagnostics, prediction, generation, evaluation,"
                        + " benchmarking, and runnable demos.\n");
        for (String command : List.of(
                "examples",
                "providers",
                "provider",
                "world",
                "doctor",
                "negotiate",
                "generate",
                "transfer",
                "predict",
                "eval",
                "benchmark",
                "harness",
                "runs",
                "drills")) {
            assertThat(output).contains("\n    " + command + " ");
        }
        // The epilog keeps its line breaks (RawDescriptionHelpFormatter) and comes last.
        assertThat(output).contains("\n\nCommon commands:\n  worldforge examples\n");
        for (String common : List.of(
                "worldforge world create lab --provider mock",
                "worldforge world history <world-id>",
                "worldforge world preflight",
                "worldforge provider list",
                "worldforge provider docs",
                "worldforge provider info mock",
                "worldforge harness --list",
                "worldforge eval --suite planning --provider mock --format json",
                "worldforge runs list")) {
            assertThat(output).contains("\n  " + common + "\n");
        }
        assertThat(output).endsWith("\n  worldforge drills list\n");
    }

    @Test
    void worldHelpListsPersistenceCommandSurface() {
        String output = ArgparseHelp.render(find(referenceCli(), List.of("world")), 80);

        assertThat(output).startsWith("usage: worldforge world [-h] command ...\n");
        for (String[] entry : new String[][] {
            {"list", "List persisted worlds."},
            {"create", "Create and save a world."},
            {"show", "Show a persisted world."},
            {"history", "Show persisted world history."},
            {"objects", "List objects in a world."},
            {"add-object", "Add an object to a persisted world."},
            {"update-object", "Patch an object in a persisted world."},
            {"remove-object", "Remove an object from a persisted world."},
            {"delete", "Delete a persisted world."},
            {"predict", "Predict and save the next state for a persisted world."},
            {"export", "Export a persisted world as JSON."},
            {"import", "Import and save exported world JSON."},
            {"fork", "Fork a world from a history entry."},
            {"preflight", "Check local world JSON state and run workspaces without"},
        }) {
            assertThat(output).contains(entry[0]).contains(entry[1]);
        }
    }

    // ------------------------------------------------------------------ edge cases

    @Test
    void veryLongProgGoesOnItsOwnLine() {
        CommandSpec leaf = command("and-an-equally-long-leaf-command-name", "Leaf.");
        leaf.addPositional(positional(leaf, "source", "1", "Source world id."));
        leaf.addPositional(positional(leaf, "target", "0..1", "Target world id."));
        leaf.addOption(option("--state-dir", "STATE_DIR", STATE_DIR_HELP));
        leaf.addOption(choice("--format", "Output format.", JSON_MARKDOWN));
        leaf.addOption(flag("--dry-run", "Do not write anything."));
        CommandSpec leaf2 = command("and-another-equally-long-leaf-command-nam", "Leaf two.");
        leaf2.addPositional(positional(leaf2, "name", "1", "Name."));
        CommandSpec group = group("an-extraordinarily-long-group-name-for-testing", "Group.", "command");
        CommandLine root = new CommandLine(group("worldforge", null, "command"));
        CommandLine groupLine = new CommandLine(group);
        groupLine.addSubcommand(leaf.name(), new CommandLine(leaf));
        groupLine.addSubcommand("x", new CommandLine(command("x", "Short leaf.")));
        groupLine.addSubcommand(leaf2.name(), new CommandLine(leaf2));
        root.addSubcommand(group.name(), groupLine);

        assertThat(ArgparseHelp.render(leaf, 80)).isEqualTo(expected("edge-long-prog"));
        assertThat(ArgparseHelp.render(leaf2, 80)).isEqualTo(expected("edge-long-prog-fits"));
    }

    @Test
    void argumentsWithoutHelpAndVersionOption() {
        CommandSpec spec = CommandSpec.create().name("nohelp");
        register(spec);
        spec.addPositional(positional(spec, "target", "1", null));
        spec.addOption(flag("--quiet", null));
        spec.addOption(option("--level", "LEVEL", null));
        spec.addOption(OptionSpec.builder("--version")
                .versionHelp(true)
                .description("Print version information and exit.")
                .build());
        spec.addOption(option("--name", "NAME", "Named thing."));
        // Added last, rendered first: argparse's add_help comes before every other argument.
        spec.addOption(helpOption());

        assertThat(ArgparseHelp.render(spec, 80)).isEqualTo(expected("edge-no-help"));
    }

    @Test
    void longChoicesMetavarsAndRequiredOption() {
        CommandSpec spec = standalone("choices");
        spec.addPositional(PositionalParamSpec.builder()
                .paramLabel("drill")
                .arity("1")
                .completionCandidates(List.of("provider-outage", "corrupt-world-state", "budget-regression", "all"))
                .description("Drill id to run, or all.")
                .build());
        spec.addOption(choice(
                "--mode",
                "Mode to use for this run.",
                "alpha-mode",
                "beta-mode",
                "gamma-mode",
                "delta-mode",
                "epsilon-mode",
                "zeta-mode",
                "eta-mode"));
        spec.addOption(OptionSpec.builder("--format")
                .paramLabel("FORMAT")
                .arity("1")
                .type(String.class)
                .required(true)
                .completionCandidates(List.of(JSON_MARKDOWN))
                .description("Output format.")
                .build());

        assertThat(ArgparseHelp.render(spec, 80)).isEqualTo(expected("edge-long-choices"));
    }

    @Test
    void hyphenBreakingLongWordsAndWhitespace() {
        CommandSpec spec = standalone("hyphens");
        spec.addOption(option(
                "--input-file",
                "INPUT_FILE",
                "Read the comma-separated provider-name-list from a self-contained file; overrides"
                        + " --provider-name-list and --very-long-option-name-here when both are given."));
        spec.addOption(option(
                "--url",
                "URL",
                "Endpoint such as"
                        + " https://example.com/a/very/long/path/that/does/not/fit/on/one/line/at/all/anywhere/really"
                        + " and more."));
        spec.addOption(option(
                "--dashes",
                "DASHES",
                "Handles em--dashes -- and --- triple dashes plus trailing-hyphen- words and x-y-z single"
                        + " letters."));
        spec.addOption(OptionSpec.builder("--spaces")
                .paramLabel("SPACES")
                .arity("1")
                .type(String.class)
                // picocli's escapes: %n is a line break, which argparse then collapses like any
                // other whitespace.
                .description("  Collapses   runs\tof%nwhitespace   and strips ends.  ")
                .build());

        assertThat(ArgparseHelp.render(spec, 80)).isEqualTo(expected("edge-hyphens"));
        assertThat(ArgparseHelp.render(spec, 50)).isEqualTo(expected("edge-hyphens-narrow"));
    }

    @Test
    void aritiesMapToNargs() {
        CommandSpec spec = standalone("nargs");
        spec.addPositional(positional(spec, "files", "1..*", "Input files."));
        spec.addPositional(positional(spec, "extra", "0..*", "Extra args."));
        spec.addOption(option("--tag", "TAG", "Tags.", "1..*"));
        spec.addOption(option("--opt", "OPT", "Optional value.", "0..1"));
        spec.addOption(option("--many", "MANY", "Many values.", "0..*"));
        spec.addOption(option("--pair", "PAIR", "A pair.", "2"));
        spec.addOption(OptionSpec.builder("-v", "--verbose")
                .arity("0")
                .type(boolean.class)
                .description("Verbose output.")
                .build());
        spec.addOption(OptionSpec.builder("-o", "--output")
                .paramLabel("OUTPUT")
                .arity("1")
                .type(String.class)
                .description("Output path.")
                .build());

        assertThat(ArgparseHelp.render(spec, 80)).isEqualTo(expected("edge-nargs"));
    }

    @Test
    void groupWithoutMetavarListsChoicesAliasesAndFilledTexts() {
        CommandSpec group = CommandSpec.create().name("group");
        group.addOption(helpOption());
        group.usageMessage()
                .header("A group.")
                .description("A group description that is long enough to be wrapped by the default formatter"
                        + " because it goes past the width.")
                .footer("Epilog   text", "is filled too, not kept raw.");
        group.addOption(option("--state-dir", "STATE_DIR", STATE_DIR_HELP));
        CommandLine groupLine = new CommandLine(group);
        groupLine.addSubcommand("list", new CommandLine(command("list", "List things.")), "ls");
        // No header: a choice, but not listed (argparse add_parser without help=).
        groupLine.addSubcommand("unlisted", new CommandLine(command("unlisted", null)));
        CommandSpec hidden = command("secret", "Never shown.");
        hidden.usageMessage().hidden(true);
        groupLine.addSubcommand("secret", new CommandLine(hidden));
        groupLine.addSubcommand(
                "remove",
                new CommandLine(
                        command("remove", "Remove things that have a considerably long explanation attached to them.")),
                "rm",
                "del");
        CommandLine root = new CommandLine(group("worldforge", null, "command"));
        root.addSubcommand("group", groupLine);

        assertThat(ArgparseHelp.render(group, 80)).isEqualTo(expected("edge-group-choices"));
    }

    @Test
    void hiddenOptionsAndPositionalsAreSkipped() {
        CommandSpec spec = standalone("examples");
        spec.addOption(choice("--format", "Output format for the examples index.", MARKDOWN_JSON));
        spec.addOption(OptionSpec.builder("--internal")
                .paramLabel("INTERNAL")
                .arity("1")
                .type(String.class)
                .hidden(true)
                .description("Not for users.")
                .build());
        spec.addPositional(PositionalParamSpec.builder()
                .paramLabel("secret")
                .arity("0..1")
                .hidden(true)
                .build());

        assertThat(ArgparseHelp.render(spec, 80)).isEqualTo(expected("examples"));
    }

    enum Format {
        markdown,
        json;

        @Override
        public String toString() {
            return name().toUpperCase(java.util.Locale.ROOT);
        }
    }

    @Test
    void enumChoicesAreConstantNamesUnlessCandidatesAreGiven() {
        CommandSpec spec = standalone("examples");
        spec.addOption(OptionSpec.builder("--format")
                .paramLabel("FORMAT")
                .type(Format.class)
                .description("Output format for the examples index.")
                .build());
        assertThat(ArgparseHelp.render(spec, 80)).isEqualTo(expected("examples"));

        CommandSpec given = standalone("examples");
        given.addOption(OptionSpec.builder("--format")
                .paramLabel("FORMAT")
                .type(Format.class)
                .completionCandidates(List.of("md", "js"))
                .description("Output format for the examples index.")
                .build());
        assertThat(ArgparseHelp.render(given, 80)).startsWith("usage: worldforge examples [-h] [--format {md,js}]\n");
    }

    @Test
    void percentEscapesAndProgInRootTexts() {
        CommandSpec root = CommandSpec.create().name("worldforge");
        root.addOption(helpOption());
        root.usageMessage().description("100%% of %(prog)s,%nkept raw.").footer("Line one", "  line two%n");
        assertThat(ArgparseHelp.render(root, 80))
                .isEqualTo("usage: worldforge [-h]\n\n100% of worldforge,\nkept raw.\n\noptions:\n"
                        + "  -h, --help  show this help message and exit\n\nLine one\n  line two\n");
    }

    @Test
    void customSynopsisReplacesComputedUsage() {
        CommandSpec spec = standalone("custom");
        spec.usageMessage().customSynopsis("%(prog)s [options] file");
        assertThat(ArgparseHelp.render(spec, 80)).startsWith("usage: worldforge custom [options] file\n\noptions:\n");
    }

    @Test
    void columnsFollowPythonFallbacks() {
        assertThat(ArgparseHelp.columns(null)).isEqualTo(80);
        assertThat(ArgparseHelp.columns("")).isEqualTo(80);
        assertThat(ArgparseHelp.columns("abc")).isEqualTo(80);
        assertThat(ArgparseHelp.columns("0")).isEqualTo(80);
        assertThat(ArgparseHelp.columns("-5")).isEqualTo(80);
        assertThat(ArgparseHelp.columns(" 120 ")).isEqualTo(120);
        assertThat(ArgparseHelp.columns("40")).isEqualTo(40);
    }

    @Test
    void textwrapMatchesPythonChunking() {
        // Expected values printed by CPython 3.13 textwrap.wrap.
        assertThat(ArgparseHelp.wrap("Look, goof-ball -- use the -b option!", 10))
                .containsExactly("Look,", "goof-ball", "-- use the", "-b option!");
        assertThat(ArgparseHelp.wrap("--input-file, and --budget-file", 17))
                .containsExactly("--input-file, and", "--budget-file");
        assertThat(ArgparseHelp.wrap("overrides --input-file here", 16))
                .containsExactly("overrides", "--input-file", "here");
        assertThat(ArgparseHelp.wrap("x --input-file", 8)).containsExactly("x", "--input-", "file");
        assertThat(ArgparseHelp.wrap("a self-contained well-known value", 12))
                .containsExactly("a self-", "contained", "well-known", "value");
        // Python counts code points, and its \w is Unicode-aware.
        assertThat(ArgparseHelp.wrap("\u00dcbergr\u00f6\u00dfen-Tr\u00e4ger \u00e4\u00f6\u00fc-\u00df\u00e9", 12))
                .containsExactly("\u00dcbergr\u00f6\u00dfen-", "Tr\u00e4ger \u00e4\u00f6\u00fc-", "\u00df\u00e9");
        assertThat(ArgparseHelp.wrap("abcdefghijklmnop", 5)).containsExactly("abcde", "fghij", "klmno", "p");
        assertThat(ArgparseHelp.wrap("", 5)).isEmpty();
    }

    // ------------------------------------------------------------------ reference mirror

    /** The reference parser tree (snapshot era), as picocli specs following the conventions. */
    private static CommandSpec referenceCli() {
        CommandSpec rootSpec = group("worldforge", null, "command");
        rootSpec.usageMessage()
                .description("CLI for WorldForge provider diagnostics, prediction, generation, evaluation,"
                        + " benchmarking, and runnable demos.")
                .footer(
                        "Common commands:",
                        "  worldforge examples",
                        "  worldforge doctor",
                        "  worldforge world create lab --provider mock",
                        "  worldforge world add-object <world-id> cube --x 0 --y 0.5 --z 0",
                        "  worldforge world predict <world-id> --object-id <object-id> --x 0.4 --y 0.5 --z 0",
                        "  worldforge world list",
                        "  worldforge world preflight",
                        "  worldforge world migration-preview <world-id>",
                        "  worldforge world objects <world-id>",
                        "  worldforge world history <world-id>",
                        "  worldforge world delete <world-id>",
                        "  worldforge provider list",
                        "  worldforge provider docs",
                        "  worldforge provider info mock",
                        "  worldforge provider contract mock",
                        "  worldforge provider workbench mock",
                        "  worldforge harness --list",
                        "  worldforge predict kitchen --provider mock --x 0.3 --y 0.8 --z 0.0 --steps 2",
                        "  worldforge eval --suite planning --provider mock --format json",
                        "  worldforge benchmark --provider mock --iterations 5 --format json",
                        "  worldforge runs list",
                        "  worldforge drills list");
        CommandLine root = new CommandLine(rootSpec);

        CommandSpec examples = command("examples", "List runnable examples grouped by task.");
        examples.addOption(choice("--format", "Output format for the examples index.", MARKDOWN_JSON));
        add(root, examples);

        CommandSpec providers = command("providers", "List registered providers.");
        providers.addOption(stateDir());
        add(root, providers);

        root.addSubcommand("provider", provider());
        root.addSubcommand("world", world());
        add(root, command("runs", "List, bundle, compare, and clean preserved runs."));
        add(root, command("drills", "List and run checkout-safe operator failure drills."));

        CommandSpec doctor = command("doctor", "Inspect the local WorldForge environment.");
        doctor.addOption(stateDir());
        doctor.addOption(flag("--registered-only", "Show only providers registered for this process."));
        doctor.addOption(choice("--capability", "Filter providers by capability name.", CAPABILITIES));
        add(root, doctor);

        add(root, command("scenario", "Validate or run a JSON-native checkout-safe scenario file."));

        CommandSpec negotiate =
                command("negotiate", "Report whether providers can satisfy a capability workflow before it runs.");
        negotiate.addOption(option(
                "--workflow",
                "WORKFLOW",
                "Workflow name to negotiate. Repeat with --workflow each time, or omit to cover every workflow."));
        negotiate.addOption(flag("--list", "List known workflows and exit."));
        negotiate.addOption(choice("--format", "Output format.", MARKDOWN_JSON));
        negotiate.addOption(stateDir());
        add(root, negotiate);

        add(root, command("generate", "Generate a clip with a provider."));
        add(root, command("transfer", "Transform an input clip with a provider."));

        CommandSpec predict = command("predict", "Run a deterministic prediction.");
        predict.addPositional(positional(predict, "world_name", "1", "World name to create or load."));
        predict.addOption(option("--provider", "PROVIDER", "Provider name."));
        predict.addOption(required("--x", "X", "Target x coordinate."));
        predict.addOption(required("--y", "Y", "Target y coordinate."));
        predict.addOption(required("--z", "Z", "Target z coordinate."));
        predict.addOption(option("--steps", "STEPS", "Prediction horizon in steps."));
        predict.addOption(stateDir());
        add(root, predict);

        CommandSpec eval = command("eval", "Run a built-in evaluation suite.");
        eval.addOption(choice(
                "--suite", "Built-in evaluation suite.", "generation", "physics", "planning", "reasoning", "transfer"));
        eval.addOption(option("--provider", "PROVIDERS", "Provider name to evaluate. Can be repeated."));
        eval.addOption(choice("--format", "Evaluation report format.", "markdown", "json", "csv"));
        eval.addOption(stateDir());
        eval.addOption(option(
                "--run-workspace",
                "RUN_WORKSPACE",
                "Preserve sanitized eval artifacts under RUN_WORKSPACE/runs/<run-id>/."));
        add(root, eval);

        CommandSpec benchmark = command("benchmark", "Run provider latency and retry benchmarks.");
        benchmark.addOption(option("--provider", "PROVIDERS", "Provider name to benchmark. Can be repeated."));
        benchmark.addOption(choice(
                "--operation",
                "Operation to benchmark. Can be repeated.",
                "predict",
                "reason",
                "generate",
                "transfer",
                "embed",
                "score",
                "policy"));
        benchmark.addOption(option("--iterations", "ITERATIONS", "Iterations per operation."));
        benchmark.addOption(option("--concurrency", "CONCURRENCY", "Concurrent workers."));
        benchmark.addOption(choice("--format", "Benchmark report format.", "markdown", "json", "csv"));
        benchmark.addOption(
                option("--input-file", "INPUT_FILE", "Optional JSON file with deterministic benchmark inputs."));
        benchmark.addOption(option(
                "--budget-file",
                "BUDGET_FILE",
                "Optional JSON budget file. Failing gates exit non-zero after printing the report."));
        benchmark.addOption(stateDir());
        benchmark.addOption(option(
                "--run-workspace",
                "RUN_WORKSPACE",
                "Preserve sanitized benchmark artifacts under RUN_WORKSPACE/runs/<run-id>/."));
        benchmark.addOption(option(
                "--preset",
                "PRESET",
                "Run a named benchmark preset (overrides --provider, --operation, --iterations,"
                        + " --concurrency, --input-file, and --budget-file). Use --list-presets for the"
                        + " catalogue."));
        benchmark.addOption(flag("--list-presets", "List benchmark presets and exit."));
        benchmark.addOption(option("--show-preset", "SHOW_PRESET", "Print one benchmark preset's details and exit."));
        add(root, benchmark);

        CommandSpec harness = command("harness", "Launch TheWorldHarness TUI.");
        harness.addOption(choice(
                "--flow",
                "Harness flow to open.",
                "leworldmodel",
                "lerobot",
                "diagnostics",
                "workbench",
                "eval",
                "benchmark",
                "runs"));
        harness.addOption(option(
                "--state-dir", "STATE_DIR", "Directory for persisted demo worlds. Defaults to a temporary directory."));
        harness.addOption(flag("--list", "List available harness flows without launching the TUI."));
        harness.addOption(flag("--connectors", "List provider connector readiness without launching the TUI."));
        harness.addOption(flag("--runs", "List preserved run history without launching the TUI."));
        harness.addOption(
                option("--workspace-dir", "WORKSPACE_DIR", "Workspace root for --runs. Defaults to .worldforge."));
        harness.addOption(option("--provider", "PROVIDER", "Filter --runs output by provider substring."));
        harness.addOption(option("--capability", "CAPABILITY", "Filter --runs output by capability."));
        harness.addOption(option("--status", "STATUS", "Filter --runs output by run status."));
        harness.addOption(option("--created-from", "CREATED_FROM", "Filter --runs output from YYYY-MM-DD."));
        harness.addOption(option("--created-to", "CREATED_TO", "Filter --runs output through YYYY-MM-DD."));
        harness.addOption(option("--artifact-type", "ARTIFACT_TYPE", "Filter --runs output by safe artifact type."));
        harness.addOption(choice("--format", "Output format for --list, --connectors, and --runs.", MARKDOWN_JSON));
        harness.addOption(flag("--no-animation", "Disable step reveal delays."));
        add(root, harness);

        return rootSpec;
    }

    private static CommandLine provider() {
        // No metavar in the reference: picocli's default label, so the choices show in braces.
        CommandSpec spec = group("provider", "Inspect provider profiles and health.", null);
        CommandLine provider = new CommandLine(spec);

        CommandSpec list = command("list", "List provider profiles.");
        list.addOption(stateDir());
        list.addOption(flag("--registered-only", "Show only providers registered for this process."));
        list.addOption(choice("--capability", "Filter providers by capability name.", CAPABILITIES));
        add(provider, list);

        CommandSpec info = command("info", "Show provider details.");
        info.addPositional(positional(info, "name", "1", "Provider name."));
        info.addOption(stateDir());
        add(provider, info);

        CommandSpec health = command("health", "Show provider health.");
        health.addPositional(positional(health, "name", "0..1", "Optional provider name."));
        health.addOption(stateDir());
        health.addOption(flag("--registered-only", "Show only providers registered for this process."));
        health.addOption(choice("--capability", "Filter providers by capability name.", CAPABILITIES));
        add(provider, health);

        CommandSpec contract = command("contract", "Run provider contract checks and emit issue-ready evidence.");
        contract.addPositional(positional(contract, "name", "0..1", "Registered or known provider name."));
        contract.addOption(option("--factory", "FACTORY", "Direct provider factory path as module:factory."));
        contract.addOption(choice("--format", "Output format for contract evidence.", MARKDOWN_JSON));
        contract.addOption(flag("--live", "Allow live provider calls on a prepared host."));
        contract.addOption(option("--score-info", "SCORE_INFO", "JSON score info payload for score providers."));
        contract.addOption(option(
                "--score-candidates", "SCORE_CANDIDATES", "JSON action candidates payload for score providers."));
        contract.addOption(option("--policy-info", "POLICY_INFO", "JSON policy info payload for policy providers."));
        contract.addOption(stateDir());
        add(provider, contract);

        CommandSpec docs = command("docs", "List provider documentation paths.");
        docs.addPositional(positional(docs, "name", "0..1", "Optional provider name."));
        docs.addOption(choice("--format", "Output format for provider docs metadata.", MARKDOWN_JSON));
        add(provider, docs);

        CommandSpec workbench = command("workbench", "Run provider authoring checks without launching the TUI.");
        workbench.addPositional(positional(workbench, "name", "1", "Provider name."));
        add(provider, workbench);
        return provider;
    }

    private static CommandLine world() {
        CommandLine world = new CommandLine(group("world", "Manage persisted local JSON worlds.", "command"));
        add(world, command("list", "List persisted worlds."));

        CommandSpec create = command("create", "Create and save a world.");
        create.addPositional(positional(create, "name", "1", "World name."));
        create.addOption(option("--provider", "PROVIDER", "Provider name."));
        create.addOption(option(
                "--prompt",
                "PROMPT",
                "Optional prompt used to seed the world with deterministic checkout-safe objects."));
        create.addOption(option("--description", "DESCRIPTION", "Optional world description."));
        create.addOption(stateDir());
        create.addOption(choice("--format", "Output format for the saved world summary.", JSON_MARKDOWN));
        add(world, create);

        add(world, command("show", "Show a persisted world."));

        CommandSpec history = command("history", "Show persisted world history.");
        history.addPositional(positional(history, "world_id", "1", "World identifier."));
        history.addOption(stateDir());
        history.addOption(choice("--format", "Output format for history entries.", JSON_MARKDOWN));
        add(world, history);

        add(world, command("objects", "List objects in a world."));

        CommandSpec addObject = command("add-object", "Add an object to a persisted world.");
        addObject.addPositional(positional(addObject, "world_id", "1", "World identifier."));
        addObject.addPositional(positional(addObject, "name", "1", "Object name."));
        addObject.addOption(required("--x", "X", "Object x coordinate."));
        addObject.addOption(required("--y", "Y", "Object y coordinate."));
        addObject.addOption(required("--z", "Z", "Object z coordinate."));
        addObject.addOption(option("--size", "SIZE", "Centered bounding-box edge length."));
        addObject.addOption(option("--object-id", "OBJECT_ID", "Optional object identifier."));
        addObject.addOption(flag("--graspable", "Mark the object as graspable."));
        addObject.addOption(option("--metadata", "METADATA", "Optional JSON object stored on the scene object."));
        addObject.addOption(stateDir());
        addObject.addOption(choice("--format", "Output format for the updated world summary.", JSON_MARKDOWN));
        add(world, addObject);

        add(world, command("update-object", "Patch an object in a persisted world."));
        add(world, command("remove-object", "Remove an object from a persisted world."));
        add(world, command("delete", "Delete a persisted world."));
        add(world, command("predict", "Predict and save the next state for a persisted world."));
        add(world, command("export", "Export a persisted world as JSON."));
        add(world, command("import", "Import and save exported world JSON."));
        add(world, command("fork", "Fork a world from a history entry."));
        add(world, command("diff", "Diff two persisted or exported world JSON snapshots."));
        add(world, command("migration-preview", "Preview world JSON migration requirements without rewriting state."));

        CommandSpec preflight =
                command("preflight", "Check local world JSON state and run workspaces without mutating them.");
        preflight.addOption(stateDir());
        preflight.addOption(
                option("--workspace-dir", "WORKSPACE_DIR", "WorldForge workspace directory containing runs/."));
        preflight.addOption(
                option("--world-id", "WORLD_IDS", "World identifier to validate without loading. Can be repeated."));
        preflight.addOption(option(
                "--retention-keep", "RETENTION_KEEP", "Number of newest valid run workspaces to keep before warning."));
        preflight.addOption(choice("--format", "Output format for the preflight report.", JSON_MARKDOWN));
        add(world, preflight);
        return world;
    }

    // ------------------------------------------------------------------ spec builders

    private static void add(CommandLine parent, CommandSpec child) {
        parent.addSubcommand(child.name(), new CommandLine(child));
    }

    private static CommandSpec find(CommandSpec root, List<String> path) {
        CommandSpec spec = root;
        for (String name : path) {
            spec = spec.subcommands().get(name).getCommandSpec();
        }
        return spec;
    }

    /** A leaf command whose {@code header} is its help in the parent's listing. */
    private static CommandSpec command(String name, String header) {
        CommandSpec spec = CommandSpec.create().name(name);
        spec.addOption(helpOption());
        if (header != null) {
            spec.usageMessage().header(header);
        }
        return spec;
    }

    private static CommandSpec group(String name, String header, String metavar) {
        CommandSpec spec = command(name, header);
        if (metavar != null) {
            spec.usageMessage().synopsisSubcommandLabel(metavar);
        }
        return spec;
    }

    /** A leaf command under a root named {@code worldforge}, for prog {@code worldforge NAME}. */
    private static CommandSpec standalone(String name) {
        CommandSpec spec = command(name, "Edge case.");
        register(spec);
        return spec;
    }

    /** Registers {@code spec} under a root named {@code worldforge}. */
    private static void register(CommandSpec spec) {
        String name = spec.name();
        new CommandLine(group("worldforge", null, "command")).addSubcommand(name, new CommandLine(spec));
    }

    private static OptionSpec helpOption() {
        return OptionSpec.builder("-h", "--help")
                .usageHelp(true)
                .description("Show this help message and exit.")
                .build();
    }

    private static OptionSpec stateDir() {
        return option("--state-dir", "STATE_DIR", STATE_DIR_HELP);
    }

    private static OptionSpec option(String name, String label, String help) {
        return option(name, label, help, "1");
    }

    private static OptionSpec option(String name, String label, String help, String arity) {
        OptionSpec.Builder builder =
                OptionSpec.builder(name).paramLabel(label).arity(arity).type(String.class);
        if (help != null) {
            builder.description(help);
        }
        return builder.build();
    }

    private static OptionSpec required(String name, String label, String help) {
        return OptionSpec.builder(name)
                .paramLabel(label)
                .arity("1")
                .type(String.class)
                .required(true)
                .description(help)
                .build();
    }

    private static OptionSpec flag(String name, String help) {
        OptionSpec.Builder builder = OptionSpec.builder(name).arity("0").type(boolean.class);
        if (help != null) {
            builder.description(help);
        }
        return builder.build();
    }

    private static OptionSpec choice(String name, String help, String... choices) {
        return OptionSpec.builder(name)
                .paramLabel(name.substring(2).toUpperCase(java.util.Locale.ROOT))
                .arity("1")
                .type(String.class)
                .completionCandidates(List.of(choices))
                .description(help)
                .build();
    }

    /**
     * A positional parameter with the next free index: the renderer lists positionals in picocli's
     * index order, and picocli's automatic indexes do not follow declaration order.
     */
    private static PositionalParamSpec positional(CommandSpec spec, String label, String arity, String help) {
        PositionalParamSpec.Builder builder = PositionalParamSpec.builder()
                .index(String.valueOf(spec.positionalParameters().size()))
                .paramLabel(label)
                .arity(arity)
                .type(String.class);
        if (help != null) {
            builder.description(help);
        }
        return builder.build();
    }

    private static String expected(String name) {
        try (InputStream in = ArgparseHelpTest.class.getResourceAsStream("help/" + name + ".txt")) {
            assertThat(in).as("resource help/%s.txt", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
