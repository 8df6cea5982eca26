package dev.newsbot.telegram;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.message.MaybeInaccessibleMessage;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

/**
 * The 👍 and 👎 buttons under every answer. Their callback data is {@code fb:u:<answer id>} or
 * {@code fb:d:<answer id>}; the id is random and looked up server-side in the {@link AnswerBook}, and the press must
 * come from one of that answer's own messages, so data the bot did not issue (a forged callback) finds nothing and
 * is ignored: nothing is recorded or counted. A recorded vote goes to the {@link FeedbackLog} and
 * {@code newsbot_feedback_total{vote}}; every press is acknowledged with {@code answerCallbackQuery}.
 */
final class FeedbackButtons {

    private static final Logger LOG = LoggerFactory.getLogger(FeedbackButtons.class);
    private static final Pattern DATA = Pattern.compile("fb:([ud]):([A-Za-z0-9_-]{16})");

    private final BotApi api;
    private final AnswerBook book;
    private final FeedbackLog log;
    private final TelegramMetrics metrics;
    private final Function<String, String> thanks;
    private final Function<String, String> expired;

    /** @param thanks and {@code expired}: the notice texts (plain) for a language code */
    FeedbackButtons(BotApi api, AnswerBook book, FeedbackLog log, TelegramMetrics metrics,
                    Function<String, String> thanks, Function<String, String> expired) {
        this.api = api;
        this.book = book;
        this.log = log;
        this.metrics = metrics;
        this.thanks = thanks;
        this.expired = expired;
    }

    static InlineKeyboardMarkup keyboard(String answerId) {
        return InlineKeyboardMarkup.builder().keyboardRow(new InlineKeyboardRow(List.of(
                InlineKeyboardButton.builder().text("👍").callbackData("fb:u:" + answerId).build(),
                InlineKeyboardButton.builder().text("👎").callbackData("fb:d:" + answerId).build()))).build();
    }

    /** Handles one press; a vote that cannot be written propagates (the press then gets no acknowledgement). */
    void press(CallbackQuery q) {
        String lang = q.getFrom() == null ? null : q.getFrom().getLanguageCode();
        Matcher m = DATA.matcher(q.getData() == null ? "" : q.getData());
        Optional<Answered> answer = m.matches() ? book.byId(m.group(2)).filter(a -> from(a, q.getMessage()))
                : Optional.empty();
        if (!m.matches()) {
            LOG.info("Ignoring a button press with data the bot did not issue");
            api.answerCallbackQuery(q.getId(), null);
            return;
        }
        if (answer.isEmpty()) {
            LOG.info("Ignoring a vote on an answer the bot does not remember (or from another message)");
            api.answerCallbackQuery(q.getId(), expired.apply(lang));
            return;
        }
        FeedbackLog.Vote vote = m.group(1).equals("u") ? FeedbackLog.Vote.UP : FeedbackLog.Vote.DOWN;
        if (log.record(answer.get(), q.getFrom().getId(), vote)) {
            metrics.feedback(vote.label());
        }
        api.answerCallbackQuery(q.getId(), thanks.apply(lang));
    }

    private static boolean from(Answered a, MaybeInaccessibleMessage message) {
        return message != null && message.getChatId() != null && message.getMessageId() != null
                && a.isIn(message.getChatId(), message.getMessageId());
    }
}
