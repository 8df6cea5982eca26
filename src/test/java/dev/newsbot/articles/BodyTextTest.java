package dev.newsbot.articles;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTML bodies (in any format) and Markdown bodies are loaded as readable text, from real files. */
class BodyTextTest {

    @TempDir
    Path dir;

    private Article loadOne(String name, String content) throws Exception {
        Path file = Files.writeString(dir.resolve(name), content);
        return new ArticleLoader().load("t", List.of(file)).set().articles().get(0);
    }

    @Test
    void an_html_body_in_json_lines_keeps_its_paragraphs_without_the_page_furniture() throws Exception {
        Article article = loadOne("a.jsonl", "{\"title\": \"Dam opens\", \"body\": \"<p>The new dam opened on "
                + "<b>Monday</b>.</p><script>track()</script><div class=\\\"share-bar\\\">Share</div>"
                + "<figure><img src=x><figcaption>The dam. Photo: AP</figcaption></figure>"
                + "<p>It holds 40 million cubic metres.</p><p>Read more: dams</p>\"}\n");

        assertThat(article.body()).isEqualTo("The new dam opened on Monday.\n\nIt holds 40 million cubic metres.");
    }

    @Test
    void a_markdown_body_is_read_as_text_not_markup() throws Exception {
        Article article = loadOne("a.md", """
                ---
                title: Dam opens
                ---
                ## The opening

                The **new** dam opened on *Monday*, said [the ministry](https://example.org/m).
                ![the dam](dam.jpg)

                > "It holds `40` million cubic metres," the engineer said.

                - Cost: 2 billion
                - Built in 6 years

                ---
                """);

        assertThat(article.body()).isEqualTo("The opening\n\nThe new dam opened on Monday, said the ministry.\n\n"
                + "\"It holds 40 million cubic metres,\" the engineer said.\n\nCost: 2 billion\nBuilt in 6 years");
    }

    @Test
    void plain_text_keeps_its_asterisks_and_an_empty_html_body_is_a_problem() throws Exception {
        assertThat(loadOne("a.txt", "---\ntitle: T\n---\nA *starred* note and 3 < 4 > 2.\n").body())
                .isEqualTo("A *starred* note and 3 < 4 > 2.");
        Path file = Files.writeString(dir.resolve("b.jsonl"), "{\"title\": \"T\", \"body\": \"<p></p><script>x</script>\"}\n");
        assertThat(new ArticleLoader().load("t", List.of(file)).problems()).singleElement()
                .satisfies(p -> assertThat(p.toString()).contains("body")
                        .contains("shows no text once its HTML or Markdown markup is removed"));
    }
}
