package org.casie.tag.select;

/**
 * One chosen article.
 *
 * @param id           document id
 * @param uncertainty  summed uncertainty of its predicted triggers and arguments (0 for {@code random})
 * @param similarity   highest cosine similarity to an article chosen before it (0 for the first and for {@code random})
 * @param score        what the ranking used
 */
public record Choice(String id, double uncertainty, double similarity, double score) {
}
