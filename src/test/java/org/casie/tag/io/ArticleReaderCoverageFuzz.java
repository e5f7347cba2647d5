package org.casie.tag.io;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.casie.corpus.ReaderFuzzTestSeeds;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.stream.Stream;

/**
 * Coverage-guided fuzzing (Jazzer) of the article reader in every format it detects: the first byte picks the
 * file name (and so the tie-breaking extension), the rest is the file. Seeded from the test fixtures.
 */
class ArticleReaderCoverageFuzz {

    static final String[] NAMES = {"fuzz.txt", "fuzz.json", "fuzz.md", "fuzz.html", "fuzz"};

    private final ArticleReader reader = new ArticleReader();

    static Stream<Arguments> fixtures() {
        return ReaderFuzzTestSeeds.of("tagio/source.txt", "tagio/markdown.txt", "tagio/page.html",
                "tagio/plain-crlf.txt", "corpus/shifted.json").stream()
                .flatMap(seed -> Stream.of(0, 1, 3).map(k -> Arguments.of((Object) prefixed(k.byteValue(), seed))));
    }

    static byte[] prefixed(byte first, byte[] rest) {
        byte[] out = new byte[rest.length + 1];
        out[0] = first;
        System.arraycopy(rest, 0, out, 1, rest.length);
        return out;
    }

    @MethodSource("fixtures")
    @FuzzTest(maxDuration = "4s")
    void article(byte[] input) {
        if (input.length == 0) {
            return;
        }
        String name = NAMES[Math.floorMod(input[0], NAMES.length)];
        ArticleReaderFuzzTest.check(reader, Arrays.copyOfRange(input, 1, input.length), name);
    }
}
