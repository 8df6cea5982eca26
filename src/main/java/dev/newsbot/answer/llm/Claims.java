package dev.newsbot.answer.llm;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checkable facts of a sentence: its numbers and its capitalised names. A written sentence may only state
 * numbers and names that its cited passage states too.
 */
final class Claims {

    private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)*");
    private static final Pattern NUMBER_WORD = Pattern.compile("\\b(two|three|four|five|six|seven|eight|nine|ten|"
            + "eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|dozens?|hundreds?|thousands?|"
            + "millions?|billions?|trillions?)\\b", Pattern.CASE_INSENSITIVE);
    private static final Map<String, String> DIGITS_OF = Map.ofEntries(Map.entry("two", "2"), Map.entry("three", "3"),
            Map.entry("four", "4"), Map.entry("five", "5"), Map.entry("six", "6"), Map.entry("seven", "7"),
            Map.entry("eight", "8"), Map.entry("nine", "9"), Map.entry("ten", "10"), Map.entry("eleven", "11"),
            Map.entry("twelve", "12"), Map.entry("twenty", "20"), Map.entry("thirty", "30"), Map.entry("forty", "40"),
            Map.entry("fifty", "50"), Map.entry("sixty", "60"), Map.entry("seventy", "70"), Map.entry("eighty", "80"),
            Map.entry("ninety", "90"));
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}\\p{N}][\\p{L}\\p{M}\\p{N}'’.&-]*");

    private Claims() {
    }

    /**
     * The numbers in {@code text}, normalised: separators removed, leading zeros dropped, "twelve" as 12, plural
     * scale words singular ("millions" as "million").
     */
    static Set<String> numbers(String text) {
        Set<String> found = new LinkedHashSet<>();
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            found.add(normalise(m.group()));
        }
        Matcher w = NUMBER_WORD.matcher(text);
        while (w.find()) {
            String word = w.group().toLowerCase(Locale.ROOT).replaceAll("s$", "");
            found.add(DIGITS_OF.getOrDefault(word, word));
        }
        return found;
    }

    private static String normalise(String number) {
        String plain = number.replace(",", "");
        plain = plain.contains(".") ? plain.replaceAll("\\.?0+$", "") : plain;
        plain = plain.replaceFirst("^0+(?=\\d)", "");
        return plain.isEmpty() ? "0" : plain;
    }

    /**
     * The capitalised words in {@code sentence}, lower-cased: every one after the first word, and the first word
     * too when the second is also capitalised ("Ana Silva scored"). Possessive endings are dropped, and hyphenated
     * words give their capitalised parts.
     */
    static Set<String> names(String sentence) {
        Set<String> found = new LinkedHashSet<>();
        Matcher m = WORD.matcher(sentence);
        int index = 0;
        String first = null;
        while (m.find()) {
            String word = m.group().replaceAll("(['’]s|['’.])+$", "");
            if (index == 0) {
                first = word;
            } else if (index == 1 && capitalised(word) && capitalised(first)) {
                addParts(found, first);
            }
            if (index > 0) {
                addParts(found, word);
            }
            index++;
        }
        return found;
    }

    private static void addParts(Set<String> found, String word) {
        for (String part : word.split("-")) {
            if (capitalised(part) && !part.equals("I")) {
                found.add(part.toLowerCase(Locale.ROOT));
            }
        }
    }

    private static boolean capitalised(String word) {
        return !word.isEmpty() && Character.isUpperCase(word.codePointAt(0));
    }

    /** Whether {@code word} (lower case) occurs in {@code text} (lower case) as a whole word. */
    static boolean hasWord(String text, String word) {
        int from = 0;
        while (true) {
            int at = text.indexOf(word, from);
            if (at < 0) {
                return false;
            }
            int end = at + word.length();
            if (!wordChar(text, at - 1) && !wordChar(text, end)) {
                return true;
            }
            from = at + 1;
        }
    }

    private static boolean wordChar(String text, int i) {
        return i >= 0 && i < text.length() && Character.isLetterOrDigit(text.charAt(i));
    }
}
