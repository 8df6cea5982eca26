package dev.newsbot.index;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The article sets being served, by name. Replacing a set is one atomic swap: a question sees either the old
 * store or the new one, never a mix. Thread-safe.
 */
public final class SetRegistry {

    private final Map<String, PassageStore> stores = new ConcurrentHashMap<>();
    private final String defaultSet;

    public SetRegistry(String defaultSet) {
        this.defaultSet = Objects.requireNonNull(defaultSet, "defaultSet");
    }

    public String defaultSet() {
        return defaultSet;
    }

    /** Serves {@code store} under its set's name, replacing any earlier version at once. */
    public void put(PassageStore store) {
        stores.put(store.articleSet().name(), store);
    }

    public void remove(String name) {
        stores.remove(name);
    }

    /** The store serving {@code name}. */
    public PassageStore get(String name) {
        PassageStore store = stores.get(name);
        if (store == null) {
            throw new UnknownSetException(name, stores.keySet());
        }
        return store;
    }

    public boolean has(String name) {
        return stores.containsKey(name);
    }

    /** Every served store, in name order. */
    public List<PassageStore> all() {
        return List.copyOf(new TreeMap<>(stores).values());
    }

    /** Thrown when a question names a set that is not loaded. */
    public static final class UnknownSetException extends IllegalArgumentException {
        UnknownSetException(String name, java.util.Collection<String> known) {
            super("no article set named \"" + name + "\"; loaded: " + new java.util.TreeSet<>(known));
        }
    }
}
