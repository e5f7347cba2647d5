package org.casie.coref;

import org.casie.corpus.CharSpan;
import org.casie.corpus.EventMention;
import org.casie.corpus.Realis;
import org.casie.corpus.Subtype;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SubtypeGroupingTest {

    private static EventMention mention(String id, int begin, Subtype s) {
        return new EventMention(id, "T" + id, new CharSpan(begin, begin + 3), "x", s, Realis.Actual, List.of(), null);
    }

    @Test
    void oneHopperPerSubtypeInSubtypeOrderMentionsInGivenOrder() {
        EventMention p1 = mention("1", 0, Subtype.Phishing);
        EventMention d1 = mention("2", 10, Subtype.Databreach);
        EventMention p2 = mention("3", 20, Subtype.Phishing);
        EventMention d2 = mention("4", 30, Subtype.Databreach);
        assertEquals(List.of(List.of(d1, d2), List.of(p1, p2)), SubtypeGrouping.INSTANCE.group(List.of(p1, d1, p2, d2), null));
    }
}
