package ai.worldforge.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.worldforge.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

/** {@link ProviderEventHandlers#compose}: the reference's composition rules plus failure isolation. */
class ProviderEventHandlersTest {
    private static final ProviderEvent EVENT = ProviderEvent.of("mock", "predict", "success", 1.5, JsonObject.EMPTY);

    @Test
    void noHandlerComposesToTheNoop() {
        assertThat(ProviderEventHandlers.compose()).isSameAs(ProviderEventHandlers.noop());
        assertThat(ProviderEventHandlers.compose(null, null)).isSameAs(ProviderEventHandlers.noop());
        assertThat(ProviderEventHandlers.compose(List.of())).isSameAs(ProviderEventHandlers.noop());
        ProviderEventHandlers.noop().handle(EVENT);
    }

    @Test
    void oneHandlerIsReturnedUnwrapped() {
        ProviderEventHandler only = e -> {};
        assertThat(ProviderEventHandlers.compose(null, only, null)).isSameAs(only);
        assertThat(ProviderEventHandler.compose(only, ProviderEventHandlers.noop()))
                .isSameAs(only);
    }

    @Test
    void handlersRunInOrderAndNestedFanoutsAreFlattened() {
        List<String> calls = new ArrayList<>();
        ProviderEventHandler a = e -> calls.add("a");
        ProviderEventHandler b = e -> calls.add("b");
        ProviderEventHandler c = e -> calls.add("c");
        ProviderEventHandler inner = ProviderEventHandlers.compose(a, b);
        ProviderEventHandler outer = ProviderEventHandlers.compose(inner, null, c);

        assertThat(outer).isInstanceOf(ProviderEventHandlers.Fanout.class);
        assertThat(((ProviderEventHandlers.Fanout) outer).handlers()).containsExactly(a, b, c);
        outer.handle(EVENT);
        assertThat(calls).containsExactly("a", "b", "c");
    }

    @Test
    void everyHandlerReceivesTheSameImmutableEvent() {
        List<ProviderEvent> seen = new ArrayList<>();
        ProviderEventHandlers.compose(seen::add, seen::add).handle(EVENT);
        assertThat(seen).containsExactly(EVENT, EVENT);
    }

    @Test
    void aFailingHandlerDoesNotStopTheOthersAndIsCountedAndLoggedOnce() {
        CapturingLogger logger = new CapturingLogger(Level.TRACE);
        InMemoryRecorderSink before = new InMemoryRecorderSink();
        InMemoryRecorderSink after = new InMemoryRecorderSink();
        ProviderEventHandler broken = e -> {
            throw new IllegalStateException("exporter down: https://u:hunter2@metrics.test/push?token=abc123");
        };
        ProviderEventHandlers.Fanout fanout = new ProviderEventHandlers.Fanout(List.of(before, broken, after), logger);

        for (int i = 0; i < 3; i++) {
            fanout.handle(EVENT);
        }

        assertThat(before.size()).isEqualTo(3);
        assertThat(after.size()).isEqualTo(3);
        assertThat(fanout.failureCounts()).containsExactly(0L, 3L, 0L);
        assertThat(fanout.failureCount(1)).isEqualTo(3);
        assertThat(logger.entries()).hasSize(1);
        CapturingLogger.Entry entry = logger.entries().get(0);
        assertThat(entry.level()).isEqualTo(Level.WARN);
        assertThat(entry.hasThrowable()).isFalse();
        assertThat(entry.message())
                .contains("position 1")
                .contains("java.lang.IllegalStateException")
                .contains("exporter down: https://metrics.test/push")
                .doesNotContain("hunter2")
                .doesNotContain("abc123");
    }

    @Test
    void eachFailingHandlerIsLoggedOnce() {
        CapturingLogger logger = new CapturingLogger(Level.TRACE);
        ProviderEventHandler first = e -> {
            throw new IllegalArgumentException("first");
        };
        ProviderEventHandler second = e -> {
            throw new IllegalArgumentException();
        };
        ProviderEventHandlers.Fanout fanout = new ProviderEventHandlers.Fanout(List.of(first, second), logger);
        fanout.handle(EVENT);
        fanout.handle(EVENT);
        assertThat(fanout.failureCounts()).containsExactly(2L, 2L);
        assertThat(logger.entries()).hasSize(2);
    }

    @Test
    void errorsAreNotSwallowed() {
        ProviderEventHandler fatal = e -> {
            throw new StackOverflowError("deep");
        };
        ProviderEventHandler fanout = ProviderEventHandlers.compose(fatal, e -> {});
        assertThatThrownBy(() -> fanout.handle(EVENT)).isInstanceOf(StackOverflowError.class);
    }

    @Test
    void aSingleUnwrappedHandlerStillPropagates() {
        ProviderEventHandler failing = e -> {
            throw new IllegalStateException("boom");
        };
        assertThatThrownBy(() -> ProviderEventHandlers.compose(failing).handle(EVENT))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("boom");
    }
}
