/** Implementation details shared inside core; not a public API. */
@NullMarked
package ai.worldforge.internal;

import org.jspecify.annotations.NullMarked;
