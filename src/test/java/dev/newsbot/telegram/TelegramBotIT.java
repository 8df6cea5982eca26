package dev.newsbot.telegram;

import dev.newsbot.telegram.fake.FakeChat;
import dev.newsbot.telegram.fake.FakeUser;
import dev.newsbot.telegram.fake.Incoming;
import dev.newsbot.telegram.fake.SentMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;

import static dev.newsbot.telegram.BotHarness.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

@Timeout(60)
class TelegramBotIT {

    private BotHarness h;

    @BeforeEach
    void setUp() throws IOException {
        h = new BotHarness().start();
    }

    @AfterEach
    void tearDown() {
        h.close();
    }

    @Test
    void should_answer_a_private_question_as_an_html_reply_with_a_linked_source() {
        FakeUser alice = h.user("Alice");
        FakeChat dm = h.dm(alice);

        Incoming q = h.fake.say(dm, alice, "How many people died?");
        SentMessage answer = h.fake.awaitReplyTo(q, WAIT);

        assertThat(answer.isHtml()).isTrue();
        assertThat(answer.visibleText()).startsWith(ScriptedChatService.ANSWER)
                .contains("[1] Kenya mall attack: death toll rises to 59 — BBC News, 2013-09-22")
                .contains("[2] Westgate siege: what we know — The Guardian, 2013-09-24");
        assertThat(answer.links()).containsExactly(ScriptedChatService.URL_1);
        assertThat(h.chat.requests).singleElement().satisfies(r -> {
            assertThat(r.text()).isEqualTo("How many people died?");
            assertThat(r.chatId()).isEqualTo(String.valueOf(dm.id()));
            assertThat(r.userId()).isEqualTo(String.valueOf(alice.id()));
            assertThat(r.followUpOf()).isNull();
        });
    }
}
