package ai.worldforge.runs;

import ai.worldforge.error.WorldForgeException;
import ai.worldforge.internal.BoundedFiles;
import ai.worldforge.internal.Checks;
import ai.worldforge.internal.JsonReads;
import ai.worldforge.internal.PyStrings;
import ai.worldforge.json.Json;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonSyntaxException;
import ai.worldforge.json.JsonValue;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Retention pruning of {@code <workspace>/runs/} (the reference's {@code runs_prune.py}): {@link
 * #plan} is read-only; {@link #apply} deletes the {@code delete} rows of a fresh plan, refusing
 * anything that does not resolve inside the runs directory. Stateless.
 */
public final class RunsPrune {
    private static final Duration SAFETY_WINDOW = Duration.ofHours(24);

    /** Removes one run directory; replaceable in tests to exercise failure wrapping. */
    @FunctionalInterface
    interface TreeRemover {
        void remove(Path directory) throws IOException;
    }

    private RunsPrune() {}

    /** {@link #plan(Path, RunsRetentionPolicy, Instant)} at {@code clock}'s instant. */
    public static PruneReport plan(Path workspaceDir, RunsRetentionPolicy policy, Clock clock) {
        return plan(workspaceDir, policy, clock.instant());
    }

    /**
     * Classifies every directory under {@code <workspaceDir>/runs} (newest name first); first match
     * wins: {@code skip-family}, {@code skip-keep-latest} (keep window counted inside the family
     * filter), {@code skip-young} (under 24 h unless max age is 0), {@code delete} (max age 0),
     * {@code skip-young} (no creation time), {@code delete} (older than the max age), {@code keep}.
     * A missing runs directory gives no candidates.
     */
    public static PruneReport plan(Path workspaceDir, RunsRetentionPolicy policy, Instant now) {
        String display = RunPaths.pyStr(workspaceDir);
        if (display.isEmpty()) {
            throw new WorldForgeException("workspace_dir must be a non-empty path.");
        }
        Path runsRoot = RunPaths.resolve(workspaceDir.resolve("runs"));
        List<PruneCandidate> candidates = new ArrayList<>();
        if (Files.isDirectory(runsRoot)) {
            candidates = scan(runsRoot, policy, now);
        }
        return new PruneReport(display, policy, RunPaths.isoMicrosZ(now), candidates, false);
    }

    private record Entry(Path runDir, Optional<JsonObject> manifest, Optional<Instant> createdAt) {}

    private static List<PruneCandidate> scan(Path runsRoot, RunsRetentionPolicy policy, Instant now) {
        List<Entry> entries = new ArrayList<>();
        for (Path runDir : RunPaths.childDirectoriesDescending(runsRoot)) {
            Optional<JsonObject> manifest = loadManifest(runDir);
            entries.add(new Entry(runDir, manifest, parseCreatedAt(manifest, runDir)));
        }
        Set<String> familyFilter = new HashSet<>();
        policy.families().forEach(f -> familyFilter.add(f.toLowerCase(Locale.ROOT)));
        List<Integer> inFamily = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            if (familyFilter.isEmpty()
                    || familyFilter.contains(kindOf(entries.get(i).manifest()).toLowerCase(Locale.ROOT))) {
                inFamily.add(i);
            }
        }
        Set<Integer> keptIndices = new HashSet<>(inFamily.subList(0, Math.min(policy.keepLatest(), inFamily.size())));
        Instant safetyCutoff = now.minus(SAFETY_WINDOW);
        Instant ageCutoff = policy.maxAgeDays() > 0 ? now.minus(Duration.ofDays(policy.maxAgeDays())) : now;
        List<PruneCandidate> candidates = new ArrayList<>();
        for (int index = 0; index < entries.size(); index++) {
            Entry entry = entries.get(index);
            Optional<JsonObject> manifest = entry.manifest();
            String runId = manifest.map(m -> m.get("run_id"))
                    .filter(JsonReads::truthy)
                    .map(JsonReads::toStr)
                    .orElse(entry.runDir().getFileName().toString());
            String kind = kindOf(manifest);
            String createdLabel =
                    manifest.map(m -> RunHistory.orEmpty(m.get("created_at"))).orElse("");
            Optional<Instant> createdAt = entry.createdAt();
            String action = "keep";
            String reason = "kept by policy";
            if (!familyFilter.isEmpty() && !familyFilter.contains(kind.toLowerCase(Locale.ROOT))) {
                action = "skip-family";
                reason = "kind '" + kind + "' is not in selected families";
            } else if (keptIndices.contains(index)) {
                action = "skip-keep-latest";
                reason = "within keep_latest=" + policy.keepLatest();
            } else if (policy.maxAgeDays() > 0
                    && createdAt.isPresent()
                    && createdAt.get().isAfter(safetyCutoff)) {
                action = "skip-young";
                reason = "younger than 24 hours; pass max_age_days=0 to override";
            } else if (policy.maxAgeDays() == 0) {
                action = "delete";
                reason = "max_age_days=0 forces delete after keep_latest window";
            } else if (createdAt.isEmpty()) {
                action = "skip-young";
                reason = "manifest missing or unparseable created_at; refusing to delete";
            } else if (!createdAt.get().isAfter(ageCutoff)) {
                action = "delete";
                reason = "older than " + policy.maxAgeDays() + " days";
            }
            candidates.add(new PruneCandidate(
                    runId,
                    entry.runDir().toString(),
                    kind,
                    createdLabel,
                    directorySize(entry.runDir()),
                    action,
                    reason));
        }
        return candidates;
    }

    private static String kindOf(Optional<JsonObject> manifest) {
        return manifest.map(m -> RunHistory.orEmpty(m.get("kind"))).orElse("");
    }

    private static Optional<JsonObject> loadManifest(Path runDir) {
        Path manifestPath = runDir.resolve(RunManifest.FILE_NAME);
        if (!Files.isRegularFile(manifestPath)) {
            return Optional.empty();
        }
        return RunWorkspaces.readManifest(manifestPath);
    }

    private static Optional<Instant> parseCreatedAt(Optional<JsonObject> manifest, Path runDir) {
        if (manifest.isPresent()
                && manifest.get().get("created_at") instanceof JsonString value
                && !PyStrings.strip(value.value()).isEmpty()) {
            String normalized = value.value().replace("Z", "+00:00");
            try {
                return Optional.of(OffsetDateTime.parse(normalized).toInstant());
            } catch (DateTimeParseException e) {
                // a naive timestamp is read as UTC
            }
            try {
                return Optional.of(LocalDateTime.parse(normalized).toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException e) {
                // fall back to the directory name
            }
        }
        String name = runDir.getFileName().toString();
        int dash = name.indexOf('-');
        String stem = dash < 0 ? name : name.substring(0, dash);
        return RunIds.parseStamp(stem);
    }

    private static long directorySize(Path root) {
        long[] total = {0};
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    try {
                        if (Files.isRegularFile(file)) {
                            total[0] += Files.size(file);
                        }
                    } catch (IOException e) {
                        // unreadable entries do not count, as in the reference
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            return total[0];
        }
        return total[0];
    }

    /**
     * Deletes the {@code delete} rows of {@code report} and returns it with {@code applied=true}.
     *
     * @throws WorldForgeException {@code PruneReport already applied; build a fresh plan first.};
     *     {@code Refusing to prune outside runs directory; target T is not inside resolved runs root
     *     R.} for a target (symlinks followed) outside {@code <workspace>/runs}; {@code Failed to
     *     remove run workspace T: <cause>} when a deletion fails
     */
    public static PruneReport apply(PruneReport report) {
        return apply(report, RunPaths::deleteTree);
    }

    static PruneReport apply(PruneReport report, TreeRemover remover) {
        if (report.applied()) {
            throw new WorldForgeException("PruneReport already applied; build a fresh plan first.");
        }
        Path runsRoot = RunPaths.resolve(
                RunPaths.resolve(Path.of(report.workspaceDir())).resolve("runs"));
        List<Path> targets = new ArrayList<>();
        for (PruneCandidate candidate : report.selectedForDelete()) {
            Path target = RunPaths.resolve(Path.of(candidate.runDir()));
            if (!RunPaths.isRelativeTo(target, runsRoot)) {
                throw new WorldForgeException("Refusing to prune outside runs directory; target " + target
                        + " is not inside resolved runs root " + runsRoot + ".");
            }
            targets.add(target);
        }
        for (Path target : targets) {
            if (Files.exists(target)) {
                try {
                    remover.remove(target);
                } catch (IOException e) {
                    throw new WorldForgeException("Failed to remove run workspace " + target + ": " + e, e);
                }
            }
        }
        return new PruneReport(report.workspaceDir(), report.policy(), report.generatedAt(), report.candidates(), true);
    }

    /**
     * Reads the {@code runs_retention} block of a retention profile JSON file.
     *
     * @return the policy, or empty when the file has no {@code runs_retention} object
     * @throws WorldForgeException {@code Failed to read retention profile <p>: <cause>} when the
     *     file is unreadable or not JSON; {@code retention profile <p> must be a JSON object.};
     *     the {@link RunsRetentionPolicy#parse} messages
     */
    public static Optional<RunsRetentionPolicy> loadRetentionProfile(Path profile) {
        JsonValue payload;
        try {
            payload = Json.parse(BoundedFiles.readUtf8(profile, BoundedFiles.DEFAULT_DOCUMENT_BYTES));
        } catch (IOException | JsonSyntaxException e) {
            throw new WorldForgeException(
                    "Failed to read retention profile " + RunPaths.pyStr(profile) + ": " + e.getMessage(), e);
        }
        JsonObject object = Checks.jsonObject(payload, "retention profile " + RunPaths.pyStr(profile));
        if (object.get("runs_retention") instanceof JsonObject block) {
            return Optional.of(RunsRetentionPolicy.parse(block));
        }
        return Optional.empty();
    }

    /**
     * The {@code runs prune} policy: explicit values win, then the retention profile's, then the
     * defaults (30 days, keep 10, all families). Profile families apply only when none are given.
     *
     * @throws WorldForgeException for negative values or a bad profile
     */
    public static RunsRetentionPolicy resolvePolicy(
            OptionalInt maxAgeDays, OptionalInt keepLatest, List<String> families, Optional<Path> retentionProfile) {
        OptionalInt maxAge = maxAgeDays;
        OptionalInt keep = keepLatest;
        List<String> selected = families;
        if (retentionProfile.isPresent()) {
            Optional<RunsRetentionPolicy> fromProfile = loadRetentionProfile(retentionProfile.get());
            if (fromProfile.isPresent()) {
                RunsRetentionPolicy profile = fromProfile.get();
                if (maxAge.isEmpty()) {
                    maxAge = OptionalInt.of(profile.maxAgeDays());
                }
                if (keep.isEmpty()) {
                    keep = OptionalInt.of(profile.keepLatest());
                }
                if (selected.isEmpty() && !profile.families().isEmpty()) {
                    selected = profile.families();
                }
            }
        }
        return new RunsRetentionPolicy(maxAge.orElse(30), keep.orElse(10), selected);
    }
}
