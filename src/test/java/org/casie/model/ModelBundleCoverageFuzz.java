package org.casie.model;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.casie.corpus.Document;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Coverage-guided fuzzing (Jazzer) of model bundles, seeded with a tiny bundle and the genuine version 1
 * bundle: refused on one line naming the bundle, or loaded and able to tag.
 */
class ModelBundleCoverageFuzz {

    private static final Document DOC = Document.ofText("t", "Hackers breached Acme.");

    static Stream<Arguments> fixtures() {
        try {
            return Stream.of(ModelBundleFuzzTest.bundle(),
                    Files.readAllBytes(Path.of("src/test/resources/model/version1-untrained.zip")))
                    .map(b -> Arguments.of((Object) b));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @MethodSource("fixtures")
    @FuzzTest(maxDuration = "4s")
    void bundle(byte[] input) {
        ModelBundleFuzzTest.check(input, DOC);
    }
}
