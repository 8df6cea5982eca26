package dev.newsbot.articles;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/** Turns the lines of one file into raw article records, reporting what it cannot read. */
interface ArticleFormat {

    /** Reads every record of the file, handing each to {@code sink} as soon as it is complete. */
    void read(Path file, BoundedLines lines, List<Problem> problems, Consumer<RawRecord> sink) throws IOException;
}
