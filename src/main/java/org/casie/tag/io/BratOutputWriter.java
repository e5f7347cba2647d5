package org.casie.tag.io;

import org.casie.corpus.BratWriter;
import org.casie.corpus.Document;
import org.casie.incident.TaggedArticle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * brat standoff through {@link BratWriter}: {@code <id>.txt} holds the content and {@code <id>.ann} the
 * triggers and arguments as text-bound annotations, events as {@code E} lines, realis as attributes, hoppers
 * as {@code Coref} relations and confidences as notes; the output directory also gets the CASIE schema's
 * {@code annotation.conf} and {@code visual.conf}. Corrected by hand, the output is training data as it is.
 */
public final class BratOutputWriter implements OutputWriter {

    private final BratWriter writer = new BratWriter();

    @Override
    public String name() {
        return "brat";
    }

    @Override
    public java.util.List<String> files(String id) {
        return java.util.List.of(id + ".txt", id + ".ann");
    }

    @Override
    public void write(TaggedArticle article, Path outDir) throws IOException {
        Document doc = article.document();
        if (!Files.exists(outDir.resolve(BratWriter.CONFIG_FILES.get(0)))) {
            BratWriter.writeConfig(outDir);
        }
        writer.write(doc, outDir);
    }
}
