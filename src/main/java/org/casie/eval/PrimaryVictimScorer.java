package org.casie.eval;

import org.casie.corpus.ArgumentMention;
import org.casie.corpus.Document;
import org.casie.corpus.EventMention;
import org.casie.corpus.Role;
import org.casie.corpus.Subtype;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Primary victim accuracy: over the articles whose gold has a Databreach, Ransom or Phishing victim of entity type
 * Organization, the share whose predicted primary victim head-matches ({@link FillerText#headMatch}) one of them;
 * a baseline (the first ORGANIZATION of the text) is scored the same way beside it.
 */
public final class PrimaryVictimScorer {

    static final Set<Subtype> ATTACKS = EnumSet.of(Subtype.Databreach, Subtype.Ransom, Subtype.Phishing);

    private PrimaryVictimScorer() {
    }

    /** Articles scored, and how many the system and the baseline got right. */
    public record Result(int articles, int correct, int baselineCorrect) {

        public double accuracy() {
            return articles == 0 ? 0 : (double) correct / articles;
        }

        public double baselineAccuracy() {
            return articles == 0 ? 0 : (double) baselineCorrect / articles;
        }

        public Map<String, Object> asMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("articles", articles);
            m.put("correct", correct);
            m.put("accuracy", accuracy());
            m.put("firstOrganizationCorrect", baselineCorrect);
            m.put("firstOrganizationAccuracy", baselineAccuracy());
            return m;
        }
    }

    /** The gold organisation victims of a document's attack events (empty: the article is not scored). */
    public static List<String> goldVictims(Document gold) {
        List<String> out = new ArrayList<>();
        for (EventMention e : gold.events().toList()) {
            if (!ATTACKS.contains(e.subtype())) {
                continue;
            }
            for (ArgumentMention a : e.arguments()) {
                if (a.role() == Role.VICTIM && "Organization".equals(a.entityType()) && !FillerText.normalise(a.text()).isEmpty()) {
                    out.add(a.text());
                }
            }
        }
        return out;
    }

    /**
     * @param predicted per gold document, the predicted primary victim's name, or {@code null}
     * @param baseline  per gold document, the baseline's name, or {@code null}
     */
    public static Result score(List<Document> gold, List<String> predicted, List<String> baseline) {
        int articles = 0, correct = 0, baselineCorrect = 0;
        for (int i = 0; i < gold.size(); i++) {
            List<String> victims = goldVictims(gold.get(i));
            if (victims.isEmpty()) {
                continue;
            }
            articles++;
            correct += matchesAny(predicted.get(i), victims) ? 1 : 0;
            baselineCorrect += matchesAny(baseline.get(i), victims) ? 1 : 0;
        }
        return new Result(articles, correct, baselineCorrect);
    }

    static boolean matchesAny(String name, List<String> victims) {
        return name != null && victims.stream().anyMatch(v -> FillerText.headMatch(name, v));
    }
}
