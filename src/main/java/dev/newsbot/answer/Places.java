package dev.newsbot.answer;

import dev.newsbot.index.WordList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A gazetteer of the places news questions ask for by kind: countries, US states and continents, each with the
 * other forms reports use for it ("Chinese", "Saudi Arabian", "UK"). It finds them in text, so a sentence about
 * "Saudi Arabian government officials" answers "which country" with Saudi Arabia.
 */
final class Places {

    /** The kinds of place a question can ask for. */
    enum Kind { COUNTRY, STATE, CONTINENT }

    /** One place as named in a text. */
    record Place(Kind kind, String name) {
    }

    private static final Pattern ASKED = Pattern.compile(
            "\\b(?:which|what)\\s+(?:\\w+\\s+)?(country|nation|state|continent)\\b", Pattern.CASE_INSENSITIVE);
    private static final Places BUNDLED = parse(WordList.lines(Places.class, "places.txt"));

    private final Pattern pattern;
    /** Each written form with the places it can mean, in file order. */
    private final Map<String, List<Place>> byForm = new HashMap<>();
    /** Each place with its written forms, its name first. */
    private final Map<Place, List<String>> formsOf = new LinkedHashMap<>();

    private record Form(String text, Place place) {
    }

    private Places(List<Form> forms) {
        forms.forEach(f -> byForm.computeIfAbsent(f.text(), t -> new ArrayList<>()).add(f.place()));
        forms.forEach(f -> formsOf.computeIfAbsent(f.place(), p -> new ArrayList<>()).add(f.text()));
        List<String> alternatives = forms.stream().map(Form::text).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed()).map(Pattern::quote).toList();
        this.pattern = Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + String.join("|", alternatives) + ")(?![\\p{L}\\p{N}])");
    }

    static Places bundled() {
        return BUNDLED;
    }

    /** Parses lines of the form {@code kind: Name | other form | ...}; '#' starts a comment. */
    static Places parse(List<String> lines) {
        List<Form> forms = new ArrayList<>();
        for (WordList.KindLine line : WordList.kindLines("places", lines)) {
            Kind kind = Kind.valueOf(line.kind().toUpperCase(Locale.ROOT));
            String[] names = line.entries().split("\\|");
            Place place = new Place(kind, names[0].strip());
            for (String name : names) {
                forms.add(new Form(name.strip(), place));
            }
        }
        return new Places(forms);
    }

    /** The written forms of each place, its name first ("Kenya", "Kenyan"). */
    Collection<List<String>> formGroups() {
        return Collections.unmodifiableCollection(formsOf.values());
    }

    /** The kind of place a question asks for ("which country", "what US state"), if it asks for one by kind. */
    static Optional<Kind> askedKind(String question) {
        Matcher m = ASKED.matcher(question);
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(switch (m.group(1).toLowerCase(Locale.ROOT)) {
            case "state" -> Kind.STATE;
            case "continent" -> Kind.CONTINENT;
            default -> Kind.COUNTRY;
        });
    }

    /** The places named in {@code text}, in order, every kind a name can mean (Georgia is a country and a state). */
    List<Place> find(String text) {
        List<Place> found = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            for (Place place : byForm.getOrDefault(m.group(), List.of())) {
                if (!found.contains(place)) {
                    found.add(place);
                }
            }
        }
        return found;
    }
}
