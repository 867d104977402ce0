package ai.worldforge.benchmark;

import ai.worldforge.World;
import ai.worldforge.WorldForge;
import ai.worldforge.capability.CapabilityKind;
import ai.worldforge.capability.ObservableCapability;
import ai.worldforge.error.ProviderException;
import ai.worldforge.error.WorldForgeException;
import ai.worldforge.event.ProviderEventHandler;
import ai.worldforge.event.ProviderEventHandlers;
import ai.worldforge.event.ProviderMetricsSink;
import ai.worldforge.event.ProviderOperationMetrics;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
import ai.worldforge.model.BBox;
import ai.worldforge.model.Position;
import ai.worldforge.model.SceneObject;
import ai.worldforge.provider.BaseProvider;
import ai.worldforge.provider.Capability;
import ai.worldforge.trace.ProvenanceEnvelope;
import ai.worldforge.trace.RuntimeManifests;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeSet;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Runs latency, retry and throughput benchmarks across registered providers (the reference's
 * {@code ProviderBenchmarkHarness}).
 *
 * <p>Providers run in parallel (up to eight at once); each provider's operations run one after
 * another, each with {@code concurrency} workers taking {@code iterations} samples. A sample's
 * latency is its elapsed time, at least 0.1 ms. Only {@link ProviderException}, {@link
 * WorldForgeException} and timeouts ({@link TimeoutException}, or an {@link UncheckedIOException}
 * caused by a socket or HTTP timeout) become failed samples; any other exception aborts the run.
 *
 * <p>During an operation, a {@link ProviderMetricsSink} is composed onto the provider's event
 * handler and the original is restored afterwards, so retry counts and {@code operation_metrics}
 * come from the provider's own events. Capability wrappers are immutable here (unlike the
 * reference, which swaps their handler attribute), so the harness calls a copy of the registered
 * wrapper carrying the composed handler; a registered predictor is therefore called with the seeded
 * world's state rather than through {@link World#predict}.
 *
 * <p>Time comes from an injected nanosecond clock and {@code created_at} from an injected {@link
 * Clock}, so tests can be deterministic. Thread-safe: concurrent runs over different providers do
 * not interfere; runs over the same provider name are serialised per operation.
 */
public final class ProviderBenchmarkHarness {
    /**
     * The most samples one provider/operation case may take. The report keeps every latency and
     * one error message per failed sample (the reference's format), so the bound keeps a run's
     * memory and report size in reach (a million samples: 8 MB of latencies).
     */
    public static final int MAX_ITERATIONS = 1_000_000;

    /** The most concurrent workers one case may use (each is a thread). */
    public static final int MAX_CONCURRENCY = 256;

    private static final int MAX_PROVIDER_WORKERS = 8;
    private static final double MIN_LATENCY_MS = 0.1;
    private static final Map<String, CapabilityKind> KINDS = Map.of(
            "predict", CapabilityKind.PREDICTOR,
            "reason", CapabilityKind.REASONER,
            "generate", CapabilityKind.GENERATOR,
            "transfer", CapabilityKind.TRANSFERER,
            "embed", CapabilityKind.EMBEDDER,
            "score", CapabilityKind.COST,
            "policy", CapabilityKind.POLICY);

    private final WorldForge forge;
    private final LongSupplier nanoClock;
    private final Clock clock;
    private final Map<String, ReentrantLock> captureLocks = new ConcurrentHashMap<>();

    /** A harness over {@code forge} with the system clocks. */
    public ProviderBenchmarkHarness(WorldForge forge) {
        this(builder(forge));
    }

    private ProviderBenchmarkHarness(Builder b) {
        this.forge = b.forge;
        this.nanoClock = b.nanoClock;
        this.clock = b.clock;
    }

    /** A builder over {@code forge}. */
    public static Builder builder(WorldForge forge) {
        return new Builder(forge);
    }

    /**
     * The benchmarkable operations {@code provider}'s merged profile advertises, in {@link
     * BenchmarkContracts#OPERATIONS} order.
     *
     * @throws ProviderException {@code Provider '{name}' is unknown.}
     */
    public List<String> supportedOperations(String provider) {
        var capabilities = forge.providerProfile(provider).capabilities();
        List<String> out = new ArrayList<>();
        for (String operation : BenchmarkContracts.OPERATIONS) {
            if (capabilities.supports(Capability.fromName(operation))) {
                out.add(operation);
            }
        }
        return out;
    }

