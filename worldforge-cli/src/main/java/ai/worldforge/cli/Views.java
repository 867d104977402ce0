package ai.worldforge.cli;

import ai.worldforge.World;
import ai.worldforge.internal.PyFormat;
import ai.worldforge.json.JsonBool;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
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

    static String objectsTable(List<SceneObject> objects) {
        StringBuilder out =
                new StringBuilder("| id | name | x | y | z | graspable |\n| --- | --- | ---: | ---: | ---: | --- |");
        for (SceneObject o : objects) {
            out.append("\n| ")
                    .append(o.id())
                    .append(" | ")
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
}
