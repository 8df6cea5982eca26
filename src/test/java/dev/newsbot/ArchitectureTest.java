package dev.newsbot;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Dependencies flow one way, and each third-party library stays in the package that owns it. */
@AnalyzeClasses(packages = "dev.newsbot", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule layers_depend_downwards_only = layeredArchitecture().consideringOnlyDependenciesInLayers().withOptionalLayers(true)
            .layer("app").definedBy("dev.newsbot.app..")
            .layer("telegram").definedBy("dev.newsbot.telegram..")
            .layer("ops").definedBy("dev.newsbot.ops..")
            .layer("eval").definedBy("dev.newsbot.eval..")
            .layer("bench").definedBy("dev.newsbot.bench..")
            .layer("chat").definedBy("dev.newsbot.chat..")
            .layer("cache").definedBy("dev.newsbot.cache..")
            .layer("answer").definedBy("dev.newsbot.answer..")
            .layer("sources").definedBy("dev.newsbot.sources..")
            .layer("opensearch").definedBy("dev.newsbot.opensearch..")
            .layer("retrieval").definedBy("dev.newsbot.retrieval..")
            .layer("question").definedBy("dev.newsbot.question..")
            .layer("articles").definedBy("dev.newsbot.articles..")
            .layer("config").definedBy("dev.newsbot.config..")
            .whereLayer("app").mayNotBeAccessedByAnyLayer()
            .whereLayer("telegram").mayOnlyBeAccessedByLayers("app")
            .whereLayer("ops").mayOnlyBeAccessedByLayers("app", "telegram", "opensearch")
            .whereLayer("eval").mayOnlyBeAccessedByLayers("app")
            .whereLayer("bench").mayOnlyBeAccessedByLayers("app")
            .whereLayer("chat").mayOnlyBeAccessedByLayers("app", "telegram", "ops")
            .whereLayer("cache").mayOnlyBeAccessedByLayers("app", "ops", "bench")
            .whereLayer("answer").mayOnlyBeAccessedByLayers("app", "chat", "cache", "ops", "eval", "bench")
            .whereLayer("sources").mayOnlyBeAccessedByLayers("app", "ops")
            .whereLayer("opensearch").mayOnlyBeAccessedByLayers("app")
            .whereLayer("retrieval").mayOnlyBeAccessedByLayers("app", "answer", "chat", "cache", "ops", "eval", "bench",
                    "opensearch")
            .whereLayer("question").mayOnlyBeAccessedByLayers("app", "retrieval", "answer", "chat", "cache", "ops",
                    "eval", "bench")
            .whereLayer("articles").mayOnlyBeAccessedByLayers("app", "retrieval", "answer", "chat", "cache", "ops",
                    "eval", "bench", "telegram", "sources")
            .whereLayer("config").mayOnlyBeAccessedByLayers("app", "telegram", "chat", "cache", "answer", "retrieval",
                    "opensearch",
                    "articles", "ops", "eval", "bench", "sources");

    @ArchTest
    static final ArchRule telegram_library_only_in_telegram = noClasses()
            .that().resideOutsideOfPackage("dev.newsbot.telegram..")
            .should().dependOnClassesThat().resideInAPackage("org.telegram..");

    @ArchTest
    static final ArchRule langchain4j_only_in_retrieval_and_llm = noClasses()
            .that().resideOutsideOfPackages("dev.newsbot.retrieval..", "dev.newsbot.answer.llm..",
                    "dev.newsbot.opensearch..")
            .should().dependOnClassesThat().resideInAPackage("dev.langchain4j..");

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
    static final ArchRule lucene_only_in_retrieval = noClasses()
            .that().resideOutsideOfPackage("dev.newsbot.retrieval..")
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
    static final ArchRule opentelemetry_only_in_ops_tracing = noClasses()
            .that().resideOutsideOfPackage("dev.newsbot.ops.tracing..")
            .should().dependOnClassesThat().resideInAPackage("io.opentelemetry..");

    /** Every HTTP endpoint goes through ops.http, with its timeouts, limits and exact routes (issue 13). */
    @ArchTest
    static final ArchRule no_jdk_http_server = noClasses()
            .should().dependOnClassesThat().resideInAPackage("com.sun.net.httpserver..");
}
