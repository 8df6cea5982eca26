package dev.newsbot.telegram;

import dev.newsbot.config.PromptFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
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
 * @param commands             the command menu registered with setMyCommands for the default scope
 * @param more                 the templates added since (feedback, inline mode, greeting, descriptions), by slot;
 *                             every slot after {@link Slot#REPORT} must be present
 * @param menus                the other command menus: {@code group} (every group chat) and {@code admin} (the
 *                             private chat of each of the bot's admins)
 * @param languages            per language code, the templates and menus that language overrides (any subset)
 */
public record TelegramTexts(String start, String help, String about, String askUsage, String rateLimited,
                            String apology, String sources, String sourcesEntry, String sourcesEmpty,
                            String answerSourcesHeading, OperatorTexts operator, List<Command> commands,
                            Map<Slot, String> more, Map<String, List<Command>> menus,
                            Map<String, Language> languages) {

    /** The commands the bot implements; the menu must list each of them. */
    static final Set<String> REQUIRED_COMMANDS = Set.of("start", "help", "ask", "sources", "about");

    public TelegramTexts {
        Objects.requireNonNull(operator, "TelegramTexts.operator must not be null");
        String[] values = values(start, help, about, askUsage, rateLimited, apology, sources, sourcesEntry,
                sourcesEmpty, answerSourcesHeading, operator);
        for (Slot slot : Slot.values()) {
            if (slot.isCore()) {
                slot.parse("TelegramTexts." + slot.field, values[slot.ordinal()]);
            }
        }
        commands = List.copyOf(Objects.requireNonNull(commands, "TelegramTexts.commands must not be null"));
        requireCommands("TelegramTexts.commands", commands);
        more = Map.copyOf(Objects.requireNonNull(more, "TelegramTexts.more must not be null"));
        for (Slot slot : Slot.values()) {
            if (!slot.isCore()) {
                slot.parse("TelegramTexts.more." + slot.field, more.get(slot));
            }
        }
        menus = Map.copyOf(Objects.requireNonNull(menus, "TelegramTexts.menus must not be null"));
        for (String scope : MENUS) {
            if (!menus.containsKey(scope)) {
                throw new IllegalArgumentException("TelegramTexts.menus: missing menu '" + scope + "'");
            }
        }
        languages = Map.copyOf(Objects.requireNonNull(languages, "TelegramTexts.languages must not be null"));
        languages.forEach((code, language) -> language.templates().forEach((slot, text) ->
                slot.parse("TelegramTexts.languages." + code + "." + slot.field, text)));
    }

    /** The scoped menus besides the default one, and their files. */
    static final List<String> MENUS = List.of("group", "admin");
    /** The file listing the language folders under {@code telegram/}, one language code a line. */
    static final String LANGUAGES_FILE = "languages.txt";
    private static final Pattern LANGUAGE_CODE = Pattern.compile("[a-z]{2,3}");

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
        return load(name -> Files.isRegularFile(dir.resolve(name)) ? read(dir.resolve(name)) : null,
                name -> dir.resolve(name).toString());
    }

    /**
     * Loads the templates under {@code telegram/} of the operator's prompt folder, falling back to the copies
     * bundled in the jar; see {@link #load(Path)}.
     */
    public static TelegramTexts load(PromptFiles prompts) {
        return load(name -> prompts.exists("telegram/" + name) ? prompts.read("telegram/" + name) : null,
                name -> prompts.where("telegram/" + name));
    }

    /** @param read the text of a file under {@code telegram/}, or null when there is none */
    private static TelegramTexts load(Function<String, String> read, Function<String, String> where) {
        Function<String, String> required = name -> {
            String text = read.apply(name);
            if (text == null) {
                throw new IllegalArgumentException(where.apply(name) + ": file not found");
            }
            return text;
        };
        String[] t = new String[Slot.values().length];
        Map<Slot, String> more = new EnumMap<>(Slot.class);
        for (Slot slot : Slot.values()) {
            t[slot.ordinal()] = slot.parse(where.apply(slot.file), required.apply(slot.file)).text();
            if (!slot.isCore()) {
                more.put(slot, t[slot.ordinal()]);
            }
        }
        List<Command> commands = parseCommands(where.apply("commands.txt"), required.apply("commands.txt"), true);
        Map<String, List<Command>> menus = new LinkedHashMap<>();
        for (String scope : MENUS) {
            String file = "commands-" + scope + ".txt";
            menus.put(scope, parseCommands(where.apply(file), required.apply(file), false));
        }
        OperatorTexts operator = new OperatorTexts(t[10], t[11], t[12], t[13], t[14], t[15], t[16], t[17]);
        return new TelegramTexts(t[0], t[1], t[2], t[3], t[4], t[5], t[6], t[7], t[8], t[9], operator, commands,
                more, menus, languages(read, where));
    }

    /** The language folders named in {@code languages.txt} (none when it is missing), each with its overrides. */
    private static Map<String, Language> languages(Function<String, String> read, Function<String, String> where) {
        String list = read.apply(LANGUAGES_FILE);
        Map<String, Language> out = new LinkedHashMap<>();
        if (list == null) {
            return out;
        }
        String[] lines = list.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            String code = lines[i].strip();
            if (code.isEmpty() || code.startsWith("#")) {
                continue;
            }
            if (!LANGUAGE_CODE.matcher(code).matches()) {
                throw new IllegalArgumentException(where.apply(LANGUAGES_FILE) + ":" + (i + 1)
                        + ": expected a language code such as de, was '" + code + "'");
            }
            out.put(code, language(code, read, where));
        }
        return out;
    }

    private static Language language(String code, Function<String, String> read, Function<String, String> where) {
        Map<Slot, String> templates = new EnumMap<>(Slot.class);
        for (Slot slot : Slot.values()) {
            String name = code + "/" + slot.file;
            String text = read.apply(name);
            if (text != null) {
                templates.put(slot, slot.parse(where.apply(name), text).text());
            }
        }
        Map<String, List<Command>> menus = new LinkedHashMap<>();
        for (String scope : List.of("default", "group", "admin")) {
            String name = code + "/" + (scope.equals("default") ? "commands.txt" : "commands-" + scope + ".txt");
            String text = read.apply(name);
            if (text != null) {
                menus.put(scope, parseCommands(where.apply(name), text, scope.equals("default")));
            }
        }
        return new Language(templates, menus);
    }

    /** The template of {@code slot} for users whose language is {@code languageCode}, else the base one. */
    Template template(Slot slot, String languageCode) {
        Language language = languageCode == null ? null : languages.get(baseLanguage(languageCode));
        String text = language == null ? null : language.templates().get(slot);
        return text == null ? template(slot) : slot.parse("TelegramTexts.languages." + languageCode, text);
    }

    /** True when the language of {@code languageCode} has its own template for {@code slot}. */
    boolean hasOwn(Slot slot, String languageCode) {
        Language language = languageCode == null ? null : languages.get(baseLanguage(languageCode));
        return language != null && language.templates().containsKey(slot);
    }

    /** {@code pt-br} is read as {@code pt}; the code as Telegram gives it (IETF tag) otherwise. */
    static String baseLanguage(String languageCode) {
        String code = languageCode.toLowerCase(java.util.Locale.ROOT);
        int dash = code.indexOf('-');
        return dash > 0 ? code.substring(0, dash) : code;
    }

    Template template(Slot slot) {
        if (!slot.isCore()) {
            return slot.parse("TelegramTexts.more." + slot.field, more.get(slot));
        }
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

    private static List<Command> parseCommands(String where, String text, boolean complete) {
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
        if (complete) {
            requireCommands(where, out);
        }
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
        HELP("help", "help.html", Set.of("bot_username", "set_names", "add_to_group_url"), Set.of()),
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
        REPORT("operator.report", "operator-report.html", Set.of("text"), Set.of("text")),
        /** A refused answer, for languages that have it (the base language keeps the answer engine's text). */
        REFUSAL("refusal", "refusal.html", Set.of("set"), Set.of()),
        /** The title of the one inline result given when the articles do not hold the answer. */
        INLINE_REFUSED("inlineRefused", "inline-refused.html", Set.of(), Set.of()),
        /** The notice shown when a 👍 or 👎 was recorded (plain text, at most 200 characters). */
        FEEDBACK_THANKS("feedbackThanks", "feedback-thanks.html", Set.of(), Set.of()),
        /** The notice shown when a button belongs to an answer the bot no longer remembers. */
        FEEDBACK_EXPIRED("feedbackExpired", "feedback-expired.html", Set.of(), Set.of()),
        /** Posted once when the bot is added to a group: how to ask there. */
        GREETING("greeting", "greeting.html", Set.of("bot_username"), Set.of()),
        /** setMyDescription: what an empty chat with the bot shows (plain text, at most 512 characters). */
        DESCRIPTION("description", "description.txt", Set.of(), Set.of()),
        /** setMyShortDescription: the profile and share text (plain text, at most 120 characters). */
        SHORT_DESCRIPTION("shortDescription", "short-description.txt", Set.of(), Set.of());

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

        /** The templates that are fields of the record (the rest live in {@link TelegramTexts#more()}). */
        boolean isCore() {
            return ordinal() <= REPORT.ordinal();
        }

        Template parse(String where, String text) {
            Objects.requireNonNull(text, where + " must not be null");
            Template t = Template.parse(where, text, known, required);
            int max = maxLength();
            if (max > 0 && TelegramHtml.visibleLength(t.text()) > max) {
                throw new IllegalArgumentException(where + ": longer than Telegram allows here (" + max
                        + " characters)");
            }
            return t;
        }

        /** Telegram's limit for the plain texts (descriptions, button notices); 0 when only the message limit. */
        private int maxLength() {
            return switch (this) {
                case DESCRIPTION -> 512;
                case SHORT_DESCRIPTION -> 120;
                case FEEDBACK_THANKS, FEEDBACK_EXPIRED -> 200;
                default -> 0;
            };
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

    /**
     * What one language folder ({@code telegram/<code>/}) overrides.
     *
     * @param templates the templates it has, by slot
     * @param menus     the menus it has: {@code default}, {@code group}, {@code admin}
     */
    public record Language(Map<Slot, String> templates, Map<String, List<Command>> menus) {

        public Language {
            templates = Map.copyOf(Objects.requireNonNull(templates, "Language.templates must not be null"));
            menus = Map.copyOf(Objects.requireNonNull(menus, "Language.menus must not be null"));
        }
    }
}
