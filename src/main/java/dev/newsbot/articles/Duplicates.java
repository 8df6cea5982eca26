package dev.newsbot.articles;

import dev.newsbot.articles.LoadedArticle.IdOrigin;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Finds articles that repeat an id or a url seen earlier in the same set, in any file. */
final class Duplicates {

    private final Map<String, LoadedArticle> byId = new HashMap<>();
    private final Map<String, LoadedArticle> byUrl = new HashMap<>();

    /** Records the article, adding a problem naming both places for each repeated id or url. */
    void check(LoadedArticle loaded, List<Problem> problems) {
        String url = loaded.article().url();
        boolean urlRepeated = url != null && repeated(byUrl, url, loaded, "url", problems);
        if (!(urlRepeated && loaded.idOrigin() == IdOrigin.URL)) {
            repeated(byId, loaded.article().id(), loaded, "id", problems);
        }
    }

    private static boolean repeated(Map<String, LoadedArticle> seen, String key, LoadedArticle loaded,
                                    String field, List<Problem> problems) {
        LoadedArticle first = seen.putIfAbsent(key, loaded);
        if (first == null) {
            return false;
        }
        String note = field.equals("id") ? loaded.idOrigin().note() : "";
        problems.add(loaded.record().problem(field,
                "duplicate " + field + " \"" + key + "\"" + note + ", first at " + first.place(field)));
        return true;
    }
}
