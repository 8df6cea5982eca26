package dev.newsbot.ops.sets;

import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/** A request named an article set that is not configured; the message lists the sets there are. */
public final class NoSuchSetException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;
    private final String name;
    private final List<String> known;

    public NoSuchSetException(String name, Collection<String> known) {
        super("no article set named \"" + name + "\"; sets: " + String.join(", ", new TreeSet<>(known)));
        this.name = name;
        this.known = List.copyOf(new TreeSet<>(known));
    }

    /** The name asked for. */
    public String name() {
        return name;
    }

    /** The sets there are, in name order. */
    public List<String> known() {
        return known;
    }
}
