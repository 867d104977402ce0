package ai.worldforge.cli;

import ai.worldforge.Prediction;
import ai.worldforge.World;
import ai.worldforge.WorldForge;
import ai.worldforge.error.WorldForgeException;
import ai.worldforge.error.WorldStateException;
import ai.worldforge.internal.PyFormat;
import ai.worldforge.json.Json;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonBool;
import ai.worldforge.json.JsonFloat;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonSyntaxException;
import ai.worldforge.json.JsonValue;
import ai.worldforge.model.Action;
import ai.worldforge.model.BBox;
import ai.worldforge.model.Position;
import ai.worldforge.model.SceneObject;
import ai.worldforge.model.WorldState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code world …}: local JSON worlds. */
final class WorldCommands {
    private WorldCommands() {}

    @Command(name = "world", description = "Manage local JSON worlds.", mixinStandardHelpOptions = true)
    static final class WorldGroup extends Group {}

    /** Options every world subcommand shares. */
    abstract static class Base implements Callable<Integer> {
        final CliContext context;

        @Option(names = "--state-dir", defaultValue = ".worldforge/worlds", description = "World state directory.")
        String stateDir = ".worldforge/worlds";

        @Option(names = "--format", defaultValue = "json", description = "Output format: json or markdown.")
        Format format = Format.json;

        Base(CliContext context) {
            this.context = context;
        }

        WorldForge forge() {
            return context.forge(stateDir);
        }

        boolean json() {
            return format == Format.json;
        }
    }

    /** Output formats. */
    enum Format {
        json,
        markdown
    }

    @Command(name = "create", description = "Create and save a world.", mixinStandardHelpOptions = true)
    static final class Create extends Base {
        @Parameters(description = "World name.")
        String name = "";

        @Option(names = "--provider", defaultValue = "mock", description = "Provider (default: mock).")
        String provider = "mock";

        @Option(names = "--prompt", description = "Seed objects from a prompt.")
        @Nullable
        String prompt;

        @Option(names = "--description", defaultValue = "", description = "Description.")
        String description = "";

        Create(CliContext context) {
            super(context);
        }

        @Override
        public Integer call() {
            WorldForge forge = forge();
            World world = prompt != null
                    ? forge.createWorldFromPrompt(prompt, provider, name)
                    : forge.createWorld(name, provider, description);
            forge.saveWorld(world);
            print(context, json(), world, Views.worldSummary(world));
            return 0;
        }
    }

    static void print(CliContext context, boolean json, World world, JsonObject payload) {
        if (json) {
            context.printJson(payload);
        } else {
            context.println(Views.worldBlock(world));
        }
    }

    @Command(name = "list", description = "List saved worlds.", mixinStandardHelpOptions = true)
    static final class ListWorlds extends Base {
        ListWorlds(CliContext context) {
            super(context);
        }

        @Override
        public Integer call() {
            WorldForge forge = forge();
            List<World> worlds = new ArrayList<>();
            for (String id : forge.listWorlds()) {
                worlds.add(forge.loadWorld(id));
            }
            if (json()) {
                List<JsonValue> out = new ArrayList<>();
                worlds.forEach(w -> out.add(Views.worldSummary(w)));
                context.printJson(JsonArray.copyOf(out));
            } else {
                StringBuilder out =
                        new StringBuilder("# WorldForge Worlds\n\n| id | name | provider | step | objects | history |\n"
                                + "| --- | --- | --- | ---: | ---: | ---: |");
                for (World w : worlds) {
                    out.append("\n| `")
                            .append(w.id())
                            .append("` | ")
                            .append(w.name())
                            .append(" | `")
                            .append(w.provider())
                            .append("` | ")
                            .append(w.step())
                            .append(" | ")
                            .append(w.objectCount())
                            .append(" | ")
                            .append(w.historyLength())
                            .append(" |");
                }
                context.println(out.toString());
            }
            return 0;
        }
    }

    @Command(name = "show", description = "Show a saved world.", mixinStandardHelpOptions = true)
    static final class Show extends Base {
        @Parameters(description = "World id.")
        String id = "";

        Show(CliContext context) {
            super(context);
        }

        @Override
        public Integer call() {
            World world = forge().loadWorld(id);
            print(context, json(), world, world.toJson());
            return 0;
        }
    }

