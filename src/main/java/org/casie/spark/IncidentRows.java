package org.casie.spark;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.casie.corpus.Role;
import org.casie.incident.Entity;
import org.casie.incident.IncidentRecord;
import org.casie.incident.TaggedArticle;
import org.casie.incident.Value;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A tagged article's incident records as Spark rows: one struct per incident with its primary victim and attacker,
 * and one flat row per role filler (role, canonical name, type, confidence, inferred, normalised value), so a query
 * such as "every victim of a Ransom incident" is a filter and an explode, not JSON parsing.
 */
public final class IncidentRows {

    public static final StructType ENTITY = new StructType()
            .add("role", DataTypes.StringType)
            .add("name", DataTypes.StringType)
            .add("entity_type", DataTypes.StringType)
            .add("confidence", DataTypes.DoubleType)
            .add("inferred", DataTypes.BooleanType)
            .add("value", DataTypes.StringType);

    public static final StructType INCIDENT = new StructType()
            .add("incident_id", DataTypes.StringType)
            .add("subtype", DataTypes.StringType)
            .add("realis", DataTypes.StringType)
            .add("date", DataTypes.StringType)
            .add("place", DataTypes.StringType)
            .add("primary_victim", DataTypes.StringType)
            .add("primary_attacker", DataTypes.StringType)
            .add("entities", DataTypes.createArrayType(ENTITY, false));

    public static final ArrayType INCIDENTS = DataTypes.createArrayType(INCIDENT, false);

    private IncidentRows() {
    }

    /** The incidents of {@code article} as a value of type {@link #INCIDENTS}. */
    public static scala.collection.immutable.List<Row> of(TaggedArticle article) {
        List<Row> incidents = new ArrayList<>();
        for (IncidentRecord r : article.incidents()) {
            List<Row> entities = new ArrayList<>();
            for (Map.Entry<Role, List<Entity>> e : r.roles().entrySet()) {
                for (Entity x : e.getValue()) {
                    entities.add(RowFactory.create(e.getKey().label(), x.name(), x.type(), x.confidence(), x.inferred(),
                            value(x.value())));
                }
            }
            incidents.add(RowFactory.create(r.id(), r.subtype().name(), r.realis().name(), r.date(), r.place(),
                    r.primaryVictim() == null ? null : r.primaryVictim().name(),
                    r.primaryAttacker() == null ? null : r.primaryAttacker().name(), EventRows.seq(entities)));
        }
        return EventRows.seq(incidents);
    }

    /** The normalised value as text: a CVE id, a count, "amount currency" or an ISO date; null when none. */
    static String value(Value v) {
        if (v instanceof Value.Cve c) {
            return c.id();
        } else if (v instanceof Value.Count c) {
            return Long.toString(c.number());
        } else if (v instanceof Value.Money m) {
            return m.amount().toPlainString() + " " + m.currency();
        } else if (v instanceof Value.Date d) {
            return d.iso();
        }
        return null;
    }
}
