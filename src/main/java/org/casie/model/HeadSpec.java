package org.casie.model;

/** One per-token softmax output of a tagger: its vertex name and number of classes. */
public record HeadSpec(String name, int classes) {
}
