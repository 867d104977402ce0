package ai.worldforge.store;

import ai.worldforge.error.WorldForgeException;
import ai.worldforge.error.WorldStateException;
import ai.worldforge.internal.Ids;
import ai.worldforge.internal.StorageIds;
import ai.worldforge.json.CanonicalJsonWriter;
import ai.worldforge.json.Json;
import ai.worldforge.json.JsonValue;
import ai.worldforge.model.WorldRecord;
import ai.worldforge.model.WorldStateCodec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Stores each world as {@code <stateDir>/<world-id>.json}, in the reference's canonical format
 * (compact, sorted keys, ASCII, Python float text, no trailing newline), so files move freely
 * between the Python and Java implementations.
 *
 * <p>Saves write a temporary file {@code .<id>.json.tmp_<hex>.tmp} in the same directory, fsync it,
 * rename it over the target atomically and fsync the directory; the temporary file is always
 * removed. A crash at any point leaves the previous or the new complete file. Thread-safe: concurrent
 * saves of one world each replace it atomically (last rename wins); this store does not arbitrate
 * between writers in several processes beyond that.
 */
public final class LocalJsonWorldStore implements WorldStore {
    private final Path directory;

    /** Opens (and creates) the store at {@code directory}. */
    public LocalJsonWorldStore(Path directory) {
        this.directory = directory.toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.directory);
        } catch (IOException e) {
            throw new WorldStateException(
                    "Failed to create world state directory " + this.directory + ": " + describe(e), e);
        }
    }

    /** The directory holding the world files. */
    public Path directory() {
        return directory;
    }

    /** The file a world id maps to (after validating the id). */
    public Path pathFor(String worldId) {
        return directory.resolve(StorageIds.require(worldId, "world_id") + ".json");
    }

    @Override
    public String save(WorldRecord world) {
        String id = StorageIds.require(world.state().id(), "world_id");
        Path target = directory.resolve(id + ".json");
        Path temp = directory.resolve("." + id + ".json." + Ids.generate("tmp") + ".tmp");
        try {
            try (FileChannel channel =
                    FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                OutputStream out = Channels.newOutputStream(channel);
                CanonicalJsonWriter writer = new CanonicalJsonWriter(out);
                WorldStateCodec.write(world, writer);
                writer.flush();
                channel.force(true);
            }
            moveAtomically(temp, target);
            syncDirectory();
            return id;
        } catch (IOException | UncheckedIOException e) {
            throw new WorldStateException("Failed to save world '" + id + "' to " + target + ": " + describe(e), e);
        } catch (WorldForgeException e) {
            throw new WorldStateException("World '" + id + "' is not valid for persistence: " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // The rename already succeeded or the save failed loudly; a stray temp file is harmless.
            }
        }
    }

    private static void moveAtomically(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private void syncDirectory() {
        // Makes the rename durable on POSIX file systems; some platforms cannot open directories.
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // Best effort: the data file itself was already forced to disk.
        }
    }

    @Override
    public WorldRecord load(String worldId) {
        Path path = pathFor(worldId);
        JsonValue payload;
        try (InputStream in = Files.newInputStream(path)) {
            payload = Json.parse(in, true);
        } catch (NoSuchFileException e) {
            throw new WorldStateException(
                    "Failed to load world '" + worldId.strip() + "' from " + path + ": No such file or directory", e);
        } catch (IOException e) {
            throw new WorldStateException(
                    "Failed to load world '" + worldId.strip() + "' from " + path + ": " + describe(e), e);
        } catch (WorldForgeException e) {
            throw new WorldStateException("World file '" + path + "' is invalid: " + e.getMessage(), e);
        }
        try {
            return WorldStateCodec.restore(payload, "World state");
        } catch (WorldForgeException e) {
            throw new WorldStateException("World file '" + path + "' is invalid: " + e.getMessage(), e);
        }
    }

    @Override
    public List<String> list() {
        List<String> ids = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*.json")) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (Files.isRegularFile(file)) {
                    ids.add(name.substring(0, name.length() - ".json".length()));
                }
            }
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new WorldStateException("Failed to list worlds in " + directory + ": " + describe(e), e);
        }
        Collections.sort(ids);
        return ids;
    }

    @Override
    public boolean exists(String worldId) {
        return Files.isRegularFile(pathFor(worldId));
    }

    @Override
    public String delete(String worldId) {
        String id = StorageIds.require(worldId, "world_id");
        Path path = directory.resolve(id + ".json");
        try {
            if (!Files.deleteIfExists(path)) {
                throw new WorldStateException("World '" + id + "' is not present at " + path + ".");
            }
        } catch (IOException e) {
            throw new WorldStateException("Failed to delete world '" + id + "' at " + path + ": " + describe(e), e);
        }
        syncDirectory();
        return id;
    }

    @Override
    public String export(String worldId) {
        WorldRecord record = load(worldId);
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try {
            CanonicalJsonWriter writer = new CanonicalJsonWriter(buffer);
            WorldStateCodec.writeExport(record, writer);
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public String location() {
        return directory.toString();
    }

    @Override
    public StoreHealth health() {
        boolean writable = Files.isDirectory(directory) && Files.isWritable(directory);
        long count;
        try {
            count = list().size();
        } catch (WorldStateException e) {
            return new StoreHealth(false, location(), -1, e.getMessage());
        }
        return new StoreHealth(
                writable, location(), count, writable ? "writable directory" : "directory is not writable");
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
