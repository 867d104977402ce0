/** Planning: turning goals into actions. */
@NullMarked
package ai.worldforge.plan;

import org.jspecify.annotations.NullMarked;
