package org.casie.incident;

import org.casie.corpus.ArgumentMention;
import org.casie.corpus.CharSpan;
import org.casie.corpus.Document;
import org.casie.corpus.EventMention;
import org.casie.corpus.Hopper;
import org.casie.corpus.Realis;
import org.casie.corpus.Role;
import org.casie.corpus.Subtype;
import org.casie.eval.FillerText;
import org.casie.text.TokenTable;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Builds one {@link IncidentRecord} per hopper of a tagged article. The rules, in order:
 * <ol>
 * <li>A party filler (Victim, Attacker, Vulnerable_System_Owner, Discoverer, Releaser, Trusted-Entity) that covers
 *     a named entity of the article ({@link NamedEntities}) is that entity ("encrypted phone provider Ciphr",
 *     "Ciphr's" and "CIPHR" are Ciphr); a filler listing several ("Oracle, Volkswagen") is each of them.</li>
 * <li>A pronoun ("its", "it", "we", "our") or a definite nominal with an organisation head ("the company", "the
 *     victim company") is resolved to the most often named organisation that the article names before it (ties: the
 *     nearest), leaving out the incident's attackers and the accused ("the city", "the county": the place named most
 *     often before it); an attacker's pronoun or nominal leaves out the incident's named victims and the
 *     organisations set beside a victim nominal, and an attacker's "we" is never resolved; "he", "she", "his",
 *     "her" to the nearest
 *     person named before. Unresolved pronouns are dropped; every other filler keeps its cleaned text.</li>
 * <li>The party an article accuses ({@link Accusations}) or names as Attacker is never a victim; a source it quotes
 *     ("according to the Denver Post", "experts at Webroot", a "(CNN)" dateline) or a malware name ("the SamSam
 *     ransomware") ranks after every other organisation.</li>
 * <li>An organisation set in apposition to a victim nominal ("Citycomp, the impacted Germany-based firm"; "Ciphr,
 *     the victim company") is a victim of every attack incident, marked inferred, when no tagged victim names it.</li>
 * <li>Party entities are ranked: organisations first, named before unnamed, then by confidence plus salience
 *     (0.1 per mention up to five, 0.2 when the title names it). The first victim is the primary victim (the first
 *     Vulnerable_System_Owner for vulnerability incidents without a victim); the first attacker the primary
 *     attacker, or the accused party (inferred) when no attacker is tagged.</li>
 * <li>Values: CVE ids, counts, money and dates ({@link ValueNormalizer}), dates relative to the article's own date.</li>
 * </ol>
 */
public final class IncidentBuilder {

    static final Set<Role> PARTY_ROLES = EnumSet.of(Role.VICTIM, Role.ATTACKER, Role.VULNERABLE_SYSTEM_OWNER,
            Role.DISCOVERER, Role.RELEASER, Role.TRUSTED_ENTITY);
    static final Set<Subtype> ATTACKS = EnumSet.of(Subtype.Databreach, Subtype.Ransom, Subtype.Phishing);
    private static final Set<String> ORG_PRONOUNS = Set.of("it", "its", "itself", "we", "us", "our", "ours");
    private static final Set<String> FIRST_PERSON = Set.of("we", "us", "our", "ours");
    private static final Set<String> PERSON_PRONOUNS = Set.of("he", "him", "his", "himself", "she", "her", "herself");
    /** Heads of nominals that stand for an organisation ("the company", "the victim firm"). */
    static final Set<String> ORG_NOUNS = Set.of("company", "firm", "organization", "organisation", "provider",
            "business", "retailer", "bank", "hospital", "agency", "department", "university", "school", "vendor",
            "platform", "service", "group", "corporation", "giant", "maker", "manufacturer", "operator", "chain",
            "insurer", "store", "developer", "startup", "brand", "government", "council", "district", "clinic",
            "center", "centre", "foundation", "institution", "network", "site", "website", "lender", "carrier",
            "telco", "exchange", "outlet", "ministry", "city", "county", "college", "restaurant", "hotel", "airline",
            "utility", "facility", "practice", "system", "entity", "victim", "conglomerate", "publisher");
    /** The organisation nouns ({@link #ORG_NOUNS}) that stand for a place's government: "the city" refers to a place. */
    static final Set<String> PLACE_NOUNS = Set.of("city", "county");
    /** Words that make an appositive nominal say "the victim". */
    static final Set<String> VICTIM_CUES = Set.of("victim", "victimized", "impacted", "affected", "breached", "hacked",
            "compromised", "targeted", "attacked", "hit");
    static final double CUE_CONFIDENCE = 0.9;
    /** Confidence of an organisation the title names, proposed for an attack incident without a named victim. */
    static final double TITLE_CONFIDENCE = 0.6;
    static final double SALIENCE_WEIGHT = 0.15;
    static final int SALIENCE_CAP = 6;
    static final double TITLE_BONUS = 0.3;
    /** Words around a name that make it a source the article quotes rather than a party. */
    private static final Set<String> SOURCE_BEFORE = Set.of("told", "via", "per");
    private static final Set<String> SOURCE_AFTER = Set.of("reported", "reports", "researchers", "researcher",
            "analysts", "analyst", "report", "blog", "spokesperson", "spokesman", "spokeswoman");
    static final double ACCUSED_CONFIDENCE = 0.5;
    private static final Set<String> DETERMINERS = Set.of("the", "a", "an");
    /** "researchers at IBM", "experts from Webroot", "analysts with Talos". */
    private static final Set<String> SOURCE_PEOPLE = Set.of("researchers", "researcher", "experts", "expert",
            "analysts", "analyst", "spokesperson", "spokesman", "spokeswoman");
    /** Words after a name that make it malware rather than a party ("the SamSam ransomware"). */
    private static final Set<String> MALWARE_AFTER = Set.of("ransomware", "malware", "trojan", "virus", "worm",
            "botnet", "variant", "variants", "strain", "exploit");

    private IncidentBuilder() {
    }

    /** The records of {@code tagged}'s hoppers, in hopper order (hoppers without events give none). */
    public static List<IncidentRecord> build(Document tagged, TokenTable tokens) {
        return new Build(tagged, tokens).records();
    }

    /**
     * The records and the article's primary victim: over the victims of its attack incidents (Databreach, Ransom,
     * Phishing), the best tier (see the ranking), then the highest summed score over the incidents naming it.
     */
    public static TaggedArticle article(Document tagged, TokenTable tokens) {
        Build b = new Build(tagged, tokens);
        List<IncidentRecord> records = b.records();
        return new TaggedArticle(tagged, records, b.articleVictim);
    }

    /** One entity of a role while the record is built. */
    private static final class Draft {
        final String key;
        final NamedEntities.Cluster cluster;
        String name;
        final Map<String, Integer> types = new LinkedHashMap<>();
        double confidence;
        final Map<CharSpan, Mention> mentions = new TreeMap<>();
        int resolved;
        boolean inferred;

        Draft(String key, NamedEntities.Cluster cluster, String name) {
            this.key = key;
            this.cluster = cluster;
            this.name = name;
        }

        int salience() {
            return cluster != null ? cluster.runs().size() + resolved : Math.max(1, mentions.size());
        }

        String type() {
            if (cluster != null && (cluster.isOrganization() || types.isEmpty())) {
                return cluster.entityType();
            }
            return types.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("Other");
        }
    }

    private static final class Build {
        private final Document doc;
        private final TokenTable tokens;
        private final NamedEntities entities;
        private final Accusations accusations;
        private final Set<NamedEntities.Cluster> accused = new HashSet<>();
        private final Set<NamedEntities.Cluster> articleAttackers = new HashSet<>();
        private final List<NamedEntities.Cluster> victimCues = new ArrayList<>();
        private final Set<NamedEntities.Cluster> sources = new HashSet<>();
        /** Per victim name (lower case) of attack incidents: best tier, summed score, the entity. */
        private final Map<String, Object[]> articleVictims = new LinkedHashMap<>();
        private Entity articleVictim;
        private final LocalDate articleDate;
        private final String title;
        /** The title's words in capitals ("CDOT"): acronyms it may name an organisation by. */
        private final List<String> titleAcronyms = new ArrayList<>();
        private Map<String, List<List<String>>> accusedPhrasesByWord;
        private Entity accusedParty;
        private boolean accusedPartyFound;

        Build(Document doc, TokenTable tokens) {
            this.doc = doc;
            this.tokens = tokens;
            this.entities = NamedEntities.of(doc.content(), tokens);
            this.accusations = Accusations.of(tokens);
            this.articleDate = ValueNormalizer.articleDate(doc.date());
            this.title = doc.title() == null ? "" : doc.title().toLowerCase(Locale.ROOT);
            for (String word : this.title.isEmpty() ? new String[0] : doc.title().split("[^\\p{L}\\p{N}.]+")) {
                if (word.length() >= 2 && word.equals(word.toUpperCase(Locale.ROOT))) {
                    titleAcronyms.add(word);
                }
            }
            for (NamedEntities.Cluster c : entities.clusters()) {
                for (NamedEntities.Run r : c.runs()) {
                    if (accusations.accuses(r)) {
                        accused.add(c);
                    }
                }
            }
            for (EventMention e : doc.events().toList()) {
                for (ArgumentMention a : e.arguments()) {
                    if (a.role() == Role.ATTACKER) {
                        partiesIn(a).forEach(articleAttackers::add);
                    }
                }
            }
            findVictimCues();
            findSources();
        }

        /**
         * Organisations the article quotes: "according to (the) CNN", "told Motherboard", "IBM researchers", "experts at
         * Webroot", a "(CNN)" dateline; and names of malware ("the SamSam ransomware", "a GandCrab variant"), which
         * CoreNLP often tags as organisations. Neither is a victim.
         */
        private void findSources() {
            // Malware names the text writes before a malware word anywhere, also where NER did not tag that
            // occurrence ("A GandCrab ransomware decryption tool"): one pass over the tokens.
            Set<String> malware = new HashSet<>();
            for (int i = 0; i + 1 < tokens.size(); i++) {
                String w = tokens.word(i);
                if (!w.isEmpty() && Character.isUpperCase(w.charAt(0)) && MALWARE_AFTER.contains(lower(i + 1))) {
                    malware.add(w.toLowerCase(Locale.ROOT));
                }
            }
            for (NamedEntities.Cluster c : entities.clusters()) {
                if (malware.contains(c.name().toLowerCase(Locale.ROOT))) {
                    sources.add(c);
                    continue;
                }
                for (NamedEntities.Run r : c.runs()) {
                    int before = r.first() - 1;
                    while (before >= 0 && DETERMINERS.contains(lower(before))) {
                        before--;
                    }
                    String before1 = lower(before);
                    String before2 = lower(before - 1);
                    String after = lower(r.last());
                    boolean dateline = r.first() <= 1 && before1.equals("(") && after.equals(")");
                    // "according to Atlanta's chief operating officer": the party's own officer speaks, no outlet
                    boolean possessive = after.equals("'s") || after.equals("\u2019s") || after.equals("'");
                    if (SOURCE_BEFORE.contains(before1)
                            || (before2.equals("according") && before1.equals("to") && !possessive)
                            || ((before1.equals("at") || before1.equals("from") || before1.equals("with"))
                                && SOURCE_PEOPLE.contains(before2))
                            || (before1.equals("by") && before2.equals("reported")) || SOURCE_AFTER.contains(after)
                            || MALWARE_AFTER.contains(after) || dateline) {
                        sources.add(c);
                        break;
                    }
                }
            }
        }

        private String lower(int token) {
            return token >= 0 && token < tokens.size() ? tokens.word(token).toLowerCase(Locale.ROOT) : "";
        }

        List<IncidentRecord> records() {
            List<IncidentRecord> out = new ArrayList<>();
            for (Hopper h : doc.hoppers()) {
                if (!h.events().isEmpty()) {
                    out.add(record("I" + (out.size() + 1), h));
                }
            }
            Object[] best = null;
            for (Object[] v : articleVictims.values()) {
                if (best == null || (int) v[0] < (int) best[0] || ((int) v[0] == (int) best[0] && (double) v[1] > (double) best[1])) {
                    best = v;
                }
            }
            articleVictim = best == null ? null : (Entity) best[2];
            boolean attack = out.stream().anyMatch(r -> ATTACKS.contains(r.subtype()));
            if (attack && (best == null || (int) best[0] > 0)) {
                // No named organisation among the victims: the one the title names, if any, marked inferred.
                NamedEntities.Cluster named = titleOrganization(articleNotVictims());
                if (named != null) {
                    List<Mention> ms = new ArrayList<>();
                    named.runs().forEach(r -> ms.add(mention(r.span())));
                    articleVictim = new Entity(named.name(), named.isOrganization() ? "Organization" : named.entityType(),
                            TITLE_CONFIDENCE, true, ms, null, named.runs().size());
                }
            }
            return out;
        }

        private IncidentRecord record(String id, Hopper h) {
            List<EventMention> events = h.events();
            Subtype subtype = events.get(0).subtype();
            Set<NamedEntities.Cluster> attackers = new HashSet<>();
            // An attacker's pronoun or nominal ("We", "the company") never resolves to a party the article names as
            // this incident's victim or sets beside a victim nominal ("Ciphr, the victim company").
            Set<NamedEntities.Cluster> notAttackers = new HashSet<>(victimCues);
            for (EventMention e : events) {
                for (ArgumentMention a : e.arguments()) {
                    if (a.role() == Role.ATTACKER) {
                        attackers.addAll(partiesIn(a));
                    } else if (a.role() == Role.VICTIM) {
                        notAttackers.addAll(partiesIn(a));
                    }
                }
            }
            notAttackers.removeAll(attackers);
            Set<NamedEntities.Cluster> notVictims = new HashSet<>(attackers);
            notVictims.addAll(accused);
            notVictims.addAll(articleAttackers);
            Map<Role, Map<String, Draft>> drafts = new TreeMap<>();
            for (EventMention e : events) {
                for (ArgumentMention a : e.arguments()) {
                    add(drafts, a, a.role() == Role.ATTACKER ? notAttackers : notVictims);
                }
            }
            Map<String, Draft> victims = drafts.getOrDefault(Role.VICTIM, new LinkedHashMap<>());
            victims.values().removeIf(d -> d.cluster != null ? notVictims.contains(d.cluster) : isAccusedPhrase(d, drafts));
            if (ATTACKS.contains(subtype)) {
                for (NamedEntities.Cluster c : victimCues) {
                    if (!notVictims.contains(c) && !victims.containsKey(clusterKey(c))) {
                        Draft d = new Draft(clusterKey(c), c, c.name());
                        d.inferred = true;
                        d.confidence = CUE_CONFIDENCE;
                        c.runs().forEach(r -> d.mentions.put(r.span(), mention(r.span())));
                        victims.put(d.key, d);
                    }
                }
            }
            if (!victims.isEmpty()) {
                drafts.put(Role.VICTIM, victims);
            } else {
                drafts.remove(Role.VICTIM);
            }
            Map<Role, List<Entity>> roles = new LinkedHashMap<>();
            for (Map.Entry<Role, Map<String, Draft>> r : drafts.entrySet()) {
                List<Draft> list = new ArrayList<>(r.getValue().values());
                list.sort(PARTY_ROLES.contains(r.getKey()) ? RANKING : Comparator.comparing(Build::firstOffset));
                List<Entity> out = new ArrayList<>();
                for (Draft d : list) {
                    Entity e = entity(r.getKey(), d);
                    out.add(e);
                    if (r.getKey() == Role.VICTIM && ATTACKS.contains(subtype)) {
                        Object[] v = articleVictims.computeIfAbsent(e.name().toLowerCase(Locale.ROOT),
                                k -> new Object[]{Integer.MAX_VALUE, 0.0, e});
                        v[0] = Math.min((int) v[0], tier(d));
                        v[1] = (double) v[1] + score(d);
                    }
                }
                roles.put(r.getKey(), out);
            }
            Entity victim = first(roles, Role.VICTIM);
            if (victim == null && !ATTACKS.contains(subtype)) {
                victim = first(roles, Role.VULNERABLE_SYSTEM_OWNER);
            }
            Entity attacker = first(roles, Role.ATTACKER);
            if (attacker == null && ATTACKS.contains(subtype)) {
                attacker = accusedParty();
            }
            String date = null;
            for (Entity e : roles.getOrDefault(Role.TIME, List.of())) {
                if (e.value() instanceof Value.Date d) {
                    date = d.iso();
                    break;
                }
            }
            Entity place = first(roles, Role.PLACE);
            List<Mention> triggers = new ArrayList<>();
            events.stream().sorted(Comparator.comparing(EventMention::trigger))
                    .forEach(e -> triggers.add(new Mention(e.trigger().begin(), e.trigger().end(), e.text())));
            return new IncidentRecord(id, subtype, realis(events), triggers, date, place == null ? null : place.name(),
                    victim, attacker, roles);
        }

        private static Entity first(Map<Role, List<Entity>> roles, Role role) {
            List<Entity> es = roles.get(role);
            return es == null || es.isEmpty() ? null : es.get(0);
        }

        private void add(Map<Role, Map<String, Draft>> drafts, ArgumentMention a, Set<NamedEntities.Cluster> exclude) {
            Map<String, Draft> role = drafts.computeIfAbsent(a.role(), r -> new LinkedHashMap<>());
            double confidence = a.confidence() == null ? 1.0 : a.confidence();
            Mention mention = new Mention(a.span().begin(), a.span().end(), a.text());
            if (PARTY_ROLES.contains(a.role())) {
                List<NamedEntities.Cluster> named = partiesIn(a);
                if (!named.isEmpty()) {
                    for (NamedEntities.Cluster c : named) {
                        merge(role, c, a, mention, confidence, false);
                    }
                    return;
                }
                String lower = a.text().toLowerCase(Locale.ROOT).strip();
                if (NameText.isPronounsOnly(a.text())) {
                    // "We" tagged as the attacker is a group speaking for itself (or the speaker mistagged): never
                    // the organisation named most before it, which is the victim or a source.
                    boolean speaker = a.role() == Role.ATTACKER && FIRST_PERSON.contains(lower);
                    NamedEntities.Cluster c = speaker ? null
                            : ORG_PRONOUNS.contains(lower) ? resolveOrganization(a.span(), exclude, false)
                            : PERSON_PRONOUNS.contains(lower) ? resolvePerson(a.span()) : null;
                    if (c != null) {
                        merge(role, c, a, mention, confidence, true);
                    }
                    return;
                }
                if (isDefiniteOrganizationNominal(a.text())) {
                    NamedEntities.Cluster c = resolveNominal(a, exclude);
                    if (c != null) {
                        merge(role, c, a, mention, confidence, true);
                        return;
                    }
                }
            }
            String name = NameText.clean(a.text());
            if (name.isEmpty() || NameText.namesNothing(name)) {
                return;
            }
            String key = String.join(" ", FillerText.words(name));
            if (key.isEmpty()) {
                return;
            }
            Draft d = role.computeIfAbsent(key, k -> new Draft(k, null, name));
            d.confidence = Math.max(d.confidence, confidence);
            d.mentions.put(a.span(), mention);
            if (a.entityType() != null) {
                d.types.merge(a.entityType(), 1, Integer::sum);
            }
        }

        private void merge(Map<String, Draft> role, NamedEntities.Cluster c, ArgumentMention a, Mention mention,
                           double confidence, boolean resolved) {
            Draft d = role.computeIfAbsent(clusterKey(c), k -> new Draft(k, c, c.name()));
            d.confidence = Math.max(d.confidence, confidence);
            if (d.mentions.put(a.span(), mention) == null && resolved) {
                d.resolved++;
            }
        }

        private static String clusterKey(NamedEntities.Cluster c) {
            return "#" + c.id();
        }

        /** The named entities a filler covers: each, when it lists several; else the last (the head's). */
        private List<NamedEntities.Cluster> clustersIn(ArgumentMention a) {
            List<NamedEntities.Run> runs = entities.runsIn(a.span());
            if (runs.isEmpty()) {
                return List.of();
            }
            List<NamedEntities.Cluster> out = new ArrayList<>();
            boolean list = a.text().contains(",") || a.text().contains(" and ") || a.text().contains(" or ");
            if (list) {
                for (NamedEntities.Run r : runs) {
                    NamedEntities.Cluster c = entities.clusterOf(r);
                    if (!out.contains(c)) {
                        out.add(c);
                    }
                }
            } else {
                out.add(entities.clusterOf(runs.get(runs.size() - 1)));
            }
            return out;
        }

        /** The filler's entity: by its capitalised head word ("encrypted phone provider Ciphr"), else by the NER runs it covers. */
        private List<NamedEntities.Cluster> partiesIn(ArgumentMention a) {
            String name = NameText.clean(a.text());
            String[] words = name.split("\\s+");
            String head = words[words.length - 1];
            boolean list = a.text().contains(",") || a.text().contains(" and ") || a.text().contains(" or ");
            if (!list && !head.isEmpty() && Character.isUpperCase(head.charAt(0))) {
                NamedEntities.Cluster c = entities.byHeadWord(head);
                if (c != null) {
                    return List.of(c);
                }
            }
            List<NamedEntities.Cluster> inside = clustersIn(a);
            if (!list && ORG_NOUNS.contains(head) && inside.stream().noneMatch(c -> c.isOrganization() || c.isPerson())) {
                // A place before an organisation noun locates another organisation ("An Indiana hospital"): the
                // party is that nominal, not the place. ("Atlanta officials", "city computers" stay the place's.)
                return List.of();
            }
            return inside;
        }

        /** "the company", "The victim firm": a determiner, lower-case words, an organisation head. */
        static boolean isDefiniteOrganizationNominal(String text) {
            String[] words = text.strip().replaceAll("['\u2019]s$", "").split("\\s+");
            if (words.length < 2 || !Set.of("the", "this", "that").contains(words[0].toLowerCase(Locale.ROOT))) {
                return false;
            }
            for (int i = 1; i < words.length; i++) {
                if (words[i].isEmpty() || Character.isUpperCase(words[i].charAt(0))) {
                    return false;
                }
            }
            return ORG_NOUNS.contains(words[words.length - 1].toLowerCase(Locale.ROOT));
        }

        /**
         * The organisation a pronoun or definite nominal at {@code span} refers to: the most often named one among
         * those named before it (ties: the nearest), not excluded; for a nominal with none before it, the most often
         * named in the article.
         */
        private NamedEntities.Cluster resolveOrganization(CharSpan span, Set<NamedEntities.Cluster> exclude, boolean nominal) {
            NamedEntities.Cluster best = entities.mostNamedOrganizationBefore(span.begin(), exclude);
            if (best != null) {
                return best;
            }
            if (nominal) {
                for (NamedEntities.Cluster c : entities.organizationsByMentions()) {
                    if (!exclude.contains(c)) {
                        return c;
                    }
                }
            }
            return null;
        }

        private NamedEntities.Cluster resolvePerson(CharSpan span) {
            return entities.lastPersonBefore(span.begin());
        }

        /**
         * "the county", "the hospital": an entity whose name holds the nominal's head noun ("Mecklenburg County") when
         * the article has one, the most often named (ties: the nearest before it); for a place noun ("the city") the
         * place named most often before it; else the organisation rule.
         */
        private NamedEntities.Cluster resolveNominal(ArgumentMention a, Set<NamedEntities.Cluster> exclude) {
            String[] words = a.text().strip().replaceAll("['\u2019]s$", "").split("\\s+");
            String head = words[words.length - 1].toLowerCase(Locale.ROOT);
            NamedEntities.Cluster best = null;
            int bestLast = -2;
            for (NamedEntities.Cluster c : entities.byNameWord(head)) {
                if (c.isPerson() || exclude.contains(c)) {
                    continue;
                }
                int last = c.lastMentionBefore(a.span().begin());
                if (best == null || c.runs().size() > best.runs().size()
                        || (c.runs().size() == best.runs().size() && last > bestLast)) {
                    best = c;
                    bestLast = last;
                }
            }
            if (best == null && PLACE_NOUNS.contains(head)) {
                best = entities.mostNamedPlaceBefore(a.span().begin(), exclude); // "the city" after "Atlanta"
            }
            return best != null ? best : resolveOrganization(a.span(), exclude, true);
        }

        /** An unnamed victim that is the accused phrase or one of the incident's attackers ("a rival company"). */
        private boolean isAccusedPhrase(Draft d, Map<Role, Map<String, Draft>> drafts) {
            List<String> name = FillerText.words(d.name);
            // a head match shares a word: only the phrases holding one of the name's words are candidates
            for (String w : new LinkedHashSet<>(name)) {
                for (List<String> phrase : accusedPhrasesByWord().getOrDefault(w, List.of())) {
                    if (FillerText.headMatch(phrase, name)) {
                        return true;
                    }
                }
            }
            for (Draft a : drafts.getOrDefault(Role.ATTACKER, Map.of()).values()) {
                if (FillerText.headMatch(a.name, d.name)) {
                    return true;
                }
            }
            return false;
        }

        /** The accused phrases' distinct word lists, indexed by each of their words; built on first use. */
        private Map<String, List<List<String>>> accusedPhrasesByWord() {
            if (accusedPhrasesByWord == null) {
                accusedPhrasesByWord = new HashMap<>();
                Set<List<String>> seen = new HashSet<>();
                for (CharSpan p : accusations.phrases()) {
                    List<String> words = FillerText.words(p.textIn(doc.content()));
                    if (seen.add(words)) {
                        for (String w : new LinkedHashSet<>(words)) {
                            accusedPhrasesByWord.computeIfAbsent(w, k -> new ArrayList<>()).add(words);
                        }
                    }
                }
            }
            return accusedPhrasesByWord;
        }

        /** The accused party as an inferred attacker: a named one first, else the first accused phrase. */
        private Entity accusedParty() {
            if (!accusedPartyFound) {
                accusedParty = findAccusedParty();
                accusedPartyFound = true;
            }
            return accusedParty;
        }

        private Entity findAccusedParty() {
            for (NamedEntities.Cluster c : entities.clusters()) {
                if (accused.contains(c)) {
                    List<Mention> ms = new ArrayList<>();
                    c.runs().forEach(r -> ms.add(mention(r.span())));
                    return new Entity(c.name(), c.entityType(), ACCUSED_CONFIDENCE, true, ms, null, c.runs().size());
                }
            }
            for (CharSpan p : accusations.phrases()) {
                String name = NameText.clean(p.textIn(doc.content()));
                if (!NameText.namesNothing(name) && name.split(" ").length <= 6) {
                    return new Entity(name, "Organization", ACCUSED_CONFIDENCE, true, List.of(mention(p)), null, 1);
                }
            }
            return null;
        }

        private Set<NamedEntities.Cluster> articleNotVictims() {
            Set<NamedEntities.Cluster> out = new HashSet<>(accused);
            out.addAll(articleAttackers);
            return out;
        }

        /**
         * The most often named organisation or place that the title names (or names by its acronym: "CDOT") and the
         * article does not quote or accuse, leaving out names the article also writes in lower case ("Ransomware",
         * "Bitcoin": words, not names).
         */
        private NamedEntities.Cluster titleOrganization(Set<NamedEntities.Cluster> exclude) {
            NamedEntities.Cluster best = null;
            for (NamedEntities.Cluster c : entities.clusters()) {
                if (c.isPerson() || exclude.contains(c) || sources.contains(c)
                        || (best != null && c.runs().size() <= best.runs().size())) {
                    continue;
                }
                // the scan of the whole text for the name in lower case last: it is the costly test
                boolean named = c.runs().stream().anyMatch(r -> inTitle(NameText.clean(r.text())));
                if (named && !writtenLowerCase(c.name())) {
                    best = c;
                }
            }
            return best;
        }

        private boolean writtenLowerCase(String name) {
            String lower = name.toLowerCase(Locale.ROOT);
            return java.util.regex.Pattern.compile("\\b" + java.util.regex.Pattern.quote(lower) + "\\b").matcher(doc.content()).find();
        }

        /** Organisations in apposition to a victim nominal: "Citycomp, the impacted Germany-based firm". */
        private void findVictimCues() {
            for (NamedEntities.Cluster c : entities.clusters()) {
                if (!c.isOrganization()) {
                    continue;
                }
                for (NamedEntities.Run r : c.runs()) {
                    int i = r.last();
                    if (i + 2 >= tokens.size() || !tokens.word(i).equals(",")
                            || !Set.of("the", "a", "an").contains(tokens.word(i + 1).toLowerCase(Locale.ROOT))) {
                        continue;
                    }
                    boolean cue = false;
                    for (int j = i + 1; j < Math.min(tokens.size(), i + 9) && tokens.sentence(j) == tokens.sentence(i); j++) {
                        if (tokens.word(j).equals(",") || tokens.word(j).equals(".")) {
                            break;
                        }
                        cue |= VICTIM_CUES.contains(tokens.word(j).toLowerCase(Locale.ROOT));
                    }
                    if (cue && !victimCues.contains(c)) {
                        victimCues.add(c);
                    }
                }
            }
        }

        private Mention mention(CharSpan span) {
            return new Mention(span.begin(), span.end(), span.textIn(doc.content()));
        }

        private static int firstOffset(Draft d) {
            return d.mentions.isEmpty() ? Integer.MAX_VALUE : d.mentions.keySet().iterator().next().begin();
        }

        private final Comparator<Draft> RANKING = Comparator
                .comparing((Draft d) -> tier(d))
                .thenComparing(d -> d.cluster == null)
                .thenComparing(d -> -score(d))
                .thenComparing(Build::firstOffset);

        /**
         * 0: a named organisation or place (a city, a county: CASIE calls them organisations when attacked) that the
         * article does not cite as a source; 1: an unnamed organisation ("the company"); 2: a named source (a news
         * outlet or a security vendor the article quotes: "according to CNN", "researchers at IBM"); 3: the rest.
         */
        private int tier(Draft d) {
            boolean orgLike = "Organization".equals(d.type()) || (d.cluster != null && !d.cluster.isPerson()
                    && !"Person".equals(d.type()));
            if (d.cluster != null && orgLike) {
                return sources.contains(d.cluster) ? 2 : 0;
            }
            return orgLike ? 1 : 3;
        }

        private double score(Draft d) {
            double s = d.confidence + SALIENCE_WEIGHT * Math.min(d.salience(), SALIENCE_CAP);
            if (inTitle(d.name)) {
                s += TITLE_BONUS;
            }
            return s;
        }

        /** The title writes {@code name}, or an acronym of it ("CDOT computers held for ransom"). */
        private boolean inTitle(String name) {
            if (title.isEmpty()) {
                return false;
            }
            if (java.util.regex.Pattern.compile("\\b" + java.util.regex.Pattern.quote(name.toLowerCase(Locale.ROOT))
                    + "\\b").matcher(title).find()) {
                return true;
            }
            for (String acronym : titleAcronyms) {
                if (!acronym.equals(name) && NamedEntities.isAcronymOf(acronym, name)) {
                    return true;
                }
            }
            return false;
        }

        private Entity entity(Role role, Draft d) {
            List<Mention> ms = new ArrayList<>(d.mentions.values());
            String valueText = d.cluster != null || ms.isEmpty() ? d.name : ms.get(0).text();
            Value value = ValueNormalizer.forRole(role, valueText, articleDate);
            String name = d.name;
            if (value instanceof Value.Cve cve) {
                name = cve.id();
            }
            return new Entity(name, d.type(), d.confidence, d.inferred, ms, value, d.salience());
        }

        private static Realis realis(List<EventMention> events) {
            Map<Realis, Integer> counts = new LinkedHashMap<>();
            events.forEach(e -> counts.merge(e.realis(), 1, Integer::sum));
            return counts.entrySet().stream().max(Map.Entry.comparingByValue()).get().getKey();
        }
    }
}
