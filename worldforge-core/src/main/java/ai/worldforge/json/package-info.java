/** Immutable JSON values and the canonical codec (sorted keys, ASCII escapes, Python float text). */
@NullMarked
package ai.worldforge.json;

import org.jspecify.annotations.NullMarked;
