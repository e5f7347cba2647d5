package org.casie.corpus;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Coverage-guided fuzzing (Jazzer) of the brat standoff reader: an input is the {@code .txt} content, a NUL byte,
 * then the {@code .ann} lines; seeded from the brat fixtures. The reader gives a document whose spans cover their
 * text, or one-line errors naming the file; it never throws.
 */
class BratReaderCoverageFuzz {

    private final BratReader reader = new BratReader();

    static Stream<Arguments> fixtures() {
        return Stream.of("events", "problems").map(name -> {
            List<byte[]> parts = ReaderFuzzTest.resources("brat/" + name + ".txt", "brat/" + name + ".ann");
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            b.writeBytes(parts.get(0));
            b.write(0);
            b.writeBytes(parts.get(1));
            return Arguments.of((Object) b.toByteArray());
        });
    }

    @MethodSource("fixtures")
    @FuzzTest(maxDuration = "4s")
    void bratStandoff(byte[] input) {
        int nul = 0;
        while (nul < input.length && input[nul] != 0) {
            nul++;
        }
        String content = new String(input, 0, nul, StandardCharsets.UTF_8);
        String ann = nul < input.length ? new String(input, nul + 1, input.length - nul - 1, StandardCharsets.UTF_8) : "";
        ReadResult r = reader.read("fuzz", ann, content, null);
        r.errors().forEach(p -> Fuzz.assertOneLine(p.toString()));
        r.dropped().forEach(p -> Fuzz.assertOneLine(p.toString()));
        if (r.document().isPresent()) {
            ReaderFuzzTest.assertSpansCoverTheirText(r.document().get());
        } else {
            assertFalse(r.errors().isEmpty(), "a rejected file says why");
            assertTrue(r.errors().get(0).toString().startsWith("fuzz.ann"), r.errors().get(0).toString());
        }
    }
}
