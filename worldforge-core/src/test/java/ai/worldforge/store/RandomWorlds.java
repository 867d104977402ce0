package ai.worldforge.store;

import ai.worldforge.World;
import ai.worldforge.WorldForge;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonBool;
import ai.worldforge.json.JsonFloat;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonNull;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
import ai.worldforge.model.Action;
import ai.worldforge.model.BBox;
import ai.worldforge.model.Position;
import ai.worldforge.model.SceneObject;
import ai.worldforge.model.SceneObjectPatch;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Seeded generators of valid worlds for property tests. */
final class RandomWorlds {
    private static final String[] NAMES = {"cube", "mug ☕", "Démo", "block\t2", "ball", "tab\"le", "盒子", "x"};

    private RandomWorlds() {}

    static double coordinate(SplittableRandom random) {
        return switch (random.nextInt(6)) {
            case 0 -> random.nextInt(-5, 6);
            case 1 -> random.nextDouble(-10, 10);
            case 2 -> random.nextDouble() * 1e-6;
            case 3 -> random.nextDouble() * 1e17;
            case 4 -> Math.round(random.nextDouble(-3, 3) * 100) / 100.0;
            default -> Double.longBitsToDouble(random.nextLong()) % 1e6;
        };
    }

    static Position position(SplittableRandom random) {
        double x = coordinate(random);
        double y = coordinate(random);
        double z = coordinate(random);
        return new Position(Double.isFinite(x) ? x : 0, Double.isFinite(y) ? y : 0, Double.isFinite(z) ? z : 0);
    }

    static JsonValue json(SplittableRandom random, int depth) {
        int kind = random.nextInt(depth > 2 ? 5 : 7);
        return switch (kind) {
            case 0 -> JsonString.of(NAMES[random.nextInt(NAMES.length)]);
            case 1 -> JsonInt.of(random.nextLong(-1_000_000, 1_000_000));
            case 2 -> JsonFloat.of(coordinate(random));
            case 3 -> JsonBool.of(random.nextBoolean());
            case 4 -> JsonNull.INSTANCE;
            case 5 -> {
                List<JsonValue> items = new ArrayList<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    items.add(json(random, depth + 1));
                }
                yield JsonArray.copyOf(items);
            }
            default -> {
                JsonObject.Builder members = JsonObject.builder();
                for (int i = random.nextInt(4); i > 0; i--) {
                    members.put(NAMES[random.nextInt(NAMES.length)] + i, json(random, depth + 1));
                }
                yield members.build();
            }
        };
    }

    static SceneObject object(SplittableRandom random, int index) {
        Position at = position(random);
        JsonObject metadata = random.nextBoolean() ? JsonObject.EMPTY : (JsonObject) objectJson(random);
        return new SceneObject(
                "obj-" + index,
                NAMES[random.nextInt(NAMES.length)],
                at,
                BBox.around(at, 0.05),
                random.nextBoolean(),
                metadata);
    }

    private static JsonValue objectJson(SplittableRandom random) {
        JsonObject.Builder members = JsonObject.builder();
        for (int i = random.nextInt(1, 4); i > 0; i--) {
            members.put("k" + i, json(random, 1));
        }
        return members.build();
    }

    /** A world built by a random sequence of object edits and mock predictions. */
    static World world(WorldForge forge, SplittableRandom random) {
        World.Builder builder = forge.newWorld(NAMES[random.nextInt(NAMES.length)])
                .description(random.nextBoolean() ? "" : "desc ✓ " + random.nextInt(100));
        if (random.nextInt(4) == 0) {
            builder.maxHistory(random.nextInt(1, 5));
        }
        World world = builder.build();
        int operations = random.nextInt(0, 12);
        int next = 0;
        for (int i = 0; i < operations; i++) {
            List<SceneObject> objects = world.objects();
            switch (random.nextInt(5)) {
                case 0, 1 -> world.addObject(object(random, next++));
                case 2 -> {
                    if (!objects.isEmpty()) {
                        SceneObject target = objects.get(random.nextInt(objects.size()));
                        world.updateObject(
                                target.id(),
                                SceneObjectPatch.builder()
                                        .position(position(random))
                                        .graspable(random.nextBoolean())
                                        .build());
                    }
                }
                case 3 -> {
                    if (!objects.isEmpty()) {
                        world.removeObject(
                                objects.get(random.nextInt(objects.size())).id());
                    }
                }
                default ->
                    world.predict(
                            random.nextBoolean() ? Action.moveTo(position(random), null) : Action.noop(),
                            random.nextInt(1, 3),
                            null);
            }
        }
        return world;
    }
}
