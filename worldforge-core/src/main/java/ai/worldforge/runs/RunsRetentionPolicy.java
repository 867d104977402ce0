package ai.worldforge.runs;

import ai.worldforge.error.WorldForgeException;
import ai.worldforge.internal.PyStrings;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonBool;
import ai.worldforge.json.JsonFloat;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonNull;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Retention policy for preserved run workspaces: delete runs older than {@code maxAgeDays}, always
 * keep the newest {@code keepLatest} (within the family filter), and only consider the run kinds
 * in {@code families} (all kinds when empty).
 *
 * @param maxAgeDays age limit in days (>= 0; 0 forces deletion outside the keep window)
 * @param keepLatest number of newest runs always kept (>= 0)
 * @param families run kinds the policy applies to; stripped, non-blank
 */
public record RunsRetentionPolicy(int maxAgeDays, int keepLatest, List<String> families) {
    /** The defaults: 30 days, keep 10, every family. */
    public static final RunsRetentionPolicy DEFAULT = new RunsRetentionPolicy(30, 10, List.of());

    /** Validates with the reference's messages and strips the families. */
    public RunsRetentionPolicy {
        if (maxAgeDays < 0) {
            throw new WorldForgeException("max_age_days must be a non-negative integer.");
        }
        if (keepLatest < 0) {
            throw new WorldForgeException("keep_latest must be a non-negative integer.");
        }
        List<String> cleaned = new ArrayList<>();
        for (String family : families) {
            if (family == null || PyStrings.strip(family).isEmpty()) {
                throw new WorldForgeException("families entries must be non-empty strings.");
            }
            cleaned.add(PyStrings.strip(family));
        }
        families = List.copyOf(cleaned);
    }

    /** {@code {max_age_days, keep_latest, families}}. */
    public JsonObject toJson() {
        return JsonObject.builder()
                .put("max_age_days", JsonInt.of(maxAgeDays))
                .put("keep_latest", JsonInt.of(keepLatest))
                .put(
                        "families",
                        JsonArray.copyOf(families.stream().map(JsonString::of).toList()))
                .build();
    }

    /**
     * Parses a {@code runs_retention} block: {@code max_age_days} and {@code keep_latest} (integers,
     * not booleans; defaults 30 and 10) and {@code families} (an array of strings).
     *
     * @throws WorldForgeException with the reference's messages ({@code runs_retention must be a
     *     JSON object.}, {@code runs_retention has unsupported keys: a, b.}, {@code
     *     runs_retention.<field> must be an integer; got str.}, {@code runs_retention.families must
     *     be an array.}, {@code runs_retention.families[i] must be a string; got int.})
     */
    public static RunsRetentionPolicy parse(JsonValue payload) {
        if (!(payload instanceof JsonObject block)) {
            throw new WorldForgeException("runs_retention must be a JSON object.");
        }
        Set<String> unknown = new TreeSet<>(block.keys());
        unknown.removeAll(Set.of("max_age_days", "keep_latest", "families"));
        if (!unknown.isEmpty()) {
            throw new WorldForgeException("runs_retention has unsupported keys: " + String.join(", ", unknown) + ".");
        }
        int maxAgeDays = retentionInt(block.get("max_age_days"), "max_age_days", 30);
        int keepLatest = retentionInt(block.get("keep_latest"), "keep_latest", 10);
        JsonValue familiesRaw = block.get("families");
        List<String> families = new ArrayList<>();
        if (familiesRaw != null) {
            if (!(familiesRaw instanceof JsonArray items)) {
                throw new WorldForgeException("runs_retention.families must be an array.");
            }
            for (int i = 0; i < items.size(); i++) {
                if (!(items.get(i) instanceof JsonString family)) {
                    throw new WorldForgeException("runs_retention.families[" + i + "] must be a string; got "
                            + pythonTypeName(items.get(i)) + ".");
                }
                families.add(family.value());
            }
        }
        return new RunsRetentionPolicy(maxAgeDays, keepLatest, families);
    }

    private static int retentionInt(JsonValue value, String name, int fallback) {
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof JsonInt number)) {
            throw new WorldForgeException(
                    "runs_retention." + name + " must be an integer; got " + pythonTypeName(value) + ".");
        }
        if (!number.fitsLong() || number.longValue() > Integer.MAX_VALUE || number.longValue() < Integer.MIN_VALUE) {
            throw new WorldForgeException("runs_retention." + name + " is out of range.");
        }
        return (int) number.longValue();
    }

    /** Python {@code type(value).__name__} of a decoded JSON value. */
    static String pythonTypeName(JsonValue value) {
        if (value instanceof JsonString) {
            return "str";
        }
        if (value instanceof JsonBool) {
            return "bool";
        }
        if (value instanceof JsonInt) {
            return "int";
        }
        if (value instanceof JsonFloat) {
            return "float";
        }
        if (value instanceof JsonNull) {
            return "NoneType";
        }
        if (value instanceof JsonArray) {
            return "list";
        }
        return "dict";
    }
}
