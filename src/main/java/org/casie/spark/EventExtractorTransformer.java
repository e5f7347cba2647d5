package org.casie.spark;

import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.casie.corpus.Document;
import org.casie.incident.TaggedArticle;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * A Spark ML stage: a text column in, an events column ({@link EventRows#EVENTS}) and an incidents column
 * ({@link IncidentRows#INCIDENTS}) out; a row whose text is null or cannot be tagged gets nulls in both. The model loads once per executor JVM ({@link ExtractorHolder}).
 *
 * <pre>{@code
 * new Pipeline().setStages(new PipelineStage[] {
 *     new EventExtractorTransformer().setModel("models/fast.zip").setInputCol("body")}).fit(df).transform(df);
 * }</pre>
 */
public final class EventExtractorTransformer extends Transformer {

    private final String uid;
    private final Param<String> inputCol;
    private final Param<String> outputCol;
    private final Param<String> incidentsCol;
    private final Param<String> model;
    private final Param<String> cacheDir;

    public EventExtractorTransformer() {
        this(Identifiable$.MODULE$.randomUID("casieEvents"));
    }

    public EventExtractorTransformer(String uid) {
        this.uid = uid;
        inputCol = new Param<>(this, "inputCol", "the column of article text");
        outputCol = new Param<>(this, "outputCol", "the column of events added");
        incidentsCol = new Param<>(this, "incidentsCol", "the column of incident records added");
        model = new Param<>(this, "model", "model bundle path on the executors, or a file shipped with --files");
        cacheDir = new Param<>(this, "cacheDir", "annotation cache directory on the executors; empty for none");
        setDefault(inputCol, "text");
        setDefault(outputCol, "events");
        setDefault(incidentsCol, "incidents");
        setDefault(cacheDir, "");
    }

    public Param<String> inputCol() { return inputCol; }
    public Param<String> outputCol() { return outputCol; }
    public Param<String> incidentsCol() { return incidentsCol; }
    public Param<String> model() { return model; }
    public Param<String> cacheDir() { return cacheDir; }

    public EventExtractorTransformer setInputCol(String value) { set(inputCol, value); return this; }
    public EventExtractorTransformer setOutputCol(String value) { set(outputCol, value); return this; }
    public EventExtractorTransformer setIncidentsCol(String value) { set(incidentsCol, value); return this; }
    public EventExtractorTransformer setModel(String value) { set(model, value); return this; }
    public EventExtractorTransformer setCacheDir(String value) { set(cacheDir, value); return this; }

    @Override
    public String uid() {
        return uid;
    }

    @Override
    public StructType transformSchema(StructType schema) {
        String in = getOrDefault(inputCol), out = getOrDefault(outputCol), incidents = getOrDefault(incidentsCol);
        if (!Arrays.asList(schema.fieldNames()).contains(in)) {
            throw new IllegalArgumentException("no input column '" + in + "' in " + schema.simpleString());
        }
        if (!schema.apply(in).dataType().equals(DataTypes.StringType)) {
            throw new IllegalArgumentException("input column '" + in + "' must be a string, not "
                    + schema.apply(in).dataType().simpleString());
        }
        for (String added : List.of(out, incidents)) {
            if (Arrays.asList(schema.fieldNames()).contains(added)) {
                throw new IllegalArgumentException("output column '" + added + "' already exists");
            }
        }
        if (out.equals(incidents)) {
            throw new IllegalArgumentException("events and incidents columns must differ, both are '" + out + "'");
        }
        return schema.add(new StructField(out, EventRows.EVENTS, true, org.apache.spark.sql.types.Metadata.empty()))
                .add(new StructField(incidents, IncidentRows.INCIDENTS, true, org.apache.spark.sql.types.Metadata.empty()));
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        StructType schema = transformSchema(dataset.schema());
        int column = dataset.schema().fieldIndex(getOrDefault(inputCol));
        String modelPath = getOrDefault(model);
        String cache = getOrDefault(cacheDir).isEmpty() ? null : getOrDefault(cacheDir);
        MapPartitionsFunction<Row, Row> tag = rows -> new Iterator<>() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public Row next() {
                Row row = rows.next();
                Object[] values = new Object[row.length() + 2];
                for (int i = 0; i < row.length(); i++) {
                    values[i] = row.get(i);
                }
                String text = row.getString(column);
                try {
                    if (text != null) {
                        TaggedArticle tagged = ExtractorHolder.get(modelPath, cache)
                                .extractIncidents(Document.ofText("text", text));
                        values[row.length()] = EventRows.of(tagged.document());
                        values[row.length() + 1] = IncidentRows.of(tagged);
                    }
                } catch (RuntimeException e) {
                    values[row.length()] = null; // an untaggable text gets nulls, as a null text does
                    values[row.length() + 1] = null;
                }
                return RowFactory.create(values);
            }
        };
        return dataset.toDF().mapPartitions(tag, Encoders.row(schema));
    }

    @Override
    public EventExtractorTransformer copy(ParamMap extra) {
        return defaultCopy(extra);
    }
}
