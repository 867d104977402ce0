package ai.worldforge.evaluation;

import ai.worldforge.error.WorldForgeException;
import ai.worldforge.event.Redaction;
import ai.worldforge.internal.PyFormat;
import ai.worldforge.json.Json;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonBool;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonNull;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Representative failed scenarios of an {@link EvaluationReport} (schema 1), sanitised so they can
 * be attached to an issue.
 */
public final class EvaluationFailureGallery {
    /** The gallery schema version. */
    public static final int SCHEMA_VERSION = 1;

    private static final Pattern HOST_LOCAL_PATH =
            Pattern.compile("(^|[\\s=:])((?:/Users|/private|/tmp)/[^\\s,;]+|~/[^\\s,;]+|[A-Za-z]:[\\\\/][^\\s,;]+)");
    private static final Pattern SENSITIVE_KEY = Pattern.compile(
            "(api[_-]?key|authorization|bearer|credential|password|secret|signature|signed[_-]?url|token)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern URL_SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):");
    private static final Map<String, String> CONTRACT_NOTES = Map.ofEntries(
            Map.entry(
                    "physics/object-stability",
                    "A seeded object should remain near its starting pose under a no-op prediction, with valid"
                            + " physics/confidence scores."),
            Map.entry(
                    "physics/action-response",
                    "A seeded object should move toward the requested target pose and report coherent prediction"
                            + " metrics."),
            Map.entry(
                    "planning/object-relocation",
                    "The planner should produce at least one executable action that relocates the selected object"
                            + " toward the typed target."),
            Map.entry(
                    "planning/object-neighbor-placement",
                    "The planner should place the selected object near the reference object without drifting the"
                            + " reference."),
            Map.entry(
                    "planning/object-swap",
                    "The planner should swap two seeded objects with the expected two-action relational plan."),
            Map.entry(
                    "planning/object-spawn",
                    "The planner should execute a simple spawn goal and increase the object count."),
            Map.entry(
                    "generation/text-conditioned-video",
                    "The provider should return a non-empty prompt-conditioned clip with expected duration,"
                            + " resolution, and media metadata."),
            Map.entry(
                    "generation/image-conditioned-video",
                    "The provider should return a non-empty image-conditioned clip and preserve conditioning"
                            + " metadata."),
            Map.entry(
                    "transfer/prompt-guided-transfer",
                    "The provider should return a non-empty transfer clip with requested resolution, FPS, prompt"
                            + " metadata, and transfer-mode metadata."),
            Map.entry(
                    "transfer/reference-guided-transfer",
                    "The provider should return a transfer clip that records reference-guidance metadata."),
            Map.entry(
                    "reasoning/scene-count",
                    "The provider should answer with the tracked object count and include supporting evidence."),
            Map.entry(
                    "reasoning/scene-identity",
                    "The provider should identify every tracked object id in its answer or evidence."));

    private final String suiteId;
    private final String suite;
    private final List<EvaluationFailureCase> cases;
    private final @Nullable String sourceInputDigest;
    private final @Nullable String sourceResultDigest;
    private final @Nullable String suiteVersion;
    private final String claimBoundary;
    private final String metricSemantics;

    EvaluationFailureGallery(
            String suiteId,
            String suite,
            List<EvaluationFailureCase> cases,
            @Nullable String sourceInputDigest,
            @Nullable String sourceResultDigest,
            @Nullable String suiteVersion,
            String claimBoundary,
            String metricSemantics) {
        this.suiteId = suiteId;
        this.suite = suite;
        this.cases = List.copyOf(cases);
        this.sourceInputDigest = sourceInputDigest;
        this.sourceResultDigest = sourceResultDigest;
        this.suiteVersion = suiteVersion;
        this.claimBoundary = claimBoundary;
        this.metricSemantics = metricSemantics;
    }

    /**
     * The failed results grouped by provider (sorted), each group ordered by (score, scenario) and
     * cut to {@code maxCasesPerProvider} when given.
     *
     * @throws WorldForgeException {@code max_cases_per_provider must be a positive integer or None.}
     */
    static List<EvaluationFailureCase> cases(List<EvaluationResult> results, @Nullable Integer maxCasesPerProvider) {
        if (maxCasesPerProvider != null && maxCasesPerProvider <= 0) {
            throw new WorldForgeException("max_cases_per_provider must be a positive integer or None.");
        }
        TreeMap<String, List<EvaluationResult>> grouped = new TreeMap<>();
        for (EvaluationResult r : results) {
            if (!r.passed()) {
                grouped.computeIfAbsent(r.provider(), k -> new ArrayList<>()).add(r);
            }
        }
        List<EvaluationFailureCase> out = new ArrayList<>();
        for (List<EvaluationResult> failures : grouped.values()) {
            List<EvaluationResult> sorted = failures.stream()
                    .sorted(Comparator.comparingDouble(EvaluationResult::score)
                            .thenComparing(EvaluationResult::scenario))
                    .toList();
            int limit = maxCasesPerProvider == null ? sorted.size() : Math.min(maxCasesPerProvider, sorted.size());
            for (EvaluationResult r : sorted.subList(0, limit)) {
                out.add(caseFor(r));
            }
        }
        return out;
    }

