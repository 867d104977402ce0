/**
 * Evidence of live provider smokes against host-owned endpoints ({@link
 * ai.worldforge.smoke.LiveSmokeManifest}, the reference's {@code smoke/run_manifest.py}): a
 * value-free, redacted {@code run_manifest.json} that can be attached to an issue. The smokes
 * themselves are the CLI's {@code worldforge smoke …} commands; they are the live path and never
 * run in CI.
 */
@NullMarked
package ai.worldforge.smoke;

import org.jspecify.annotations.NullMarked;
