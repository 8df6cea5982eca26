package dev.newsbot.telegram.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsbot.telegram.fake.MiniHttpServer.Outcome;
import dev.newsbot.telegram.fake.MiniHttpServer.Request;
import dev.newsbot.telegram.fake.MiniHttpServer.Respond;

import java.io.IOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A fake Telegram Bot API over real HTTP on 127.0.0.1, speaking the Bot API's JSON where it matters: {@code getMe}
 * ({@code is_bot}), dates in seconds, {@code getUpdates} long polling that honours {@code timeout}, {@code limit}
 * and {@code offset} (updates below the offset are confirmed and dropped, unconfirmed ones are redelivered; a second
 * poller gets 409), {@code sendMessage} (records messages, assigns ids, 400 for text over 4,096 characters after
 * entity parsing, 400 "can't parse entities" for HTML outside the documented subset, 400 for an unknown reply
 * target), {@code sendChatAction}, {@code getChatMember} ("administrator" for users made admins of the chat with
 * {@link #makeAdmin}, else "member"), {@code setMyCommands}, {@code setWebhook} (HTTPS only, secret token checked;
 * updates are then POSTed to a local route with the secret header, and {@code getUpdates} answers 409) and
 * {@code deleteWebhook}. Faults can be queued per method: 429 with {@code retry_after}, 5xx, TCP resets, stalls,
 * answers without {@code ok}, arbitrary 400s, and lost replies (carried out, then the connection reset); or drawn
 * at random with {@link #failRandomly}. {@link #holdSends} stops delivering messages: held {@code sendMessage}
 * requests wait and, once released, are reset without being carried out.
 */
public final class FakeBotApi implements AutoCloseable {

    public static final String TOKEN = "4242424242:AAFakeTokenForTests_only-0123456789ab";
    public static final long BOT_ID = 4242424242L;
    public static final String BOT_USERNAME = "newsbot_test_bot";
    public static final int MAX_MESSAGE_LENGTH = 4096;

    private static final Pattern COMMAND = Pattern.compile("(?<![\\w/])/[A-Za-z0-9_]{1,64}(?:@[A-Za-z0-9_]{3,32})?");
    private static final Pattern MENTION = Pattern.compile("(?<![\\w@])@[A-Za-z0-9_]{5,32}");
    private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{1,256}");
    private static final Set<String> ACTIONS = Set.of("typing", "upload_photo", "record_video", "upload_video",
            "record_voice", "upload_voice", "upload_document", "choose_sticker", "find_location",
            "record_video_note", "upload_video_note");

    private final ObjectMapper json = new ObjectMapper();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final MiniHttpServer server;

    private int nextUpdateId = 800_000_001;
    private long nextUserId = 100_001;
    private long nextGroup = 1;
    private final Map<Long, Integer> lastMessageId = new HashMap<>();
    private final List<ObjectNode> queue = new ArrayList<>();
    private final Set<Integer> sticky = new HashSet<>();
    private final Map<Integer, ObjectNode> updatesById = new HashMap<>();
    private int confirmedBelow;
    private final Set<Integer> deliveredByWebhook = new HashSet<>();
    private final Map<Long, FakeChat> chats = new HashMap<>();
    private final Map<Long, ObjectNode> chatJson = new HashMap<>();
    private final Map<Long, Set<Long>> chatAdmins = new HashMap<>();
    private final Map<Long, FakeUser> users = new HashMap<>();
    private final Map<Long, Map<Integer, ObjectNode>> messages = new HashMap<>();
    private final List<SentMessage> sent = new ArrayList<>();
    private final List<ApiCall> calls = new ArrayList<>();
    private final Map<String, Deque<Fault>> faults = new HashMap<>();
    private final List<Integer> webhookStatuses = new ArrayList<>();
    private final Map<String, RandomFaults> randomFaults = new HashMap<>();
    private final List<SentMessage> lostReplies = new ArrayList<>();
    private boolean holdingSends;
    private ArrayNode commands;
    private final Map<String, ArrayNode> scopedCommands = new HashMap<>();
    private final Map<String, String> descriptions = new HashMap<>();
    private final Map<Long, String> languages = new HashMap<>();
    private final Set<String> openCallbacks = new HashSet<>();
    private final Set<String> openInlineQueries = new HashSet<>();
    private final List<SentMessage> edits = new ArrayList<>();
    private int nextQueryId = 1;
    /** The update types the bot asked for (getUpdates or setWebhook); null until it asked: then all but a few. */
    private Set<String> allowedUpdates;
    private String webhookUrl = "";
    private String webhookSecret;
    private URI webhookRoute;
    private long pollGeneration;
    private boolean closed;
    private final Thread webhookDelivery;

    public FakeBotApi() throws IOException {
        server = new MiniHttpServer(this::handle);
        webhookDelivery = new Thread(this::deliverWebhooks, "fake-bot-api-webhook");
        webhookDelivery.setDaemon(true);
        webhookDelivery.start();
    }

    /** The Bot API base URL, e.g. {@code http://127.0.0.1:41234}. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    /** {@code read} under the lock. */
    private <T> T locked(Supplier<T> read) {
        lock.lock();
        try {
            return read.get();
        } finally {
            lock.unlock();
        }
    }

    // ---- people and chats --------------------------------------------------------------------------------------

    public FakeUser user(String firstName) {
        lock.lock();
        try {
            long id = nextUserId++;
            FakeUser u = new FakeUser(id, firstName, firstName.toLowerCase(Locale.ROOT) + "_" + id, false);
            users.put(id, u);
            return u;
        } finally {
            lock.unlock();
        }
    }

    /** A person whose Telegram app is set to {@code languageCode} (e.g. "de"); {@link #user} is "en". */
    public FakeUser user(String firstName, String languageCode) {
        FakeUser u = user(firstName);
        locked(() -> languages.put(u.id(), languageCode));
        return u;
    }

    /** A supergroup with topics (a forum). */
    public FakeChat forum(String title) {
        FakeChat chat = supergroup(title);
        locked(() -> chatJson.get(chat.id()).put("is_forum", true));
        return chat;
    }

    /** Another bot in a group (its messages must be ignored). */
    public FakeUser otherBot(String username) {
        return locked(() -> new FakeUser(nextUserId++, username, username, true));
    }

    public FakeChat privateChat(FakeUser with) {
        ObjectNode c = json.createObjectNode().put("id", with.id()).put("type", "private")
                .put("first_name", with.firstName()).put("username", with.username());
        return register(new FakeChat(with.id(), "private", with.firstName()), c);
    }

    public FakeChat group(String title) {
        long id;
        lock.lock();
        try {
            id = -(4_000_000_000L + nextGroup++);
        } finally {
            lock.unlock();
        }
        return register(new FakeChat(id, "group", title), groupJson(id, "group", title));
    }

    public FakeChat supergroup(String title) {
        long id;
        lock.lock();
        try {
            id = -(1_000_000_000_000L + nextGroup++);
        } finally {
            lock.unlock();
        }
        return register(new FakeChat(id, "supergroup", title), groupJson(id, "supergroup", title));
    }

    private ObjectNode groupJson(long id, String type, String title) {
        return json.createObjectNode().put("id", id).put("type", type).put("title", title);
    }

    private FakeChat register(FakeChat chat, ObjectNode node) {
        lock.lock();
        try {
            chats.put(chat.id(), chat);
            chatJson.put(chat.id(), node);
            messages.putIfAbsent(chat.id(), new HashMap<>());
            return chat;
        } finally {
            lock.unlock();
        }
    }

    /** Makes {@code user} an administrator of {@code chat}: getChatMember answers "administrator" for them. */
    public void makeAdmin(FakeChat chat, FakeUser user) {
        lock.lock();
        try {
            chatAdmins.computeIfAbsent(chat.id(), c -> new HashSet<>()).add(user.id());
        } finally {
            lock.unlock();
        }
    }

    // ---- injecting user messages -------------------------------------------------------------------------------

    /** {@code from} sends {@code text}; entities (bot commands, mentions) are detected like Telegram does. */
    public Incoming say(FakeChat chat, FakeUser from, String text) {
        return inject(chat, from, text, null, true);
    }

    /** {@code from} replies to message {@code replyTo} with {@code text}. */
    public Incoming reply(FakeChat chat, FakeUser from, int replyTo, String text) {
        return inject(chat, from, text, replyTo, true);
    }

    /** The general form: {@code detectEntities=false} sends the text without any entities. */
    public Incoming inject(FakeChat chat, FakeUser from, String text, Integer replyTo, boolean detectEntities) {
        return inject(chat, from, text, replyTo, detectEntities, null);
    }

    private Incoming inject(FakeChat chat, FakeUser from, String text, Integer replyTo, boolean detectEntities,
                            Integer threadId) {
        lock.lock();
        try {
            int messageId = nextMessageId(chat.id());
            ObjectNode m = json.createObjectNode().put("message_id", messageId);
            if (threadId != null) {
                m.put("message_thread_id", threadId).put("is_topic_message", true);
            }
            m.set("from", userJson(from));
            m.set("chat", chatJson.get(chat.id()).deepCopy());
            m.put("date", nowSeconds()).put("text", text);
            if (detectEntities) {
                ArrayNode entities = entities(text);
                if (!entities.isEmpty()) {
                    m.set("entities", entities);
                }
            }
            if (replyTo != null) {
                ObjectNode original = messages.get(chat.id()).get(replyTo);
                if (original == null) {
                    throw new IllegalArgumentException("no message " + replyTo + " in chat " + chat.id());
                }
                m.set("reply_to_message", original.deepCopy());
            }
            messages.get(chat.id()).put(messageId, m);
            int updateId = nextUpdateId++;
            ObjectNode update = json.createObjectNode().put("update_id", updateId);
            update.set("message", m);
            queue.add(update);
            updatesById.put(updateId, update);
            changed.signalAll();
            return new Incoming(updateId, messageId, chat, text, System.nanoTime());
        } finally {
            lock.unlock();
        }
    }

    /** {@code from} writes {@code text} in forum topic {@code threadId} of {@code forum}. */
    public Incoming sayInTopic(FakeChat forum, FakeUser from, int threadId, String text) {
        return inject(forum, from, text, null, true, threadId);
    }

    /** The sender of {@code original} edits it to {@code text}: an {@code edited_message} update. */
    public Incoming edit(Incoming original, String text) {
        lock.lock();
        try {
            ObjectNode m = messages.get(original.chat().id()).get(original.messageId()).deepCopy();
            m.put("text", text).put("edit_date", nowSeconds());
            m.remove("entities");
            ArrayNode entities = entities(text);
            if (!entities.isEmpty()) {
                m.set("entities", entities);
            }
            messages.get(original.chat().id()).put(original.messageId(), m);
            return queue("edited_message", m, original.chat(), original.messageId(), text);
        } finally {
            lock.unlock();
        }
    }

    /** The callback data of the inline keyboard buttons under {@code message}, in order (empty when none). */
    public List<String> buttons(SentMessage message) {
        return locked(() -> {
            List<String> out = new ArrayList<>();
            messages.get(message.chatId()).get(message.messageId()).path("reply_markup").path("inline_keyboard")
                    .forEach(row -> row.forEach(b -> out.add(b.path("callback_data").asText())));
            return out;
        });
    }

    /** {@code user} presses a button with {@code data} under {@code message}: returns the callback query id. */
    public String press(FakeUser user, SentMessage message, String data) {
        lock.lock();
        try {
            String id = String.valueOf(7_000_000_000L + nextQueryId++);
            ObjectNode q = json.createObjectNode().put("id", id);
            q.set("from", userJson(user));
            q.set("message", messages.get(message.chatId()).get(message.messageId()).deepCopy());
            q.put("chat_instance", "ci" + message.chatId()).put("data", data);
            openCallbacks.add(id);
            queue("callback_query", q, null, 0, data);
            return id;
        } finally {
            lock.unlock();
        }
    }

    /** {@code user} types {@code query} after the bot's name in any chat: returns the inline query id. */
    public String inlineQuery(FakeUser user, String query) {
        lock.lock();
        try {
            String id = String.valueOf(9_000_000_000L + nextQueryId++);
            ObjectNode q = json.createObjectNode().put("id", id);
            q.set("from", userJson(user));
            q.put("query", query).put("offset", "").put("chat_type", "sender");
            openInlineQueries.add(id);
            queue("inline_query", q, null, 0, query);
            return id;
        } finally {
            lock.unlock();
        }
    }

    /** {@code by} adds the bot to {@code group}: a {@code my_chat_member} update (left to member). */
    public void addBot(FakeChat group, FakeUser by) {
        memberUpdate(group, by, "left", "member");
    }

    /** {@code by} removes the bot from {@code group}: a {@code my_chat_member} update (member to left). */
    public void removeBot(FakeChat group, FakeUser by) {
        memberUpdate(group, by, "member", "left");
    }

    private void memberUpdate(FakeChat group, FakeUser by, String before, String after) {
        lock.lock();
        try {
            FakeUser bot = new FakeUser(BOT_ID, "Newsbot Test", BOT_USERNAME, true);
            ObjectNode u = json.createObjectNode();
            u.set("chat", chatJson.get(group.id()).deepCopy());
            u.set("from", userJson(by));
            u.put("date", nowSeconds());
            u.putObject("old_chat_member").put("status", before).set("user", userJson(bot));
            u.putObject("new_chat_member").put("status", after).set("user", userJson(bot));
            queue("my_chat_member", u, group, 0, after);
        } finally {
            lock.unlock();
        }
    }

    /** Queues an update carrying {@code payload} as {@code kind}; call under the lock. */
    private Incoming queue(String kind, ObjectNode payload, FakeChat chat, int messageId, String text) {
        int updateId = nextUpdateId++;
        ObjectNode update = json.createObjectNode().put("update_id", updateId);
        update.set(kind, payload);
        queue.add(update);
        updatesById.put(updateId, update);
        changed.signalAll();
        return new Incoming(updateId, messageId, chat, text, System.nanoTime());
    }

    /** Queues an update again even though it was delivered (and ignores its confirmation once). */
    public void redeliver(Incoming in) {
        lock.lock();
        try {
            queue.add(updatesById.get(in.updateId()));
            queue.sort((a, b) -> a.get("update_id").asInt() - b.get("update_id").asInt());
            sticky.add(in.updateId());
            deliveredByWebhook.remove(in.updateId());
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private ArrayNode entities(String text) {
        ArrayNode out = json.createArrayNode();
        for (Pattern p : List.of(COMMAND, MENTION)) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                out.addObject().put("type", p == COMMAND ? "bot_command" : "mention")
                        .put("offset", m.start()).put("length", m.end() - m.start());
            }
        }
        List<JsonNode> sorted = new ArrayList<>();
        out.forEach(sorted::add);
        sorted.sort((a, b) -> a.get("offset").asInt() - b.get("offset").asInt());
        ArrayNode result = json.createArrayNode();
        sorted.forEach(result::add);
        return result;
    }

    // ---- faults ------------------------------------------------------------------------------------------------

    /** The next request to {@code method} gets {@code fault} instead of an answer. */
    public void failNext(String method, Fault fault) {
        failNext(method, 1, fault);
    }

    /** The next {@code times} requests to {@code method} get {@code fault}. */
    public void failNext(String method, int times, Fault fault) {
        lock.lock();
        try {
            Deque<Fault> q = faults.computeIfAbsent(method.toLowerCase(Locale.ROOT), m -> new ArrayDeque<>());
            for (int i = 0; i < times; i++) {
                q.add(fault);
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * From now on, each request to {@code method} that has no queued fault fails with probability
     * {@code probability}, playing one of {@code choices} at random (seeded, so a run can be repeated).
     */
    public void failRandomly(String method, double probability, List<Fault> choices, long seed) {
        lock.lock();
        try {
            randomFaults.put(method.toLowerCase(Locale.ROOT),
                    new RandomFaults(probability, List.copyOf(choices), new java.util.Random(seed)));
        } finally {
            lock.unlock();
        }
    }

    /** Stops failing {@code method} at random. */
    public void stopFailingRandomly(String method) {
        locked(() -> randomFaults.remove(method.toLowerCase(Locale.ROOT)));
    }

    /**
     * While {@code hold} is true, {@code sendMessage} requests are neither carried out nor answered; when it turns
     * false, every held request is reset without being carried out (as if the bot had died before sending).
     */
    public void holdSends(boolean hold) {
        lock.lock();
        try {
            holdingSends = hold;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The messages delivered whose answer the bot never got ({@link Fault.LostReply}), in order. */
    public List<SentMessage> lostReplies() {
        return locked(() -> List.copyOf(lostReplies));
    }

    /** Requests still to fail for {@code method}. */
    public int pendingFaults(String method) {
        lock.lock();
        try {
            Deque<Fault> q = faults.get(method.toLowerCase(Locale.ROOT));
            return q == null ? 0 : q.size();
        } finally {
            lock.unlock();
        }
    }

    /** Where webhook updates are POSTed (standing in for the TLS proxy in front of the bot). */
    public void routeWebhookTo(URI local) {
        lock.lock();
        try {
            webhookRoute = local;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    // ---- observing ---------------------------------------------------------------------------------------------

    public List<SentMessage> sent() {
        return locked(() -> List.copyOf(sent));
    }

    public List<SentMessage> sentTo(FakeChat chat) {
        return sent().stream().filter(m -> m.chatId() == chat.id()).toList();
    }

    public List<SentMessage> repliesTo(Incoming in) {
        return sent().stream().filter(replyTo(in)).toList();
    }

    /** Calls received for {@code method} (case-insensitive), in order. */
    public List<ApiCall> calls(String method) {
        return locked(() -> calls.stream().filter(c -> c.method().equalsIgnoreCase(method)).toList());
    }

    public List<ApiCall> calls() {
        return locked(() -> List.copyOf(calls));
    }

    /** Whether the bot confirmed the update: by a later getUpdates offset, or by a 2xx webhook answer. */
    public boolean isConfirmed(Incoming in) {
        return locked(() -> in.updateId() < confirmedBelow || deliveredByWebhook.contains(in.updateId()));
    }

    public List<Integer> webhookStatuses() {
        return locked(() -> List.copyOf(webhookStatuses));
    }

    public JsonNode commands() {
        return locked(() -> commands == null ? null : commands.deepCopy());
    }

    /**
     * The menu registered for a scope and language: {@code scope} as the Bot API names it ("default",
     * "all_group_chats", "chat:<id>"), {@code language} null for everyone; null when none was registered.
     */
    public JsonNode commands(String scope, String language) {
        return locked(() -> {
            ArrayNode c = scopedCommands.get(scope + "|" + (language == null ? "" : language));
            return c == null ? null : c.deepCopy();
        });
    }

    /** Every registered menu, by "scope|language". */
    public Set<String> menus() {
        return locked(() -> Set.copyOf(scopedCommands.keySet()));
    }

    /** The description ({@code short} false) or short description set for {@code language} (null: everyone). */
    public String description(boolean isShort, String language) {
        return locked(() -> descriptions.get((isShort ? "short|" : "long|") + (language == null ? "" : language)));
    }

    /** Every editMessageText the fake carried out, as the message looked afterwards, in order. */
    public List<SentMessage> edits() {
        return locked(() -> List.copyOf(edits));
    }

    /** The text a user now sees in a message (after any edits). */
    public String currentText(long chatId, int messageId) {
        return locked(() -> messages.get(chatId).get(messageId).path("text").asText());
    }

    public SentMessage awaitReplyTo(Incoming in, Duration timeout) {
        return awaitSent(replyTo(in), 1, timeout).get(0);
    }

    public List<SentMessage> awaitRepliesTo(Incoming in, int count, Duration timeout) {
        return awaitSent(replyTo(in), count, timeout);
    }

    /** Waits until at least {@code count} sent messages match; fails with the messages sent so far. */
    public List<SentMessage> awaitSent(Predicate<SentMessage> p, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (true) {
                List<SentMessage> matching = sent.stream().filter(p).toList();
                if (matching.size() >= count) {
                    return matching;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("expected " + count + " matching sent message(s) within " + timeout
                            + ", got " + matching.size() + "; all sent: " + describe(sent));
                }
                changed.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } finally {
            lock.unlock();
        }
    }

    /** Waits until {@code method} was called at least {@code count} times. */
    public List<ApiCall> awaitCalls(String method, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (true) {
                List<ApiCall> matching = calls.stream().filter(c -> c.method().equalsIgnoreCase(method)).toList();
                if (matching.size() >= count) {
                    return matching;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("expected " + count + " " + method + " call(s) within " + timeout
                            + ", got " + matching.size());
                }
                changed.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } finally {
            lock.unlock();
        }
    }

    public static Predicate<SentMessage> replyTo(Incoming in) {
        return m -> m.chatId() == in.chat().id() && in.messageId() == (m.replyTo() == null ? -1 : m.replyTo());
    }

    private static String describe(List<SentMessage> messages) {
        return messages.stream().map(m -> m.chatId() + "#" + m.messageId() + "→" + m.replyTo() + ": "
                + abbreviate(m.visibleText())).collect(Collectors.joining("; ", "[", "]"));
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }

    // ---- HTTP --------------------------------------------------------------------------------------------------

    private Outcome handle(Request r) throws IOException {
        String path = r.path();
        int slash = path.indexOf('/', 1);
        if (!path.startsWith("/bot") || slash < 0) {
            return error(404, "Not Found", null);
        }
        String token = path.substring(4, slash);
        String method = path.substring(slash + 1);
        ObjectNode params = params(r);
        log(new ApiCall(method, params, path, System.nanoTime()));
        if (!token.equals(TOKEN)) {
            return error(401, "Unauthorized", null);
        }
        if (method.equalsIgnoreCase("sendMessage") && heldThenDropped()) {
            return new MiniHttpServer.Reset();
        }
        Fault fault = nextFault(method);
        if (fault instanceof Fault.LostReply) {
            return loseReply(method, params);
        }
        if (fault != null) {
            return play(fault);
        }
        try {
            return ok(dispatch(method.toLowerCase(Locale.ROOT), params), description(method, params));
        } catch (ApiError e) {
            return error(e.code, e.getMessage(), e.retryAfter);
        }
    }

    /** Carries the request out and resets the connection instead of answering. */
    private Outcome loseReply(String method, ObjectNode params) {
        lock.lock();
        try {
            int before = sent.size();
            dispatch(method.toLowerCase(Locale.ROOT), params);
            if (sent.size() > before) {
                lostReplies.add(sent.get(sent.size() - 1));
            }
        } catch (ApiError e) {
            // refused anyway: nothing was delivered, and the client sees only the reset
        } finally {
            lock.unlock();
        }
        return new MiniHttpServer.Reset();
    }

    /** Waits while sends are held; true when this request was held (it is then dropped). */
    private boolean heldThenDropped() {
        lock.lock();
        try {
            if (!holdingSends) {
                return false;
            }
            while (holdingSends && !closed) {
                changed.awaitUninterruptibly();
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    private JsonNode dispatch(String method, ObjectNode p) throws ApiError {
        return switch (method) {
            case "getme" -> userJson(new FakeUser(BOT_ID, "Newsbot Test", BOT_USERNAME, true))
                    .put("can_join_groups", true).put("can_read_all_group_messages", false)
                    .put("supports_inline_queries", true);
            case "getupdates" -> getUpdates(p);
            case "sendmessage" -> sendMessage(p);
            case "sendchataction" -> sendChatAction(p);
            case "getchatmember" -> getChatMember(p);
            case "setmycommands" -> setMyCommands(p);
            case "getmycommands" -> commands == null ? json.createArrayNode() : commands;
            case "setmydescription" -> setDescription(p, "long", "description", 512);
            case "setmyshortdescription" -> setDescription(p, "short", "short_description", 120);
            case "editmessagetext" -> editMessageText(p);
            case "answercallbackquery" -> answerCallbackQuery(p);
            case "answerinlinequery" -> answerInlineQuery(p);
            case "setwebhook" -> setWebhook(p);
            case "deletewebhook" -> deleteWebhook(p);
            case "getwebhookinfo" -> webhookInfo();
            default -> throw new ApiError(404, "Not Found");
        };
    }

    private String description(String method, ObjectNode p) {
        return switch (method.toLowerCase(Locale.ROOT)) {
            case "setwebhook" -> text(p, "url") == null || text(p, "url").isEmpty()
                    ? "Webhook was deleted" : "Webhook was set";
            case "deletewebhook" -> "Webhook was deleted";
            default -> null;
        };
    }

    private JsonNode getUpdates(ObjectNode p) throws ApiError {
        lock.lock();
        try {
            if (!webhookUrl.isEmpty()) {
                throw new ApiError(409, "Conflict: can't use getUpdates method while webhook is active; "
                        + "use deleteWebhook to delete the webhook first");
            }
            Integer offset = integer(p, "offset");
            int limit = Math.max(1, Math.min(100, integer(p, "limit") == null ? 100 : integer(p, "limit")));
            int timeout = Math.max(0, integer(p, "timeout") == null ? 0 : integer(p, "timeout"));
            if (offset != null) {
                confirm(offset);
            }
            allow(p.get("allowed_updates"));
            long generation = ++pollGeneration;
            changed.signalAll();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeout);
            while (queue.isEmpty() && !closed && deadline - System.nanoTime() > 0) {
                changed.awaitNanos(deadline - System.nanoTime());
                if (generation != pollGeneration) {
                    throw new ApiError(409, "Conflict: terminated by other getUpdates request; "
                            + "make sure that only one bot instance is running");
                }
            }
            allow(null);
            ArrayNode result = json.createArrayNode();
            queue.stream().limit(limit).forEach(u -> {
                result.add(u.deepCopy());
                sticky.remove(u.get("update_id").asInt());
            });
            return result;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return json.createArrayNode();
        } finally {
            lock.unlock();
        }
    }

    /** Like Telegram: an update of a type the bot did not ask for is dropped, never delivered. */
    private void allow(JsonNode list) {
        if (list != null && list.isArray()) {
            Set<String> types = new HashSet<>();
            list.forEach(t -> types.add(t.asText()));
            allowedUpdates = types.isEmpty() ? null : types;
        }
        queue.removeIf(u -> {
            String type = updateType(u);
            boolean allowed = allowedUpdates == null
                    ? !Set.of("chat_member", "message_reaction", "message_reaction_count").contains(type)
                    : allowedUpdates.contains(type);
            return !allowed;
        });
    }

    private static String updateType(JsonNode update) {
        for (var it = update.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!name.equals("update_id")) {
                return name;
            }
        }
        return "";
    }

    /** The update types the bot asked for last (null when it never said). */
    public Set<String> allowedUpdates() {
        return locked(() -> allowedUpdates == null ? null : Set.copyOf(allowedUpdates));
    }

    private void confirm(int offset) {
        if (offset > 0) {
            queue.removeIf(u -> u.get("update_id").asInt() < offset && !sticky.contains(u.get("update_id").asInt()));
            confirmedBelow = Math.max(confirmedBelow, offset);
        } else if (offset < 0) {
            while (queue.size() > -offset) {
                confirmedBelow = Math.max(confirmedBelow, queue.remove(0).get("update_id").asInt() + 1);
            }
        }
    }

    private JsonNode sendMessage(ObjectNode p) throws ApiError {
        lock.lock();
        try {
            long chatId = chatId(p);
            String text = text(p, "text");
            if (text == null || text.isEmpty()) {
                throw new ApiError(400, "Bad Request: message text is empty");
            }
            TelegramHtmlParser.Parsed parsed = parse(text, text(p, "parse_mode"));
            if (parsed.text().strip().isEmpty()) {
                throw new ApiError(400, "Bad Request: message text is empty");
            }
            if (parsed.text().length() > MAX_MESSAGE_LENGTH) {
                throw new ApiError(400, "Bad Request: message is too long");
            }
            Integer replyTo = replyTarget(p);
            ObjectNode original = replyTo == null ? null : messages.get(chatId).get(replyTo);
            if (replyTo != null && original == null && !allowWithoutReply(p)) {
                throw new ApiError(400, "Bad Request: message to be replied not found");
            }
            ObjectNode stored = store(chatId, text, text(p, "parse_mode"), parsed, original);
            if (p.get("reply_markup") != null && p.get("reply_markup").isObject()) {
                stored.set("reply_markup", p.get("reply_markup").deepCopy());
            }
            Integer thread = integer(p, "message_thread_id");
            if (thread != null) {
                stored.put("message_thread_id", thread).put("is_topic_message", true);
            }
            return stored;
        } finally {
            lock.unlock();
        }
    }

    private ObjectNode store(long chatId, String raw, String parseMode, TelegramHtmlParser.Parsed parsed,
                             ObjectNode original) {
        int id = nextMessageId(chatId);
        ObjectNode m = json.createObjectNode().put("message_id", id);
        m.set("from", userJson(new FakeUser(BOT_ID, "Newsbot Test", BOT_USERNAME, true)));
        m.set("chat", chatJson.get(chatId).deepCopy());
        m.put("date", nowSeconds()).put("text", parsed.text());
        if (!parsed.entities().isEmpty()) {
            ArrayNode entities = m.putArray("entities");
            for (TelegramHtmlParser.Entity e : parsed.entities()) {
                ObjectNode n = entities.addObject().put("type", e.type()).put("offset", e.offset())
                        .put("length", e.length());
                if (e.url() != null) {
                    n.put("url", e.url());
                }
            }
        }
        if (original != null) {
            m.set("reply_to_message", original.deepCopy());
        }
        messages.get(chatId).put(id, m);
        sent.add(new SentMessage(id, chatId, raw, parseMode, parsed.text(),
                parsed.entities().stream().map(TelegramHtmlParser.Entity::url).filter(u -> u != null).toList(),
                parsed.entities().stream().map(TelegramHtmlParser.Entity::type).toList(),
                original == null ? null : original.get("message_id").asInt(), System.nanoTime()));
        changed.signalAll();
        return m;
    }

    private static TelegramHtmlParser.Parsed parse(String text, String parseMode) throws ApiError {
        if (parseMode == null || parseMode.isEmpty()) {
            return new TelegramHtmlParser.Parsed(text, List.of());
        }
        if (!parseMode.equalsIgnoreCase("HTML")) {
            throw new ApiError(400, "Bad Request: unsupported parse_mode");
        }
        try {
            return TelegramHtmlParser.parse(text);
        } catch (TelegramHtmlParser.ParseException e) {
            throw new ApiError(400, "Bad Request: can't parse entities: " + e.getMessage());
        }
    }

    private Integer replyTarget(ObjectNode p) {
        JsonNode params = p.get("reply_parameters");
        if (params != null && params.has("message_id")) {
            return params.get("message_id").asInt();
        }
        return integer(p, "reply_to_message_id");
    }

    private static boolean allowWithoutReply(ObjectNode p) {
        JsonNode params = p.get("reply_parameters");
        return params != null && params.path("allow_sending_without_reply").asBoolean(false)
                || p.path("allow_sending_without_reply").asBoolean(false);
    }

    private JsonNode sendChatAction(ObjectNode p) throws ApiError {
        lock.lock();
        try {
            chatId(p);
            String action = text(p, "action");
            if (action == null || !ACTIONS.contains(action)) {
                throw new ApiError(400, "Bad Request: wrong parameter action in request");
            }
            return json.getNodeFactory().booleanNode(true);
        } finally {
            lock.unlock();
        }
    }

    /** Like the Bot API: a group's admins are "administrator" (with their rights), everyone else "member". */
    private JsonNode getChatMember(ObjectNode p) throws ApiError {
        lock.lock();
        try {
            long chatId = chatId(p);
            Long userId = p.has("user_id") ? Long.valueOf(p.get("user_id").asText().strip()) : null;
            FakeUser user = userId == null ? null : users.get(userId);
            if (user == null) {
                throw new ApiError(400, "Bad Request: PARTICIPANT_ID_INVALID");
            }
            ObjectNode m = json.createObjectNode();
            boolean admin = chatAdmins.getOrDefault(chatId, Set.of()).contains(userId);
            m.put("status", admin ? "administrator" : "member");
            m.set("user", userJson(user));
            if (admin) {
                m.put("can_be_edited", false).put("is_anonymous", false).put("can_manage_chat", true)
                        .put("can_delete_messages", true).put("can_manage_video_chats", true)
                        .put("can_restrict_members", true).put("can_promote_members", false)
                        .put("can_change_info", true).put("can_invite_users", true).put("can_post_stories", false)
                        .put("can_edit_stories", false).put("can_delete_stories", false)
                        .put("can_pin_messages", true);
            }
            return m;
        } finally {
            lock.unlock();
        }
    }

    private JsonNode setMyCommands(ObjectNode p) throws ApiError {
        JsonNode list = p.get("commands");
        if (list == null || !list.isArray()) {
            throw new ApiError(400, "Bad Request: parameter \"commands\" is required");
        }
        for (JsonNode c : list) {
            if (!c.path("command").asText("").matches("[a-z0-9_]{1,32}")) {
                throw new ApiError(400, "Bad Request: BOT_COMMAND_INVALID");
            }
            String d = c.path("description").asText("");
            if (d.isEmpty() || d.length() > 256) {
                throw new ApiError(400, "Bad Request: BOT_COMMAND_DESCRIPTION_INVALID");
            }
        }
        String scope = scope(p.get("scope"));
        String language = text(p, "language_code");
        if (language != null && !language.isEmpty() && !language.matches("[a-z]{2}")) {
            throw new ApiError(400, "Bad Request: invalid language code specified");
        }
        lock.lock();
        try {
            scopedCommands.put(scope + "|" + (language == null ? "" : language), (ArrayNode) list.deepCopy());
            if (scope.equals("default") && (language == null || language.isEmpty())) {
                commands = (ArrayNode) list.deepCopy();
            }
            return json.getNodeFactory().booleanNode(true);
        } finally {
            lock.unlock();
        }
    }

    private String scope(JsonNode scope) throws ApiError {
        if (scope == null || scope.isNull()) {
            return "default";
        }
        String type = scope.path("type").asText("");
        return switch (type) {
            case "default", "all_private_chats", "all_group_chats", "all_chat_administrators" -> type;
            case "chat" -> {
                String chat = scope.path("chat_id").asText("");
                if (!chat.matches("-?\\d+")) {
                    throw new ApiError(400, "Bad Request: chat not found");
                }
                yield "chat:" + chat;
            }
            default -> throw new ApiError(400, "Bad Request: wrong bot command scope type specified");
        };
    }

    private JsonNode setDescription(ObjectNode p, String kind, String field, int max) throws ApiError {
        String d = text(p, field);
        if (d != null && d.length() > max) {
            throw new ApiError(400, "Bad Request: description is too long");
        }
        String language = text(p, "language_code");
        lock.lock();
        try {
            descriptions.put(kind + "|" + (language == null ? "" : language), d == null ? "" : d);
            return json.getNodeFactory().booleanNode(true);
        } finally {
            lock.unlock();
        }
    }

    /** Like the Bot API: the bot's own message, parsed like sendMessage; unchanged text and keyboard are a 400. */
    private JsonNode editMessageText(ObjectNode p) throws ApiError {
        lock.lock();
        try {
            long chatId = chatId(p);
            Integer messageId = integer(p, "message_id");
            ObjectNode m = messageId == null ? null : messages.get(chatId).get(messageId);
            if (m == null) {
                throw new ApiError(400, "Bad Request: message to edit not found");
            }
            if (m.path("from").path("id").asLong() != BOT_ID) {
                throw new ApiError(400, "Bad Request: message can't be edited");
            }
            String text = text(p, "text");
            if (text == null || text.isEmpty()) {
                throw new ApiError(400, "Bad Request: message text is empty");
            }
            TelegramHtmlParser.Parsed parsed = parse(text, text(p, "parse_mode"));
            if (parsed.text().length() > MAX_MESSAGE_LENGTH) {
                throw new ApiError(400, "Bad Request: MESSAGE_TOO_LONG");
            }
            JsonNode markup = p.get("reply_markup");
            if (parsed.text().equals(m.path("text").asText())
                    && String.valueOf(markup).equals(String.valueOf(m.get("reply_markup")))) {
                throw new ApiError(400, "Bad Request: message is not modified: specified new message content and "
                        + "reply markup are exactly the same as a current content and reply markup of the message");
            }
            m.put("text", parsed.text()).put("edit_date", nowSeconds());
            if (markup == null) {
                m.remove("reply_markup");
            } else {
                m.set("reply_markup", markup.deepCopy());
            }
            JsonNode reply = m.path("reply_to_message");
            edits.add(new SentMessage(messageId, chatId, text, text(p, "parse_mode"), parsed.text(),
                    parsed.entities().stream().map(TelegramHtmlParser.Entity::url).filter(u -> u != null).toList(),
                    parsed.entities().stream().map(TelegramHtmlParser.Entity::type).toList(),
                    reply.isObject() ? reply.path("message_id").asInt() : null, System.nanoTime()));
            changed.signalAll();
            return m.deepCopy();
        } finally {
            lock.unlock();
        }
    }

    /** Each callback query may be answered once; text up to 200 characters. */
    private JsonNode answerCallbackQuery(ObjectNode p) throws ApiError {
        lock.lock();
        try {
            String id = text(p, "callback_query_id");
            if (id == null || !openCallbacks.remove(id)) {
                throw new ApiError(400, "Bad Request: query is too old and response timeout expired or query ID is "
                        + "invalid");
            }
            String t = text(p, "text");
            if (t != null && t.length() > 200) {
                throw new ApiError(400, "Bad Request: MESSAGE_TOO_LONG");
            }
            return json.getNodeFactory().booleanNode(true);
        } finally {
            lock.unlock();
        }
    }

    /** Each inline query may be answered once, with at most 50 results whose message texts parse. */
    private JsonNode answerInlineQuery(ObjectNode p) throws ApiError {
        lock.lock();
        try {
            String id = text(p, "inline_query_id");
            if (id == null || !openInlineQueries.remove(id)) {
                throw new ApiError(400, "Bad Request: query is too old and response timeout expired or query ID is "
                        + "invalid");
            }
            JsonNode results = p.get("results");
            if (results == null || !results.isArray() || results.size() > 50) {
                throw new ApiError(400, "Bad Request: RESULTS_TOO_MUCH");
            }
            Set<String> ids = new HashSet<>();
            for (JsonNode r : results) {
                if (!"article".equals(r.path("type").asText()) || !ids.add(r.path("id").asText())
                        || r.path("title").asText("").isEmpty()) {
                    throw new ApiError(400, "Bad Request: RESULT_ID_DUPLICATE or invalid result");
                }
                JsonNode content = r.path("input_message_content");
                TelegramHtmlParser.Parsed parsed = parse(content.path("message_text").asText(""),
                        content.path("parse_mode").isMissingNode() ? null : content.path("parse_mode").asText());
                if (parsed.text().isBlank() || parsed.text().length() > MAX_MESSAGE_LENGTH) {
                    throw new ApiError(400, "Bad Request: MESSAGE_EMPTY or MESSAGE_TOO_LONG");
                }
            }
            return json.getNodeFactory().booleanNode(true);
        } finally {
            lock.unlock();
        }
    }

    private JsonNode setWebhook(ObjectNode p) throws ApiError {
        String url = text(p, "url");
        String secret = text(p, "secret_token");
        if (url != null && !url.isEmpty() && !url.startsWith("https://")) {
            throw new ApiError(400, "Bad Request: bad webhook: An HTTPS URL must be provided for webhook");
        }
        if (secret != null && !SECRET.matcher(secret).matches()) {
            throw new ApiError(400, "Bad Request: secret token contains unallowed characters");
        }
        lock.lock();
        try {
            webhookUrl = url == null ? "" : url;
            webhookSecret = secret;
            allow(p.get("allowed_updates"));
            changed.signalAll();
            return json.getNodeFactory().booleanNode(true);
        } finally {
            lock.unlock();
        }
    }

    private JsonNode deleteWebhook(ObjectNode p) {
        lock.lock();
        try {
            webhookUrl = "";
            webhookSecret = null;
            if (p.path("drop_pending_updates").asBoolean(false)
                    || "true".equals(text(p, "drop_pending_updates"))) {
                queue.clear();
            }
            changed.signalAll();
            return json.getNodeFactory().booleanNode(true);
        } finally {
            lock.unlock();
        }
    }

    private JsonNode webhookInfo() {
        return locked(() -> json.createObjectNode().put("url", webhookUrl).put("has_custom_certificate", false)
                .put("pending_update_count", queue.size()));
    }

    // ---- webhook delivery --------------------------------------------------------------------------------------

    private void deliverWebhooks() {
        int failures = 0;
        while (true) {
            ObjectNode update;
            URI target;
            String secret;
            lock.lock();
            try {
                while (!closed && (webhookUrl.isEmpty() || webhookRoute == null || queue.isEmpty())) {
                    changed.await();
                }
                if (closed) {
                    return;
                }
                update = queue.get(0);
                target = webhookRoute.resolve(URI.create(webhookUrl).getRawPath());
                secret = webhookSecret;
            } catch (InterruptedException e) {
                return;
            } finally {
                lock.unlock();
            }
            int status = post(target, secret, update);
            lock.lock();
            try {
                webhookStatuses.add(status);
                boolean delivered = status >= 200 && status < 300;
                if (delivered || ++failures >= 5) {
                    queue.remove(update);
                    sticky.remove(update.get("update_id").asInt());
                    failures = 0;
                    if (delivered) {
                        deliveredByWebhook.add(update.get("update_id").asInt());
                    }
                }
                changed.signalAll();
                if (!delivered && !closed) {
                    changed.await(100, TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                return;
            } finally {
                lock.unlock();
            }
        }
    }

    private int post(URI target, String secret, ObjectNode update) {
        try {
            HttpURLConnection c = (HttpURLConnection) target.toURL().openConnection();
            c.setConnectTimeout(2000);
            c.setReadTimeout(10_000);
            c.setRequestMethod("POST");
            c.setDoOutput(true);
            c.setRequestProperty("Content-Type", "application/json");
            if (secret != null) {
                c.setRequestProperty("X-Telegram-Bot-Api-Secret-Token", secret);
            }
            try (OutputStream out = c.getOutputStream()) {
                out.write(json.writeValueAsBytes(update));
            }
            int status = c.getResponseCode();
            c.disconnect();
            return status;
        } catch (IOException e) {
            return -1;
        }
    }

    // ---- plumbing ----------------------------------------------------------------------------------------------

    private void log(ApiCall call) {
        lock.lock();
        try {
            calls.add(call);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private Fault nextFault(String method) {
        lock.lock();
        try {
            Deque<Fault> q = faults.get(method.toLowerCase(Locale.ROOT));
            Fault queued = q == null ? null : q.poll();
            if (queued != null) {
                return queued;
            }
            RandomFaults random = randomFaults.get(method.toLowerCase(Locale.ROOT));
            return random == null ? null : random.next();
        } finally {
            lock.unlock();
        }
    }

    private Outcome play(Fault fault) {
        if (fault instanceof Fault.TooManyRequests t) {
            return error(429, "Too Many Requests: retry after " + t.retryAfter(), t.retryAfter());
        }
        if (fault instanceof Fault.ServerError s) {
            String html = "<html>\r\n<head><title>" + s.status() + " Bad Gateway</title></head>\r\n<body>\r\n"
                    + "<center><h1>" + s.status() + " Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n"
                    + "</body>\r\n</html>\r\n";
            return new Respond(s.status(), "text/html", html.getBytes(StandardCharsets.UTF_8));
        }
        if (fault instanceof Fault.ConnectionReset) {
            return new MiniHttpServer.Reset();
        }
        if (fault instanceof Fault.Stall) {
            return new MiniHttpServer.Stall();
        }
        if (fault instanceof Fault.WithoutOk) {
            return new Respond(200, "application/json", "{\"result\":true}".getBytes(StandardCharsets.UTF_8));
        }
        return error(400, ((Fault.BadRequest) fault).description(), null);
    }

    private Respond ok(JsonNode result, String description) throws IOException {
        ObjectNode body = json.createObjectNode().put("ok", true);
        body.set("result", result);
        if (description != null) {
            body.put("description", description);
        }
        return new Respond(200, "application/json", json.writeValueAsBytes(body));
    }

    private Respond error(int code, String description, Integer retryAfter) {
        ObjectNode body = json.createObjectNode().put("ok", false).put("error_code", code)
                .put("description", description);
        if (retryAfter != null) {
            body.putObject("parameters").put("retry_after", retryAfter);
        }
        try {
            return new Respond(code, "application/json", json.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private ObjectNode params(Request r) throws IOException {
        ObjectNode p = json.createObjectNode();
        form(p, r.query());
        String type = r.header("content-type") == null ? "" : r.header("content-type").toLowerCase(Locale.ROOT);
        if (type.startsWith("application/json") && r.body().length > 0) {
            JsonNode body = json.readTree(r.body());
            if (body.isObject()) {
                p.setAll((ObjectNode) body);
            }
        } else if (type.startsWith("application/x-www-form-urlencoded")) {
            form(p, new String(r.body(), StandardCharsets.UTF_8));
        } else if (type.startsWith("multipart/form-data")) {
            multipart(p, r.header("content-type"), r.body());
        }
        return p;
    }

    private void form(ObjectNode p, String encoded) {
        if (encoded == null || encoded.isEmpty()) {
            return;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            putValue(p, name, value);
        }
    }

    private void multipart(ObjectNode p, String contentType, byte[] body) {
        String boundary = contentType.replaceAll("(?i).*boundary=\"?([^\";]+)\"?.*", "$1");
        String all = new String(body, StandardCharsets.UTF_8);
        for (String part : all.split("--" + Pattern.quote(boundary))) {
            int split = part.indexOf("\r\n\r\n");
            if (split < 0) {
                continue;
            }
            Matcher name = Pattern.compile("name=\"([^\"]*)\"").matcher(part.substring(0, split));
            if (name.find()) {
                String value = part.substring(split + 4);
                putValue(p, name.group(1), value.endsWith("\r\n") ? value.substring(0, value.length() - 2) : value);
            }
        }
    }

    /** Like the Bot API: a value that is a JSON object or array is read as JSON. */
    private void putValue(ObjectNode p, String name, String value) {
        String v = value.strip();
        if (v.startsWith("{") || v.startsWith("[")) {
            try {
                p.set(name, json.readTree(v));
                return;
            } catch (IOException e) {
                // plain text after all
            }
        }
        p.put(name, value);
    }

    private long chatId(ObjectNode p) throws ApiError {
        JsonNode id = p.get("chat_id");
        long chatId;
        try {
            chatId = id == null ? 0 : id.isNumber() ? id.asLong() : Long.parseLong(id.asText().strip());
        } catch (NumberFormatException e) {
            throw new ApiError(400, "Bad Request: chat not found");
        }
        if (!chats.containsKey(chatId)) {
            throw new ApiError(400, "Bad Request: chat not found");
        }
        return chatId;
    }

    private static String text(ObjectNode p, String name) {
        JsonNode n = p.get(name);
        return n == null || n.isNull() ? null : n.asText();
    }

    private static Integer integer(ObjectNode p, String name) {
        JsonNode n = p.get(name);
        if (n == null || n.isNull()) {
            return null;
        }
        return n.isNumber() ? n.asInt() : Integer.valueOf(n.asText().strip());
    }

    private ObjectNode userJson(FakeUser u) {
        ObjectNode n = json.createObjectNode().put("id", u.id()).put("is_bot", u.bot())
                .put("first_name", u.firstName());
        if (u.username() != null) {
            n.put("username", u.username());
        }
        if (!u.bot()) {
            n.put("language_code", languages.getOrDefault(u.id(), "en"));
        }
        return n;
    }

    private int nextMessageId(long chatId) {
        return lastMessageId.merge(chatId, 1, Integer::sum);
    }

    private static long nowSeconds() {
        return System.currentTimeMillis() / 1000;
    }

    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        server.close();
        webhookDelivery.interrupt();
        try {
            webhookDelivery.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Faults drawn at random for one method. */
    private record RandomFaults(double probability, List<Fault> choices, java.util.Random random) {

        Fault next() {
            return random.nextDouble() < probability ? choices.get(random.nextInt(choices.size())) : null;
        }
    }

    /** A Bot API error answer. */
    private static final class ApiError extends Exception {

        final int code;
        final Integer retryAfter;

        ApiError(int code, String description) {
            super(description);
            this.code = code;
            this.retryAfter = null;
        }
    }
}
