package dev.newsbot.answer;

import dev.newsbot.index.PassageStore;
import dev.newsbot.index.TextAnalyzer;
import dev.newsbot.index.WordList;
import dev.newsbot.question.MonthNames;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a question asks, prepared once for scoring every candidate sentence: its terms weighted by rarity, the
 * names and numbers it mentions, and the kind of fact it wants.
 */
final class QuestionProfile {

    private static final SentenceWeights W = SentenceWeights.DEFAULT;
    private static final ShortAnswerWeights LEAD = ShortAnswerWeights.DEFAULT;

    private static final Pattern FOCUS_END = Pattern.compile(
            "\\b(in|at|of|on|for|during|after|before|by|from|to|with|since|over|under|about|against|between|into)\\b",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern WORDS = Pattern.compile("[\\s\"“”()]+");
    /** "How much" asks for money or a share unless it asks how much of something countable or of time. */
    private static final Pattern HOW_MUCH = Pattern.compile("\\bhow much\\b(?!\\s+(?:time|longer|more|less|of)\\b)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NOT_A_PERSON = Pattern.compile("^[\\p{Lu}\\d&.-]+$|\\s(?:of|&)\\s");
    private static final Pattern PERCENTAGE = Pattern.compile(
            "\\b(?:what|which)\\s+(?:\\w+\\s+)?(?:percentage|percent)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern AMOUNT_WORD = Pattern.compile("(?i)(dollars?|euros?|pounds?|cents?|percent|per cent)[.,;:]?");

    private static final Pattern LOCATIVE = Pattern.compile("\\b(?:in|at|near)\\s+(?:[Tt]he\\s+)?(\\p{Lu}[^,;:]*)");
    /** "Who is Paul Hirschson?": the one asked about, as written. */
    private static final Pattern WHO_IS = Pattern.compile("who\\s+(?:is|are|was|were)\\s+(.+?)\\s*\\??",
            Pattern.CASE_INSENSITIVE);
    /**
     * "Who was killed", "who were arrested": something that happened to someone, in the passive. Verbs of saying
     * and thinking are left out: "who was accused of hiding losses" is answered by the one said to have done it.
     */
    private static final Pattern PASSIVE_WHO = Pattern.compile(
            "^who\\s+(?:was|were|has been|have been|had been|got)\\s+(?!(?:accused|alleged|said|reported|believed"
                    + "|expected|known|considered|thought|suspected|rumou?red|described|seen|understood)\\b)"
                    + "(\\p{L}+(?:ed|en))\\b", Pattern.CASE_INSENSITIVE);
    /** "said spokesman ...", "according to ..." shortly before a name, or "... said" / "told" right after it. */
    private static final Pattern SAID_BEFORE = Pattern.compile("\\b(?:said|says|told|according to)\\s+(?:the\\s+)?"
            + "(?:(?:\\p{Lu}[\\p{L}.-]*|spokes\\p{L}+|military|police|army|government|foreign|minister|official|chief"
            + "|commander|secretary|senior|deputy|state)\\s+){0,4}$");
    private static final Pattern SAID_AFTER = Pattern.compile("^[,’']*s?\\s*(?:,[^,]*,\\s*)?(?:said|says|told|tweeted|wrote)\\b",
            Pattern.CASE_INSENSITIVE);
    /**
     * Nouns for those who do things, which name the doer right after them ("the terrorist group Al Shabaab"): what
     * a "who" question that asks no noun of its own is answered by, before the name the evidence mentions most.
     */
    private static final String AGENT_NOUNS = "group|organi[sz]ation|movement|militia|network|faction|party|company"
            + "|firm|agency|team|band";
    /** "in", "at", "near" (and "the") right before a name: a place. */
    private static final Pattern PLACE_BEFORE = Pattern.compile("\\b(?:in|at|near|across|outside|inside)\\s+(?:the\\s+)?$");
    /** "Who said ...", "who told ...": the speaker is the answer. */
    private static final Pattern WHO_SAID = Pattern.compile("\\bwho\\s+(?:has\\s+|had\\s+)?(?:said|says|told|tweeted"
            + "|wrote|warned|claimed|called|announced|stated|described|testified)\\b", Pattern.CASE_INSENSITIVE);
    /** Asked nouns for a person ("which singer"), whose answer must be a name a person can have (named-people.txt). */
    private static final Set<String> PEOPLE = WordList.load(QuestionProfile.class, "named-people.txt");
    private static final Pattern WHICH = Pattern.compile("\\b(?:which|what)\\s+(?:[\\p{L}’'-]+\\s+){0,3}?("
            + String.join("|", WordList.load(QuestionProfile.class, "named-things.txt")) + "|"
            + String.join("|", PEOPLE) + ")(?:s|es)?\\b", Pattern.CASE_INSENSITIVE);
    /** A month's name, written out or shortened ("Sept"): never a person's. */
    private static final Pattern MONTH = Pattern.compile(MonthNames.CAPITALISED, Pattern.CASE_INSENSITIVE);
    /** Words that make a name an institution's, an event's, a work's or a place's (not-person-words.txt). */
    private static final Set<String> NOT_PERSON_WORDS = WordList.load(QuestionProfile.class, "not-person-words.txt");
    /** Asked nouns whose answer is never a person's or a place's name (impersonal-things.txt). */
    private static final Set<String> IMPERSONAL = WordList.load(QuestionProfile.class, "impersonal-things.txt");
    /** Words that open a person's name as a title (person-titles.txt). */
    private static final Set<String> PERSON_TITLES = WordList.load(QuestionProfile.class, "person-titles.txt");
    private static final Pattern WH_NOUN = Pattern.compile("^(?:which|what)\\s+(?:\\w+\\s+){0,2}?(\\w+)\\s+"
            + "(?:is|was|were|are|has|had|did|does|do|will|won|got|became|announced|recently|just)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PRONOUN_START = Pattern.compile(
            "^(?:\\W*\\w+\\W+){0,5}?(he|she|it|they|his|her|its|their|this|these)\\b", Pattern.CASE_INSENSITIVE);

    private final TextAnalyzer analyzer;
    private final PassageStore store;
    private final String text;
    /**
     * The noun of a "which ..." question about something known by its name ("group" in "which group carried
     * out", "company", "tournament"), or null when the question asks no such thing.
     */
    private final String askedNoun;
    /** "How many hostages ...": the analysed words right after "how many" or "number of", which the count counts. */
    private static final Pattern COUNTED = Pattern.compile("\\b(?:how many|number of)\\s+((?:[\\p{L}-]+\\s*){1,2})",
            Pattern.CASE_INSENSITIVE);
    private static final String GENERIC_COUNTS = "people persons individuals lives times years days months weeks hours";
    /** The analysed words a "how many" question counts ("hostag"), empty for other questions. */
    final Set<String> counted;
    /** Counted words that any count of people or time answers. */
    private final Set<String> genericCounts;
    /** Whether the question asks "how much" of money or a share, so an amount answers it better than a count. */
    private final boolean asksAmount;
    final AnswerType type;
    /** The noun a "which/what ... " question asks to name ("show" in "which popular show was ..."), or null. */
    final String whNoun;
    final Set<String> focus;
    /** Whether the question asks who a named one is ("Who is Paul Hirschson?", "Who are Al Shabaab?"). */
    private final boolean asksWhoNamedIs;
    /** Whether the question asks who said or announced something, so that a quoted speaker can answer it. */
    private final boolean asksWhoSaid;
    /** The analysed verb of a passive "who" question ("kill" for "Who was killed?"), else null. */
    private final String passiveVerb;
    /** The question's words, lower-cased. */
    final Set<String> words;
    final Map<String, Double> weights = new LinkedHashMap<>();
    private final Map<String, Set<String>> related = new LinkedHashMap<>();
    final Set<String> numbers;
    final Set<String> names;
    /** The analysed terms of the question's names. */
    final Set<String> nameTerms;
    /** {@link #unknownNames()}, worked out on first use: the answerer and the evidence both ask. */
    private List<String> unknownNames;
    final double totalWeight;
    /**
     * The share of the question's term weight held by words of names that no passage of the set holds ("France"
     * in "Who is the president of France?" asked of articles on an attack in Nairobi), from 0 to 1.
     */
    final double unknownNameShare;
    /** For a "what colour/shape/size/material" question, the kind asked for as the question spells it. */
    private final Optional<String> attribute;
    /** For a "which country/state/continent" question, the kind asked for; empty otherwise. */
    final Optional<Places.Kind> placeKind;
    private final List<Places.Place> questionPlaces;

    QuestionProfile(Question question, TextAnalyzer analyzer, NewsLexicon lexicon, PassageStore store) {
        this.analyzer = analyzer;
        this.store = store;
        String asking = AnswerType.askingPart(question.text());
        this.type = AnswerType.ofAsking(asking);
        this.numbers = Facts.numbers(question.text());
        this.words = Set.copyOf(wordsOf(question.text()));
        Matcher wh = WH_NOUN.matcher(asking);
        this.whNoun = wh.find() ? wh.group(1).toLowerCase(Locale.ROOT) : null;
        this.names = Facts.names(question.text());
        this.text = question.text();
        this.asksAmount = HOW_MUCH.matcher(asking).find();
        Matcher counts = COUNTED.matcher(asking);
        this.counted = counts.find() ? Set.copyOf(analyzer.terms(counts.group(1))) : Set.of();
        this.genericCounts = Set.copyOf(analyzer.terms(GENERIC_COUNTS));
        Matcher which = WHICH.matcher(asking);
        this.askedNoun = which.find() ? which.group(1).toLowerCase(Locale.ROOT) : null;
        Matcher identity = WHO_IS.matcher(asking.strip());
        this.asksWhoNamedIs = identity.matches() && names.contains(identity.group(1).toLowerCase(Locale.ROOT)
                .replaceFirst("^the ", ""));
        this.asksWhoSaid = WHO_SAID.matcher(asking).find();
        Matcher passive = PASSIVE_WHO.matcher(asking.strip());
        this.passiveVerb = passive.find() ? analyzer.terms(passive.group(1)).stream().findFirst().orElse(null) : null;
        this.placeKind = type == AnswerType.PLACE ? Places.askedKind(question.text()) : Optional.empty();
        this.questionPlaces = type == AnswerType.PLACE ? Places.bundled().find(question.text()) : List.of();
        this.nameTerms = Set.copyOf(analyzer.terms(String.join(" ", names)));
        this.attribute = type == AnswerType.ATTRIBUTE ? Attributes.asked(asking) : Optional.empty();
        this.focus = attribute.map(kind -> Set.copyOf(analyzer.terms(kind)))
                .orElseGet(() -> focusTerms(asking, analyzer, nameTerms));
        addTerms(analyzer, store, question.text(), 1.0, nameTerms);
        if (question.followUpOf() != null) {
            addTerms(analyzer, store, question.followUpOf(), W.followUp(), nameTerms);
        }
        this.totalWeight = weights.values().stream().mapToDouble(Double::doubleValue).sum();
        this.unknownNameShare = unknownNameShare(nameTerms);
        weights.keySet().forEach(term -> related.put(term, lexicon.related(term)));
        focus.forEach(term -> related.putIfAbsent(term, lexicon.related(term)));
        attribute.ifPresent(kind -> focus.forEach(term -> related.put(term, attributeTerms(kind, related.get(term)))));
    }

    /** "orange" for "colour": a word of the asked kind counts as a related word of the kind itself. */
    private Set<String> attributeTerms(String kind, Set<String> related) {
        Set<String> terms = new HashSet<>(related);
        Attributes.words(kind).forEach(word -> terms.addAll(analyzer.terms(word)));
        return terms;
    }

    /** The terms before the first preposition, names left out: what the question asks about its topic. */
    private static Set<String> focusTerms(String question, TextAnalyzer analyzer, Set<String> nameTerms) {
        Matcher end = FOCUS_END.matcher(question);
        String head = end.find() ? question.substring(0, end.start()) : question;
        Set<String> terms = new LinkedHashSet<>(analyzer.terms(head));
        terms.removeAll(nameTerms);
        return terms;
    }

    private void addTerms(TextAnalyzer analyzer, PassageStore store, String text, double scale, Set<String> nameTerms) {
        for (String term : analyzer.terms(text)) {
            double idf = store.idf(term);
            double weight = (idf == 0 ? store.maxIdf() : idf) * scale * (nameTerms.contains(term) ? W.nameTerm() : 1)
                    * (focus.contains(term) ? W.focusTerm() : 1);
            weights.merge(term, weight, Math::max);
        }
    }

    /**
     * Outlet names are left out: an article names its outlet in its metadata, which the keyword index holds
     * apart from the passage text. They are analysed only when some name is unknown, which few questions have.
     */
    private double unknownNameShare(Set<String> nameTerms) {
        return unknownShare(nameTerms);
    }

    /** The share of the question's term weight held by terms that no passage of the set holds, outlets aside. */
    double unknownTermShare() {
        return unknownShare(weights.keySet());
    }

    private double unknownShare(Set<String> terms) {
        List<String> unknown = terms.stream().filter(term -> store.idf(term) == 0).toList();
        if (totalWeight == 0 || unknown.isEmpty()) {
            return 0;
        }
        Set<String> outletTerms = outletTerms();
        return unknown.stream().filter(term -> !outletTerms.contains(term))
                .mapToDouble(term -> weights.getOrDefault(term, 0.0)).sum() / totalWeight;
    }

    private Set<String> outletTerms() {
        Set<String> outletTerms = new HashSet<>();
        store.outlets().forEach(outlet -> outletTerms.addAll(analyzer.terms(outlet)));
        return outletTerms;
    }

    /**
     * The question's names of which no article holds a word ("Garissa" asked of articles on Westgate), as written,
     * outlets aside: what a refusal can name as missing.
     */
    List<String> unknownNames() {
        if (unknownNames == null) {
            Set<String> outletTerms = outletTerms();
            unknownNames = namesAsWritten().stream().filter(name -> {
                List<String> terms = analyzer.terms(name);
                return !terms.isEmpty() && terms.stream().allMatch(t -> store.idf(t) == 0 && !outletTerms.contains(t));
            }).toList();
        }
        return unknownNames;
    }

    /** The question as asked. */
    String text() {
        return text;
    }

    /** The question's names as written, each once, in order. */
    List<String> namesAsWritten() {
        return Facts.namesInOrder(text).stream().distinct().toList();
    }

    /** The share of the question's weighted terms found in {@code terms}, from 0 to 1. */
    double coverage(Set<String> terms) {
        return coverage(terms, Set.of());
    }

    /** {@link #coverage(Set, Set, Set)} of a sentence without an antecedent. */
    double coverage(Set<String> sentence, Set<String> context) {
        return coverage(sentence, Set.of(), context);
    }

    /**
     * The share of the question's weighted terms that a sentence answers, from 0 to 1. Focus terms (what is
     * asked) count only in the sentence itself; topic terms (what it is asked about, often names) count fully in
     * the sentence and in its {@code antecedent} (the sentence before one whose subject is a pronoun: "It cost 4.2
     * million euros" is about what that one names), and {@link SentenceWeights#contextCredit} in the sentence's passage and
     * title, since news sentences rarely repeat their topic.
     */
    double coverage(Set<String> sentence, Set<String> antecedent, Set<String> context) {
        if (totalWeight == 0) {
            return 0;
        }
        double found = 0;
        for (Map.Entry<String, Double> e : weights.entrySet()) {
            double credit = credit(e.getKey(), sentence);
            if (!focus.contains(e.getKey())) {
                credit = Math.max(credit, Math.max(credit(e.getKey(), antecedent),
                        W.contextCredit() * credit(e.getKey(), context)));
            }
            found += credit * e.getValue();
        }
        return found / totalWeight;
    }

    /**
     * Whether a "how many" question counts something other than people or time ("how many attackers", not "how
     * many people" or "how many years"): any count of people answers the latter ("59 dead").
     */
    boolean countsSomethingSpecific() {
        return !counted.isEmpty() && counted.stream().noneMatch(genericCounts::contains);
    }

    /** Whether {@code text} names what a "how many" question counts. */
    boolean namesCounted(String text) {
        return !counted.isEmpty() && analyzer.terms(text).stream().anyMatch(counted::contains);
    }

    private double credit(String term, Set<String> terms) {
        if (terms.contains(term)) {
            return 1;
        }
        return related.get(term).stream().anyMatch(terms::contains) ? W.relatedCredit() : 0;
    }

    /**
     * Whether {@code sentence} holds the kind of fact asked for, beyond what the question itself says: from 0
     * (no) to 1. For a number, full marks need the number next to a focus word ("12 people were killed").
     */
    double typeMatch(String sentence) {
        if (type == AnswerType.OTHER && !typeMatches(sentence)) {
            return namesSomethingRare(sentence) ? W.rareTermMatch() : 0;
        }
        if (type == AnswerType.PLACE) {
            return !places(sentence).isEmpty() ? 1 : typeMatches(sentence) ? W.nameOnlyPlace() : 0;
        }
        if (type != AnswerType.NUMBER) {
            return typeMatches(sentence) ? 1 : 0;
        }
        String[] words = WORDS.split(sentence);
        double best = 0;
        for (int i = 0; i < words.length; i++) {
            if (Facts.isCount(words[i]) && !numbers.contains(Facts.normaliseNumber(words[i]))) {
                boolean kind = !asksAmount || Facts.isAmount(words[i]) || isAmountWord(words, i);
                best = Math.max(best, nearFocus(words, i) && kind ? 1 : 0.5);
            }
        }
        return best;
    }

    /** "20 dollars", "5 percent": a count followed by a word of money or share. */
    private static boolean isAmountWord(String[] words, int index) {
        return index + 1 < words.length && AMOUNT_WORD.matcher(words[index + 1]).matches();
    }

    private boolean nearFocus(String[] words, int index) {
        for (int i = Math.max(0, index - 4); i < Math.min(words.length, index + 5); i++) {
            for (String w : analyzer.terms(words[i])) {
                if (focus.contains(w) || focus.stream().anyMatch(f -> related.getOrDefault(f, Set.of()).contains(w))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether a sentence refers back to what the question asks for instead of naming it: an early pronoun, or
     * the asked noun with a definite article ("the wildly popular South Korean show"). The name is then usually
     * in the sentence before.
     */
    boolean refersBack(String sentence) {
        if (type == AnswerType.NUMBER || type == AnswerType.DATE || type == AnswerType.YES_NO) {
            return false;
        }
        if (whNoun != null && Pattern.compile("\\b(the|this|that)\\s+(?:[\\w-]+\\s+){0,4}" + Pattern.quote(whNoun)
                + "\\b", Pattern.CASE_INSENSITIVE).matcher(sentence).find()) {
            return true;
        }
        return PRONOUN_START.matcher(sentence).find();
    }

    /**
     * For a plain "where" question, the name that follows "in", "at" or "near" right after words the
     * question asks about ("Nairobi" in "the luxurious Westgate mall in Nairobi" for "Where is the Westgate mall?"):
     * the place the report puts the thing in, more telling than a country named elsewhere in the sentence.
     */
    Optional<String> placeAfterTopic(String sentence) {
        if (type != AnswerType.PLACE || placeKind.isPresent()) {
            return Optional.empty();
        }
        Matcher m = LOCATIVE.matcher(sentence);
        while (m.find()) {
            String before = sentence.substring(0, m.start());
            List<String> near = List.of(before.strip().split("\\s+"));
            String window = String.join(" ", near.subList(Math.max(0, near.size() - LEAD.topicWindow()), near.size()));
            Optional<String> name = Facts.namesInOrder(m.group(1)).stream().findFirst()
                    .filter(n -> m.group(1).startsWith(n) && !words.containsAll(wordsOf(n)));
            if (name.isPresent() && analyzer.terms(window).stream().anyMatch(weights::containsKey)) {
                return name;
            }
        }
        return Optional.empty();
    }

    /**
     * The places in {@code sentence} that answer a place question: of the asked kind ("which state"), or of any
     * kind for "where", leaving out the places the question itself names.
     */
    List<Places.Place> places(String sentence) {
        if (type != AnswerType.PLACE) {
            return List.of();
        }
        return Places.bundled().find(sentence).stream()
                .filter(p -> placeKind.map(k -> k == p.kind()).orElse(true) && !questionPlaces.contains(p)).toList();
    }

    /**
     * Whether {@code sentence} has a rare word the question lacks: what a "which virus" question asks for is often
     * a lower-case term ("monkeypox") that the name test misses.
     */
    private boolean namesSomethingRare(String sentence) {
        double rare = W.rareShare() * store.maxIdf();
        return analyzer.terms(sentence).stream()
                .anyMatch(t -> !weights.containsKey(t) && store.idf(t) >= rare);
    }

    /**
     * The names in {@code sentence} that can answer a "who" or "which ..." question: those the question does not
     * already name, in order; for "who", not an acronym or a name built with "of" ("FTX", "CEO of FTX"), and for a
     * passive "who" only a name the asked verb {@link #undergoes happened to}. Empty for other questions, and for
     * "Who is &lt;name&gt;?", whose answer is what the articles say of them, not another name.
     */
    List<String> newNames(String sentence) {
        if (type != AnswerType.PERSON && askedNoun == null || asksWhoNamedIs) {
            return List.of();
        }
        Set<String> named = names.stream().flatMap(n -> wordsOf(n).stream()).collect(Collectors.toSet());
        return Facts.namesInOrder(sentence).stream()
                .filter(n -> wordsOf(n).stream().noneMatch(named::contains) && !words.containsAll(wordsOf(n)))
                .filter(n -> type != AnswerType.PERSON || canBeAPerson(n) && !isPlaceIn(sentence, n))
                .filter(n -> askedNoun == null || !PEOPLE.contains(askedNoun) || canBeAPerson(n))
                .filter(n -> askedNoun == null || !IMPERSONAL.contains(askedNoun) || !isPersonOrPlace(n))
                .filter(n -> undergoes(sentence, n))
                .filter(n -> asksWhoSaid || !isSpeaker(sentence, n))
                .toList();
    }

    /**
     * Whether {@code name} can be a person's: not an acronym, a name built with "of", a known place ("Europe",
     * "United States", "Kenyan") or a month ("Sept"), nor a name that holds a word of an institution, an event or a
     * work ("World Grand Prix", "Tonight Show Starring Jimmy Fallon"). For "who", a name standing where a place
     * does ("in Portland") is ruled out too; a question that names the kind of person ("which singer") is read
     * by the name alone, as "interest in Swift" does not make Swift a place.
     */
    static boolean canBeAPerson(String name) {
        return !NOT_A_PERSON.matcher(name).find() && !isPlaceWord(name) && !isWhollyAPlace(name)
                && !MONTH.matcher(name).matches() && wordsOf(name).stream().noneMatch(NOT_PERSON_WORDS::contains);
    }

    private static boolean isWhollyAPlace(String name) {
        return Places.bundled().find(name).stream().anyMatch(p -> p.name().equalsIgnoreCase(name));
    }

    /**
     * Whether {@code name} is a person's by a title before or after it ("President Joe Biden", "Wendy's CEO") or is
     * wholly a known place ("United States", "Kenyan"): never the name of a company, a network or a work.
     */
    static boolean isPersonOrPlace(String name) {
        String[] words = name.strip().toLowerCase(Locale.ROOT).split("\\s+");
        return PERSON_TITLES.contains(words[0]) || PERSON_TITLES.contains(words[words.length - 1])
                || isWhollyAPlace(name) || isPlaceWord(name);
    }

    /**
     * Whether {@code name} is quoted as the speaker in {@code sentence} ("said military spokesman Colonel Cyrus
     * Oguna", "Paul Hirschson told AFP"): who said something is not who did what the question asks about.
     */
    static boolean isSpeaker(String sentence, String name) {
        int at = sentence.indexOf(name);
        if (at < 0) {
            return false;
        }
        String before = sentence.substring(Math.max(0, at - LEAD.speakerReach()), at);
        String after = sentence.substring(at + name.length());
        return SAID_BEFORE.matcher(before).find() || SAID_AFTER.matcher(after).lookingAt();
    }

    /** Whether {@code name} stands where a place does ("in Nairobi", "at the Pentagon"), which never answers "who". */
    static boolean isPlaceIn(String sentence, String name) {
        int at = sentence.indexOf(name);
        return at > 0 && PLACE_BEFORE.matcher(sentence.substring(0, at)).find();
    }

    /** A one-word place or its adjective ("Kenyan"), which never answers "who". */
    private static boolean isPlaceWord(String name) {
        return !name.contains(" ") && !Places.bundled().find(name).isEmpty();
    }

    /**
     * The name that a sentence gives right after the asked noun ("the terrorist group Al Shabaab" for "which
     * group"), if any: an apposition names the asked thing itself.
     */
    Optional<String> namedAfterAskedNoun(String sentence, List<String> names) {
        String nouns = askedNoun != null ? Pattern.quote(askedNoun) : type == AnswerType.PERSON ? AGENT_NOUNS : null;
        if (nouns == null) {
            return Optional.empty();
        }
        for (String name : names) {
            Matcher m = Pattern.compile("\\b(?:" + nouns + ")(?:s|es)?\\s+(?:[\\p{Ll}-]+\\s+){0,1}"
                    + Pattern.quote(name) + "\\b", Pattern.CASE_INSENSITIVE).matcher(sentence);
            if (m.find()) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    /**
     * For a passive "who" question ("Who was killed …?", "Who were arrested?"), whether {@code name} stands within a
     * few words of the asked verb in {@code sentence}, as the one it happened to; true for every other question. A
     * name elsewhere in the sentence is more often the one who did it, or someone who spoke about it.
     */
    boolean undergoes(String sentence, String name) {
        if (passiveVerb == null) {
            return true;
        }
        List<String> sentenceWords = wordsOf(sentence);
        List<String> nameWords = wordsOf(name);
        for (int i = 0; i < sentenceWords.size(); i++) {
            if (sentenceWords.subList(i, Math.min(sentenceWords.size(), i + nameWords.size())).equals(nameWords)) {
                int from = Math.max(0, i - LEAD.passiveWindow());
                int to = Math.min(sentenceWords.size(), i + nameWords.size() + LEAD.passiveWindow());
                if (analyzer.terms(String.join(" ", sentenceWords.subList(from, to))).contains(passiveVerb)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The words of {@code text}, lower-cased, split at everything that is not a letter or a digit. */
    private static List<String> wordsOf(String text) {
        return Arrays.asList(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"));
    }

    /** Whether the question asks for a percentage ("What percentage of US adults ..."), which only a share answers. */
    boolean asksPercentage() {
        return PERCENTAGE.matcher(AnswerType.askingPart(text)).find();
    }

    /** Whether the question counts in {@code unit}: "how many months", "the number of people". */
    boolean countsIn(String unit) {
        return Pattern.compile("\\b(?:how (?:many|much)|number of)\\s+(?:[\\w-]+\\s+){0,2}?" + Pattern.quote(unit) + "\\b",
                Pattern.CASE_INSENSITIVE).matcher(text).find();
    }

    /** Whether {@code sentence} holds the kind of fact asked for, beyond what the question itself says. */
    boolean typeMatches(String sentence) {
        return switch (type) {
            case NUMBER -> Facts.numbers(sentence).stream().anyMatch(n -> !numbers.contains(n));
            case DATE -> Facts.hasDate(sentence);
            case PLACE -> !places(sentence).isEmpty()
                    || placeKind.isEmpty() && Facts.names(sentence).stream().anyMatch(n -> !names.contains(n));
            case PERSON, OTHER -> Facts.names(sentence).stream().anyMatch(n -> !names.contains(n));
            case ATTRIBUTE -> Attributes.named(attribute.orElseThrow(), sentence);
            case YES_NO -> true;
        };
    }
}