    private static EvaluationFailureCase caseFor(EvaluationResult r) {
        String notes = CONTRACT_NOTES.getOrDefault(
                r.suiteId() + "/" + r.scenario(),
                "The provider should satisfy the deterministic evaluation contract for `" + r.suiteId() + "/"
                        + r.scenario() + "`.");
        List<String> keys = new ArrayList<>(r.metrics().keys());
        keys.sort(null);
        String observed = "score=" + PyFormat.fixed(r.score(), 4) + "; passed=false; metric keys: "
                + (keys.isEmpty() ? "none" : String.join(", ", keys));
        List<String> triage = List.of(
                "Open the preserved evaluation JSON and confirm its provenance input and result digests before"
                        + " citing the failure.",
                "Rerun `bin/worldforge eval --suite " + r.suiteId() + " --provider " + r.provider()
                        + " --format json` in a clean checkout.",
                "Inspect the metrics preview against the expected contract note; treat the result as contract"
                        + " triage, not physical fidelity evidence.");
        JsonValue preview = preview(r.metrics(), "metrics", 0);
        if (!(preview instanceof JsonObject previewObject)) {
            throw new WorldForgeException("Evaluation failure gallery metrics preview must be a JSON object.");
        }
        return new EvaluationFailureCase(
                "evaluation:" + r.suiteId() + ":" + r.scenario(),
                r.suiteId(),
                r.suite(),
                r.scenario(),
                r.provider(),
                r.score(),
                notes,
                observed,
                previewObject,
                triage);
    }

    private static JsonValue preview(JsonValue raw, @Nullable String key, int depth) {
        // The reference's _redact_observable_value: a secret-named key hides the whole value.
        JsonValue value = key != null && Redaction.isSecretKey(key)
                ? JsonString.of(Redaction.REDACTED)
                : Redaction.redactValue(raw);
        if (value instanceof JsonString s) {
            return JsonString.of(sanitizeText(s.value()));
        }
        if (value instanceof JsonArray array) {
            String lowered = key == null ? "" : key.toLowerCase(Locale.ROOT);
            boolean nested = false;
            for (JsonValue item : array) {
                nested |= item instanceof JsonArray || item instanceof JsonObject;
            }
            if (lowered.contains("tensor") || lowered.contains("array") || depth >= 2 || array.size() > 8 || nested) {
                return JsonObject.builder()
                        .put("type", "array")
                        .put("item_count", JsonInt.of(array.size()))
                        .put("nested", JsonBool.of(nested))
                        .build();
            }
            List<JsonValue> items = new ArrayList<>();
            for (JsonValue item : array.items().subList(0, Math.min(8, array.size()))) {
                items.add(preview(item, key, depth + 1));
            }
            return JsonArray.copyOf(items);
        }
        if (value instanceof JsonObject object) {
            if (key != null && SENSITIVE_KEY.matcher(key).find()) {
                return JsonString.of(Redaction.REDACTED);
            }
            List<String> keys = new ArrayList<>(object.keys());
            keys.sort(null);
            JsonObject.Builder out = JsonObject.builder();
            for (String k : keys.subList(0, Math.min(12, keys.size()))) {
                out.put(k, preview(java.util.Objects.requireNonNull(object.get(k)), k, depth + 1));
            }
            if (keys.size() > 12) {
                out.put("_omitted_key_count", JsonInt.of(keys.size() - 12));
            }
            return out.build();
        }
        return value;
    }

    private static String sanitizeText(String value) {
        String stripped = value.strip();
        if (stripped.isEmpty()) {
            return "";
        }
        Matcher scheme = URL_SCHEME.matcher(stripped);
        String rest = stripped;
        if (scheme.find()) {
            if (scheme.group(1).toLowerCase(Locale.ROOT).equals("file")) {
                return "[host-local-path]";
            }
            rest = stripped.substring(scheme.end());
        }
        String host = hostname(rest);
        if (host != null && (host.equals("localhost") || host.equals("127.0.0.1") || host.equals("::1"))) {
            return "[host-local-url]";
        }
        if (stripped.startsWith("/Users/")
                || stripped.startsWith("/private/")
                || stripped.startsWith("/tmp/")
                || stripped.startsWith("~/")
                || (stripped.length() >= 3 && (stripped.startsWith(":\\", 1) || stripped.startsWith(":/", 1)))) {
            return "[host-local-path]";
        }
        return HOST_LOCAL_PATH.matcher(stripped).replaceAll("$1[host-local-path]");
    }

