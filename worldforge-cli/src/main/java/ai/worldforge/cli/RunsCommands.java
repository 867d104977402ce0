package ai.worldforge.cli;

import ai.worldforge.comparison.RunComparison;
import ai.worldforge.error.WorldForgeException;
import ai.worldforge.json.JsonObject;
import ai.worldforge.runs.BundleResult;
import ai.worldforge.runs.EvidenceBundleOptions;
import ai.worldforge.runs.EvidenceBundles;
import ai.worldforge.runs.PruneReport;
import ai.worldforge.runs.RunCleanup;
import ai.worldforge.runs.RunHistoryFilter;
import ai.worldforge.runs.RunIds;
import ai.worldforge.runs.RunIndex;
import ai.worldforge.runs.RunWorkspaces;
import ai.worldforge.runs.RunsPrune;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code runs list|compare|bundle|index|prune|cleanup}: inspect, compare, bundle and clean up the
 * run workspaces that {@code eval}/{@code benchmark --run-workspace} preserve under {@code
 * <workspace>/runs/<run-id>/}. Output shapes, defaults and messages are the reference's; files
 * written by the reference's workspaces are read the same way.
 */
final class RunsCommands {
    private RunsCommands() {}

    static final String DEFAULT_WORKSPACE_DIR = ".worldforge";
    static final String WORKSPACE_DIR_HELP = "WorldForge workspace directory containing runs/.";

    @Command(
            name = "runs",
            header = "List, bundle, compare, and clean preserved runs.",
            synopsisSubcommandLabel = "command",
            mixinStandardHelpOptions = true)
    static final class RunsGroup extends Group {}

    /** What most runs commands share: the context and a workspace directory. */
    abstract static class WorkspaceCommand implements Callable<Integer> {
        final CliContext context;

        @Option(names = "--workspace-dir", paramLabel = "WORKSPACE_DIR", description = WORKSPACE_DIR_HELP)
        String workspaceDir = DEFAULT_WORKSPACE_DIR;

        WorkspaceCommand(CliContext context) {
            this.context = context;
        }

        /**
         * The workspace as the user typed it when the CLI runs in the process's own directory, so
         * that printed paths read {@code .worldforge/runs/<id>} like the reference's; resolved
         * against the context's directory otherwise (embedded hosts and tests).
         */
        Path workspace() {
            return context.userPath(workspaceDir);
        }

        /** Prints rendered text, adding a final newline only when missing (the reference's rule). */
        void printRendered(String rendered) {
            context.out.print(rendered.endsWith("\n") ? rendered : rendered + "\n");
            context.out.flush();
        }

