package org.casie.text;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.casie.examples.SpanAlignerTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Coverage-guided fuzzing (Jazzer) of CoreNLP cache entries: a table, or an IOException (which the cache reads
 * as a missing entry), never another exception or an allocation the entry cannot back, even if the input
 * happens to carry a matching CRC32.
 */
class TokenTableCodecCoverageFuzz {

    static Stream<Arguments> fixtures() {
        return Stream.of(Arguments.of((Object) TokenTableCodec.encode(SpanAlignerTest.table())));
    }

    @MethodSource("fixtures")
    @FuzzTest(maxDuration = "4s")
    void cacheEntry(byte[] input) {
        try {
            TokenTable t = TokenTableCodec.decode(input);
            assertTrue(t.size() <= input.length, "no more tokens than bytes");
        } catch (IOException e) {
            assertTrue(e.getMessage() != null && !e.getMessage().isBlank());
        }
    }
}
