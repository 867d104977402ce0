package ai.worldforge.cli;

import ai.worldforge.runs.RunWorkspace;

/**
 * The line {@code eval} and {@code benchmark --run-workspace} print on stderr once a run is
 * preserved: {@code Preserved run <run-id> at <workspace>/runs/<run-id>} (the workspace as typed),
 * so that a script or a person can find the run without listing the workspace. Stdout keeps the
 * report alone. The reference prints nothing.
 */
final class RunNotice {
    private RunNotice() {}

    static void preserved(CliContext context, String typedWorkspace, RunWorkspace run) {
        String path = context.userPath(typedWorkspace)
                .resolve("runs")
                .resolve(run.runId())
                .toString();
        context.err.println("Preserved run " + run.runId() + " at " + path);
        context.err.flush();
    }
}
