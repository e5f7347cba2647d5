package org.casie.coref;

import org.casie.corpus.Document;
import org.casie.corpus.EventMention;
import org.casie.examples.PretrainedVectors;
import org.casie.text.AnnotatorConfig;
import org.casie.text.Preprocessor;
import org.casie.text.TokenTable;
import org.casie.train.FixtureCorpus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MentionPairFeaturesTest {

    private static final MentionPairFeatures FEATURES = new MentionPairFeatures(PretrainedVectors.coreNlp());
    private static Preprocessor preprocessor;

    /** Mentions 0 and 1 tell one Acme breach; mention 2, three sentences on, a breach at Globex. */
    private static final Document ARTICLE = FixtureCorpus.document("pair", List.of(
            "[Hackers|Attacker|Person] [breached|Databreach#acme] [Acme Corp|Victim|Organization] on [Monday|Time|Time] .",
            "[The breach|Databreach#acme] exposed [customer records|Compromised-Data|PII] of [Acme Corp|Victim|Organization] .",
            "Shares rose two percent in early trading .",
            "The weather was pleasant .",
            "A [data breach|Databreach#globex] at [Globex|Victim|Organization] exposed [passwords|Compromised-Data|PII] ."));

    private static List<CorefMention> mentions;

    @BeforeAll
    static void describe() {
        preprocessor = new Preprocessor(new AnnotatorConfig(false, false), null);
        TokenTable tokens = preprocessor.process(ARTICLE.content());
        List<EventMention> reversed = new ArrayList<>(ARTICLE.events().toList());
        java.util.Collections.reverse(reversed);
        mentions = FEATURES.describe(reversed, tokens);
    }

    @Test
    void describesMentionsInTextOrder() {
        assertEquals(List.of("breached", "The breach", "data breach"), mentions.stream().map(m -> m.mention().text()).toList());
        assertEquals(List.of(0, 1, 2), mentions.stream().map(CorefMention::rankInSubtype).toList());
        assertEquals(List.of(0, 1, 4), mentions.stream().map(CorefMention::sentence).toList());
    }

    @Test
    void readsLemmasHeadsDeterminersAndArguments() {
        CorefMention anaphor = mentions.get(1);
        assertEquals(List.of("breach"), anaphor.triggerWords());
        assertEquals("breach", anaphor.head());
        assertEquals("the", anaphor.determiner());
        assertEquals("a", mentions.get(2).determiner());
        assertEquals("", mentions.get(0).determiner());
        assertNotNull(anaphor.triggerVector());
        assertEquals(java.util.Set.of("acme corp"), anaphor.roleTexts().get(org.casie.corpus.Role.VICTIM));
        assertEquals(java.util.Set.of("customer", "record", "acme", "corp"), anaphor.argumentWords());
        assertTrue(anaphor.sentenceNames().containsAll(List.of("acme", "corp")), anaphor.sentenceNames().toString());
    }

    @Test
    void pairOfOneIncidentSharesTriggerVictimAndNames() {
        Map<String, Double> f = MentionPairFeatures.named(mentions.get(0), mentions.get(1), 3);
        assertEquals(1.0, f.get("subtype=Databreach"));
        assertEquals(1.0, f.get("trigger.sameWords"));
        assertEquals(1.0, f.get("trigger.sameHead"));
        assertTrue(f.get("trigger.cosine") > 0.5, "cos(breached, breach) " + f.get("trigger.cosine"));
        assertEquals(1.0, f.get("anaphor.definite"));
        assertEquals(0.0, f.get("antecedent.definite"));
        assertEquals(1.0, f.get("role.Victim.sharedText"));
        assertEquals(0.0, f.get("role.Victim.conflict"));
        assertEquals(0.0, f.get("role.Compromised-Data.conflict")); // only the anaphor has one
        assertEquals(1.0, f.get("names.shared"));
        assertEquals(1.0, f.get("sentenceDistance=1"));
        assertEquals(1.0, f.get("mentionsBetween=<=0"));
        assertEquals(1.0, f.get("antecedent.firstOfSubtype"));
        assertEquals(1.0, f.get("subtypeMentions=3-4"));
        assertEquals(1.0, f.get("realis=Actual/Actual"));
    }

    @Test
    void pairOfTwoIncidentsConflictsOnVictimAndNames() {
        Map<String, Double> f = MentionPairFeatures.named(mentions.get(1), mentions.get(2), 3);
        assertEquals(0.0, f.get("role.Victim.sharedWord"));
        assertEquals(1.0, f.get("role.Victim.conflict"));
        assertEquals(1.0, f.get("role.Compromised-Data.conflict"));
        assertEquals(1.0, f.get("names.conflict"));
        assertEquals(1.0, f.get("anaphor.indefinite"));
        assertEquals(1.0, f.get("sentenceDistance=3-4"));
        assertEquals(0.0, f.get("arguments.sharedText"));
        assertEquals(0.0, f.get("antecedent.firstOfSubtype"));
    }

    @Test
    void vectorHasOneValuePerNameAndEveryBucketIsOneHot() {
        float[] v = MentionPairFeatures.features(mentions.get(0), mentions.get(2), 3);
        assertEquals(MentionPairFeatures.NAMES.size(), v.length);
        assertEquals(MentionPairFeatures.NAMES.size(), new HashSet<>(MentionPairFeatures.NAMES).size());
        Map<String, Double> f = MentionPairFeatures.named(mentions.get(0), mentions.get(2), 3);
        for (String bucket : List.of("sentenceDistance=", "mentionsBetween=", "antecedent.sentence=", "subtypeMentions=",
                "realis=", "subtype=")) {
            double sum = f.entrySet().stream().filter(e -> e.getKey().startsWith(bucket)).mapToDouble(Map.Entry::getValue).sum();
            assertEquals(1.0, sum, bucket);
        }
        for (float x : v) {
            assertTrue(x >= -1 && x <= 1);
        }
    }

    @Test
    void pairsOnlyMentionsOfOneSubtype() {
        Document mixed = FixtureCorpus.document("mixed", List.of(
                "[Hackers|Attacker|Person] [breached|Databreach] [Acme Corp|Victim|Organization] .",
                "[Employees|Victim|Person] received [phishing|Phishing] emails .",
                "The [breach|Databreach] was large ."));
        MentionPairs pairs = FEATURES.pairs(FEATURES.describe(mixed.events().toList(), preprocessor.process(mixed.content())));
        assertEquals(1, pairs.size());
        assertEquals(0, pairs.antecedents()[0]);
        assertEquals(2, pairs.anaphors()[0]);
    }
}
