package org.casie.incident;

import org.casie.corpus.Role;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Normalises filler text into values: CVE ids, counts, money and ISO-8601 dates. Each method returns
 * {@code null} when the text does not fix a value ("millions of users", "last week").
 */
public final class ValueNormalizer {

    private static final Pattern CVE = Pattern.compile("(?i)\\bCVE[\\s\\-\u2010\u2011\u2013_]*(\\d{4})[\\s\\-\u2010\u2011\u2013_]*(\\d{4,7})\\b");
    private static final Map<String, Long> SCALES = Map.ofEntries(Map.entry("thousand", 1_000L), Map.entry("k", 1_000L),
            Map.entry("million", 1_000_000L), Map.entry("m", 1_000_000L), Map.entry("mn", 1_000_000L),
            Map.entry("mln", 1_000_000L), Map.entry("billion", 1_000_000_000L), Map.entry("bn", 1_000_000_000L),
            Map.entry("b", 1_000_000_000L), Map.entry("trillion", 1_000_000_000_000L),
            Map.entry("hundred", 100L), Map.entry("dozen", 12L));
    private static final Map<String, Long> WORDS = Map.ofEntries(Map.entry("one", 1L), Map.entry("two", 2L),
            Map.entry("three", 3L), Map.entry("four", 4L), Map.entry("five", 5L), Map.entry("six", 6L),
            Map.entry("seven", 7L), Map.entry("eight", 8L), Map.entry("nine", 9L), Map.entry("ten", 10L),
            Map.entry("eleven", 11L), Map.entry("twelve", 12L), Map.entry("fifteen", 15L), Map.entry("twenty", 20L),
            Map.entry("thirty", 30L), Map.entry("forty", 40L), Map.entry("fifty", 50L), Map.entry("hundred", 100L),
            Map.entry("a", 1L), Map.entry("an", 1L));
    /** A number (digits with separators, decimals, or a number word) and an optional scale word. */
    private static final Pattern NUMBER = Pattern.compile(
            "(?i)(?<![\\w.])(\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|a|an)"
                    + "(?:\\s*-?\\s*(thousand|million|billion|trillion|hundred|dozen|mln|mn|bn|k|m|b)\\b)?");
    private static final Map<String, String> CURRENCY_SYMBOLS = Map.of("$", "USD", "\u20ac", "EUR", "\u00a3", "GBP",
            "\u00a5", "JPY", "\u20b9", "INR", "\u20bf", "BTC");
    private static final Map<String, String> CURRENCY_WORDS = Map.ofEntries(Map.entry("usd", "USD"),
            Map.entry("dollar", "USD"), Map.entry("dollars", "USD"), Map.entry("us$", "USD"), Map.entry("eur", "EUR"),
            Map.entry("euro", "EUR"), Map.entry("euros", "EUR"), Map.entry("gbp", "GBP"), Map.entry("pound", "GBP"),
            Map.entry("pounds", "GBP"), Map.entry("yen", "JPY"), Map.entry("jpy", "JPY"), Map.entry("rupees", "INR"),
            Map.entry("inr", "INR"), Map.entry("bitcoin", "BTC"), Map.entry("bitcoins", "BTC"), Map.entry("btc", "BTC"),
            Map.entry("ether", "ETH"), Map.entry("eth", "ETH"), Map.entry("monero", "XMR"), Map.entry("xmr", "XMR"),
            Map.entry("cad", "CAD"), Map.entry("aud", "AUD"), Map.entry("yuan", "CNY"), Map.entry("rubles", "RUB"));
    private static final Pattern MONEY_SYMBOL = Pattern.compile("(?i)(US|C|A|AU|CA)?([$\u20ac\u00a3\u00a5\u20b9\u20bf])\\s*(\\d[\\d,]*(?:\\.\\d+)?)(?:\\s*(thousand|million|billion|trillion|mln|mn|bn|k|m|b)\\b)?");
    private static final Pattern MONEY_WORD = Pattern.compile("(?i)(?:(usd|eur|gbp|inr|cad|aud)\\s*)?(\\d[\\d,]*(?:\\.\\d+)?|a|an|one|two|three|four|five|ten|twenty|fifty|hundred)(?:\\s*(thousand|million|billion|trillion|mln|mn|bn|k|m|b)\\b)?"
            + "(?:\\s*(usd|dollars?|eur|euros?|gbp|pounds?|yen|jpy|rupees|inr|bitcoins?|btc|ether|eth|monero|xmr|cad|aud|yuan|rubles))?\\b");

