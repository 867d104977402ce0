package ai.worldforge.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import ai.worldforge.World;
import ai.worldforge.WorldForge;
import ai.worldforge.error.WorldStateException;
import ai.worldforge.json.Json;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Property tests: random valid worlds survive save/load and export/import unchanged; random
 * corruptions of a valid file fail only with {@link WorldStateException}.
 */
class WorldRoundTripPropertyTest {
    @TempDir
    Path dir;

    @Test
    void randomWorldsRoundTripThroughSaveLoadAndExportImport() {
        WorldForge forge = WorldForge.builder().stateDir(dir).build();
        SplittableRandom random = new SplittableRandom(20261124L);
        for (int i = 0; i < 300; i++) {
            World world = RandomWorlds.world(forge, random);
            String expected = Json.write(world.toJson());
            String id = forge.saveWorld(world);
            World loaded = forge.loadWorld(id);
            assertThat(Json.write(loaded.toJson())).as("save/load #%d", i).isEqualTo(expected);
            assertThat(loaded.record()).isEqualTo(world.record());
            World imported = forge.importWorld(forge.exportWorld(id));
            assertThat(Json.write(imported.toJson())).as("export/import #%d", i).isEqualTo(expected);
            forge.deleteWorld(id);
        }
    }

    @Test
    void randomCorruptionsFailOnlyWithWorldStateException() throws IOException {
        WorldForge forge = WorldForge.builder().stateDir(dir).build();
        SplittableRandom random = new SplittableRandom(7L);
        int rejected = 0;
        for (int i = 0; i < 600; i++) {
            World world = RandomWorlds.world(forge, random);
            String id = forge.saveWorld(world);
            Path file = dir.resolve(id + ".json");
            String original = Files.readString(file, StandardCharsets.US_ASCII);
            String corrupted =
                    random.nextBoolean() ? textCorruption(original, random) : structuralCorruption(original, random);
            Files.writeString(file, corrupted, StandardCharsets.UTF_8);
            try {
                forge.loadWorld(id);
            } catch (WorldStateException expected) {
                rejected++;
            } catch (RuntimeException other) {
                fail("corruption #" + i + " failed with " + other + " for input " + abbreviate(corrupted), other);
            }
            forge.deleteWorld(id);
        }
        assertThat(rejected).isGreaterThan(300);
    }

    private static String abbreviate(String text) {
        return text.length() > 400 ? text.substring(0, 400) + "…" : text;
    }

    private static String textCorruption(String text, SplittableRandom random) {
        int at = random.nextInt(Math.max(1, text.length()));
        return switch (random.nextInt(4)) {
            case 0 -> text.substring(0, at);
            case 1 -> text.substring(0, at) + text.substring(Math.min(text.length(), at + random.nextInt(1, 20)));
            case 2 -> text.substring(0, at) + "\"}],{:".charAt(random.nextInt(6)) + text.substring(at);
            default -> {
                char[] chars = text.toCharArray();
                chars[at] = (char) random.nextInt(32, 127);
                yield new String(chars);
            }
        };
    }

    /** Replaces one random node of the parsed document by a random JSON value of any type. */
    private static String structuralCorruption(String text, SplittableRandom random) {
        JsonValue root = Json.parse(text);
        List<JsonValue> nodes = new ArrayList<>();
        collect(root, nodes);
        JsonValue victim = nodes.get(random.nextInt(nodes.size()));
        JsonValue replacement = RandomWorlds.json(random, 0);
        if (random.nextInt(5) == 0) {
            replacement = ai.worldforge.json.JsonFloat.of(Double.NaN);
        }
        return writeLenient(replace(root, victim, replacement));
    }

    private static void collect(JsonValue value, List<JsonValue> out) {
        out.add(value);
        if (value instanceof JsonObject o) {
            o.members().values().forEach(v -> collect(v, out));
        } else if (value instanceof JsonArray a) {
            a.forEach(v -> collect(v, out));
        }
    }

    private static JsonValue replace(JsonValue value, JsonValue victim, JsonValue replacement) {
        if (value == victim) {
            return replacement;
        }
        if (value instanceof JsonObject o) {
            JsonObject.Builder b = JsonObject.builder();
            for (Map.Entry<String, JsonValue> e : o.members().entrySet()) {
                b.put(e.getKey(), replace(e.getValue(), victim, replacement));
            }
            return b.build();
        }
        if (value instanceof JsonArray a) {
            List<JsonValue> items = new ArrayList<>();
            a.forEach(v -> items.add(replace(v, victim, replacement)));
            return JsonArray.copyOf(items);
        }
        return value;
    }

    /** Canonical JSON, except that NaN is written as the bare token Python's json module emits. */
    private static String writeLenient(JsonValue value) {
        if (value instanceof ai.worldforge.json.JsonFloat f && !f.isFinite()) {
            return "NaN";
        }
        if (value instanceof JsonObject o) {
            StringBuilder out = new StringBuilder("{");
            boolean first = true;
            for (Map.Entry<String, JsonValue> e : o.members().entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                out.append(Json.write(ai.worldforge.json.JsonString.of(e.getKey())))
                        .append(':')
                        .append(writeLenient(e.getValue()));
            }
            return out.append('}').toString();
        }
        if (value instanceof JsonArray a) {
            StringBuilder out = new StringBuilder("[");
            for (int i = 0; i < a.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                out.append(writeLenient(a.get(i)));
            }
            return out.append(']').toString();
        }
        return Json.write(value);
    }
}
