package ai.worldforge.runs;

import ai.worldforge.error.WorldForgeException;
import ai.worldforge.internal.JsonReads;
import ai.worldforge.internal.PyStrings;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonBool;
import ai.worldforge.json.JsonFloat;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonNull;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Preserved run history: one {@link RunHistoryRecord} per listed manifest, newest first (the
 * reference's {@code harness/run_history.py}). Read-only and stateless.
 */
public final class RunHistory {
    /** The capability names a manifest's operations are matched against. */
    public static final List<String> CAPABILITY_NAMES =
            List.of("predict", "generate", "reason", "embed", "plan", "transfer", "score", "policy");

    /** Harness flow ids and the capability each exercises (the reference's flow catalog). */
    static final Map<String, String> FLOW_CAPABILITIES = Map.of(
            "leworldmodel", "score",
            "lerobot", "policy",
            "cosmos-policy", "policy",
            "gr00t-replay", "policy",
            "robotics-compare", "policy",
            "diagnostics", "diagnostics",
            "workbench", "authoring");

    /** The launcher that printed commands name: the one that exists in a checkout of this project. */
    public static final String LAUNCHER = "bin/worldforge";

    private static final List<String> SAFE_ARTIFACT_SUFFIXES = List.of("json", "jsonl", "md", "csv", "txt", "html");
    private static final Pattern SECRET_FLAG =
            Pattern.compile("^(--?.*(api[-_]?key|token|secret|password|signature).*)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern SECRET_ASSIGNMENT = Pattern.compile(
            "^([^=\\s]*(api[-_]?key|token|secret|password|signature)[^=\\s]*)=.*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern UNSAFE_URL =
            Pattern.compile("^https?://[^\\s\"']+[?&](token|signature|sig|key|api_key)=", Pattern.CASE_INSENSITIVE);
    private static final List<String> FAILURE_SUMMARY_KEYS =
            List.of("failure_reason", "observed_failure", "error", "error_message", "skip_reason", "reason");
    private static final Map<String, String> FAILURE_STATUS_DEFAULTS = Map.of(
            "failed", "Run failed without a structured failure reason.",
            "cancelled", "Run was cancelled before completion.",
            "skipped", "Run was skipped without a structured reason.");

    private RunHistory() {}

    /** Every listed run, newest first. */
    public static List<RunHistoryRecord> list(Path workspaceDir) {
        return list(workspaceDir, RunHistoryFilter.NONE);
    }

    /** The listed runs that pass {@code filter}, newest first. */
    public static List<RunHistoryRecord> list(Path workspaceDir, RunHistoryFilter filter) {
        List<RunHistoryRecord> records = new ArrayList<>();
        for (JsonObject manifest : RunWorkspaces.list(workspaceDir)) {
            RunHistoryRecord record = fromManifest(manifest, workspaceDir);
            if (filter.matches(record)) {
                records.add(record);
            }
        }
        return List.copyOf(records);
    }

    /**
     * The record of one manifest (as {@link RunWorkspaces#list} returns it, with {@code path}).
     *
     * @throws WorldForgeException when {@code event_count} is not an integer
     */
    public static RunHistoryRecord fromManifest(JsonObject manifest, Path workspaceDir) {
        String pathText = str(manifest.get("path"));
        String runId = truthy(manifest.get("run_id")) ? str(manifest.get("run_id")) : RunPaths.pyName(pathText);
        List<String> capabilities = capabilities(manifest);
        String createdAt = orEmpty(manifest.get("created_at"));
        String kind = orEmpty(manifest.get("kind"));
        String status = orEmpty(manifest.get("status"));
        String workspaceDisplay = workspaceDisplay(workspaceDir);
        String displayPath = workspaceDisplay + "/runs/" + runId;
        String issueBundle =
                LAUNCHER + " runs bundle " + Shlex.quote(runId) + " --workspace-dir " + Shlex.quote(workspaceDisplay);
        Path runPath = truthy(manifest.get("path"))
                ? Path.of(pathText)
                : workspaceDir.resolve("runs").resolve(runId);
        return new RunHistoryRecord(
                runId,
                kind,
                status,
                providerLabel(manifest),
                orEmpty(manifest.get("operation")),
                capabilities.isEmpty() ? "" : capabilities.get(0),
                capabilities,
                createdAt,
                dateFromCreatedAt(createdAt),
                PyStrings.strip(orEmpty(manifest.get("command"))),
                rerunCommand(manifest, workspaceDisplay),
                failureSummary(manifest),
                safeArtifactTypes(manifest, false),
                safeArtifactTypes(manifest, true),
                manifest.get("artifact_paths") instanceof JsonObject paths ? paths.size() : 0,
                eventCount(manifest),
                runPath,
                displayPath,
                issueBundle,
                workspaceDisplay + "/issue-bundles/" + runId,
                kind.equals("eval") || kind.equals("benchmark")
                        ? Optional.of(LAUNCHER + " runs compare " + Shlex.quote(displayPath) + " <other-run>")
                        : Optional.empty(),
                status.equals("failed") || status.equals("cancelled") || status.equals("skipped")
                        ? Optional.of(issueBundle)
                        : Optional.empty());
    }

    /**
     * How a workspace is shown in commands: a relative path as given, an absolute {@code
     * .worldforge} directory as {@code .worldforge}, any other absolute path as {@code
     * <workspace-dir>}.
     */
    public static String workspaceDisplay(Path workspaceDir) {
        if (!workspaceDir.isAbsolute()) {
            return RunPaths.pyStr(workspaceDir);
        }
        Path name = workspaceDir.getFileName();
        if (name != null && name.toString().equals(".worldforge")) {
            return ".worldforge";
        }
        return "<workspace-dir>";
    }

    static boolean truthy(@Nullable JsonValue value) {
        return JsonReads.truthy(value);
    }

    /** Python {@code str(value)}; a missing value is {@code None}. */
    static String str(@Nullable JsonValue value) {
        return value == null ? "None" : JsonReads.toStr(value);
    }

    /** Python {@code str(value or "")}. */
    static String orEmpty(@Nullable JsonValue value) {
        return truthy(value) ? JsonReads.toStr(value) : "";
    }

    private static String providerLabel(JsonObject manifest) {
        if (manifest.get("provider") instanceof JsonString provider
                && !PyStrings.strip(provider.value()).isEmpty()) {
            return PyStrings.strip(provider.value());
        }
        if (manifest.get("input_summary") instanceof JsonObject inputs
                && inputs.get("providers") instanceof JsonArray providers) {
            List<String> names = new ArrayList<>();
            for (JsonValue item : providers) {
                String text = JsonReads.toStr(item);
                if (!PyStrings.strip(text).isEmpty()) {
                    names.add(text);
                }
            }
            return String.join(", ", names);
        }
        return "";
    }

    private static List<String> capabilities(JsonObject manifest) {
        String kind = orEmpty(manifest.get("kind"));
        String operation = orEmpty(manifest.get("operation"));
        LinkedHashSet<String> found = new LinkedHashSet<>();
        if (manifest.get("input_summary") instanceof JsonObject inputs) {
            if (inputs.get("capabilities") instanceof JsonArray items) {
                for (JsonValue item : items) {
                    String text = JsonReads.toStr(item);
                    if (!PyStrings.strip(text).isEmpty()) {
                        found.add(text);
                    }
                }
            }
            if (inputs.get("operations") instanceof JsonArray items) {
                for (JsonValue item : items) {
                    String text = JsonReads.toStr(item);
                    if (CAPABILITY_NAMES.contains(text)) {
                        found.add(text);
                    }
                }
            }
        }
        if (CAPABILITY_NAMES.contains(operation)) {
            found.add(operation);
        }
        if (kind.equals("flow") && FLOW_CAPABILITIES.containsKey(operation)) {
            found.add(FLOW_CAPABILITIES.get(operation));
        }
        if (!found.isEmpty()) {
            return List.copyOf(found);
        }
        return kind.equals("eval") || kind.equals("benchmark") ? List.of(kind) : List.of();
    }

    /**
     * The types of the manifest's safe relative artifact paths: each path once, by its label (by
     * its suffix when unlabelled), or with {@code suffixes} the suffixes alone.
     */
    private static List<String> safeArtifactTypes(JsonObject manifest, boolean suffixes) {
        if (!(manifest.get("artifact_paths") instanceof JsonObject paths)) {
            return List.of();
        }
        LinkedHashSet<String> found = new LinkedHashSet<>();
        for (Map.Entry<String, JsonValue> entry : new TreeMap<>(paths.members()).entrySet()) {
            if (!(entry.getValue() instanceof JsonString raw)
                    || PyStrings.strip(raw.value()).isEmpty()) {
                continue;
            }
            String path = raw.value();
            if (path.startsWith("/") || RunPaths.pyParts(path).contains("..")) {
                continue;
            }
            String suffix = RunPaths.pySuffix(RunPaths.pyName(path)).toLowerCase(Locale.ROOT);
            suffix = suffix.isEmpty() ? "" : suffix.substring(1);
            if (SAFE_ARTIFACT_SUFFIXES.contains(suffix)) {
                found.add(suffixes || entry.getKey().isEmpty() ? suffix : entry.getKey());
            }
        }
        return List.copyOf(found);
    }

    private static long eventCount(JsonObject manifest) {
        JsonValue raw = manifest.get("event_count");
        if (raw == null
                || raw instanceof JsonNull
                || (raw instanceof JsonString s && s.value().isEmpty())) {
            return 0;
        }
        if (raw instanceof JsonInt i) {
            return i.longValue();
        }
        if (raw instanceof JsonBool b) {
            return b.value() ? 1 : 0;
        }
        if (raw instanceof JsonFloat f && Double.isFinite(f.value())) {
            return (long) f.value();
        }
        if (raw instanceof JsonString s) {
            try {
                return new BigInteger(PyStrings.strip(s.value()).replace("_", "")).longValueExact();
            } catch (NumberFormatException | ArithmeticException e) {
                throw new WorldForgeException("invalid literal for int() with base 10: '" + s.value() + "'", e);
            }
        }
        throw new WorldForgeException("event_count must be an integer.");
    }

    private static String failureSummary(JsonObject manifest) {
        JsonObject result = manifest.get("result_summary") instanceof JsonObject o ? o : JsonObject.EMPTY;
        for (String key : FAILURE_SUMMARY_KEYS) {
            if (result.get(key) instanceof JsonString value
                    && !PyStrings.strip(value.value()).isEmpty()) {
                return PyStrings.strip(value.value());
            }
        }
        if (result.get("validation_errors") instanceof JsonArray errors && !errors.isEmpty()) {
            List<String> parts = new ArrayList<>();
            for (JsonValue error : errors) {
                String text = PyStrings.strip(JsonReads.toStr(error));
                if (!text.isEmpty()) {
                    parts.add(text);
                }
            }
            String joined = String.join("; ", parts);
            if (!joined.isEmpty()) {
                return joined;
            }
        }
        String status = truthy(manifest.get("status")) ? JsonReads.toStr(manifest.get("status")) : "unknown";
        return FAILURE_STATUS_DEFAULTS.getOrDefault(status, "");
    }

    /** The rerun command: secrets redacted, host paths replaced, eval and benchmark get {@code --run-workspace}. */
    static String rerunCommand(JsonObject manifest, String workspaceDisplay) {
        String recorded = PyStrings.strip(orEmpty(manifest.get("command")));
        String command = recorded.isEmpty() ? synthesizedCommand(manifest) : recorded;
        List<String> tokens = Shlex.split(command).orElseGet(() -> whitespaceSplit(command));
        List<String> sanitized = new ArrayList<>();
        if (!tokens.isEmpty() && tokens.get(0).equals("worldforge")) {
            // Recorded commands name the program; the rerun names the launcher of this checkout.
            tokens = new ArrayList<>(tokens);
            tokens.set(0, LAUNCHER);
        }
        boolean skipNext = false;
        for (String token : tokens) {
            if (skipNext) {
                skipNext = false;
                continue;
            }
            if (SECRET_FLAG.matcher(token).find() && token.indexOf('=') < 0) {
                sanitized.add(token);
                sanitized.add("<redacted>");
                skipNext = true;
                continue;
            }
            sanitized.add(sanitizeToken(token));
        }
        String kind = orEmpty(manifest.get("kind"));
        if ((kind.equals("eval") || kind.equals("benchmark")) && !sanitized.contains("--run-workspace")) {
            sanitized.add("--run-workspace");
            sanitized.add(workspaceDisplay);
        }
        return Shlex.join(sanitized);
    }

    private static List<String> whitespaceSplit(String command) {
        String stripped = PyStrings.strip(command);
        return stripped.isEmpty() ? List.of() : List.of(stripped.split("\\s+"));
    }

    private static String synthesizedCommand(JsonObject manifest) {
        String kind = orEmpty(manifest.get("kind"));
        String provider = providerLabel(manifest);
        if (provider.isEmpty()) {
            provider = "mock";
        }
        String operation = orEmpty(manifest.get("operation"));
        return switch (kind) {
            case "eval" ->
                LAUNCHER + " eval --suite " + (operation.isEmpty() ? "planning" : operation) + " --provider "
                        + provider;
            case "benchmark" ->
                LAUNCHER + " benchmark --provider " + provider + " --operation "
                        + (operation.isEmpty() ? "predict" : operation);
            // The reference reruns flows with `worldforge harness --flow`, a command this build lacks.
            default -> LAUNCHER + " runs list";
        };
    }

    private static String sanitizeToken(String token) {
        if (UNSAFE_URL.matcher(token).find()) {
            return "<redacted-url>";
        }
        var assignment = SECRET_ASSIGNMENT.matcher(token);
        if (assignment.find()) {
            return assignment.group(1) + "=<redacted>";
        }
        if (SECRET_FLAG.matcher(token).find()) {
            return token;
        }
        if (token.startsWith("/") || token.startsWith("file://")) {
            String name = RunPaths.pyName(token);
            return "<host-local:" + (name.isEmpty() ? "path" : name) + ">";
        }
        return token;
    }

    /** Python {@code datetime.fromisoformat(value.replace("Z", "+00:00")).date()}, when it parses. */
    static Optional<LocalDate> dateFromCreatedAt(String value) {
        if (value.isEmpty()) {
            return Optional.empty();
        }
        String normalized = value.replace("Z", "+00:00");
        try {
            return Optional.of(OffsetDateTime.parse(normalized).toLocalDate());
        } catch (DateTimeParseException e) {
            // fall through to the naive forms
        }
        try {
            return Optional.of(LocalDateTime.parse(normalized).toLocalDate());
        } catch (DateTimeParseException e) {
            // fall through
        }
        try {
            return Optional.of(LocalDate.parse(normalized));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
