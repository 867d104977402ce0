/**
 * Named benchmark presets (the reference's {@code benchmark_presets}): {@link
 * ai.worldforge.benchmark.preset.BenchmarkPresets} lists the five built-in presets, loads their
 * bundled input and budget files (classpath resources under {@code
 * ai/worldforge/benchmark/presets/_data/}, copied byte for byte from the reference because digests
 * depend on them) and renders the texts the CLI prints for {@code --list-presets}, {@code
 * --show-preset} and skipped presets.
 */
@NullMarked
package ai.worldforge.benchmark.preset;

import org.jspecify.annotations.NullMarked;
