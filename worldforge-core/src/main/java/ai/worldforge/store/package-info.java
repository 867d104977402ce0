/** World persistence: the store interface and the local JSON file store. */
@NullMarked
package ai.worldforge.store;

import org.jspecify.annotations.NullMarked;
