package ai.worldforge.cli;

import ai.worldforge.World;
import ai.worldforge.internal.PyFormat;
import ai.worldforge.json.JsonBool;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.model.Action;
import ai.worldforge.model.HistoryEntry;
import ai.worldforge.model.SceneObject;
import java.util.List;

/** JSON and Markdown renderings shared by the world commands, with the reference's key names. */
final class Views {
    private Views() {}

    static JsonObject worldSummary(World world) {
        return JsonObject.builder()
                .put("id", JsonString.of(world.id()))
                .put("name", JsonString.of(world.name()))
                .put("provider", JsonString.of(world.provider()))
                .put("description", JsonString.of(world.description()))
                .put("step", JsonInt.of(world.step()))
                .put("object_count", JsonInt.of(world.objectCount()))
                .put("history_length", JsonInt.of(world.historyLength()))
                .build();
    }

    static JsonObject objectSummary(SceneObject object) {
        return JsonObject.builder()
                .put("id", JsonString.of(object.id()))
                .put("name", JsonString.of(object.name()))
                .put("position", object.position().toJson())
                .put("bbox", object.bbox().toJson())
                .put("is_graspable", JsonBool.of(object.graspable()))
                .put("metadata", object.metadata())
                .build();
    }

    static String worldBlock(World world) {
        StringBuilder out = new StringBuilder("# World ").append(world.id()).append("\n\n");
        out.append("- name: ").append(world.name()).append('\n');
        out.append("- provider: ").append(world.provider()).append('\n');
        out.append("- step: ").append(world.step()).append('\n');
        out.append("- objects: ").append(world.objectCount()).append('\n');
        out.append("- history: ").append(world.historyLength());
        if (!world.description().isEmpty()) {
            out.append("\n- description: ").append(world.description());
        }
        return out.toString();
    }

    /** {@code # World Objects: <id>} and the objects table. */
    static String objectsTable(String worldId, List<SceneObject> objects) {
        StringBuilder out = new StringBuilder("# World Objects: ")
                .append(worldId)
                .append("\n\n| id | name | x | y | z | graspable |\n| --- | --- | ---: | ---: | ---: | --- |");
        for (SceneObject o : objects) {
            out.append("\n| `")
                    .append(o.id())
                    .append("` | ")
                    .append(o.name())
                    .append(" | ")
                    .append(PyFormat.fixed(o.position().x(), 3))
                    .append(" | ")
                    .append(PyFormat.fixed(o.position().y(), 3))
                    .append(" | ")
                    .append(PyFormat.fixed(o.position().z(), 3))
                    .append(" | ")
                    .append(o.graspable() ? "True" : "False")
                    .append(" |");
        }
        return out.toString();
    }

    /** {@code # WorldForge Worlds} and one row per world. */
    static String worldTable(List<World> worlds) {
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
        return out.toString();
    }

    /** {@code # World History: <id>} and one row per entry (the action column shows its type). */
    static String historyTable(String worldId, List<HistoryEntry> history) {
        StringBuilder out = new StringBuilder("# World History: ")
                .append(worldId)
                .append("\n\n| step | summary | action | objects |\n| ---: | --- | --- | ---: |");
        for (HistoryEntry entry : history) {
            String action = entry.action().map(Action::kind).orElse("");
            out.append("\n| ")
                    .append(entry.step())
                    .append(" | ")
                    .append(entry.summary())
                    .append(" | ")
                    .append(action)
                    .append(" | ")
                    .append(entry.state().objects().size())
                    .append(" |");
        }
        return out.toString();
    }
}
