package org.casie.tag.io;

import java.nio.file.Files;

import org.junit.jupiter.api.io.TempDir;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArticleReaderTest {

    private final ArticleReader reader = new ArticleReader();

    private static Path fixture(String name) {
        return Path.of("src/test/resources/tagio", name);
    }

    @Test
    void readsCasieSourceFormat() throws Exception {
        Article a = reader.read(fixture("source.txt"));
        assertEquals(InputFormat.CASIE_SOURCE, a.format());
        assertEquals("Acme Corp was hit by ransomware on Monday.\nThe attackers demanded 10 bitcoin.", a.document().content());
        assertEquals("Acme hit by ransomware", a.document().title());
        assertEquals("2019_03_04", a.document().date());
        assertEquals("https://example.org/acme-ransomware", a.document().link());
    }

    @Test
    void readsMarkdownFormStoppingBeforeTheJsonPreview() throws Exception {
        Article a = reader.read(fixture("markdown.txt"));
        assertEquals(InputFormat.MARKDOWN, a.format());
        assertEquals("Acme Corp was hit by ransomware on Monday.", a.document().content());
    }

    @Test
    void readsHtmlWithoutScriptsOrNavigation() throws Exception {
        Article a = reader.read(fixture("page.html"));
        assertEquals(InputFormat.HTML, a.format());
        assertEquals("Globex leaks customer data", a.document().title());
        String text = a.document().content();
        assertTrue(text.contains("Globex exposed 2 million customer records & passwords."), text);
        assertTrue(text.contains("\nThe company said hackers stole the data."), text);
        assertFalse(text.contains("tracking") || text.contains("Menu") || text.contains("Copyright"), text);
    }

    @Test
    void readsPlainTextWithWindowsLineEnds() throws Exception {
        Article a = reader.read(fixture("plain-crlf.txt"));
        assertEquals(InputFormat.PLAIN_TEXT, a.format());
        assertEquals("Hackers breached Initech.\nThey stole payroll files.", a.document().content());
        assertEquals("plain-crlf", a.id());
    }

    @Test
    void detectsFormatFromContentNotExtension() throws Exception {
        byte[] html = "<html><body><p>Hackers attacked.</p></body></html>".getBytes(StandardCharsets.UTF_8);
        assertEquals(InputFormat.HTML, reader.read(html, "article.txt").format());
        byte[] json = "{\"content\": \"Hackers attacked.\"}".getBytes(StandardCharsets.UTF_8);
        Article a = reader.read(json, "article.txt");
        assertEquals(InputFormat.CASIE_JSON, a.format());
        assertEquals("Hackers attacked.", a.document().content());
    }

    @Test
    void emptyInputIsAnErrorNamingTheFile() {
        ArticleReadException e = assertThrows(ArticleReadException.class, () -> reader.read(new byte[0], "x.txt"));
        assertEquals("x.txt: empty file", e.getMessage());
    }

    @Test
    void binaryInputIsAnError() {
        ArticleReadException e = assertThrows(ArticleReadException.class,
                () -> reader.read(new byte[] {'P', 'K', 3, 4, 0, 0, 1}, "x.zip"));
        assertTrue(e.getMessage().startsWith("x.zip: binary file"));
    }

    @Test
    void latin1TextIsReadWithAWarning() throws Exception {
        byte[] bytes = "Caf\u00e9 hacked.".getBytes(StandardCharsets.ISO_8859_1);
        Article a = reader.read(bytes, "cafe.txt");
        assertEquals("Caf\u00e9 hacked.", a.document().content());
        assertEquals(1, a.warnings().size());
    }

    @Test
    void malformedJsonIsAnErrorNamingTheFile() {
        ArticleReadException e = assertThrows(ArticleReadException.class,
                () -> reader.read("{\"content\": ".getBytes(StandardCharsets.UTF_8), "bad.json"));
        assertTrue(e.getMessage().startsWith("bad.json: malformed JSON"), e.getMessage());
    }

    @Test
    void textInNeitherUtf8NorWindows1252IsAnError() {
        byte[] bytes = {'a', 'b', (byte) 0x81, 'c'}; // 0x81 is undefined in windows-1252
        ArticleReadException e = assertThrows(ArticleReadException.class, () -> reader.read(bytes, "odd.txt"));
        assertEquals("odd.txt: neither UTF-8 nor windows-1252 text", e.getMessage());
    }

    @Test
    void megabyteArticleIsReadQuickly() throws Exception {
        String text = "Hackers breached Acme Corp and stole customer records.\n".repeat(19_000);
        long start = System.nanoTime();
        Article a = reader.read(text.getBytes(StandardCharsets.UTF_8), "big.txt");
        Article html = reader.read(("<html><body><p>" + text.replace("\n", "</p><p>") + "</p></body></html>")
                .getBytes(StandardCharsets.UTF_8), "big.html");
        assertTrue((System.nanoTime() - start) / 1e9 < 10);
        assertTrue(a.document().content().length() > 1_000_000);
        assertEquals(InputFormat.HTML, html.format());
        assertTrue(html.document().content().length() > 1_000_000);
    }

    @Test
    void manyUnclosedTagsDoNotTakeQuadraticTime() throws Exception {
        // A regular expression took 7 s on 100 KB of these and minutes on a megabyte.
        String text = "<title>t</title>\n" + "<text>".repeat(170_000);
        long start = System.nanoTime();
        ArticleReadException e = assertThrows(ArticleReadException.class,
                () -> reader.read(text.getBytes(StandardCharsets.UTF_8), "tags.txt"));
        assertTrue((System.nanoTime() - start) / 1e9 < 5);
        assertEquals("tags.txt: CASIE_SOURCE input without a <text> block", e.getMessage());
    }

    @Test
    void deeplyNestedHtmlDoesNotOverflowTheStack() throws Exception {
        String html = "<html><body>" + "<div>".repeat(200_000) + "Acme was hacked." + "</div>".repeat(200_000) + "</body></html>";
        Article a = reader.read(html.getBytes(StandardCharsets.UTF_8), "deep.html");
        assertEquals("Acme was hacked.", a.document().content());
    }

    @Test
    void hundredMegabyteFileIsRefusedWithoutReadingIt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("huge.txt");
        try (var out = new java.io.BufferedOutputStream(Files.newOutputStream(file))) {
            byte[] chunk = "Hackers breached Acme Corp. ".repeat(37_450).getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 100; i++) {
                out.write(chunk);
            }
        }
        ArticleReadException e = assertThrows(ArticleReadException.class, () -> reader.read(file));
        assertEquals("huge.txt: 100.0 MB, larger than the 20.0 MB limit; not an article", e.getMessage());
    }

    @Test
    void standardInputIsReadUpToTheLimitOnly() {
        java.io.InputStream endless = new java.io.InputStream() {
            @Override
            public int read() {
                return 'a';
            }
        };
        ArticleReadException e = assertThrows(ArticleReadException.class, () -> reader.read(endless, "stdin"));
        assertEquals("stdin: more than 20.0 MB, the limit", e.getMessage());
    }
}
