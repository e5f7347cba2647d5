package org.casie.tag.io;

import org.casie.io.Html;
import org.casie.corpus.ArgumentMention;
import org.casie.io.AtomicFiles;
import org.casie.corpus.CharSpan;
import org.casie.corpus.Document;
import org.casie.incident.TaggedArticle;
import org.casie.corpus.EventMention;
import org.casie.corpus.Role;
import org.casie.corpus.Subtype;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * A self-contained HTML page: the article with triggers (colour per subtype) and arguments (colour per
 * role) highlighted, hover titles with role, realis and confidence, and a legend. Overlapping spans are
 * cut at every boundary and each piece shows all the annotations covering it, so no span is lost.
 */
public final class HtmlOutputWriter implements OutputWriter {

    private static final String[] SUBTYPE_COLOURS = {"#e4572e", "#f3a712", "#a8c686", "#669bbc", "#b07bac"};

    @Override
    public String name() {
        return "html";
    }

    @Override
    public java.util.List<String> files(String id) {
        return java.util.List.of(id + ".html");
    }

    @Override
    public void write(TaggedArticle article, Path outDir) throws IOException {
        Document doc = article.document();
        AtomicFiles.write(outDir.resolve(doc.id() + ".html"), render(doc));
    }

    private record Mark(CharSpan span, String cssClass, String label) {
    }

    public static String render(Document doc) {
        List<Mark> marks = new ArrayList<>();
        for (EventMention e : doc.events().toList()) {
            marks.add(new Mark(e.trigger(), "t-" + e.subtype().name(), e.subtype() + " trigger, " + e.realis()
                    + confidence(e.confidence())));
            for (ArgumentMention a : e.arguments()) {
                marks.add(new Mark(a.span(), "r-" + a.role().label(), a.role().label() + " (" + a.entityType() + ") of "
                        + e.subtype() + " '" + e.text() + "'" + confidence(a.confidence())));
            }
        }
        String content = doc.content();
        TreeSet<Integer> cuts = new TreeSet<>(List.of(0, content.length()));
        marks.forEach(m -> {
            cuts.add(m.span().begin());
            cuts.add(m.span().end());
        });
        StringBuilder body = new StringBuilder();
        Integer previous = null;
        for (int cut : cuts) {
            if (previous != null && cut > previous) {
                CharSpan piece = new CharSpan(previous, cut);
                List<Mark> covering = marks.stream().filter(m -> m.span().contains(piece)).toList();
                String text = Html.escape(content.substring(previous, cut));
                if (covering.isEmpty()) {
                    body.append(text);
                } else {
                    // The innermost (shortest) annotation gives the colour; the title lists them all.
                    Mark inner = covering.stream().min((a, b) -> Integer.compare(a.span().length(), b.span().length())).get();
                    body.append("<mark class=\"").append(inner.cssClass()).append("\" title=\"")
                            .append(Html.escape(String.join("; ", covering.stream().map(Mark::label).toList()))).append("\">")
                            .append(text).append("</mark>");
                }
            }
            previous = cut;
        }
        StringBuilder css = new StringBuilder();
        StringBuilder legend = new StringBuilder();
        Subtype[] subtypes = Subtype.values();
        for (int i = 0; i < subtypes.length; i++) {
            css.append(".t-").append(subtypes[i].name()).append("{background:").append(SUBTYPE_COLOURS[i])
                    .append(";font-weight:bold;color:#000}\n");
            legend.append("<mark class=\"t-").append(subtypes[i].name()).append("\">").append(subtypes[i].name())
                    .append("</mark> ");
        }
        Role[] roles = Role.values();
        for (int i = 0; i < roles.length; i++) {
            String colour = "hsl(" + (i * 360 / roles.length) + ",70%,85%)";
            css.append(".r-").append(roles[i].label()).append("{background:").append(colour)
                    .append(";border-bottom:2px solid hsl(").append(i * 360 / roles.length).append(",60%,45%)}\n");
            legend.append("<mark class=\"r-").append(roles[i].label()).append("\">").append(roles[i].label())
                    .append("</mark> ");
        }
        String title = Html.escape(doc.title() != null ? doc.title() : doc.id());
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title + "</title>\n<style>\n"
                + "body{font-family:sans-serif;max-width:60em;margin:2em auto;line-height:1.6}"
                + "article{white-space:pre-wrap}mark{padding:0 2px;border-radius:3px}.legend{font-size:85%}\n"
                + css + "</style></head><body>\n<h1>" + title + "</h1>\n<p>" + doc.events().count() + " events in "
                + doc.hoppers().size() + " hoppers. Hover a highlight for details.</p>\n<p class=\"legend\">" + legend
                + "</p>\n<article>" + body + "</article>\n</body></html>\n";
    }

    private static String confidence(Double c) {
        return c == null ? "" : String.format(", confidence %.2f", c);
    }

}
