package org.casie.text.bert;

import org.casie.text.AnnotationCache;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import java.io.IOException;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A window's vectors do not depend on the windows encoded beside it (real BERT, layer 2): bit for bit the same
 * alone, in a batch of equal lengths and in a batch with longer and shorter windows. Padded batches failed this in
 * all but a few of a window's 30,720 values, which made cached vectors depend on the command that filled the cache.
 */
@EnabledIf("weightsPresent")
class BertEncoderBatchTest {

    private static BertEncoder bert;

    static boolean weightsPresent() {
        return EncoderFiles.onClassPath(EncoderSpec.defaults());
    }

    @BeforeAll
    static void load() throws IOException {
        bert = new BertEncoder(EncoderFiles.modelDir(EncoderSpec.defaults(), AnnotationCache.defaultRoot()), List.of(2), 1);
    }

    @AfterAll
    static void close() {
        bert.close();
    }

    private static int[] window(int length, int seed) {
        Random random = new Random(seed);
        int[] ids = new int[length];
        ids[0] = WordPiece.CLS;
        for (int i = 1; i < length - 1; i++) {
            ids[i] = 1000 + random.nextInt(20_000);
        }
        ids[length - 1] = WordPiece.SEP;
        return ids;
    }

    @Test
    void aWindowsVectorsAreTheSameWhateverSharesItsBatch() {
        int[] w = window(40, 1);
        float[][] alone = bert.encode(List.of(w))[0][0];
        float[][][] equal = bert.encode(List.of(window(40, 2), w, window(40, 3)))[0];
        float[][][] mixed = bert.encode(List.of(window(90, 4), w, window(12, 5), window(40, 6)))[0];
        assertEquals(40, mixed[1].length);
        assertEquals(12, mixed[2].length, "each window keeps its own length");
        for (int j = 0; j < alone.length; j++) {
            assertArrayEquals(alone[j], equal[1][j], 0f, "piece " + j + " beside equal lengths");
            assertArrayEquals(alone[j], mixed[1][j], 0f, "piece " + j + " beside longer and shorter windows");
        }
        assertArrayEquals(bert.encode(List.of(window(12, 5)))[0][0][3], mixed[2][3], 0f);
    }
}
