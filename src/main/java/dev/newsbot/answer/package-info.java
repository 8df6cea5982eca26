/**
 * Answering: the answer path ({@link dev.newsbot.answer.AnswerService}: embed, retrieve, answer) and the default
 * offline {@link dev.newsbot.answer.ExtractiveAnswerer}, which quotes cited sentences, settles yes/no questions
 * claim by claim, adds short answers, and declines when the evidence is weak. The word lists it reads questions and
 * sentences with (common sentence openers, nouns of named things, a gazetteer of places) are resources beside it. {@link dev.newsbot.answer.Answer}
 * guarantees that every sentence is cited and every source is used.
 */
package dev.newsbot.answer;
