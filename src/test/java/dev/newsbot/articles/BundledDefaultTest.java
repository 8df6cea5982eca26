package dev.newsbot.articles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundledDefaultTest {

    private static final String RESOURCE = "dev/newsbot/articles/default/westgate-2013-09-22.md";
    private static final Path SEED = Path.of("/work/shared/seeds/000_f290036c837ce85e.txt");

    private final ArticleLoader loader = new ArticleLoader();

    @Test
    void should_load_the_bundled_default_set_with_honest_metadata() {
        ArticleSet set = loader.loadBundledDefault();

        assertThat(set.name()).isEqualTo("default");
        assertThat(set.newest()).contains(LocalDate.of(2013, 9, 22));
        assertThat(set.articles()).singleElement().satisfies(article -> {
            assertThat(article.title())
                    .isEqualTo("Israeli forces join Kenyan effort to rescue hostages at Nairobi's Westgate mall");
            assertThat(article.published()).isEqualTo(Published.ofDate(LocalDate.of(2013, 9, 22)));
            assertThat(article.url()).isNull();
            assertThat(article.source()).isNull();
            assertThat(article.author()).isNull();
            assertThat(article.id()).isEqualTo(ArticleIds.fromContent(article.title(), article.body()));
            assertThat(article.body()).startsWith("Women and children run for cover\n")
                    .contains("\n\nIsrael security forces have joined their Kenyan counterparts")
                    .endsWith("\"We hope to bring this to an end today.\"");
        });
    }

    @Test
    void should_keep_the_seed_text_verbatim_as_the_body() throws IOException {
        assumeTrue(Files.isRegularFile(SEED), "seed not present: " + SEED);

        Article article = loader.loadBundledDefault().articles().get(0);

        assertThat(article.body()).isEqualTo(Files.readString(SEED).strip());
    }

    @Test
    void should_give_the_same_version_on_every_load() {
        assertThat(loader.loadBundledDefault().version()).isEqualTo(loader.loadBundledDefault().version());
    }

    @Test
    void should_load_the_bundled_set_from_inside_a_jar(@TempDir Path dir) throws IOException {
        Path jar = dir.resolve("bundle.jar");
        try (InputStream in = ArticleLoader.class.getClassLoader().getResourceAsStream(RESOURCE);
             OutputStream file = Files.newOutputStream(jar);
             JarOutputStream out = new JarOutputStream(file)) {
            out.putNextEntry(new JarEntry(RESOURCE));
            in.transferTo(out);
            out.closeEntry();
        }

        try (URLClassLoader jarOnly = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            assertThat(jarOnly.getResource(RESOURCE).getProtocol()).isEqualTo("jar");

            ArticleSet set = loader.loadBundledDefault(jarOnly);

            assertThat(set).isEqualTo(loader.loadBundledDefault());
        }
    }

    @Test
    void should_say_in_the_front_matter_that_the_title_was_written() throws IOException {
        try (InputStream in = ArticleLoader.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);

            assertThat(text).startsWith("---\n# The seed text has no headline: this title was written from its "
                    + "first paragraph.\n");
        }
    }
}
