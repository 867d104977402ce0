package ai.worldforge.runs;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Options of {@link EvidenceBundles#generate} and {@link EvidenceBundles#generateIssue}.
 *
 * @param runIds the runs to bundle (sorted and validated); empty means every run with a manifest
 *     (ignored by {@link EvidenceBundles#generateIssue})
 * @param overwrite replace a non-empty output directory
 * @param includeFixtureDigests add {@code fixture_digests} for the shipped preset data files
 *     (always off for issue bundles)
 * @param generatedAt a pinned {@code generated_at} text; otherwise {@code clock}'s second with
 *     {@code +00:00}
 * @param clock the clock for {@code generated_at}
 * @param repositoryRoots directories whose files are shown repository-relative and may be copied
 *     when a report references them (the reference uses its checkout and the working directory);
 *     anything else is shown as {@code <host-local:name>}
 */
public record EvidenceBundleOptions(
        List<String> runIds,
        boolean overwrite,
        boolean includeFixtureDigests,
        Optional<String> generatedAt,
        Clock clock,
        List<Path> repositoryRoots) {
    /** Copies the lists. */
    public EvidenceBundleOptions {
        runIds = List.copyOf(runIds);
        Objects.requireNonNull(generatedAt, "generatedAt");
        Objects.requireNonNull(clock, "clock");
        repositoryRoots = List.copyOf(repositoryRoots);
    }

    /** A builder with every run, no overwrite, fixture digests on and no repository roots. */
    public static Builder builder(Clock clock) {
        return new Builder(clock);
    }

    /** Mutable builder for {@link EvidenceBundleOptions}. */
    public static final class Builder {
        private final List<String> runIds = new ArrayList<>();
        private boolean overwrite;
        private boolean includeFixtureDigests = true;
        private @Nullable String generatedAt;
        private Clock clock;
        private final List<Path> repositoryRoots = new ArrayList<>();

        private Builder(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
        }

        /** Selects runs explicitly. */
        public Builder runIds(List<String> values) {
            runIds.clear();
            runIds.addAll(values);
            return this;
        }

        /** Replaces a non-empty output directory. */
        public Builder overwrite(boolean value) {
            this.overwrite = value;
            return this;
        }

        /** Whether to list fixture digests. */
        public Builder includeFixtureDigests(boolean value) {
            this.includeFixtureDigests = value;
            return this;
        }

        /** Pins {@code generated_at}. */
        public Builder generatedAt(@Nullable String value) {
            this.generatedAt = value;
            return this;
        }

        /** Sets the clock. */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** Adds a repository root (e.g. the CLI's working directory). */
        public Builder repositoryRoot(Path value) {
            repositoryRoots.add(Objects.requireNonNull(value, "root"));
            return this;
        }

        /** The options. */
        public EvidenceBundleOptions build() {
            return new EvidenceBundleOptions(
                    runIds, overwrite, includeFixtureDigests, Optional.ofNullable(generatedAt), clock, repositoryRoots);
        }
    }
}
