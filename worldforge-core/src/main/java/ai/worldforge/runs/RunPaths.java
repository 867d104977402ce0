package ai.worldforge.runs;

import ai.worldforge.error.WorldForgeException;
import ai.worldforge.internal.AtomicTextFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** Path and time helpers that follow Python's {@code pathlib} and {@code datetime} text. */
final class RunPaths {
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private RunPaths() {}

    /** Python {@code str(Path(p))}: {@code .} segments and repeated or trailing slashes dropped. */
    static String pyStr(Path path) {
        return pyStr(path.toString());
    }

    /** Python {@code str(Path(text))} on POSIX. */
    static String pyStr(String text) {
        if (text.isEmpty()) {
            return ".";
        }
        boolean absolute = text.startsWith("/");
        // POSIX keeps exactly two leading slashes; three or more collapse to one.
        String prefix = absolute ? (text.startsWith("//") && !text.startsWith("///") ? "//" : "/") : "";
        List<String> parts = new ArrayList<>();
        for (String part : text.split("/")) {
            if (!part.isEmpty() && !part.equals(".")) {
                parts.add(part);
            }
        }
        String joined = prefix + String.join("/", parts);
        return joined.isEmpty() ? "." : joined;
    }

    /** Python {@code Path(text).name}. */
    static String pyName(String text) {
        String normalized = pyStr(text);
        if (normalized.equals(".") || normalized.equals("/") || normalized.equals("//")) {
            return "";
        }
        int slash = normalized.lastIndexOf('/');
        return slash < 0 ? normalized : normalized.substring(slash + 1);
    }

    /** Python {@code Path(name).suffix} of a final component. */
    static String pySuffix(String name) {
        int dot = name.lastIndexOf('.');
        if (dot > 0 && dot < name.length() - 1) {
            return name.substring(dot);
        }
        return "";
    }

    /** Python {@code Path(text).parts} of a relative path (empty and {@code .} parts dropped). */
    static List<String> pyParts(String text) {
        List<String> parts = new ArrayList<>();
        for (String part : pyStr(text).split("/")) {
            if (!part.isEmpty() && !part.equals(".")) {
                parts.add(part);
            }
        }
        return parts;
    }

    /**
     * Python's non-strict {@code Path.resolve()}: absolute and normalized, with the symlinks of the
     * longest existing prefix followed.
     */
    static Path resolve(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path existing = absolute;
        List<Path> rest = new ArrayList<>();
        while (existing != null && !Files.exists(existing)) {
            rest.add(0, existing.getFileName());
            existing = existing.getParent();
        }
        if (existing == null) {
            return absolute;
        }
        Path real;
        try {
            real = existing.toRealPath();
        } catch (IOException e) {
            real = existing;
        }
        for (Path part : rest) {
            real = real.resolve(part.toString());
        }
        return real.normalize();
    }

    /** Whether {@code path} is {@code root} or below it, component-wise. */
    static boolean isRelativeTo(Path path, Path root) {
        return path.startsWith(root);
    }

    /** Writes UTF-8 text through a temporary sibling and an atomic rename. */
    static void writeAtomically(Path target, String text) {
        writeAtomically(target, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes bytes through a temporary sibling and an atomic rename. */
    static void writeAtomically(Path target, byte[] data) {
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            AtomicTextFiles.write(target, data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes a directory tree without following symlinks (Python {@code shutil.rmtree}). */
    static void deleteTree(Path root) throws IOException {
        if (Files.isSymbolicLink(root)) {
            throw new IOException("Cannot call rmtree on a symbolic link: " + root);
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                if (exc != null) {
                    throw exc;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** {@link #deleteTree} that reports failures as {@link UncheckedIOException}. */
    static void deleteTreeUnchecked(Path root) {
        try {
            deleteTree(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether {@code path} is a directory, not following a final symlink. */
    static boolean isRealDirectory(Path path) {
        return Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS);
    }

    /** The child directories of {@code dir} (symlinks to directories included), by name descending. */
    static List<Path> childDirectoriesDescending(Path dir) {
        List<Path> children = new ArrayList<>();
        try (var stream = Files.list(dir)) {
            stream.filter(Files::isDirectory).forEach(children::add);
        } catch (IOException e) {
            throw new WorldForgeException("Failed to list run workspaces in " + dir + ": " + e.getMessage(), e);
        }
        children.sort(
                (a, b) -> b.getFileName().toString().compareTo(a.getFileName().toString()));
        return children;
    }

    /**
     * Python {@code datetime.isoformat()} of a UTC instant with {@code +00:00} replaced by {@code
     * Z}: microsecond precision, fraction only when non-zero.
     */
    static String isoMicrosZ(Instant instant) {
        Instant micros = instant.truncatedTo(ChronoUnit.MICROS);
        String base = SECONDS.format(micros.atOffset(ZoneOffset.UTC));
        int nanos = micros.getNano();
        if (nanos == 0) {
            return base + "Z";
        }
        String fraction = Integer.toString(1_000_000 + nanos / 1000).substring(1);
        return base + "." + fraction + "Z";
    }

    /** Python {@code datetime.now(UTC).replace(microsecond=0).isoformat()}. */
    static String isoSecondsOffset(Instant instant) {
        return SECONDS.format(instant.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC)) + "+00:00";
    }
}
