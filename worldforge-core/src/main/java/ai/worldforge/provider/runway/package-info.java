/**
 * The {@code runway} provider: Runway image-to-video and video-to-video over HTTP (task creation,
 * polling, destination-guarded artifact download), built on {@link ai.worldforge.provider.http}.
 */
@NullMarked
package ai.worldforge.provider.runway;

import org.jspecify.annotations.NullMarked;
