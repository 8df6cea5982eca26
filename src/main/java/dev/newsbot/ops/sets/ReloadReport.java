package dev.newsbot.ops.sets;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The outcome of loading or reloading one article set, as reported to whoever asked (HTTP, command line,
 * Telegram). When {@code ok} is false the set still serves {@code previousVersion} (or nothing, when it never
 * loaded) and {@code errors} lists every problem, each as {@code file:line: field: message}.
 *
 * @param ok              true when the new version is being served
 * @param set             the set's name
 * @param version         the version served after the reload (the previous one when it failed; null if none)
 * @param previousVersion the version served before, or null
 * @param added           articles added
 * @param removed         articles removed
 * @param changed         articles whose content changed
 * @param passages        passages in the version served
 * @param embedded        passages embedded by this reload (the rest were reused)
 * @param seconds         time from the request until the new version was served (or the failure found)
 * @param errors          every problem found; empty when ok
 * @param finishedAt      when the reload finished
 */
public record ReloadReport(boolean ok, String set, String version, String previousVersion, int added, int removed,
                           int changed, int passages, int embedded, double seconds, List<String> errors,
                           Instant finishedAt) {

    public ReloadReport {
        Objects.requireNonNull(set, "ReloadReport.set must not be null");
        errors = List.copyOf(Objects.requireNonNull(errors, "ReloadReport.errors must not be null"));
        Objects.requireNonNull(finishedAt, "ReloadReport.finishedAt must not be null");
        if (ok != errors.isEmpty()) {
            throw new IllegalArgumentException("ReloadReport.errors must be empty exactly when ok");
        }
    }

    static ReloadReport failed(String set, String servedVersion, int passages, List<String> errors, double seconds,
                               Instant at) {
        return new ReloadReport(false, set, servedVersion, servedVersion, 0, 0, 0, passages, 0, seconds, errors, at);
    }

    /** The fields of the admin endpoint's JSON answer, in order, with snake_case names. */
    public Map<String, Object> toJsonFields() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("ok", ok);
        json.put("set", set);
        json.put("version", version);
        json.put("previous_version", previousVersion);
        json.put("added", added);
        json.put("removed", removed);
        json.put("changed", changed);
        json.put("passages", passages);
        json.put("embedded", embedded);
        json.put("seconds", Math.round(seconds * 1000) / 1000.0);
        json.put("errors", errors);
        json.put("finished_at", finishedAt.toString());
        return json;
    }

    /** One or more lines for a person: what changed and how long it took, or every error. */
    public String summary() {
        if (!ok) {
            String serving = version == null ? "nothing is served from it" : "still serving version " + version;
            return "Reload of \"" + set + "\" failed; " + serving + ". " + errors.size()
                    + (errors.size() == 1 ? " error:" : " errors:") + "\n" + String.join("\n", errors);
        }
        String change = Objects.equals(version, previousVersion) ? "unchanged at version " + version
                : (previousVersion == null ? "loaded version " : "version " + previousVersion + " -> ") + version;
        return String.format(java.util.Locale.ROOT,
                "Reloaded \"%s\": %s; %d added, %d removed, %d changed; %d passages (%d embedded) in %.2f s",
                set, change, added, removed, changed, passages, embedded, seconds);
    }
}
