package org.casie.incident;

import org.casie.corpus.Document;
import org.casie.eval.FillerScorer;
import org.casie.eval.IncidentScoreReport;
import org.casie.eval.PrimaryVictimScorer;
import org.casie.eval.RoleFiller;
import org.casie.text.TokenTable;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds the records of predicted documents and scores them ({@link IncidentScoreReport}); eval itself knows no records. */
public final class IncidentScoring {

    private IncidentScoring() {
    }

    /** The predicted fillers of records: each entity's canonical name and its mentions, under its incident's subtype. */
    public static Set<RoleFiller> fillers(List<IncidentRecord> records) {
        Set<RoleFiller> out = new LinkedHashSet<>();
        for (IncidentRecord r : records) {
            for (Map.Entry<org.casie.corpus.Role, List<Entity>> e : r.roles().entrySet()) {
                for (Entity entity : e.getValue()) {
                    add(out, RoleFiller.of(r.subtype(), e.getKey(), entity.name()));
                    for (Mention m : entity.mentions()) {
                        add(out, RoleFiller.of(r.subtype(), e.getKey(), m.text()));
                    }
                }
            }
        }
        return out;
    }

    private static void add(Set<RoleFiller> out, RoleFiller f) {
        if (f != null) {
            out.add(f);
        }
    }

    /**
     * @param tokens the token table of each document (same order as {@code gold} and {@code predicted}, whose
     *               contents are equal)
     */
    public static IncidentScoreReport score(List<Document> gold, List<Document> predicted, List<TokenTable> tokens) {
        List<Set<RoleFiller>> goldFillers = new ArrayList<>(), spanFillers = new ArrayList<>(), recordFillers = new ArrayList<>();
        List<String> primary = new ArrayList<>(), baseline = new ArrayList<>();
        for (int i = 0; i < gold.size(); i++) {
            goldFillers.add(FillerScorer.fillers(gold.get(i)));
            spanFillers.add(FillerScorer.fillers(predicted.get(i)));
            TaggedArticle article = IncidentBuilder.article(predicted.get(i), tokens.get(i));
            recordFillers.add(fillers(article.incidents()));
            Entity victim = article.primaryVictim();
            primary.add(victim == null ? null : victim.name());
            baseline.add(NamedEntities.of(gold.get(i).content(), tokens.get(i)).firstOrganization());
        }
        return new IncidentScoreReport(FillerScorer.score(goldFillers, spanFillers),
                FillerScorer.score(goldFillers, recordFillers), PrimaryVictimScorer.score(gold, primary, baseline));
    }

    /** Span-output fillers only (no token tables at hand). */
    public static IncidentScoreReport scoreSpans(List<Document> gold, List<Document> predicted) {
        List<Set<RoleFiller>> g = new ArrayList<>(), p = new ArrayList<>();
        for (int i = 0; i < gold.size(); i++) {
            g.add(FillerScorer.fillers(gold.get(i)));
            p.add(FillerScorer.fillers(predicted.get(i)));
        }
        return new IncidentScoreReport(FillerScorer.score(g, p), null, null);
    }
}
