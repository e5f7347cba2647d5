package org.casie.model;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.util.List;

/** Builds the mention-pair classifier: ReLU layers over the pair features and one sigmoid output (coreferent or not). */
public final class PairNetworkBuilder {

    private PairNetworkBuilder() {
    }

    /**
     * @param inputs  number of pair features
     * @param hidden  width of each hidden layer
     * @param dropout probability of dropping a hidden layer's input
     */
    public static MultiLayerNetwork build(int inputs, List<Integer> hidden, double dropout, double learningRate,
                                          double l2, long seed) {
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .updater(new Adam(learningRate))
                .l2(l2)
                .weightInit(WeightInit.XAVIER)
                .trainingWorkspaceMode(WorkspaceMode.ENABLED)
                .inferenceWorkspaceMode(WorkspaceMode.ENABLED)
                .list();
        int width = inputs;
        for (int h = 0; h < hidden.size(); h++) {
            DenseLayer.Builder layer = new DenseLayer.Builder().nIn(width).nOut(hidden.get(h)).activation(Activation.RELU);
            if (h > 0 && dropout > 0) {
                layer.dropOut(new Dropout(1 - dropout));
            }
            list.layer(layer.build());
            width = hidden.get(h);
        }
        OutputLayer.Builder output = new OutputLayer.Builder(LossFunctions.LossFunction.XENT).nIn(width).nOut(1)
                .activation(Activation.SIGMOID);
        if (dropout > 0 && !hidden.isEmpty()) {
            output.dropOut(new Dropout(1 - dropout));
        }
        list.layer(output.build());
        MultiLayerNetwork net = new MultiLayerNetwork(list.build());
        net.init();
        return net;
    }
}
