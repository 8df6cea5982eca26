package dev.newsbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every {@code java -jar … newsbot.jar} command shown in a code block of the README or a page of {@code docs/} names
 * a command and options that {@code --help} lists, so the docs cannot drift from the command line.
 */
class DocumentedCommandsTest {

    private static final Pattern INVOCATION = Pattern.compile("-jar\\s+\\S*newsbot\\.jar\\b(.*)");
    private static final Pattern END_OF_COMMAND = Pattern.compile("\\s(#|\\||&&|;|>|2>).*");

    @Test
    void should_find_the_commands_of_the_readme() throws IOException {
        assertThat(invocations(Path.of("README.md"))).hasSizeGreaterThan(5);
    }

    @Test
    void should_keep_the_readme_short_enough_to_read_in_two_minutes() throws IOException {
        assertThat(Files.readAllLines(Path.of("README.md"))).hasSizeLessThan(150);
    }

    @Test
    void should_list_every_documented_command_and_option_in_help() throws IOException {
        List<String> unknown = new ArrayList<>();
        for (Path page : pages()) {
            for (String invocation : invocations(page)) {
                unknown.addAll(problems(page, invocation));
            }
        }
        assertThat(unknown).isEmpty();
    }

    @Test
    void should_catch_an_option_the_command_does_not_have() {
        assertThat(problems(Path.of("x.md"), " ask --no-such-option \"q\"")).hasSize(1);
        assertThat(problems(Path.of("x.md"), " no-such-command --json")).hasSize(1);
        assertThat(problems(Path.of("x.md"), " ask --json --asked-on 2022-06-16 \"q\"")).isEmpty();
    }

    private static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(Path.of("README.md")));
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        return pages;
    }

    /** The text after {@code newsbot.jar} of each command in the page's fenced code blocks, continuations joined. */
    private static List<String> invocations(Path page) throws IOException {
        List<String> found = new ArrayList<>();
        boolean inBlock = false;
        StringBuilder line = new StringBuilder();
        for (String raw : Files.readAllLines(page)) {
            if (raw.strip().startsWith("```")) {
                inBlock = !inBlock;
                continue;
            }
            if (!inBlock) {
                continue;
            }
            line.append(raw.strip());
            if (raw.endsWith("\\")) {
                line.setLength(line.length() - 1);
                line.append(' ');
                continue;
            }
            var matcher = INVOCATION.matcher(line);
            if (matcher.find()) {
                found.add(END_OF_COMMAND.matcher(matcher.group(1)).replaceFirst(""));
            }
            line.setLength(0);
        }
        return found;
    }

    private static List<String> problems(Path page, String invocation) {
        CommandLine command = Main.commandLine();
        List<String> problems = new ArrayList<>();
        List<String> tokens = Arrays.stream(invocation.strip().split("\\s+"))
                .map(t -> t.replaceAll("^\\[+|[\\]]+(\\.\\.\\.)?$", ""))
                .filter(t -> !t.isEmpty())
                .toList();
        for (String token : tokens) {
            if (token.startsWith("--")) {
                String option = token.split("=", 2)[0];
                if (command.getCommandSpec().findOption(option) == null) {
                    problems.add(page + ": `" + invocation.strip() + "`: " + command.getCommandName()
                            + " has no option " + option);
                }
            } else if (command.getSubcommands().containsKey(token)) {
                command = command.getSubcommands().get(token);
            } else if (command.getParent() == null && !token.startsWith("-")) {
                problems.add(page + ": `" + invocation.strip() + "`: no command " + token);
                break;
            }
        }
        return problems;
    }
}
