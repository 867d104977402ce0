package ai.worldforge.trace;

import ai.worldforge.error.WorldForgeException;
import ai.worldforge.internal.Checks;
import ai.worldforge.json.Json;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonFloat;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonNull;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Validated provenance metadata wrapping an evaluation or benchmark report (the reference's {@code
 * ProvenanceEnvelope}, schema {@value #SCHEMA_VERSION}): what a maintainer needs to substantiate
 * a claim, reproduce a failure or audit a release — WorldForge version, command, providers,
 * capabilities, input and result digests, budget file, dataset manifests, runtime manifests,
 * provider event count, suite version, claim boundary and metric semantics.
 *
 * <p>Validation (all {@link WorldForgeException}, messages and order as in the reference): kind
 * {@code evaluation} or {@code benchmark}; suite id, suite version, WorldForge version, creation
 * time, claim boundary and metric semantics non-blank (stripped); schema version exactly {@value
 * #SCHEMA_VERSION}; command, providers and capabilities non-blank strings (stripped); runtime
 * manifests map non-blank provider names to non-blank ids (both stripped); digests {@code
 * sha256:…}; a budget file has non-blank {@code path} and {@code sha256} and an object {@code
 * metadata} when present; dataset manifest references have non-blank {@code id}, {@code name},
 * {@code license}, a {@code sha256:…} {@code sha256}, an integer {@code entry_count} ≥ 1, object
 * {@code privacy} and {@code safety} and an optional non-blank {@code path}; the event count is ≥
 * 0; notes, when set, are non-blank (kept as given).
 *
 * <p>Immutable and thread-safe. Build with {@link #builder}; {@link #toBuilder()} is the
 * reference's {@code with_overrides}.
 *
 * @param schemaVersion schema version ({@value #SCHEMA_VERSION})
 * @param kind {@code evaluation} or {@code benchmark}
 * @param suiteId suite id
 * @param suiteVersion suite contract version, for instance {@code evaluation:1}
 * @param worldforgeVersion WorldForge version that produced the report
 * @param createdAt creation time, {@code YYYY-MM-DDTHH:MM:SS+00:00}
 * @param command command line (unmodifiable)
 * @param providers providers exercised (unmodifiable)
 * @param capabilities capabilities exercised (unmodifiable)
 * @param runtimeManifests runtime manifest id per provider (unmodifiable, in insertion order)
 * @param inputDigest {@code sha256:…} digest of the inputs, when known
 * @param resultDigest {@code sha256:…} digest of the results, when known
 * @param budgetFile budget file summary {@code {path, sha256, metadata?}}, when a budget was used
 * @param datasetManifests dataset manifest references (unmodifiable)
 * @param eventCount number of provider events emitted
 * @param claimBoundary what the report does and does not claim
 * @param metricSemantics what the metrics mean
 * @param notes free-form notes, when any
 */
public record ProvenanceEnvelope(
        int schemaVersion,
        String kind,
        String suiteId,
        String suiteVersion,
        String worldforgeVersion,
        String createdAt,
        List<String> command,
        List<String> providers,
        List<String> capabilities,
        Map<String, String> runtimeManifests,
        Optional<String> inputDigest,
        Optional<String> resultDigest,
        Optional<JsonObject> budgetFile,
        List<JsonObject> datasetManifests,
        long eventCount,
        String claimBoundary,
        String metricSemantics,
        Optional<String> notes) {

    /** The provenance schema version. */
    public static final int SCHEMA_VERSION = 2;
    /** The evaluation suite contract version. */
    public static final int EVALUATION_SUITE_CONTRACT_VERSION = 1;
    /** The benchmark suite contract version. */
    public static final int BENCHMARK_SUITE_CONTRACT_VERSION = 1;
    /** The kind of an evaluation report's envelope. */
    public static final String KIND_EVALUATION = "evaluation";
    /** The kind of a benchmark report's envelope. */
    public static final String KIND_BENCHMARK = "benchmark";
    /**
     * The default {@code worldforge_version}: this build's version ({@link
     * ai.worldforge.WorldForgeVersion#current()}), as the reference defaults to its own package
     * version.
     */
    public static final String DEFAULT_WORLDFORGE_VERSION = ai.worldforge.WorldForgeVersion.current();

    private static final String SHA256_PREFIX = "sha256:";
    private static final String NAME = "ProvenanceEnvelope";

    /** The reference's timestamp: UTC, whole seconds, ISO offset {@code +00:00}. */
    private static final DateTimeFormatter CREATED_AT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'+00:00'").withZone(ZoneOffset.UTC);

    /**
     * Validates and normalises in the reference's order.
     *
     * @throws WorldForgeException when a field is invalid
     */
    public ProvenanceEnvelope {
        if (!KIND_EVALUATION.equals(kind) && !KIND_BENCHMARK.equals(kind)) {
            throw new WorldForgeException(NAME + " kind must be one of: evaluation, benchmark.");
        }
        suiteId = requiredText(suiteId, NAME + " suite_id");
        suiteVersion = requiredText(suiteVersion, NAME + " suite_version");
        worldforgeVersion = requiredText(worldforgeVersion, NAME + " worldforge_version");
        createdAt = requiredText(createdAt, NAME + " created_at");
        if (schemaVersion != SCHEMA_VERSION) {
            throw new WorldForgeException(
                    NAME + " schema_version must be " + SCHEMA_VERSION + ", got " + schemaVersion + ".");
        }
        command = strings(command, NAME + " command");
        providers = strings(providers, NAME + " providers");
        capabilities = strings(capabilities, NAME + " capabilities");
        runtimeManifests = manifests(runtimeManifests, NAME + " runtime_manifests");
        inputDigest = digest(inputDigest, NAME + " input_digest");
        resultDigest = digest(resultDigest, NAME + " result_digest");
        budgetFile = Objects.requireNonNull(budgetFile, "budgetFile").map(b -> budget(b, NAME + " budget_file"));
        datasetManifests = datasets(datasetManifests, NAME + " dataset_manifests");
        Checks.nonNegativeInt(eventCount, NAME + " event_count");
        claimBoundary = requiredText(claimBoundary, NAME + " claim_boundary");
        metricSemantics = requiredText(metricSemantics, NAME + " metric_semantics");
        Objects.requireNonNull(notes, "notes");
        if (notes.isPresent() && TraceText.pyStrip(notes.get()).isEmpty()) {
            throw new WorldForgeException(NAME + " notes must be a non-empty string or None.");
        }
    }

    /**
     * A builder; {@code created_at} is taken from {@code clock} (UTC, whole seconds) unless set
     * with {@link Builder#createdAt}. The claim boundary and metric semantics are required by
     * {@link Builder#build()}.
     *
     * @param kind {@code evaluation} or {@code benchmark}
     * @param suiteId the suite id
     * @param suiteVersion the suite contract version
     * @param clock the clock that stamps {@code created_at}
     */
    public static Builder builder(String kind, String suiteId, String suiteVersion, Clock clock) {
        return new Builder(kind, suiteId, suiteVersion, formatCreatedAt(clock));
    }

    /** The reference's {@code created_at}: {@code clock}'s now in UTC, whole seconds, {@code +00:00}. */
    public static String formatCreatedAt(Clock clock) {
        return CREATED_AT.format(clock.instant().truncatedTo(ChronoUnit.SECONDS));
    }

    /** A builder pre-filled with this envelope: the reference's {@code with_overrides}. */
    public Builder toBuilder() {
        Builder b = new Builder(kind, suiteId, suiteVersion, createdAt)
                .schemaVersion(schemaVersion)
                .worldforgeVersion(worldforgeVersion)
                .command(command)
                .providers(providers)
                .capabilities(capabilities)
                .runtimeManifests(runtimeManifests)
                .datasetManifests(datasetManifests)
                .eventCount(eventCount)
                .claimBoundary(claimBoundary)
                .metricSemantics(metricSemantics);
        b.inputDigest = inputDigest.orElse(null);
        b.resultDigest = resultDigest.orElse(null);
        b.budgetFile = budgetFile.orElse(null);
        b.notes = notes.orElse(null);
        return b;
    }

    /**
     * The reference's {@code to_dict()}, keys in its order: {@code schema_version, kind,
     * suite_id, suite_version, worldforge_version, created_at, command, providers, capabilities,
     * runtime_manifests, input_digest, result_digest, budget_file, dataset_manifests, event_count,
     * claim_boundary, metric_semantics, notes} (absent values as {@code null}).
     */
    public JsonObject toJson() {
        JsonObject.Builder manifests = JsonObject.builder(runtimeManifests.size());
        runtimeManifests.forEach((provider, id) -> manifests.put(provider, JsonString.of(id)));
        return JsonObject.builder()
                .put("schema_version", JsonInt.of(schemaVersion))
                .put("kind", JsonString.of(kind))
                .put("suite_id", JsonString.of(suiteId))
                .put("suite_version", JsonString.of(suiteVersion))
                .put("worldforge_version", JsonString.of(worldforgeVersion))
                .put("created_at", JsonString.of(createdAt))
                .put("command", stringArray(command))
                .put("providers", stringArray(providers))
                .put("capabilities", stringArray(capabilities))
                .put("runtime_manifests", manifests.build())
                .put("input_digest", nullable(inputDigest))
                .put("result_digest", nullable(resultDigest))
                .put("budget_file", budgetFile.<JsonValue>map(b -> b).orElse(JsonNull.INSTANCE))
                .put("dataset_manifests", JsonArray.copyOf(datasetManifests))
                .put("event_count", JsonInt.of(eventCount))
                .put("claim_boundary", JsonString.of(claimBoundary))
                .put("metric_semantics", JsonString.of(metricSemantics))
                .put("notes", nullable(notes))
                .build();
    }

    /**
     * The reference's {@code from_dict}: the payload must have {@code schema_version} 2; missing
     * texts become empty (and fail validation), missing lists and maps empty, a missing {@code
     * worldforge_version} the default.
     *
     * @throws WorldForgeException when the payload is not an object, has another schema version
     *     or holds invalid fields
     */
    public static ProvenanceEnvelope fromJson(JsonValue payload) {
        if (!(payload instanceof JsonObject object)) {
            throw new WorldForgeException(NAME + " payload must be a JSON object.");
        }
        JsonValue version = object.get("schema_version");
        // Python compares with ==, so 2.0 is accepted too (and True, which equals 1, is not).
        boolean supported = (version instanceof JsonInt v && v.fitsLong() && v.longValue() == SCHEMA_VERSION)
                || (version instanceof JsonFloat f && f.value() == SCHEMA_VERSION);
        if (!supported) {
            throw new WorldForgeException(
                    NAME + " schema_version must be " + SCHEMA_VERSION + ", got " + pythonRepr(version) + ".");
        }
        Builder b = new Builder(
                        text(object, "kind", ""),
                        text(object, "suite_id", ""),
                        text(object, "suite_version", ""),
                        text(object, "created_at", ""))
                .worldforgeVersion(text(object, "worldforge_version", DEFAULT_WORLDFORGE_VERSION))
                .command(stringList(object, "command"))
                .providers(stringList(object, "providers"))
                .capabilities(stringList(object, "capabilities"))
                .claimBoundary(text(object, "claim_boundary", ""))
                .metricSemantics(text(object, "metric_semantics", ""));
        JsonValue manifests = object.get("runtime_manifests");
        if (manifests instanceof JsonObject m) {
            Map<String, String> out = new LinkedHashMap<>();
            for (Map.Entry<String, JsonValue> entry : m.members().entrySet()) {
                if (!(entry.getValue() instanceof JsonString s)) {
                    throw new WorldForgeException(NAME + " runtime_manifests values must be non-empty manifest ids.");
                }
                out.put(entry.getKey(), s.value());
            }
            b.runtimeManifests(out);
        } else if (!isAbsent(manifests)) {
            throw new WorldForgeException(NAME + " runtime_manifests must be a mapping of provider to manifest id.");
        }
        b.inputDigest = optionalDigestText(object, "input_digest");
        b.resultDigest = optionalDigestText(object, "result_digest");
        JsonValue budget = object.get("budget_file");
        if (budget instanceof JsonObject o) {
            b.budgetFile = o;
        } else if (!isAbsent(budget)) {
            throw new WorldForgeException(NAME + " budget_file must be a JSON object.");
        }
        JsonValue datasets = object.get("dataset_manifests");
        if (datasets instanceof JsonArray array) {
            List<JsonObject> refs = new ArrayList<>(array.size());
            for (int i = 0; i < array.size(); i++) {
                if (!(array.get(i) instanceof JsonObject o)) {
                    throw new WorldForgeException(NAME + " dataset_manifests[" + i + "] must be a JSON object.");
                }
                refs.add(o);
            }
            b.datasetManifests(refs);
        } else if (!isAbsent(datasets)) {
            throw new WorldForgeException(
                    NAME + " dataset_manifests must be a sequence of dataset manifest references.");
        }
        JsonValue count = object.get("event_count");
        if (count instanceof JsonInt c && c.fitsLong()) {
            b.eventCount(c.longValue());
        } else if (!isAbsent(count)) {
            throw new WorldForgeException(NAME + " event_count must be an integer greater than or equal to 0.");
        }
        JsonValue notes = object.get("notes");
        if (notes instanceof JsonString s) {
            b.notes = s.value();
        } else if (!isAbsent(notes)) {
            throw new WorldForgeException(NAME + " notes must be a non-empty string or None.");
        }
        return b.build();
    }

    /**
     * The reference's {@code digest_payload}: {@code "sha256:"} and the hex SHA-256 of the
     * canonical compact JSON.
     *
     * @throws WorldForgeException when the payload holds a non-finite number
     */
    public static String digestPayload(JsonValue payload) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return SHA256_PREFIX + HexFormat.of().formatHex(sha.digest(Json.writeBytes(payload)));
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-256.
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------------------------------
    // Validation

    private static String requiredText(@Nullable String value, String name) {
        String stripped = value == null ? "" : TraceText.pyStrip(value);
        if (stripped.isEmpty()) {
            throw new WorldForgeException(name + " must be a non-empty string.");
        }
        return stripped;
    }

    private static List<String> strings(List<String> values, String name) {
        List<String> out = new ArrayList<>(values.size());
        for (String value : values) {
            String stripped = value == null ? "" : TraceText.pyStrip(value);
            if (stripped.isEmpty()) {
                throw new WorldForgeException(name + " must be a sequence of non-empty strings.");
            }
            out.add(stripped);
        }
        return List.copyOf(out);
    }

    private static Map<String, String> manifests(Map<String, String> value, String name) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : value.entrySet()) {
            String provider = entry.getKey() == null ? "" : TraceText.pyStrip(entry.getKey());
            if (provider.isEmpty()) {
                throw new WorldForgeException(name + " keys must be non-empty provider names.");
            }
            String id = entry.getValue() == null ? "" : TraceText.pyStrip(entry.getValue());
            if (id.isEmpty()) {
                throw new WorldForgeException(name + " values must be non-empty manifest ids.");
            }
            out.put(provider, id);
        }
        return Collections.unmodifiableMap(out);
    }

    private static Optional<String> digest(Optional<String> value, String name) {
        Objects.requireNonNull(value, "digest");
        value.ifPresent(v -> checkDigest(v, name));
        return value;
    }

    private static void checkDigest(String value, String name) {
        if (!value.startsWith(SHA256_PREFIX) || value.length() <= SHA256_PREFIX.length()) {
            throw new WorldForgeException(name + " must be a 'sha256:<hex>' digest or None.");
        }
    }

    private static JsonObject budget(JsonObject value, String name) {
        JsonObject summary = Checks.jsonObject(value, name);
        for (String key : List.of("path", "sha256")) {
            if (!(summary.get(key) instanceof JsonString s)
                    || TraceText.pyStrip(s.value()).isEmpty()) {
                throw new WorldForgeException(name + " '" + key + "' must be a non-empty string.");
            }
        }
        if (summary.has("metadata") && !(summary.get("metadata") instanceof JsonObject)) {
            throw new WorldForgeException(name + " 'metadata' must be a JSON object when provided.");
        }
        return summary;
    }

    private static List<JsonObject> datasets(List<JsonObject> values, String name) {
        List<JsonObject> out = new ArrayList<>(values.size());
        for (int index = 0; index < values.size(); index++) {
            String itemName = name + "[" + index + "]";
            JsonObject ref = Checks.jsonObject(values.get(index), itemName);
            for (String key : List.of("id", "name", "sha256", "license")) {
                if (!(ref.get(key) instanceof JsonString s)
                        || TraceText.pyStrip(s.value()).isEmpty()) {
                    throw new WorldForgeException(itemName + " '" + key + "' must be a non-empty string.");
                }
            }
            checkDigest(((JsonString) Objects.requireNonNull(ref.get("sha256"))).value(), itemName + " sha256");
            if (!(ref.get("entry_count") instanceof JsonInt count)
                    || count.value().signum() < 0) {
                throw new WorldForgeException(itemName + " entry_count must be an integer greater than or equal to 0.");
            }
            if (count.value().signum() == 0) {
                throw new WorldForgeException(itemName + " entry_count must be greater than zero.");
            }
            for (String section : List.of("privacy", "safety")) {
                if (!(ref.get(section) instanceof JsonObject)) {
                    throw new WorldForgeException(itemName + " '" + section + "' must be a JSON object.");
                }
            }
            JsonValue path = ref.get("path");
            if (path != null
                    && !(path instanceof JsonNull)
                    && (!(path instanceof JsonString s)
                            || TraceText.pyStrip(s.value()).isEmpty())) {
                throw new WorldForgeException(itemName + " path must be a non-empty string or omitted.");
            }
            out.add(ref);
        }
        return List.copyOf(out);
    }

    // ------------------------------------------------------------------------------------------
    // JSON helpers

    private static JsonArray stringArray(List<String> values) {
        List<JsonValue> out = new ArrayList<>(values.size());
        for (String value : values) {
            out.add(JsonString.of(value));
        }
        return JsonArray.copyOf(out);
    }

    private static JsonValue nullable(Optional<String> value) {
        return value.<JsonValue>map(JsonString::of).orElse(JsonNull.INSTANCE);
    }

    private static boolean isAbsent(@Nullable JsonValue value) {
        return value == null || value instanceof JsonNull;
    }

    private static String text(JsonObject object, String key, String fallback) {
        JsonValue value = object.get(key);
        if (isAbsent(value)) {
            return fallback;
        }
        // The reference applies str() to these fields; only strings are meaningful here.
        if (!(value instanceof JsonString s)) {
            throw new WorldForgeException(NAME + " " + key + " must be a non-empty string.");
        }
        return s.value();
    }

    private static List<String> stringList(JsonObject object, String key) {
        JsonValue value = object.get(key);
        if (isAbsent(value)) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        if (value instanceof JsonArray array) {
            for (JsonValue item : array) {
                if (!(item instanceof JsonString s)) {
                    throw new WorldForgeException(NAME + " " + key + " must be a sequence of non-empty strings.");
                }
                out.add(s.value());
            }
            return out;
        }
        throw new WorldForgeException(NAME + " " + key + " must be a sequence of non-empty strings.");
    }

    private static @Nullable String optionalDigestText(JsonObject object, String key) {
        JsonValue value = object.get(key);
        if (isAbsent(value)) {
            return null;
        }
        if (!(value instanceof JsonString s)) {
            throw new WorldForgeException(NAME + " " + key + " must be a 'sha256:<hex>' digest or None.");
        }
        return s.value();
    }

    /** Python's {@code repr} of a JSON value, for the schema version message. */
    private static String pythonRepr(@Nullable JsonValue value) {
        if (isAbsent(value)) {
            return "None";
        }
        if (value instanceof JsonString s) {
            return "'" + s.value().replace("\\", "\\\\").replace("'", "\\'") + "'";
        }
        if (value instanceof ai.worldforge.json.JsonBool b) {
            return b.value() ? "True" : "False";
        }
        return Json.write(Objects.requireNonNull(value));
    }

    /** Builder for {@link ProvenanceEnvelope}; not thread-safe. */
    public static final class Builder {
        private String kind;
        private String suiteId;
        private String suiteVersion;
        private String createdAt;
        private int schemaVersion = SCHEMA_VERSION;
        private String worldforgeVersion = DEFAULT_WORLDFORGE_VERSION;
        private List<String> command = List.of();
        private List<String> providers = List.of();
        private List<String> capabilities = List.of();
        private Map<String, String> runtimeManifests = Map.of();
        private @Nullable String inputDigest;
        private @Nullable String resultDigest;
        private @Nullable JsonObject budgetFile;
        private List<JsonObject> datasetManifests = List.of();
        private long eventCount;
        private String claimBoundary = "";
        private String metricSemantics = "";
        private @Nullable String notes;

        private Builder(String kind, String suiteId, String suiteVersion, String createdAt) {
            this.kind = kind;
            this.suiteId = suiteId;
            this.suiteVersion = suiteVersion;
            this.createdAt = createdAt;
        }

        /** The kind: {@code evaluation} or {@code benchmark}. */
        public Builder kind(String value) {
            this.kind = Objects.requireNonNull(value, "kind");
            return this;
        }

        /** The suite id. */
        public Builder suiteId(String value) {
            this.suiteId = Objects.requireNonNull(value, "suiteId");
            return this;
        }

        /** The suite contract version. */
        public Builder suiteVersion(String value) {
            this.suiteVersion = Objects.requireNonNull(value, "suiteVersion");
            return this;
        }

        /** The schema version (must be {@value ProvenanceEnvelope#SCHEMA_VERSION}). */
        public Builder schemaVersion(int value) {
            this.schemaVersion = value;
            return this;
        }

        /** The creation time text, replacing the clock's. */
        public Builder createdAt(String value) {
            this.createdAt = Objects.requireNonNull(value, "createdAt");
            return this;
        }

        /** The WorldForge version (default {@value ProvenanceEnvelope#DEFAULT_WORLDFORGE_VERSION}). */
        public Builder worldforgeVersion(String value) {
            this.worldforgeVersion = Objects.requireNonNull(value, "worldforgeVersion");
            return this;
        }

        /** The command line (copied). */
        public Builder command(List<String> value) {
            this.command = new ArrayList<>(value);
            return this;
        }

        /** The providers (copied). */
        public Builder providers(List<String> value) {
            this.providers = new ArrayList<>(value);
            return this;
        }

        /** The capabilities (copied). */
        public Builder capabilities(List<String> value) {
            this.capabilities = new ArrayList<>(value);
            return this;
        }

        /** Runtime manifest id per provider (copied, order kept); see {@link RuntimeManifests}. */
        public Builder runtimeManifests(Map<String, String> value) {
            this.runtimeManifests = new LinkedHashMap<>(value);
            return this;
        }

        /** The {@code sha256:…} input digest. */
        public Builder inputDigest(String value) {
            this.inputDigest = Objects.requireNonNull(value, "inputDigest");
            return this;
        }

        /** Removes the input digest. */
        public Builder clearInputDigest() {
            this.inputDigest = null;
            return this;
        }

        /** The {@code sha256:…} result digest. */
        public Builder resultDigest(String value) {
            this.resultDigest = Objects.requireNonNull(value, "resultDigest");
            return this;
        }

        /** Removes the result digest. */
        public Builder clearResultDigest() {
            this.resultDigest = null;
            return this;
        }

        /** The budget file summary {@code {path, sha256, metadata?}}. */
        public Builder budgetFile(JsonObject value) {
            this.budgetFile = Objects.requireNonNull(value, "budgetFile");
            return this;
        }

        /** Removes the budget file summary. */
        public Builder clearBudgetFile() {
            this.budgetFile = null;
            return this;
        }

        /** Dataset manifest references (copied). */
        public Builder datasetManifests(List<JsonObject> value) {
            this.datasetManifests = new ArrayList<>(value);
            return this;
        }

        /** The number of provider events emitted. */
        public Builder eventCount(long value) {
            this.eventCount = value;
            return this;
        }

        /** What the report does and does not claim (required). */
        public Builder claimBoundary(String value) {
            this.claimBoundary = Objects.requireNonNull(value, "claimBoundary");
            return this;
        }

        /** What the metrics mean (required). */
        public Builder metricSemantics(String value) {
            this.metricSemantics = Objects.requireNonNull(value, "metricSemantics");
            return this;
        }

        /** Free-form notes. */
        public Builder notes(String value) {
            this.notes = Objects.requireNonNull(value, "notes");
            return this;
        }

        /** Removes the notes. */
        public Builder clearNotes() {
            this.notes = null;
            return this;
        }

        /**
         * The validated envelope.
         *
         * @throws WorldForgeException when a field is invalid
         */
        public ProvenanceEnvelope build() {
            return new ProvenanceEnvelope(
                    schemaVersion,
                    kind,
                    suiteId,
                    suiteVersion,
                    worldforgeVersion,
                    createdAt,
                    command,
                    providers,
                    capabilities,
                    runtimeManifests,
                    Optional.ofNullable(inputDigest),
                    Optional.ofNullable(resultDigest),
                    Optional.ofNullable(budgetFile),
                    datasetManifests,
                    eventCount,
                    claimBoundary,
                    metricSemantics,
                    Optional.ofNullable(notes));
        }
    }
}
