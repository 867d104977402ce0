/** Provider events and the redaction rules applied before an event leaves the process. */
@NullMarked
package ai.worldforge.event;

import org.jspecify.annotations.NullMarked;
