/** The accurate profile's frozen BERT-base encoder (TensorFlow SavedModel): WordPiece, per-token vectors, their disk cache. */
package org.casie.text.bert;
