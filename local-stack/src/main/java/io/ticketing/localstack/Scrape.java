package io.ticketing.localstack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One scrape of a Prometheus endpoint: its samples, by metric name and labels (the status command's, and tests'). */
public record Scrape(List<Sample> samples) {

    private static final Pattern LINE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+).*$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    public record Sample(String name, Map<String, String> labels, double value) {
    }

    /** Parses Prometheus's text format; comments and lines it cannot read are skipped. */
    public static Scrape parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher matcher = LINE.matcher(line.strip());
            if (!matcher.matches()) {
                continue;
            }
            Map<String, String> labels = new LinkedHashMap<>();
            if (matcher.group(2) != null) {
                Matcher label = LABEL.matcher(matcher.group(2));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2).replace("\\\"", "\"").replace("\\\\", "\\"));
                }
            }
            try {
                samples.add(new Sample(matcher.group(1), labels, Double.parseDouble(matcher.group(3))));
            }
            catch (NumberFormatException ignored) {
                // not a sample
            }
        }
        return new Scrape(List.copyOf(samples));
    }

    static Scrape empty() {
        return new Scrape(List.of());
    }

    /** The sum of the metric's samples whose labels pass. */
    public double sum(String name, Predicate<Map<String, String>> labels) {
        return samples.stream().filter(sample -> sample.name().equals(name) && labels.test(sample.labels()))
                .mapToDouble(Sample::value).filter(value -> !Double.isNaN(value)).sum();
    }

    double sum(String name) {
        return sum(name, labels -> true);
    }

    /** The sums of the metric's samples by the value of one label. */
    Map<String, Double> sumBy(String name, String label, Predicate<Map<String, String>> labels) {
        Map<String, Double> sums = new LinkedHashMap<>();
        samples.stream().filter(sample -> sample.name().equals(name) && labels.test(sample.labels()))
                .filter(sample -> !Double.isNaN(sample.value()))
                .forEach(sample -> sums.merge(sample.labels().getOrDefault(label, ""), sample.value(), Double::sum));
        return sums;
    }

    /** Whether the endpoint answered at all. */
    boolean answered() {
        return !samples.isEmpty();
    }
}
