package dev.newsbot.telegram;

import dev.newsbot.ops.admin.AdminChecks;
import dev.newsbot.ops.sets.NoSuchSetException;
import dev.newsbot.ops.sets.ReloadReport;
import dev.newsbot.telegram.TelegramTexts.Slot;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BiConsumer;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * The operator commands. {@code /use} is open to anyone in a private chat and to the group's administrators (and
 * the bot's admins) in a group; {@code /reload}, {@code /status} and {@code /why} only to the bot's admins. Without
 * operators every one of them answers "not available". Reloads run on their own executor, so a long reload holds
 * neither the update thread nor a chat lane. Every reply is HTML-escaped.
 */
final class OperatorCommands {

    static final Set<String> NAMES = Set.of("use", "reload", "status", "why");
    static final int REPORT_LIMIT = 3900;
    private static final Logger LOG = LoggerFactory.getLogger(OperatorCommands.class);

    private final TelegramOperators ops;
    private final AdminChecks checks;
    private final Executor reloads;
    private final Map<Slot, Template> texts;
    private final Supplier<List<String>> setNames;
    private final LongFunction<String> loggedChat;

    /**
     * @param ops        null when the bot has no operators; then {@code checks} and {@code reloads} may be null too
     * @param loggedChat how log lines name a chat (a salted hash, never its id)
     */
    OperatorCommands(TelegramOperators ops, AdminChecks checks, Executor reloads, Map<Slot, Template> texts,
                     Supplier<List<String>> setNames, LongFunction<String> loggedChat) {
        this.loggedChat = java.util.Objects.requireNonNull(loggedChat, "loggedChat");
        this.ops = ops;
        this.checks = checks;
        this.reloads = reloads;
        this.texts = texts;
        this.setNames = setNames;
    }

    void handle(Message m, Inbound.Command command, BiConsumer<Message, String> send) {
        if (ops == null) {
            send.accept(m, texts.get(Slot.NOT_AVAILABLE).render());
            return;
        }
        String user = String.valueOf(m.getFrom().getId());
        if (command.name().equals("use")) {
            use(m, user, command.args(), send);
        } else if (!checks.isAdmin(user)) {
            send.accept(m, texts.get(Slot.NOT_ALLOWED).render());
        } else if (command.name().equals("reload")) {
            reload(m, command.args(), send);
        } else if (command.name().equals("status")) {
            send.accept(m, report(ops.status().get()));
        } else {
            send.accept(m, report(ops.why().apply(String.valueOf(m.getChatId()))));
        }
    }

    /** {@code /use set} on behalf of the message's sender (a deep link {@code ?start=set-<name>}). */
    void use(Message m, String set, BiConsumer<Message, String> send) {
        if (ops == null) {
            send.accept(m, texts.get(Slot.NOT_AVAILABLE).render());
            return;
        }
        use(m, String.valueOf(m.getFrom().getId()), set, send);
    }

    /** Forgets the set choice of a chat the bot was removed from; nothing without operators. */
    void forget(String chatId) {
        if (ops != null) {
            ops.forget().accept(chatId);
        }
    }

    private void use(Message m, String user, String set, BiConsumer<Message, String> send) {
        String chat = String.valueOf(m.getChatId());
        if (!checks.mayChooseSet(chat, user, "private".equals(m.getChat().getType()))) {
            send.accept(m, texts.get(Slot.USE_NOT_ADMIN).render());
        } else if (set.isEmpty()) {
            send.accept(m, texts.get(Slot.USE_USAGE).render(Map.of("set", esc(ops.setOf().apply(chat)),
                    "set_names", names(setNames.get()))));
        } else {
            send.accept(m, chooseSet(chat, set));
        }
    }

    private String chooseSet(String chat, String set) {
        try {
            ops.useSet().accept(chat, set);
            return texts.get(Slot.USE_DONE).render(Map.of("set", esc(set)));
        } catch (NoSuchSetException e) {
            return texts.get(Slot.USE_UNKNOWN).render(Map.of("set", esc(set), "set_names", names(e.known())));
        }
    }

    private void reload(Message m, String set, BiConsumer<Message, String> send) {
        String name = set.isEmpty() ? null : set;
        send.accept(m, texts.get(Slot.RELOADING).render(Map.of("set", name == null ? "every set" : esc(name))));
        try {
            reloads.execute(() -> reportReload(m, name, send));
        } catch (RejectedExecutionException e) {
            LOG.info("Not reloading for {}: the bot is shutting down", loggedChat.apply(m.getChatId()));
        }
    }

    private void reportReload(Message m, String name, BiConsumer<Message, String> send) {
        try {
            String text;
            try {
                text = ops.reload().apply(name).stream().map(ReloadReport::summary)
                        .collect(Collectors.joining("\n\n"));
            } catch (NoSuchSetException e) {
                text = e.getMessage();
            }
            send.accept(m, report(text.isEmpty() ? "No sets are configured." : text));
        } catch (RuntimeException e) {
            LOG.error("Reload requested in {} failed", loggedChat.apply(m.getChatId()), e);
            send.accept(m, texts.get(Slot.APOLOGY).render());
        }
    }

    private String report(String text) {
        String clipped = text.length() <= REPORT_LIMIT ? text : text.substring(0, REPORT_LIMIT - 1) + "…";
        return texts.get(Slot.REPORT).render(Map.of("text", esc(clipped)));
    }

    private static String names(List<String> names) {
        return esc(names.isEmpty() ? "none yet" : String.join(", ", names));
    }

    private static String esc(String text) {
        return TelegramHtml.escape(text);
    }
}
