package dev.newsbot.app;

import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code newsbot} command line. With no subcommand it runs the bot: in Telegram when
 * {@code TELEGRAM_BOT_TOKEN} is set, otherwise as a console chat over the bundled article.
 */
@Command(name = "newsbot", mixinStandardHelpOptions = true, version = "newsbot 0.1.0",
        description = "Answers questions about news from a set of articles, citing every claim.",
        subcommands = {RunCommand.class, AskCommand.class, ChatCommand.class, ValidateCommand.class, EvalCommand.class,
                IndexCommand.class, ReloadCommand.class, BenchCommand.class, CalibrateCommand.class, FeedbackCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Callable<Integer> {

    public static void main(String[] args) {
        AppHome.prepare();
        JulBridge.install();
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            line.getErr().println(line.getColorScheme().errorText("newsbot: " + e.getMessage()));
            return 2;
        });
        CommandLine.IParameterExceptionHandler standard = cli.getParameterExceptionHandler();
        cli.setParameterExceptionHandler((e, args) -> {
            Optional<String> hint = e instanceof ArticlePaths.StrayPath ? Optional.of(e.getMessage())
                    : ArticlePaths.hint(e, args);
            if (hint.isEmpty()) {
                return standard.handleParseException(e, args);
            }
            CommandLine line = e.getCommandLine();
            line.getErr().println(line.getColorScheme().errorText("newsbot " + line.getCommandName() + ": "
                    + hint.get()));
            return line.getCommandSpec().exitCodeOnInvalidInput();
        });
        return cli;
    }

    @Override
    public Integer call() throws InterruptedException {
        return new RunCommand().call();
    }
}
