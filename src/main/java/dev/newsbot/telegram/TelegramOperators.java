package dev.newsbot.telegram;

import dev.newsbot.ops.AdminChecks;
import dev.newsbot.ops.ChatSets;
import dev.newsbot.ops.SetManager;
import dev.newsbot.ops.Status;
import dev.newsbot.ops.Why;
import java.util.Objects;

/**
 * The operator services behind {@code /use}, {@code /reload}, {@code /status} and {@code /why}. Without them
 * (the plain constructors of {@link TelegramBot}) those commands answer that they are not available.
 *
 * @param checks   who may run admin commands and pick a group's set
 * @param chatSets the set each chat uses
 * @param manager  reloads
 * @param status   the text of {@code /status}
 * @param why      the text of {@code /why}
 */
public record TelegramOperators(AdminChecks checks, ChatSets chatSets, SetManager manager, Status status, Why why) {

    public TelegramOperators {
        Objects.requireNonNull(checks, "TelegramOperators.checks must not be null");
        Objects.requireNonNull(chatSets, "TelegramOperators.chatSets must not be null");
        Objects.requireNonNull(manager, "TelegramOperators.manager must not be null");
        Objects.requireNonNull(status, "TelegramOperators.status must not be null");
        Objects.requireNonNull(why, "TelegramOperators.why must not be null");
    }
}
