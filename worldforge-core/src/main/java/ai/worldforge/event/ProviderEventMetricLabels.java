package ai.worldforge.event;

import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The bounded metric labels of a provider event (the reference's {@code
 * provider_event_metric_labels}).
 *
 * <p>Exactly five labels, in this order: {@code provider}, {@code operation}, {@code phase},
 * {@code status_class} ({@code "2xx"} … {@code "5xx"} from the status code, {@code "none"} without
 * one) and {@code capability} (the event metadata's {@code capability} when it is a string naming
 * one of {@code predict, generate, reason, embed, plan, transfer, score, policy}, else {@code
 * "unknown"}). No other metadata, target, id or message ever becomes a label: those values have
 * unbounded cardinality and may carry secrets.
 */
public final class ProviderEventMetricLabels {
    /** The label names, in the order {@link #of} returns them. */
    public static final List<String> LABEL_NAMES =
            List.of("provider", "operation", "phase", "status_class", "capability");

    private static final String[] NAMES = LABEL_NAMES.toArray(new String[0]);

    private static final Set<String> CAPABILITIES =
            Set.of("predict", "generate", "reason", "embed", "plan", "transfer", "score", "policy");

    private ProviderEventMetricLabels() {}

    /**
     * The five labels of {@code event} as an unmodifiable map iterating in {@link #LABEL_NAMES} order.
     *
     * <p>Built on every event by the metrics sinks, so the map is a fixed-shape array view rather
     * than a hash map.
     */
    public static Map<String, String> of(ProviderEvent event) {
        return new Labels(new String[] {
            event.provider(), event.operation(), event.phase(), statusClass(event.statusCode()), capability(event)
        });
    }

    /** {@code "{code / 100}xx"}, or {@code "none"} without a status code. */
    public static String statusClass(@Nullable Integer statusCode) {
        if (statusCode == null) {
            return "none";
        }
        return switch (statusCode / 100) {
            case 1 -> "1xx";
            case 2 -> "2xx";
            case 3 -> "3xx";
            case 4 -> "4xx";
            case 5 -> "5xx";
            default -> (statusCode / 100) + "xx";
        };
    }

    /** The metadata's known capability name, or {@code "unknown"} (never a free-form value). */
    public static String capability(ProviderEvent event) {
        JsonValue value = event.metadata().get("capability");
        if (value instanceof JsonString s && CAPABILITIES.contains(s.value())) {
            return s.value();
        }
        return "unknown";
    }

    /** An immutable five-entry map over an array of values aligned with {@link #LABEL_NAMES}. */
    static final class Labels extends AbstractMap<String, String> {
        /** Indexes into {@link #NAMES} in key order, for exporters that key by sorted labels. */
        private static final int[] SORTED = sortedOrder();

        private final String[] values;
        private volatile String @Nullable [] sortedPairs;

        Labels(String[] values) {
            this.values = values;
        }

        private static int[] sortedOrder() {
            Integer[] order = {0, 1, 2, 3, 4};
            java.util.Arrays.sort(order, (a, b) -> NAMES[a].compareTo(NAMES[b]));
            int[] out = new int[order.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = order[i];
            }
            return out;
        }

        /**
         * The labels flattened as {@code k1, v1, k2, v2, ...} sorted by key; computed once per
         * map, since an exporter sink passes the same labels to several counters. Callers must
         * not modify the array.
         */
        String[] sortedPairs() {
            String[] pairs = sortedPairs;
            if (pairs == null) {
                pairs = new String[NAMES.length * 2];
                for (int i = 0; i < SORTED.length; i++) {
                    pairs[2 * i] = NAMES[SORTED[i]];
                    pairs[2 * i + 1] = values[SORTED[i]];
                }
                // Racing threads compute equal arrays; volatile publishes the contents safely.
                sortedPairs = pairs;
            }
            return pairs;
        }

        @Override
        public int size() {
            return NAMES.length;
        }

        @Override
        public @Nullable String get(Object key) {
            for (int i = 0; i < NAMES.length; i++) {
                if (NAMES[i].equals(key)) {
                    return values[i];
                }
            }
            return null;
        }

        @Override
        public boolean containsKey(Object key) {
            return get(key) != null;
        }

        @Override
        public Set<Map.Entry<String, String>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public int size() {
                    return NAMES.length;
                }

                @Override
                public Iterator<Map.Entry<String, String>> iterator() {
                    return new Iterator<>() {
                        private int next;

                        @Override
                        public boolean hasNext() {
                            return next < NAMES.length;
                        }

                        @Override
                        public Map.Entry<String, String> next() {
                            if (next >= NAMES.length) {
                                throw new NoSuchElementException();
                            }
                            int i = next++;
                            return new AbstractMap.SimpleImmutableEntry<>(NAMES[i], values[i]);
                        }
                    };
                }
            };
        }
    }
}
