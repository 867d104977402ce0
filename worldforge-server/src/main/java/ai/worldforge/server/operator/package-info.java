/**
 * The robotics operator-review reference host ({@code bin/worldforge-operator-review}): an offline
 * policy-plus-score review that preserves action chunks, scores, a dry-run replay, the operator's
 * approval and checklist, and provider events in a run workspace. Robot controller execution is
 * refused unless the embedding host supplies a controller hook, approval and every checklist item.
 * See {@link ai.worldforge.server.operator.OperatorReview} and {@code
 * docs/robotics-operator-host.md}.
 */
@NullMarked
package ai.worldforge.server.operator;

import org.jspecify.annotations.NullMarked;
