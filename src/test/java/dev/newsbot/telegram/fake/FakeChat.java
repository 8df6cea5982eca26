package dev.newsbot.telegram.fake;

/**
 * A chat known to the fake.
 *
 * @param type  private, group or supergroup
 * @param title the group's title, or the user's first name for a private chat
 */
public record FakeChat(long id, String type, String title) {

    public boolean isPrivate() {
        return type.equals("private");
    }
}
