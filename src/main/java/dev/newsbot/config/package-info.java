/**
 * Configuration: the {@link dev.newsbot.config.NewsbotConfig} record tree read from YAML with environment
 * overrides (errors name the key), secrets from the environment only, and the prompt and message templates
 * ({@link dev.newsbot.config.Template}, {@link dev.newsbot.config.PromptFiles}) whose placeholders are checked at
 * start. Depends on nothing else in newsbot.
 */
package dev.newsbot.config;
