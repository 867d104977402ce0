package ai.worldforge.cli;

import static ai.worldforge.cli.WorldCommands.DEFAULT_STATE_DIR;
import static ai.worldforge.cli.WorldCommands.STATE_DIR_HELP;
import static ai.worldforge.cli.WorldCommands.WORLD_ID_HELP;

import ai.worldforge.World;
import ai.worldforge.WorldForge;
import ai.worldforge.cli.WorldCommands.Base;
import ai.worldforge.cli.WorldCommands.Format;
import ai.worldforge.error.WorldConflictException;
import ai.worldforge.error.WorldStateException;
import ai.worldforge.internal.BoundedFiles;
import ai.worldforge.internal.ErrorText;
import ai.worldforge.json.Json;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.store.SaveMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The {@code world} commands that move worlds in and out of the store: {@code export}, {@code
 * import} (refusing to replace a stored world unless {@code --overwrite}) and {@code fork}.
 */
final class WorldTransferCommands {
    private WorldTransferCommands() {}

    @Command(name = "export", header = "Export a persisted world as JSON.", mixinStandardHelpOptions = true)
    static final class Export extends Base {
        @Parameters(paramLabel = "world_id", description = WORLD_ID_HELP)
        String id = "";

        @Option(names = "--output", paramLabel = "OUTPUT", description = "Optional output path for exported JSON.")
        @Nullable
        String output;

        @Option(names = "--state-dir", paramLabel = "STATE_DIR", description = STATE_DIR_HELP)
        String stateDir = DEFAULT_STATE_DIR;

        Export(CliContext context) {
            super(context);
        }

        @Override
        String stateDir() {
            return stateDir;
        }

        @Override
        public Integer call() {
            String compact = forge().exportWorld(id);
            if (output == null || output.isEmpty()) {
                context.printJson(Json.parse(compact));
                return 0;
            }
            Path target = context.path(output);
            try {
                Path parent = target.getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                AtomicFiles.writeString(target, compact + "\n");
            } catch (IOException e) {
                throw new WorldStateException("Failed to write exported world to " + target + ": " + e.getMessage(), e);
            }
            context.printJson(
                    JsonObject.of("world_id", JsonString.of(id), "output_path", JsonString.of(target.toString())));
            return 0;
        }
    }

    @Command(name = "import", header = "Import and save exported world JSON.", mixinStandardHelpOptions = true)
    static final class Import extends Base {
        @Parameters(paramLabel = "input", description = "Path to exported world JSON.")
        String input = "";

        @Option(names = "--new-id", description = "Assign a fresh world id.")
        boolean newId;

        @Option(
                names = "--overwrite",
                description = "Replace a stored world that has the same id (without it, importing over an"
                        + " existing world is refused).")
        boolean overwrite;

        @Option(names = "--name", paramLabel = "NAME", description = "Optional replacement world name.")
        @Nullable
        String name;

        @Option(names = "--state-dir", paramLabel = "STATE_DIR", description = STATE_DIR_HELP)
        String stateDir = DEFAULT_STATE_DIR;

        @Option(
                names = "--format",
                paramLabel = "FORMAT",
                description = "Output format for the imported world summary.")
        Format format = Format.json;

        Import(CliContext context) {
            super(context);
        }

        @Override
        String stateDir() {
            return stateDir;
        }

        @Override
        Format format() {
            return format;
        }

        @Override
        public Integer call() {
            Path source = context.path(input);
            WorldForge forge = forge();
            String payload;
            try {
                payload = BoundedFiles.readUtf8(source, context.maxWorldBytes());
            } catch (IOException e) {
                throw new WorldStateException(
                        "Failed to read imported world from " + source + ": " + ErrorText.reason(e), e);
            }
            World world = forge.importWorld(payload, newId, name == null || name.isEmpty() ? null : name);
            try {
                forge.saveWorld(world, overwrite ? SaveMode.OVERWRITE : SaveMode.CHECKED);
            } catch (WorldConflictException e) {
                throw new WorldStateException(
                        "World '" + world.id() + "' already exists in "
                                + forge.store().location()
                                + "; nothing was written. Pass --overwrite to replace it, or --new-id to import a copy.",
                        e);
            }
            print(world, Views.worldSummary(world).with("source_path", JsonString.of(source.toString())));
            return 0;
        }
    }

    @Command(name = "fork", header = "Fork a world from a history entry.", mixinStandardHelpOptions = true)
    static final class Fork extends Base {
        @Parameters(paramLabel = "world_id", description = "Source world identifier.")
        String id = "";

        @Option(
                names = "--history-index",
                paramLabel = "HISTORY_INDEX",
                description = "History entry index to fork from.")
        int historyIndex;

        @Option(names = "--name", paramLabel = "NAME", description = "Optional forked world name.")
        @Nullable
        String name;

        @Option(names = "--state-dir", paramLabel = "STATE_DIR", description = STATE_DIR_HELP)
        String stateDir = DEFAULT_STATE_DIR;

        @Option(names = "--format", paramLabel = "FORMAT", description = "Output format for the forked world summary.")
        Format format = Format.json;

        Fork(CliContext context) {
            super(context);
        }

        @Override
        String stateDir() {
            return stateDir;
        }

        @Override
        Format format() {
            return format;
        }

        @Override
        public Integer call() {
            WorldForge forge = forge();
            World fork = forge.forkWorld(id, historyIndex, name == null || name.isEmpty() ? null : name);
            forge.saveWorld(fork);
            print(
                    fork,
                    Views.worldSummary(fork)
                            .with("source_world_id", JsonString.of(id))
                            .with("history_index", JsonInt.of(historyIndex)));
            return 0;
        }
    }
}
