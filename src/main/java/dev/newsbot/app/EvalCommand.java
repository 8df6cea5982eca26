package dev.newsbot.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.newsbot.answer.AnswerEngine;
import dev.newsbot.articles.Article;
import dev.newsbot.eval.EvalQuestion;
import dev.newsbot.eval.EvalReport;
import dev.newsbot.eval.EvalRunner;
import dev.newsbot.eval.EvalTable;
import dev.newsbot.eval.Metrics;
import dev.newsbot.eval.QuestionLoader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Scores answers on a news QA set through the bot's own answer path. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Evaluate answer quality on a QA set (format: ../shared/eval/FORMAT.md): retrieval hits, "
                + "answer accuracy, citation precision and recall, refusals, latency.")
final class EvalCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common = new CommonOptions();

    @Option(names = "--questions", required = true, paramLabel = "FILE", description = "questions.jsonl")
    Path questions;

    @Option(names = "--json", paramLabel = "OUT", description = "Write the metrics as one JSON object to OUT "
            + "(and the baseline's, with --compare-baseline, to OUT with .baseline before the extension).")
    Path json;

    @Option(names = "--details", paramLabel = "OUT", description = "Write one JSON line per question: the "
            + "question, gold answers, reply, refusal, confidence and cited and retrieved articles.")
    Path details;

    @Option(names = "--limit", paramLabel = "N", description = "Ask only the first N questions.")
    Integer limit;

    @Option(names = "--compare-baseline", description = "Also run the plain LangChain4j retrieval "
            + "(EmbeddingStoreContentRetriever over InMemoryEmbeddingStore, top 10) with the same answerer.")
    boolean compareBaseline;

    /** Untimed questions asked of each row before its timed ones. */
    static final int WARM_UP = 20;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        List<EvalQuestion> asked = QuestionLoader.load(questions);
        if (limit != null) {
            asked = asked.subList(0, Math.min(limit, asked.size()));
        }
        long start = System.nanoTime();
        try (Newsbot bot = common.start()) {
            double indexSeconds = (System.nanoTime() - start) / 1e9;
            Newsbot.Evaluation evaluation = bot.evaluation();
            String set = evaluation.sets().defaultSet();
            Map<String, EvalReport> rows = new LinkedHashMap<>();
            List<String> titles = evaluation.sets().get(set).articleSet().articles().stream().map(Article::title)
                    .toList();
            warmUp(asked, titles, set, evaluation.engine());
            try (DetailsWriter writer = new DetailsWriter(details)) {
                rows.put("newsbot", Metrics.compute(EvalRunner.run(asked, set, evaluation.engine()::answer, writer),
                        Math.round(indexSeconds * 100) / 100.0));
            }
            if (compareBaseline) {
                AnswerEngine baseline = evaluation.baseline().get();
                warmUp(asked, titles, set, baseline);
                rows.put("baseline", evaluate(asked, set, baseline, indexSeconds));
            }
            spec.commandLine().getOut().println(EvalTable.render(rows));
            write(rows);
        }
        return 0;
    }

    private static void warmUp(List<EvalQuestion> asked, List<String> titles, String set, AnswerEngine engine) {
        if (!asked.isEmpty()) {
            EvalRunner.warmUp(titles, WARM_UP, asked.get(0).askedOn(), set, engine::answer);
        }
    }

    private static EvalReport evaluate(List<EvalQuestion> asked, String set, AnswerEngine engine, double indexSeconds) {
        return Metrics.compute(EvalRunner.run(asked, set, engine::answer), Math.round(indexSeconds * 100) / 100.0);
    }

    private void write(Map<String, EvalReport> rows) throws IOException {
        if (json == null) {
            return;
        }
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        mapper.writeValue(json.toFile(), rows.get("newsbot"));
        if (rows.containsKey("baseline")) {
            String name = json.getFileName().toString();
            int dot = name.lastIndexOf('.');
            String baseline = dot < 0 ? name + ".baseline" : name.substring(0, dot) + ".baseline" + name.substring(dot);
            mapper.writeValue(json.resolveSibling(baseline).toFile(), rows.get("baseline"));
        }
    }
}
