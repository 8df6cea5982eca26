package dev.newsbot.articles;

import java.util.Locale;

/**
 * How much one article source may hold. The loader reads files as streams and never holds more than one line
 * (JSON Lines) or one article (Markdown, text) of raw text at a time, so these limits, not the size of the files,
 * bound the memory a load takes beyond the articles it keeps.
 *
 * <p>The defaults, {@link #DEFAULTS}, and why:
 * <ul>
 *   <li>{@code fileBytes} 250 MB: a served set is held in memory and indexed (passages and embeddings take three
 *       to five times the text), so a default 2 GB heap serves a set of about 250 MB; a bigger file is refused
 *       before it is read instead of exhausting the heap. The largest set the project is tested on is 200 MB.</li>
 *   <li>{@code lineBytes} 8 MB: a JSON Lines article is one line. A body at the body limit takes at most 6 MB as
 *       UTF-8 (3 bytes a character), so every valid article fits; and the limit stays below Jackson's own limit
 *       of 20 million characters a string, so an over-long line is reported as such, never as malformed JSON.</li>
 *   <li>{@code bodyChars} 2,000,000 characters: a long news feature has 30,000 to 100,000; twenty times that is
 *       a book, not an article.</li>
 * </ul>
 *
 * @param fileBytes the largest article file, in bytes
 * @param lineBytes the longest line of any article file, in bytes of UTF-8 without the line end
 * @param bodyChars the longest article body, in characters (UTF-16 units, as Java counts them)
 */
public record ArticleLimits(long fileBytes, int lineBytes, int bodyChars) {

    /** The limits used unless the caller chooses others. */
    public static final ArticleLimits DEFAULTS = new ArticleLimits(250_000_000L, 8_000_000, 2_000_000);

    /** Lines are buffered in one array; keep well below the JVM's largest. */
    static final int MAX_LINE_BYTES = 1 << 30;

    public ArticleLimits {
        if (fileBytes <= 0) {
            throw new IllegalArgumentException("ArticleLimits.fileBytes must be positive, was " + fileBytes);
        }
        if (lineBytes <= 0 || lineBytes > MAX_LINE_BYTES) {
            throw new IllegalArgumentException("ArticleLimits.lineBytes must be between 1 and " + MAX_LINE_BYTES
                    + ", was " + lineBytes);
        }
        if (bodyChars <= 0) {
            throw new IllegalArgumentException("ArticleLimits.bodyChars must be positive, was " + bodyChars);
        }
    }

    String fileTooLarge(long size) {
        return "file is " + size(size) + ", over the limit of " + size(fileBytes) + " for one article file";
    }

    String fileOverLimit() {
        return "file is over the limit of " + size(fileBytes) + " for one article file";
    }

    String lineTooLong(int line, long size) {
        return "line " + line + " is " + size(size) + ", over the limit of " + size(lineBytes) + " for one line";
    }

    String bodyTooLong(long chars) {
        return String.format(Locale.ROOT, "has %,d characters, over the limit of %,d for one body", chars,
                bodyChars);
    }

    /** A size for people, in decimal units: {@code 512 bytes}, {@code 2 kB}, {@code 1.5 GB}. */
    static String size(long bytes) {
        if (bytes < 1000) {
            return bytes + (bytes == 1 ? " byte" : " bytes");
        }
        String[] units = {"kB", "MB", "GB", "TB", "PB", "EB"};
        double value = bytes;
        int unit = -1;
        while (value >= 999.95 && unit < units.length - 1) {
            value /= 1000;
            unit++;
        }
        String number = String.format(Locale.ROOT, "%.1f", value);
        return (number.endsWith(".0") ? number.substring(0, number.length() - 2) : number) + " " + units[unit];
    }
}
