/**
 * Event coreference (hoppers) without networks: what pair features know of a mention, the mention-pair
 * features, the clustering of pair probabilities into hoppers, and the subtype baseline. Reads only what
 * tagging produces (trigger span, subtype, realis, arguments, tokens); the pair network is in {@code model}.
 */
package org.casie.coref;
