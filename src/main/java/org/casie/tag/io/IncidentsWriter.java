package org.casie.tag.io;

import org.casie.io.AtomicFiles;
import org.casie.incident.TaggedArticle;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** {@code NAME.incidents.json}: the article's incident records ({@link IncidentJson}). */
public final class IncidentsWriter implements OutputWriter {

    @Override
    public String name() {
        return "incidents";
    }

    @Override
    public List<String> files(String id) {
        return List.of(id + ".incidents.json");
    }

    @Override
    public void write(TaggedArticle article, Path outDir) throws IOException {
        AtomicFiles.write(outDir.resolve(article.document().id() + ".incidents.json"), IncidentJson.render(article));
    }
}
