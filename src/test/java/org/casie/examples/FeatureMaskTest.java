package org.casie.examples;

import org.casie.corpus.Document;
import org.casie.model.ModelSettings;
import org.casie.train.ConfigFiles;
import org.casie.train.TrainConfig;
import org.casie.text.TokenTable;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FeatureMaskTest {

    private static final TokenTable TABLE = SpanAlignerTest.table();
    private static final AnnotatedText TEXT = new AnnotatedText(Document.ofText("d", "Hackers breached Acme."), TABLE);
    private static final FeatureSpace FULL = FeatureSpace.build(List.of(TABLE), 1, PretrainedVectors.coreNlp(),
            TriggerLexicon.empty());

    @Test
    void leftOutGroupsAreZeroAndTheRestUnchanged() {
        SequenceFeatures all = FULL.encode(TEXT, 0, TABLE.size(), 0);
        SequenceFeatures masked = FULL.withMask(new FeatureMask(List.of("pretrained", "words")))
                .encode(TEXT, 0, TABLE.size(), 0);
        int dim = PretrainedVectors.coreNlp().dimension();
        float norm = 0;
        for (int k = 0; k < dim; k++) {
            norm += Math.abs(all.dense()[0][k]);
        }
        assertTrue(norm > 0, "'Hackers' has a pretrained vector");
        for (int t = 0; t < TABLE.size(); t++) {
            for (int k = 0; k < dim; k++) {
                assertEquals(0f, masked.dense()[t][k]);
            }
            assertArrayEquals(Arrays.copyOfRange(all.dense()[t], dim, FULL.denseSize()),
                    Arrays.copyOfRange(masked.dense()[t], dim, FULL.denseSize()), "shape, POS, NER, relations kept");
            assertEquals(0, masked.words()[t]);
        }
        assertArrayEquals(all.prefixes(), masked.prefixes());
        assertEquals(FULL.denseSize(), masked.dense()[0].length, "the input keeps its width");
    }

    @Test
    void scopedGroupsReachOnlyTheirTagger() {
        FeatureMask mask = new FeatureMask(List.of("trigger:words", "argument:shape", "lexicon"));
        assertEquals(List.of("lexicon", "words"), mask.forTrigger().disabled());
        assertEquals(List.of("lexicon", "shape"), mask.forArgument().disabled());
        assertTrue(mask.uses(FeatureGroup.WORDS), "unscoped, the words are read");
        FeatureSpace space = FULL.withMask(new FeatureMask(List.of("trigger:words")));
        SequenceFeatures trigger = new TriggerExamples(space, 0, 50).encode(TEXT, new Window(0, TABLE.size(), 0, TABLE.size()));
        assertEquals(0, trigger.words()[0], "the trigger tagger reads no word index");
        SequenceFeatures plain = FULL.encode(TEXT, 0, TABLE.size(), 0);
        assertTrue(plain.words()[0] > 1, "'Hackers' is in the vocabulary");
    }

    @Test
    void unknownGroupsAreRefusedAndNamesKeptSorted() {
        assertEquals("unknown feature group 'chars'; known: " + FeatureMask.TOKEN_GROUPS + " " + FeatureMask.ARGUMENT_GROUPS
                        + ", token groups also as trigger:GROUP or argument:GROUP",
                assertThrows(IllegalArgumentException.class, () -> new FeatureMask(List.of("chars"))).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new FeatureMask(List.of("trigger:subtype")),
                "the trigger tagger has no argument features");
        assertEquals(List.of("lexicon", "words"), new FeatureMask(List.of("words", "lexicon", "words")).disabled());
        assertEquals(FeatureMask.TOKEN_GROUPS.size() + FeatureMask.ARGUMENT_GROUPS.size(), FeatureGroup.values().length);
        for (FeatureGroup g : FeatureGroup.values()) {
            assertEquals(g, FeatureGroup.byId(g.id()).orElseThrow(), "every group is named in configs by its id");
        }
    }

    @Test
    void configFilesLeaveGroupsOutAndOlderSettingsUseEveryGroup(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path cfg = dir.resolve("ablate.json");
        Files.writeString(cfg, "{\"model\": {\"disabledFeatures\": [\"treeDistance\", \"lexicon\"]}}");
        ModelSettings settings = ConfigFiles.read(cfg, TrainConfig.defaults()).model();
        assertEquals(List.of("lexicon", "treeDistance"), settings.disabledFeatures());
        assertTrue(!settings.features().uses(FeatureGroup.LEXICON) && settings.features().uses(FeatureGroup.WORDS));
        assertEquals(List.of(), ModelSettings.defaults().disabledFeatures());
    }
}
