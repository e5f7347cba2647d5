package org.casie.tag.io;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.casie.io.AtomicFiles;
import org.casie.corpus.Document;
import org.casie.corpus.Role;
import org.casie.incident.Entity;
import org.casie.incident.IncidentRecord;
import org.casie.incident.TaggedArticle;
import org.casie.incident.Value;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * {@code NAME.stix.json}: a STIX 2.1 bundle per article. A {@code report} (the article as an external reference)
 * refers to every object: an {@code incident} per record, an {@code identity} per victim, a {@code threat-actor} per
 * attacker, a {@code vulnerability} per CVE, a {@code malware} or {@code tool} per named tool, and relationships
 * ({@code targets}, {@code attributed-to}, {@code uses}, {@code related-to}). Ids are UUIDv5 of the article and the
 * object, so tagging again gives the same ids. An article without incidents gives a bundle holding only its report,
 * which then refers to itself (STIX requires at least one {@code object_refs} entry).
 */
public final class StixWriter implements OutputWriter {

    /** The UUIDv5 namespace of this tool's STIX ids. */
    static final UUID NAMESPACE = UUID.fromString("6f3c1e5e-4a39-5d8a-9a61-2b6f0c1e7a10");
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final Instant created;

    /** Objects stamped with the time of tagging. */
    public StixWriter() {
        this(Instant.now());
    }

    /** Objects stamped with {@code created} (tests: byte-identical bundles). */
    public StixWriter(Instant created) {
        this.created = created.truncatedTo(ChronoUnit.MILLIS);
    }

    @Override
    public String name() {
        return "stix";
    }

    @Override
    public List<String> files(String id) {
        return List.of(id + ".stix.json");
    }

    @Override
    public void write(TaggedArticle article, Path outDir) throws IOException {
        AtomicFiles.write(outDir.resolve(article.document().id() + ".stix.json"), render(article));
    }

