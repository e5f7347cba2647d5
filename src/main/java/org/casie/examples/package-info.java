/** Character spans to token spans, BIO coding and decoding, vocabularies, and the one text-to-features path shared by training and tagging. */
package org.casie.examples;
