package org.casie.tag.io;

import org.casie.corpus.AnnotationReader;
import org.casie.corpus.Document;
import org.casie.corpus.ReadResult;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

import org.casie.io.InputBytes;
import org.casie.corpus.Problem;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads an article in any supported format, detected from its content (the extension only breaks ties):
 * CASIE annotation JSON, CASIE source text, the seeds' markdown form, HTML (parsed by jsoup), or plain text.
 */
public final class ArticleReader {

    /** Articles larger than this are refused: a news article is tens of kilobytes, not tens of megabytes. */
    public static final int MAX_BYTES = 20 * 1024 * 1024;

    private static final List<String> BLOCK_TAGS = List.of("title", "source", "date", "text");
    private static final Pattern FRONT_MATTER = Pattern.compile("\\A---\\s*\\n(.*?)\\n---\\s*\\n", Pattern.DOTALL);
    private static final Pattern HTML_START = Pattern.compile(
            "\\A\\s*(<!--.*?-->\\s*)*(<!doctype html|<html|<head|<body|<meta|<p[ >]|<div[ >]|<article)",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Set<String> BLOCKS = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "br",
            "tr", "blockquote", "pre", "section", "article", "header", "dd", "dt", "figcaption", "td", "th");

    private final AnnotationReader annotations = new AnnotationReader();

    public Article read(Path file) throws ArticleReadException {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        try {
            return read(InputBytes.read(file, MAX_BYTES), name);
        } catch (InputBytes.TooLargeException e) {
            throw new ArticleReadException(name + ": " + e.getMessage() + "; not an article");
        } catch (NoSuchFileException e) {
            throw new ArticleReadException(name + ": no such file");
        } catch (IOException e) {
            throw new ArticleReadException(name + ": cannot read (" + e.getMessage() + ")");
        }
    }

    /** Standard input, read up to the same limit as a file. */
    public Article read(InputStream in, String name) throws ArticleReadException {
        try {
            return read(InputBytes.read(in, MAX_BYTES), name);
        } catch (IOException e) {
            throw new ArticleReadException(name + ": " + e.getMessage());
        }
    }

