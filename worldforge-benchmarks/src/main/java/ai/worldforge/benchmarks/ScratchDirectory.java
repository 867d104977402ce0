package ai.worldforge.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A temporary state directory for one benchmark setup, deleted with everything in it by the
 * matching {@code @TearDown}, so that runs leave no {@code wf-bench-*} directories behind.
 */
final class ScratchDirectory implements AutoCloseable {
    private final Path path;

    private ScratchDirectory(Path path) {
        this.path = path;
    }

    /** A new directory {@code <tmp>/wf-bench-<name>…}. */
    static ScratchDirectory create(String name) {
        try {
            return new ScratchDirectory(Files.createTempDirectory("wf-bench-" + name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path path() {
        return path;
    }

    /** Deletes the directory and its contents, deepest first. */
    @Override
    public void close() {
        try (Stream<Path> paths = Files.walk(path)) {
            for (Path entry : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(entry);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete benchmark directory " + path, e);
        }
    }
}
