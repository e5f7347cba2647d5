package org.casie.train;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class WeightAverageTest {

    private static INDArray row(float... values) {
        return Nd4j.create(values, new long[]{1, values.length});
    }

    @Test
    void firstUpdatesMostlyForgetTheInitialWeights() {
        WeightAverage a = WeightAverage.startingAt(row(10, 10), 0.999);
        a.update(row(0, 2)); // decay capped at 1/10 on the first update
        assertArrayEquals(new float[]{1f, 2.8f}, a.weights().toFloatVector(), 1e-5f);
        a.update(row(0, 2)); // then 2/11
        assertArrayEquals(new float[]{2f / 11, 2.8f * 2 / 11 + 2f * 9 / 11}, a.weights().toFloatVector(), 1e-5f);
    }

    @Test
    void decayReachesItsLimitAndConstantWeightsStayPut() {
        WeightAverage a = WeightAverage.startingAt(row(3), 0.5);
        for (int i = 0; i < 5; i++) {
            a.update(row(3));
        }
        assertEquals(3f, a.weights().getFloat(0), 1e-6f);
        a.update(row(5)); // (1 + 5) / (10 + 5) = 0.4 < 0.5: still the ramp
        assertEquals(0.4f * 3 + 0.6f * 5, a.weights().getFloat(0), 1e-5f);
        WeightAverage late = WeightAverage.resumed(row(1), 0.5, 1000); // past the ramp: the decay itself
        late.update(row(3));
        assertEquals(2f, late.weights().getFloat(0), 1e-6f);
    }

    @Test
    void theAverageIsACopyNotAView() {
        INDArray params = row(1, 1);
        WeightAverage a = WeightAverage.startingAt(params, 0.9);
        params.assign(7);
        assertArrayEquals(new float[]{1, 1}, a.weights().toFloatVector());
    }
}