    /** {@link #run(List, List, int, int, BenchmarkInputs, Consumer)} of every supported operation, 5 iterations, 1 worker. */
    public BenchmarkReport run(List<String> providers) {
        return run(providers, List.of(), 5, 1, BenchmarkInputs.defaults(), null);
    }

    /**
     * Benchmarks {@code providers}.
     *
     * @param providers provider names (non-empty; results keep this order)
     * @param operations operations to run (de-duplicated in order); empty runs each provider's
     *     supported operations
     * @param iterations samples per provider and operation (positive)
     * @param concurrency workers per operation (positive)
     * @param inputs the workload
     * @param onSample called with every sample, in completion order, or {@code null}
     * @return the report, with run metadata and {@code benchmark} provenance
     * @throws WorldForgeException {@code Benchmark run requires at least one provider.}, {@code
     *     iterations must be an integer greater than 0.}, {@code concurrency must be an integer
     *     greater than 0.}, {@code Unknown benchmark operations: x. Known operations: ….}, {@code
     *     Provider 'p' cannot benchmark unsupported operations: x.}, {@code Provider 'p' does not
     *     expose benchmarkable operations.}
     * @throws ProviderException {@code Provider 'p' is not registered.}
     */
    public BenchmarkReport run(
            List<String> providers,
            List<String> operations,
            int iterations,
            int concurrency,
            BenchmarkInputs inputs,
            @Nullable Consumer<BenchmarkSample> onSample) {
        List<String> names = List.copyOf(Objects.requireNonNull(providers, "providers"));
        if (names.isEmpty()) {
            throw new WorldForgeException("Benchmark run requires at least one provider.");
        }
        if (iterations <= 0) {
            throw new WorldForgeException("iterations must be an integer greater than 0.");
        }
        if (iterations > MAX_ITERATIONS) {
            throw new WorldForgeException("iterations must be at most " + MAX_ITERATIONS + ".");
        }
        if (concurrency <= 0) {
            throw new WorldForgeException("concurrency must be an integer greater than 0.");
        }
        if (concurrency > MAX_CONCURRENCY) {
            throw new WorldForgeException("concurrency must be at most " + MAX_CONCURRENCY + ".");
        }
        Objects.requireNonNull(inputs, "inputs");
        boolean explicit = !Objects.requireNonNull(operations, "operations").isEmpty();
        List<String> requested = requestedOperations(operations);
        List<Map.Entry<String, List<String>>> plan = new ArrayList<>();
        for (String name : names) {
            plan.add(Map.entry(name, providerPlan(name, requested, explicit)));
        }
        List<BenchmarkResult> results = runPlan(plan, iterations, concurrency, inputs, onSample);

        JsonObject.Builder selected = JsonObject.builder(plan.size());
        TreeSet<String> capabilities = new TreeSet<>();
        for (Map.Entry<String, List<String>> entry : plan) {
            selected.put(entry.getKey(), strings(entry.getValue()));
            capabilities.addAll(entry.getValue());
        }
        JsonObject inputsJson = inputs.toJson();
        JsonObject runMetadata = JsonObject.builder(6)
                .put("providers", strings(names))
                .put("requested_operations", strings(requested))
                .put("selected_operations", selected.build())
                .put("iterations", JsonInt.of(iterations))
                .put("concurrency", JsonInt.of(concurrency))
                .put("inputs", inputsJson)
                .build();
        ProvenanceEnvelope provenance = ProvenanceEnvelope.builder(
                        ProvenanceEnvelope.KIND_BENCHMARK,
                        "benchmark",
                        "benchmark:" + ProvenanceEnvelope.BENCHMARK_SUITE_CONTRACT_VERSION,
                        clock)
                .providers(names)
                .capabilities(List.copyOf(capabilities))
                .runtimeManifests(RuntimeManifests.collect(names))
                .inputDigest(ProvenanceEnvelope.digestPayload(inputsJson))
                .resultDigest(ProvenanceEnvelope.digestPayload(JsonArray.copyOf(
                        results.stream().map(BenchmarkResult::toJson).toList())))
                .eventCount(eventCount(results))
                .claimBoundary(BenchmarkContracts.CLAIM_BOUNDARY)
                .metricSemantics(BenchmarkContracts.METRIC_SEMANTICS)
                .build();
        return new BenchmarkReport(results, runMetadata, Optional.of(provenance));
    }

