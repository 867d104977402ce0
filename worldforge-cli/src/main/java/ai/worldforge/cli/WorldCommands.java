package ai.worldforge.cli;

import ai.worldforge.World;
import ai.worldforge.WorldForge;
import ai.worldforge.json.Json;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonNull;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
import ai.worldforge.model.HistoryEntry;
import ai.worldforge.model.SceneObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code world …}: local JSON worlds, with the reference's options, help strings, JSON keys and
 * Markdown. This file has the group, the shared base and the commands that list, create and show
 * worlds; {@link WorldEditCommands} change stored worlds and {@link WorldTransferCommands} export,
 * import and fork them. Options are declared in each command, in the reference's order, because that order is
 * the order of the usage line and help.
 */
final class WorldCommands {
    private WorldCommands() {}

    static final String DEFAULT_STATE_DIR = ".worldforge/worlds";
    static final String STATE_DIR_HELP = "World state directory.";
    static final String WORLD_ID_HELP = "World identifier.";

    @Command(
            name = "world",
            header = "Manage persisted local JSON worlds.",
            synopsisSubcommandLabel = "command",
            mixinStandardHelpOptions = true)
    static final class WorldGroup extends Group {}

    /** Output formats of the world commands. */
    enum Format {
        json,
        markdown
    }

    /** What every world command has: the context, a state directory and (mostly) a format. */
    abstract static class Base implements Callable<Integer> {
        final CliContext context;

        Base(CliContext context) {
            this.context = context;
        }

        abstract String stateDir();

        Format format() {
            return Format.json;
        }

        WorldForge forge() {
            return context.forge(stateDir());
        }

        boolean json() {
            return format() == Format.json;
        }

        /** Prints {@code payload} as JSON, or the world summary block as Markdown. */
        void print(World world, JsonObject payload) {
            if (json()) {
                context.printJson(payload);
            } else {
                context.println(Views.worldBlock(world));
            }
        }
    }

    @Command(name = "list", header = "List persisted worlds.", mixinStandardHelpOptions = true)
    static final class ListWorlds extends Base {
        @Option(names = "--state-dir", paramLabel = "STATE_DIR", description = STATE_DIR_HELP)
        String stateDir = DEFAULT_STATE_DIR;

        @Option(names = "--format", paramLabel = "FORMAT", description = "Output format for persisted world summaries.")
        Format format = Format.json;

        ListWorlds(CliContext context) {
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
            List<World> worlds = new ArrayList<>();
            for (String id : forge.listWorlds()) {
                worlds.add(forge.loadWorld(id));
            }
            if (json()) {
                List<JsonValue> out = new ArrayList<>();
                worlds.forEach(w -> out.add(Views.worldSummary(w)));
                context.printJson(JsonArray.copyOf(out));
            } else {
                context.println(Views.worldTable(worlds));
            }
            return 0;
        }
    }

    @Command(name = "create", header = "Create and save a world.", mixinStandardHelpOptions = true)
    static final class Create extends Base {
        @Parameters(paramLabel = "name", description = "World name.")
        String name = "";

        @Option(names = "--provider", paramLabel = "PROVIDER", description = "Provider name.")
        String provider = "mock";

        @Option(
                names = "--prompt",
                paramLabel = "PROMPT",
                description = "Optional prompt used to seed the world with deterministic checkout-safe objects.")
        @Nullable
        String prompt;

        @Option(names = "--description", paramLabel = "DESCRIPTION", description = "Optional world description.")
        String description = "";

        @Option(names = "--state-dir", paramLabel = "STATE_DIR", description = STATE_DIR_HELP)
        String stateDir = DEFAULT_STATE_DIR;

        @Option(names = "--format", paramLabel = "FORMAT", description = "Output format for the saved world summary.")
        Format format = Format.json;

        Create(CliContext context) {
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
            World world;
            if (prompt != null && !prompt.isEmpty()) {
                world = forge.createWorldFromPrompt(prompt, provider, name);
                if (!description.isEmpty()) {
                    world.setDescription(description);
                }
            } else {
                world = forge.createWorld(name, provider, description);
            }
            forge.saveWorld(world);
            print(world, Views.worldSummary(world));
            return 0;
        }
    }

    @Command(name = "show", header = "Show a persisted world.", mixinStandardHelpOptions = true)
    static final class Show extends Base {
        @Parameters(paramLabel = "world_id", description = WORLD_ID_HELP)
        String id = "";

        @Option(names = "--state-dir", paramLabel = "STATE_DIR", description = STATE_DIR_HELP)
        String stateDir = DEFAULT_STATE_DIR;

        @Option(names = "--format", paramLabel = "FORMAT", description = "Output format for the world.")
        Format format = Format.json;

        Show(CliContext context) {
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
            World world = forge().loadWorld(id);
            print(world, world.toJson());
            return 0;
        }
    }

    @Command(name = "history", header = "Show persisted world history.", mixinStandardHelpOptions = true)
    static final class History extends Base {
        @Parameters(paramLabel = "world_id", description = WORLD_ID_HELP)
        String id = "";

        @Option(names = "--state-dir", paramLabel = "STATE_DIR", description = STATE_DIR_HELP)
        String stateDir = DEFAULT_STATE_DIR;

        @Option(names = "--format", paramLabel = "FORMAT", description = "Output format for history entries.")
        Format format = Format.json;

        History(CliContext context) {
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
            World world = forge().loadWorld(id);
            List<HistoryEntry> history = world.history();
            if (json()) {
                List<JsonValue> entries = new ArrayList<>(history.size());
                for (HistoryEntry entry : history) {
                    entries.add(JsonObject.builder()
                            .put("step", JsonInt.of(entry.step()))
                            .put("summary", JsonString.of(entry.summary()))
                            .put("action", entry.actionJson().map(Json::parse).orElse(JsonNull.INSTANCE))
                            .put(
                                    "object_count",
                                    JsonInt.of(entry.state().objects().size()))
                            .build());
                }
                context.printJson(
                        JsonObject.of("world_id", JsonString.of(world.id()), "history", JsonArray.copyOf(entries)));
            } else {
                context.println(Views.historyTable(world.id(), history));
            }
            return 0;
        }
    }

    @Command(name = "objects", header = "List objects in a world.", mixinStandardHelpOptions = true)
    static final class Objects extends Base {
        @Parameters(paramLabel = "world_id", description = WORLD_ID_HELP)
        String id = "";

        @Option(names = "--state-dir", paramLabel = "STATE_DIR", description = STATE_DIR_HELP)
        String stateDir = DEFAULT_STATE_DIR;

        @Option(names = "--format", paramLabel = "FORMAT", description = "Output format for scene objects.")
        Format format = Format.json;

        Objects(CliContext context) {
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
            World world = forge().loadWorld(id);
            List<SceneObject> objects = world.objects();
            if (json()) {
                List<JsonValue> summaries = new ArrayList<>(objects.size());
                objects.forEach(o -> summaries.add(Views.objectSummary(o)));
                context.printJson(
                        JsonObject.of("world_id", JsonString.of(world.id()), "objects", JsonArray.copyOf(summaries)));
            } else {
                context.println(Views.objectsTable(world.id(), objects));
            }
            return 0;
        }
    }
}
