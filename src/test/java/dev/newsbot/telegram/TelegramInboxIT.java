package dev.newsbot.telegram;

import static dev.newsbot.telegram.BotHarness.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.newsbot.chat.ChatRequest;
import dev.newsbot.telegram.fake.FakeChat;
import dev.newsbot.telegram.fake.FakeUser;
import dev.newsbot.telegram.fake.Incoming;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Defect 9 in one JVM: the durable inbox across a stop in the middle of an answer, and redelivered updates. */
class TelegramInboxIT {

    @TempDir
    Path home;

    private BotHarness h;

    @AfterEach
    void tearDown() {
        if (h != null) {
            h.close();
        }
    }

    /**
     * An update that was confirmed to Telegram while its answer was still being worked out, when the bot stops
     * abruptly (its answer cancelled), is answered by the next bot on the same home; the old bot confirmed the
     * offset before answering and nothing remembered the update, so it was lost.
     */
    @Test
    void updateInFlightAtCrashIsAnsweredAfterRestart() throws IOException {
        h = new BotHarness();
        h.inboxDir = home.resolve("telegram");
        CountDownLatch asked = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        h.chat.script = r -> {
            asked.countDown();
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("cancelled", e);
            }
            return ScriptedChatService.standard(r);
        };
        h.shutdownGrace = java.time.Duration.ofMillis(100);
        h.start();
        FakeUser ann = h.user("Ann");
        FakeChat dm = h.dm(ann);
        Incoming q = h.fake.say(dm, ann, "What happened at Westgate?");
        await().atMost(WAIT).until(() -> asked.getCount() == 0 && h.fake.isConfirmed(q));

        h.bot.close();
        assertThat(h.fake.repliesTo(q)).isEmpty();
        assertThat(Files.readString(h.inboxDir.resolve(Inbox.FILE))).contains("What happened at Westgate?");

        h.chat.script = ScriptedChatService::standard;
        h.bot = h.newBot(h.settings());
        h.bot.start();

        assertThat(h.fake.awaitReplyTo(q, WAIT).visibleText()).startsWith(ScriptedChatService.ANSWER);
        Incoming next = h.fake.say(dm, ann, "And then?");
        h.fake.awaitReplyTo(next, WAIT);
        assertThat(h.fake.repliesTo(q)).hasSize(1);
    }

    /**
     * Telegram delivers an update again after a restart when its offset was not confirmed yet; the journal
     * recognises it, so it is answered once. The old bot remembered update ids in memory only.
     */
    @Test
    void redeliveredUpdateIsNotAnsweredTwice() throws IOException {
        h = new BotHarness();
        h.inboxDir = home.resolve("telegram");
        h.start();
        FakeUser ann = h.user("Ann");
        FakeChat dm = h.dm(ann);
        Incoming q = h.fake.say(dm, ann, "Who was behind the attack?");
        h.fake.awaitReplyTo(q, WAIT);
        h.bot.close();

        h.fake.redeliver(q);
        h.bot = h.newBot(h.settings());
        h.bot.start();
        Incoming sentinel = h.fake.say(dm, ann, "Anything else?");
        h.fake.awaitReplyTo(sentinel, WAIT);
        await().atMost(WAIT).until(() -> h.fake.isConfirmed(sentinel));

        assertThat(h.fake.repliesTo(q)).hasSize(1);
        assertThat(h.chat.requests).extracting(ChatRequest::text)
                .containsExactly("Who was behind the attack?", "Anything else?");
    }
}
