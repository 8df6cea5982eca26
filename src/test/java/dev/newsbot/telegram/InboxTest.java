package dev.newsbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.telegram.telegrambots.meta.api.objects.Update;

/** The durable inbox on real files: torn and corrupt records, redeliveries, compaction. */
class InboxTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    static Update update(int id, String text) {
        return update(id, id, text);
    }

    static Update update(int id, int messageId, String text) {
        try {
            return JSON.readValue("{\"update_id\":" + id + ",\"message\":{\"message_id\":" + messageId
                    + ",\"date\":1714564800,\"chat\":{\"id\":77,\"type\":\"private\"},"
                    + "\"from\":{\"id\":77,\"is_bot\":false,\"first_name\":\"Ann\"},\"text\":"
                    + JSON.writeValueAsString(text) + "}}", Update.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Integer> ids(List<Update> updates) {
        return updates.stream().map(Update::getUpdateId).toList();
    }

    /** Defect 9: a record torn by SIGKILL mid-write loses only itself, never an earlier record. */
    @Test
    void journalSurvivesTornLastRecord() throws IOException {
        try (Inbox inbox = Inbox.open(home)) {
            inbox.receive(List.of(update(1, "one"), update(2, "two\nwith a newline"), update(3, "three")));
            inbox.handled(update(1, "one"));
        }
        Path file = home.resolve(Inbox.FILE);
        String whole = Files.readString(file);
        Files.writeString(file, whole.substring(0, whole.indexOf('\n') + 1).replace('\n', ' ').substring(0, 20),
                StandardOpenOption.APPEND);

        try (Inbox inbox = Inbox.open(home)) {
            assertThat(ids(inbox.pending())).containsExactly(2, 3);
            assertThat(inbox.pending().get(0).getMessage().getText()).isEqualTo("two\nwith a newline");
            assertThat(inbox.known(update(1, "one"))).isTrue();
            inbox.receive(List.of(update(4, "four")));
        }
        try (Inbox inbox = Inbox.open(home)) {
            assertThat(ids(inbox.pending())).containsExactly(2, 3, 4);
        }
    }

    /** A poison update (its handling kills the process) is retried at a few starts, then given up, not forever. */
    @Test
    void anUpdateThatCrashesEveryStartIsGivenUpAfterMaxStarts() {
        try (Inbox inbox = Inbox.open(home)) {
            inbox.receive(List.of(update(1, "poison"), update(2, "slow")));
        }
        for (int start = 1; start <= Inbox.MAX_STARTS; start++) {
            try (Inbox inbox = Inbox.open(home)) {
                assertThat(ids(inbox.pending())).as("start %d", start).containsExactly(1, 2);
            }
        }
        try (Inbox inbox = Inbox.open(home)) {
            inbox.receive(List.of(update(3, "new")));
            inbox.handled(update(2, "slow"));
        }
        try (Inbox inbox = Inbox.open(home)) {
            assertThat(ids(inbox.pending())).containsExactly(3);
            assertThat(inbox.known(update(1, "poison"))).isTrue();
        }
    }

    @Test
    void a_corrupt_record_in_the_middle_is_skipped_and_later_records_are_kept() throws IOException {
        try (Inbox inbox = Inbox.open(home)) {
            inbox.receive(List.of(update(1, "one"), update(2, "two"), update(3, "three")));
        }
        Path file = home.resolve(Inbox.FILE);
        String text = Files.readString(file);
        Files.writeString(file, text.replace("\"two\"", "\"tw0\""));

        try (Inbox inbox = Inbox.open(home)) {
            assertThat(ids(inbox.pending())).containsExactly(1, 3);
        }
    }

    @Test
    void redeliveredUpdatesAreRecognisedAcrossRestarts() {
        try (Inbox inbox = Inbox.open(home)) {
            assertThat(ids(inbox.receive(List.of(update(5, "a"), update(6, "b"), update(5, "a"))))).containsExactly(5, 6);
            assertThat(inbox.receive(List.of(update(6, "b"), update(7, "c")))).extracting(Update::getUpdateId)
                    .containsExactly(7);
            inbox.handled(update(5, "a"));
        }
        try (Inbox inbox = Inbox.open(home)) {
            assertThat(inbox.receive(List.of(update(5, "a"), update(6, "b")))).isEmpty();
            assertThat(ids(inbox.pending())).containsExactly(6, 7);
        }
    }

    @Test
    void an_update_id_handed_out_again_for_another_message_is_not_a_redelivery() {
        try (Inbox inbox = Inbox.open(home)) {
            inbox.receive(List.of(update(8, "first")));
            inbox.handled(update(8, "first"));
        }
        try (Inbox inbox = Inbox.open(home)) {
            assertThat(inbox.receive(List.of(update(8, "first")))).isEmpty();
            assertThat(ids(inbox.receive(List.of(update(8, 9, "another message, the same update id")))))
                    .containsExactly(8);
        }
    }

    @Test
    void the_journal_is_compacted_when_opened_and_when_it_grows() throws IOException {
        Path file = home.resolve(Inbox.FILE);
        try (Inbox inbox = Inbox.open(home, 4_000)) {
            for (int id = 1; id <= 60; id++) {
                inbox.receive(List.of(update(id, "question number " + id)));
                inbox.handled(update(id, "question number " + id));
                assertThat(Files.size(file)).isLessThan(4_000 + 1_000);
            }
            inbox.receive(List.of(update(61, "still open")));
        }
        try (Inbox inbox = Inbox.open(home)) {
            assertThat(ids(inbox.pending())).containsExactly(61);
            assertThat(IntStream.rangeClosed(1, 60).allMatch(id -> inbox.known(update(id, "question number " + id))))
                    .isTrue();
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(62);
        assertThat(lines.stream().filter(l -> l.substring(9).startsWith("R "))).hasSize(1);
        assertThat(lines.stream().filter(l -> l.substring(9).startsWith("S "))).as("one start found 61 pending")
                .hasSize(1);
        assertThat(home.resolve(Inbox.FILE + ".tmp")).doesNotExist();
    }
}
