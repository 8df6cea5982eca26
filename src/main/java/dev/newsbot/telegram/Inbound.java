package dev.newsbot.telegram;

/** What an incoming message asks of the bot, as decided by {@link MessageRouter}. */
sealed interface Inbound {

    /**
     * A question.
     *
     * @param text            the question with any mention of the bot or command removed
     * @param repliedToBotMsg the id of the bot message this replies to, or null
     */
    record Question(String text, Integer repliedToBotMsg) implements Inbound {
    }

    /**
     * A command for this bot that is not a question.
     *
     * @param name lower-case, without slash or @username: start, help, about, sources, ask (used without
     *             question), use, reload, status or why
     * @param args the text after the command, without mentions of the bot, stripped; empty when none
     */
    record Command(String name, String args) implements Inbound {

        Command(String name) {
            this(name, "");
        }
    }

    /** Not for this bot, or nothing to answer. */
    record Ignored(String reason) implements Inbound {
    }
}
