package org.casie.text.bert;

import org.casie.text.TokenTable;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * The frozen part of an encoder whose top layers are tuned: the pretrained SavedModel run up to the layer below
 * the tuned ones, over the same windows the tagger's encoder reads. Fine-tuning computes these outputs once and
 * trains the top layers on them.
 */
public final class FrozenBase implements AutoCloseable {

    private static final int BATCH = 16;

    private final EncoderSpec spec;
    private final int firstTuned;
    private final WordPiece wordPiece;
    private final BertEncoder bert;

    /**
     * @param spec       the encoder whose top layers are tuned ({@code spec.layer()} is the last of them)
     * @param firstTuned the first tuned layer (2-12); the SavedModel runs up to the layer below it
     */
    public FrozenBase(EncoderSpec spec, int firstTuned, Path cacheRoot, int threads) throws IOException {
        if (firstTuned < 2 || firstTuned > spec.layer()) {
            throw new IllegalArgumentException("tuned layers must start between 2 and " + spec.layer() + ", not "
                    + firstTuned);
        }
        this.spec = spec;
        this.firstTuned = firstTuned;
        Path dir = EncoderFiles.modelDir(spec, cacheRoot);
        this.wordPiece = WordPiece.load(dir.resolve("assets/vocab.txt"), spec.lowerCase());
        this.bert = new BertEncoder(dir, List.of(firstTuned - 1), threads);
    }

    /** The pretrained weights of the layers to tune. */
    public LayerWeights pretrained() {
        return LayerWeights.pretrained(bert.savedModel(), firstTuned, spec.layer() - firstTuned + 1);
    }

    public List<ContextualEncoder.TokenWindow> windows(TokenTable tokens) {
        return ContextualEncoder.windows(wordPiece, tokens, spec.documentContext());
    }

    /**
     * The wordpieces of a window read primed, as the tagger's encoder reads an argument query
     * ({@link ContextualEncoder#encodePrimed}): the trigger marked, the prefix before the sentence.
     */
    public ContextualEncoder.PrimedInput primedInput(TokenTable tokens, ContextualEncoder.PrimedWindow window) {
        return ContextualEncoder.primedInput(wordPiece, 0, tokens, window);
    }

    /** Per window, the output of the layer below the tuned ones, flat [pieces, 768]; progress hears of windows. */
    public List<float[]> encode(List<ContextualEncoder.TokenWindow> windows, IntConsumer progress) {
        return encodeIds(windows.stream().map(ContextualEncoder.TokenWindow::ids).toList(), progress);
    }

    /** Per input ([CLS] ... [SEP] wordpiece ids), the output of the layer below the tuned ones, flat [pieces, 768]. */
    public List<float[]> encodeIds(List<int[]> inputs, IntConsumer progress) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingInt(i -> inputs.get(i).length));
        List<float[]> out = new ArrayList<>(java.util.Collections.nCopies(inputs.size(), null));
        int dim = EncoderSpec.DIMENSION;
        for (int from = 0; from < order.size(); from += BATCH) {
            List<Integer> batch = order.subList(from, Math.min(order.size(), from + BATCH));
            float[][][][] encoded = bert.encode(batch.stream().map(inputs::get).toList());
            for (int b = 0; b < batch.size(); b++) {
                float[][] v = encoded[0][b];
                float[] flat = new float[v.length * dim];
                for (int j = 0; j < v.length; j++) {
                    System.arraycopy(v[j], 0, flat, j * dim, dim);
                }
                out.set(batch.get(b), flat);
            }
            progress.accept(batch.size());
        }
        return out;
    }

    @Override
    public void close() {
        bert.close();
    }
}
