package dev.newsbot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    private Path write(String yaml) throws IOException {
        return Files.writeString(dir.resolve("newsbot.yaml"), yaml);
    }

    @Test
    void should_fill_defaults_for_missing_keys() throws IOException {
        NewsbotConfig config = new ConfigLoader().read(write("retrieval:\n  passages: 7\n"));

        assertThat(config.retrieval().passages()).isEqualTo(7);
        assertThat(config.retrieval().maxPassageTokens()).isEqualTo(110);
        assertThat(config.answer().mode()).isEqualTo("extractive");
        assertThat(config.articles().defaultSet()).isEqualTo("default");
    }

    @Test
    void should_name_the_key_of_an_out_of_range_value() throws IOException {
        Path file = write("answer:\n  maxSentences: 9\n");

        assertThatThrownBy(() -> new ConfigLoader().read(file))
                .isInstanceOf(ConfigLoader.ConfigException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("answer.maxSentences")
                .hasMessageContaining("1 to 3");
    }

    @Test
    void should_name_an_unknown_key() throws IOException {
        Path file = write("retrieval:\n  pasages: 7\n");

        assertThatThrownBy(() -> new ConfigLoader().read(file)).hasMessageContaining("retrieval.pasages");
    }

    @Test
    void should_name_a_value_of_the_wrong_type() throws IOException {
        Path file = write("retrieval:\n  passages: many\n");

        assertThatThrownBy(() -> new ConfigLoader().read(file)).hasMessageContaining("retrieval.passages");
    }

    @Test
    void should_report_a_missing_file() {
        assertThatThrownBy(() -> new ConfigLoader().read(dir.resolve("absent.yaml"))).hasMessageContaining("no such file");
    }
}
