package dev.newsbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsbot.telegram.TelegramTexts.Slot;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TelegramTextsTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void tmpdirExists() throws IOException {
        Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
    }

    @Test
    void should_load_the_shipped_templates_and_command_menu() {
        TelegramTexts texts = TelegramTexts.load(Path.of("prompts"));

        assertThat(texts.commands()).extracting(TelegramTexts.Command::name)
                .containsExactly("start", "help", "ask", "sources", "about", "use");
        String help = texts.template(Slot.HELP).render(Map.of("bot_username", "newsbot", "set_names", "westgate",
                "add_to_group_url", "https://t.me/newsbot?startgroup=start"));
        assertThat(TelegramHtml.visibleText(help)).contains("@newsbot").contains("westgate").contains("/ask");
        assertThat(texts.template(Slot.ASK_USAGE).placeholders()).contains("bot_username");
    }

    /**
     * Every language folder under prompts/telegram/ is listed in languages.txt and defines the same templates as
     * every other, each with the placeholders of the English template of that name.
     */
    @Test
    void should_give_every_language_folder_the_same_templates_and_placeholders() throws IOException {
        Path base = Path.of("prompts", "telegram");
        List<String> folders;
        try (Stream<Path> list = Files.list(base)) {
            folders = list.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        }
        List<String> listed = Files.readAllLines(base.resolve("languages.txt")).stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).sorted().toList();
        assertThat(folders).containsExactlyElementsOf(listed).contains("de", "es", "fr", "ru");
        java.util.Set<String> expected = null;
        for (String lang : folders) {
            java.util.Set<String> files;
            try (Stream<Path> list = Files.list(base.resolve(lang))) {
                files = list.map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toSet());
            }
            if (expected == null) {
                expected = files;
            }
            assertThat(files).as(lang).isEqualTo(expected).contains("start.html", "help.html", "refusal.html");
            for (String file : files) {
                assertThat(placeholders(base.resolve(lang).resolve(file))).as(lang + "/" + file)
                        .isEqualTo(placeholders(base.resolve(file)));
            }
        }
        TelegramTexts texts = TelegramTexts.load(Path.of("prompts"));
        assertThat(texts.languages()).containsOnlyKeys(folders);
        assertThat(texts.template(Slot.START, "de-AT").text()).startsWith("<b>Hallo!</b>");
        assertThat(texts.template(Slot.SOURCES, "de").text()).isEqualTo(texts.template(Slot.SOURCES).text());
        assertThat(texts.template(Slot.START, "it").text()).isEqualTo(texts.template(Slot.START).text());
    }

    private static java.util.Set<String> placeholders(Path file) throws IOException {
        java.util.Set<String> out = new java.util.TreeSet<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{\\{\\s*([a-z_]+)\\s*}}")
                .matcher(Files.readString(file));
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Test
    void should_name_a_description_longer_than_telegram_allows() throws IOException {
        Path prompts = copyWith("short-description.txt", null);
        Files.writeString(prompts.resolve("short-description.txt"), "x".repeat(121));

        assertThatThrownBy(() -> TelegramTexts.load(prompts))
                .hasMessage(prompts.resolve("short-description.txt")
                        + ": longer than Telegram allows here (120 characters)");
    }

    @Test
    void should_accept_the_telegram_folder_itself() {
        assertThat(TelegramTexts.load(Path.of("prompts/telegram")).help())
                .isEqualTo(TelegramTexts.load(Path.of("prompts")).help());
    }

    @Test
    void should_name_the_file_line_and_placeholder_when_a_placeholder_is_unknown() throws IOException {
        Path prompts = copyWith("help.html", "help-with-unknown-placeholder.html");

        assertThatThrownBy(() -> TelegramTexts.load(prompts))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(prompts.resolve("help.html") + ":3: unknown placeholder {{build_date}}")
                .hasMessageContaining("known here: add_to_group_url, bot_username, set_names");
    }

    @Test
    void should_name_the_file_and_placeholder_when_a_required_placeholder_is_missing() throws IOException {
        Path prompts = copyWith("sources.html", "sources-without-sets-placeholder.html");

        assertThatThrownBy(() -> TelegramTexts.load(prompts))
                .hasMessage(prompts.resolve("sources.html") + ": missing placeholder {{sets}}");
    }

    @Test
    void should_reject_malformed_placeholder_braces() throws IOException {
        Path prompts = copyWith("ask-usage.html", "ask-usage-with-broken-braces.html");

        assertThatThrownBy(() -> TelegramTexts.load(prompts))
                .hasMessageContaining(prompts.resolve("ask-usage.html") + ":1: malformed placeholder");
    }

    @Test
    void should_reject_html_that_telegram_cannot_parse() throws IOException {
        Path prompts = copyWith("start.html", "start-with-unsupported-tag.html");

        assertThatThrownBy(() -> TelegramTexts.load(prompts))
                .hasMessageContaining(prompts.resolve("start.html") + ": not valid Telegram HTML: unsupported tag <div>");
    }

    @Test
    void should_name_a_missing_file() throws IOException {
        Path prompts = copyWith("about.html", null);

        assertThatThrownBy(() -> TelegramTexts.load(prompts))
                .hasMessage(prompts.resolve("about.html") + ": file not found");
    }

    @Test
    void should_require_every_command_in_the_menu() throws IOException {
        Path prompts = copyWith("commands.txt", "commands-without-sources.txt");

        assertThatThrownBy(() -> TelegramTexts.load(prompts))
                .hasMessage(prompts.resolve("commands.txt") + ": missing command(s) [sources]");
    }

    @Test
    void should_validate_templates_given_directly_and_name_the_field() {
        TelegramTexts ok = TelegramTexts.load(Path.of("prompts"));

        assertThatThrownBy(() -> new TelegramTexts(ok.start(), ok.help(), ok.about(), "Use /ask", ok.rateLimited(),
                ok.apology(), ok.sources(), ok.sourcesEntry(), ok.sourcesEmpty(), ok.answerSourcesHeading(),
                ok.operator(), ok.commands(), ok.more(), ok.menus(), ok.languages()))
                .hasMessage("TelegramTexts.askUsage: missing placeholder {{bot_username}}");
    }

    @Test
    void should_fail_rendering_when_a_value_is_missing() {
        Template t = Template.parse("x.html", "Hi {{name}}", java.util.Set.of("name"), java.util.Set.of());

        assertThatThrownBy(() -> t.render(Map.of()))
                .hasMessage("x.html: no value for placeholder {{name}}");
        assertThat(t.render(Map.of("name", "&lt;A&gt;"))).isEqualTo("Hi &lt;A&gt;");
    }

    @Test
    void should_reject_invalid_commands_with_the_line() throws IOException {
        Path prompts = copyWith("commands.txt", null);
        Files.writeString(prompts.resolve("commands.txt"), "start - Go\nHelp Me - bad\n");

        assertThatThrownBy(() -> TelegramTexts.load(prompts))
                .hasMessageStartingWith(prompts.resolve("commands.txt") + ":2: ");
        assertThat(List.of(new TelegramTexts.Command("/x".substring(1), " d "))).extracting(
                TelegramTexts.Command::description).containsExactly("d");
    }

    /** The shipped templates in a temp folder, with {@code name} replaced by a fixture (or removed when null). */
    private Path copyWith(String name, String fixture) throws IOException {
        try (Stream<Path> files = Files.list(Path.of("prompts/telegram"))) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName().toString()));
            }
        }
        Files.delete(dir.resolve(name));
        if (fixture != null) {
            try (InputStream in = getClass().getResourceAsStream("texts/" + fixture)) {
                Files.copy(in, dir.resolve(name));
            }
        }
        return dir;
    }
}
