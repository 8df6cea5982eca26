package dev.newsbot.sources;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * {@code robots.txt} of the hosts whose pages are fetched, read once a day per host: the group of our
 * {@code User-Agent}'s product name, else the {@code *} group; the longest matching {@code Allow} or
 * {@code Disallow} wins ({@code *} and a final {@code $} as in RFC 9309). A host without a readable
 * {@code robots.txt} (404, an error) allows everything.
 */
final class Robots {

    private static final Duration KEEP = Duration.ofDays(1);

    private final Fetcher fetcher;
    private final String agent;
    private final Clock clock;
    private final Map<String, Rules> byHost = new ConcurrentHashMap<>();

    Robots(Fetcher fetcher, String userAgent, Clock clock) {
        this.fetcher = fetcher;
        this.agent = userAgent.split("[/\\s]")[0].toLowerCase(Locale.ROOT);
        this.clock = clock;
    }

    /** True when the host's robots.txt lets us fetch this URL. */
    boolean allows(URI url) {
        String key = url.getScheme() + "://" + url.getAuthority();
        Rules rules = byHost.get(key);
        if (rules == null || rules.read().plus(KEEP).isBefore(clock.instant())) {
            rules = read(URI.create(key + "/robots.txt"));
            byHost.put(key, rules);
        }
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        return rules.allows(url.getRawQuery() == null ? path : path + "?" + url.getRawQuery());
    }

    private Rules read(URI robots) {
        try {
            Response response = fetcher.get(robots, null, null);
            return parse(response.text(), agent, clock.instant());
        } catch (FetchException e) {
            return new Rules(List.of(), clock.instant());
        }
    }

    /** The rules of the group for {@code agent}, else of {@code *}. */
    static Rules parse(String text, String agent, Instant read) {
        List<Rule> mine = new ArrayList<>();
        List<Rule> any = new ArrayList<>();
        List<String> agents = new ArrayList<>();
        boolean inRules = false;
        boolean sawMine = false;
        for (String raw : text.split("\\R")) {
            String line = raw.replaceFirst("#.*", "").strip();
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            if (key.equals("user-agent")) {
                if (inRules) {
                    agents.clear();
                    inRules = false;
                }
                agents.add(value.toLowerCase(Locale.ROOT));
            } else if (key.equals("allow") || key.equals("disallow")) {
                inRules = true;
                if (value.isEmpty()) {
                    continue;
                }
                Rule rule = new Rule(value, key.equals("allow"));
                if (agents.stream().anyMatch(a -> !a.equals("*") && agent.contains(a))) {
                    mine.add(rule);
                    sawMine = true;
                } else if (agents.contains("*")) {
                    any.add(rule);
                }
            }
        }
        return new Rules(sawMine ? mine : any, read);
    }

    record Rules(List<Rule> rules, Instant read) {
        boolean allows(String path) {
            Rule best = null;
            for (Rule rule : rules) {
                if (rule.matches(path) && (best == null || rule.path().length() > best.path().length()
                        || rule.path().length() == best.path().length() && rule.allow())) {
                    best = rule;
                }
            }
            return best == null || best.allow();
        }
    }

    record Rule(String path, boolean allow) {
        boolean matches(String target) {
            String regex = Pattern.quote(path).replace("*", "\\E.*\\Q");
            if (path.endsWith("$")) {
                regex = Pattern.quote(path.substring(0, path.length() - 1)).replace("*", "\\E.*\\Q") + "$";
                return Pattern.compile(regex).matcher(target).matches();
            }
            return Pattern.compile(regex).matcher(target).lookingAt();
        }
    }
}