        /** Writes rendered text to a file with a final newline, atomically, creating parent directories. */
        void writeRendered(Path target, String rendered) {
            try {
                Path parent = target.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                AtomicFiles.writeString(target, rendered.endsWith("\n") ? rendered : rendered + "\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Output formats of {@code runs list}, {@code cleanup} and {@code prune}. */
    enum JsonOrMarkdown {
        json,
        markdown
    }

    @Command(name = "list", header = "List preserved run manifests.", mixinStandardHelpOptions = true)
    static final class ListRuns extends WorkspaceCommand {
        @Option(names = "--format", paramLabel = "FORMAT", description = "Output format for run summaries.")
        JsonOrMarkdown format = JsonOrMarkdown.json;

        ListRuns(CliContext context) {
            super(context);
        }

        @Override
        public Integer call() {
            List<JsonObject> runs = RunWorkspaces.list(workspace());
            if (format == JsonOrMarkdown.markdown) {
                printRendered(RunWorkspaces.listMarkdown(runs));
            } else {
                context.printJson(ai.worldforge.json.JsonArray.copyOf(runs));
            }
            return 0;
        }
    }

    /** Output formats of {@code runs compare}. */
    enum CompareFormat {
        json,
        markdown,
        csv,
        html
    }

    /** Modes of {@code runs compare}. */
    enum CompareMode {
        comparison,
        regression
    }

    @Command(
            name = "compare",
            header = "Compare preserved eval or benchmark run reports.",
            mixinStandardHelpOptions = true)
    static final class Compare extends WorkspaceCommand {
        @Parameters(
                paramLabel = "paths",
                arity = "1..*",
                description = "Run workspace directories, run_manifest.json files, report JSON files, or run ids"
                        + " under --workspace-dir.")
        List<String> paths = new ArrayList<>();

        @Option(names = "--format", paramLabel = "FORMAT", description = "Output format for the comparison summary.")
        CompareFormat format = CompareFormat.json;

        @Option(
                names = "--mode",
                paramLabel = "MODE",
                description = "Comparison mode: multi-run table or baseline-vs-candidate regression report.")
        CompareMode mode = CompareMode.comparison;

        @Option(
                names = "--output",
                paramLabel = "OUTPUT",
                description = "Optional path to write the comparison artifact instead of stdout.")
        @Nullable
        String output;

        @Spec
        CommandSpec spec;

        Compare(CliContext context) {
            super(context);
        }

        @Override
        public Integer call() {
            List<Path> resolved = paths.stream().map(this::resolve).toList();
            JsonObject payload = RunComparison.compare(resolved, mode.name());
            CompareFormat chosen = spec.commandLine().getParseResult().hasMatchedOption("--format")
                    ? format
                    : OutputFormats.fromSuffix(output, CompareFormat.class).orElse(format);
            String rendered = RunComparison.render(payload, chosen.name());
            if (output != null) {
                RunComparison.writeRendered(context.path(output), rendered);
                return 0;
            }
            context.println(rendered);
            return 0;
        }

        /**
         * A path as given, or, when nothing exists there and it is a run id, that run under the
         * workspace ({@code runs bundle} takes run ids the same way).
         */
        private Path resolve(String value) {
            Path given = context.userPath(value);
            if (!Files.exists(context.path(value)) && RunIds.isValid(value)) {
                return workspace().resolve("runs").resolve(value);
            }
            return given;
        }
    }

    /** Output formats of {@code runs bundle}. */
    enum BundleFormat {
        json,
        markdown,
        html
    }

    @Command(
            name = "bundle",
            header = "Export an issue-ready bundle for one preserved run.",
            mixinStandardHelpOptions = true)
    static final class Bundle extends WorkspaceCommand {
        @Parameters(paramLabel = "run_id", description = "Run id under .worldforge/runs/.")
        String runId = "";

        @Option(
                names = "--output",
                paramLabel = "OUTPUT",
                description = "Bundle output directory. Defaults to <workspace-dir>/issue-bundles/<run-id>.")
        @Nullable
        String output;

        @Option(names = "--overwrite", description = "Replace an existing output directory.")
        boolean overwrite;

        @Option(names = "--format", paramLabel = "FORMAT", description = "Output format for the issue bundle summary.")
        BundleFormat format = BundleFormat.markdown;

        Bundle(CliContext context) {
            super(context);
        }

        @Override
        public Integer call() {
            Path workspace = workspace();
            Path target =
                    output == null ? EvidenceBundles.defaultIssueBundleDir(workspace, runId) : context.userPath(output);
            BundleResult result = EvidenceBundles.generateIssue(
                    workspace,
                    runId,
                    target,
                    EvidenceBundleOptions.builder(Clock.systemUTC())
                            .overwrite(overwrite)
                            .repositoryRoot(context.workingDirectory)
                            .build());
            switch (format) {
                case json -> context.printJson(result.toCliJson(runId));
                case html ->
                    context.println(read(result.issueHtmlPath()
                            .orElseThrow(() -> new WorldForgeException("Issue bundle did not produce issue.html."))));
                case markdown ->
                    context.println(read(result.issueTemplatePath()
                            .orElseThrow(() -> new WorldForgeException("Issue bundle did not produce issue.md."))));
            }
            return 0;
        }

        private static String read(Path path) {
            try {
                return Files.readString(path, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Output formats of {@code runs index}. */
    enum IndexFormat {
        json,
        markdown,
        csv
    }

    @Command(
            name = "index",
            header = "Summarize preserved runs with filters and JSON/Markdown/CSV output.",
            mixinStandardHelpOptions = true)
    static final class Index extends WorkspaceCommand {
        @Option(names = "--format", paramLabel = "FORMAT", description = "Output format for the run index.")
        IndexFormat format = IndexFormat.json;

        @Option(
                names = "--output",
                paramLabel = "OUTPUT",
                description = "Optional path to write the index instead of stdout.")
        @Nullable
        String output;

        @Option(
                names = "--provider",
                paramLabel = "PROVIDER",
                description = "Filter to runs whose provider name contains this substring (case-insensitive).")
        @Nullable
        String provider;

        @Option(
                names = "--capability",
                paramLabel = "CAPABILITY",
                description = "Filter to runs that include this capability (exact match).")
        @Nullable
        String capability;

        @Option(
                names = "--status",
                paramLabel = "STATUS",
                description = "Filter to runs whose status equals this value (case-insensitive).")
        @Nullable
        String status;

        @Option(
                names = "--created-from",
                paramLabel = "CREATED_FROM",
                description = "Filter to runs created on or after this YYYY-MM-DD date.")
        @Nullable
        String createdFrom;

        @Option(
                names = "--created-to",
                paramLabel = "CREATED_TO",
                description = "Filter to runs created on or before this YYYY-MM-DD date.")
        @Nullable
        String createdTo;

        @Option(
                names = "--artifact-type",
                paramLabel = "ARTIFACT_TYPE",
                description = "Filter to runs that include a safe artifact of this label or suffix.")
        @Nullable
        String artifactType;

        @Spec
        CommandSpec spec;

        Index(CliContext context) {
            super(context);
        }

        @Override
        public Integer call() {
            RunHistoryFilter filter =
                    RunHistoryFilter.fromStrings(provider, capability, status, createdFrom, createdTo, artifactType);
            RunIndex index = RunIndex.build(
                    workspace(), filter.isActive() ? Optional.of(filter) : Optional.empty(), Clock.systemUTC());
            IndexFormat chosen = spec.commandLine().getParseResult().hasMatchedOption("--format")
                    ? format
                    : OutputFormats.fromSuffix(output, IndexFormat.class).orElse(format);
            String rendered = switch (chosen) {
                case json -> index.toJsonText();
                case csv -> index.toCsv();
                case markdown -> index.toMarkdown();
            };
            if (output != null) {
                writeRendered(context.path(output), rendered);
            } else {
                printRendered(rendered);
            }
            return 0;
        }
    }

    @Command(
            name = "prune",
            header = "Plan or apply a retention policy against preserved run workspaces.",
            mixinStandardHelpOptions = true)
    static final class Prune extends WorkspaceCommand {
        @Option(
                names = "--max-age-days",
                paramLabel = "MAX_AGE_DAYS",
                description = "Delete runs older than this many days (default 30). Pass 0 to override the 24h"
                        + " safety window.")
        @Nullable
        Integer maxAgeDays;

        @Option(
                names = "--keep-latest",
                paramLabel = "KEEP_LATEST",
                description = "Always retain the newest N runs irrespective of age (default 10).")
        @Nullable
        Integer keepLatest;

        @Option(
                names = "--family",
                paramLabel = "FAMILY",
                description =
                        "Restrict pruning to this manifest kind (eval, benchmark, flow, ...). Repeat to add" + " more.")
        List<String> families = new ArrayList<>();

        @Option(names = "--apply", description = "Actually delete selected run workspaces. Default is dry-run.")
        boolean apply;

        @Option(names = "--format", paramLabel = "FORMAT", description = "Output format for the prune report.")
        JsonOrMarkdown format = JsonOrMarkdown.json;

        @Option(
                names = "--retention-profile",
                paramLabel = "RETENTION_PROFILE",
                description = "Optional non-secret config profile; uses its runs_retention section as defaults.")
        @Nullable
        String retentionProfile;

        Prune(CliContext context) {
            super(context);
        }

        @Override
        public Integer call() {
            PruneReport report = RunsPrune.plan(
                    workspace(),
                    RunsPrune.resolvePolicy(
                            maxAgeDays == null ? OptionalInt.empty() : OptionalInt.of(maxAgeDays),
                            keepLatest == null ? OptionalInt.empty() : OptionalInt.of(keepLatest),
                            List.copyOf(families),
                            Optional.ofNullable(retentionProfile).map(context::path)),
                    Clock.systemUTC());
            if (apply) {
                report = RunsPrune.apply(report);
            }
            printRendered(format == JsonOrMarkdown.markdown ? report.toMarkdown() : report.toJsonText());
            return 0;
        }
    }

    @Command(name = "cleanup", header = "Remove old preserved runs.", mixinStandardHelpOptions = true)
    static final class Cleanup extends WorkspaceCommand {
        @Option(names = "--keep", paramLabel = "KEEP", description = "Number of newest runs to keep.")
        int keep = 10;

        @Option(names = "--dry-run", description = "Show selected run directories without deleting them.")
        boolean dryRun;

        @Option(names = "--format", paramLabel = "FORMAT", description = "Output format for cleanup results.")
        JsonOrMarkdown format = JsonOrMarkdown.json;

        Cleanup(CliContext context) {
            super(context);
        }

        @Override
        public Integer call() {
            RunCleanup cleanup = RunWorkspaces.cleanup(workspace(), keep, dryRun);
            if (format == JsonOrMarkdown.markdown) {
                printRendered(cleanup.toMarkdown());
            } else {
                context.printJson(cleanup.toJson());
            }
            return 0;
        }
    }
}
