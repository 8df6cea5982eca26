package dev.newsbot.console;

import dev.newsbot.chat.ChatRequest;
import dev.newsbot.chat.ChatService;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Objects;

/**
 * A chat over standard input and output: each line is a question, answered with citations. An empty line is
 * skipped; {@code /quit} or the end of input stops it. Follow-ups are typed with a leading {@code +}, which
 * carries the previous question along as context, like replying to the bot in Telegram.
 */
public final class ConsoleChat {

    private static final String CHAT_ID = "console";

    private final ChatService chat;
    private final Clock clock;

    public ConsoleChat(ChatService chat, Clock clock) {
        this.chat = Objects.requireNonNull(chat, "chat");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public void run(BufferedReader in, PrintStream out) {
        String previous = null;
        prompt(out);
        for (String line = read(in); line != null && !line.strip().equals("/quit"); line = read(in)) {
            String text = line.strip();
            if (!text.isEmpty()) {
                boolean followUp = text.startsWith("+") && previous != null;
                String question = followUp ? text.substring(1).strip() : text;
                if (!question.isEmpty()) {
                    out.println(answer(question, followUp ? previous : null));
                    previous = question;
                }
            }
            prompt(out);
        }
    }

    private String answer(String question, String followUpOf) {
        try {
            return PlainText.render(chat.ask(new ChatRequest(CHAT_ID, null, question, clock.instant(), followUpOf)))
                    + "\n";
        } catch (RuntimeException e) {
            return "Sorry, that failed: " + e.getMessage() + "\n";
        }
    }

    private static void prompt(PrintStream out) {
        out.print("> ");
        out.flush();
    }

    private static String read(BufferedReader in) {
        try {
            return in.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
