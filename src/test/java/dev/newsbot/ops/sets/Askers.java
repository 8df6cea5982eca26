package dev.newsbot.ops.sets;

import dev.newsbot.answer.Answer;
import dev.newsbot.answer.AnswerEngine;
import dev.newsbot.answer.Question;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Threads that keep asking about a random one of {@link TestBot#towns} until stopped, keeping every answer with
 * its start and end and every failure: the load of the reload tests.
 */
final class Askers {

    record Asked(Answer answer, long start, long end) {
    }

    final ConcurrentLinkedQueue<Asked> asked = new ConcurrentLinkedQueue<>();
    final List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
    private final AtomicBoolean stop = new AtomicBoolean();
    private final ExecutorService pool;

    /** Starts {@code threads} askers (thread t seeded with t) about the first {@code towns} towns. */
    Askers(AnswerEngine engine, int threads, int towns) {
        pool = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            Random random = new Random(t);
            pool.execute(() -> ask(engine, random, towns));
        }
    }

    /** Stops the askers; true when all finished within 30 s. */
    boolean stop() throws InterruptedException {
        stop.set(true);
        pool.shutdown();
        return pool.awaitTermination(30, TimeUnit.SECONDS);
    }

    private void ask(AnswerEngine engine, Random random, int towns) {
        while (!stop.get()) {
            int k = random.nextInt(towns);
            long start = System.nanoTime();
            try {
                Answer answer = engine.answer(Question.of("How many new schools did the mayor of Town" + k
                        + " open?", TestBot.DAY, "news"));
                asked.add(new Asked(answer, start, System.nanoTime()));
            } catch (RuntimeException | Error e) {
                failures.add(e);
            }
        }
    }
}
