package ai.worldforge.cli;

import static ai.worldforge.cli.WorldCommands.DEFAULT_STATE_DIR;
import static ai.worldforge.cli.WorldCommands.STATE_DIR_HELP;
import static ai.worldforge.cli.WorldCommands.WORLD_ID_HELP;

import ai.worldforge.Prediction;
import ai.worldforge.World;
import ai.worldforge.WorldForge;
import ai.worldforge.cli.WorldCommands.Base;
import ai.worldforge.cli.WorldCommands.Format;
import ai.worldforge.error.WorldForgeException;
import ai.worldforge.internal.Ids;
import ai.worldforge.internal.PyFormat;
import ai.worldforge.json.Json;
import ai.worldforge.json.JsonBool;
import ai.worldforge.json.JsonFloat;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonSyntaxException;
import ai.worldforge.json.JsonValue;
import ai.worldforge.model.Action;
import ai.worldforge.model.BBox;
import ai.worldforge.model.Position;
import ai.worldforge.model.SceneObject;
import ai.worldforge.model.SceneObjectPatch;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;

/**
 * The {@code world} commands that change a stored world: {@code add-object}, {@code
 * update-object}, {@code remove-object} and {@code predict} (each a load-modify-save under the
 * world's write lock, {@link ai.worldforge.WorldForge#updateWorld}, so concurrent commands on one
 * world are applied one after another) and {@code delete}. Options, help and output are the
 * reference's.
 */
final class WorldEditCommands {
    private WorldEditCommands() {}

    @Command(name = "add-object", header = "Add an object to a persisted world.", mixinStandardHelpOptions = true)
    static final class AddObject extends Base {
        @Parameters(index = "0", paramLabel = "world_id", description = WORLD_ID_HELP)
        String id = "";

        @Parameters(index = "1", paramLabel = "name", description = "Object name.")
        String name = "";

        @Option(names = "--x", paramLabel = "X", required = true, description = "Object x coordinate.")
        double x;

        @Option(names = "--y", paramLabel = "Y", required = true, description = "Object y coordinate.")
        double y;

        @Option(names = "--z", paramLabel = "Z", required = true, description = "Object z coordinate.")
        double z;

        @Option(names = "--size", paramLabel = "SIZE", description = "Centered bounding-box edge length.")
        double size = 0.1;

        @Option(names = "--object-id", paramLabel = "OBJECT_ID", description = "Optional object identifier.")
        @Nullable
        String objectId;

        @Option(names = "--graspable", description = "Mark the object as graspable.")
        boolean graspable;

        @Option(
                names = "--metadata",
                paramLabel = "METADATA",
                description = "Optional JSON object stored on the scene object.")
        @Nullable
        String metadata;

        @Option(names = "--state-dir", paramLabel = "STATE_DIR", description = STATE_DIR_HELP)
        String stateDir = DEFAULT_STATE_DIR;

        @Option(names = "--format", paramLabel = "FORMAT", description = "Output format for the updated world summary.")
        Format format = Format.json;

        AddObject(CliContext context) {
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
            // Same order of checks as the reference: load, position, metadata, then the box; all
            // inside the world's write lock, so concurrent edits are applied one after another.
            SceneObject[] added = new SceneObject[1];
            World world = forge().updateWorld(id, loaded -> {
                Position at = new Position(x, y, z);
                JsonObject meta = metadata == null || metadata.isEmpty() ? JsonObject.EMPTY : jsonObject(metadata);
                if (!Double.isFinite(size) || size <= 0) {
                    throw new WorldForgeException("--size must be a finite number greater than 0.");
                }
                SceneObject object = new SceneObject(
                        objectId == null || objectId.isEmpty() ? Ids.generate("obj") : objectId,
                        name,
                        at,
                        BBox.around(at, size / 2.0),
                        graspable,
                        meta);
                added[0] = loaded.addObject(object);
            });
            if (json()) {
                context.printJson(
                        JsonObject.of("world", Views.worldSummary(world), "object", Views.objectSummary(added[0])));
            } else {
                context.println(Views.worldBlock(world) + "\n\n" + Views.objectsTable(world.id(), List.of(added[0])));
            }
            return 0;
        }

