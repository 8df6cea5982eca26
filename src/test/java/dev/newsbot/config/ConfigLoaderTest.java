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
    void should_default_to_minilm_and_let_bge_take_passages_up_to_its_window() throws IOException {
        assertThat(new ConfigLoader().read(write("retrieval:\n  passages: 7\n")).retrieval().embeddingModel())
                .isEqualTo("all-minilm-l6-v2-q");

        NewsbotConfig bge = new ConfigLoader().read(
                write("retrieval:\n  embeddingModel: bge-small-en-v1.5-q\n  maxPassageTokens: 510\n"));

        assertThat(bge.retrieval().embeddingModel()).isEqualTo("bge-small-en-v1.5-q");
        assertThat(bge.retrieval().maxPassageTokens()).isEqualTo(510);
        assertThat(new ConfigLoader().read(write("retrieval:\n  embeddingModel: bge-small-en-v1.5-q\n"))
                .retrieval().maxPassageTokens()).isEqualTo(110);
        assertThat(NewsbotConfig.Retrieval.embeddingModels()).containsExactlyInAnyOrderElementsOf(
                dev.newsbot.index.embedding.EmbeddingModels.NAMES);
    }

    @Test
    void should_bound_the_passage_budget_by_the_chosen_models_window() throws IOException {
        Path minilm = write("retrieval:\n  maxPassageTokens: 200\n");
        assertThatThrownBy(() -> new ConfigLoader().read(minilm))
                .hasMessageContaining("retrieval.maxPassageTokens must be 48 to 126 with all-minilm-l6-v2-q")
                .hasMessageContaining("was 200");

        Path bge = write("retrieval:\n  embeddingModel: bge-small-en-v1.5-q\n  maxPassageTokens: 511\n");
        assertThatThrownBy(() -> new ConfigLoader().read(bge))
                .hasMessageContaining("retrieval.maxPassageTokens must be 48 to 510 with bge-small-en-v1.5-q");

        Path small = write("retrieval:\n  embeddingModel: bge-small-en-v1.5-q\n  maxPassageTokens: 47\n");
        assertThatThrownBy(() -> new ConfigLoader().read(small)).hasMessageContaining("48 to 510");
    }

    @Test
    void should_name_the_key_of_an_unknown_embedding_model() throws IOException {
        Path file = write("retrieval:\n  embeddingModel: e5-small\n");

        assertThatThrownBy(() -> new ConfigLoader().read(file))
                .isInstanceOf(ConfigLoader.ConfigException.class).hasMessageContaining(file.toString())
                .hasMessageContaining("retrieval.embeddingModel must be all-minilm-l6-v2-q or bge-small-en-v1.5-q, "
                        + "was \"e5-small\"");
    }

    @Test
    void should_report_a_missing_file() {
        assertThatThrownBy(() -> new ConfigLoader().read(dir.resolve("absent.yaml"))).hasMessageContaining("no such file");
    }
}
