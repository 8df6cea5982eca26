package dev.newsbot.answer;

import dev.newsbot.index.WordList;
import dev.newsbot.question.MonthNames;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the surface facts a sentence can answer with: numbers, names and dates. */
final class Facts {

    private static final Pattern NUMBER = Pattern.compile(
            "\\b\\d[\\d,.]*\\b|\\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|"
                    + "hundreds?|thousands?|millions?|billions?|twenty|thirty|forty|fifty|sixty|seventy|eighty|"
                    + "ninety)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern NAME = Pattern.compile(
            "\\b\\p{Lu}[\\p{L}\\p{N}'’.-]*(?:(?:\\s+(?:&|of)\\s+|\\s+)\\p{Lu}[\\p{L}\\p{N}'’.-]*)*");
    private static final Pattern POSSESSIVE = Pattern.compile("(?:['’]s?|[.])+$");
    private static final Pattern DATE = Pattern.compile(
            "\\b(" + MonthNames.FULL + "|monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tomorrow|"
                    + "(19|20)\\d\\d)\\b", Pattern.CASE_INSENSITIVE);

    private static final Set<String> COMMON_STARTERS = WordList.load(Facts.class, "common-starters.txt");

    private Facts() {
    }

    /** Numbers in {@code text}, lower-cased, with thousands separators removed. */
    static Set<String> numbers(String text) {
        Set<String> found = new LinkedHashSet<>();
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            found.add(m.group().toLowerCase(Locale.ROOT).replace(",", "").replaceAll("[.]$", ""));
        }
        return found;
    }

    private static final Pattern COUNT = Pattern.compile(
            "([$€£]?\\d[\\d,.]*(?:[-–]\\d[\\d,.]*)?%?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|hundreds?|"
                    + "thousands?|millions?|billions?|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[.,;:]?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern YEAR = Pattern.compile("(1[89]|20)\\d\\d[.,;:]?");

    /** Whether one word is a count, such as "59", "1,000", "12%" or "dozens"; a year such as 1998 is not. */
    static boolean isCount(String word) {
        return COUNT.matcher(word).matches() && !YEAR.matcher(word).matches();
    }

    /** Whether {@code word} is an amount of money or a share: "$5", "€1.2", "13%". */
    static boolean isAmount(String word) {
        return isCount(word) && (word.matches("^[$€£].*") || word.matches(".*%[.,;:]?$"));
    }

    /** A number word as {@link #numbers} reports it. */
    static String normaliseNumber(String word) {
        return word.toLowerCase(Locale.ROOT).replace(",", "").replaceAll("[.;:]$", "");
    }

    /** The years (1800 to 2099) a text mentions. */
    static Set<Integer> years(String text) {
        Set<Integer> found = new LinkedHashSet<>();
        Matcher m = Pattern.compile("\\b(1[89]|20)\\d\\d\\b").matcher(text);
        while (m.find()) {
            found.add(Integer.parseInt(m.group()));
        }
        return found;
    }

    /** Capitalised word runs that are not merely a common opening word, lower-cased. */
    static Set<String> names(String text) {
        Set<String> found = new LinkedHashSet<>();
        for (String name : namesInOrder(text)) {
            found.add(name.toLowerCase(Locale.ROOT));
        }
        return found;
    }

    /**
     * Capitalised word runs as written, in order, without a leading common word ("The Colorado Avalanche" is
     * "Colorado Avalanche") or a possessive ending ("TikTok’s" is "TikTok").
     */
    static List<String> namesInOrder(String text) {
        List<String> found = new ArrayList<>();
        Matcher m = NAME.matcher(text);
        while (m.find()) {
            String name = POSSESSIVE.matcher(m.group()).replaceAll("");
            int space = name.indexOf(' ');
            while (space > 0 && COMMON_STARTERS.contains(name.substring(0, space).toLowerCase(Locale.ROOT))) {
                name = name.substring(space + 1);
                space = name.indexOf(' ');
            }
            if (!name.isEmpty() && !COMMON_STARTERS.contains(name.toLowerCase(Locale.ROOT))) {
                found.add(name);
            }
        }
        return found;
    }

    static boolean hasDate(String text) {
        return DATE.matcher(text).find();
    }
}
