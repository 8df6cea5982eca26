package dev.newsbot.index;

import dev.newsbot.articles.Article;
import dev.newsbot.articles.ArticleSet;
import dev.newsbot.articles.Published;
import dev.newsbot.index.embedding.HashingEmbedder;
import dev.newsbot.index.embedding.TokenCounter;
import java.time.LocalDate;
import java.util.List;

/** Small hand-made article sets indexed with the real splitter and Lucene, and the hashing embedder. */
public final class TestSets {

    private TestSets() {
    }

    public static Article article(String id, String title, String source, String date, String body) {
        return new Article(id, title, source, "https://example.com/" + id, date == null ? null
                : Published.ofDate(LocalDate.parse(date)), null, body);
    }

    public static IndexedSet index(String name, List<Article> articles) {
        SetIndexer indexer = new SetIndexer(new HashingEmbedder(), new PassageSplitter(new TokenCounter(), 110),
                new TextAnalyzer());
        return indexer.index(ArticleSet.of(name, articles), SetIndexer.Progress.NONE);
    }

    /** Every passage of {@code store}, by row. */
    public static List<Passage> passages(PassageStore store) {
        List<Passage> passages = new java.util.ArrayList<>();
        for (int row = 0; row < store.size(); row++) {
            passages.add(store.passage(row));
        }
        return passages;
    }

    public static List<Article> news() {
        return List.of(
                article("quake", "Earthquake strikes coastal city", "Reuters", "2022-06-10",
                        "A magnitude 6.1 earthquake struck the coastal city of Port Elma on Friday. "
                                + "Officials said 12 people were killed and 40 were injured. Rescue teams searched "
                                + "collapsed buildings through the night."),
                article("budget", "Council passes budget", "The Verge", "2022-06-12",
                        "The city council passed a budget of 3 billion dollars on Sunday. The mayor praised the vote. "
                                + "Critics said the plan cuts library funding."),
                article("final", "Rovers win the cup final", "BBC", "2022-06-20",
                        "Rovers beat United 2-1 in the cup final at the national stadium. Striker Ana Silva scored "
                                + "the winning goal in the 89th minute."));
    }
}
