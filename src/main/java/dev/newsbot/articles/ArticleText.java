package dev.newsbot.articles;

/**
 * Rules for the text of article fields: which characters a front end may receive, and what counts as empty.
 */
final class ArticleText {

    /** How much of a value an error message quotes. */
    static final int QUOTED = 60;

    private ArticleText() {
    }

    /**
     * The text without control characters (C0, DEL and C1) other than newline and tab: a CRLF or lone CR becomes a
     * newline, every other one is removed, so no terminal escape or NUL from an article reaches a reader. Returns
     * the same instance when there is nothing to remove.
     */
    static String clean(String text) {
        if (text == null || !hasControl(text)) {
            return text;
        }
        StringBuilder cleaned = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r') {
                cleaned.append('\n');
                i += i + 1 < text.length() && text.charAt(i + 1) == '\n' ? 1 : 0;
            } else if (!isControl(c)) {
                cleaned.append(c);
            }
        }
        return cleaned.toString();
    }

    /**
     * True when the text shows nothing: every character is white space, a no-break space, a zero-width or other
     * invisible formatting character (such as U+200B, U+2060, U+FEFF, the soft hyphen), a blank filler, or a
     * control character.
     */
    static boolean isBlank(String text) {
        return text.codePoints().allMatch(ArticleText::isInvisible);
    }

    /** The value in double quotes for an error message: controls escaped, cut after {@value #QUOTED} characters. */
    static String quote(String value) {
        String shown = value.length() > QUOTED ? value.substring(0, QUOTED) + "…" : value;
        StringBuilder quoted = new StringBuilder("\"");
        shown.chars().forEach(c -> quoted.append(isControl((char) c) || c == '\n' || c == '\t'
                ? String.format("\\u%04X", c) : String.valueOf((char) c)));
        return quoted.append('"').toString();
    }

    private static boolean hasControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isControl(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isControl(char c) {
        return Character.isISOControl(c) && c != '\n' && c != '\t';
    }

    private static boolean isInvisible(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)
                || Character.isISOControl(codePoint)
                || Character.getType(codePoint) == Character.FORMAT
                || codePoint == 0x115F || codePoint == 0x1160 || codePoint == 0x3164 || codePoint == 0xFFA0
                || codePoint == 0x2800;
    }
}
