package org.casie.tag.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.casie.corpus.Document;
import org.casie.corpus.Role;
import org.casie.incident.Entity;
import org.casie.incident.IncidentRecord;
import org.casie.incident.Mention;
import org.casie.incident.TaggedArticle;
import org.casie.incident.Value;

import java.util.List;
import java.util.Map;

/**
 * The incidents JSON document of an article (schema {@value #SCHEMA}, version {@value #VERSION}; see
 * docs/incidents.md): {@code {"schema", "version", "article", "title", "date", "primaryVictim", "incidents": [...]}}.
 */
public final class IncidentJson {

    public static final String SCHEMA = "casie-extract/incidents";
    public static final int VERSION = 1;
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private IncidentJson() {
    }

    public static ObjectNode of(TaggedArticle article) {
        Document doc = article.document();
        ObjectNode root = JSON.createObjectNode();
        root.put("schema", SCHEMA);
        root.put("version", VERSION);
        root.put("article", doc.id());
        root.put("title", doc.title());
        root.put("date", doc.date());
        root.set("primaryVictim", article.primaryVictim() == null ? null : entity(article.primaryVictim()));
        ArrayNode incidents = root.putArray("incidents");
        for (IncidentRecord r : article.incidents()) {
            incidents.add(incident(r));
        }
        return root;
    }

    public static String render(TaggedArticle article) {
        try {
            return JSON.writeValueAsString(of(article)) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static ObjectNode incident(IncidentRecord r) {
        ObjectNode n = JSON.createObjectNode();
        n.put("id", r.id());
        n.put("subtype", r.subtype().name());
        n.put("type", r.subtype().type());
        n.put("realis", r.realis().name());
        n.put("date", r.date());
        n.put("place", r.place());
        n.set("primaryVictim", r.primaryVictim() == null ? null : entity(r.primaryVictim()));
        n.set("primaryAttacker", r.primaryAttacker() == null ? null : entity(r.primaryAttacker()));
        n.set("triggers", mentions(r.triggers()));
        ObjectNode roles = n.putObject("roles");
        for (Map.Entry<Role, List<Entity>> e : r.roles().entrySet()) {
            ArrayNode list = roles.putArray(e.getKey().label());
            e.getValue().forEach(x -> list.add(entity(x)));
        }
        return n;
    }

    static ObjectNode entity(Entity e) {
        ObjectNode n = JSON.createObjectNode();
        n.put("name", e.name());
        n.put("type", e.type());
        n.put("confidence", Math.round(e.confidence() * 1000) / 1000.0);
        n.put("inferred", e.inferred());
        n.put("salience", e.salience());
        if (e.value() != null) {
            n.set("value", value(e.value()));
        }
        n.set("mentions", mentions(e.mentions()));
        return n;
    }

    private static ArrayNode mentions(List<Mention> mentions) {
        ArrayNode a = JSON.createArrayNode();
        for (Mention m : mentions) {
            a.addObject().put("start", m.start()).put("end", m.end()).put("text", m.text());
        }
        return a;
    }

    static ObjectNode value(Value v) {
        ObjectNode n = JSON.createObjectNode();
        if (v instanceof Value.Cve c) {
            n.put("kind", "cve").put("id", c.id());
        } else if (v instanceof Value.Count c) {
            n.put("kind", "count").put("number", c.number());
        } else if (v instanceof Value.Money m) {
            n.put("kind", "money").put("amount", m.amount()).put("currency", m.currency());
        } else if (v instanceof Value.Date d) {
            n.put("kind", "date").put("iso", d.iso());
        }
        return n;
    }
}
