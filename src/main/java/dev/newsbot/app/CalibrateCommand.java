package dev.newsbot.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsbot.answer.Answerability;
import dev.newsbot.eval.Calibration;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Refits the answerability model from the per-question details of {@code eval} runs on several QA sets. */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = "Fit the answerability model (when to decline) on the --details files of eval runs, one per QA "
                + "set; print its leave-one-set-out refusals and write it as JSON.")
final class CalibrateCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--details", required = true, paramLabel = "SET=FILE",
            description = "A QA set's name and the --details file of an eval run on it; repeat for each set.")
    Map<String, Path> details = new LinkedHashMap<>();

    @Option(names = "--out", paramLabel = "FILE", description = "Write the model fitted on every set here, e.g. "
            + "src/main/resources/dev/newsbot/answer/answerability.json.")
    Path out;

    @Option(names = "--features", split = ",", paramLabel = "NAME",
            description = "The features to fit on (default: every feature the answerer measures).")
    List<String> features;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        List<String> names = features == null ? Answerability.measuredFeatures() : features;
        List<Calibration.Row> rows = new ArrayList<>();
        for (Map.Entry<String, Path> set : details.entrySet()) {
            rows.addAll(read(set.getKey(), set.getValue(), names));
        }
        PrintWriter print = spec.commandLine().getOut();
        print.println("Leave one set out (fitted on the others, scored on this one):");
        Calibration.leaveOneSetOut(rows, names).forEach(s -> print.println(line(s)));
        Answerability model = Calibration.fit(rows, names);
        print.println("Fitted on every set (threshold " + String.format(Locale.ROOT, "%.3f", model.threshold()) + "):");
        for (String set : details.keySet()) {
            print.println(line(Calibration.score(model, set, rows.stream().filter(r -> r.set().equals(set)).toList())));
        }
        for (int i = 0; i < names.size(); i++) {
            print.printf(Locale.ROOT, "  %-18s %+.3f%n", names.get(i), model.weights().get(i));
        }
        if (out != null) {
            model.write(out);
            print.println("Wrote " + out);
        }
        return 0;
    }

    private static String line(Calibration.Scores s) {
        return String.format(Locale.ROOT, "  %-10s answerable %4d  false refusal %s   unanswerable %4d  refusal %s",
                s.set(), s.answerable(), share(s.falseRefusal()), s.unanswerable(), share(s.refusal()));
    }

    private static String share(double v) {
        return Double.isNaN(v) ? "  –  " : String.format(Locale.ROOT, "%.3f", v);
    }

    /** The questions of one details file that carry evidence (those declined before retrieval carry none). */
    static List<Calibration.Row> read(String set, Path file, List<String> names) throws IOException {
        List<Calibration.Row> rows = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file)) {
            int lineNumber = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNumber++;
                JsonNode node = JSON.readTree(line);
                JsonNode evidence = node.path("evidence");
                if (evidence.isEmpty()) {
                    continue;
                }
                Map<String, Double> values = new LinkedHashMap<>();
                for (String name : names) {
                    if (!evidence.path(name).isNumber()) {
                        throw new IllegalArgumentException(file + ":" + lineNumber + ": no number for feature " + name);
                    }
                    values.put(name, evidence.path(name).asDouble());
                }
                rows.add(new Calibration.Row(set, node.path("answerable").asBoolean(true), values));
            }
        }
        return rows;
    }
}
