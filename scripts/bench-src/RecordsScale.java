import org.casie.corpus.*;
import org.casie.incident.*;
import org.casie.text.*;
import java.nio.file.*;
import java.util.*;

/**
 * Incident records over K dev articles joined into one article (predictions and CoreNLP tokens joined, offsets
 * shifted): seconds, and a digest of the output to compare two builds. Run by scripts/records-scale.
 * Arguments: DATA (the CASIE directory, with annotation/ and splits/) PREDICTIONS (evaluate --report's) K...
 */
public class RecordsScale {
    public static void main(String[] a) throws Exception {
        List<String> ids = Files.readAllLines(Path.of(a[0], "splits", "dev.txt"));
        LoadedCorpus g = new CorpusLoader().load(Path.of(a[0], "annotation"), ids, 2);
        List<Document> pred = new ArrayList<>();
        for (Document d : g.documents()) pred.add(CorpusLoader.asWritten().read(Path.of(a[1], d.id() + ".json")).document().get());
        Preprocessor pre = new Preprocessor(AnnotatorConfig.FULL, AnnotationCache.defaultRoot());
        List<TokenTable> toks = pre.processAll(g.documents().stream().map(Document::content).toList(), 2, i -> {});
        // per-article digest first (the CASIE-sized case)
        long t0 = System.nanoTime();
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < pred.size(); i++) all.append(IncidentBuilder.article(pred.get(i), toks.get(i)).toString());
        System.out.printf("per-article: %.2fs digest %08x%n", (System.nanoTime() - t0) / 1e9, all.toString().hashCode());
        for (int k = 2; k < a.length; k++) {
            int n = Integer.parseInt(a[k]);
            StringBuilder text = new StringBuilder();
            List<TokenTable> parts = new ArrayList<>();
            int[] offsets = new int[n];
            List<Hopper> hoppers = new ArrayList<>();
            for (int j = 0; j < n; j++) {
                Document d = pred.get(j % pred.size());
                int off = text.length();
                offsets[j] = off;
                parts.add(toks.get(j % pred.size()));
                text.append(d.content()).append("\n\n");
                for (Hopper h : d.hoppers()) {
                    List<EventMention> es = new ArrayList<>();
                    for (EventMention e : h.events()) {
                        List<ArgumentMention> args = new ArrayList<>();
                        for (ArgumentMention m : e.arguments())
                            args.add(new ArgumentMention(m.id(), shift(m.span(), off), m.text(), m.role(), m.entityType(), m.externalReference(), m.confidence()));
                        es.add(new EventMention(e.id(), e.triggerId(), shift(e.trigger(), off), e.text(), e.subtype(), e.realis(), args, e.confidence()));
                    }
                    hoppers.add(new Hopper(hoppers.size(), h.relation(), es));
                }
            }
            Document big = new Document("big", null, text.toString(), pred.get(0).title(), pred.get(0).date(), null, null, hoppers);
            TokenTable t = TokenTable.join(parts, offsets);
            t0 = System.nanoTime();
            TaggedArticle art = IncidentBuilder.article(big, t);
            double secs = (System.nanoTime() - t0) / 1e9;
            long mentions = 0, entities = 0;
            for (IncidentRecord r : art.incidents()) for (List<Entity> es : r.roles().values()) for (Entity e : es) { entities++; mentions += e.mentions().size(); }
            System.out.printf("K=%d chars=%d tokens=%d: %.2fs digest %08x records %d entities %d mentions %d%n", n, text.length(), t.size(), secs, (n <= 1600 ? art.toString() : art.incidents().toString()).hashCode(), art.incidents().size(), entities, mentions);
        }
    }
    static CharSpan shift(CharSpan s, int off) { return new CharSpan(s.begin() + off, s.end() + off); }
}
