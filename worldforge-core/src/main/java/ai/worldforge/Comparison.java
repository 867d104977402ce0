package ai.worldforge;

import ai.worldforge.internal.PyFormat;
import ai.worldforge.json.Json;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Predictions of several providers for the same action on the same world, in the order the
 * providers were given. Immutable and thread-safe.
 *
 * @param results predictions in input order
 */
public record Comparison(List<Prediction> results) {
    /** Copies the results. */
    public Comparison {
        results = List.copyOf(results);
    }

    /** Number of predictions. */
    public int predictionCount() {
        return results.size();
    }

    /**
     * The prediction with the highest (physics score, confidence); the first wins ties.
     *
     * @throws IllegalStateException {@code Comparison has no predictions.} when empty
     */
    public Prediction bestPrediction() {
        if (results.isEmpty()) {
            throw new IllegalStateException("Comparison has no predictions.");
        }
        Prediction best = results.get(0);
        for (Prediction candidate : results) {
            if (candidate.physicsScore() > best.physicsScore()
                    || (candidate.physicsScore() == best.physicsScore()
                            && candidate.confidence() > best.confidence())) {
                best = candidate;
            }
        }
        return best;
    }

    /** A Markdown table with two decimals. */
    public String toMarkdown() {
        StringBuilder out = new StringBuilder("# WorldForge Comparison\n\n");
        out.append("| provider | physics_score | confidence | latency_ms |\n");
        out.append("| --- | ---: | ---: | ---: |");
        for (Prediction p : results) {
            out.append("\n| ")
                    .append(p.provider())
                    .append(" | ")
                    .append(PyFormat.fixed(p.physicsScore(), 2))
                    .append(" | ")
                    .append(PyFormat.fixed(p.confidence(), 2))
                    .append(" | ")
                    .append(PyFormat.fixed(p.latencyMs(), 2))
                    .append(" |");
        }
        return out.toString();
    }

    /** CSV with a header and four decimals, lines joined by {@code \n}. */
    public String toCsv() {
        StringBuilder out = new StringBuilder("provider,physics_score,confidence,latency_ms");
        for (Prediction p : results) {
            out.append('\n')
                    .append(p.provider())
                    .append(',')
                    .append(PyFormat.fixed(p.physicsScore(), 4))
                    .append(',')
                    .append(PyFormat.fixed(p.confidence(), 4))
                    .append(',')
                    .append(PyFormat.fixed(p.latencyMs(), 4));
        }
        return out.toString();
    }

    /** {@code {"predictions":[{provider, physics_score, confidence, latency_ms, metadata}]}} as a tree. */
    public JsonObject toJsonObject() {
        List<JsonValue> predictions = new ArrayList<>();
        results.forEach(p -> predictions.add(p.summaryJson()));
        return JsonObject.of("predictions", JsonArray.copyOf(predictions));
    }

    /** Canonical JSON of {@link #toJsonObject()}. */
    public String toJson() {
        return Json.write(toJsonObject());
    }

    /** {@code {json, markdown, csv}} renderings. */
    public Map<String, String> artifacts() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("json", toJson());
        out.put("markdown", toMarkdown());
        out.put("csv", toCsv());
        return out;
    }
}