        private static JsonObject jsonObject(String text) {
            JsonValue parsed;
            try {
                parsed = Json.parse(text);
            } catch (JsonSyntaxException e) {
                throw new WorldForgeException("--metadata must be valid JSON: " + e.getMessage(), e);
            }
            if (!(parsed instanceof JsonObject object)) {
                throw new WorldForgeException("--metadata must decode to a JSON object.");
            }
            return object;
        }
    }

    @Command(name = "update-object", header = "Patch an object in a persisted world.", mixinStandardHelpOptions = true)
    static final class UpdateObject extends Base {
        @Parameters(index = "0", paramLabel = "world_id", description = WORLD_ID_HELP)
        String id = "";

        @Parameters(index = "1", paramLabel = "object_id", description = "Scene object identifier.")
        String objectId = "";

        @Option(names = "--name", paramLabel = "NAME", description = "Replacement object name.")
        @Nullable
        String name;

        @Option(names = "--x", paramLabel = "X", description = "Replacement x coordinate.")
        @Nullable
        Double x;

        @Option(names = "--y", paramLabel = "Y", description = "Replacement y coordinate.")
        @Nullable
        Double y;

        @Option(names = "--z", paramLabel = "Z", description = "Replacement z coordinate.")
        @Nullable
        Double z;

        @Option(
                names = "--graspable",
                paramLabel = "GRASPABLE",
                arity = "1",
                completionCandidates = TrueFalse.class,
                converter = TrueFalse.class,
                description = "Replacement graspable flag.")
        @Nullable
        Boolean graspable;

        @Option(names = "--state-dir", paramLabel = "STATE_DIR", description = STATE_DIR_HELP)
        String stateDir = DEFAULT_STATE_DIR;

        @Option(names = "--format", paramLabel = "FORMAT", description = "Output format for the updated object.")
        Format format = Format.json;

        UpdateObject(CliContext context) {
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
            SceneObject[] updated = new SceneObject[1];
            World world = forge().updateWorld(id, loaded -> updated[0] = loaded.updateObject(objectId, patch()));
            if (json()) {
                context.printJson(
                        JsonObject.of("world", Views.worldSummary(world), "object", Views.objectSummary(updated[0])));
            } else {
                context.println(Views.objectsTable(world.id(), List.of(updated[0])));
            }
            return 0;
        }

        /** The patch the options ask for, checked in the reference's order (after the world loaded). */
        private SceneObjectPatch patch() {
            SceneObjectPatch.Builder patch = SceneObjectPatch.builder();
            boolean hasUpdate = false;
            if (name != null) {
                patch.name(name);
                hasUpdate = true;
            }
            if (x != null || y != null || z != null) {
                if (x == null || y == null || z == null) {
                    throw new WorldForgeException("Position updates require --x, --y, and --z together.");
                }
                patch.position(new Position(x, y, z));
                hasUpdate = true;
            }
            if (graspable != null) {
                patch.graspable(graspable);
                hasUpdate = true;
            }
            if (!hasUpdate) {
                throw new WorldForgeException(
                        "update-object requires at least one of --name, --x/--y/--z, or --graspable.");
            }
            return patch.build();
        }
    }

    /**
     * The {@code true|false} choices of {@code update-object --graspable}: exactly these two
     * lower-case words, like the reference's {@code choices=("true", "false")}.
     */
    static final class TrueFalse implements Iterable<String>, ITypeConverter<Boolean> {
        private static final List<String> CHOICES = List.of("true", "false");

        @Override
        public java.util.Iterator<String> iterator() {
            return CHOICES.iterator();
        }

        @Override
        public Boolean convert(String value) {
            if (!CHOICES.contains(value)) {
                throw new TypeConversionException("invalid choice: '" + value + "'");
            }
            return value.equals("true");
        }
    }

    @Command(
            name = "remove-object",
            header = "Remove an object from a persisted world.",
            mixinStandardHelpOptions = true)
    static final class RemoveObject extends Base {
        @Parameters(index = "0", paramLabel = "world_id", description = WORLD_ID_HELP)
        String id = "";

        @Parameters(index = "1", paramLabel = "object_id", description = "Scene object identifier.")
        String objectId = "";

