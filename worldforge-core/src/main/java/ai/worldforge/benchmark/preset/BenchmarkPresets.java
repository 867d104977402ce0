package ai.worldforge.benchmark.preset;

import ai.worldforge.benchmark.BenchmarkBudget;
import ai.worldforge.benchmark.BenchmarkInputs;
import ai.worldforge.error.WorldForgeException;
import ai.worldforge.internal.Sha256Hex;
import ai.worldforge.json.Json;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonNull;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonSyntaxException;
import ai.worldforge.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The built-in benchmark presets (the reference's {@code benchmark_presets} module) and the texts
 * the CLI prints about them. Preset data files are classpath resources under {@value #DATA_DIRECTORY},
 * byte-identical to the reference's, since run metadata digests their JSON.
 *
 * <p>Every method that depends on the host's provider configuration takes the environment as a
 * map (the CLI passes {@code System.getenv()}). Stateless and thread-safe.
 */
public final class BenchmarkPresets {
    /** Classpath directory of the bundled preset files. */
    public static final String DATA_DIRECTORY = "/ai/worldforge/benchmark/presets/_data/";

    /** Path prefix the reference records for preset files in run metadata. */
    public static final String METADATA_PATH_PREFIX = "benchmark_presets/_data/";

    private static final List<BenchmarkPreset> PRESETS = List.of(
            new BenchmarkPreset(
                    "mock-smoke",
                    "Mock provider smoke",
                    "Fast checkout-safe regression check: runs the mock provider across predict, generate, and embed"
                            + " with five iterations and a tight success-rate gate.",
                    "checkout-safe",
                    List.of("mock"),
                    List.of("predict", "generate", "embed"),
                    5,
                    1,
                    Optional.of("inputs-mock.json"),
                    Optional.of("budget-mock-smoke.json"),
                    BenchmarkPreset.FAIL_ON_VIOLATION,
                    List.of(),
                    List.of(),
                    "Use this preset for every-branch CI regression checks.",
                    List.of("ci", "smoke")),
            new BenchmarkPreset(
                    "parser-overhead",
                    "Provider parser overhead",
                    "Latency-bounded measurement of WorldForge adapter-path overhead. Runs every mock-supported"
                            + " operation with twenty serial iterations to stabilise latency stats.",
                    "checkout-safe",
                    List.of("mock"),
                    List.of("predict", "reason", "generate", "transfer", "embed"),
                    20,
                    1,
                    Optional.of("inputs-mock.json"),
                    Optional.of("budget-parser-overhead.json"),
                    BenchmarkPreset.FAIL_ON_VIOLATION,
                    List.of(),
                    List.of(),
                    "Latencies above the documented thresholds usually mean an unrelated import or validation"
                            + " regression in the adapter path; preserve the run workspace before loosening budgets.",
                    List.of("ci", "latency")),
            new BenchmarkPreset(
                    "remote-media-dryrun",
                    "Remote media dry-run",
                    "Single-iteration dry-run for remote media providers. Skips with a typed reason when neither"
                            + " Cosmos nor Runway is configured.",
                    "remote-media",
                    List.of("cosmos", "runway"),
                    List.of("generate"),
                    1,
                    1,
                    Optional.of("inputs-remote-media.json"),
                    Optional.empty(),
                    BenchmarkPreset.SKIP_WHEN_ENV_MISSING,
                    List.of(),
                    List.of("cosmos", "runway"),
                    "Configure COSMOS_BASE_URL, RUNWAYML_API_SECRET, or RUNWAY_API_SECRET on a host that is allowed"
                            + " to reach the upstream API. The preset does not assert latency or throughput claims;"
                            + " treat the report as informational evidence.",
                    List.of("remote")),
            new BenchmarkPreset(
                    "prepared-host",
                    "Prepared-host score and policy",
                    "Three-iteration evidence run for prepared-host providers. Skips with a typed reason when no"
                            + " eligible runtime (LeWorldModel for score; LeRobot or GR00T for policy) is"
                            + " configured.",
                    "prepared-host",
                    List.of("leworldmodel", "lerobot", "gr00t"),
                    List.of("score", "policy"),
                    3,
                    1,
                    Optional.of("inputs-prepared-host.json"),
                    Optional.empty(),
                    BenchmarkPreset.SKIP_WHEN_ENV_MISSING,
                    List.of(),
                    List.of("leworldmodel", "lerobot", "gr00t"),
                    "Score and policy expectations vary across runtimes. The preset emits sanitized ProviderEvent"
                            + " metadata only and does not capture raw checkpoint contents.",
                    List.of("optional-runtime")),
            new BenchmarkPreset(
                    "release-evidence",
                    "Release evidence",
                    "Release-gated regression check across every mock-supported operation with strict latency,"
                            + " throughput, and success-rate budgets. Pair with --run-workspace to preserve"
                            + " manifests for release attestation.",
                    "release",
                    List.of("mock"),
                    List.of("predict", "reason", "generate", "transfer", "embed"),
                    10,
                    2,
                    Optional.of("inputs-mock.json"),
                    Optional.of("budget-release-evidence.json"),
                    BenchmarkPreset.FAIL_ON_VIOLATION,
                    List.of(),
                    List.of(),
                    "Failures must be triaged with preserved artifacts before threshold loosening; the"
                            + " release-evidence budget tracks deliberate, machine-class-aware regressions only.",
                    List.of("release")));

    private BenchmarkPresets() {}

    /** Preset names in display order. */
    public static List<String> names() {
        return PRESETS.stream().map(BenchmarkPreset::name).toList();
    }

    /** Every preset in display order. */
    public static List<BenchmarkPreset> all() {
        return PRESETS;
    }

    /**
     * The preset named {@code name}.
     *
     * @throws WorldForgeException {@code Unknown benchmark preset 'x'. Known presets: a, b.}
     */
    public static BenchmarkPreset get(String name) {
        for (BenchmarkPreset preset : PRESETS) {
            if (preset.name().equals(name)) {
                return preset;
            }
        }
        throw new WorldForgeException(
                "Unknown benchmark preset '" + name + "'. Known presets: " + String.join(", ", names()) + ".");
    }

    /** The preset's validated inputs; the defaults when it bundles no input file. */
    public static BenchmarkInputs loadInputs(BenchmarkPreset preset) {
        if (preset.inputsFile().isEmpty()) {
            return BenchmarkInputs.defaults();
        }
        // Bundled inputs hold base64 frames only; a relative clip path would resolve against the
        // working directory, as in the reference.
        return BenchmarkInputs.fromJson(dataPayload(preset.inputsFile().get()), Path.of(""));
    }

    /** The preset's validated budgets; empty when it bundles no budget file. */
    public static List<BenchmarkBudget> loadBudgets(BenchmarkPreset preset) {
        if (preset.budgetFile().isEmpty()) {
            return List.of();
        }
        return BenchmarkBudget.parseAll(dataPayload(preset.budgetFile().get()));
    }

    /** The raw input file JSON, if the preset bundles one. */
    public static Optional<JsonObject> inputsPayload(BenchmarkPreset preset) {
        return preset.inputsFile().map(file -> objectPayload(file, "Preset inputs payload"));
    }

    /** The raw budget file JSON, if the preset bundles one. */
    public static Optional<JsonObject> budgetPayload(BenchmarkPreset preset) {
        return preset.budgetFile().map(file -> objectPayload(file, "Preset budget payload"));
    }

    /**
     * {@code run_metadata.input_file} for a preset run: {@code {path:
     * "benchmark_presets/_data/<file>", sha256: <bare hex>, metadata}}, where the digest is taken
     * over Python's {@code json.dumps(payload, sort_keys=True)} text.
     */
    public static Optional<JsonObject> inputFileMetadata(BenchmarkPreset preset) {
        return inputsPayload(preset)
                .map(payload -> JsonObject.builder(3)
                        .put("path", METADATA_PATH_PREFIX + preset.inputsFile().orElseThrow())
                        .put("sha256", payloadDigest(payload))
                        .put("metadata", metadata(payload))
                        .build());
    }

    /**
     * The budget file summary of a preset run, as recorded in provenance ({@code {path, sha256:
     * "sha256:<hex>", metadata}}); {@code run_metadata.budget_file} carries the same with the bare
     * hex (see {@link #bareDigest(JsonObject)}).
     */
    public static Optional<JsonObject> budgetFileSummary(BenchmarkPreset preset) {
        return budgetPayload(preset)
                .map(payload -> JsonObject.builder(3)
                        .put("path", METADATA_PATH_PREFIX + preset.budgetFile().orElseThrow())
                        .put("sha256", "sha256:" + payloadDigest(payload))
                        .put("metadata", metadata(payload))
                        .build());
    }

    /** A file summary with its {@code sha256:} prefix removed, for {@code run_metadata}. */
    public static JsonObject bareDigest(JsonObject summary) {
        JsonValue sha = summary.get("sha256");
        if (sha instanceof JsonString s && s.value().startsWith("sha256:")) {
            return summary.with("sha256", JsonString.of(s.value().substring("sha256:".length())));
        }
        return summary;
    }

    /** Hex SHA-256 of Python's {@code json.dumps(payload, sort_keys=True)} (UTF-8). */
    public static String payloadDigest(JsonValue payload) {
        return Sha256Hex.ofUtf8(Json.writeSpacedSorted(payload));
    }

    /**
     * The command recorded for a preset run: {@code worldforge benchmark --preset <name>}, plus
     * {@code profileArgs} (the {@code --profile <source>} of a config profile, if any).
     */
    public static String command(BenchmarkPreset preset, List<String> profileArgs) {
        List<String> tokens = new ArrayList<>(List.of("worldforge", "benchmark", "--preset", preset.name()));
        tokens.addAll(profileArgs);
        return String.join(" ", tokens);
    }

    /** The provenance notes of a preset run: {@code benchmark preset: <name>}. */
    public static String provenanceNotes(BenchmarkPreset preset) {
        return "benchmark preset: " + preset.name();
    }

    /**
     * The providers a runnable preset benchmarks on this host.
     *
     * @throws WorldForgeException {@code Benchmark preset 'n' has no configured providers on this
     *     host.}
     */
    public static List<String> runnableProviders(BenchmarkPreset preset, Map<String, String> environment) {
        List<String> providers = preset.configuredProviders(environment);
        if (providers.isEmpty()) {
            throw new WorldForgeException(
                    "Benchmark preset '" + preset.name() + "' has no configured providers on this host.");
        }
        return providers;
    }

    /**
     * Decides whether a preset run is skipped: empty when it can run; the skip reason when it
     * cannot and its tolerance is {@code skip-when-env-missing} (the CLI then prints {@link
     * #skipJson} or {@link #skipMarkdown} and exits 0).
     *
     * @throws WorldForgeException {@code Benchmark preset 'n' cannot run on this host: <reason>}
     *     when it cannot run and its tolerance is {@code fail-on-violation}
     */
    public static Optional<String> skipDecision(BenchmarkPreset preset, Map<String, String> environment) {
        Optional<String> reason = preset.skipReason(environment);
        if (reason.isPresent() && !BenchmarkPreset.SKIP_WHEN_ENV_MISSING.equals(preset.failureTolerance())) {
            throw new WorldForgeException(
                    "Benchmark preset '" + preset.name() + "' cannot run on this host: " + reason.get());
        }
        return reason;
    }

    /** {@code --list-presets --format json}: compact sorted {@code {"presets":[…]}}. */
    public static String listJson() {
        return Json.write(JsonObject.of(
                "presets",
                JsonArray.copyOf(PRESETS.stream().map(BenchmarkPreset::toJson).toList())));
    }

    /** {@code --list-presets --format csv}: header plus one row per preset, lists joined by {@code +}. */
    public static String listCsv() {
        List<String> rows = new ArrayList<>();
        rows.add("name,category,providers,operations,iterations,budget_file,failure_tolerance");
        for (BenchmarkPreset p : PRESETS) {
            rows.add(p.name() + "," + p.category() + "," + String.join("+", p.providers()) + ","
                    + String.join("+", p.operations()) + "," + p.iterations() + ","
                    + p.budgetFile().orElse("") + "," + p.failureTolerance());
        }
        return String.join("\n", rows);
    }

    /** {@code --list-presets} markdown: {@code # Benchmark Presets} with one section per category. */
    public static String listMarkdown(Map<String, String> environment) {
        List<String> lines = new ArrayList<>(List.of("# Benchmark Presets", ""));
        for (String category : BenchmarkPreset.CATEGORIES) {
            List<BenchmarkPreset> section =
                    PRESETS.stream().filter(p -> p.category().equals(category)).toList();
            if (section.isEmpty()) {
                continue;
            }
            lines.add("## " + category);
            lines.add("");
            for (BenchmarkPreset p : section) {
                String status = p.skipReason(environment)
                        .map(reason -> "skip: " + reason)
                        .orElse("ready");
                lines.add("- **" + p.name() + "** \u2014 " + p.title() + ". providers=["
                        + String.join(", ", p.providers()) + "] operations=[" + String.join(", ", p.operations())
                        + "] iterations=" + p.iterations() + " failure_tolerance=" + p.failureTolerance()
                        + " status=" + status);
                lines.add("  " + p.summary());
            }
            lines.add("");
        }
        return String.join("\n", lines).stripTrailing();
    }

    /**
     * The {@code --show-preset} payload: {@code {preset, skip_reason, configured_providers,
     * inputs_payload, budget_payload}}.
     */
    public static JsonObject show(BenchmarkPreset preset, Map<String, String> environment) {
        return JsonObject.builder(5)
                .put("preset", preset.toJson())
                .putNullable("skip_reason", preset.skipReason(environment).orElse(null))
                .put(
                        "configured_providers",
                        JsonArray.copyOf(preset.configuredProviders(environment).stream()
                                .map(JsonString::of)
                                .toList()))
                .put(
                        "inputs_payload",
                        inputsPayload(preset).<JsonValue>map(p -> p).orElse(JsonNull.INSTANCE))
                .put(
                        "budget_payload",
                        budgetPayload(preset).<JsonValue>map(p -> p).orElse(JsonNull.INSTANCE))
                .build();
    }

    /** {@code --show-preset --format json}: {@link #show} as compact sorted JSON. */
    public static String showJson(BenchmarkPreset preset, Map<String, String> environment) {
        return Json.write(show(preset, environment));
    }

    /** {@code --show-preset} text (every format but json). */
    public static String showText(BenchmarkPreset preset, Map<String, String> environment) {
        List<String> lines = new ArrayList<>(List.of(
                "# " + preset.title(),
                "",
                "Name: " + preset.name(),
                "Category: " + preset.category(),
                "Providers: " + String.join(", ", preset.providers()),
                "Operations: " + String.join(", ", preset.operations()),
                "Iterations: " + preset.iterations() + " (concurrency=" + preset.concurrency() + ")",
                "Failure tolerance: " + preset.failureTolerance(),
                "Inputs file: " + preset.inputsFile().orElse("-"),
                "Budget file: " + preset.budgetFile().orElse("-")));
        if (!preset.requiresProviderProfiles().isEmpty()) {
            lines.add("Required runtimes: " + String.join(", ", preset.requiresProviderProfiles()));
        }
        if (!preset.requiresProviderChoice().isEmpty()) {
            lines.add("Any-of runtimes: " + String.join(", ", preset.requiresProviderChoice()));
        }
        lines.add("Skip reason: " + preset.skipReason(environment).orElse("none (preset can run on this host)"));
        lines.add("");
        lines.add(preset.summary());
        if (!preset.notes().isEmpty()) {
            lines.add("");
            lines.add(preset.notes());
        }
        return String.join("\n", lines);
    }

    /** The skipped-preset payload {@code {"preset","status":"skipped","reason"}}. */
    public static JsonObject skipPayload(BenchmarkPreset preset, String reason) {
        return JsonObject.builder(3)
                .put("preset", preset.name())
                .put("status", "skipped")
                .put("reason", reason)
                .build();
    }

    /** The skipped-preset payload as compact sorted JSON (the {@code --format json} output). */
    public static String skipJson(BenchmarkPreset preset, String reason) {
        return Json.write(skipPayload(preset, reason));
    }

    /** The skipped-preset text of every other format. */
    public static String skipMarkdown(BenchmarkPreset preset, String reason) {
        return "# Benchmark preset '" + preset.name() + "' skipped\n\nReason: " + reason;
    }

    /**
     * The {@code --preset --format json} output when the preset has a budget gate: compact sorted
     * {@code {"preset","benchmark","gate"}}.
     */
    public static String gatedJson(BenchmarkPreset preset, JsonObject benchmark, JsonObject gate) {
        return Json.write(JsonObject.of("preset", JsonString.of(preset.name()), "benchmark", benchmark, "gate", gate));
    }

    private static JsonObject metadata(JsonObject payload) {
        return payload.get("metadata") instanceof JsonObject m ? m : JsonObject.EMPTY;
    }

    private static JsonObject objectPayload(String file, String label) {
        if (!(dataPayload(file) instanceof JsonObject object)) {
            throw new WorldForgeException(label + " " + file + " must be a JSON object.");
        }
        return object;
    }

    private static JsonValue dataPayload(String file) {
        byte[] bytes;
        try (InputStream in = BenchmarkPresets.class.getResourceAsStream(DATA_DIRECTORY + file)) {
            if (in == null) {
                throw new WorldForgeException("Benchmark preset data file not found: " + file);
            }
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new WorldForgeException("Benchmark preset data file " + file + " contains invalid JSON.", e);
        }
        try {
            return Json.parse(text);
        } catch (JsonSyntaxException e) {
            throw new WorldForgeException("Benchmark preset data file " + file + " contains invalid JSON.", e);
        }
    }
}