    @Command(name = "add-object", description = "Add an object to a saved world.", mixinStandardHelpOptions = true)
    static final class AddObject extends Base {
        @Parameters(index = "0", description = "World id.")
        String id = "";

        @Parameters(index = "1", description = "Object name.")
        String name = "";

        @Option(names = "--x", required = true, description = "X position.")
        double x;

        @Option(names = "--y", required = true, description = "Y position.")
        double y;

        @Option(names = "--z", required = true, description = "Z position.")
        double z;

        @Option(names = "--size", defaultValue = "0.1", description = "Edge of the bounding cube (default 0.1).")
        double size = 0.1;

        @Option(names = "--object-id", description = "Object id (default: obj_<hex>).")
        @Nullable
        String objectId;

        @Option(names = "--graspable", description = "Mark the object graspable.")
        boolean graspable;

        @Option(names = "--metadata", description = "Object metadata as a JSON object.")
        @Nullable
        String metadata;

        AddObject(CliContext context) {
            super(context);
        }

        @Override
        public Integer call() {
            if (!Double.isFinite(size) || size <= 0) {
                throw new WorldForgeException("--size must be a finite number greater than 0.");
            }
            JsonObject meta = JsonObject.EMPTY;
            if (metadata != null) {
                JsonValue parsed;
                try {
                    parsed = Json.parse(metadata);
                } catch (JsonSyntaxException e) {
                    throw new WorldForgeException("--metadata must be valid JSON: " + e.getMessage(), e);
                }
                if (!(parsed instanceof JsonObject object)) {
                    throw new WorldForgeException("--metadata must decode to a JSON object.");
                }
                meta = object;
            }
            WorldForge forge = forge();
            World world = forge.loadWorld(id);
            Position at = new Position(x, y, z);
            SceneObject object = new SceneObject(
                    objectId == null ? ai.worldforge.internal.Ids.generate("obj") : objectId,
                    name,
                    at,
                    BBox.around(at, size / 2),
                    graspable,
                    meta);
            world.addObject(object);
            forge.saveWorld(world);
            if (json()) {
                context.printJson(
                        JsonObject.of("world", Views.worldSummary(world), "object", Views.objectSummary(object)));
            } else {
                context.println(Views.worldBlock(world) + "\n\n" + Views.objectsTable(List.of(object)));
            }
            return 0;
        }
    }

    @Command(name = "predict", description = "Predict a move_to on a saved world.", mixinStandardHelpOptions = true)
    static final class Predict extends Base {
        @Parameters(description = "World id.")
        String id = "";

        @Option(names = "--provider", description = "Provider (default: the world's).")
        @Nullable
        String provider;

        @Option(names = "--x", required = true, description = "Target x.")
        double x;

        @Option(names = "--y", required = true, description = "Target y.")
        double y;

        @Option(names = "--z", required = true, description = "Target z.")
        double z;

        @Option(names = "--speed", defaultValue = "1.0", description = "Speed (default 1.0).")
        double speed = 1.0;

        @Option(names = "--object-id", description = "Object to move (default: the first).")
        @Nullable
        String objectId;

        @Option(names = "--steps", defaultValue = "1", description = "Steps (default 1).")
        int steps = 1;

        @Option(names = "--dry-run", description = "Predict without saving.")
        boolean dryRun;

        Predict(CliContext context) {
            super(context);
        }

        @Override
        public Integer call() {
            WorldForge forge = forge();
            World world = forge.loadWorld(id);
            Action action = Action.moveTo(x, y, z, speed, objectId);
            Prediction prediction = world.predict(action, steps, provider);
            if (!dryRun) {
                forge.saveWorld(world);
            }
            if (json()) {
                context.printJson(JsonObject.builder()
                        .put("world_id", JsonString.of(world.id()))
                        .put("saved", JsonBool.of(!dryRun))
                        .put("provider", JsonString.of(prediction.provider()))
                        .put("physics_score", JsonFloat.of(prediction.physicsScore()))
                        .put("confidence", JsonFloat.of(prediction.confidence()))
                        .put("metadata", prediction.metadata())
                        .put("world", Views.worldSummary(world))
                        .put("world_state", world.state().toJson())
                        .build());
            } else {
                context.println("# World Prediction: " + world.id() + "\n\n- provider: " + prediction.provider()
                        + "\n- saved: " + (dryRun ? "False" : "True") + "\n- physics_score: "
                        + PyFormat.fixed(prediction.physicsScore(), 4) + "\n- confidence: "
                        + PyFormat.fixed(prediction.confidence(), 4) + "\n- step: " + world.step() + "\n- objects: "
                        + world.objectCount());
            }
            return 0;
        }
    }