    /** urlsplit's lower-cased hostname of {@code //netloc...}, or {@code null} without a netloc. */
    private static @Nullable String hostname(String afterScheme) {
        if (!afterScheme.startsWith("//")) {
            return null;
        }
        int end = afterScheme.length();
        for (char c : new char[] {'/', '?', '#'}) {
            int at = afterScheme.indexOf(c, 2);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        String netloc = afterScheme.substring(2, end);
        String hostPort = netloc.substring(netloc.lastIndexOf('@') + 1);
        String host;
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            host = close < 0 ? hostPort.substring(1) : hostPort.substring(1, close);
        } else {
            int colon = hostPort.indexOf(':');
            host = colon < 0 ? hostPort : hostPort.substring(0, colon);
        }
        return host.isEmpty() ? null : host.toLowerCase(Locale.ROOT);
    }

    /** The suite id. */
    public String suiteId() {
        return suiteId;
    }

    /** The suite name. */
    public String suite() {
        return suite;
    }

    /** The failure cases. */
    public List<EvaluationFailureCase> cases() {
        return cases;
    }

    /** The number of cases. */
    public int caseCount() {
        return cases.size();
    }

    /** The report's provenance input digest, if any. */
    public Optional<String> sourceInputDigest() {
        return Optional.ofNullable(sourceInputDigest);
    }

    /** The report's provenance result digest, if any. */
    public Optional<String> sourceResultDigest() {
        return Optional.ofNullable(sourceResultDigest);
    }

    /** The suite version from provenance, if any. */
    public Optional<String> suiteVersion() {
        return Optional.ofNullable(suiteVersion);
    }

    /**
     * {@code {schema_version, suite_id, suite, case_count, claim_boundary, metric_semantics,
     * source_input_digest, source_result_digest, suite_version, cases}}.
     */
    public JsonObject toJsonObject() {
        List<JsonValue> items = new ArrayList<>();
        cases.forEach(c -> items.add(c.toJson()));
        return JsonObject.builder()
                .put("schema_version", JsonInt.of(SCHEMA_VERSION))
                .put("suite_id", suiteId)
                .put("suite", suite)
                .put("case_count", JsonInt.of(cases.size()))
                .put("claim_boundary", claimBoundary)
                .put("metric_semantics", metricSemantics)
                .put("source_input_digest", nullable(sourceInputDigest))
                .put("source_result_digest", nullable(sourceResultDigest))
                .put("suite_version", nullable(suiteVersion))
                .put("cases", JsonArray.copyOf(items))
                .build();
    }

    private static JsonValue nullable(@Nullable String value) {
        return value == null ? JsonNull.INSTANCE : JsonString.of(value);
    }

    /** Compact canonical JSON. */
    public String toJson() {
        return Json.write(toJsonObject());
    }

    /** Markdown starting {@code # Evaluation Failure Gallery}. */
    public String toMarkdown() {
        return toMarkdown(true);
    }

    /** Markdown, with or without the {@code # Evaluation Failure Gallery} title. */
    public String toMarkdown(boolean includeTitle) {
        List<String> lines = new ArrayList<>();
        if (includeTitle) {
            lines.add("# Evaluation Failure Gallery");
            lines.add("");
        }
        lines.add("Suite: " + suite + " (" + suiteId + ")");
        lines.add("Claim boundary: " + claimBoundary);
        lines.add("Metric semantics: " + metricSemantics);
        lines.add("Cases: " + cases.size());
        if (sourceInputDigest != null) {
            lines.add("Source input digest: `" + sourceInputDigest + "`");
        }
        if (sourceResultDigest != null) {
            lines.add("Source result digest: `" + sourceResultDigest + "`");
        }
        lines.add("");
        if (cases.isEmpty()) {
            lines.add("No failed evaluation cases.");
            return String.join("\n", lines);
        }
        lines.add("| fixture | provider | scenario | score |");
        lines.add("| --- | --- | --- | ---: |");
        for (EvaluationFailureCase c : cases) {
            lines.add("| `" + c.fixtureId() + "` | " + c.provider() + " | " + c.scenario() + " | "
                    + PyFormat.fixed(c.score(), 2) + " |");
        }
        for (EvaluationFailureCase c : cases) {
            lines.add("");
            lines.add("### " + c.fixtureId() + " / " + c.provider());
            lines.add("");
            lines.add("- Expected: " + c.expectedContractNotes());
            lines.add("- Observed: " + c.observedResult());
            lines.add("- Triage:");
            c.triageSteps().forEach(step -> lines.add("  - " + step));
            lines.add("- Metrics preview:");
            lines.add("");
            lines.add("```json");
            lines.add(Json.write(c.metricsPreview()));
            lines.add("```");
        }
        return String.join("\n", lines);
    }
}
