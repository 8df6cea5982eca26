/**
 * Parsing what a question asks from its text, before any search, starting with the language it is written in:
 * {@link dev.newsbot.question.QuestionLanguage} tells a question in French or Russian from an English one, so that it
 * gets a notice in its own language instead of an English refusal. The only package that uses Lingua. It depends on
 * no other newsbot package.
 */
package dev.newsbot.question;
