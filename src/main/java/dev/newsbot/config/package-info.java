/**
 * Configuration: the {@link dev.newsbot.config.NewsbotConfig} record tree read from YAML with environment
 * overrides, every value checked by kind without coercion ({@code ConfigValues}) and then by range in the records
 * (each error is one line naming the file or variable, the key and the problem), secrets from the environment
 * only, and the prompt and message templates ({@link dev.newsbot.config.Template},
 * {@link dev.newsbot.config.PromptFiles}) whose placeholders are checked at start. Depends on nothing else in
 * newsbot.
 */
package dev.newsbot.config;
