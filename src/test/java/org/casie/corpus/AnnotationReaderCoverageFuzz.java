package org.casie.corpus;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

/** Coverage-guided fuzzing (Jazzer) of the CASIE annotation JSON reader, seeded from the corpus fixtures. */
class AnnotationReaderCoverageFuzz {

    private final AnnotationReader reader = new AnnotationReader();

    static Stream<Arguments> fixtures() {
        return ReaderFuzzTest.ANNOTATION_SEEDS.stream().map(b -> Arguments.of((Object) b));
    }

    @MethodSource("fixtures")
    @FuzzTest(maxDuration = "4s")
    void annotationJson(byte[] input) {
        ReaderFuzzTest.checkAnnotation(reader, input, "fuzz.json");
    }
}
