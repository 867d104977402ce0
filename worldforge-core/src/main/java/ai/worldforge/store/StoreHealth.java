package ai.worldforge.store;

import ai.worldforge.json.JsonBool;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import java.util.Objects;

/**
 * Result of a store health check. Immutable and thread-safe.
 *
 * @param healthy whether the store can read and write
 * @param location where the store keeps worlds
 * @param worldCount number of stored worlds, or -1 when unknown
 * @param details human-readable details
 */
public record StoreHealth(boolean healthy, String location, long worldCount, String details) {
    /** Validates presence. */
    public StoreHealth {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(details, "details");
    }

    /** {@code {healthy, location, world_count, details}}. */
    public JsonObject toJson() {
        return JsonObject.builder()
                .put("healthy", JsonBool.of(healthy))
                .put("location", JsonString.of(location))
                .put("world_count", JsonInt.of(worldCount))
                .put("details", JsonString.of(details))
                .build();
    }
}
