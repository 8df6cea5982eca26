/**
 * The conversation, independent of how messages arrive: {@link dev.newsbot.chat.ChatService} turns a chat message
 * into a question (its day, its set, its follow-up context) and an answer into a front-end-neutral
 * {@link dev.newsbot.chat.Reply}. The front ends that render it live in {@code console} and {@code telegram}.
 */
package dev.newsbot.chat;
