package ai.worldforge.routing;

/** The outcome of one step of a routing chain, with the reference's wire names. */
public enum RoutingStatus {
    /** The provider was invoked and returned; the chain stopped here. */
    SUCCEEDED("succeeded"),
    /** The provider was invoked and threw; the chain went on. */
    FAILED("failed"),
    /** The provider is not registered on the forge; it was not invoked. */
    SKIPPED_NOT_REGISTERED("skipped-not-registered"),
    /** The provider does not advertise the capability; it was not invoked. */
    SKIPPED_INCOMPATIBLE("skipped-incompatible");

    private final String wireName;

    RoutingStatus(String wireName) {
        this.wireName = wireName;
    }

    /** The name used in JSON ({@code skipped-not-registered}, …). */
    public String wireName() {
        return wireName;
    }

    /** Whether the provider was skipped before being invoked. */
    public boolean skipped() {
        return this == SKIPPED_NOT_REGISTERED || this == SKIPPED_INCOMPATIBLE;
    }

    @Override
    public String toString() {
        return wireName;
    }
}
