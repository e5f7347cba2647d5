package org.casie.tag;

import org.casie.corpus.ArgumentMention;
import org.casie.corpus.CharSpan;
import org.casie.corpus.Document;
import org.casie.corpus.EventMention;
import org.casie.examples.AnnotatedText;
import org.casie.model.EventModel;
import org.casie.model.ModelBundle;
import org.casie.model.TinyBundle;
import org.casie.tag.io.Article;
import org.casie.tag.io.ArticleReader;
import org.casie.text.LongRunMask;
import org.casie.text.Preprocessor;
import org.casie.text.TextWindows;
import org.casie.text.TokenTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Long articles in windows (an untrained tiny model with the cheap annotators: its predictions are arbitrary
 * but deterministic, which is all a comparison needs), and pathological inputs at reduced size.
 */
class WindowedExtractionTest {

    private static final String PARAGRAPH = "Hackers breached the network of Acme Corp and stole 40,000 card numbers. "
            + "The company paid a ransom of 2 bitcoin to the attackers.\n\n";

    @TempDir
    static Path dir;
    static EventModel model;
    static Preprocessor preprocessor;
    static TextAnnotator annotator;

    @BeforeAll
    static void load() throws Exception {
        model = ModelBundle.load(TinyBundle.write(dir.resolve("tiny.zip"))).model();
        preprocessor = new Preprocessor(model.settings().annotators(), null);
        annotator = new TextAnnotator(model.settings(), null, 1);
    }

    private static EventExtractor extractor(int windowChars) {
        return new EventExtractor(model, annotator, windowChars);
    }

    private static String article(int paragraphs) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < paragraphs; i++) {
            b.append(PARAGRAPH.replace("40,000", String.valueOf(40_000 + i)));
        }
        return b.toString();
    }

    private static List<CharSpan> spans(Document d) {
        return d.events()
                .flatMap(e -> Stream.concat(Stream.of(e.trigger()), e.arguments().stream().map(ArgumentMention::span)))
                .toList();
    }

    private static void assertSpansCoverTheirText(Document d) {
        for (EventMention e : d.events().toList()) {
            assertEquals(e.trigger().textIn(d.content()), e.text());
            for (ArgumentMention a : e.arguments()) {
                assertEquals(a.span().textIn(d.content()), a.text());
            }
        }
    }

    @Test
    void anArticleThatFitsOneWindowGivesTheWholeArticleResult() {
        Document doc = Document.ofText("a", article(6));
        Document today = model.extract(new AnnotatedText(doc, preprocessor.process(doc.content())));
        Document windowed = extractor(TextWindows.MAX_WINDOW_CHARS).extract(doc);
        assertEquals(today, windowed);
        assertTrue(today.events().count() > 0, "the comparison has mentions to compare");
    }

    @Test
    void windowsAtParagraphBreaksGiveTheSameMentionsAsTheWholeArticle() {
        // Sentences end at line breaks and the tiny model's windows are single sentences, so cutting at paragraphs
        // changes nothing but the work per window: the mentions must be those of the whole article.
        Document doc = Document.ofText("a", article(12));
        Document whole = extractor(TextWindows.MAX_WINDOW_CHARS).extract(doc);
        Document windowed = extractor(PARAGRAPH.length() * 3).extract(doc);
        assertTrue(TextWindows.of(doc.content(), PARAGRAPH.length() * 3).size() >= 4);
        assertEquals(whole.events().toList(), windowed.events().toList());
        assertEquals(whole, windowed, "hoppers too (formed over the whole article)");
    }

    @Test
    void spansNearAWindowBoundaryStayInsideTheArticleAndItsWindows() {
        String text = article(6).replace("\n\n", " "); // no line break: windows end at blanks inside sentences
        Document doc = Document.ofText("a", text);
        int max = 251;
        List<TextWindows.Window> windows = TextWindows.of(text, max);
        Document d = extractor(max).extract(doc);
        assertTrue(d.events().count() > 0);
        assertSpansCoverTheirText(d);
        for (CharSpan s : spans(d)) {
            assertTrue(windows.stream().anyMatch(w -> w.begin() <= s.begin() && s.end() <= w.end()),
                    "no span crosses a window boundary: " + s);
        }
        List<String> ids = d.events().map(EventMention::id).toList();
        assertEquals(ids.size(), ids.stream().distinct().count(), "mention ids are unique across windows");
    }

    private static Document tagged(String text) {
        Document d = extractor(2_000).extract(Document.ofText("p", text));
        assertEquals(text, d.content());
        assertSpansCoverTheirText(d);
        return d;
    }

    @Test
    void aSingleLongTokenIsOneTokenForTheAnnotatorsAndKeptInTheText() {
        String blob = "QUJD".repeat(5_000); // 20,000 characters, no blank
        String text = "Acme was breached. " + blob + " The data leaked.";
        TokenTable t = preprocessor.process(text);
        int i = t.tokenAtOrAfter(19);
        assertEquals(19, t.begin(i));
        assertEquals(19 + blob.length(), t.end(i), "one token covers the whole run");
        assertEquals(blob, t.word(i));
        assertEquals("data", t.word(t.tokenAtOrAfter(text.indexOf("data"))));
        tagged(text);
    }

    @Test
    void punctuationRunsAreBounded() {
        StringBuilder b = new StringBuilder();
        String punct = "!?.,;:-_*#@%&()[]{}<>/|'\"~^=+";
        for (int i = 0; i < 6_000; i++) {
            b.append(i % 11 == 10 ? ' ' : punct.charAt((i * 7) % punct.length()));
        }
        b.append(' ').append(".".repeat(3_000));
        tagged(b.toString());
    }

    @Test
    void deeplyNestedHtmlIsReadAndTagged() throws Exception {
        String html = "<html><body>" + "<div>".repeat(20_000) + "Hackers breached Acme." + "</div>".repeat(20_000)
                + "</body></html>";
        Article a = new ArticleReader().read(html.getBytes(StandardCharsets.UTF_8), "nested.html");
        assertEquals("Hackers breached Acme.", a.document().content().strip());
        tagged(a.document().content());
        tagged(html); // the same bytes as plain text: one long run
    }

    @Test
    void manyOneCharacterLinesAreBounded() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 5_000; i++) {
            b.append((char) ('a' + i % 26)).append('\n');
        }
        String text = b.toString();
        tagged(text);
        assertEquals(1_000, preprocessor.process(text.substring(0, 2_000)).size(), "one token per line");
    }

    @Test
    void longTextStaysLongOnlyInItsOffsets() {
        String text = "x".repeat(LongRunMask.MAX_RUN_CHARS + 1);
        TokenTable t = preprocessor.process(text);
        assertEquals(1, t.size());
        assertEquals(text.length(), t.end(0));
    }
}
