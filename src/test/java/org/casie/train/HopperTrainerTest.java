package org.casie.train;

import org.casie.corpus.Document;
import org.casie.corpus.EventMention;
import org.casie.coref.SubtypeGrouping;
import org.casie.examples.AnnotatedText;
import org.casie.model.HopperClassifier;
import org.casie.text.AnnotatorConfig;
import org.casie.text.Preprocessor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Trains the hopper classifier on coreference fixtures and checks what it links on unseen articles. */
class HopperTrainerTest {

    static final HopperConfig CONFIG = new HopperConfig(List.of(32, 16), 0.1, 5e-3, 1e-5, 16, 20, 5,
            org.casie.coref.HopperClustering.BEST_FIRST, 0.5);

    private static Preprocessor preprocessor;
    private static HopperTrainer.Outcome outcome;

    @BeforeAll
    static void trainOnce() {
        preprocessor = new Preprocessor(new AnnotatorConfig(false, false), null);
        List<AnnotatedText> train = EndToEndTrainingTest.annotate(HopperFixtures.documents(40, 1), preprocessor);
        List<AnnotatedText> dev = EndToEndTrainingTest.annotate(HopperFixtures.documents(10, 2), preprocessor);
        outcome = new HopperTrainer(CONFIG, 5, TrainingMonitor.SILENT).train(train, dev);
    }

    /** The hoppers of an article's gold mentions as the classifier groups them, each as its trigger texts. */
    private static Set<List<String>> grouped(HopperClassifier classifier, Document article) {
        return classifier.group(article.events().toList(), preprocessor.process(article.content())).stream()
                .map(h -> h.stream().map(EventMention::text).toList()).collect(Collectors.toSet());
    }

    private static Set<List<String>> gold(Document article) {
        return article.hoppers().stream().map(h -> h.events().stream().map(EventMention::text).toList())
                .collect(Collectors.toSet());
    }

    @Test
    void twoIncidentsInOneArticleStayApart() {
        Document article = FixtureCorpus.document("two", List.of(
                "[Acme Corp|Victim|Organization] disclosed a [data breach|Databreach#acme] affecting [customer records|Compromised-Data|PII] .",
                "The [breach|Databreach#acme] at [Acme Corp|Victim|Organization] was caused by [hackers|Attacker|Person] .",
                "The weather was pleasant and the market closed higher .",
                "Analysts said the company reported strong quarterly sales .",
                "Shares rose two percent in early trading .",
                "Attackers [stole|Databreach#globex] [passwords|Compromised-Data|PII] from [Globex|Victim|Organization] .",
                "[Globex|Victim|Organization] said the [intrusion|Databreach#globex] began in [March|Time|Time] ."));
        assertEquals(Set.of(List.of("data breach", "breach"), List.of("stole", "intrusion")), gold(article));
        assertEquals(gold(article), grouped(outcome.classifier(), article));
        // The baseline puts both incidents in one hopper.
        assertEquals(1, SubtypeGrouping.INSTANCE.group(article.events().toList(), null).size());
    }

    @Test
    void threeMentionsOfOneIncidentJoin() {
        Document article = FixtureCorpus.document("three", List.of(
                "[Initech|Victim|Organization] disclosed a [data breach|Databreach#i] affecting [customer records|Compromised-Data|PII] .",
                "Shares rose two percent in early trading .",
                "The [leak|Databreach#i] exposed [email addresses|Compromised-Data|PII] of [Initech|Victim|Organization] users .",
                "[Initech|Victim|Organization] said the [intrusion|Databreach#i] began in [March|Time|Time] ."));
        assertEquals(Set.of(List.of("data breach", "leak", "intrusion")), grouped(outcome.classifier(), article));
    }

    @Test
    void tunesBothClusteringsOnDevAndKeepsTheBetter() {
        assertEquals(2, outcome.tuning().size());
        assertTrue(outcome.tuning().get(0).scores().conllF1() >= outcome.tuning().get(1).scores().conllF1());
        assertEquals(outcome.tuning().get(0).clustering(), outcome.classifier().settings().clustering());
        assertEquals(outcome.tuning().get(0).threshold(), outcome.classifier().settings().threshold());
        assertTrue(outcome.tuning().get(0).scores().conllF1() > 0.9, "dev CoNLL F1 " + outcome.tuning().get(0).scores().conllF1());
        assertTrue(outcome.bestEpoch() >= 1 && outcome.bestEpoch() <= CONFIG.maxEpochs());
    }

    @Test
    void sameSeedGivesSameClassifier() {
        List<AnnotatedText> train = EndToEndTrainingTest.annotate(HopperFixtures.documents(40, 1), preprocessor);
        List<AnnotatedText> dev = EndToEndTrainingTest.annotate(HopperFixtures.documents(10, 2), preprocessor);
        HopperTrainer.Outcome again = new HopperTrainer(CONFIG, 5, TrainingMonitor.SILENT).train(train, dev);
        assertEquals(outcome.classifier().network().params(), again.classifier().network().params());
        assertEquals(outcome.classifier().settings(), again.classifier().settings());
    }

    @Test
    void withoutDevRunsEveryEpochWithTheConfiguredDecision() {
        List<AnnotatedText> train = EndToEndTrainingTest.annotate(HopperFixtures.documents(10, 3), preprocessor);
        HopperTrainer.Outcome o = new HopperTrainer(CONFIG.withEpochs(3).withDecision(
                org.casie.coref.HopperClustering.AVERAGE_LINK, 0.4), 5, TrainingMonitor.SILENT).train(train, List.of());
        assertNotNull(o.classifier());
        assertEquals(3, o.epochs().size());
        assertEquals(3, o.bestEpoch());
        assertEquals(org.casie.coref.HopperClustering.AVERAGE_LINK, o.classifier().settings().clustering());
        assertEquals(0.4, o.classifier().settings().threshold());
        assertTrue(o.tuning().isEmpty());
    }

    @Test
    void documentsWithoutPairsGiveNoClassifier() {
        Document single = FixtureCorpus.document("one", List.of(
                "[Acme Corp|Victim|Organization] was [breached|Databreach] by [hackers|Attacker|Person] last week ."));
        HopperTrainer.Outcome o = new HopperTrainer(CONFIG, 5, TrainingMonitor.SILENT)
                .train(EndToEndTrainingTest.annotate(List.of(single), preprocessor), List.of());
        assertFalse(o.classifier() != null);
        assertEquals(0, o.pairs());
    }
}
