package org.casie.text.bert;

import org.casie.text.AnnotationCache;
import org.casie.text.AnnotatorConfig;
import org.casie.text.TokenTable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * One BERT vector per CoreNLP token. With sentence context each sentence is a window ([CLS] pieces [SEP]);
 * a longer one is cut into overlapping windows and every token takes its vector from the window where it
 * sits most centrally. With document context the whole article is cut that way, so windows cross sentence
 * boundaries and a token sees at least a quarter window of text on each side (except at the article's ends).
 * Windows from several documents are batched by length and padded only to the batch's longest.
 *
 * <p>Besides the spec whose vectors it returns, an encoder can fill the cache for other variants of the same
 * encoder (other layers, mixes, pooling) in the same pass: TensorFlow runs once, up to the deepest layer.
 */
public final class ContextualEncoder implements AutoCloseable {

    /** Wordpieces per window, [CLS] and [SEP] excluded. */
    static final int WINDOW = 126;
    static final int STRIDE = 64;
    private static final int BATCH = 16;

    private final EncoderSpec spec;
    private final List<EncoderSpec> variants;
    private final List<Integer> fetched;
    private final String tokenizationKey;
    private final VectorCache cache;
    private final Path cacheRoot;
    private final int threads;
    private WordPiece wordPiece;
    private BertEncoder encoder;
    private volatile boolean closed;

    /**
     * @param tokenizationKey the annotator configuration's cache key (vectors follow its tokens)
     * @param cacheRoot       where vectors are cached and the encoder extracted; {@code null} caches no vectors
     *                        (the encoder is then extracted into the default cache root)
     */
    public ContextualEncoder(EncoderSpec spec, String tokenizationKey, Path cacheRoot, int threads) {
        this(List.of(spec), tokenizationKey, cacheRoot, threads);
    }

    /**
     * @param variants the spec whose vectors {@link #encodeAll} returns first, then other variants of the same
     *                 encoder whose cache entries are filled in the same pass
     */
    public ContextualEncoder(List<EncoderSpec> variants, String tokenizationKey, Path cacheRoot, int threads) {
        this.spec = variants.get(0);
        for (EncoderSpec v : variants) {
            if (!v.artifact().equals(spec.artifact()) || v.lowerCase() != spec.lowerCase()) {
                throw new IllegalArgumentException("encoder variants must share one artifact: " + v.artifact());
            }
            if (!java.util.Objects.equals(v.tuned(), spec.tuned())) {
                throw new IllegalArgumentException("encoder variants must share one set of tuned layers");
            }
            if (!v.context().equals(spec.context())) {
                throw new IllegalArgumentException("encoder variants must share one context: " + v.context());
            }
        }
        this.variants = List.copyOf(variants);
        this.fetched = variants.stream().flatMap(v -> v.layers().stream()).distinct().sorted().toList();
        this.tokenizationKey = tokenizationKey;
        this.cacheRoot = cacheRoot != null ? cacheRoot : AnnotationCache.defaultRoot();
        this.cache = cacheRoot == null ? null : new VectorCache(cacheRoot.resolve("vectors"));
        this.threads = threads;
    }

    public EncoderSpec spec() {
        return spec;
    }

    /** The encoder, loaded on first use; callers keep the returned reference (close() may clear the field). */
    private synchronized BertEncoder load() {
        if (closed) {
            throw new IllegalStateException("closed");
        }
        if (encoder != null) {
            return encoder;
        }
        try {
            Path dir = EncoderFiles.modelDir(spec, cacheRoot);
            wordPiece = WordPiece.load(dir.resolve("assets/vocab.txt"), spec.lowerCase());
            encoder = new BertEncoder(dir, fetched, threads,
                    spec.tuned() == null ? null : TunedLayerStore.require(spec));
            return encoder;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the BERT encoder: " + e.getMessage(), e);
        }
    }

    String key(String text) {
        return key(spec, text);
    }

    private String key(EncoderSpec variant, String text) {
        // Vectors follow the tokens, so they are keyed by the text's own tokenization key.
        return AnnotationCache.key(variant.cacheKey() + "|" + AnnotatorConfig.forText(tokenizationKey, text), text);
    }

    /** Whether the vectors of every variant are cached for {@code text}. */
    public boolean isCached(String text) {
        return cache != null && variants.stream().allMatch(v -> cache.contains(key(v, text)));
    }

    /**
     * Vectors for each document, from the cache where possible; {@code progress} hears of each document done.
     * Threads may call this at once: they share one TensorFlow session, which runs their batches concurrently.
     */
    public List<ContextVectors> encodeAll(List<String> texts, List<TokenTable> tables, IntConsumer progress) {
        if (closed) {
            throw new IllegalStateException("closed");
        }
        List<ContextVectors> out = new ArrayList<>(texts.size());
        List<Integer> todo = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            ContextVectors v = cache == null ? null : cache.get(key(texts.get(i))).orElse(null);
            out.add(v);
            if (v == null || !isCached(texts.get(i))) {
                todo.add(i);
            } else {
                progress.accept(1);
            }
        }
        // A few documents at a time: batches of similar-length windows, bounded memory, resumable via the cache.
        for (int from = 0; from < todo.size(); from += 8) {
            List<Integer> group = todo.subList(from, Math.min(todo.size(), from + 8));
            List<TokenTable> groupTables = group.stream().map(tables::get).toList();
            List<List<ContextVectors>> encoded = encodeVariants(groupTables);
            for (int g = 0; g < group.size(); g++) {
                int i = group.get(g);
                for (int v = 0; v < variants.size() && cache != null; v++) {
                    cache.put(key(variants.get(v), texts.get(i)), encoded.get(v).get(g));
                }
                out.set(i, encoded.get(0).get(g));
                progress.accept(1);
            }
        }
        return out;
    }

    public ContextVectors encode(String text, TokenTable table) {
        return encodeAll(List.of(text), List.of(table), n -> { }).get(0);
    }

    /** A window: the document, token range it may assign, wordpiece ids and each token's piece range. */
    private record Window(int doc, int[] ids, int firstToken, int[] pieceBegin, int[] pieceEnd) {
    }

    List<ContextVectors> encode(List<TokenTable> tables) {
        return encodeVariants(tables).get(0);
    }

    /** Per variant, per document, its vectors. */
    List<List<ContextVectors>> encodeVariants(List<TokenTable> tables) {
        BertEncoder bert = load();
        List<Window> windows = new ArrayList<>();
        for (int d = 0; d < tables.size(); d++) {
            TokenTable t = tables.get(d);
            int[][] p = new int[t.size()][];
            for (int i = 0; i < t.size(); i++) {
                p[i] = wordPiece.pieces(t.word(i));
            }
            if (spec.documentContext()) {
                windows.addAll(sentenceWindows(d, p, 0, t.size()));
            } else {
                for (int s = 0; s < t.sentenceCount(); s++) {
                    windows.addAll(sentenceWindows(d, p, t.sentenceBegin(s), t.sentenceEnd(s)));
                }
            }
        }
        windows.sort(Comparator.comparingInt(w -> w.ids().length));
        // Each token's vector comes from the window where it sits most centrally: decided by geometry alone.
        Window[][] home = new Window[tables.size()][];
        double[][] bestDistance = new double[tables.size()][];
        for (int d = 0; d < tables.size(); d++) {
            home[d] = new Window[tables.get(d).size()];
            bestDistance[d] = new double[tables.get(d).size()];
            java.util.Arrays.fill(bestDistance[d], Double.MAX_VALUE);
        }
        for (Window win : windows) {
            double center = (win.ids().length - 1) / 2.0;
            for (int k = 0; k < win.pieceBegin().length; k++) {
                int token = win.firstToken() + k;
                double distance = Math.abs((win.pieceBegin()[k] + win.pieceEnd()[k] - 1) / 2.0 - center);
                if (distance < bestDistance[win.doc()][token]) {
                    bestDistance[win.doc()][token] = distance;
                    home[win.doc()][token] = win;
                }
            }
        }
        float[][][][] vectors = new float[variants.size()][tables.size()][][];
        for (int v = 0; v < variants.size(); v++) {
            for (int d = 0; d < tables.size(); d++) {
                vectors[v][d] = new float[tables.get(d).size()][];
            }
        }
        for (int b = 0; b < windows.size(); b += BATCH) {
            List<Window> batch = windows.subList(b, Math.min(windows.size(), b + BATCH));
            float[][][][] out = bert.encode(batch.stream().map(Window::ids).toList());
            for (int w = 0; w < batch.size(); w++) {
                Window win = batch.get(w);
                for (int k = 0; k < win.pieceBegin().length; k++) {
                    int token = win.firstToken() + k;
                    if (home[win.doc()][token] != win) {
                        continue;
                    }
                    for (int v = 0; v < variants.size(); v++) {
                        vectors[v][win.doc()][token] = pool(variants.get(v), out, w, win.pieceBegin()[k],
                                win.pieceEnd()[k]);
                    }
                }
            }
        }
        List<List<ContextVectors>> result = new ArrayList<>();
        for (float[][][] variant : vectors) {
            List<ContextVectors> docs = new ArrayList<>();
            for (float[][] v : variant) {
                docs.add(ContextVectors.of(v, EncoderSpec.DIMENSION));
            }
            result.add(docs);
        }
        return result;
    }

    /** A window as the encoder reads it: wordpiece ids ([CLS] .. [SEP]) and each token's piece range in them. */
    public record TokenWindow(int[] ids, int firstToken, int[] pieceBegin, int[] pieceEnd) {
    }

    /** The windows the encoder reads for one document (sentence or document context), in document order. */
    public static List<TokenWindow> windows(WordPiece wordPiece, TokenTable t, boolean documentContext) {
        int[][] p = new int[t.size()][];
        for (int i = 0; i < t.size(); i++) {
            p[i] = wordPiece.pieces(t.word(i));
        }
        List<Window> windows = new ArrayList<>();
        if (documentContext) {
            windows.addAll(sentenceWindows(0, p, 0, t.size()));
        } else {
            for (int s = 0; s < t.sentenceCount(); s++) {
                windows.addAll(sentenceWindows(0, p, t.sentenceBegin(s), t.sentenceEnd(s)));
            }
        }
        return windows.stream().map(w -> new TokenWindow(w.ids(), w.firstToken(), w.pieceBegin(), w.pieceEnd()))
                .toList();
    }

    /** Windows over tokens [from, to): one if its pieces fit, else overlapping ones every STRIDE pieces. */
    private static List<Window> sentenceWindows(int doc, int[][] pieces, int from, int to) {
        List<Window> out = new ArrayList<>();
        int start = from;
        while (start < to) {
            int end = start;
            int count = 0;
            while (end < to && count + Math.min(pieces[end].length, WINDOW) <= WINDOW) {
                count += Math.min(pieces[end].length, WINDOW);
                end++;
            }
            if (end == start) {
                end = start + 1;
            }
            out.add(window(doc, pieces, start, end));
            if (end >= to) {
                break;
            }
            // Next window starts about STRIDE pieces later, so long sentences are covered with overlap.
            int next = start;
            int skipped = 0;
            while (next < end - 1 && skipped < STRIDE) {
                skipped += Math.min(pieces[next].length, WINDOW);
                next++;
            }
            start = Math.max(next, start + 1);
        }
        return out;
    }

    private static Window window(int doc, int[][] pieces, int from, int to) {
        List<Integer> ids = new ArrayList<>();
        ids.add(WordPiece.CLS);
        int[] begin = new int[to - from], end = new int[to - from];
        for (int i = from; i < to; i++) {
            begin[i - from] = ids.size();
            int[] p = pieces[i];
            for (int k = 0; k < Math.min(p.length, WINDOW); k++) {
                ids.add(p[k]);
            }
            end[i - from] = ids.size();
        }
        ids.add(WordPiece.SEP);
        return new Window(doc, ids.stream().mapToInt(Integer::intValue).toArray(), from, begin, end);
    }

    /** The variant's vector of a token: its layers averaged, over its first or all of its wordpieces. */
    private float[] pool(EncoderSpec variant, float[][][][] out, int window, int begin, int end) {
        int last = variant.pooling().equals("first") ? begin + 1 : end;
        List<Integer> layers = variant.layers();
        float[] sum = new float[EncoderSpec.DIMENSION];
        float weight = 1f / ((last - begin) * layers.size());
        for (int layer : layers) {
            float[][] pieces = out[fetched.indexOf(layer)][window];
            for (int p = begin; p < last; p++) {
                for (int k = 0; k < sum.length; k++) {
                    sum[k] += pieces[p][k] * weight;
                }
            }
        }
        return sum;
    }

    /** Content wordpieces of a primed input at most; a longer window is read around its trigger. */
    static final int PRIMED_PIECES = 254;
    /** Wordpieces of one token a primed input keeps at most (long URLs and hashes say little past that). */
    private static final int PRIMED_TOKEN_PIECES = 8;

    /**
     * A window of a document read primed: tokens [from, to) after {@code prefix}, the trigger tokens
     * [triggerBegin, triggerEnd) wrapped in {@code open} and {@code close}.
     */
    public record PrimedWindow(int from, int to, int triggerBegin, int triggerEnd, List<String> prefix, String open,
                               String close) {

        public PrimedWindow {
            if (from < 0 || from > triggerBegin || triggerBegin >= triggerEnd || triggerEnd > to) {
                throw new IllegalArgumentException("trigger [" + triggerBegin + ", " + triggerEnd
                        + ") must lie in the window [" + from + ", " + to + ")");
            }
            prefix = List.copyOf(prefix);
        }

        String cacheKey() {
            return "|primed|" + String.join(" ", prefix) + "|" + open + "|" + close + "|" + from + "," + to + ","
                    + triggerBegin + "," + triggerEnd;
        }
    }

    /**
     * Vectors of each window's tokens (index 0 is the window's first token), each window read as its own input:
     * [CLS] prefix tokens-with-the-trigger-marked [SEP], so every vector is computed knowing the trigger. A window
     * longer than {@link #PRIMED_PIECES} wordpieces is read around its trigger, and tokens left out take
     * {@code unprimed}'s vectors (the document's shared ones). Cached per window like documents' vectors.
     */
    public List<ContextVectors> encodePrimed(String text, TokenTable table, ContextVectors unprimed,
                                             List<PrimedWindow> windows) {
        if (closed) {
            throw new IllegalStateException("closed");
        }
        List<ContextVectors> out = new ArrayList<>(java.util.Collections.nCopies(windows.size(), null));
        List<Integer> todo = new ArrayList<>();
        for (int i = 0; i < windows.size(); i++) {
            ContextVectors v = cache == null ? null : cache.get(primedKey(text, windows.get(i))).orElse(null);
            if (v == null) {
                todo.add(i);
            } else {
                out.set(i, v);
            }
        }
        if (todo.isEmpty()) {
            return out;
        }
        BertEncoder bert = load();
        List<PrimedInput> inputs = new ArrayList<>();
        for (int i : todo) {
            inputs.add(primedInput(wordPiece, i, table, windows.get(i)));
        }
        inputs.sort(Comparator.comparingInt(p -> p.ids().length));
        for (int b = 0; b < inputs.size(); b += BATCH) {
            List<PrimedInput> batch = inputs.subList(b, Math.min(inputs.size(), b + BATCH));
            float[][][][] encoded = bert.encode(batch.stream().map(PrimedInput::ids).toList());
            for (int w = 0; w < batch.size(); w++) {
                PrimedInput in = batch.get(w);
                PrimedWindow win = windows.get(in.query());
                float[][] v = new float[win.to() - win.from()][];
                for (int t = win.from(); t < win.to(); t++) {
                    int k = t - in.firstToken();
                    v[t - win.from()] = k >= 0 && k < in.pieceBegin().length
                            ? pool(spec, encoded, w, in.pieceBegin()[k], in.pieceEnd()[k])
                            : unprimedVector(unprimed, t);
                }
                ContextVectors vectors = ContextVectors.of(v, EncoderSpec.DIMENSION);
                if (cache != null) {
                    cache.put(primedKey(text, win), vectors);
                }
                out.set(in.query(), vectors);
            }
        }
        return out;
    }

    private String primedKey(String text, PrimedWindow window) {
        return AnnotationCache.key(spec.cacheKey() + window.cacheKey() + "|"
                + AnnotatorConfig.forText(tokenizationKey, text), text);
    }

    private static float[] unprimedVector(ContextVectors unprimed, int token) {
        float[] v = new float[EncoderSpec.DIMENSION];
        for (int k = 0; k < v.length; k++) {
            v[k] = unprimed.get(token, k);
        }
        return v;
    }

    /**
     * A primed input: the window it reads, its wordpiece ids, and the piece range of each token it holds (token
     * {@code firstToken + k} has pieces [pieceBegin[k], pieceEnd[k])).
     */
    public record PrimedInput(int query, int[] ids, int firstToken, int[] pieceBegin, int[] pieceEnd) {
    }

    /** The wordpieces of a primed window: tokens around the trigger, alternately left and right, while they fit. */
    public static PrimedInput primedInput(WordPiece wordPiece, int query, TokenTable table, PrimedWindow win) {
        List<Integer> prefix = new ArrayList<>();
        for (String word : win.prefix()) {
            for (int p : wordPiece.pieces(word)) {
                prefix.add(p);
            }
        }
        int[] open = wordPiece.pieces(win.open()), close = wordPiece.pieces(win.close());
        int[][] pieces = new int[win.to() - win.from()][];
        for (int t = win.from(); t < win.to(); t++) {
            int[] p = wordPiece.pieces(table.word(t));
            pieces[t - win.from()] = p.length > PRIMED_TOKEN_PIECES ? java.util.Arrays.copyOf(p, PRIMED_TOKEN_PIECES) : p;
        }
        int budget = PRIMED_PIECES - prefix.size() - open.length - close.length;
        int a = win.triggerBegin(), b = win.triggerBegin();
        int used = 0;
        while (b < win.triggerEnd() && (b == a || used + pieces[b - win.from()].length <= budget)) {
            used += pieces[b - win.from()].length;
            b++;
        }
        for (boolean grew = true; grew; ) {
            grew = false;
            if (b < win.to() && used + pieces[b - win.from()].length <= budget) {
                used += pieces[b - win.from()].length;
                b++;
                grew = true;
            }
            if (a > win.from() && used + pieces[a - 1 - win.from()].length <= budget) {
                a--;
                used += pieces[a - win.from()].length;
                grew = true;
            }
        }
        List<Integer> ids = new ArrayList<>();
        ids.add(WordPiece.CLS);
        ids.addAll(prefix);
        int[] begin = new int[b - a], end = new int[b - a];
        for (int t = a; t < b; t++) {
            if (t == win.triggerBegin()) {
                for (int p : open) ids.add(p);
            }
            begin[t - a] = ids.size();
            for (int p : pieces[t - win.from()]) ids.add(p);
            end[t - a] = ids.size();
            if (t == Math.min(win.triggerEnd(), b) - 1) {
                for (int p : close) ids.add(p);
            }
        }
        ids.add(WordPiece.SEP);
        return new PrimedInput(query, ids.stream().mapToInt(Integer::intValue).toArray(), a, begin, end);
    }

    /** Releases TensorFlow; the encoder then refuses work instead of loading it again. */
    @Override
    public synchronized void close() {
        closed = true;
        if (encoder != null) {
            encoder.close();
            encoder = null;
        }
    }
}
