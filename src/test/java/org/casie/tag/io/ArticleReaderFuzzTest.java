package org.casie.tag.io;

import org.casie.corpus.Fuzz;
import org.casie.corpus.ReaderFuzzTestSeeds;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fuzz campaign over the article reader and every format it detects (CASIE source text, markdown, HTML,
 * plain text, annotation JSON): an article with text, or an {@link ArticleReadException} naming the file.
 */
class ArticleReaderFuzzTest {

    private static final List<byte[]> SEEDS = ReaderFuzzTestSeeds.of("tagio/source.txt", "tagio/markdown.txt",
            "tagio/page.html", "tagio/plain-crlf.txt", "corpus/shifted.json");

    private final ArticleReader reader = new ArticleReader();

    @Test
    void givesAnArticleWithTextOrAnErrorNamingTheFile() {
        Fuzz.campaign("article", 8000, 21, Fuzz.inputsLike(SEEDS), input -> check(reader, input, "fuzz.txt"));
    }

    /** The oracle shared with the coverage-guided campaign: an article with text, or one line naming the file. */
    static String check(ArticleReader reader, byte[] input, String name) {
        try {
            Article a = reader.read(input, name);
            assertFalse(a.document().content().isBlank(), "an article has text");
            a.warnings().forEach(Fuzz::assertOneLine);
            return a.format().name().toLowerCase();
        } catch (ArticleReadException e) {
            assertTrue(e.getMessage().startsWith(name + ": "), e.getMessage());
            Fuzz.assertOneLine(e.getMessage());
            return "refused";
        }
    }
}
