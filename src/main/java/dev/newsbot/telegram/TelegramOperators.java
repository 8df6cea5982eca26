package dev.newsbot.telegram;

import dev.newsbot.ops.admin.AdminChecks;
import dev.newsbot.ops.admin.GroupAdmins;
import dev.newsbot.ops.chats.SetChoices;
import dev.newsbot.ops.metrics.Status;
import dev.newsbot.ops.sets.ReloadReport;
import dev.newsbot.ops.sets.SetManager;
import dev.newsbot.ops.why.Why;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What the operator commands ({@code /use}, {@code /reload}, {@code /status}, {@code /why}) call, filled by the
 * composition root from the {@code ops} parts. A {@link TelegramBot} without operators answers those commands with
 * "not available".
 *
 * @param checks the permission checks, given the bot's group-admin lookup ({@code getChatMember}); the function
 *               should wrap it in a {@link dev.newsbot.ops.admin.CachedGroupAdmins}
 * @param setOf  the set a chat uses, by chat id
 * @param useSet makes a chat (first argument) use a set (second); throws
 *               {@link dev.newsbot.ops.sets.NoSuchSetException} for an unknown set
 * @param reload reloads the named set, or every set when given null; may take long (it runs on its own thread)
 * @param status the text of {@code /status}
 * @param why    the text of {@code /why} for a chat id
 * @param forget forgets a chat's set choice (the bot was removed from that group)
 */
public record TelegramOperators(Function<GroupAdmins, AdminChecks> checks, Function<String, String> setOf,
                                BiConsumer<String, String> useSet, Function<String, List<ReloadReport>> reload,
                                Supplier<String> status, Function<String, String> why, Consumer<String> forget) {

    public TelegramOperators {
        Objects.requireNonNull(checks, "TelegramOperators.checks must not be null");
        Objects.requireNonNull(setOf, "TelegramOperators.setOf must not be null");
        Objects.requireNonNull(useSet, "TelegramOperators.useSet must not be null");
        Objects.requireNonNull(reload, "TelegramOperators.reload must not be null");
        Objects.requireNonNull(status, "TelegramOperators.status must not be null");
        Objects.requireNonNull(why, "TelegramOperators.why must not be null");
        Objects.requireNonNull(forget, "TelegramOperators.forget must not be null");
    }

    /** The operators over the ops parts: {@code checks} is typically {@code newsbot::adminChecks}. */
    public static TelegramOperators of(Function<GroupAdmins, AdminChecks> checks, SetChoices chatSets,
                                       SetManager manager, Status status, Why why) {
        return new TelegramOperators(checks, chatSets::setOf, chatSets::use,
                name -> name == null ? manager.reloadAll() : List.of(manager.reload(name)), status::render,
                why::forChat, chatSets::forget);
    }
}
