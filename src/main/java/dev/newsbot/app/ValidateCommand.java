package dev.newsbot.app;

import dev.newsbot.articles.ArticleLoader;
import dev.newsbot.articles.LoadResult;
import dev.newsbot.articles.ValidationReport;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Checks article files without loading the model. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check article files and directories; print every problem with its file, line and field. "
                + "Exit code 1 on any error.")
final class ValidateCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or directories to check.")
    List<Path> paths;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        LoadResult result = new ArticleLoader().load("validate", paths);
        spec.commandLine().getOut().println(ValidationReport.format(result));
        return result.isOk() ? 0 : 1;
    }
}