    public Article read(byte[] bytes, String name) throws ArticleReadException {
        if (bytes.length > MAX_BYTES) {
            throw new ArticleReadException(name + ": " + InputBytes.megabytes(bytes.length) + ", larger than the "
                    + InputBytes.megabytes(MAX_BYTES) + " limit; not an article");
        }
        List<String> warnings = new ArrayList<>();
        String text = decode(bytes, name, warnings).replace("\r\n", "\n").replace('\r', '\n');
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            throw new ArticleReadException(name + ": empty file");
        }
        String id = stripExtension(name);
        String trimmed = text.stripLeading();
        if (trimmed.startsWith("{") && (trimmed.contains("\"content\"") || name.endsWith(".json"))) {
            return fromJson(text, name, id, warnings);
        }
        if (FRONT_MATTER.matcher(text).find() && !blocks(text).isEmpty()) {
            return fromSource(text, name, id, InputFormat.MARKDOWN, warnings);
        }
        if (trimmed.startsWith("<title>") || trimmed.startsWith("<text>")) {
            return fromSource(text, name, id, InputFormat.CASIE_SOURCE, warnings);
        }
        if (HTML_START.matcher(text).find() || name.endsWith(".html") || name.endsWith(".htm")) {
            return fromHtml(text, name, id, warnings);
        }
        String content = text.strip();
        return new Article(id, InputFormat.PLAIN_TEXT, Document.ofText(id, content), warnings);
    }

    private Article fromJson(String text, String name, String id, List<String> warnings) throws ArticleReadException {
        ReadResult r = annotations.read(text, name.endsWith(".json") ? name : id + ".json");
        if (r.document().isEmpty()) {
            Problem p = r.errors().get(0);
            throw new ArticleReadException(name + ": " + (p.path().isEmpty() ? "" : p.path() + ": ") + p.message());
        }
        r.errors().forEach(p -> warnings.add(p.toString()));
        Document gold = r.document().get();
        return new Article(id, InputFormat.CASIE_JSON, gold.withHoppers(List.of()), warnings);
    }

    private static Article fromSource(String text, String name, String id, InputFormat format, List<String> warnings)
            throws ArticleReadException {
        String title = null, link = null, date = null, body = null;
        String scope = text;
        int annotations = text.indexOf("\n## Annotations");
        if (format == InputFormat.MARKDOWN && annotations >= 0) {
            scope = text.substring(0, annotations); // the JSON preview below repeats the text
        }
        for (Map.Entry<String, String> block : blocks(scope).entrySet()) {
            String value = block.getValue();
            switch (block.getKey()) {
                case "title" -> title = value.strip();
                case "source" -> link = value.strip();
                case "date" -> date = value.strip();
                default -> body = value.strip();
            }
        }
        if (body == null || body.isBlank()) {
            throw new ArticleReadException(name + ": " + format + " input without a <text> block");
        }
        return new Article(id, format, new Document(id, null, body, title, date, link, "text", List.of()), warnings);
    }

    private static Article fromHtml(String html, String name, String id, List<String> warnings)
            throws ArticleReadException {
        org.jsoup.nodes.Document page = Jsoup.parse(html);
        page.select("script, style, noscript, nav, footer, header, aside, form, iframe, svg, template").remove();
        String title = page.select("meta[property=og:title]").attr("content");
        if (title.isBlank()) {
            title = page.title();
        }
        Element root = page.selectFirst("article");
        if (root == null) {
            root = page.selectFirst("main");
        }
        if (root == null) {
            root = page.body();
        }
        StringBuilder sb = new StringBuilder();
        appendText(root, sb);
        String content = sb.toString().replaceAll("[ \\t\\u00a0]+", " ").replaceAll(" *\\n *", "\n")
                .replaceAll("\\n{3,}", "\n\n").strip();
        if (content.isEmpty()) {
            throw new ArticleReadException(name + ": HTML page without any text");
        }
        return new Article(id, InputFormat.HTML,
                new Document(id, null, content, title.isBlank() ? null : title.strip(), null, null, "html", List.of()),
                warnings);
    }

    /**
     * The first {@code <title>}, {@code <source>}, {@code <date>} and {@code <text>} block of a CASIE source file, by
     * tag name. Found with plain searches, one pass per tag: a regular expression took quadratic time on many
     * unclosed tags (a 100 KB file of {@code <text>} took 7 s).
     */
    static Map<String, String> blocks(String text) {
        Map<String, String> found = new LinkedHashMap<>();
        for (String tag : BLOCK_TAGS) {
            int open = text.indexOf("<" + tag + ">");
            if (open < 0) {
                continue;
            }
            int from = open + tag.length() + 2;
            int close = text.indexOf("</" + tag + ">", from);
            if (close >= 0) {
                found.put(tag, text.substring(from, close));
            }
        }
        return found;
    }

    /** Text of an element with block elements on lines of their own; iterative, so deep nesting cannot overflow the stack. */
    private static void appendText(Node root, StringBuilder sb) {
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    sb.append(t.getWholeText());
                } else if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
                    sb.append('\n');
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
                    sb.append('\n');
                }
            }
        }, root);
    }

    private static String decode(byte[] bytes, String name, List<String> warnings) throws ArticleReadException {
        java.util.Optional<String> binary = InputBytes.binary(bytes);
        if (binary.isPresent()) {
            throw new ArticleReadException(name + ": " + binary.get());
        }
        int controls = 0;
        for (byte b : bytes) {
            if (b >= 0 && b < 32 && b != '\n' && b != '\r' && b != '\t' && b != '\f') {
                controls++;
            }
        }
        if (bytes.length > 0 && controls > bytes.length / 20) {
            throw new ArticleReadException(name + ": binary file (mostly control characters), not text");
        }
        try {
            return strict(StandardCharsets.UTF_8, bytes);
        } catch (CharacterCodingException e) {
            try {
                String text = strict(Charset.forName("windows-1252"), bytes);
                warnings.add(name + ": not valid UTF-8; read as windows-1252");
                return text;
            } catch (CharacterCodingException e2) {
                throw new ArticleReadException(name + ": neither UTF-8 nor windows-1252 text");
            }
        }
    }

    private static String strict(Charset charset, byte[] bytes) throws CharacterCodingException {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    }

    /** The id of the article in file {@code fileName}, which names its outputs: the name without its extension. */
    public static String idOf(String fileName) {
        return stripExtension(fileName);
    }

    static String stripExtension(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
