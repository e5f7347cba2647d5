package org.casie.tag.io;

import org.casie.corpus.AnnotationWriter;
import org.casie.corpus.Document;
import org.casie.incident.TaggedArticle;

import java.io.IOException;
import java.nio.file.Path;

/** CASIE annotation JSON named after the input ({@code <id>.json}), so {@code casie score GOLD PRED} pairs files. */
public final class JsonOutputWriter implements OutputWriter {

    private final AnnotationWriter writer = new AnnotationWriter();

    @Override
    public String name() {
        return "json";
    }

    @Override
    public java.util.List<String> files(String id) {
        return java.util.List.of(id + ".json");
    }

    @Override
    public void write(TaggedArticle article, Path outDir) throws IOException {
        Document doc = article.document();
        writer.write(doc, outDir.resolve(doc.id() + ".json"));
    }
}
