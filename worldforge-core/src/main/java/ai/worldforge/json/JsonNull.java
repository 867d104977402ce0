package ai.worldforge.json;

/** JSON {@code null}. Immutable and thread-safe. */
public enum JsonNull implements JsonValue {
    /** The only instance. */
    INSTANCE;

    @Override
    public String typeName() {
        return "NoneType";
    }
}
