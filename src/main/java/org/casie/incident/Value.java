package org.casie.incident;

import java.math.BigDecimal;

/** A normalised value of a filler: a CVE id, a count, an amount of money or an ISO-8601 date. */
public sealed interface Value {

    /** {@code CVE-2017-0144}. */
    record Cve(String id) implements Value {
    }

    /** "2 million records" gives 2000000. */
    record Count(long number) implements Value {
    }

    /** An amount with an ISO 4217 currency code ({@code BTC} for bitcoin), or {@code null} currency when unsaid. */
    record Money(BigDecimal amount, String currency) implements Value {
    }

    /** An ISO-8601 calendar date, year-month or year ({@code 2017-04-26}, {@code 2017-04}, {@code 2017}). */
    record Date(String iso) implements Value {
    }
}
