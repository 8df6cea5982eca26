package dev.newsbot;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.newsbot.answer.Answer;
import dev.newsbot.answer.AnswerEngine;
import dev.newsbot.answer.Answerability;
import dev.newsbot.answer.Citation;
import dev.newsbot.answer.Question;
import dev.newsbot.index.Passage;
import dev.newsbot.index.PassageStore;
import dev.newsbot.index.Scored;
import dev.newsbot.index.SetRegistry;
import dev.newsbot.index.embedding.Embedder;
import dev.newsbot.search.RetrievedPassage;
import dev.newsbot.search.SearchBench;
import dev.newsbot.search.baseline.InMemoryVectorBaseline;

/** Dependencies flow one way, and each third-party library stays in the package that owns it. */
@AnalyzeClasses(packages = "dev.newsbot", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule layers_depend_downwards_only = layeredArchitecture().consideringOnlyDependenciesInLayers().withOptionalLayers(true)
            .layer("app").definedBy("dev.newsbot.app..")
            .layer("fleet").definedBy("dev.newsbot.fleet..")
            .layer("telegram").definedBy("dev.newsbot.telegram..")
            .layer("console").definedBy("dev.newsbot.console..")
            .layer("ops").definedBy("dev.newsbot.ops..")
            .layer("eval").definedBy("dev.newsbot.eval..")
            .layer("bench").definedBy("dev.newsbot.bench..")
            .layer("chat").definedBy("dev.newsbot.chat..")
            .layer("cache").definedBy("dev.newsbot.cache..")
            .layer("answer").definedBy("dev.newsbot.answer..")
            .layer("sources").definedBy("dev.newsbot.sources..")
            .layer("opensearch").definedBy("dev.newsbot.opensearch..")
            .layer("search").definedBy("dev.newsbot.search..")
            .layer("index").definedBy("dev.newsbot.index..")
            .layer("question").definedBy("dev.newsbot.question..")
            .layer("articles").definedBy("dev.newsbot.articles..")
            .layer("config").definedBy("dev.newsbot.config..")
            .whereLayer("app").mayNotBeAccessedByAnyLayer()
            .whereLayer("fleet").mayOnlyBeAccessedByLayers("app")
            .whereLayer("telegram").mayOnlyBeAccessedByLayers("app", "fleet")
            .whereLayer("console").mayOnlyBeAccessedByLayers("app")
            .whereLayer("ops").mayOnlyBeAccessedByLayers("app", "telegram", "fleet", "opensearch")
            .whereLayer("eval").mayOnlyBeAccessedByLayers("app")
            .whereLayer("bench").mayOnlyBeAccessedByLayers("app")
            .whereLayer("chat").mayOnlyBeAccessedByLayers("app", "telegram", "console", "ops", "fleet")
            .whereLayer("cache").mayOnlyBeAccessedByLayers("app", "ops", "bench")
            .whereLayer("answer").mayOnlyBeAccessedByLayers("app", "chat", "cache", "ops", "eval", "bench", "fleet")
            .whereLayer("sources").mayOnlyBeAccessedByLayers("app", "ops")
            .whereLayer("opensearch").mayOnlyBeAccessedByLayers("app")
            .whereLayer("search").mayOnlyBeAccessedByLayers("app", "answer", "chat", "cache", "ops", "eval", "bench")
            .whereLayer("index").mayOnlyBeAccessedByLayers("app", "search", "answer", "chat", "console", "cache", "ops",
                    "eval", "bench", "opensearch")
            .whereLayer("question").mayOnlyBeAccessedByLayers("app", "search", "answer", "chat", "cache", "ops",
                    "eval", "bench")
            .whereLayer("articles").mayOnlyBeAccessedByLayers("app", "index", "search", "answer", "chat", "cache",
                    "ops", "eval", "bench", "telegram", "sources", "opensearch")
            .whereLayer("config").mayOnlyBeAccessedByLayers("app", "fleet", "telegram", "chat", "cache", "answer",
                    "search", "index", "articles", "ops", "eval", "bench", "sources", "opensearch");

    /** The embedding models are the lowest part of indexing: they know nothing of passages or Lucene. */
    @ArchTest
    static final ArchRule embedding_does_not_depend_on_the_index = noClasses()
            .that().resideInAPackage("dev.newsbot.index.embedding..")
            .should().dependOnClassesThat().resideInAPackage("dev.newsbot.index");

    /** The baseline is measured beside the hybrid search; the hybrid search never depends on it. */
    @ArchTest
    static final ArchRule search_does_not_depend_on_the_baseline = noClasses()
            .that().resideInAPackage("dev.newsbot.search")
            .should().dependOnClassesThat().resideInAPackage("dev.newsbot.search.baseline..");

    /** The benchmark builds and searches indexes through one entry point and the public seams, no internals. */
    @ArchTest
    static final ArchRule bench_uses_the_narrow_entry_point = noClasses()
            .that().resideInAPackage("dev.newsbot.bench..")
            .should().dependOnClassesThat(resideInAnyPackage("dev.newsbot.index..", "dev.newsbot.search..")
                    .and(not(belongToAnyOf(SearchBench.class, PassageStore.class, Passage.class, Scored.class,
                            SetRegistry.class, Embedder.class, InMemoryVectorBaseline.class))));

    @ArchTest
    static final ArchRule telegram_library_only_in_telegram = noClasses()
            .that().resideOutsideOfPackage("dev.newsbot.telegram..")
            .should().dependOnClassesThat().resideInAPackage("org.telegram..");

    @ArchTest
    static final ArchRule langchain4j_only_in_index_baseline_and_llm = noClasses()
            .that().resideOutsideOfPackages("dev.newsbot.index..", "dev.newsbot.search.baseline..",
                    "dev.newsbot.answer.llm..", "dev.newsbot.opensearch..")
            .should().dependOnClassesThat().resideInAPackage("dev.langchain4j..");

    /** LangChain4j's in-process embedding models (ONNX) are created and run in index.embedding only. */
    @ArchTest
    static final ArchRule embedding_models_only_in_index_embedding = noClasses()
            .that().resideOutsideOfPackage("dev.newsbot.index.embedding..")
            .should().dependOnClassesThat().resideInAPackage("dev.langchain4j.model.embedding.onnx..");

    @ArchTest
    static final ArchRule opensearch_client_only_in_opensearch = noClasses()
            .that().resideOutsideOfPackage("dev.newsbot.opensearch..")
            .should().dependOnClassesThat().resideInAnyPackage("org.opensearch.client..", "org.apache.hc..");

    @ArchTest
    static final ArchRule caffeine_only_in_cache = noClasses()
            .that().resideOutsideOfPackage("dev.newsbot.cache..")
            .should().dependOnClassesThat().resideInAPackage("com.github.benmanes.caffeine..");

    @ArchTest
    static final ArchRule lingua_only_in_question = noClasses()
            .that().resideOutsideOfPackage("dev.newsbot.question..")
            .should().dependOnClassesThat().resideInAPackage("com.github.pemistahl.lingua..");

    @ArchTest
    static final ArchRule lucene_only_in_index = noClasses()
            .that().resideOutsideOfPackage("dev.newsbot.index")
            .should().dependOnClassesThat().resideInAPackage("org.apache.lucene..");

    @ArchTest
    static final ArchRule jetty_only_in_ops_http = noClasses()
            .that().resideOutsideOfPackage("dev.newsbot.ops.http..")
            .should().dependOnClassesThat().resideInAPackage("org.eclipse.jetty..");

    @ArchTest
    static final ArchRule rome_only_in_sources = noClasses()
            .that().resideOutsideOfPackage("dev.newsbot.sources..")
            .should().dependOnClassesThat().resideInAPackage("com.rometools..");

    @ArchTest
    static final ArchRule jsoup_only_in_articles_html = noClasses()
            .that().resideOutsideOfPackage("dev.newsbot.articles.html..")
            .should().dependOnClassesThat().resideInAPackage("org.jsoup..");

    @ArchTest
    static final ArchRule lettuce_only_in_fleet = noClasses()
            .that().resideOutsideOfPackage("dev.newsbot.fleet..")
            .should().dependOnClassesThat().resideInAPackage("io.lettuce..");

    @ArchTest
    static final ArchRule opentelemetry_only_in_ops_tracing = noClasses()
            .that().resideOutsideOfPackage("dev.newsbot.ops.tracing..")
            .should().dependOnClassesThat().resideInAPackage("io.opentelemetry..");

    /** Every HTTP endpoint goes through ops.http, with its timeouts, limits and exact routes (issue 13). */
    @ArchTest
    static final ArchRule no_jdk_http_server = noClasses()
            .should().dependOnClassesThat().resideInAPackage("com.sun.net.httpserver..");

    /** The environment is read in one place: ConfigLoader (configuration keys) and Secrets (tokens and keys). */
    @ArchTest
    static final ArchRule environment_read_only_in_config = noClasses()
            .that().resideOutsideOfPackage("dev.newsbot.config..")
            .should().callMethod(System.class, "getenv")
            .orShould().callMethod(System.class, "getenv", String.class);

    /** The parts of {@code ops} form no cycle either. */
    @ArchTest
    static final ArchRule no_cycles_inside_ops = slices().matching("dev.newsbot.ops.(*)..").should().beFreeOfCycles();

    /** The article sets are the base of {@code ops}: the other parts build on them, never the reverse. */
    @ArchTest
    static final ArchRule ops_sets_depend_on_no_other_part_of_ops = noClasses()
            .that().resideInAPackage("dev.newsbot.ops.sets..")
            .should().dependOnClassesThat(resideInAPackage("dev.newsbot.ops..")
                    .and(resideOutsideOfPackages("dev.newsbot.ops.sets..")));

    /** {@code /why} is built from answers only, not from the rest of {@code ops} (its package-info says so). */
    @ArchTest
    static final ArchRule ops_why_depends_on_no_other_part_of_ops = noClasses()
            .that().resideInAPackage("dev.newsbot.ops.why..")
            .should().dependOnClassesThat(resideInAPackage("dev.newsbot.ops..")
                    .and(resideOutsideOfPackages("dev.newsbot.ops.why..")));

    /** Top-level packages form no cycle, also where the layer rules leave two packages free to meet. */
    @ArchTest
    static final ArchRule no_package_cycles = slices().matching("dev.newsbot.(*)..").should().beFreeOfCycles();

    /** The LLM answerer is chosen by the composition root and used by everyone else through the answer interfaces. */
    @ArchTest
    static final ArchRule answer_llm_only_through_the_answer_interfaces = noClasses()
            .that().resideOutsideOfPackages("dev.newsbot.answer.llm..", "dev.newsbot.app..")
            .should().dependOnClassesThat().resideInAPackage("dev.newsbot.answer.llm..");

    /**
     * {@code eval} scores what the bot did: it reads the answer, its question, citations and retrieved passages,
     * and refits the answerability model, and reaches nothing else of the bot (its package-info says so).
     */
    @ArchTest
    static final ArchRule eval_reaches_only_the_answer_it_scores = noClasses()
            .that().resideInAPackage("dev.newsbot.eval..")
            .should().dependOnClassesThat(resideInAPackage("dev.newsbot..")
                    .and(resideOutsideOfPackages("dev.newsbot.eval..", "dev.newsbot.articles..", "dev.newsbot.base.."))
                    .and(not(belongToAnyOf(Answer.class, AnswerEngine.class, Question.class, Citation.class,
                            Answerability.class, RetrievedPassage.class))));

    // What each package-info says a package depends on, held here so the text cannot drift from the code.

    /** The building blocks everyone may use depend on nothing of the bot. */
    @ArchTest
    static final ArchRule base_depends_on_nothing_else = dependsOnlyOn("dev.newsbot.base..");

    @ArchTest
    static final ArchRule config_depends_on_nothing_else = dependsOnlyOn("dev.newsbot.config..");

    @ArchTest
    static final ArchRule question_depends_on_nothing_else = dependsOnlyOn("dev.newsbot.question..");

    @ArchTest
    static final ArchRule articles_depend_on_nothing_else = dependsOnlyOn("dev.newsbot.articles..");

    @ArchTest
    static final ArchRule embedding_depends_on_nothing_else = dependsOnlyOn("dev.newsbot.index.embedding..");

    @ArchTest
    static final ArchRule index_depends_on_the_model_and_articles = dependsOnlyOn("dev.newsbot.index..",
            "dev.newsbot.articles..");

    @ArchTest
    static final ArchRule search_depends_on_index_question_and_articles = dependsOnlyOn("dev.newsbot.search..",
            "dev.newsbot.index..", "dev.newsbot.question..", "dev.newsbot.articles..");

    /**
     * Classes of {@code owner} (a package pattern) use no newsbot package but their own, {@code allowed} and
     * {@code base} (the building blocks every package may use).
     */
    private static ArchRule dependsOnlyOn(String owner, String... allowed) {
        String[] own = new String[allowed.length + 2];
        own[0] = owner;
        own[1] = "dev.newsbot.base..";
        System.arraycopy(allowed, 0, own, 2, allowed.length);
        return noClasses().that().resideInAPackage(owner)
                .should().dependOnClassesThat(resideInAPackage("dev.newsbot..").and(resideOutsideOfPackages(own)));
    }
}
