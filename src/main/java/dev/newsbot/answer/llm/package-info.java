/**
 * Written answers from a language model, under the extractive answerer's guarantee: every sentence is supported by
 * the passage it cites.
 *
 * <p>This package owns the LLM prompts ({@code prompts/llm/}), the chat-completions client (LangChain4j's OpenAI
 * client, which also talks to Ollama's OpenAI-compatible endpoint), parsing of the model's cited sentences, and
 * their verification against the cited passages ({@link dev.newsbot.answer.llm.CitationVerifier}: term overlap,
 * embedding similarity, numbers and names). Entry point: {@link dev.newsbot.answer.llm.LlmAnswerer}, which falls
 * back to the extractive answerer on any failure, within its timeout. Used only when {@code answer.mode} is
 * {@code llm}; nothing here runs in the default, offline mode.
 */
package dev.newsbot.answer.llm;