        @Option(names = "--state-dir", paramLabel = "STATE_DIR", description = STATE_DIR_HELP)
        String stateDir = DEFAULT_STATE_DIR;

        @Option(names = "--format", paramLabel = "FORMAT", description = "Output format for the removed object.")
        Format format = Format.json;

        RemoveObject(CliContext context) {
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
            SceneObject[] removed = new SceneObject[1];
            World world = forge().updateWorld(
                            id,
                            loaded -> removed[0] = loaded.removeObject(objectId)
                                    .orElseThrow(() -> new WorldForgeException("Object '" + objectId
                                            + "' is not present in world '" + loaded.id() + "'.")));
            if (json()) {
                context.printJson(JsonObject.of(
                        "world", Views.worldSummary(world), "removed_object", Views.objectSummary(removed[0])));
            } else {
                context.println(Views.worldBlock(world) + "\n\n" + Views.objectsTable(world.id(), List.of(removed[0])));
            }
            return 0;
        }
    }

    @Command(name = "delete", header = "Delete a persisted world.", mixinStandardHelpOptions = true)
    static final class Delete extends Base {
        @Parameters(paramLabel = "world_id", description = WORLD_ID_HELP)
        String id = "";

        @Option(names = "--state-dir", paramLabel = "STATE_DIR", description = STATE_DIR_HELP)
        String stateDir = DEFAULT_STATE_DIR;

        @Option(names = "--format", paramLabel = "FORMAT", description = "Output format for the deletion result.")
        Format format = Format.json;

        Delete(CliContext context) {
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

    @Command(
            name = "predict",
            header = "Predict and save the next state for a persisted world.",
            mixinStandardHelpOptions = true)
    static final class Predict extends Base {
        @Parameters(paramLabel = "world_id", description = WORLD_ID_HELP)
        String id = "";

        @Option(
                names = "--provider",
                paramLabel = "PROVIDER",
                description = "Provider name. Defaults to the world's provider.")
        @Nullable
        String provider;

        @Option(names = "--x", paramLabel = "X", required = true, description = "Target x coordinate.")
        double x;

        @Option(names = "--y", paramLabel = "Y", required = true, description = "Target y coordinate.")
        double y;

        @Option(names = "--z", paramLabel = "Z", required = true, description = "Target z coordinate.")
        double z;

        @Option(names = "--speed", paramLabel = "SPEED", description = "Action speed.")
        double speed = 1.0;

        @Option(names = "--object-id", paramLabel = "OBJECT_ID", description = "Optional object id to move.")
        @Nullable
        String objectId;

        @Option(names = "--steps", paramLabel = "STEPS", description = "Prediction horizon in steps.")
        int steps = 1;

        @Option(names = "--dry-run", description = "Run prediction without saving the updated world.")
        boolean dryRun;

        @Option(names = "--state-dir", paramLabel = "STATE_DIR", description = STATE_DIR_HELP)
        String stateDir = DEFAULT_STATE_DIR;

        @Option(names = "--format", paramLabel = "FORMAT", description = "Output format for the prediction result.")
        Format format = Format.json;

        Predict(CliContext context) {
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
            Prediction[] predicted = new Prediction[1];
            java.util.function.Consumer<World> predict = loaded -> {
                Action action = Action.moveTo(x, y, z, speed, objectId == null || objectId.isEmpty() ? null : objectId);
                predicted[0] = loaded.predict(action, steps, provider);
            };
            World world;
            if (dryRun) {
                world = forge.loadWorld(id);
                predict.accept(world);
            } else {
                world = forge.updateWorld(id, predict);
            }
            Prediction prediction = predicted[0];
            if (json()) {
                context.printJson(JsonObject.builder()
                        .put("world_id", JsonString.of(world.id()))
                        .put("saved", JsonBool.of(!dryRun))
                        .put("provider", JsonString.of(prediction.provider()))
                        .put("physics_score", JsonFloat.of(prediction.physicsScore()))
                        .put("confidence", JsonFloat.of(prediction.confidence()))
                        .put("metadata", prediction.metadata())
                        .put("world", Views.worldSummary(world))
                        .put("world_state", prediction.worldState().toJson())
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
}
