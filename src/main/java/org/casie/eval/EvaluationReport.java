package org.casie.eval;

import org.casie.io.Html;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.casie.corpus.Subtype;

import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders {@link EventScorer.Scores} as an aligned text table, JSON, HTML, and an error listing. */
public final class EvaluationReport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final EventScorer.Scores scores;
    private final CoreferenceScorer.Scores hoppers;
    private final Map<Metric, Bootstrap.Interval> intervals;
    private final TriggerErrors triggerErrors;

    /** @param intervals 95% CIs per metric, or empty */
    public EvaluationReport(EventScorer.Scores scores, CoreferenceScorer.Scores hoppers,
                            Map<Metric, Bootstrap.Interval> intervals) {
        this(scores, hoppers, intervals, null);
    }

    /** @param triggerErrors where trigger errors come from, or {@code null} to leave that section out */
    public EvaluationReport(EventScorer.Scores scores, CoreferenceScorer.Scores hoppers,
                            Map<Metric, Bootstrap.Interval> intervals, TriggerErrors triggerErrors) {
        this.scores = scores;
        this.hoppers = hoppers;
        this.intervals = intervals;
        this.triggerErrors = triggerErrors;
    }

    public static Map<Metric, Bootstrap.Interval> intervals(EventScorer.Scores scores, Bootstrap bootstrap) {
        Map<Metric, Bootstrap.Interval> out = new LinkedHashMap<>();
        for (Metric m : Metric.values()) {
            out.put(m, bootstrap.f1Interval(scores.documents(), m));
        }
        return out;
    }

    public String text() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%d documents%n", scores.documents().size()));
        header(sb, "metric");
        for (Metric m : Metric.values()) {
            row(sb, m.label(), scores.get(m), intervals.get(m));
        }
        sb.append(String.format("%-28s %s (%d of %d Trig-C matches)%n", "Realis accuracy",
                pct(scores.realisAccuracy()), scores.realisCorrect(), scores.realisTotal()));
        sb.append(String.format("%-28s MUC %s  B3 %s  CEAF-e %s  CoNLL %s (F1)%n", "Hoppers", pct(hoppers.muc().f1()),
                pct(hoppers.bCubed().f1()), pct(hoppers.ceafE().f1()), pct(hoppers.conllF1())));
        if (triggerErrors != null) {
            sb.append(triggerErrors.text());
        }
        sb.append('\n');
        header(sb, "Trig-C by subtype");
        scores.trigCBySubtype().forEach((s, c) -> row(sb, s.name(), c, null));
        sb.append('\n');
        header(sb, "Arg-C by subtype");
        scores.argCBySubtype().forEach((s, c) -> row(sb, s.name(), c, null));
        sb.append('\n');
        header(sb, "Arg-C by role");
        scores.argCByRole().forEach((r, c) -> row(sb, r.label(), c, null));
        sb.append('\n').append("Trigger subtype confusion (rows gold, columns predicted, over Trig-I matches)\n");
        List<String> columns = new java.util.ArrayList<>();
        for (Subtype s : Subtype.values()) {
            columns.add(s.name());
        }
        columns.add("(missed)");
        sb.append(String.format("%-22s", ""));
        columns.forEach(c -> sb.append(String.format("%12s", abbreviate(c))));
        sb.append('\n');
        List<String> rows = new java.util.ArrayList<>(columns.subList(0, Subtype.values().length));
        rows.add("(spurious)");
        for (String r : rows) {
            sb.append(String.format("%-22s", r));
            Map<String, Integer> counts = scores.confusion().getOrDefault(r, Map.of());
            columns.forEach(c -> sb.append(String.format("%12d", counts.getOrDefault(c, 0))));
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String abbreviate(String s) {
        return s.length() <= 11 ? s : s.substring(0, 11);
    }

    private static void header(StringBuilder sb, String first) {
        sb.append(String.format("%-28s %7s %7s %7s %7s %7s %7s%n", first, "gold", "pred", "correct", "P", "R", "F1"));
    }

    private static void row(StringBuilder sb, String name, SpanCounts c, Bootstrap.Interval ci) {
        sb.append(String.format("%-28s %7d %7d %7d %7s %7s %7s", name, c.gold(), c.predicted(), c.correct(),
                pct(c.precision()), pct(c.recall()), pct(c.f1())));
        if (ci != null) {
            sb.append(String.format("  [%s, %s]", pct(ci.low()), pct(ci.high())));
        }
        sb.append('\n');
    }

    private static String pct(double v) {
        return String.format("%.1f", v * 100);
    }

    public Map<String, Object> asMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("documents", scores.documents().size());
        Map<String, Object> metrics = new LinkedHashMap<>();
        for (Metric m : Metric.values()) {
            Map<String, Object> entry = counts(scores.get(m));
            Bootstrap.Interval ci = intervals.get(m);
            if (ci != null) {
                entry.put("f1Ci95", List.of(round(ci.low()), round(ci.high())));
            }
            metrics.put(m.label(), entry);
        }
        out.put("metrics", metrics);
        out.put("realisAccuracy", round(scores.realisAccuracy()));
        Map<String, Object> coref = new LinkedHashMap<>();
        coref.put("MUC", corefCounts(hoppers.muc()));
        coref.put("B3", corefCounts(hoppers.bCubed()));
        coref.put("CEAF-e", corefCounts(hoppers.ceafE()));
        coref.put("CoNLL-F1", round(hoppers.conllF1()));
        out.put("hoppers", coref);
        Map<String, Object> bySubtype = new LinkedHashMap<>();
        scores.trigCBySubtype().forEach((s, c) -> bySubtype.put(s.name(), Map.of("Trig-C", counts(c),
                "Arg-C", counts(scores.argCBySubtype().get(s)))));
        out.put("bySubtype", bySubtype);
        Map<String, Object> byRole = new LinkedHashMap<>();
        scores.argCByRole().forEach((r, c) -> byRole.put(r.label(), counts(c)));
        out.put("argCByRole", byRole);
        out.put("confusion", scores.confusion());
        if (triggerErrors != null) {
            out.put("triggerErrors", Map.of("gold", triggerErrors.gold(), "predicted", triggerErrors.predicted()));
        }
        return out;
    }

    public String json() {
        try {
            return JSON.writeValueAsString(asMap()) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> corefCounts(CoreferenceScorer.Score s) {
        return Map.of("precision", round(s.precision()), "recall", round(s.recall()), "f1", round(s.f1()));
    }

    private static Map<String, Object> counts(SpanCounts c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("gold", c.gold());
        m.put("predicted", c.predicted());
        m.put("correct", c.correct());
        m.put("precision", round(c.precision()));
        m.put("recall", round(c.recall()));
        m.put("f1", round(c.f1()));
        return m;
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }

    /** A self-contained page: the tables, and CSS bar charts of F1 per subtype and per role. */
    public String html(String title) {
        StringBuilder sb = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(Html.escape(title)).append("</title><style>body{font-family:sans-serif;max-width:70em;margin:2em auto}"
                        + "table{border-collapse:collapse;margin:1em 0}td,th{padding:2px 8px;border-bottom:1px solid #ddd;"
                        + "text-align:right}td:first-child,th:first-child{text-align:left}.bar{background:#4c78a8;height:1em}"
                        + ".track{width:20em;background:#eee}</style></head><body>\n<h1>").append(Html.escape(title)).append("</h1>\n");
        sb.append("<p>").append(scores.documents().size()).append(" documents; realis accuracy ")
                .append(pct(scores.realisAccuracy())).append("% over ").append(scores.realisTotal())
                .append(" Trig-C matches; hoppers CoNLL F1 ").append(pct(hoppers.conllF1())).append(" (MUC ")
                .append(pct(hoppers.muc().f1())).append(", B3 ").append(pct(hoppers.bCubed().f1())).append(", CEAF-e ")
                .append(pct(hoppers.ceafE().f1())).append(").</p>\n");
        Map<String, SpanCounts> overall = new LinkedHashMap<>();
        for (Metric m : Metric.values()) {
            overall.put(m.label(), scores.get(m));
        }
        table(sb, "Overall", overall);
        Map<String, SpanCounts> trig = new LinkedHashMap<>();
        scores.trigCBySubtype().forEach((s, c) -> trig.put(s.name(), c));
        table(sb, "Trig-C by subtype", trig);
        Map<String, SpanCounts> arg = new LinkedHashMap<>();
        scores.argCBySubtype().forEach((s, c) -> arg.put(s.name(), c));
        table(sb, "Arg-C by subtype", arg);
        Map<String, SpanCounts> role = new LinkedHashMap<>();
        scores.argCByRole().forEach((r, c) -> role.put(r.label(), c));
        table(sb, "Arg-C by role", role);
        return sb.append("</body></html>\n").toString();
    }

    private static void table(StringBuilder sb, String caption, Map<String, SpanCounts> rows) {
        sb.append("<h2>").append(Html.escape(caption)).append("</h2>\n<table><tr><th></th><th>gold</th><th>pred</th>"
                + "<th>correct</th><th>P</th><th>R</th><th>F1</th><th>F1</th></tr>\n");
        rows.forEach((name, c) -> sb.append("<tr><td>").append(Html.escape(name)).append("</td><td>").append(c.gold())
                .append("</td><td>").append(c.predicted()).append("</td><td>").append(c.correct()).append("</td><td>")
                .append(pct(c.precision())).append("</td><td>").append(pct(c.recall())).append("</td><td>")
                .append(pct(c.f1())).append("</td><td><div class=\"track\"><div class=\"bar\" style=\"width:")
                .append(pct(c.f1())).append("%\"></div></div></td></tr>\n"));
        sb.append("</table>\n");
    }

    public String errors() {
        StringBuilder sb = new StringBuilder("document\tkind\tlevel\tspan\ttext\tlabel\tsentence\n");
        scores.errors().forEach(e -> sb.append(e).append('\n'));
        return sb.toString();
    }
}
