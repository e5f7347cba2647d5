package org.casie.model;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.layers.Convolution1DLayer;
import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.Bidirectional;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds the tagger graph shared by the trigger and argument classifiers: learned word, prefix and
 * suffix embeddings merged with the dense per-token features, BiLSTM layers, and one softmax head per
 * per-token task (e.g. trigger BIO and realis).
 */
public final class SequenceNetworkBuilder {

    public static final String WORDS = "words";
    public static final String PREFIXES = "prefixes";
    public static final String SUFFIXES = "suffixes";
    public static final String DENSE = "dense";
    public static final List<String> INPUTS = List.of(WORDS, PREFIXES, SUFFIXES, DENSE);

    private SequenceNetworkBuilder() {
    }

    public static final String CONTEXT = "context";

    /**
     * @param contextDim  width of the contextual vectors (0: no such input)
     * @param projection  their learned projection's size
     */
    public static ComputationGraph build(NetworkConfig c, int wordVocab, int prefixVocab, int suffixVocab,
                                         int denseSize, int contextDim, int projection, List<HeadSpec> heads, long seed) {
        List<String> inputs = new ArrayList<>(INPUTS);
        if (contextDim > 0) {
            inputs.add(CONTEXT);
        }
        ComputationGraphConfiguration.GraphBuilder g = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .updater(new Adam(c.learningRate()))
                .l2(c.l2())
                .weightInit(WeightInit.XAVIER)
                .trainingWorkspaceMode(WorkspaceMode.ENABLED)
                .inferenceWorkspaceMode(WorkspaceMode.ENABLED)
                .graphBuilder()
                .addInputs(inputs)
                .addLayer("wordEmb", embedding(wordVocab, c.wordDim()), WORDS)
                .addLayer("prefixEmb", embedding(prefixVocab, c.affixDim()), PREFIXES)
                .addLayer("suffixEmb", embedding(suffixVocab, c.affixDim()), SUFFIXES);
        List<String> merged = new ArrayList<>(List.of("wordEmb", "prefixEmb", "suffixEmb", DENSE));
        int width = c.wordDim() + 2 * c.affixDim() + denseSize;
        if (contextDim > 0) {
            // A kernel-1 convolution is a per-token linear projection of the 768-wide vectors: it keeps the LSTM small.
            g.addLayer("contextProjection", new Convolution1DLayer.Builder().kernelSize(1).nIn(contextDim).nOut(projection)
                    .activation(Activation.IDENTITY).rnnDataFormat(RNNFormat.NCW).dropOut(new Dropout(1 - c.dropout()))
                    .build(), CONTEXT);
            merged.add("contextProjection");
            width += projection;
        }
        g.addVertex("merged", new MergeVertex(), merged.toArray(new String[0]));
        // Sizes are set by hand: input types would make DL4J reset the embedding layers' nIn to 1.
        String previous = "merged";
        for (int layer = 0; layer < c.layers(); layer++) {
            String name = "bilstm" + layer;
            LSTM.Builder lstm = new LSTM.Builder().nIn(width).nOut(c.hidden()).activation(Activation.TANH)
                    .dataFormat(RNNFormat.NCW).dropOut(new Dropout(1 - c.dropout())); // on the layer's input
            g.addLayer(name, new Bidirectional(Bidirectional.Mode.CONCAT, lstm.build()), previous);
            previous = name;
            width = 2 * c.hidden();
        }
        String encoder = previous;
        String[] outputs = new String[heads.size()];
        for (int h = 0; h < heads.size(); h++) {
            HeadSpec head = heads.get(h);
            g.addLayer(head.name(), new RnnOutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                    .activation(Activation.SOFTMAX).nIn(width).nOut(head.classes()).dataFormat(RNNFormat.NCW)
                    .dropOut(new Dropout(1 - c.dropout())).build(), encoder);
            outputs[h] = head.name();
        }
        g.setOutputs(outputs);
        ComputationGraph net = new ComputationGraph(g.build());
        net.init();
        return net;
    }

    private static EmbeddingSequenceLayer embedding(int vocab, int dim) {
        return new EmbeddingSequenceLayer.Builder().nIn(vocab).nOut(dim).inputLength(-1)
                .outputDataFormat(RNNFormat.NCW).build();
    }
}
