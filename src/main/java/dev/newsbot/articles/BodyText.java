package dev.newsbot.articles;

import dev.newsbot.articles.html.HtmlText;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The readable text of a body as written in its file: an HTML body (in any format) becomes its paragraphs
 * ({@link HtmlText#ofBody}), and a Markdown body ({@code .md}, {@code .markdown}) is read as text, without its
 * markup: headings, emphasis, inline code, quotes, list markers, rules and code fences lose their marks; a link
 * keeps its text; an image is dropped. Plain text is left as it is.
 */
final class BodyText {

    private static final Pattern HEADING = Pattern.compile("^\\s{0,3}#{1,6}\\s+(.*?)(\\s+#+)?\\s*$");
    private static final Pattern QUOTE = Pattern.compile("^\\s{0,3}>\\s?");
    private static final Pattern LIST = Pattern.compile("^\\s*([-*+]|\\d{1,9}[.)])\\s+");
    private static final Pattern RULE_OR_FENCE = Pattern.compile("^\\s*(([-*_]\\s*){3,}|```.*|~~~.*)$");
    private static final Pattern REFERENCE = Pattern.compile("^\\s{0,3}\\[[^\\]]+]:\\s+\\S+.*$");
    private static final Pattern IMAGE = Pattern.compile("!\\[[^\\]]*]\\([^)]*\\)");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]+)](\\([^)]*\\)|\\[[^\\]]*])");
    private static final Pattern STRONG = Pattern.compile("(\\*\\*|__)(?=\\S)(.+?)(?<=\\S)\\1");
    private static final Pattern EMPHASIS = Pattern.compile("(?<![\\w*])([*_])(?=\\S)(.+?)(?<=\\S)\\1(?![\\w*])");
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    private static final Pattern ESCAPE = Pattern.compile("\\\\([\\\\`*_{}\\[\\]()#+\\-.!>])");

    private BodyText() {
    }

    /** The body's text, by the rules above; {@code extension} is the file's ({@code jsonl}, {@code md}, ...). */
    static String readable(String body, String extension) {
        if (HtmlText.looksLikeHtml(body)) {
            return HtmlText.ofBody(body);
        }
        if (extension.equals("md") || extension.equals("markdown")) {
            return markdown(body);
        }
        return body;
    }

    static String markdown(String body) {
        List<String> lines = new ArrayList<>();
        for (String line : body.split("\n", -1)) {
            if (RULE_OR_FENCE.matcher(line).matches() || REFERENCE.matcher(line).matches()) {
                continue;
            }
            String text = HEADING.matcher(line).replaceFirst("$1");
            text = QUOTE.matcher(text).replaceFirst("");
            text = LIST.matcher(text).replaceFirst("");
            text = IMAGE.matcher(text).replaceAll("");
            text = LINK.matcher(text).replaceAll("$1");
            text = CODE.matcher(text).replaceAll("$1");
            text = STRONG.matcher(text).replaceAll("$2");
            text = EMPHASIS.matcher(text).replaceAll("$2");
            text = ESCAPE.matcher(text).replaceAll("$1");
            lines.add(text.stripTrailing());
        }
        return FrontMatterFormat.paragraphs(lines);
    }
}
