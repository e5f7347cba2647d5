package org.casie.examples;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The feature groups a configuration can leave out ({@link FeatureMask}), by the names configs and bundles use.
 * Token groups feed both taggers; argument groups say what the argument tagger knows of its trigger.
 */
public enum FeatureGroup {
    WORDS("words", false), AFFIXES("affixes", false), PRETRAINED("pretrained", false), SHAPE("shape", false),
    LEXICON("lexicon", false), POS("pos", false), NER("ner", false), DEPENDENCY("dependency", false),
    OTHER_TRIGGERS("otherTriggers", true), SUBTYPE("subtype", true), TOKEN_DISTANCE("tokenDistance", true),
    TREE_DISTANCE("treeDistance", true), SAME_SENTENCE("sameSentence", true);

    private final String id;
    private final boolean argumentOnly;

    FeatureGroup(String id, boolean argumentOnly) {
        this.id = id;
        this.argumentOnly = argumentOnly;
    }

    /** The name in configs and bundles. */
    public String id() {
        return id;
    }

    /** Read by the argument tagger only (what it knows of the trigger it reads for). */
    public boolean argumentOnly() {
        return argumentOnly;
    }

    public static Optional<FeatureGroup> byId(String id) {
        return Arrays.stream(values()).filter(g -> g.id.equals(id)).findFirst();
    }

    static List<String> ids(boolean argumentOnly) {
        return Arrays.stream(values()).filter(g -> g.argumentOnly == argumentOnly).map(FeatureGroup::id).toList();
    }
}
