package ai.worldforge.server;

import ai.worldforge.error.ProviderException;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.model.GenerationOptions;
import ai.worldforge.model.VideoClip;
import ai.worldforge.provider.BaseProvider;
import ai.worldforge.provider.Capability;
import ai.worldforge.provider.Environment;
import ai.worldforge.provider.ProviderCapabilities;
import ai.worldforge.provider.ProviderHealth;
import ai.worldforge.provider.ProviderProfile;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * A host-injected generate provider whose health the test switches, and whose generate call
 * reacts to the prompt: {@code sleep:<ms>} sleeps (interruptibly), {@code spin:<ms>} busy-waits
 * ignoring interrupts, {@code secret} fails with a
 * secret in the message, {@code crash} throws a non-WorldForge exception, and {@code oom}, {@code
 * stack-overflow} and {@code linkage} throw the {@code Error} they name (with a secret in the
 * message).
 */
final class TestProvider extends BaseProvider {
    final AtomicBoolean healthy = new AtomicBoolean(true);
    final CountDownLatch started = new CountDownLatch(1);
    volatile boolean interrupted;
    final java.util.concurrent.atomic.AtomicInteger healthCalls = new java.util.concurrent.atomic.AtomicInteger();

    TestProvider(String name) {
        super(
                ProviderProfile.builder(name)
                        .capabilities(ProviderCapabilities.of(Capability.GENERATE))
                        .build(),
                Environment.empty(),
                null);
    }

    @Override
    public ProviderHealth health() {
        healthCalls.incrementAndGet();
        return healthy.get()
                ? new ProviderHealth(name(), true, 0.0, "configured")
                : new ProviderHealth(name(), false, 0.0, "upstream unreachable");
    }

    @Override
    public VideoClip generate(String prompt, double durationSeconds, @Nullable GenerationOptions options) {
        started.countDown();
        if (prompt.startsWith("sleep:")) {
            try {
                Thread.sleep(Long.parseLong(prompt.substring("sleep:".length())));
            } catch (InterruptedException e) {
                interrupted = true;
                Thread.currentThread().interrupt();
                throw new ProviderException("generation interrupted", e);
            }
        } else if (prompt.startsWith("spin:")) {
            // Busy, and deaf to interrupts: holds its worker for the whole time.
            long until = System.nanoTime() + Long.parseLong(prompt.substring("spin:".length())) * 1_000_000L;
            while (System.nanoTime() < until) {
                Thread.onSpinWait();
            }
        } else if (prompt.equals("secret")) {
            throw new ProviderException("upstream rejected token=super-secret-value");
        } else if (prompt.equals("crash")) {
            throw new IllegalStateException("internal detail api_key=abc123");
        } else if (prompt.equals("oom")) {
            throw new OutOfMemoryError("Java heap space token=secret-detail");
        } else if (prompt.equals("stack-overflow")) {
            throw new StackOverflowError("deep token=secret-detail");
        } else if (prompt.equals("linkage")) {
            throw new NoClassDefFoundError("missing token=secret-detail");
        }
        return new VideoClip(
                List.of(new byte[] {1}),
                4.0,
                32,
                16,
                durationSeconds,
                JsonObject.of("provider", JsonString.of(name())));
    }
}
