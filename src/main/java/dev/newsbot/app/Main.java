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

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Main.class);

    public static void main(String[] args) {
        AppHome.prepare();
        JulBridge.install();
        System.exit(commandLine().execute(args));
    }

    /**
     * Whether a command failed on a programming error rather than on bad input or an unreachable resource, whose
     * messages say all: such an error's message ("Index 0 out of bounds for length 0") says nothing without its
     * stack trace.
     */
    static boolean isBug(Exception e) {
        return e instanceof NullPointerException || e instanceof IndexOutOfBoundsException
                || e instanceof ClassCastException || e instanceof UnsupportedOperationException
                || e instanceof java.util.NoSuchElementException || e instanceof ArithmeticException;
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            line.getErr().println(line.getColorScheme().errorText("newsbot: " + e.getMessage()));
            if (isBug(e)) {
                LOG.error("The command failed on an error of newsbot's own; please report it with this trace", e);
            }
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