    /**
     * The operations {@link #run} would benchmark for {@code provider} given the requested {@code
     * operations} (empty: every supported one), validated the same way; lets a caller size a
     * progress display before running.
     *
     * @throws WorldForgeException as {@link #run} for unknown or unsupported operations
     * @throws ProviderException {@code Provider 'p' is not registered.}
     */
    public List<String> plannedOperations(String provider, List<String> operations) {
        boolean explicit = !Objects.requireNonNull(operations, "operations").isEmpty();
        return providerPlan(provider, requestedOperations(operations), explicit);
    }

    private static JsonArray strings(List<String> values) {
        return JsonArray.copyOf(values.stream().map(JsonString::of).toList());
    }

    private static List<String> requestedOperations(List<String> operations) {
        List<String> requested =
                List.copyOf(new LinkedHashSet<>(operations.isEmpty() ? BenchmarkContracts.OPERATIONS : operations));
        List<String> unknown = requested.stream()
                .filter(op -> !BenchmarkContracts.OPERATIONS.contains(op))
                .toList();
        if (!unknown.isEmpty()) {
            throw new WorldForgeException("Unknown benchmark operations: " + String.join(", ", unknown)
                    + ". Known operations: " + BenchmarkContracts.knownOperations() + ".");
        }
        return requested;
    }

    private List<String> providerPlan(String provider, List<String> requested, boolean explicit) {
        if (!forge.providers().contains(provider)) {
            throw new ProviderException("Provider '" + provider + "' is not registered.");
        }
        List<String> supported = supportedOperations(provider);
        List<String> selected = explicit ? requested : supported;
        List<String> unsupported =
                selected.stream().filter(op -> !supported.contains(op)).toList();
        if (!unsupported.isEmpty()) {
            throw new WorldForgeException("Provider '" + provider + "' cannot benchmark unsupported operations: "
                    + String.join(", ", unsupported) + ".");
        }
        if (selected.isEmpty()) {
            throw new WorldForgeException("Provider '" + provider + "' does not expose benchmarkable operations.");
        }
        return selected;
    }

