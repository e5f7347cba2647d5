/** The DL4J networks, batching into ND4J arrays, the trained classifiers and the model bundle with its provenance. */
package org.casie.model;