    public String render(TaggedArticle article) {
        try {
            return IncidentJson.JSON.writeValueAsString(bundle(article)) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public ObjectNode bundle(TaggedArticle article) {
        Document doc = article.document();
        String time = TIMESTAMP.format(created);
        Map<String, ObjectNode> objects = new LinkedHashMap<>();
        for (IncidentRecord r : article.incidents()) {
            ObjectNode incident = object("incident", doc.id(), "incident/" + r.id(), time);
            incident.put("name", incidentName(r));
            incident.put("description", description(r));
            objects.put(incident.get("id").asText(), incident);
            String incidentId = incident.get("id").asText();
            for (Entity victim : r.entities(Role.VICTIM)) {
                ObjectNode identity = object("identity", doc.id(), "identity/" + key(victim), time);
                identity.put("name", victim.name());
                identity.put("identity_class", identityClass(victim.type()));
                objects.putIfAbsent(identity.get("id").asText(), identity);
                relationship(objects, doc.id(), incidentId, "targets", identity.get("id").asText(), time);
            }
            for (Entity attacker : r.primaryAttacker() == null ? List.<Entity>of() : attackers(r)) {
                ObjectNode actor = object("threat-actor", doc.id(), "threat-actor/" + key(attacker), time);
                actor.put("name", attacker.name());
                objects.putIfAbsent(actor.get("id").asText(), actor);
                String actorId = actor.get("id").asText();
                relationship(objects, doc.id(), incidentId, "attributed-to", actorId, time);
                for (Entity victim : r.entities(Role.VICTIM)) {
                    relationship(objects, doc.id(), actorId, "targets",
                            id("identity", doc.id(), "identity/" + key(victim)), time);
                }
            }
            for (Entity cve : r.entities(Role.CVE)) {
                if (!(cve.value() instanceof Value.Cve c)) {
                    continue;
                }
                ObjectNode vulnerability = object("vulnerability", doc.id(), "vulnerability/" + c.id(), time);
                vulnerability.put("name", c.id());
                vulnerability.putArray("external_references").addObject().put("source_name", "cve").put("external_id", c.id())
                        .put("url", "https://nvd.nist.gov/vuln/detail/" + c.id());
                objects.putIfAbsent(vulnerability.get("id").asText(), vulnerability);
                relationship(objects, doc.id(), incidentId, "related-to", vulnerability.get("id").asText(), time);
            }
            for (Entity tool : r.entities(Role.TOOL)) {
                if (tool.name().isEmpty() || !Character.isUpperCase(tool.name().charAt(0))) {
                    continue; // only named tools ("WannaCry", "Mimikatz"), not "a phishing email"
                }
                boolean malware = "Malware".equals(tool.type());
                String type = malware ? "malware" : "tool";
                ObjectNode o = object(type, doc.id(), type + "/" + key(tool), time);
                o.put("name", tool.name());
                if (malware) {
                    o.put("is_family", true);
                }
                objects.putIfAbsent(o.get("id").asText(), o);
                relationship(objects, doc.id(), incidentId, "uses", o.get("id").asText(), time);
            }
        }
        ObjectNode report = object("report", doc.id(), "report", time);
        report.put("name", doc.title() != null ? doc.title() : doc.id());
        report.put("published", published(doc, time));
        report.putArray("report_types").add("threat-report");
        ObjectNode reference = report.putArray("external_references").addObject().put("source_name", "article")
                .put("external_id", doc.id());
        if (doc.link() != null && !doc.link().isBlank()) {
            reference.put("url", doc.link().strip());
        }
        ArrayNode refs = report.putArray("object_refs");
        if (objects.isEmpty()) {
            refs.add(report.get("id").asText());
        } else {
            objects.keySet().forEach(refs::add);
        }
        ObjectNode bundle = IncidentJson.JSON.createObjectNode();
        bundle.put("type", "bundle");
        bundle.put("id", "bundle--" + uuid5(NAMESPACE, doc.id() + "/bundle"));
        ArrayNode all = bundle.putArray("objects");
        all.add(report);
        objects.values().forEach(all::add);
        return bundle;
    }

    private static List<Entity> attackers(IncidentRecord r) {
        List<Entity> tagged = r.entities(Role.ATTACKER);
        return tagged.isEmpty() ? List.of(r.primaryAttacker()) : tagged;
    }

    private static String published(Document doc, String fallback) {
        java.time.LocalDate date = org.casie.incident.ValueNormalizer.articleDate(doc.date());
        return date == null ? fallback : date + "T00:00:00.000Z";
    }

    private static String incidentName(IncidentRecord r) {
        return r.subtype().name() + (r.primaryVictim() != null ? " of " + r.primaryVictim().name() : "")
                + (r.primaryAttacker() != null ? " by " + r.primaryAttacker().name() : "");
    }

    private static String description(IncidentRecord r) {
        StringBuilder sb = new StringBuilder(r.subtype().name()).append(" (").append(r.realis()).append(")");
        if (r.date() != null) {
            sb.append(", ").append(r.date());
        }
        if (r.place() != null) {
            sb.append(", ").append(r.place());
        }
        r.entities(Role.COMPROMISED_DATA).stream().findFirst().ifPresent(e -> sb.append("; data: ").append(e.name()));
        return sb.append('.').toString();
    }

    private static String identityClass(String type) {
        return switch (type) {
            case "Organization" -> "organization";
            case "Person" -> "individual";
            case "System", "Device", "Software", "Website" -> "system";
            default -> "unknown";
        };
    }

    private static String key(Entity e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    private ObjectNode object(String type, String article, String key, String time) {
        ObjectNode o = IncidentJson.JSON.createObjectNode();
        o.put("type", type);
        o.put("spec_version", "2.1");
        o.put("id", id(type, article, key));
        o.put("created", time);
        o.put("modified", time);
        return o;
    }

    private void relationship(Map<String, ObjectNode> objects, String article, String source, String type, String target,
                              String time) {
        ObjectNode r = object("relationship", article, "relationship/" + source + "/" + type + "/" + target, time);
        r.put("relationship_type", type);
        r.put("source_ref", source);
        r.put("target_ref", target);
        objects.putIfAbsent(r.get("id").asText(), r);
    }

    static String id(String type, String article, String key) {
        return type + "--" + uuid5(NAMESPACE, article + "/" + key);
    }

    /** RFC 4122 name-based UUID, version 5 (SHA-1). */
    static UUID uuid5(UUID namespace, String name) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            ByteBuffer ns = ByteBuffer.allocate(16).putLong(namespace.getMostSignificantBits())
                    .putLong(namespace.getLeastSignificantBits());
            sha1.update(ns.array());
            byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
            hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
            hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
            ByteBuffer b = ByteBuffer.wrap(hash, 0, 16);
            return new UUID(b.getLong(), b.getLong());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
