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
