package ai.worldforge.runs;

import ai.worldforge.error.WorldForgeException;
import ai.worldforge.event.Redaction;
import ai.worldforge.internal.BoundedFiles;
import ai.worldforge.internal.ErrorText;
import ai.worldforge.internal.JsonReads;
import ai.worldforge.internal.PyStrings;
import ai.worldforge.internal.Sha256Hex;
import ai.worldforge.json.Json;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonBool;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonNull;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
import ai.worldforge.report.HtmlDocument;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Checkout-safe evidence bundles and issue-ready bundles built from preserved run workspaces (the
 * reference's {@code evidence_bundle.py}, schema 1). Every file of a run is considered, but only
 * {@code .json .jsonl .md .csv .txt .html} files of at most 1,000,000 bytes without secret-like
 * text, host-local paths or credentialed URLs are copied; everything else is listed as excluded
 * with its reason (and digest when it could be read). Stateless.
 */
public final class EvidenceBundles {
    /** The bundle schema version. */
    public static final int SCHEMA_VERSION = 1;

    /** Largest file copied into a bundle. */
    public static final long MAX_SAFE_ARTIFACT_BYTES = 1_000_000;

    /** Classpath folder of the benchmark preset data files reports may reference. */
    public static final String PRESET_DATA_RESOURCE_DIR = "/ai/worldforge/benchmark/presets/_data/";

    /** The preset data files the reference ships (digested when present on the classpath). */
    static final List<String> PRESET_DATA_FILES = List.of(
            "budget-mock-smoke.json",
            "budget-parser-overhead.json",
            "budget-release-evidence.json",
            "inputs-mock.json",
            "inputs-prepared-host.json",
            "inputs-remote-media.json");

    /** The secret-like pattern of bundle copies (the reference's BUNDLE family). */
    static final Pattern SECRET_PATTERN = Pattern.compile(
            "(api[_-]?key|authorization|bearer\\s+[a-z0-9._~-]+|password|secret|signature|token=|"
                    + "x-amz-signature|runwayml_api_secret|nvidia_api_key)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    static final Pattern HOST_PATH_PATTERN = Pattern.compile("(/Users/|/private/|/var/folders/|file://|[A-Za-z]:\\\\)");

    private static final Pattern UNSAFE_URL = Pattern.compile(
            "https?://[^\\s\"']+[?&](token|signature|sig|key|api_key)=",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Set<String> SAFE_SUFFIXES = Set.of(".json", ".jsonl", ".md", ".csv", ".txt", ".html");
    private static final String PRESET_PREFIX = "benchmark_presets/_data/";
    private static final String PRESET_SOURCE_PACKAGE = "worldforge.benchmark_presets._data";
    private static final String PRESET_DISPLAY_DIR = "src/worldforge/benchmark_presets/_data/";
    private static final String CLAIM_BOUNDARY =
            "This bundle copies checkout-safe evidence from preserved WorldForge run workspaces. "
                    + "Excluded files are listed with reasons. The bundle does not upload artifacts, execute "
                    + "live providers, include raw secrets, or claim physical fidelity.";

    private EvidenceBundles() {}

    /** {@code <workspace>/issue-bundles/<runId>}, the default output of {@code runs bundle}. */
    public static Path defaultIssueBundleDir(Path workspaceDir, String runId) {
        return workspaceDir.resolve("issue-bundles").resolve(runId);
    }

    /**
     * Generates an evidence bundle of the selected runs into {@code outputDir}: the copied files,
     * {@code evidence_manifest.json}, {@code summary.md} and {@code summary.html}.
     *
     * @throws WorldForgeException {@code Evidence bundle run_id is invalid: run_id must match …};
     *     {@code No run workspaces found for evidence bundle generation.}; {@code Run manifest not
     *     found: <path>} (or invalid JSON, or not an object); {@code Evidence bundle output directory
     *     is not empty: <path>} without overwrite. These are all raised before the output directory
     *     is touched.
     */
    public static BundleResult generate(Path workspaceDir, Path outputDir, EvidenceBundleOptions options) {
        Bundle bundle = build(workspaceDir, outputDir, options.runIds(), options, options.includeFixtureDigests());
        JsonObject manifest = bundle.manifest();
        Map<String, String> documents = new TreeMap<>();
        documents.put("summary.md", safeRendered(renderSummaryMarkdown(manifest)));
        documents.put("summary.html", safeRendered(renderSummaryHtml(manifest)));
        return bundle.write(documents, Optional.empty());
    }

    /**
     * Generates the issue-ready bundle of one run: {@link #generate}'s files (without fixture
     * digests) plus {@code issue.md} and {@code issue.html}; the manifest adds {@code
     * bundle_kind:"issue-run"}, {@code issue_template:"issue.md"} and {@code first_triage_step}.
     *
     * @throws WorldForgeException as {@link #generate}
     */
    public static BundleResult generateIssue(
            Path workspaceDir, String runId, Path outputDir, EvidenceBundleOptions options) {
        Bundle bundle = build(workspaceDir, outputDir, List.of(runId), options, false);
        JsonObject manifest = bundle.manifest().toBuilder()
                .put("bundle_kind", "issue-run")
                .put("issue_template", "issue.md")
                .put("first_triage_step", firstTriageStep(bundle.manifest()))
                .build();
        Map<String, String> documents = new TreeMap<>();
        documents.put("summary.md", safeRendered(renderSummaryMarkdown(manifest)));
        documents.put("issue.md", safeRendered(renderIssueMarkdown(manifest)));
        documents.put("summary.html", safeRendered(renderSummaryHtml(manifest)));
        documents.put("issue.html", safeRendered(renderIssueHtml(manifest)));
        return bundle.withManifest(manifest).write(documents, Optional.of("issue.md"));
    }

    private static String safeRendered(String content) {
        if (!Redaction.redactText(content).equals(content)) {
            throw new WorldForgeException("Report renderer safe output contains secret-like material.");
        }
        return content;
    }

    // ---------------------------------------------------------------- planning and copying

    /** A planned bundle: files to copy (already checked) and the manifest. */
    private record Bundle(Path output, boolean overwrite, Map<String, byte[]> copies, JsonObject manifest) {
        Bundle withManifest(JsonObject value) {
            return new Bundle(output, overwrite, copies, value);
        }

        BundleResult write(Map<String, String> documents, Optional<String> issueTemplate) {
            try {
                if (Files.exists(output) && overwrite) {
                    RunPaths.deleteTree(output);
                }
                Files.createDirectories(output);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (Map.Entry<String, byte[]> copy : copies.entrySet()) {
                RunPaths.writeAtomically(output.resolve(copy.getKey()), copy.getValue());
            }
            Path manifestPath = output.resolve("evidence_manifest.json");
            RunPaths.writeAtomically(manifestPath, Json.writePretty(manifest) + "\n");
            for (Map.Entry<String, String> document : documents.entrySet()) {
                RunPaths.writeAtomically(output.resolve(document.getKey()), document.getValue());
            }
            return new BundleResult(
                    output, manifestPath, output.resolve("summary.md"), manifest, issueTemplate.map(output::resolve));
        }
    }

    /** Mutable state of one bundle build. */
    private static final class Context {
        final List<Path> roots;
        final List<JsonObject> files = new ArrayList<>();
        final Map<String, byte[]> copies = new TreeMap<>();
        final Set<Path> copiedRefs = new HashSet<>();

        Context(List<Path> roots) {
            this.roots = roots;
        }
    }

    private static Bundle build(
            Path workspaceDir,
            Path outputDir,
            List<String> runIds,
            EvidenceBundleOptions options,
            boolean includeFixtureDigests) {
        Path workspace = RunPaths.resolve(workspaceDir);
        Path output = RunPaths.resolve(outputDir);
        List<Path> runPaths = selectRunPaths(workspace, runIds);
        if (runPaths.isEmpty()) {
            throw new WorldForgeException("No run workspaces found for evidence bundle generation.");
        }
        if (Files.exists(output) && !options.overwrite() && !isEmptyDirectory(output)) {
            throw new WorldForgeException("Evidence bundle output directory is not empty: " + output);
        }
        List<JsonObject> manifests = new ArrayList<>();
        for (Path runPath : runPaths) {
            manifests.add(loadRunManifest(runPath));
        }
        List<Path> roots = new ArrayList<>();
        for (Path root : options.repositoryRoots()) {
            Path resolved = RunPaths.resolve(root);
            if (!roots.contains(resolved)) {
                roots.add(resolved);
            }
        }
        Context context = new Context(List.copyOf(roots));
        List<JsonObject> runs = new ArrayList<>();
        for (int i = 0; i < runPaths.size(); i++) {
            Path runPath = runPaths.get(i);
            JsonObject manifest = manifests.get(i);
            String runId = RunHistory.truthy(manifest.get("run_id"))
                    ? JsonReads.toStr(manifest.get("run_id"))
                    : runPath.getFileName().toString();
            runs.add(JsonObject.builder()
                    .put("run_id", runId)
                    .put("kind", strOr(manifest.get("kind"), ""))
                    .put("status", strOr(manifest.get("status"), ""))
                    .put("command", strOr(manifest.get("command"), ""))
                    .put("provider", orNull(manifest.get("provider")))
                    .put("operation", orNull(manifest.get("operation")))
                    .put("expected_signal", expectedSignal(manifest))
                    .put("observed_failure", observedFailure(manifest))
                    .put(
                            "skip_reason",
                            skipReason(manifest).<JsonValue>map(JsonString::of).orElse(JsonNull.INSTANCE))
                    .put(
                            "validation_errors",
                            JsonArray.copyOf(validationErrors(manifest).stream()
                                    .map(JsonString::of)
                                    .toList()))
                    .put("source_path", displayPath(runPath, context.roots))
                    .build());
            copyRunWorkspace(context, runPath, runId);
            copyReportReferences(context, runPath, runId);
            recordArtifactReferences(context, runPath, runId, manifest);
        }
        runs.sort(Comparator.comparing(run -> JsonReads.toStr(run.get("run_id"))));
        List<JsonObject> files = new ArrayList<>(context.files);
        files.sort(Comparator.comparing(file -> JsonReads.toStr(file.get("path"))));
        long included = files.stream().filter(f -> bool(f.get("included"))).count();
        boolean safe = files.stream().allMatch(f -> bool(f.get("safe_to_attach")));
        JsonObject manifest = JsonObject.builder()
                .put("schema_version", JsonInt.of(SCHEMA_VERSION))
                .put(
                        "generated_at",
                        options.generatedAt()
                                .orElseGet(() -> RunPaths.isoSecondsOffset(
                                        options.clock().instant())))
                .put("source_workspace", displayPath(workspace, context.roots))
                .put("run_count", JsonInt.of(runs.size()))
                .put("runs", JsonArray.copyOf(runs))
                .put("files", JsonArray.copyOf(files))
                .put("fixture_digests", JsonArray.copyOf(includeFixtureDigests ? fixtureDigests() : List.of()))
                .put("included_count", JsonInt.of(included))
                .put("excluded_count", JsonInt.of(files.size() - included))
                .put("safe_to_attach", safe)
                .build();
        Json.write(manifest); // refuses non-finite numbers before anything is written
        return new Bundle(output, options.overwrite(), context.copies, manifest);
    }

    private static boolean isEmptyDirectory(Path directory) {
        if (!Files.isDirectory(directory)) {
            return false;
        }
        try (var entries = Files.list(directory)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> selectRunPaths(Path workspace, List<String> runIds) {
        Path root = RunWorkspaces.runsDir(workspace);
        List<Path> paths = new ArrayList<>();
        if (!runIds.isEmpty()) {
            List<String> sorted = new ArrayList<>(runIds);
            sorted.sort(null);
            for (String runId : sorted) {
                if (!RunIds.isValid(runId)) {
                    throw new WorldForgeException("Evidence bundle run_id is invalid: " + RunIds.INVALID_MESSAGE);
                }
                paths.add(root.resolve(runId));
            }
            return paths;
        }
        if (!Files.exists(root)) {
            return paths;
        }
        try (var children = Files.list(root)) {
            children.filter(dir -> Files.exists(dir.resolve(RunManifest.FILE_NAME)))
                    .forEach(paths::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        paths.sort(Comparator.comparing(path -> path.getFileName().toString()));
        return paths;
    }

    private static JsonObject loadRunManifest(Path runPath) {
        Path manifestPath = runPath.resolve(RunManifest.FILE_NAME);
        String text;
        try {
            text = BoundedFiles.readUtf8(manifestPath, BoundedFiles.DEFAULT_DOCUMENT_BYTES);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new WorldForgeException("Run manifest not found: " + manifestPath, e);
        } catch (IOException e) {
            throw new WorldForgeException(
                    "Run manifest could not be read: " + manifestPath + ": " + ErrorText.reason(e), e);
        }
        JsonValue payload;
        try {
            payload = Json.parse(text);
        } catch (RuntimeException e) {
            throw new WorldForgeException("Run manifest contains invalid JSON: " + manifestPath, e);
        }
        if (!(payload instanceof JsonObject object)) {
            throw new WorldForgeException("Run manifest must be a JSON object: " + manifestPath);
        }
        return object;
    }

    private static void copyRunWorkspace(Context context, Path runPath, String runId) {
        Path runRoot = RunPaths.resolve(runPath);
        List<Path> sources = new ArrayList<>();
        try {
            Files.walkFileTree(runPath, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (Files.isRegularFile(file)) {
                        sources.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        sources.sort(
                Comparator.comparing(path -> runPath.relativize(path).toString().replace('/', '\0')));
        for (Path source : sources) {
            Path resolved = RunPaths.resolve(source);
            String destination =
                    "runs/" + runId + "/" + runPath.relativize(source).toString();
            if (!RunPaths.isRelativeTo(resolved, runRoot)) {
                recordExcluded(
                        context,
                        destination,
                        source.toString(),
                        "run artifact resolves outside the run workspace",
                        "run-artifact",
                        true);
                continue;
            }
            if (!context.copiedRefs.add(resolved)) {
                continue;
            }
            copySafeFile(context, source, destination, "run-artifact");
        }
    }

    private static void copyReportReferences(Context context, Path runPath, String runId) {
        Path reports = runPath.resolve("reports");
        if (!Files.isDirectory(reports)) {
            return;
        }
        List<Path> reportPaths = new ArrayList<>();
        try (var children = Files.list(reports)) {
            children.filter(p -> p.getFileName().toString().endsWith(".json")).forEach(reportPaths::add);
        } catch (IOException e) {
            return;
        }
        reportPaths.sort(Comparator.comparing(path -> path.getFileName().toString()));
        for (Path reportPath : reportPaths) {
            JsonValue payload;
            try {
                payload = Json.parse(BoundedFiles.readUtf8(reportPath, BoundedFiles.LARGE_FILE_BYTES));
            } catch (IOException | RuntimeException e) {
                continue;
            }
            if (!(payload instanceof JsonObject report)) {
                continue;
            }
            JsonValue metadataValue = report.get("run_metadata");
            if (metadataValue != null && !(metadataValue instanceof JsonObject)) {
                continue;
            }
            JsonObject metadata = metadataValue == null ? JsonObject.EMPTY : (JsonObject) metadataValue;
            for (String key : List.of("input_file", "budget_file")) {
                String destinationRoot = key.equals("input_file") ? "inputs" : "budgets";
                if (!(metadata.get(key) instanceof JsonObject summary)) {
                    continue;
                }
                JsonValue pathValue = summary.get("path");
                Optional<String> resourceName = presetResourceName(pathValue);
                if (resourceName.isPresent()) {
                    copyPresetResource(
                            context,
                            resourceName.get(),
                            destinationRoot + "/" + PRESET_DISPLAY_DIR + resourceName.get(),
                            key);
                    continue;
                }
                Optional<Path> referenced = resolveReportReference(pathValue, context.roots);
                if (referenced.isEmpty()) {
                    recordExcluded(
                            context,
                            destinationRoot + "/" + runId + "/" + key + ".json",
                            pathValue == null ? "" : JsonReads.toStr(pathValue),
                            "referenced path is missing, absolute, or outside the repository",
                            key,
                            true);
                    continue;
                }
                Path resolved = RunPaths.resolve(referenced.get());
                if (!context.copiedRefs.add(resolved)) {
                    continue;
                }
                copySafeFile(
                        context,
                        referenced.get(),
                        destinationRoot + "/" + repoRelative(referenced.get(), context.roots),
                        key);
            }
            JsonValue provenanceValue = report.get("provenance");
            if (provenanceValue != null && !(provenanceValue instanceof JsonObject)) {
                continue;
            }
            JsonObject provenance = provenanceValue == null ? JsonObject.EMPTY : (JsonObject) provenanceValue;
            JsonValue datasets = provenance.get("dataset_manifests");
            if (!(datasets == null || datasets instanceof JsonArray)) {
                continue;
            }
            if (datasets == null) {
                continue;
            }
            for (JsonValue reference : (JsonArray) datasets) {
                if (!(reference instanceof JsonObject ref)) {
                    continue;
                }
                Optional<Path> referenced = resolveReportReference(ref.get("path"), context.roots);
                if (referenced.isEmpty()) {
                    continue;
                }
                Path resolved = RunPaths.resolve(referenced.get());
                if (!context.copiedRefs.add(resolved)) {
                    continue;
                }
                copySafeFile(
                        context,
                        referenced.get(),
                        "dataset-manifests/" + repoRelative(referenced.get(), context.roots),
                        "dataset-manifest");
            }
        }
    }

    private static void recordArtifactReferences(Context context, Path runPath, String runId, JsonObject manifest) {
        if (!(manifest.get("artifact_paths") instanceof JsonObject artifactPaths)) {
            return;
        }
        Path runRoot = RunPaths.resolve(runPath);
        for (Map.Entry<String, JsonValue> entry : new TreeMap<>(artifactPaths.members()).entrySet()) {
            String destination = RunPaths.pyStr("runs/" + runId + "/artifacts/" + entry.getKey());
            JsonValue raw = entry.getValue();
            if (!(raw instanceof JsonString rawString)
                    || PyStrings.strip(rawString.value()).isEmpty()) {
                recordExcluded(
                        context,
                        destination,
                        JsonReads.toStr(raw),
                        "artifact reference is not a non-empty relative path",
                        "artifact-reference",
                        true);
                continue;
            }
            String rawPath = rawString.value();
            if (rawPath.startsWith("/")) {
                recordExcluded(
                        context,
                        destination,
                        rawPath,
                        "absolute artifact path is local-only",
                        "artifact-reference",
                        true);
                continue;
            }
            Path resolved = RunPaths.resolve(runPath.resolve(rawPath));
            if (!RunPaths.isRelativeTo(resolved, runRoot)) {
                recordExcluded(
                        context,
                        destination,
                        rawPath,
                        "artifact path escapes the run workspace",
                        "artifact-reference",
                        true);
                continue;
            }
            if (!Files.isRegularFile(resolved)) {
                recordExcluded(
                        context, destination, rawPath, "artifact reference does not exist", "artifact-reference", true);
            }
        }
    }

    private static Optional<String> presetResourceName(@Nullable JsonValue value) {
        if (!(value instanceof JsonString text) || !text.value().startsWith(PRESET_PREFIX)) {
            return Optional.empty();
        }
        String name = text.value().substring(PRESET_PREFIX.length());
        if (name.contains("/") || !name.endsWith(".json")) {
            return Optional.empty();
        }
        return Optional.of(name);
    }

    private static Optional<byte[]> presetResource(String name) {
        try (InputStream in = EvidenceBundles.class.getResourceAsStream(PRESET_DATA_RESOURCE_DIR + name)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static void copyPresetResource(Context context, String name, String destination, String kind) {
        String source = PRESET_SOURCE_PACKAGE + "/" + name;
        Optional<byte[]> data = presetResource(name);
        if (data.isEmpty()) {
            recordExcluded(context, destination, source, "package resource not found", kind, false);
            return;
        }
        byte[] bytes = data.get();
        String reason = unsafeReason(RunPaths.pySuffix(name), bytes.length, bytes);
        recordFile(context, destination, source, kind, reason, sha256(bytes), bytes.length);
        if (reason == null) {
            context.copies.put(destination, bytes);
        }
    }

    private static void copySafeFile(Context context, Path source, String destination, String kind) {
        String suffix = RunPaths.pySuffix(source.getFileName().toString());
        byte[] bytes;
        try {
            long size = Files.size(source);
            if (size > MAX_SAFE_ARTIFACT_BYTES) {
                // Too large to attach: recorded by size and streamed digest, never read into memory.
                String reason = unsafeReason(suffix, size, new byte[0]);
                recordFile(
                        context,
                        destination,
                        displayPath(source, context.roots),
                        kind,
                        reason,
                        "sha256:" + Sha256Hex.ofFile(source),
                        size);
                return;
            }
            bytes = BoundedFiles.readBytes(source, MAX_SAFE_ARTIFACT_BYTES);
        } catch (IOException e) {
            throw new WorldForgeException("Run file could not be read: " + source + ": " + ErrorText.reason(e), e);
        }
        String reason = unsafeReason(suffix, bytes.length, bytes);
        recordFile(context, destination, displayPath(source, context.roots), kind, reason, sha256(bytes), bytes.length);
        if (reason == null) {
            context.copies.put(destination, bytes);
        }
    }

    /**
     * Why a file may not be attached, or null: first match of unsupported suffix, size limit,
     * secret-like text, host-local path, credentialed URL inside a JSON string.
     */
    static @Nullable String unsafeReason(String suffix, long size, byte[] data) {
        if (!SAFE_SUFFIXES.contains(suffix.toLowerCase(Locale.ROOT))) {
            return "unsupported artifact suffix '" + (suffix.isEmpty() ? "<none>" : suffix) + "'";
        }
        if (size > MAX_SAFE_ARTIFACT_BYTES) {
            return "file exceeds " + MAX_SAFE_ARTIFACT_BYTES + " byte safe attachment limit";
        }
        String text = new String(data, StandardCharsets.UTF_8);
        if (SECRET_PATTERN.matcher(text).find()) {
            return "secret-like material detected";
        }
        if (HOST_PATH_PATTERN.matcher(text).find()) {
            return "host-local path detected";
        }
        JsonValue parsed;
        try {
            parsed = Json.parse(text);
        } catch (RuntimeException e) {
            return null;
        }
        if (containsUnsafeUrl(parsed)) {
            return "signed or credentialed URL detected";
        }
        return null;
    }

    private static boolean containsUnsafeUrl(JsonValue value) {
        if (value instanceof JsonObject object) {
            return object.members().values().stream().anyMatch(EvidenceBundles::containsUnsafeUrl);
        }
        if (value instanceof JsonArray array) {
            return array.items().stream().anyMatch(EvidenceBundles::containsUnsafeUrl);
        }
        return value instanceof JsonString text
                && UNSAFE_URL.matcher(text.value()).find();
    }

    private static void recordExcluded(
            Context context, String destination, String source, String reason, String kind, boolean localOnly) {
        context.files.add(JsonObject.builder()
                .put("path", destination)
                .put("source", safeSourceDisplay(source))
                .put("kind", kind)
                .put("included", false)
                .put("safe_to_attach", false)
                .put("local_only", localOnly)
                .put("reason", reason)
                .put("sha256", JsonNull.INSTANCE)
                .put("size_bytes", JsonNull.INSTANCE)
                .build());
    }

    private static void recordFile(
            Context context,
            String destination,
            String source,
            String kind,
            @Nullable String reason,
            String sha256,
            long size) {
        boolean included = reason == null;
        context.files.add(JsonObject.builder()
                .put("path", destination)
                .put("source", source)
                .put("kind", kind)
                .put("included", included)
                .put("safe_to_attach", included)
                .put("local_only", reason != null && reason.contains("host-local path"))
                .put("reason", reason == null ? JsonNull.INSTANCE : JsonString.of(reason))
                .put("sha256", sha256)
                .put("size_bytes", JsonInt.of(size))
                .build());
    }

    private static Optional<Path> resolveReportReference(@Nullable JsonValue value, List<Path> roots) {
        if (!(value instanceof JsonString text) || PyStrings.strip(text.value()).isEmpty()) {
            return Optional.empty();
        }
        Path raw = Path.of(text.value());
        if (raw.isAbsolute()) {
            Path resolved = RunPaths.resolve(raw);
            for (Path root : roots) {
                if (RunPaths.isRelativeTo(resolved, root)) {
                    return Optional.of(resolved);
                }
            }
            return Optional.empty();
        }
        List<Path> candidates = new ArrayList<>();
        for (Path root : roots) {
            if (text.value().startsWith(PRESET_PREFIX)) {
                candidates.add(root.resolve("src").resolve("worldforge").resolve(text.value()));
            }
            candidates.add(root.resolve(raw));
            candidates.add(root.resolve("src").resolve("worldforge").resolve(raw));
        }
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static String repoRelative(Path path, List<Path> roots) {
        Path resolved = RunPaths.resolve(path);
        for (Path root : roots) {
            if (RunPaths.isRelativeTo(resolved, root)) {
                return RunPaths.pyStr(root.relativize(resolved));
            }
        }
        return path.getFileName().toString();
    }

    /** A path relative to a repository root, else {@code <host-local:name>}. */
    static String displayPath(Path path, List<Path> roots) {
        Path resolved = RunPaths.resolve(path);
        for (Path root : roots) {
            if (RunPaths.isRelativeTo(resolved, root)) {
                return RunPaths.pyStr(root.relativize(resolved));
            }
        }
        Path name = path.getFileName();
        return "<host-local:" + (name == null ? "" : name.toString()) + ">";
    }

    private static String safeSourceDisplay(String source) {
        if (source.startsWith("/") || HOST_PATH_PATTERN.matcher(source).find()) {
            String name = RunPaths.pyName(source);
            return "<host-local:" + (name.isEmpty() ? "path" : name) + ">";
        }
        return source;
    }

    private static List<JsonObject> fixtureDigests() {
        List<JsonObject> digests = new ArrayList<>();
        for (String name : PRESET_DATA_FILES) {
            presetResource(name)
                    .ifPresent(data -> digests.add(JsonObject.builder()
                            .put("path", PRESET_DISPLAY_DIR + name)
                            .put("sha256", sha256(data))
                            .put("size_bytes", JsonInt.of(data.length))
                            .build()));
        }
        digests.sort(Comparator.comparing(d -> JsonReads.toStr(d.get("path"))));
        return digests;
    }

    static String sha256(byte[] data) {
        try {
            return "sha256:"
                    + HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- run record fields

    private static String strOr(@Nullable JsonValue value, String fallback) {
        return value == null ? fallback : JsonReads.toStr(value);
    }

    private static JsonValue orNull(@Nullable JsonValue value) {
        return value == null ? JsonNull.INSTANCE : value;
    }

    private static boolean bool(@Nullable JsonValue value) {
        return value instanceof JsonBool b && b.value();
    }

    private static @Nullable String nonBlank(@Nullable JsonValue value) {
        if (value instanceof JsonString text && !PyStrings.strip(text.value()).isEmpty()) {
            return PyStrings.strip(text.value());
        }
        return null;
    }

    private static Optional<String> skipReason(JsonObject manifest) {
        for (String section : List.of("result_summary", "input_summary")) {
            if (manifest.get(section) instanceof JsonObject summary) {
                JsonValue reason = JsonReads.truthy(summary.get("skip_reason"))
                        ? summary.get("skip_reason")
                        : summary.get("reason");
                String text = nonBlank(reason);
                if (text != null) {
                    return Optional.of(text);
                }
            }
        }
        if (manifest.get("status") instanceof JsonString status
                && status.value().equals("skipped")) {
            return Optional.of("skipped without a structured reason");
        }
        return Optional.empty();
    }

    private static String expectedSignal(JsonObject manifest) {
        JsonValue summary = manifest.get("result_summary");
        if (summary instanceof JsonObject result) {
            String expected = nonBlank(result.get("expected_signal"));
            if (expected != null) {
                return expected;
            }
        }
        return "The preserved command completes and writes a non-failed run_manifest.json.";
    }

    private static String observedFailure(JsonObject manifest) {
        String status = RunHistory.truthy(manifest.get("status")) ? JsonReads.toStr(manifest.get("status")) : "unknown";
        JsonValue summary = manifest.get("result_summary");
        if (summary instanceof JsonObject result) {
            for (String key : List.of(
                    "observed_failure",
                    "failure_reason",
                    "error",
                    "error_message",
                    "message",
                    "skip_reason",
                    "reason")) {
                String text = nonBlank(result.get(key));
                if (text != null) {
                    return text;
                }
            }
            List<String> errors = validationErrors(manifest);
            if (!errors.isEmpty()) {
                return String.join("; ", errors);
            }
        }
        return switch (status) {
            case "passed" -> "No failure recorded; bundle captures a successful preserved run.";
            case "skipped" -> skipReason(manifest).orElse("Run was skipped without a structured reason.");
            case "cancelled" -> "Run was cancelled before completion.";
            case "failed" -> "Run failed without a structured failure reason.";
            default -> "Run status is " + status + ".";
        };
    }

    private static List<String> validationErrors(JsonObject manifest) {
        if (!(manifest.get("result_summary") instanceof JsonObject result)) {
            return List.of();
        }
        JsonValue raw = JsonReads.truthy(result.get("validation_errors"))
                ? result.get("validation_errors")
                : result.get("validation_error");
        if (raw instanceof JsonString text && !PyStrings.strip(text.value()).isEmpty()) {
            return List.of(PyStrings.strip(text.value()));
        }
        if (raw instanceof JsonArray items) {
            List<String> errors = new ArrayList<>();
            for (JsonValue item : items) {
                String text = PyStrings.strip(JsonReads.toStr(item));
                if (!text.isEmpty()) {
                    errors.add(text);
                }
            }
            return errors;
        }
        return List.of();
    }

    /** The first triage sentence of an issue bundle, by {@code safe_to_attach}. */
    static String firstTriageStep(JsonObject manifest) {
        if (!JsonReads.truthy(manifest.get("safe_to_attach"))) {
            return "Open evidence_manifest.json, inspect excluded files and local_only entries, and "
                    + "remove or replace unsafe artifacts before attaching the bundle.";
        }
        return "Open summary.md, then inspect the copied run_manifest.json and report artifacts for the "
                + "preserved run.";
    }

    // ---------------------------------------------------------------- rendering

    private static String text(@Nullable JsonValue value) {
        return value == null ? "None" : JsonReads.toStr(value);
    }

    private static String textOr(@Nullable JsonValue value, String fallback) {
        return JsonReads.truthy(value) ? JsonReads.toStr(value) : fallback;
    }

    private static String lowerBool(@Nullable JsonValue value) {
        return text(value).toLowerCase(Locale.ROOT);
    }

    private static List<JsonObject> objects(@Nullable JsonValue value) {
        List<JsonObject> rows = new ArrayList<>();
        if (value instanceof JsonArray array) {
            for (JsonValue item : array) {
                if (item instanceof JsonObject object) {
                    rows.add(object);
                }
            }
        }
        return rows;
    }

    /** The {@code summary.md} text ({@code # WorldForge Evidence Bundle}). */
    public static String renderSummaryMarkdown(JsonObject manifest) {
        List<String> lines = new ArrayList<>(List.of(
                "# WorldForge Evidence Bundle",
                "",
                "- Schema version: `" + text(manifest.get("schema_version")) + "`",
                "- Generated at: `" + text(manifest.get("generated_at")) + "`",
                "- Source workspace: `" + text(manifest.get("source_workspace")) + "`",
                "- Runs: " + text(manifest.get("run_count")),
                "- Included files: " + text(manifest.get("included_count")),
                "- Excluded files: " + text(manifest.get("excluded_count")),
                "- Safe to attach: `" + lowerBool(manifest.get("safe_to_attach")) + "`",
                "",
                "## Runs",
                "",
                "| Run | Kind | Status | Provider | Operation | Command | Skip reason |",
                "| --- | --- | --- | --- | --- | --- | --- |"));
        for (JsonObject run : objects(manifest.get("runs"))) {
            lines.add("| " + text(run.get("run_id")) + " | " + textOr(run.get("kind"), "-") + " | "
                    + textOr(run.get("status"), "-") + " | " + textOr(run.get("provider"), "-") + " | "
                    + textOr(run.get("operation"), "-") + " | `" + textOr(run.get("command"), "-") + "` | "
                    + textOr(run.get("skip_reason"), "-") + " |");
        }
        lines.addAll(List.of(
                "",
                "## Files",
                "",
                "| Path | Included | Safe to attach | SHA256 | Reason |",
                "| --- | --- | --- | --- | --- |"));
        for (JsonObject file : objects(manifest.get("files"))) {
            lines.add("| `" + text(file.get("path")) + "` | " + lowerBool(file.get("included")) + " | "
                    + lowerBool(file.get("safe_to_attach")) + " | `" + textOr(file.get("sha256"), "-") + "` | "
                    + textOr(file.get("reason"), "-") + " |");
        }
        lines.addAll(List.of("", "## Fixture Digests", "", "| Fixture | SHA256 |", "| --- | --- |"));
        for (JsonObject fixture : objects(manifest.get("fixture_digests"))) {
            lines.add("| `" + text(fixture.get("path")) + "` | `" + text(fixture.get("sha256")) + "` |");
        }
        lines.addAll(List.of("", "## Claim Boundary", "", CLAIM_BOUNDARY, ""));
        return String.join("\n", lines);
    }

    /** The {@code issue.md} text ({@code ## WorldForge Run Issue: `<id>`}). */
    public static String renderIssueMarkdown(JsonObject manifest) {
        JsonObject run = manifest.get("runs") instanceof JsonArray array
                        && !array.isEmpty()
                        && array.get(0) instanceof JsonObject first
                ? first
                : JsonObject.EMPTY;
        boolean safe = JsonReads.truthy(manifest.get("safe_to_attach"));
        List<String> lines = new ArrayList<>(List.of(
                "## WorldForge Run Issue: `" + (run.has("run_id") ? text(run.get("run_id")) : "-") + "`",
                "",
                "### Command",
                "",
                "`" + textOr(run.get("command"), "-") + "`",
                "",
                "### Expected Signal",
                "",
                textOr(run.get("expected_signal"), "-"),
                "",
                "### Observed Failure",
                "",
                textOr(run.get("observed_failure"), "-")));
        if (run.get("validation_errors") instanceof JsonArray errors && !errors.isEmpty()) {
            lines.add("");
            lines.add("Validation errors:");
            for (JsonValue error : errors) {
                lines.add("- " + JsonReads.toStr(error));
            }
        }
        lines.addAll(List.of(
                "",
                "### Artifacts",
                "",
                "- `evidence_manifest.json`",
                "- `summary.md`",
                "- `issue.md`",
                "- included files: " + (manifest.has("included_count") ? text(manifest.get("included_count")) : "0"),
                "- excluded files: " + (manifest.has("excluded_count") ? text(manifest.get("excluded_count")) : "0"),
                "",
                "### Safe-To-Attach Notes",
                "",
                "- safe_to_attach: `" + (safe ? "true" : "false") + "`",
                safe
                        ? "- Attach the bundle contents from this directory."
                        : "- Review `evidence_manifest.json` before attaching; at least one file was "
                                + "excluded or marked local-only.",
                "- Excluded files remain listed with reason, digest when available, and `local_only`.",
                "",
                "### First Triage Step",
                "",
                textOr(manifest.get("first_triage_step"), firstTriageStep(manifest)),
                ""));
        return String.join("\n", lines);
    }

    /** The {@code summary.html} document. */
    public static String renderSummaryHtml(JsonObject manifest) {
        String title = "WorldForge Evidence Bundle";
        List<String> body = new ArrayList<>();
        body.add(HtmlDocument.heading(1, title));
        List<Map.Entry<String, @Nullable String>> items = new ArrayList<>();
        for (String[] item : new String[][] {
            {"Schema version", "schema_version"},
            {"Generated at", "generated_at"},
            {"Source workspace", "source_workspace"},
            {"Runs", "run_count"},
            {"Included files", "included_count"},
            {"Excluded files", "excluded_count"},
            {"Safe to attach", "safe_to_attach"}
        }) {
            JsonValue value = manifest.get(item[1]);
            items.add(new AbstractMap.SimpleEntry<>(
                    item[0], value == null || value instanceof JsonNull ? null : JsonReads.toStr(value)));
        }
        body.add(HtmlDocument.summaryList(items));
        List<List<String>> runRows = new ArrayList<>();
        for (JsonObject run : objects(manifest.get("runs"))) {
            runRows.add(List.of(
                    run.has("run_id") ? text(run.get("run_id")) : "-",
                    textOr(run.get("kind"), "-"),
                    textOr(run.get("status"), "-"),
                    textOr(run.get("provider"), "-"),
                    textOr(run.get("operation"), "-"),
                    textOr(run.get("command"), "-"),
                    textOr(run.get("skip_reason"), "-")));
        }
        appendTable(
                body,
                "Runs",
                List.of("Run", "Kind", "Status", "Provider", "Operation", "Command", "Skip Reason"),
                runRows);
        List<List<String>> fileRows = new ArrayList<>();
        for (JsonObject file : objects(manifest.get("files"))) {
            fileRows.add(List.of(
                    file.has("path") ? text(file.get("path")) : "-",
                    file.has("included") ? lowerBool(file.get("included")) : "false",
                    file.has("safe_to_attach") ? lowerBool(file.get("safe_to_attach")) : "false",
                    textOr(file.get("sha256"), "-"),
                    textOr(file.get("reason"), "-")));
        }
        appendTable(body, "Files", List.of("Path", "Included", "Safe to Attach", "SHA-256", "Reason"), fileRows);
        List<List<String>> fixtureRows = new ArrayList<>();
        for (JsonObject fixture : objects(manifest.get("fixture_digests"))) {
            fixtureRows.add(List.of(
                    fixture.has("path") ? text(fixture.get("path")) : "-",
                    fixture.has("sha256") ? text(fixture.get("sha256")) : "-"));
        }
        appendTable(body, "Fixture Digests", List.of("Fixture", "SHA-256"), fixtureRows);
        body.add("<h2>Claim Boundary</h2>");
        body.add("<p>" + CLAIM_BOUNDARY + "</p>");
        return HtmlDocument.document(title, String.join("\n", body), null);
    }

    private static void appendTable(List<String> body, String title, List<String> headers, List<List<String>> rows) {
        if (rows.isEmpty()) {
            return;
        }
        body.add(HtmlDocument.heading(2, title));
        body.add(HtmlDocument.table(headers, rows));
    }

    /** The {@code issue.html} document; shows a warning block when the bundle is not safe to attach. */
    public static String renderIssueHtml(JsonObject manifest) {
        List<JsonObject> runs = objects(manifest.get("runs"));
        JsonObject run = runs.isEmpty() ? JsonObject.EMPTY : runs.get(0);
        boolean safe = JsonReads.truthy(manifest.get("safe_to_attach"));
        String title = "WorldForge Run Issue: " + (run.has("run_id") ? text(run.get("run_id")) : "-");
        List<String> body = new ArrayList<>();
        body.add(HtmlDocument.heading(1, title));
        body.add(HtmlDocument.heading(2, "Command"));
        body.add("<pre>" + HtmlDocument.escape(textOr(run.get("command"), "-")) + "</pre>");
        body.add(HtmlDocument.heading(2, "Expected Signal"));
        body.add("<p>" + HtmlDocument.escape(textOr(run.get("expected_signal"), "-")) + "</p>");
        body.add(HtmlDocument.heading(2, "Observed Failure"));
        body.add("<p>" + HtmlDocument.escape(textOr(run.get("observed_failure"), "-")) + "</p>");
        if (run.get("validation_errors") instanceof JsonArray errors && !errors.isEmpty()) {
            body.add("<h2>Validation Errors</h2><ul>");
            for (JsonValue error : errors) {
                body.add("  <li>" + HtmlDocument.escape(JsonReads.toStr(error)) + "</li>");
            }
            body.add("</ul>");
        }
        if (manifest.get("first_triage_step") instanceof JsonString triage
                && !PyStrings.strip(triage.value()).isEmpty()) {
            body.add("<h2>First Triage Step</h2>");
            body.add("<p>" + HtmlDocument.escape(triage.value()) + "</p>");
        }
        body.add("<h2>Attached Files</h2>");
        List<JsonObject> files = objects(manifest.get("files"));
        if (files.isEmpty()) {
            body.add("<p>No attached files.</p>");
        } else {
            List<List<String>> rows = new ArrayList<>();
            for (JsonObject file : files) {
                rows.add(List.of(
                        file.has("path") ? text(file.get("path")) : "-",
                        file.has("included") ? lowerBool(file.get("included")) : "false",
                        file.has("safe_to_attach") ? lowerBool(file.get("safe_to_attach")) : "false",
                        textOr(file.get("reason"), "-")));
            }
            body.add(HtmlDocument.table(List.of("Path", "Included", "Safe to Attach", "Reason"), rows));
        }
        if (!safe) {
            body.add("<section class=\"warning\"><p><strong>Warning:</strong> some bundle "
                    + "files are not safe to attach. Review the file list before sharing "
                    + "this report outside the host.</p></section>");
        }
        return HtmlDocument.document(title, String.join("\n", body), null);
    }
}
