package org.casie.spark;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.casie.corpus.ArgumentMention;
import org.casie.corpus.Document;
import org.casie.corpus.EventMention;
import org.casie.corpus.Hopper;
import scala.jdk.javaapi.CollectionConverters;

import java.util.ArrayList;
import java.util.List;

/** A tagged document's events as Spark rows: one struct per event mention, its arguments nested. */
public final class EventRows {

    public static final StructType ARGUMENT = new StructType()
            .add("role", DataTypes.StringType)
            .add("text", DataTypes.StringType)
            .add("begin", DataTypes.IntegerType)
            .add("end", DataTypes.IntegerType)
            .add("entity_type", DataTypes.StringType)
            .add("confidence", DataTypes.DoubleType);

    public static final StructType EVENT = new StructType()
            .add("event_id", DataTypes.StringType)
            .add("hopper", DataTypes.IntegerType)
            .add("subtype", DataTypes.StringType)
            .add("realis", DataTypes.StringType)
            .add("trigger", DataTypes.StringType)
            .add("trigger_begin", DataTypes.IntegerType)
            .add("trigger_end", DataTypes.IntegerType)
            .add("confidence", DataTypes.DoubleType)
            .add("arguments", DataTypes.createArrayType(ARGUMENT, false));

    public static final org.apache.spark.sql.types.ArrayType EVENTS = DataTypes.createArrayType(EVENT, false);

    private EventRows() {
    }

    /** The events of {@code doc}, hopper by hopper, as a value of type {@link #EVENTS}. */
    public static scala.collection.immutable.List<Row> of(Document doc) {
        List<Row> events = new ArrayList<>();
        for (Hopper h : doc.hoppers()) {
            for (EventMention e : h.events()) {
                List<Row> arguments = new ArrayList<>();
                for (ArgumentMention a : e.arguments()) {
                    arguments.add(RowFactory.create(a.role().name(), a.text(), a.span().begin(), a.span().end(),
                            a.entityType(), a.confidence()));
                }
                events.add(RowFactory.create(e.id(), h.index(), e.subtype().name(), e.realis() == null ? null : e.realis().name(), e.text(),
                        e.trigger().begin(), e.trigger().end(), e.confidence(), seq(arguments)));
            }
        }
        return seq(events);
    }

    static <T> scala.collection.immutable.List<T> seq(List<T> list) {
        return CollectionConverters.asScala(list).toList();
    }
}
