package org.casie.eval;

import org.casie.corpus.ArgumentMention;
import org.casie.corpus.CharSpan;
import org.casie.corpus.Document;
import org.casie.corpus.EventMention;
import org.casie.corpus.Realis;
import org.casie.corpus.Role;
import org.casie.corpus.Sentences;
import org.casie.corpus.Subtype;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Scores predicted events against gold, micro-averaged over documents. Each metric compares the
 * deduplicated sets of tuples of a document (see {@link Metric}); character offsets into {@code content}.
 */
public final class EventScorer {

    private record Trig(int b, int e) { }
    private record TrigC(int b, int e, Subtype s) { }
    private record ArgI(int b, int e, Subtype s) { }
    private record ArgC(int b, int e, Subtype s, Role r) { }
    private record ArgCPlus(int tb, int te, Subtype s, int b, int e, Role r) { }

    /** All scores of a run. */
    public record Scores(List<DocumentScore> documents, Map<Metric, SpanCounts> totals,
                         Map<Subtype, SpanCounts> trigCBySubtype, Map<Subtype, SpanCounts> argCBySubtype,
                         Map<Role, SpanCounts> argCByRole, int realisCorrect, int realisTotal,
                         Map<String, Map<String, Integer>> confusion, List<ScoredError> errors) {

        public SpanCounts get(Metric m) { return totals.get(m); }
        public SpanCounts trigI() { return get(Metric.TRIG_I); }
        public SpanCounts trigC() { return get(Metric.TRIG_C); }
        public SpanCounts argI() { return get(Metric.ARG_I); }
        public SpanCounts argC() { return get(Metric.ARG_C); }
        public SpanCounts argCPlus() { return get(Metric.ARG_C_PLUS); }

        /** Share of Trig-C matches with the right realis; 0 when there are none. */
        public double realisAccuracy() {
            return realisTotal == 0 ? 0 : (double) realisCorrect / realisTotal;
        }
    }

    private EventScorer() {
    }

    /** @param gold and {@code predicted} are aligned by index (the same documents, in the same order) */
    public static Scores score(List<Document> gold, List<Document> predicted) {
        if (gold.size() != predicted.size()) {
            throw new IllegalArgumentException(gold.size() + " gold documents but " + predicted.size() + " predictions");
        }
        Accumulator acc = new Accumulator();
        for (int i = 0; i < gold.size(); i++) {
            acc.add(gold.get(i), predicted.get(i));
        }
        return acc.scores();
    }

    /** Sums counts over documents; also the per-type breakdowns and error listing. */
    private static final class Accumulator {
        final List<DocumentScore> docs = new ArrayList<>();
        final Map<Metric, SpanCounts> totals = new EnumMap<>(Metric.class);
        final Map<Subtype, SpanCounts> trigCBySubtype = new EnumMap<>(Subtype.class);
        final Map<Subtype, SpanCounts> argCBySubtype = new EnumMap<>(Subtype.class);
        final Map<Role, SpanCounts> argCByRole = new EnumMap<>(Role.class);
        final Map<String, Map<String, Integer>> confusion = new TreeMap<>();
        final List<ScoredError> errors = new ArrayList<>();
        int realisCorrect;
        int realisTotal;

        void add(Document gold, Document pred) {
            Map<Metric, SpanCounts> counts = new EnumMap<>(Metric.class);
            counts.put(Metric.TRIG_I, compare(triggers(gold), triggers(pred)));
            Set<TrigC> gTrigC = trigC(gold), pTrigC = trigC(pred);
            counts.put(Metric.TRIG_C, compare(gTrigC, pTrigC));
            counts.put(Metric.ARG_I, compare(argI(gold), argI(pred)));
            Set<ArgC> gArgC = argC(gold), pArgC = argC(pred);
            counts.put(Metric.ARG_C, compare(gArgC, pArgC));
            counts.put(Metric.ARG_C_PLUS, compare(argCPlus(gold), argCPlus(pred)));
            counts.forEach((m, c) -> totals.merge(m, c, SpanCounts::plus));
            for (Subtype s : Subtype.values()) {
                trigCBySubtype.merge(s, compare(filter(gTrigC, t -> t.s() == s), filter(pTrigC, t -> t.s() == s)), SpanCounts::plus);
                argCBySubtype.merge(s, compare(filter(gArgC, a -> a.s() == s), filter(pArgC, a -> a.s() == s)), SpanCounts::plus);
            }
            for (Role r : Role.values()) {
                SpanCounts c = compare(filter(gArgC, a -> a.r() == r), filter(pArgC, a -> a.r() == r));
                if (c.gold() + c.predicted() > 0) {
                    argCByRole.merge(r, c, SpanCounts::plus);
                }
            }
            int[] realis = realis(gold, pred);
            realisCorrect += realis[0];
            realisTotal += realis[1];
            confusion(gold, pred);
            errors(gold, pred, gTrigC, pTrigC, gArgC, pArgC);
            docs.add(new DocumentScore(gold.id(), counts, realis[0], realis[1]));
        }

        Scores scores() {
            for (Metric m : Metric.values()) {
                totals.putIfAbsent(m, SpanCounts.ZERO);
            }
            return new Scores(List.copyOf(docs), totals, trigCBySubtype, argCBySubtype, argCByRole, realisCorrect,
                    realisTotal, confusion, List.copyOf(errors));
        }

