package org.casie.eval;

import org.casie.corpus.CharSpan;
import org.casie.corpus.Document;
import org.casie.corpus.EventMention;
import org.casie.corpus.Subtype;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where trigger errors come from, on the Trig-C tuples (span, subtype) the scorer counts: a gold trigger is
 * found exactly, found with other boundaries (a prediction of its subtype overlaps it), found with another
 * subtype only, or missed (nothing overlaps it); a prediction is exact, a boundary variant, of another
 * subtype, or spurious. Tells span-boundary trouble from detection trouble at a glance.
 *
 * @param gold        gold triggers by outcome: exact, boundary, subtype, missed
 * @param predicted   predicted triggers by outcome: exact, boundary, subtype, spurious
 */
public record TriggerErrors(Map<String, Integer> gold, Map<String, Integer> predicted) {

    private record Trigger(CharSpan span, Subtype subtype) {
    }

    public static TriggerErrors count(List<Document> gold, List<Document> predicted) {
        Map<String, Integer> g = outcomes("missed"), p = outcomes("spurious");
        for (int i = 0; i < gold.size(); i++) {
            Set<Trigger> golds = triggers(gold.get(i)), preds = triggers(predicted.get(i));
            golds.forEach(t -> g.merge(outcome(t, preds, "missed"), 1, Integer::sum));
            preds.forEach(t -> p.merge(outcome(t, golds, "spurious"), 1, Integer::sum));
        }
        return new TriggerErrors(g, p);
    }

    private static Map<String, Integer> outcomes(String none) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (String k : List.of("exact", "boundary", "subtype", none)) {
            m.put(k, 0);
        }
        return m;
    }

    private static String outcome(Trigger t, Set<Trigger> other, String none) {
        if (other.contains(t)) {
            return "exact";
        }
        boolean overlap = false;
        for (Trigger o : other) {
            if (o.span().overlaps(t.span())) {
                if (o.subtype() == t.subtype()) {
                    return "boundary";
                }
                overlap = true;
            }
        }
        return overlap ? "subtype" : none;
    }

    private static Set<Trigger> triggers(Document d) {
        Set<Trigger> out = new LinkedHashSet<>();
        for (EventMention e : d.events().toList()) {
            out.add(new Trigger(e.trigger(), e.subtype()));
        }
        return out;
    }

    /** Two lines: gold and predicted triggers by outcome, with shares. */
    public String text() {
        return line("gold triggers", gold) + line("predicted triggers", predicted);
    }

    private static String line(String label, Map<String, Integer> counts) {
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        StringBuilder sb = new StringBuilder(String.format("%-28s %6d:", label, total));
        counts.forEach((k, v) -> sb.append(String.format("  %s %d (%.0f%%)", k, v, total == 0 ? 0.0 : 100.0 * v / total)));
        return sb.append('\n').toString();
    }
}
