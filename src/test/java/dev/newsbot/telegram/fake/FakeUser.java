package dev.newsbot.telegram.fake;

/** A Telegram account known to the fake: a person or another bot. */
public record FakeUser(long id, String firstName, String username, boolean bot) {
}
