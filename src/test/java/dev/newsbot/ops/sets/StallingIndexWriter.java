package dev.newsbot.ops.sets;

import dev.newsbot.articles.ArticleSet;
import dev.newsbot.index.IndexDirectory;
import dev.newsbot.index.PriorIndex;
import dev.newsbot.index.SetIndexer;
import java.nio.file.Path;

/**
 * A process that starts writing a new version of a set's index with the test bot's real indexer and stops half
 * way, after its second batch of passages was embedded and the first written, never committing, so that a test
 * can kill it mid-write. Argument: the index folder.
 */
public final class StallingIndexWriter {

    private StallingIndexWriter() {
    }

    public static void main(String[] args) {
        TestBot bot = new TestBot();
        ArticleSet set = ArticleSet.of("news", TestBot.towns(600, 7));
        bot.indexer.index(set, PriorIndex.none(), new SetIndexer.Progress() {
            @Override
            public void embedded(int done, int total) {
                if (done > 256) {
                    System.out.println("stalled after " + done + " of " + total + " passages");
                    System.out.flush();
                    sleepForever();
                }
            }
        }, IndexDirectory.at(Path.of(args[0])));
    }

    private static void sleepForever() {
        while (true) {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
