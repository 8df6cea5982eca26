package dev.newsbot.telegram;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import dev.newsbot.config.PromptFiles;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The bot's fixed messages, as Telegram HTML templates with {@code {{placeholders}}}, and the command menu. Every
 * template is validated on construction (known placeholders only, required ones present, valid Telegram HTML); see
 * {@link #load(Path)} for the files and the placeholders each may use.
 *
 * @param start                reply to {@code /start}
 * @param help                 reply to {@code /help}: what the bot knows, how to ask, how it behaves in groups
 * @param about                reply to {@code /about}
 * @param askUsage             reply to {@code /ask} without a question
 * @param rateLimited          sent once when a chat or user exceeds its rate limit
 * @param apology              sent when answering failed
 * @param sources              reply to {@code /sources}; {@code {{sets}}} receives the rendered entries
 * @param sourcesEntry         one article set in {@code /sources}
 * @param sourcesEmpty         reply to {@code /sources} when no set is loaded
 * @param answerSourcesHeading the heading above an answer's numbered source list
 * @param operator             the replies of the operator commands {@code /use}, {@code /reload}, {@code /status},
 *                             {@code /why}
 * @param commands             the command menu registered with setMyCommands
 */
public record TelegramTexts(String start, String help, String about, String askUsage, String rateLimited,
                            String apology, String sources, String sourcesEntry, String sourcesEmpty,
                            String answerSourcesHeading, OperatorTexts operator, List<Command> commands) {

    /** The commands the bot implements; the menu must list each of them. */
    static final Set<String> REQUIRED_COMMANDS = Set.of("start", "help", "ask", "sources", "about");

    public TelegramTexts {
        Objects.requireNonNull(operator, "TelegramTexts.operator must not be null");
        String[] values = values(start, help, about, askUsage, rateLimited, apology, sources, sourcesEntry,
                sourcesEmpty, answerSourcesHeading, operator);
        for (Slot slot : Slot.values()) {
            slot.parse("TelegramTexts." + slot.field, values[slot.ordinal()]);
        }
        commands = List.copyOf(Objects.requireNonNull(commands, "TelegramTexts.commands must not be null"));
        requireCommands("TelegramTexts.commands", commands);
    }

    /**
     * Reads the templates from {@code promptsDir/telegram/} (or from {@code promptsDir} itself when it has no
     * {@code telegram} folder): {@code start.html}, {@code help.html}, {@code about.html} ({{bot_username}};
     * help also {{set_names}}), {@code ask-usage.html} (requires {{bot_username}}), {@code rate-limited.html}
     * ({{retry_in}}), {@code apology.html}, {@code sources.html} (requires {{sets}}; also {{set_count}}),
     * {@code sources-entry.html} (requires {{name}}; also {{articles}}, {{passages}}, {{newest}}, {{version}}),
     * {@code sources-empty.html}, {@code answer-sources.html}, the operator replies (see {@link OperatorTexts}) and
     * {@code commands.txt} (one {@code name - description} a line). Fails with an error naming the file (and line and placeholder where it applies).
     */
    public static TelegramTexts load(Path promptsDir) {
        Path dir = Files.isDirectory(promptsDir.resolve("telegram")) ? promptsDir.resolve("telegram") : promptsDir;
        return load(name -> read(dir.resolve(name)), name -> dir.resolve(name).toString());
    }

    /**
     * Loads the templates under {@code telegram/} of the operator's prompt folder, falling back to the copies
     * bundled in the jar; see {@link #load(Path)}.
     */
    public static TelegramTexts load(PromptFiles prompts) {
        return load(name -> prompts.read("telegram/" + name), name -> prompts.where("telegram/" + name));
    }

    private static TelegramTexts load(Function<String, String> read, Function<String, String> where) {
        String[] t = new String[Slot.values().length];
        for (Slot slot : Slot.values()) {
            t[slot.ordinal()] = slot.parse(where.apply(slot.file), read.apply(slot.file)).text();
        }
        List<Command> commands = parseCommands(where.apply("commands.txt"), read.apply("commands.txt"));
        OperatorTexts operator = new OperatorTexts(t[10], t[11], t[12], t[13], t[14], t[15], t[16], t[17]);
        return new TelegramTexts(t[0], t[1], t[2], t[3], t[4], t[5], t[6], t[7], t[8], t[9], operator, commands);
    }

    Template template(Slot slot) {
        return slot.parse("TelegramTexts." + slot.field, values(start, help, about, askUsage, rateLimited, apology,
                sources, sourcesEntry, sourcesEmpty, answerSourcesHeading, operator)[slot.ordinal()]);
    }

    /** Every template, in {@link Slot} order. */
    private static String[] values(String start, String help, String about, String askUsage, String rateLimited,
                                   String apology, String sources, String sourcesEntry, String sourcesEmpty,
                                   String answerSourcesHeading, OperatorTexts o) {
        return new String[] {start, help, about, askUsage, rateLimited, apology, sources, sourcesEntry, sourcesEmpty,
            answerSourcesHeading, o.useUsage(), o.useDone(), o.useUnknown(), o.useNotAdmin(), o.notAllowed(),
            o.notAvailable(), o.reloading(), o.report()};
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": file not found", e);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static List<Command> parseCommands(String where, String text) {
        List<Command> out = new ArrayList<>();
        String[] lines = text.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\s+-\\s+", 2);
            if (parts.length != 2) {
                throw new IllegalArgumentException(where + ":" + (i + 1) + ": expected 'name - description'");
            }
            try {
                out.add(new Command(parts[0].replaceFirst("^/", ""), parts[1]));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ":" + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        requireCommands(where, out);
        return out;
    }

    private static void requireCommands(String where, List<Command> commands) {
        Set<String> missing = new TreeSet<>(REQUIRED_COMMANDS);
        commands.forEach(c -> missing.remove(c.name()));
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(where + ": missing command(s) " + missing);
        }
    }

    /**
     * One entry of the command menu.
     *
     * @param name        1-32 characters of a-z, 0-9 and _ (without the slash)
     * @param description 1-256 characters
     */
    public record Command(String name, String description) {

        private static final Pattern NAME = Pattern.compile("[a-z0-9_]{1,32}");

        public Command {
            if (name == null || !NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("Command.name must be 1-32 characters of a-z, 0-9 and _, was '"
                        + name + "'");
            }
            if (description == null || description.isBlank() || description.strip().length() > 256) {
                throw new IllegalArgumentException("Command.description must be 1-256 characters");
            }
            description = description.strip();
        }
    }

    /** The templates, their files and their placeholders. */
    enum Slot {
        START("start", "start.html", Set.of("bot_username"), Set.of()),
        HELP("help", "help.html", Set.of("bot_username", "set_names"), Set.of()),
        ABOUT("about", "about.html", Set.of("bot_username"), Set.of()),
        ASK_USAGE("askUsage", "ask-usage.html", Set.of("bot_username"), Set.of("bot_username")),
        RATE_LIMITED("rateLimited", "rate-limited.html", Set.of("retry_in"), Set.of()),
        APOLOGY("apology", "apology.html", Set.of(), Set.of()),
        SOURCES("sources", "sources.html", Set.of("sets", "set_count"), Set.of("sets")),
        SOURCES_ENTRY("sourcesEntry", "sources-entry.html",
                Set.of("name", "articles", "passages", "newest", "version"), Set.of("name")),
        SOURCES_EMPTY("sourcesEmpty", "sources-empty.html", Set.of(), Set.of()),
        ANSWER_SOURCES_HEADING("answerSourcesHeading", "answer-sources.html", Set.of(), Set.of()),
        USE_USAGE("operator.useUsage", "use-usage.html", Set.of("set", "set_names"), Set.of()),
        USE_DONE("operator.useDone", "use-done.html", Set.of("set"), Set.of("set")),
        USE_UNKNOWN("operator.useUnknown", "use-unknown.html", Set.of("set", "set_names"), Set.of("set")),
        USE_NOT_ADMIN("operator.useNotAdmin", "use-not-admin.html", Set.of(), Set.of()),
        NOT_ALLOWED("operator.notAllowed", "not-allowed.html", Set.of(), Set.of()),
        NOT_AVAILABLE("operator.notAvailable", "not-available.html", Set.of(), Set.of()),
        RELOADING("operator.reloading", "reloading.html", Set.of("set"), Set.of()),
        REPORT("operator.report", "operator-report.html", Set.of("text"), Set.of("text"));

        final String field;
        final String file;
        final Set<String> known;
        final Set<String> required;

        Slot(String field, String file, Set<String> known, Set<String> required) {
            this.field = field;
            this.file = file;
            this.known = known;
            this.required = required;
        }

        Template parse(String where, String text) {
            Objects.requireNonNull(text, where + " must not be null");
            return Template.parse(where, text, known, required);
        }
    }

    /**
     * The replies of the operator commands, validated with the other templates.
     *
     * @param useUsage    {@code /use} without a set: {@code use-usage.html} ({{set}}: the chat's set, {{set_names}})
     * @param useDone     {@code /use} done: {@code use-done.html} (requires {{set}})
     * @param useUnknown  {@code /use} of an unknown set: {@code use-unknown.html} (requires {{set}}; {{set_names}})
     * @param useNotAdmin {@code /use} in a group by a member who does not administer it: {@code use-not-admin.html}
     * @param notAllowed  an admin command from a user who is not one of the bot's admins: {@code not-allowed.html}
     * @param notAvailable an operator command on a bot built without operators: {@code not-available.html}
     * @param reloading   sent when a reload starts: {@code reloading.html} ({{set}}: the set, or "every set")
     * @param report      the plain-text reports of {@code /reload}, {@code /status} and {@code /why}:
     *                    {@code operator-report.html} (requires {{text}}, escaped)
     */
    public record OperatorTexts(String useUsage, String useDone, String useUnknown, String useNotAdmin,
                                String notAllowed, String notAvailable, String reloading, String report) {
    }
}