    private List<BenchmarkResult> runPlan(
            List<Map.Entry<String, List<String>>> plan,
            int iterations,
            int concurrency,
            BenchmarkInputs inputs,
            @Nullable Consumer<BenchmarkSample> onSample) {
        if (plan.size() <= 1) {
            List<BenchmarkResult> out = new ArrayList<>();
            for (Map.Entry<String, List<String>> entry : plan) {
                out.addAll(runProvider(entry, iterations, concurrency, inputs, onSample));
            }
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(MAX_PROVIDER_WORKERS, plan.size()));
        try {
            List<Future<List<BenchmarkResult>>> futures = new ArrayList<>();
            for (Map.Entry<String, List<String>> entry : plan) {
                futures.add(pool.submit(() -> runProvider(entry, iterations, concurrency, inputs, onSample)));
            }
            List<BenchmarkResult> out = new ArrayList<>();
            for (Future<List<BenchmarkResult>> future : futures) {
                out.addAll(await(future));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WorldForgeException("Benchmark run was interrupted.", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            // The worker's exception as the caller would have seen it inline, checked or not.
            throw ProviderBenchmarkHarness.<RuntimeException>rethrow(cause == null ? e : cause);
        }
    }

    private List<BenchmarkResult> runProvider(
            Map.Entry<String, List<String>> entry,
            int iterations,
            int concurrency,
            BenchmarkInputs inputs,
            @Nullable Consumer<BenchmarkSample> onSample) {
        List<BenchmarkResult> out = new ArrayList<>();
        for (String operation : entry.getValue()) {
            out.add(runOperation(entry.getKey(), operation, iterations, concurrency, inputs, onSample));
        }
        return out;
    }

    private BenchmarkResult runOperation(
            String provider,
            String operation,
            int iterations,
            int concurrency,
            BenchmarkInputs inputs,
            @Nullable Consumer<BenchmarkSample> onSample) {
        long started = nanoClock.getAsLong();
        ProviderMetricsSink metrics = new ProviderMetricsSink();
        // Grown as samples arrive: memory follows what was measured, not what was asked for.
        double[] latencies = new double[Math.min(iterations, 4096)];
        int successes = 0;
        List<String> errors = new ArrayList<>();
        ErrorMessages distinct = new ErrorMessages();
        // Swapping a provider's handler is a read-modify-write: two operations on the same name
        // (a provider listed twice) must not interleave, or one would restore the other's sink.
        ReentrantLock lock = captureLocks.computeIfAbsent(provider, k -> new ReentrantLock());
        lock.lock();
        try {
            Capture capture = install(provider, metrics);
            try {
                Invocation invocation = invocation(capture, provider, operation, inputs);
                if (concurrency == 1) {
                    for (int i = 1; i <= iterations; i++) {
                        Sample sample = sampleOnce(invocation);
                        if (sample.error == null) {
                            if (successes == latencies.length) {
                                latencies = Arrays.copyOf(latencies, Math.min(iterations, successes * 2));
                            }
                            latencies[successes++] = sample.latencyMs;
                        } else {
                            errors.add(distinct.shared(sample.error));
                        }
                        emit(onSample, provider, operation, i, sample);
                    }
                } else {
                    // More workers than samples would only idle; the result still reports the requested value.
                    int workers = Math.min(concurrency, iterations);
                    ExecutorService pool = Executors.newFixedThreadPool(workers);
                    try {
                        CompletionService<Sample> completion = new ExecutorCompletionService<>(pool);
                        // Keep every worker busy with a bounded queue of samples in flight, instead
                        // of queueing all iterations up front.
                        int submitted = 0;
                        for (int window = Math.min(iterations, workers * 2); submitted < window; submitted++) {
                            completion.submit(() -> sampleOnce(invocation));
                        }
                        for (int i = 1; i <= iterations; i++) {
                            Sample sample = await(takeNext(completion));
                            if (submitted < iterations) {
                                completion.submit(() -> sampleOnce(invocation));
                                submitted++;
                            }
                            if (sample.error == null) {
                                if (successes == latencies.length) {
                                    latencies = Arrays.copyOf(latencies, Math.min(iterations, successes * 2));
                                }
                                latencies[successes++] = sample.latencyMs;
                            } else {
                                errors.add(distinct.shared(sample.error));
                            }
                            emit(onSample, provider, operation, i, sample);
                        }
                    } finally {
                        pool.shutdownNow();
                    }
                }
            } finally {
                capture.restore();
            }
        } finally {
            lock.unlock();
        }
        List<JsonValue> events = new ArrayList<>();
        long retries = 0;
        for (ProviderOperationMetrics metric : metrics.snapshot()) {
            if (metric.provider().equals(provider)) {
                events.add(metric.toJson());
                retries += metric.retryCount();
            }
        }
        double totalMs = elapsedMs(started);
        double[] successful = Arrays.copyOf(latencies, successes);
        Arrays.sort(successful);
        OptionalDouble average = OptionalDouble.empty();
        OptionalDouble min = OptionalDouble.empty();
        OptionalDouble max = OptionalDouble.empty();
        if (successes > 0) {
            double sum = 0.0;
            // Completion order, as the reference sums, so the mean matches bit for bit.
            for (int i = 0; i < successes; i++) {
                sum += latencies[i];
            }
            average = OptionalDouble.of(sum / successes);
            min = OptionalDouble.of(successful[0]);
            max = OptionalDouble.of(successful[successes - 1]);
        }
        return new BenchmarkResult(
                provider,
                operation,
                iterations,
                concurrency,
                successes,
                errors.size(),
                retries,
                totalMs,
                average,
                min,
                max,
                percentile(successful, 0.50),
                percentile(successful, 0.95),
                successes / (totalMs / 1000.0),
                JsonObject.builder(3)
                        .put("provider", JsonString.of(provider))
                        .put("operation", JsonString.of(operation))
                        .put("events", JsonArray.copyOf(events))
                        .build(),
                errors);
    }

    private static Future<Sample> takeNext(CompletionService<Sample> completion) {
        try {
            return completion.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WorldForgeException("Benchmark run was interrupted.", e);
        }
    }

    /**
     * The reference's percentile over ascending {@code sorted} values: linear interpolation
     * between the two closest ranks; empty for no values.
     */
    static OptionalDouble percentile(double[] sorted, double quantile) {
        int n = sorted.length;
        if (n == 0) {
            return OptionalDouble.empty();
        }
        if (n == 1) {
            return OptionalDouble.of(sorted[0]);
        }
        double index = quantile * (n - 1);
        int lower = (int) index;
        int upper = Math.min(n - 1, lower + 1);
        double weight = index - lower;
        return OptionalDouble.of(sorted[lower] + (sorted[upper] - sorted[lower]) * weight);
    }

    private static long eventCount(List<BenchmarkResult> results) {
        long count = 0;
        for (BenchmarkResult result : results) {
            if (result.operationMetrics().get("events") instanceof JsonArray events) {
                for (JsonValue event : events) {
                    if (event instanceof JsonObject object && object.get("request_count") instanceof JsonInt n) {
                        count += n.longValue();
                    }
                }
            }
        }
        return count;
    }

    private double elapsedMs(long startedNanos) {
        return Math.max(MIN_LATENCY_MS, (nanoClock.getAsLong() - startedNanos) / 1_000_000.0);
    }

    private static void emit(
            @Nullable Consumer<BenchmarkSample> onSample, String provider, String operation, int iteration, Sample s) {
        if (onSample != null) {
            onSample.accept(
                    new BenchmarkSample(provider, operation, iteration, s.latencyMs, Optional.ofNullable(s.error)));
        }
    }

    private Sample sampleOnce(Invocation invocation) {
        long started = nanoClock.getAsLong();
        try {
            invocation.run();
        } catch (Exception e) {
            // Exception, not RuntimeException: a provider may sneak a checked TimeoutException
            // past the compiler, and the reference counts timeouts as failed samples.
            if (isSampleFailure(e)) {
                return new Sample(elapsedMs(started), message(e));
            }
            throw ProviderBenchmarkHarness.<RuntimeException>rethrow(e);
        }
        return new Sample(elapsedMs(started), null);
    }

    /** Provider and validation errors, and timeouts: the reference's {@code (ProviderError, WorldForgeError, TimeoutError)}. */
    private static boolean isSampleFailure(Exception e) {
        if (e instanceof ProviderException || e instanceof WorldForgeException || e instanceof TimeoutException) {
            return true;
        }
        return e instanceof UncheckedIOException
                && (e.getCause() instanceof InterruptedIOException || e.getCause() instanceof HttpTimeoutException);
    }

    /** Rethrows {@code e} unchanged, checked or not, so callers see the provider's own exception. */
    @SuppressWarnings("unchecked")
    private static <T extends Throwable> RuntimeException rethrow(Throwable e) throws T {
        throw (T) e;
    }

    /** Python's {@code str(exc)}; a message-less exception is named by its type so the error stays non-empty. */
    private static String message(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isEmpty() ? e.getClass().getSimpleName() : message;
    }

    private record Sample(double latencyMs, @Nullable String error) {}

    /**
     * One shared instance per distinct error message: a run whose samples all fail keeps one
     * reference per sample (the report lists one message per failed sample) instead of a copy each.
     */
    private static final class ErrorMessages {
        private static final int LIMIT = 4096;
        private final java.util.HashMap<String, String> seen = new java.util.HashMap<>();

        String shared(String message) {
            String known = seen.get(message);
            if (known != null) {
                return known;
            }
            if (seen.size() < LIMIT) {
                seen.put(message, message);
            }
            return message;
        }
    }

    @FunctionalInterface
    private interface Invocation {
        void run();
    }

    /** The provider's original handler and the metric-capturing wrappers of one operation. */
    private record Capture(
            @Nullable BaseProvider legacy,
            @Nullable ProviderEventHandler original,
            Map<CapabilityKind, ObservableCapability> wrappers) {
        void restore() {
            if (legacy != null) {
                legacy.setEventHandler(original);
            }
        }
    }

    private Capture install(String provider, ProviderMetricsSink metrics) {
        BaseProvider legacy = forge.provider(provider).orElse(null);
        Map<CapabilityKind, ObservableCapability> wrappers = new EnumMap<>(CapabilityKind.class);
        for (CapabilityKind kind : CapabilityKind.values()) {
            forge.capabilityImpl(kind, provider)
                    .ifPresent(w -> wrappers.put(
                            kind,
                            ObservableCapability.wrap(
                                    kind,
                                    w.impl(),
                                    forge.environment(),
                                    ProviderEventHandlers.compose(
                                            w.eventHandler().orElse(null), metrics))));
        }
        if (legacy == null && wrappers.isEmpty()) {
            throw new ProviderException("Provider '" + provider + "' is not registered.");
        }
        ProviderEventHandler original = null;
        if (legacy != null) {
            original = legacy.eventHandler().orElse(null);
            legacy.setEventHandler(ProviderEventHandlers.compose(original, metrics));
        }
        return new Capture(legacy, original, wrappers);
    }

    private Invocation invocation(Capture capture, String provider, String operation, BenchmarkInputs inputs) {
        CapabilityKind kind = Objects.requireNonNull(KINDS.get(operation), operation);
        // Every sample starts from the same freshly seeded world: seeding once per operation and
        // handing each sample an independent copy keeps world construction out of the samples.
        Supplier<World> world = operation.equals("predict") || operation.equals("reason")
                ? seededWorlds(provider)
                : () -> seedWorld(provider);
        ObservableCapability w = capture.wrappers().get(kind);
        if (w != null) {
            return switch (operation) {
                case "predict" ->
                    () -> w.predict(world.get().state(), inputs.predictionAction(), inputs.predictionSteps());
                case "reason" ->
                    () -> w.reason(inputs.reasonQuery(), world.get().state());
                case "generate" ->
                    () -> w.generate(inputs.generationPrompt(), inputs.generationDurationSeconds(), null);
                case "transfer" ->
                    () -> w.transfer(
                            inputs.transferClip(),
                            inputs.transferWidth(),
                            inputs.transferHeight(),
                            inputs.transferFps(),
                            inputs.transferPrompt(),
                            null);
                case "embed" -> () -> w.embed(inputs.embeddingText());
                case "score" -> () -> w.scoreActions(inputs.scoreInfo(), inputs.scoreActionCandidates());
                default -> () -> w.selectActions(inputs.policyInfo());
            };
        }
        return switch (operation) {
            case "predict" -> () -> world.get().predict(inputs.predictionAction(), inputs.predictionSteps(), provider);
            case "reason" -> () -> forge.reason(provider, inputs.reasonQuery(), world.get());
            case "generate" ->
                () -> forge.generate(inputs.generationPrompt(), provider, inputs.generationDurationSeconds(), null);
            case "transfer" ->
                () -> forge.transfer(
                        inputs.transferClip(),
                        provider,
                        inputs.transferWidth(),
                        inputs.transferHeight(),
                        inputs.transferFps(),
                        inputs.transferPrompt(),
                        null);
            case "embed" -> () -> forge.embed(provider, inputs.embeddingText());
            case "score" -> () -> forge.scoreActions(provider, inputs.scoreInfo(), inputs.scoreActionCandidates());
            default -> () -> forge.selectActions(provider, inputs.policyInfo());
        };
    }

    /**
     * Independent copies (same state and history, each with its own future) of one world seeded
     * up front; when seeding itself fails, every sample seeds (and fails) on its own, so the
     * failure is counted per sample as before.
     */
    private Supplier<World> seededWorlds(String provider) {
        World seeded;
        try {
            seeded = seedWorld(provider);
        } catch (RuntimeException e) {
            if (!isSampleFailure(e)) {
                throw e;
            }
            return () -> seedWorld(provider);
        }
        int last = seeded.historyLength() - 1;
        return () -> seeded.historyState(last);
    }

    /** A fresh "benchmark-world" holding a graspable cube and mug, as the reference seeds it. */
    private World seedWorld(String provider) {
        World world = forge.createWorld("benchmark-world", provider);
        world.addObject(new SceneObject(
                ai.worldforge.internal.Ids.generate("obj"),
                "cube",
                new Position(0.0, 0.5, 0.0),
                new BBox(new Position(-0.05, 0.45, -0.05), new Position(0.05, 0.55, 0.05)),
                true,
                JsonObject.EMPTY));
        world.addObject(new SceneObject(
                ai.worldforge.internal.Ids.generate("obj"),
                "mug",
                new Position(0.25, 0.8, 0.0),
                new BBox(new Position(0.2, 0.75, -0.05), new Position(0.3, 0.85, 0.05)),
                true,
                JsonObject.EMPTY));
        return world;
    }

    /** Builder of {@link ProviderBenchmarkHarness}; not thread-safe. */
    public static final class Builder {
        private final WorldForge forge;
        private LongSupplier nanoClock = System::nanoTime;
        private Clock clock = Clock.systemUTC();

        private Builder(WorldForge forge) {
            this.forge = Objects.requireNonNull(forge, "forge");
        }

        /** The monotonic nanosecond source latencies and wall times are measured with. */
        public Builder nanoClock(LongSupplier value) {
            this.nanoClock = Objects.requireNonNull(value, "nanoClock");
            return this;
        }

        /** The clock stamping the provenance's {@code created_at}. */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** Builds the harness. */
        public ProviderBenchmarkHarness build() {
            return new ProviderBenchmarkHarness(this);
        }
    }
}