    private static final String[] MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august",
            "september", "october", "november", "december"};
    private static final String MONTH = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
    private static final Pattern ISO = Pattern.compile("\\b(\\d{4})[-/_](\\d{1,2})[-/_](\\d{1,2})\\b");
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile("(?i)\\b" + MONTH + "\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b");
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile("(?i)\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?" + MONTH + ",?\\s+(\\d{4})\\b");
    private static final Pattern MONTH_DAY = Pattern.compile("(?i)\\b" + MONTH + "\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?!,?\\s*\\d)");
    private static final Pattern MONTH_YEAR = Pattern.compile("(?i)\\b" + MONTH + ",?\\s+(?:of\\s+)?(\\d{4})\\b");
    private static final Pattern YEAR = Pattern.compile("(?i)^(?:in\\s+|during\\s+|early\\s+|late\\s+|mid-?)?((?:19|20)\\d{2})$");
    private static final Pattern WEEKDAY = Pattern.compile("(?i)^(?:on\\s+|last\\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)$");

    private ValueNormalizer() {
    }

    /** The value a filler of {@code role} fixes, or {@code null}. */
    public static Value forRole(Role role, String text, LocalDate articleDate) {
        return switch (role) {
            case CVE -> cve(text);
            case NUMBER_OF_DATA, NUMBER_OF_VICTIM -> count(text);
            case PRICE, DAMAGE_AMOUNT -> money(text);
            case TIME -> date(text, articleDate);
            default -> null;
        };
    }

    /** {@code CVE-2017-0144} from "cve 2017-0144", "CVE-2017-0144" and the like. */
    public static Value.Cve cve(String text) {
        Matcher m = CVE.matcher(text);
        return m.find() ? new Value.Cve("CVE-" + m.group(1) + "-" + m.group(2)) : null;
    }

    /** "2 million records" gives 2000000; "1.5bn" 1500000000; "40,000" 40000; "millions of" nothing. */
    public static Value.Count count(String text) {
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            String number = m.group(1).toLowerCase(Locale.ROOT);
            String scale = m.group(2) == null ? null : m.group(2).toLowerCase(Locale.ROOT);
            if ((number.equals("a") || number.equals("an")) && scale == null) {
                continue; // "a" alone is an article, not a number
            }
            if (number.matches("\\d{4}") && scale == null && text.substring(m.end()).matches("(?i)\\s*(?:,|$).*")
                    && number.startsWith("20")) {
                continue; // a year standing alone
            }
            BigDecimal value = WORDS.containsKey(number) ? BigDecimal.valueOf(WORDS.get(number))
                    : new BigDecimal(number.replace(",", ""));
            if (scale != null) {
                value = value.multiply(BigDecimal.valueOf(SCALES.get(scale)));
            }
            return new Value.Count(value.setScale(0, java.math.RoundingMode.HALF_UP).longValueExact());
        }
        return null;
    }

    /** "$5,000" gives 5000 USD; "50 bitcoin" 50 BTC; "€1.2 million" 1200000 EUR. */
    public static Value.Money money(String text) {
        Matcher s = MONEY_SYMBOL.matcher(text);
        if (s.find()) {
            String currency = CURRENCY_SYMBOLS.get(s.group(2));
            if (s.group(1) != null && currency.equals("USD")) {
                currency = switch (s.group(1).toUpperCase(Locale.ROOT)) {
                    case "C", "CA" -> "CAD";
                    case "A", "AU" -> "AUD";
                    default -> "USD";
                };
            }
            return new Value.Money(amount(s.group(3), s.group(4)), currency);
        }
        Matcher w = MONEY_WORD.matcher(text);
        while (w.find()) {
            String currency = w.group(1) != null ? w.group(1) : w.group(4);
            if (currency == null) {
                continue;
            }
            return new Value.Money(amount(w.group(2), w.group(3)), CURRENCY_WORDS.get(currency.toLowerCase(Locale.ROOT)));
        }
        return null;
    }

    private static BigDecimal amount(String number, String scale) {
        String n = number.toLowerCase(Locale.ROOT);
        BigDecimal value = WORDS.containsKey(n) ? BigDecimal.valueOf(WORDS.get(n)) : new BigDecimal(n.replace(",", ""));
        if (scale != null) {
            value = value.multiply(BigDecimal.valueOf(SCALES.get(scale.toLowerCase(Locale.ROOT))));
        }
        return value.stripTrailingZeros().scale() < 0 ? value.setScale(0) : value.stripTrailingZeros();
    }

    /**
     * An ISO-8601 date where the text fixes one: a full date, a month of a year, a year; a month and day, a
     * weekday, "today" or "yesterday" only with the article's date as reference (a weekday is the latest such day
     * on or before it; a month and day take the article's year, or the year before when that would be later).
     */
    public static Value.Date date(String text, LocalDate reference) {
        String t = text.strip();
        Matcher m = ISO.matcher(t);
        if (m.find()) {
            return ymd(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        }
        m = MONTH_DAY_YEAR.matcher(t);
        if (m.find()) {
            return ymd(Integer.parseInt(m.group(3)), month(m.group(1)), Integer.parseInt(m.group(2)));
        }
        m = DAY_MONTH_YEAR.matcher(t);
        if (m.find()) {
            return ymd(Integer.parseInt(m.group(3)), month(m.group(2)), Integer.parseInt(m.group(1)));
        }
        m = MONTH_YEAR.matcher(t);
        if (m.find()) {
            return new Value.Date(String.format("%s-%02d", m.group(2), month(m.group(1))));
        }
        m = YEAR.matcher(t);
        if (m.find()) {
            return new Value.Date(m.group(1));
        }
        if (reference == null) {
            return null;
        }
        m = MONTH_DAY.matcher(t);
        if (m.find()) {
            int month = month(m.group(1));
            int day = Integer.parseInt(m.group(2));
            try {
                LocalDate d = LocalDate.of(reference.getYear(), month, day);
                return new Value.Date((d.isAfter(reference) ? d.minusYears(1) : d).toString());
            } catch (java.time.DateTimeException e) {
                return null;
            }
        }
        m = WEEKDAY.matcher(t);
        if (m.find()) {
            DayOfWeek day = DayOfWeek.valueOf(m.group(1).toUpperCase(Locale.ROOT));
            return new Value.Date(reference.with(TemporalAdjusters.previousOrSame(day)).toString());
        }
        String lower = t.toLowerCase(Locale.ROOT);
        if (lower.equals("today") || lower.equals("earlier today") || lower.equals("this morning")) {
            return new Value.Date(reference.toString());
        }
        if (lower.equals("yesterday") || lower.equals("last night")) {
            return new Value.Date(reference.minusDays(1).toString());
        }
        return null;
    }

    /** The article's own date from {@code 2017_05_02}, {@code 2017-05-02} or a written date, or {@code null}. */
    public static LocalDate articleDate(String date) {
        if (date == null) {
            return null;
        }
        Value.Date d = date(date, null);
        if (d == null || d.iso().length() != 10) {
            return null;
        }
        return LocalDate.parse(d.iso());
    }

    private static Value.Date ymd(int year, int month, int day) {
        try {
            return new Value.Date(LocalDate.of(year, month, day).toString());
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    private static int month(String name) {
        String n = name.toLowerCase(Locale.ROOT).replace(".", "");
        for (int i = 0; i < MONTHS.length; i++) {
            if (MONTHS[i].startsWith(n.length() >= 3 ? n.substring(0, 3) : n)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("not a month: " + name);
    }
}
