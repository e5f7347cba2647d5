/** Tagging on Apache Spark: the {@code spark-tag} job and a Spark ML stage, both around {@link org.casie.tag.EventExtractor}. */
package org.casie.spark;
