package org.casie.tag.io;

import org.casie.corpus.AnnotationReader;
import org.casie.corpus.Document;
import org.casie.corpus.ReadResult;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an article in any supported format, detected from its content (the extension only breaks ties):
 * CASIE annotation JSON, CASIE source text, the seeds' markdown form, HTML (parsed by jsoup), or plain text.
 */
public final class ArticleReader {

    /** Articles larger than this are refused: a news article is tens of kilobytes, not tens of megabytes. */
    public static final int MAX_BYTES = 20 * 1024 * 1024;

    private static final Pattern TAG = Pattern.compile("<(title|source|date|text)>(.*?)</\\1>", Pattern.DOTALL);
    private static final Pattern FRONT_MATTER = Pattern.compile("\\A---\\s*\\n(.*?)\\n---\\s*\\n", Pattern.DOTALL);
    private static final Pattern HTML_START = Pattern.compile(
            "\\A\\s*(<!--.*?-->\\s*)*(<!doctype html|<html|<head|<body|<meta|<p[ >]|<div[ >]|<article)",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Set<String> BLOCKS = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "br",
            "tr", "blockquote", "pre", "section", "article", "header", "dd", "dt", "figcaption", "td", "th");

    private final AnnotationReader annotations = new AnnotationReader();

    public Article read(Path file) throws ArticleReadException {
        String name = file.getFileName().toString();
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new ArticleReadException(name + ": larger than " + MAX_BYTES / (1024 * 1024) + " MB; not an article");
            }
            return read(Files.readAllBytes(file), name);
        } catch (IOException e) {
            throw new ArticleReadException(name + ": cannot read (" + e.getMessage() + ")");
        }
    }

    public Article read(byte[] bytes, String name) throws ArticleReadException {
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
        if (FRONT_MATTER.matcher(text).find() && TAG.matcher(text).find()) {
            return fromSource(text, id, InputFormat.MARKDOWN, warnings);
        }
        if (trimmed.startsWith("<title>") || trimmed.startsWith("<text>")) {
            return fromSource(text, id, InputFormat.CASIE_SOURCE, warnings);
        }
        if (HTML_START.matcher(text).find() || name.endsWith(".html") || name.endsWith(".htm")) {
            return fromHtml(text, id, warnings);
        }
        String content = text.strip();
        return new Article(id, InputFormat.PLAIN_TEXT, Document.ofText(id, content), warnings);
    }

    private Article fromJson(String text, String name, String id, List<String> warnings) throws ArticleReadException {
        ReadResult r = annotations.read(text, name.endsWith(".json") ? name : id + ".json");
        if (r.document().isEmpty()) {
            throw new ArticleReadException(r.errors().get(0).toString());
        }
        r.errors().forEach(p -> warnings.add(p.toString()));
        Document gold = r.document().get();
        return new Article(id, InputFormat.CASIE_JSON, gold.withHoppers(List.of()), warnings);
    }

    private static Article fromSource(String text, String id, InputFormat format, List<String> warnings)
            throws ArticleReadException {
        String title = null, link = null, date = null, body = null;
        String scope = text;
        int annotations = text.indexOf("\n## Annotations");
        if (format == InputFormat.MARKDOWN && annotations >= 0) {
            scope = text.substring(0, annotations); // the JSON preview below repeats the text
        }
        Matcher m = TAG.matcher(scope);
        while (m.find()) {
            String value = m.group(2);
            switch (m.group(1)) {
                case "title" -> title = title == null ? value.strip() : title;
                case "source" -> link = link == null ? value.strip() : link;
                case "date" -> date = date == null ? value.strip() : date;
                default -> body = body == null ? value.strip() : body;
            }
        }
        if (body == null || body.isBlank()) {
            throw new ArticleReadException(id + ": " + format + " input without a <text> block");
        }
        return new Article(id, format, new Document(id, null, body, title, date, link, "text", List.of()), warnings);
    }

    private static Article fromHtml(String html, String id, List<String> warnings) throws ArticleReadException {
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
            throw new ArticleReadException(id + ": HTML page without any text");
        }
        return new Article(id, InputFormat.HTML,
                new Document(id, null, content, title.isBlank() ? null : title.strip(), null, null, "html", List.of()),
                warnings);
    }

    /** Text of an element with block elements on lines of their own. */
    private static void appendText(Node node, StringBuilder sb) {
        if (node instanceof TextNode t) {
            sb.append(t.getWholeText());
            return;
        }
        boolean block = node instanceof Element e && BLOCKS.contains(e.normalName());
        if (block) {
            sb.append('\n');
        }
        for (Node child : node.childNodes()) {
            appendText(child, sb);
        }
        if (block) {
            sb.append('\n');
        }
    }

    private static String decode(byte[] bytes, String name, List<String> warnings) throws ArticleReadException {
        int controls = 0;
        for (byte b : bytes) {
            if (b == 0) {
                throw new ArticleReadException(name + ": binary file (contains NUL bytes), not text");
            }
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

    static String stripExtension(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
