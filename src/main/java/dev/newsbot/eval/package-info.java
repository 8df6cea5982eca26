/**
 * Scoring of the {@code eval} command: reads an evaluation question file ({@link dev.newsbot.eval.QuestionLoader}),
 * turns what the bot did for each question ({@link dev.newsbot.eval.Outcome}) into retrieval, answer, citation,
 * refusal and latency figures ({@link dev.newsbot.eval.Metrics}), and presents them as JSON
 * ({@link dev.newsbot.eval.EvalReport}) or as a text table ({@link dev.newsbot.eval.EvalTable}).
 *
 * <p>This package owns the metric definitions. It does not run the bot: the caller asks the questions, records an
 * {@code Outcome} for each and hands the list to {@code Metrics}. Of the bot it reads only what it scores: the
 * {@code answer} package's {@code Answer}, {@code Question}, {@code Citation} and {@code AnswerEngine}, the
 * {@code search} package's {@code RetrievedPassage}, the {@code Answerability} model that {@code Calibration} refits,
 * and {@code articles}; ArchitectureTest holds it to that. Jackson is its only library.
 */
package dev.newsbot.eval;
