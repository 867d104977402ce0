package ai.worldforge.plan;

/** The four planning modes and their wire names ({@code metadata.planning_mode}). */
enum PlanningMode {
    PREDICT("predict"),
    SCORE("score"),
    POLICY("policy"),
    POLICY_SCORE("policy+score");

    private final String wireName;

    PlanningMode(String wireName) {
        this.wireName = wireName;
    }

    String wireName() {
        return wireName;
    }
}
