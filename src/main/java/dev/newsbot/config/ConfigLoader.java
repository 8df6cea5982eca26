package dev.newsbot.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@link NewsbotConfig} from a YAML file, then lets environment variables override single keys.
 *
 * <p>Every key has one variable: {@code NEWSBOT_}, then the key's parts joined by {@code _}, camelCase words split
 * by {@code _}, upper case ({@code retrieval.passages} is {@code NEWSBOT_RETRIEVAL_PASSAGES},
 * {@code admin.userIds} is {@code NEWSBOT_ADMIN_USER_IDS}). A variable's value is taken as written for text keys,
 * and as YAML otherwise, so lists and maps are written inline: {@code NEWSBOT_ADMIN_USER_IDS="[111, 222]"}.
 * An empty variable is ignored. {@code NEWSBOT_LLM_BASE_URL}, {@code NEWSBOT_LLM_MODEL} and {@code TELEGRAM_API_URL}
 * are accepted as short names of {@code NEWSBOT_ANSWER_LLM_BASE_URL}, {@code NEWSBOT_ANSWER_LLM_MODEL} and
 * {@code NEWSBOT_TELEGRAM_API_URL}. This class and {@link Secrets} are the only readers of the environment.
 *
 * <p>An unknown key, a value of the wrong type or out of range, or a secret written in the file stops the start
 * with a {@link ConfigException} naming where the value came from (the file, or the variable), the key and the
 * problem.
 */
public final class ConfigLoader {

    private static final Logger log = LoggerFactory.getLogger(ConfigLoader.class);

    /** Variables that start with NEWSBOT_ but are not configuration keys. */
    private static final Set<String> NOT_KEYS = Set.of("NEWSBOT_CONFIG", "NEWSBOT_HOME", "NEWSBOT_LOG_LEVEL",
            "NEWSBOT_ADMIN_TOKEN", "NEWSBOT_LLM_API_KEY", "NEWSBOT_OPENSEARCH_USERNAME", "NEWSBOT_OPENSEARCH_PASSWORD");

    /** Short names accepted for some variables; the full name wins when both are set. */
    private static final Map<String, String> ALIASES = Map.of("NEWSBOT_LLM_BASE_URL", "NEWSBOT_ANSWER_LLM_BASE_URL",
            "NEWSBOT_LLM_MODEL", "NEWSBOT_ANSWER_LLM_MODEL", "TELEGRAM_API_URL", "NEWSBOT_TELEGRAM_API_URL");

    /** Keys that must never be in the file, with the variable that holds the secret instead. */
    private static final Map<String, String> SECRETS = Map.of("admin.token", "NEWSBOT_ADMIN_TOKEN",
            "telegram.token", "TELEGRAM_BOT_TOKEN", "telegram.botToken", "TELEGRAM_BOT_TOKEN",
            "telegram.webhook.secret", "TELEGRAM_WEBHOOK_SECRET", "answer.llm.apiKey", "NEWSBOT_LLM_API_KEY",
            "search.opensearch.password", "NEWSBOT_OPENSEARCH_PASSWORD");

    private final ObjectMapper yaml = new ObjectMapper(YAMLFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    private final Map<String, String> env;

    /** Overrides from the process environment. */
    public ConfigLoader() {
        this(System.getenv());
    }

    /** @param env the environment variables to apply over the file */
    public ConfigLoader(Map<String, String> env) {
        this.env = Map.copyOf(Objects.requireNonNull(env, "env"));
    }

    /** {@code NEWSBOT_HOME}: the application's folder, when the environment names one. */
    public Optional<Path> home() {
        String home = env.get("NEWSBOT_HOME");
        return home == null || home.isBlank() ? Optional.empty() : Optional.of(Path.of(home.strip()));
    }

    /** The file named by {@code --config}, else {@code NEWSBOT_CONFIG}, else the defaults; then the environment. */
    public NewsbotConfig load(Path explicit) {
        Path file = explicit;
        String named = env.get("NEWSBOT_CONFIG");
        if (file == null && named != null && !named.isBlank()) {
            file = Path.of(named);
        }
        return file == null ? bind(yaml.createObjectNode(), "defaults") : read(file);
    }

    /** The file, then the environment. */
    public NewsbotConfig read(Path file) {
        return bind(readTree(file), file.toString());
    }

    private ObjectNode readTree(Path file) {
        try {
            if (Files.size(file) == 0) {
                return yaml.createObjectNode();
            }
            JsonNode tree = yaml.readTree(file.toFile());
            if (tree == null || tree.isMissingNode() || tree.isNull()) {
                return yaml.createObjectNode();
            }
            if (!tree.isObject()) {
                throw new ConfigException(file + ": the configuration must be a YAML mapping of keys");
            }
            return (ObjectNode) tree;
        } catch (NoSuchFileException e) {
            throw new ConfigException(file + ": no such file");
        } catch (JsonProcessingException e) {
            throw new ConfigException(file + ": " + parseProblem(e));
        } catch (IOException e) {
            throw new ConfigException(file + ": " + e.getMessage());
        }
    }

    /** A YAML syntax problem on one line: the key being read when it was found, the problem, the line. */
    private static String parseProblem(JsonProcessingException e) {
        String key = e.getProcessor() instanceof JsonParser parser ? pathOf(parser.getParsingContext()) : "";
        String line = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
        if (e.getOriginalMessage().startsWith("Duplicate field") && !key.isEmpty()) {
            return key + " is written twice" + line + "; write each key once";
        }
        return (key.isEmpty() ? "" : key + ": ") + e.getOriginalMessage().split("\n")[0].strip() + line;
    }

    private static String pathOf(JsonStreamContext context) {
        StringBuilder path = new StringBuilder();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            String part = c.inArray() ? "[" + c.getCurrentIndex() + "]"
                    : c.getCurrentName() == null ? "" : "." + c.getCurrentName();
            path.insert(0, part);
        }
        return path.length() > 0 && path.charAt(0) == '.' ? path.substring(1) : path.toString();
    }

