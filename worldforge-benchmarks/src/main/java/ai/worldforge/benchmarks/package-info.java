/** JMH benchmarks of WorldForge's hot paths; run {@code java -jar worldforge-benchmarks/target/benchmarks.jar}. */
@NullMarked
package ai.worldforge.benchmarks;

import org.jspecify.annotations.NullMarked;
