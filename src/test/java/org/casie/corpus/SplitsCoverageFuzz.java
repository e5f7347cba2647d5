package org.casie.corpus;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

/** Coverage-guided fuzzing (Jazzer) of split lists. */
class SplitsCoverageFuzz {

    static Stream<Arguments> fixtures() {
        return ReaderFuzzTest.SPLIT_SEEDS.stream().map(b -> Arguments.of((Object) b));
    }

    @MethodSource("fixtures")
    @FuzzTest(maxDuration = "4s")
    void splitList(byte[] input) {
        ReaderFuzzTest.checkSplits(input, "fuzz.txt");
    }
}
