package org.casie.spark;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.casie.corpus.Document;
import org.casie.corpus.Problem;
import org.casie.incident.TaggedArticle;
import org.casie.tag.EventExtractor;
import org.casie.tag.io.ArticleReadException;
import org.casie.tag.io.ArticleReader;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Tags a partition of articles ({@link #INPUT} rows) into {@link #RESULT} rows: the article's events and incident records, or the
 * reason it could not be tagged. A bad article never fails the task. The extractor is loaded once per JVM
 * ({@link ExtractorHolder}), on the first row, so empty partitions load nothing.
 */
public final class ArticleTagger implements MapPartitionsFunction<Row, Row> {

    /** An article: its text, or the Hadoop path of its file ({@code source}) when {@code text} is null. */
    public static final StructType INPUT = new StructType()
            .add("id", DataTypes.StringType)
            .add("source", DataTypes.StringType)
            .add("text", DataTypes.StringType)
            .add("title", DataTypes.StringType)
            .add("date", DataTypes.StringType);

    public static final StructType RESULT = new StructType()
            .add("article_id", DataTypes.StringType)
            .add("source", DataTypes.StringType)
            .add("title", DataTypes.StringType)
            .add("date", DataTypes.StringType)
            .add("events", EventRows.EVENTS)
            .add("incidents", IncidentRows.INCIDENTS)
            .add("error", DataTypes.StringType);

    private final String model;
    private final String cacheDir;

    public ArticleTagger(String model, String cacheDir) {
        this.model = model;
        this.cacheDir = cacheDir;
    }

    /** Rows tagged together, their sentences sharing the networks' batches (as {@code tag} groups its files). */
    static final int GROUP = 16;

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
        ArticleReader reader = new ArticleReader();
        return new Iterator<>() {
            private final ArrayDeque<Row> tagged = new ArrayDeque<>();

            @Override
            public boolean hasNext() {
                return !tagged.isEmpty() || rows.hasNext();
            }

            @Override
            public Row next() {
                if (tagged.isEmpty()) {
                    List<Row> group = new ArrayList<>(GROUP);
                    while (group.size() < GROUP && rows.hasNext()) {
                        group.add(rows.next());
                    }
                    if (group.isEmpty()) {
                        throw new NoSuchElementException();
                    }
                    tagged.addAll(tag(group, reader));
                }
                return tagged.removeFirst();
            }
        };
    }

    /** One result row per input row, in order. */
    private List<Row> tag(List<Row> group, ArticleReader reader) {
        Row[] out = new Row[group.size()];
        List<Integer> readable = new ArrayList<>();
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < group.size(); i++) {
            Row in = group.get(i);
            try {
                documents.add(document(in, reader));
                readable.add(i);
            } catch (ArticleReadException e) {
                out[i] = failed(in, e.getMessage());
            } catch (RuntimeException | IOException e) {
                out[i] = failed(in, "cannot be tagged (" + Problem.oneLine(String.valueOf(e), 200) + ")");
            }
        }
        if (!documents.isEmpty()) {
            List<EventExtractor.Attempt> attempts = ExtractorHolder.get(model, cacheDir).extractIncidentsAll(documents, null);
            for (int k = 0; k < readable.size(); k++) {
                Row in = group.get(readable.get(k));
                EventExtractor.Attempt a = attempts.get(k);
                if (a.failure() != null) {
                    out[readable.get(k)] = failed(in, "cannot be tagged (" + Problem.oneLine(String.valueOf(a.failure()), 200) + ")");
                    continue;
                }
                TaggedArticle article = a.article();
                Document events = article.document();
                out[readable.get(k)] = RowFactory.create(in.getString(0), in.getString(1), events.title(), events.date(),
                        EventRows.of(events), IncidentRows.of(article), null);
            }
        }
        return List.of(out);
    }

    private static Row failed(Row in, String reason) {
        return RowFactory.create(in.getString(0), in.getString(1), in.getString(3), in.getString(4), null, null, reason);
    }

    private static Document document(Row in, ArticleReader reader) throws IOException, ArticleReadException {
        String id = in.getString(0);
        if (id == null || id.isBlank()) {
            throw new ArticleReadException("row without an id");
        }
        String text = in.getString(2);
        if (text != null) {
            if (text.isBlank()) {
                throw new ArticleReadException(id + ": empty text");
            }
            Document doc = new Document(id, null, text, in.getString(3), in.getString(4), null, null, List.of());
            return doc;
        }
        String source = in.getString(1);
        if (source == null) {
            throw new ArticleReadException(id + ": no text");
        }
        org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(source);
        FileSystem fs = path.getFileSystem(new Configuration());
        long length = fs.getFileStatus(path).getLen();
        if (length > ArticleReader.MAX_BYTES) {
            throw new ArticleReadException(source + ": larger than the " + (ArticleReader.MAX_BYTES >> 20)
                    + " MB limit; not an article");
        }
        byte[] bytes = new byte[(int) length];
        try (FSDataInputStream stream = fs.open(path)) {
            stream.readFully(bytes);
        }
        Document doc = reader.read(bytes, path.getName()).document();
        return new Document(id, doc.sourceFile(), doc.content(), doc.title(), doc.date(), doc.link(), doc.infoType(),
                List.of());
    }
}