    @Command(name = "export", description = "Export a saved world.", mixinStandardHelpOptions = true)
    static final class Export implements Callable<Integer> {
        final CliContext context;

        @Parameters(description = "World id.")
        String id = "";

        @Option(names = "--state-dir", defaultValue = ".worldforge/worlds", description = "World state directory.")
        String stateDir = ".worldforge/worlds";

        @Option(names = "--output", description = "Write compact JSON to this file.")
        @Nullable
        String output;

        Export(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            WorldForge forge = context.forge(stateDir);
            String compact = forge.exportWorld(id);
            if (output == null) {
                World world = forge.loadWorld(id);
                context.printJson(JsonObject.of(
                        "schema_version", JsonInt.of(WorldState.SCHEMA_VERSION), "state", world.toJson()));
                return 0;
            }
            Path target = context.path(output);
            try {
                Path parent = target.getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                Files.writeString(target, compact + "\n", StandardCharsets.US_ASCII);
            } catch (IOException e) {
                throw new WorldStateException("Failed to write exported world to " + target + ": " + e.getMessage(), e);
            }
            context.printJson(JsonObject.of(
                    "world_id", JsonString.of(id.strip()), "output_path", JsonString.of(target.toString())));
            return 0;
        }
    }

    @Command(name = "import", description = "Import a world file and save it.", mixinStandardHelpOptions = true)
    static final class Import extends Base {
        @Parameters(description = "Export or world JSON file.")
        String input = "";

        @Option(names = "--new-id", description = "Give the world a fresh id.")
        boolean newId;

        @Option(names = "--name", description = "Rename the world.")
        @Nullable
        String name;

        Import(CliContext context) {
            super(context);
        }

        @Override
        public Integer call() {
            Path source = context.path(input);
            String payload;
            try {
                payload = Files.readString(source, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new WorldStateException(
                        "Failed to read imported world from " + source + ": " + e.getMessage(), e);
            }
            WorldForge forge = forge();
            World world = forge.importWorld(payload, newId, name);
            forge.saveWorld(world);
            print(
                    context,
                    json(),
                    world,
                    Views.worldSummary(world).with("source_path", JsonString.of(source.toString())));
            return 0;
        }
    }

    @Command(name = "fork", description = "Fork a saved world from a history entry.", mixinStandardHelpOptions = true)
    static final class Fork extends Base {
        @Parameters(description = "World id.")
        String id = "";

        @Option(names = "--history-index", defaultValue = "0", description = "History entry (default 0).")
        int historyIndex;

        @Option(names = "--name", description = "Name of the fork.")
        @Nullable
        String name;

        Fork(CliContext context) {
            super(context);
        }

        @Override
        public Integer call() {
            WorldForge forge = forge();
            World fork = forge.forkWorld(id, historyIndex, name);
            forge.saveWorld(fork);
            print(
                    context,
                    json(),
                    fork,
                    Views.worldSummary(fork)
                            .with("source_world_id", JsonString.of(id.strip()))
                            .with("history_index", JsonInt.of(historyIndex)));
            return 0;
        }
    }

    @Command(name = "delete", description = "Delete a saved world.", mixinStandardHelpOptions = true)
    static final class Delete extends Base {
        @Parameters(description = "World id.")
        String id = "";

        Delete(CliContext context) {
            super(context);
        }

        @Override
        public Integer call() {
            String deleted = forge().deleteWorld(id);
            if (json()) {
                context.printJson(JsonObject.builder()
                        .put("world_id", JsonString.of(deleted))
                        .put("deleted", JsonBool.TRUE)
                        .put("state_dir", JsonString.of(stateDir))
                        .build());
            } else {
                context.println("# Deleted World: " + deleted + "\n\n- state_dir: " + stateDir + "\n- deleted: true");
            }
            return 0;
        }
    }
}
