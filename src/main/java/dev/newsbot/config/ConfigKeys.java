package dev.newsbot.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every configuration key, found by walking the {@link NewsbotConfig} records, with the environment variable that
 * overrides it: {@code NEWSBOT_}, then the key's parts joined by {@code _}, each part's camelCase words split by
 * {@code _}, all upper case. {@code retrieval.maxPassageTokens} is {@code NEWSBOT_RETRIEVAL_MAX_PASSAGE_TOKENS}.
 * A map or list is one key, replaced whole.
 */
final class ConfigKeys {

    /** One leaf key: its dotted path, its parts and the Java type it binds to. */
    record Key(String path, List<String> parts, Class<?> type) {

        String envName() {
            StringBuilder name = new StringBuilder("NEWSBOT");
            for (String part : parts) {
                name.append('_').append(part.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT));
            }
            return name.toString();
        }
    }

    private static final Map<String, Key> BY_ENV = index();

    private ConfigKeys() {
    }

    /** Keys by their environment variable name. */
    static Map<String, Key> byEnvName() {
        return BY_ENV;
    }

    private static Map<String, Key> index() {
        List<Key> keys = new ArrayList<>();
        walk(NewsbotConfig.class, List.of(), keys);
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
                keys.add(new Key(String.join(".", parts), List.copyOf(parts), component.getType()));
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
