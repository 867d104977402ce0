package ai.worldforge.event;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A dependency-free {@link MetricsExporter} for tests and local wiring (the reference's {@code
 * InMemoryMetricsExporter}). Counters are keyed by name and label set (label order does not
 * matter); histogram observations are kept in arrival order. Thread-safe; histogram samples grow
 * without bound, so {@link #clear()} it in long-running hosts.
 */
public final class InMemoryMetricsExporter implements MetricsExporter {
    private final Map<CounterKey, double[]> counters = new HashMap<>();
    private final List<MetricSample> histograms = new ArrayList<>();

    /** An empty exporter. */
    public InMemoryMetricsExporter() {}

    @Override
    public void incrementCounter(String name, double value, Map<String, String> labels) {
        CounterKey key = CounterKey.of(name, labels);
        synchronized (this) {
            counters.computeIfAbsent(key, k -> new double[1])[0] += value;
        }
    }

    /** Adds 1 to the counter {@code name} with {@code labels}. */
    public void incrementCounter(String name, Map<String, String> labels) {
        incrementCounter(name, 1.0, labels);
    }

    @Override
    public void observeHistogram(String name, double value, Map<String, String> labels) {
        MetricSample sample = new MetricSample(name, labels, value);
        synchronized (this) {
            histograms.add(sample);
        }
    }

    /** Forgets every counter and observation. */
    public synchronized void clear() {
        counters.clear();
        histograms.clear();
    }

    /** The total of counter {@code name} with exactly {@code labels}; 0.0 when never incremented. */
    public double counterValue(String name, Map<String, String> labels) {
        CounterKey key = CounterKey.of(name, labels);
        synchronized (this) {
            double[] total = counters.get(key);
            return total == null ? 0.0 : total[0];
        }
    }

    /** Every counter, sorted by name then labels, with labels in key order. */
    public List<MetricSample> counterSamples() {
        List<Map.Entry<CounterKey, Double>> entries = new ArrayList<>();
        synchronized (this) {
            counters.forEach((k, v) -> entries.add(Map.entry(k, v[0])));
        }
        entries.sort(Map.Entry.comparingByKey());
        List<MetricSample> out = new ArrayList<>(entries.size());
        for (Map.Entry<CounterKey, Double> entry : entries) {
            out.add(new MetricSample(entry.getKey().name, entry.getKey().labels(), entry.getValue()));
        }
        return List.copyOf(out);
    }

    /** Every histogram observation, in arrival order. */
    public synchronized List<MetricSample> histogramSamples() {
        return List.copyOf(histograms);
    }

    /**
     * A counter identity: name plus labels flattened as sorted {@code k1, v1, k2, v2, …}. Comparing
     * the flattened arrays orders like the reference's sorted tuples of label pairs.
     */
    private static final class CounterKey implements Comparable<CounterKey> {
        private final String name;
        private final String[] pairs;
        private final int hash;

        private CounterKey(String name, String[] pairs) {
            this.name = name;
            this.pairs = pairs;
            this.hash = 31 * name.hashCode() + Arrays.hashCode(pairs);
        }

        static CounterKey of(String name, Map<String, String> labels) {
            if (labels instanceof ProviderEventMetricLabels.Labels fixed) {
                // Already sorted and immutable: share the array instead of sorting per counter.
                return new CounterKey(name, fixed.sortedPairs());
            }
            String[] pairs = new String[labels.size() * 2];
            int n = 0;
            for (Map.Entry<String, String> e : labels.entrySet()) {
                // Insertion sort: label sets are tiny (five labels from the provider sinks).
                String key = e.getKey();
                int i = n;
                while (i > 0 && pairs[2 * (i - 1)].compareTo(key) > 0) {
                    pairs[2 * i] = pairs[2 * (i - 1)];
                    pairs[2 * i + 1] = pairs[2 * (i - 1) + 1];
                    i--;
                }
                pairs[2 * i] = key;
                pairs[2 * i + 1] = e.getValue();
                n++;
            }
            return new CounterKey(name, pairs);
        }

        Map<String, String> labels() {
            Map<String, String> out = new LinkedHashMap<>();
            for (int i = 0; i < pairs.length; i += 2) {
                out.put(pairs[i], pairs[i + 1]);
            }
            return out;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof CounterKey that
                    && hash == that.hash
                    && name.equals(that.name)
                    && Arrays.equals(pairs, that.pairs);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public int compareTo(CounterKey other) {
            int byName = name.compareTo(other.name);
            return byName != 0 ? byName : Arrays.compare(pairs, other.pairs);
        }
    }
}
