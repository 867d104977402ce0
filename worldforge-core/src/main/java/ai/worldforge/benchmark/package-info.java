/**
 * Provider benchmarks (the reference's {@code benchmark} modules): {@link
 * ai.worldforge.benchmark.BenchmarkInputs} describe the workload, {@link
 * ai.worldforge.benchmark.ProviderBenchmarkHarness} runs it against registered providers and
 * returns a {@link ai.worldforge.benchmark.BenchmarkReport}, and {@link
 * ai.worldforge.benchmark.BenchmarkBudget}s gate a report into a {@link
 * ai.worldforge.benchmark.BenchmarkGateReport}.
 *
 * <p>Reports measure adapter-path latency, retries, throughput and errors only; see {@link
 * ai.worldforge.benchmark.BenchmarkContracts#CLAIM_BOUNDARY}.
 */
@NullMarked
package ai.worldforge.benchmark;

import org.jspecify.annotations.NullMarked;
