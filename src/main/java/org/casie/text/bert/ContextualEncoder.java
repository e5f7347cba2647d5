package org.casie.text.bert;

import org.casie.text.AnnotationCache;
import org.casie.text.TokenTable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * One BERT vector per CoreNLP token. Each sentence is a window ([CLS] pieces [SEP]); a longer one is cut
 * into overlapping windows and every token takes its vector from the window where it sits most centrally.
 * Windows from several documents are batched by length and padded only to the batch's longest.
 */
public final class ContextualEncoder implements AutoCloseable {

    /** Wordpieces per window, [CLS] and [SEP] excluded. */
    static final int WINDOW = 126;
    static final int STRIDE = 64;
    private static final int BATCH = 16;

    private final EncoderSpec spec;
    private final String tokenizationKey;
    private final VectorCache cache;
    private final Path cacheRoot;
    private final int threads;
    private WordPiece wordPiece;
    private BertEncoder encoder;

    /**
     * @param tokenizationKey the annotator configuration's cache key (vectors follow its tokens)
     * @param cacheRoot       where the encoder is extracted and vectors cached
     */
    public ContextualEncoder(EncoderSpec spec, String tokenizationKey, Path cacheRoot, int threads) {
        this.spec = spec;
        this.tokenizationKey = tokenizationKey;
        this.cacheRoot = cacheRoot;
        this.cache = new VectorCache(cacheRoot.resolve("vectors"));
        this.threads = threads;
    }

    public EncoderSpec spec() {
        return spec;
    }

    private synchronized void load() {
        if (encoder != null) {
            return;
        }
        try {
            Path dir = EncoderFiles.modelDir(spec, cacheRoot);
            wordPiece = WordPiece.load(dir.resolve("assets/vocab.txt"), spec.lowerCase());
            encoder = new BertEncoder(dir, spec.layer(), threads);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the BERT encoder: " + e.getMessage(), e);
        }
    }

    String key(String text) {
        return AnnotationCache.key(spec.cacheKey() + "|" + tokenizationKey, text);
    }

    public boolean isCached(String text) {
        return cache.contains(key(text));
    }

    /** Vectors for each document, from the cache where possible; {@code progress} hears of each document done. */
    public synchronized List<ContextVectors> encodeAll(List<String> texts, List<TokenTable> tables, IntConsumer progress) {
        List<ContextVectors> out = new ArrayList<>(texts.size());
        List<Integer> todo = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            ContextVectors v = cache.get(key(texts.get(i))).orElse(null);
            out.add(v);
            if (v == null) {
                todo.add(i);
            } else {
                progress.accept(1);
            }
        }
        // A few documents at a time: batches of similar-length windows, bounded memory, resumable via the cache.
        for (int from = 0; from < todo.size(); from += 8) {
            List<Integer> group = todo.subList(from, Math.min(todo.size(), from + 8));
            List<TokenTable> groupTables = group.stream().map(tables::get).toList();
            List<ContextVectors> encoded = encode(groupTables);
            for (int g = 0; g < group.size(); g++) {
                int i = group.get(g);
                cache.put(key(texts.get(i)), encoded.get(g));
                out.set(i, encoded.get(g));
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
        load();
        List<Window> windows = new ArrayList<>();
        List<int[][]> pieces = new ArrayList<>();
        for (int d = 0; d < tables.size(); d++) {
            TokenTable t = tables.get(d);
            int[][] p = new int[t.size()][];
            for (int i = 0; i < t.size(); i++) {
                p[i] = wordPiece.pieces(t.word(i));
            }
            pieces.add(p);
            for (int s = 0; s < t.sentenceCount(); s++) {
                windows.addAll(sentenceWindows(d, p, t.sentenceBegin(s), t.sentenceEnd(s)));
            }
        }
        float[][][] vectors = new float[tables.size()][][];
        double[][] bestDistance = new double[tables.size()][];
        for (int d = 0; d < tables.size(); d++) {
            vectors[d] = new float[tables.get(d).size()][];
            bestDistance[d] = new double[tables.get(d).size()];
            java.util.Arrays.fill(bestDistance[d], Double.MAX_VALUE);
        }
        windows.sort(Comparator.comparingInt(w -> w.ids().length));
        for (int b = 0; b < windows.size(); b += BATCH) {
            List<Window> batch = windows.subList(b, Math.min(windows.size(), b + BATCH));
            float[][][] out = encoder.encode(batch.stream().map(Window::ids).toList());
            for (int w = 0; w < batch.size(); w++) {
                Window win = batch.get(w);
                double center = (win.ids().length - 1) / 2.0;
                for (int k = 0; k < win.pieceBegin().length; k++) {
                    int token = win.firstToken() + k;
                    double distance = Math.abs((win.pieceBegin()[k] + win.pieceEnd()[k] - 1) / 2.0 - center);
                    if (distance < bestDistance[win.doc()][token]) {
                        bestDistance[win.doc()][token] = distance;
                        vectors[win.doc()][token] = pool(out[w], win.pieceBegin()[k], win.pieceEnd()[k]);
                    }
                }
            }
        }
        List<ContextVectors> result = new ArrayList<>();
        for (float[][] v : vectors) {
            result.add(ContextVectors.of(v, EncoderSpec.DIMENSION));
        }
        return result;
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

    private float[] pool(float[][] out, int begin, int end) {
        if (spec.pooling().equals("first")) {
            return out[begin];
        }
        float[] mean = new float[out[begin].length];
        for (int p = begin; p < end; p++) {
            for (int k = 0; k < mean.length; k++) {
                mean[k] += out[p][k] / (end - begin);
            }
        }
        return mean;
    }

    @Override
    public synchronized void close() {
        if (encoder != null) {
            encoder.close();
            encoder = null;
        }
    }
}
