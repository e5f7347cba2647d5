package org.casie.tag.select;

/** How {@link ArticleSelector} ranks a pool of articles. */
public enum SelectionStrategy {
    /** A seeded shuffle: the baseline every other strategy must beat. */
    random,
    /** Expected corrections: the summed uncertainty of the predicted triggers and arguments. */
    uncertainty,
    /** Uncertainty discounted by similarity to the articles already chosen, so near-duplicates are not all picked. */
    diverse
}
