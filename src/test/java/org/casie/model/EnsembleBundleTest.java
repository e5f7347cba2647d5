package org.casie.model;

import org.casie.corpus.Document;
import org.casie.examples.AnnotatedText;
import org.casie.examples.ArgumentExamples;
import org.casie.examples.FeatureSpace;
import org.casie.examples.PretrainedVectors;
import org.casie.examples.RoleConstraints;
import org.casie.examples.SequenceFeatures;
import org.casie.examples.TriggerLexicon;
import org.casie.text.AnnotatorConfig;
import org.casie.text.Preprocessor;
import org.casie.text.TokenTable;
import org.casie.train.FixtureCorpus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Ensembles: bundles of the same settings and data combine into one whose taggers average their members. */
public class EnsembleBundleTest {

    private static final NetworkConfig SMALL = new NetworkConfig(4, 2, 4, 1, 0, 1e-3, 0);
    private static final ModelSettings SETTINGS = new ModelSettings(new AnnotatorConfig(false, false), 0, 0, 50, 1, SMALL,
            SMALL, null, 0);
    private static final Document ARTICLE = FixtureCorpus.document("article", List.of(
            "[Hackers|Attacker|Person] [breached|Databreach] [Acme Corp|Victim|Organization] .",
            "[The breach|Databreach] exposed [customer records|Compromised-Data|PII] ."));

    private static AnnotatedText text;

    @BeforeAll
    static void annotate() {
        TokenTable tokens = new Preprocessor(new AnnotatorConfig(false, false), null).process(ARTICLE.content());
        text = new AnnotatedText(ARTICLE, tokens);
    }

    /** An untrained bundle at {@code file} whose networks start from {@code seed}; equal vocabularies for any seed. */
    public static Path untrainedBundle(long seed, Path file) throws Exception {
        if (text == null) {
            annotate();
        }
        return save(model(seed, List.of(text.tokens())), seed, file);
    }

    /** An untrained model whose networks start from {@code seed}; the vocabularies come from {@code tables}. */
    private static EventModel model(long seed, List<TokenTable> tables) {
        FeatureSpace features = FeatureSpace.build(tables, 1, PretrainedVectors.coreNlp(), TriggerLexicon.empty());
        var trigger = SequenceNetworkBuilder.build(SMALL, features.words().size(), features.prefixes().size(),
                features.suffixes().size(), features.denseSize(), 0, 0, TriggerTagger.HEADS, seed);
        var argument = SequenceNetworkBuilder.build(SMALL, features.words().size(), features.prefixes().size(),
                features.suffixes().size(), features.denseSize() + ArgumentExamples.EXTRA, 0, 0, ArgumentTagger.heads(2),
                seed + 1);
        return EventModel.of(SETTINGS, features, trigger, argument, List.of("Person", "Organization"),
                new RoleConstraints(Map.of()));
    }

    private static Path save(EventModel m, long seed, Path file) throws Exception {
        ModelBundle.save(m, Map.of("seed", seed, "devScores", Map.of("trigC", seed)), file);
        return file;
    }

    private static float[][] triggerProbabilities(EventModel m) {
        SequenceFeatures f = m.features().encode(text, 0, text.tokens().size(), 0);
        return SequenceBatches.predict(m.triggerTagger().networks(), List.of(f))[0][0];
    }

    @Test
    void ensembleAveragesItsMembersProbabilitiesAndRecordsThem(@TempDir Path dir) throws Exception {
        EventModel a = model(1, List.of(text.tokens())), b = model(11, List.of(text.tokens()));
        Path out = dir.resolve("ensemble.zip");
        ModelBundle.saveEnsemble(List.of(save(a, 1, dir.resolve("a.zip")), save(b, 11, dir.resolve("b.zip"))),
                Map.of("note", "test"), out);
        ModelBundle.Loaded loaded = ModelBundle.load(out);
        assertEquals(2, loaded.model().triggerTagger().networks().size());
        assertEquals(2, loaded.model().argumentTagger().networks().size());
        assertEquals(ModelBundle.VERSION, loaded.manifest().path("version").asInt());
        assertTrue(loaded.manifest().path("sha256").has("trigger-2.dl4j"));
        float[][] pa = triggerProbabilities(a), pb = triggerProbabilities(b), pe = triggerProbabilities(loaded.model());
        assertNotEquals(pa[0][0], pb[0][0], "members with different seeds should differ");
        for (int t = 0; t < pe.length; t++) {
            for (int c = 0; c < pe[t].length; c++) {
                assertEquals((pa[t][c] + pb[t][c]) / 2, pe[t][c], 1e-6, "token " + t + " class " + c);
            }
        }
        // The ensemble tags like any model, and an ensemble of an ensemble keeps every member.
        loaded.model().extract(text);
        Path three = dir.resolve("three.zip");
        ModelBundle.saveEnsemble(List.of(out, save(model(21, List.of(text.tokens())), 21, dir.resolve("c.zip"))),
                Map.of(), three);
        assertEquals(3, ModelBundle.load(three).model().triggerTagger().networks().size());
    }

    @Test
    void membersTrainedOnOtherDataAreRefused(@TempDir Path dir) throws Exception {
        TokenTable other = new Preprocessor(new AnnotatorConfig(false, false), null).process("Ransomware hit a hospital .");
        Path a = save(model(1, List.of(text.tokens())), 1, dir.resolve("a.zip"));
        Path b = save(model(11, List.of(text.tokens(), other)), 11, dir.resolve("b.zip"));
        ModelBundleException e = assertThrows(ModelBundleException.class,
                () -> ModelBundle.saveEnsemble(List.of(a, b), Map.of(), dir.resolve("e.zip")));
        assertTrue(e.getMessage().startsWith("model bundle " + b + ": entry vocab/"), e.getMessage());
        assertTrue(e.getMessage().contains("only --seed may differ"), e.getMessage());
    }

    @Test
    void anOlderFormatWithEnsembleMembersIsRefused(@TempDir Path dir) throws Exception {
        Path a = save(model(1, List.of(text.tokens())), 1, dir.resolve("a.zip"));
        Path b = save(model(11, List.of(text.tokens())), 11, dir.resolve("b.zip"));
        Path out = dir.resolve("e.zip");
        ModelBundle.saveEnsemble(List.of(a, b), Map.of(), out);
        Path v2 = ModelBundleTest.rewriteManifestVersion(out, 2);
        ModelBundleException e = assertThrows(ModelBundleException.class, () -> ModelBundle.load(v2));
        assertTrue(e.getMessage().contains("format version 2 bundles hold one network per tagger"), e.getMessage());
    }
}
