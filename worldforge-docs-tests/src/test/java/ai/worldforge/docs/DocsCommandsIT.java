package ai.worldforge.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every command of every fenced {@code bash} block in {@code README.md} and {@code docs/*.md} runs
 * through the real launchers, so the docs cannot drift from the code: one fresh scratch directory
 * per page (the checkout's {@code bin/}, {@code bench/}, modules and build outputs linked in, its
 * {@code examples/} input files copied, so commands read exactly as in a checkout and write only into the scratch
 * directory), commands in page order, placeholders such as {@code <world-id>} and {@code <run-id>}
 * taking the values earlier commands of the page printed. A command fails the page when it exits
 * with a code its comment does not announce ({@code # exit 1 when …}), uses a placeholder no
 * earlier command gave a value, names a checkout file that does not exist, or runs for more than
 * three minutes.
 *
 * <p>Not run, and listed in the test output with the reason: commands marked {@code # manual:
 * <reason>}, and commands of the programs in {@link #NOT_RUN} (servers that run until stopped,
 * builds, minute-long measurements, live smokes). Their checkout files must exist all the same.
 * The conventions are documented in docs/cli.md ("Commands in the docs are tested").
 */
class DocsCommandsIT {
    static final Path ROOT = Path.of(System.getProperty("worldforge.root", ".."))
            .toAbsolutePath()
            .normalize();

    /** Programs that are never run here, with the reason printed for each skipped line. */
    record NotRun(Pattern command, String reason) {}

    static final List<NotRun> NOT_RUN = List.of(
            new NotRun(Pattern.compile("^\\./mvnw\\b"), "a Maven build (this test runs inside one)"),
            new NotRun(
                    Pattern.compile("^bin/worldforge-service\\b|-jar \\S*worldforge-service\\.jar"
                            + "|\\bai\\.worldforge\\.server\\.ServiceHost\\b"),
                    "the HTTP service runs until it is stopped"),
            new NotRun(Pattern.compile("^bench/service-load\\.sh\\b"), "a load test against a running service"),
            new NotRun(Pattern.compile("^bench/startup\\.sh\\b"), "times hundreds of start-ups"),
            new NotRun(Pattern.compile("^bin/benchmarks\\b|\\bbenchmarks\\.jar\\b"), "JMH measurements take minutes"),
            new NotRun(
                    Pattern.compile("^([A-Za-z_][A-Za-z0-9_]*=\\S*\\s+)*bin/worldforge smoke\\b"),
                    "a live smoke needs a host-owned endpoint and credentials"));

    /** Top-level entries of the checkout that a page's scratch directory links to. */
    private static final List<String> LINKED = List.of("bin", "bench", "docs", "tools", "mvnw", "pom.xml", ".mvn");

    /**
     * Copied rather than linked: the input files commands read. Dataset manifests refuse entries
     * that resolve outside the manifest's directory tree, which a link to the checkout would.
     */
    private static final String COPIED = "examples";

    private static final Pattern WORLD_ID = Pattern.compile("(?m)^  \"id\": \"(world_[0-9a-f]{12})\"");
    private static final Pattern RUN_ID = Pattern.compile("\\b(\\d{8}T\\d{6}Z-[a-f0-9]{8})\\b");
    private static final Pattern OBJECT_ID = Pattern.compile("--object-id (\\S+)");
    private static final Pattern REPO_PATH =
            Pattern.compile("^(bin|bench|docs|examples|tools|worldforge-[a-z-]+)/\\S*$");
    private static final long TIMEOUT_SECONDS = 180;

    static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(p -> p.getFileName().toString().endsWith(".md"))
                    .sorted()
                    .forEach(pages::add);
        }
        return pages;
    }

    @TestFactory
    Stream<DynamicTest> everyCommandOfThePageRuns() throws IOException {
        return pages().stream()
                .map(page -> DynamicTest.dynamicTest(ROOT.relativize(page).toString(), () -> run(page)));
    }

    /** The docs show commands: if the parser found none, it is broken, not the docs. */
    @Test
    void theDocsHaveCommands() throws IOException {
        int count = 0;
        for (Path page : pages()) {
            count += FencedBashBlocks.commands(page.toString(), Files.readString(page))
                    .size();
        }
        assertThat(count).isGreaterThan(40);
    }

    private static void run(Path page) throws Exception {
        String file = ROOT.relativize(page).toString();
        List<DocsCommand> commands = FencedBashBlocks.commands(file, Files.readString(page, StandardCharsets.UTF_8));
        Path scratch = scratchDirectory(file);
        Map<String, String> values = new HashMap<>();
        List<String> failures = new ArrayList<>();
        try {
            runAll(commands, scratch, values, failures);
        } finally {
            deleteScratch(scratch);
        }
        assertThat(failures).as("commands of %s", file).isEmpty();
    }

    private static void runAll(
            List<DocsCommand> commands, Path scratch, Map<String, String> values, List<String> failures)
            throws IOException, InterruptedException {
        for (DocsCommand command : commands) {
            failures.addAll(missingFiles(command));
            Optional<String> notRun = notRunReason(command);
            if (notRun.isPresent()) {
                System.out.println("not run: " + command.where() + ": " + command.code() + "  (" + notRun.get() + ")");
                continue;
            }
            Optional<String> code = substituted(command, values);
            if (code.isEmpty()) {
                failures.add(command.where() + ": no earlier command of the page gave a value for "
                        + command.placeholders() + " in `" + command.code() + "`; give one or mark the line `#"
                        + " manual: <reason>`");
                continue;
            }
            Execution execution = execute(code.get(), scratch);
            System.out.println("ran (exit " + execution.exitCode + "): " + command.where() + ": " + code.get());
            if (execution.timedOut) {
                failures.add(command.where() + ": `" + code.get() + "` still ran after " + TIMEOUT_SECONDS + " s");
            } else if (!command.allowedExitCodes().contains(execution.exitCode)) {
                failures.add(command.where() + ": `" + code.get() + "` exited " + execution.exitCode + " (allowed "
                        + command.allowedExitCodes() + ")\n    stderr: " + tail(execution.err) + "\n    stdout: "
                        + tail(execution.out));
            }
            remember(command, execution, values);
        }
    }

    static Optional<String> notRunReason(DocsCommand command) {
        Optional<String> manual = command.manualReason();
        if (manual.isPresent()) {
            return manual;
        }
        for (NotRun rule : NOT_RUN) {
            if (rule.command().matcher(command.code()).find()) {
                return Optional.of(rule.reason());
            }
        }
        return Optional.empty();
    }

    /** Checkout files (under bin/, bench/, examples/, docs/, tools/ or a module) the command names. */
    static List<String> missingFiles(DocsCommand command) {
        List<String> missing = new ArrayList<>();
        for (String word : command.words()) {
            String path = word.replaceFirst("^<\\(", "").replaceFirst("[);]+$", "");
            if (REPO_PATH.matcher(path).matches() && !path.contains("/target/") && !Files.exists(ROOT.resolve(path))) {
                missing.add(command.where() + ": `" + command.code() + "` names " + path + ", which does not exist");
            }
        }
        return missing;
    }

    private static Optional<String> substituted(DocsCommand command, Map<String, String> values) {
        String code = command.code();
        for (String name : command.placeholders()) {
            String kind = switch (name) {
                case "id", "world-id" -> "world";
                case "run-id" -> "run";
                case "object-id" -> "object";
                default -> name;
            };
            String value = values.get(kind);
            if (value == null) {
                return Optional.empty();
            }
            code = code.replace("<" + name + ">", value);
        }
        return Optional.of(code);
    }

    private static void remember(DocsCommand command, Execution execution, Map<String, String> values) {
        Matcher world = WORLD_ID.matcher(execution.out);
        if (world.find()) {
            values.put("world", world.group(1));
        }
        Matcher run = RUN_ID.matcher(execution.err + "\n" + execution.out);
        while (run.find()) {
            values.put("run", run.group(1));
        }
        Matcher object = OBJECT_ID.matcher(command.code());
        if (object.find()) {
            values.put("object", object.group(1));
        }
    }

    record Execution(int exitCode, boolean timedOut, String out, String err) {}

    private static Execution execute(String code, Path scratch) throws IOException, InterruptedException {
        Path out = Files.createTempFile("docs-out", ".txt");
        Path err = Files.createTempFile("docs-err", ".txt");
        try {
            ProcessBuilder builder = new ProcessBuilder("bash", "-c", code)
                    .directory(scratch.toFile())
                    .redirectInput(
                            ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            // The docs describe an unconfigured checkout: no provider variables leak in.
            Map<String, String> environment = builder.environment();
            environment
                    .keySet()
                    .removeIf(name -> !List.of("PATH", "HOME", "JAVA_HOME", "LANG", "LC_ALL", "TMPDIR", "USER")
                            .contains(name));
            environment.put("TERM", "dumb");
            Process process = builder.start();
            boolean finished = process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (!finished) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
            }
            return new Execution(
                    finished ? process.exitValue() : -1,
                    !finished,
                    Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** A fresh directory that looks like a checkout to the commands but holds their output. */
    private static Path scratchDirectory(String page) throws IOException {
        Path scratch = Files.createTempDirectory("wf-docs-" + page.replaceAll("[^A-Za-z0-9]+", "-"));
        try (Stream<Path> entries = Files.list(ROOT)) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                String name = entry.getFileName().toString();
                if (LINKED.contains(name) || name.startsWith("worldforge-")) {
                    Files.createSymbolicLink(scratch.resolve(name), entry);
                } else if (name.equals(COPIED)) {
                    copyTree(entry, scratch.resolve(name));
                }
            }
        }
        return scratch;
    }

    /** Copies {@code source} to {@code target}, build outputs ({@code target/}) left out. */
    private static void copyTree(Path source, Path target) throws IOException {
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path relative = source.relativize(path);
                if (relative.startsWith("target")) {
                    continue;
                }
                Path copy = target.resolve(relative.toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(path, copy);
                }
            }
        }
    }

    /** Deletes what the commands wrote; the links to the checkout are removed, never followed. */
    private static void deleteScratch(Path scratch) throws IOException {
        try (Stream<Path> paths = Files.walk(scratch)) {
            for (Path path : (Iterable<Path>) paths.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static String tail(String text) {
        String trimmed = text.strip();
        return trimmed.length() <= 600 ? trimmed : "…" + trimmed.substring(trimmed.length() - 600);
    }
}
