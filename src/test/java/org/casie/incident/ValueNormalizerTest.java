package org.casie.incident;

import org.casie.corpus.Role;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ValueNormalizerTest {

    private static final LocalDate ARTICLE = LocalDate.of(2017, 5, 2); // a Tuesday

    @Test
    void cveIds() {
        assertEquals("CVE-2017-0144", ValueNormalizer.cve("cve 2017-0144").id());
        assertEquals("CVE-2021-44228", ValueNormalizer.cve("(CVE-2021-44228)").id());
        assertNull(ValueNormalizer.cve("a flaw"));
    }

    @Test
    void counts() {
        assertEquals(2_000_000L, ValueNormalizer.count("2 million records").number());
        assertEquals(1_500_000_000L, ValueNormalizer.count("1.5bn").number());
        assertEquals(40_000L, ValueNormalizer.count("40,000 customers").number());
        assertEquals(3L, ValueNormalizer.count("three hospitals").number());
        assertEquals(1_000_000L, ValueNormalizer.count("a million users").number());
        assertNull(ValueNormalizer.count("millions of users"));
        assertEquals(2_000_000L, ((Value.Count) ValueNormalizer.forRole(Role.NUMBER_OF_VICTIM, "2 million people", null)).number());
    }

    @Test
    void money() {
        assertEquals(new Value.Money(new BigDecimal("5000"), "USD"), ValueNormalizer.money("$5,000"));
        assertEquals(new Value.Money(new BigDecimal("1200000"), "EUR"), ValueNormalizer.money("\u20ac1.2 million"));
        assertEquals(new Value.Money(new BigDecimal("50"), "BTC"), ValueNormalizer.money("50 bitcoin"));
        assertEquals(new Value.Money(new BigDecimal("0.5"), "BTC"), ValueNormalizer.money("0.5 BTC"));
        assertNull(ValueNormalizer.money("a ransom"));
    }

    @Test
    void dates() {
        assertEquals("2017-04-26", ValueNormalizer.date("On or around April 26, 2017", ARTICLE).iso());
        assertEquals("2017-04-26", ValueNormalizer.date("26 April 2017", null).iso());
        assertEquals("2018-11-09", ValueNormalizer.date("2018_11_09", null).iso());
        assertEquals("2017-03", ValueNormalizer.date("March 2017", null).iso());
        assertEquals("2016", ValueNormalizer.date("2016", null).iso());
        assertEquals("2017-05-02", ValueNormalizer.date("Tuesday", ARTICLE).iso(), "the article's own weekday");
        assertEquals("2017-04-28", ValueNormalizer.date("Friday", ARTICLE).iso(), "the latest Friday before it");
        assertEquals("2017-05-01", ValueNormalizer.date("yesterday", ARTICLE).iso());
        assertEquals("2016-12-20", ValueNormalizer.date("December 20", ARTICLE).iso(), "a later day is last year's");
        assertNull(ValueNormalizer.date("Tuesday", null), "no reference, no date");
        assertNull(ValueNormalizer.date("last week", ARTICLE));
        assertEquals(LocalDate.of(2017, 5, 2), ValueNormalizer.articleDate("2017_05_02"));
    }
}
