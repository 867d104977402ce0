package ai.worldforge.negotiation;

/** How ready one candidate provider is to serve one capability, with the reference's wire names. */
public enum Readiness {
    /** Registered, configured and healthy: it can serve the capability now. */
    READY("ready"),
    /** Required configuration (environment variables) is missing. */
    MISSING_CONFIG("missing-config"),
    /** Configured but its health check fails (a runtime dependency is missing or down). */
    MISSING_DEPENDENCY("missing-dependency"),
    /** The provider does not advertise the capability. */
    UNSUPPORTED("unsupported"),
    /** Known (in the catalog) but not registered on this forge. */
    NOT_REGISTERED("not-registered");

    private final String wireName;

    Readiness(String wireName) {
        this.wireName = wireName;
    }

    /** The name used in JSON and Markdown ({@code missing-config}, …). */
    public String wireName() {
        return wireName;
    }

    @Override
    public String toString() {
        return wireName;
    }
}