        private void confusion(Document gold, Document pred) {
            Map<Trig, Subtype> g = new LinkedHashMap<>(), p = new LinkedHashMap<>();
            gold.events().forEach(e -> g.putIfAbsent(new Trig(e.trigger().begin(), e.trigger().end()), e.subtype()));
            pred.events().forEach(e -> p.putIfAbsent(new Trig(e.trigger().begin(), e.trigger().end()), e.subtype()));
            g.forEach((t, s) -> count(s.name(), p.containsKey(t) ? p.get(t).name() : "(missed)"));
            p.forEach((t, s) -> {
                if (!g.containsKey(t)) {
                    count("(spurious)", s.name());
                }
            });
        }

        private void count(String goldLabel, String predLabel) {
            confusion.computeIfAbsent(goldLabel, k -> new TreeMap<>()).merge(predLabel, 1, Integer::sum);
        }

        private void errors(Document gold, Document pred, Set<TrigC> gTrigC, Set<TrigC> pTrigC, Set<ArgC> gArgC,
                            Set<ArgC> pArgC) {
            String content = gold.content();
            for (TrigC t : gTrigC) {
                if (!pTrigC.contains(t)) errors.add(error(gold.id(), "FN", "trigger", t.b(), t.e(), t.s().name(), content));
            }
            for (TrigC t : pTrigC) {
                if (!gTrigC.contains(t)) errors.add(error(gold.id(), "FP", "trigger", t.b(), t.e(), t.s().name(), content));
            }
            for (ArgC a : gArgC) {
                if (!pArgC.contains(a)) errors.add(error(gold.id(), "FN", "argument", a.b(), a.e(), a.s() + "/" + a.r().label(), content));
            }
            for (ArgC a : pArgC) {
                if (!gArgC.contains(a)) errors.add(error(gold.id(), "FP", "argument", a.b(), a.e(), a.s() + "/" + a.r().label(), content));
            }
        }

        private static ScoredError error(String doc, String kind, String level, int b, int e, String label, String content) {
            CharSpan span = new CharSpan(Math.min(b, content.length()), Math.min(e, content.length()));
            return new ScoredError(doc, kind, level, b, e, span.textIn(content), label, Sentences.around(content, span));
        }
    }

    private static <T> SpanCounts compare(Set<T> gold, Set<T> predicted) {
        int correct = 0;
        for (T t : predicted) {
            if (gold.contains(t)) {
                correct++;
            }
        }
        return new SpanCounts(gold.size(), predicted.size(), correct);
    }

    private static <T> Set<T> filter(Set<T> set, java.util.function.Predicate<T> keep) {
        Set<T> out = new HashSet<>();
        for (T t : set) {
            if (keep.test(t)) {
                out.add(t);
            }
        }
        return out;
    }

    private static Set<Trig> triggers(Document d) {
        Set<Trig> s = new LinkedHashSet<>();
        d.events().forEach(e -> s.add(new Trig(e.trigger().begin(), e.trigger().end())));
        return s;
    }

    private static Set<TrigC> trigC(Document d) {
        Set<TrigC> s = new LinkedHashSet<>();
        d.events().forEach(e -> s.add(new TrigC(e.trigger().begin(), e.trigger().end(), e.subtype())));
        return s;
    }

    private static Set<ArgI> argI(Document d) {
        Set<ArgI> s = new LinkedHashSet<>();
        d.events().forEach(e -> e.arguments().forEach(a -> s.add(new ArgI(a.span().begin(), a.span().end(), e.subtype()))));
        return s;
    }

    private static Set<ArgC> argC(Document d) {
        Set<ArgC> s = new LinkedHashSet<>();
        d.events().forEach(e -> e.arguments().forEach(a ->
                s.add(new ArgC(a.span().begin(), a.span().end(), e.subtype(), a.role()))));
        return s;
    }

    private static Set<ArgCPlus> argCPlus(Document d) {
        Set<ArgCPlus> s = new LinkedHashSet<>();
        for (EventMention e : d.events().toList()) {
            for (ArgumentMention a : e.arguments()) {
                s.add(new ArgCPlus(e.trigger().begin(), e.trigger().end(), e.subtype(), a.span().begin(), a.span().end(),
                        a.role()));
            }
        }
        return s;
    }

    /** [correct, total] realis over Trig-C matches; with duplicates, the first mention of each tuple counts. */
    private static int[] realis(Document gold, Document pred) {
        Map<TrigC, Realis> g = new LinkedHashMap<>(), p = new LinkedHashMap<>();
        gold.events().forEach(e -> g.putIfAbsent(new TrigC(e.trigger().begin(), e.trigger().end(), e.subtype()), e.realis()));
        pred.events().forEach(e -> p.putIfAbsent(new TrigC(e.trigger().begin(), e.trigger().end(), e.subtype()), e.realis()));
        int correct = 0, total = 0;
        for (Map.Entry<TrigC, Realis> e : g.entrySet()) {
            Realis r = p.get(e.getKey());
            if (r != null) {
                total++;
                if (r == e.getValue()) {
                    correct++;
                }
            }
        }
        return new int[] {correct, total};
    }
}
