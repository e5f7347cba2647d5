package org.casie.text.bert;

/**
 * One contextual vector per token of a document, stored as bfloat16 (the top 16 bits of a float): half
 * the memory and disk of floats, and ample precision for features that a network projects anyway.
 */
public final class ContextVectors {

    private final short[] data;
    private final int tokens;
    private final int dimension;

    public ContextVectors(short[] data, int tokens, int dimension) {
        if (data.length != tokens * dimension) {
            throw new IllegalArgumentException("vector data does not match " + tokens + " x " + dimension);
        }
        this.data = data;
        this.tokens = tokens;
        this.dimension = dimension;
    }

    public static ContextVectors of(float[][] vectors, int dimension) {
        short[] data = new short[vectors.length * dimension];
        for (int t = 0; t < vectors.length; t++) {
            for (int k = 0; k < dimension; k++) {
                data[t * dimension + k] = toBfloat16(vectors[t][k]);
            }
        }
        return new ContextVectors(data, vectors.length, dimension);
    }

    public int tokens() {
        return tokens;
    }

    public int dimension() {
        return dimension;
    }

    short[] data() {
        return data;
    }

    public float get(int token, int k) {
        return Float.intBitsToFloat((data[token * dimension + k] & 0xffff) << 16);
    }

    /**
     * Tokens [aFrom, aFrom + tokens) of {@code a} beside tokens [bFrom, bFrom + tokens) of {@code b}: one vector
     * of both widths per token.
     */
    public static ContextVectors concat(ContextVectors a, int aFrom, ContextVectors b, int bFrom, int tokens) {
        int dim = a.dimension + b.dimension;
        short[] data = new short[tokens * dim];
        for (int t = 0; t < tokens; t++) {
            System.arraycopy(a.data, (aFrom + t) * a.dimension, data, t * dim, a.dimension);
            System.arraycopy(b.data, (bFrom + t) * b.dimension, data, t * dim + a.dimension, b.dimension);
        }
        return new ContextVectors(data, tokens, dim);
    }

    /** Round to nearest even, as hardware bfloat16 conversion does. */
    static short toBfloat16(float f) {
        int bits = Float.floatToRawIntBits(f);
        if (Float.isNaN(f)) {
            return (short) 0x7fc0;
        }
        int rounding = 0x7fff + ((bits >>> 16) & 1);
        return (short) ((bits + rounding) >>> 16);
    }
}