    private NewsbotConfig bind(ObjectNode tree, String source) {
        rejectSecrets(tree, source);
        Map<String, String> fromEnv = applyEnvironment(tree);
        ConfigValues.check(tree, key -> envSource(key, fromEnv, source));
        try {
            return yaml.treeToValue(tree, NewsbotConfig.class);
        } catch (JsonMappingException e) {
            String problem = problemOf(e);
            String key = keyNamedIn(problem, keyOf(e));
            String where = envSource(key, fromEnv, source);
            throw new ConfigException(where + ": " + (problem.startsWith(key) ? problem : key + ": " + problem));
        } catch (JsonProcessingException e) {
            throw new ConfigException(source + ": " + e.getOriginalMessage());
        }
    }

    private void rejectSecrets(ObjectNode tree, String source) {
        SECRETS.forEach((key, variable) -> {
            if (!tree.at("/" + key.replace('.', '/')).isMissingNode()) {
                throw new ConfigException(source + ": " + key + ": secrets are never read from the file; set "
                        + variable + " in the environment instead");
            }
        });
    }

    /** Sets every key named by a variable into {@code tree}; returns the keys set, with their variables. */
    private Map<String, String> applyEnvironment(ObjectNode tree) {
        Map<String, String> applied = new LinkedHashMap<>();
        for (Map.Entry<String, String> variable : new TreeMap<>(env).entrySet()) {
            String name = variable.getKey();
            boolean named = name.startsWith("NEWSBOT_") || ALIASES.containsKey(name);
            if (!named || variable.getValue().isBlank() || NOT_KEYS.contains(name)) {
                continue;
            }
            String full = ALIASES.getOrDefault(name, name);
            if (!full.equals(name) && env.containsKey(full) && !env.get(full).isBlank()) {
                continue;
            }
            ConfigKeys.Key key = ConfigKeys.byEnvName().get(full);
            if (key == null) {
                log.warn("Environment variable {} names no configuration key; ignored", name);
                continue;
            }
            parent(tree, key.parts()).set(key.parts().get(key.parts().size() - 1),
                    value(key, name, variable.getValue()));
            applied.put(key.path(), name);
        }
        return applied;
    }

    private static ObjectNode parent(ObjectNode tree, List<String> parts) {
        ObjectNode node = tree;
        for (String part : parts.subList(0, parts.size() - 1)) {
            JsonNode child = node.get(part);
            node = child instanceof ObjectNode object ? object : node.putObject(part);
        }
        return node;
    }

    private JsonNode value(ConfigKeys.Key key, String variable, String text) {
        if (key.type() == String.class) {
            return TextNode.valueOf(text.strip());
        }
        try {
            return yaml.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ConfigException("environment variable " + variable + ": " + key.path() + ": cannot read \""
                    + text + "\" as YAML: " + parseProblem(e));
        }
    }

    private String envSource(String key, Map<String, String> fromEnv, String source) {
        return fromEnv.entrySet().stream()
                .filter(e -> e.getKey().equals(key) || key.startsWith(e.getKey() + ".")
                        || key.startsWith(e.getKey() + "[") || e.getKey().startsWith(key + "."))
                .map(e -> "environment variable " + e.getValue() + "=" + env.get(e.getValue()))
                .findFirst().orElse(source);
    }

    /** The most precise key: one named at the start of a validation message, else the binding path. */
    private static String keyNamedIn(String problem, String path) {
        String first = problem.split("[\\s:]", 2)[0];
        boolean isKey = ConfigKeys.sections().contains(first) || ConfigKeys.byPath().keySet().stream()
                .anyMatch(k -> first.equals(k) || first.startsWith(k + ".") || first.startsWith(k + "["));
        return isKey && (path.isEmpty() || first.startsWith(path)) ? first : path;
    }

    private static String keyOf(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String problemOf(JsonMappingException e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        if (root instanceof IllegalArgumentException) {
            return root.getMessage();
        }
        return e.getOriginalMessage().split("\n")[0];
    }

    /** A configuration that cannot be used; its message names the file or variable, the key and the problem. */
    public static final class ConfigException extends RuntimeException {
        /** @param message one line; line breaks in it (from a library's message) become spaces */
        public ConfigException(String message) {
            super(message.strip().replaceAll("\\s*\\R\\s*", " "));
        }
    }
}
