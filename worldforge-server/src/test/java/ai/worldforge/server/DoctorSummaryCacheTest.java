package ai.worldforge.server;

import static org.assertj.core.api.Assertions.assertThat;

import ai.worldforge.WorldForge;
import ai.worldforge.json.Json;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DoctorSummaryCacheTest {
    @TempDir
    Path stateDir;

    @Test
    void theSummaryIsReusedWithinTheTtlWhileReadinessStaysFresh() {
        TestProvider provider = new TestProvider("switchable");
        WorldForge forge = WorldForge.builder().stateDir(stateDir).build();
        forge.registerProvider(provider);
        AtomicLong now = new AtomicLong(0);
        DoctorSummaryCache cache = new DoctorSummaryCache(forge, Duration.ofSeconds(1), now::get);

        JsonObject first = cache.get();
        int callsAfterFirst = provider.healthCalls.get();
        provider.healthy.set(false);
        now.set(Duration.ofMillis(999).toNanos());
        assertThat(cache.get()).isSameAs(first);
        assertThat(provider.healthCalls.get()).isEqualTo(callsAfterFirst);

        // The readiness status reads the provider's health now, whatever the cached summary says.
        JsonObject snapshot = ServicePayloads.readinessSnapshot(forge, "switchable", cache.get());
        assertThat(snapshot.get("status")).isEqualTo(JsonString.of("provider_unhealthy"));
        assertThat(snapshot.get("traffic")).isEqualTo(JsonString.of("drain"));

        now.set(Duration.ofMillis(1000).toNanos());
        JsonObject refreshed = cache.get();
        assertThat(Json.write(refreshed.get("issue_count"))).isEqualTo("1");
        assertThat(Json.write(first.get("issue_count"))).isEqualTo("0");
    }

    @Test
    void aZeroTtlRecomputesEveryTime() {
        WorldForge forge = WorldForge.builder().stateDir(stateDir).build();
        DoctorSummaryCache cache = new DoctorSummaryCache(forge, Duration.ZERO, () -> 0L);

        assertThat(cache.get()).isNotSameAs(cache.get()).isEqualTo(cache.get());
    }
}
