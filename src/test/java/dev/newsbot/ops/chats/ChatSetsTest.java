package dev.newsbot.ops.chats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsbot.ops.sets.NoSuchSetException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChatSetsTest {

    @TempDir
    Path dir;

    private Set<String> configured = Set.of("default", "world", "sport");

    private ChatSets chatSets(Path file) {
        return new ChatSets(file, "default", name -> configured.contains(name), () -> configured);
    }

    @Test
    void should_use_the_default_set_until_a_chat_picks_one() {
        ChatSets sets = chatSets(dir.resolve("state.json"));

        assertThat(sets.setOf("42")).isEqualTo("default");
        sets.use("42", "world");
        assertThat(sets.setOf("42")).isEqualTo("world");
        assertThat(sets.setOf("43")).isEqualTo("default");
    }

    @Test
    void should_keep_the_choice_across_a_restart() {
        Path file = dir.resolve("state/state.json");
        chatSets(file).use("-100123", "sport");
        chatSets(file).use("7", "world");

        ChatSets restarted = chatSets(file);

        assertThat(restarted.setOf("-100123")).isEqualTo("sport");
        assertThat(restarted.setOf("7")).isEqualTo("world");
    }

    @Test
    void should_write_the_state_file_atomically_leaving_no_temporary_file() throws IOException {
        Path file = dir.resolve("state.json");
        ChatSets sets = chatSets(file);

        sets.use("1", "world");
        sets.use("1", "default");
        sets.use("2", "sport");

        assertThat(Files.readString(file)).contains("\"2\" : \"sport\"").doesNotContain("\"1\"");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void should_refuse_an_unknown_set_naming_the_sets_there_are() {
        ChatSets sets = chatSets(dir.resolve("state.json"));

        assertThatThrownBy(() -> sets.use("42", "wrold")).isInstanceOf(NoSuchSetException.class)
                .hasMessage("no article set named \"wrold\"; sets: default, sport, world");
        assertThat(sets.setOf("42")).isEqualTo("default");
        assertThat(dir.resolve("state.json")).doesNotExist();
    }

    @Test
    void should_fall_back_to_the_default_when_the_chosen_set_is_gone() {
        Path file = dir.resolve("state.json");
        chatSets(file).use("42", "sport");
        configured = Set.of("default", "world");

        assertThat(chatSets(file).setOf("42")).isEqualTo("default");
    }

    @Test
    void should_start_empty_from_a_damaged_state_file() throws IOException {
        Path file = Files.writeString(dir.resolve("state.json"), "{\"chats\": [not json");

        ChatSets sets = chatSets(file);

        assertThat(sets.setOf("42")).isEqualTo("default");
        sets.use("42", "world");
        assertThat(chatSets(file).setOf("42")).isEqualTo("world");
    }

    @Test
    void should_not_keep_a_choice_that_could_not_be_saved() throws IOException {
        Path blocker = Files.writeString(dir.resolve("not-a-folder"), "x");
        ChatSets sets = chatSets(blocker.resolve("state.json"));

        assertThatThrownBy(() -> sets.use("42", "world")).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("state.json");
        assertThat(sets.setOf("42")).isEqualTo("default");
    }
}
