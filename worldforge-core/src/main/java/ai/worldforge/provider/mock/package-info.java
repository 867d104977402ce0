/** The deterministic {@code mock} provider used by examples, tests and contract checks. */
@NullMarked
package ai.worldforge.provider.mock;

import org.jspecify.annotations.NullMarked;
