package dev.newsbot.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Every configuration key, found by walking the {@link NewsbotConfig} records, with the environment variable that
 * overrides it: {@code NEWSBOT_}, then the key's parts joined by {@code _}, each part's camelCase words split by
 * {@code _}, all upper case. {@code retrieval.maxPassageTokens} is {@code NEWSBOT_RETRIEVAL_MAX_PASSAGE_TOKENS}.
 * A map or list is one key, replaced whole.
 */
final class ConfigKeys {

    /** One leaf key: its dotted path, its parts, the Java type it binds to and the kind of value it takes. */
    record Key(String path, List<String> parts, Class<?> type, ConfigValues.Kind kind) {

        /** The last part: the key's name within its section. */
        String leaf() {
            return parts.get(parts.size() - 1);
        }

        String envName() {
            StringBuilder name = new StringBuilder("NEWSBOT");
            for (String part : parts) {
                name.append('_').append(part.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT));
            }
            return name.toString();
        }
    }

    private static final List<Key> KEYS = keys();
    private static final Map<String, Key> BY_ENV = index();
    private static final Map<String, Key> BY_PATH = KEYS.stream()
            .collect(Collectors.toUnmodifiableMap(Key::path, k -> k));
    private static final Set<String> SECTIONS = sectionsOf();

    private ConfigKeys() {
    }

    /** Keys by their environment variable name. */
    static Map<String, Key> byEnvName() {
        return BY_ENV;
    }

    /** Keys by their dotted path, such as {@code retrieval.passages}. */
    static Map<String, Key> byPath() {
        return BY_PATH;
    }

    /** The dotted paths of the sections (the records that hold keys), such as {@code telegram.rateLimits}. */
    static Set<String> sections() {
        return SECTIONS;
    }

    private static Set<String> sectionsOf() {
        Set<String> sections = new TreeSet<>();
        for (Key key : KEYS) {
            for (int i = 1; i < key.parts().size(); i++) {
                sections.add(String.join(".", key.parts().subList(0, i)));
            }
        }
        return Collections.unmodifiableSet(sections);
    }

    private static List<Key> keys() {
        List<Key> keys = new ArrayList<>();
        walk(NewsbotConfig.class, List.of(), keys);
        return List.copyOf(keys);
    }

    private static Map<String, Key> index() {
        List<Key> keys = KEYS;
        Map<String, Key> byEnv = new LinkedHashMap<>();
        for (Key key : keys) {
            Key clash = byEnv.put(key.envName(), key);
            if (clash != null) {
                throw new IllegalStateException(key.path() + " and " + clash.path() + " share " + key.envName());
            }
        }
        return Collections.unmodifiableMap(byEnv);
    }

    private static void walk(Class<?> record, List<String> prefix, List<Key> keys) {
        for (RecordComponent component : record.getRecordComponents()) {
            List<String> parts = new ArrayList<>(prefix);
            parts.add(jsonName(record, component));
            if (component.getType().isRecord()) {
                walk(component.getType(), parts, keys);
            } else {
                String path = String.join(".", parts);
                keys.add(new Key(path, List.copyOf(parts), component.getType(),
                        ConfigValues.Kind.of(component.getGenericType(), path)));
            }
        }
    }

    private static String jsonName(Class<?> record, RecordComponent component) {
        try {
            JsonProperty property = record.getDeclaredField(component.getName()).getAnnotation(JsonProperty.class);
            return property == null || property.value().isEmpty() ? component.getName() : property.value();
        } catch (NoSuchFieldException e) {
            return component.getName();
        }
    }
}
