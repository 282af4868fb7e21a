package io.ticketing.deployment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What Grafana needs of provisioned dashboards: each one an object with a uid (at most 40 letters, digits, - or _)
 * and a title, both unique, panels with types and unique ids, and every data source it names, by uid, name or
 * through a data source variable, one the provisioning defines (with the type the dashboard expects). A dashboard
 * exported "for sharing externally" ({@code __inputs}, {@code ${DS_...}}) does not load through provisioning, which
 * fills in no inputs.
 */
final class GrafanaChecks {

    /** Grafana's own data sources, there without provisioning. */
    private static final Set<String> BUILT_IN_UIDS = Set.of("grafana", "-- Grafana --", "-- Mixed --", "-- Dashboard --",
            "__expr__", "-- Expression --");
    private static final Set<String> BUILT_IN_TYPES = Set.of("grafana", "datasource", "dashboard", "__expr__", "mixed");
    private static final Pattern UID = Pattern.compile("[A-Za-z0-9_-]{1,40}");
    private static final Pattern VARIABLE = Pattern.compile("^\\$(\\w+)$|^\\$\\{(\\w+)(:\\w+)?}$|^\\[\\[(\\w+)]]$");

    private GrafanaChecks() {
    }

    record Datasource(String name, String uid, String type) {
    }

    /** The data sources of Grafana's provisioning files (those with a top-level {@code datasources}). */
    static List<Datasource> datasources(List<Path> provisioningFiles, List<String> problems) {
        List<Datasource> datasources = new ArrayList<>();
        for (Path file : provisioningFiles) {
            for (Object entry : Documents.list(Documents.map(Documents.yaml(file).getFirst()).get("datasources"))) {
                Map<String, Object> datasource = Documents.map(entry);
                String where = Tools.relative(file) + " datasource " + datasource.get("name");
                if (!(datasource.get("name") instanceof String name) || !(datasource.get("type") instanceof String type)) {
                    problems.add(where + ": needs a name and a type");
                    continue;
                }
                datasources.add(new Datasource(name, datasource.get("uid") instanceof String uid ? uid : null, type));
            }
        }
        Set<String> names = new HashSet<>();
        Set<String> uids = new HashSet<>();
        for (Datasource datasource : datasources) {
            if (!names.add(datasource.name())) {
                problems.add("data source name " + datasource.name() + " provisioned twice");
            }
            if (datasource.uid() != null && !uids.add(datasource.uid())) {
                problems.add("data source uid " + datasource.uid() + " provisioned twice");
            }
        }
        // a data source that links to another (exemplars to traces, traces to logs ...) names a provisioned one
        for (Path file : provisioningFiles) {
            for (Object entry : Documents.list(Documents.map(Documents.yaml(file).getFirst()).get("datasources"))) {
                List<String> linked = new ArrayList<>();
                linkedUids(entry, linked);
                linked.stream().filter(uid -> !uids.contains(uid)).forEach(uid -> problems.add(Tools.relative(file)
                        + " datasource " + Documents.map(entry).get("name") + ": links to data source uid " + uid
                        + ", which is not provisioned"));
            }
        }
        return datasources;
    }

    /** What is wrong with one dashboard. */
    static List<String> dashboard(JsonNode dashboard, List<Datasource> datasources) {
        List<String> problems = new ArrayList<>();
        if (!dashboard.isObject()) {
            return List.of("not a JSON object");
        }
        if (dashboard.has("__inputs") || dashboard.toString().contains("${DS_")) {
            problems.add("exported for sharing externally (__inputs, ${DS_...}): provisioning fills in no inputs;"
                    + " export it without that option, with the provisioned data sources' uids");
        }
        if (!dashboard.path("uid").isTextual() || !UID.matcher(dashboard.path("uid").asText()).matches()) {
            problems.add("uid: needs one of at most 40 letters, digits, - or _ (so that links to it stay), has "
                    + dashboard.path("uid"));
        }
        if (dashboard.path("title").asText("").isBlank()) {
            problems.add("title: missing");
        }
        if (!dashboard.path("schemaVersion").isInt()) {
            problems.add("schemaVersion: missing");
        }
        if (!dashboard.path("panels").isArray()) {
            problems.add("panels: missing");
        }
        Set<Integer> panelIds = new HashSet<>();
        panels(dashboard.path("panels"), "panels", panelIds, problems);

        Set<String> datasourceVariables = new HashSet<>();
        int index = 0;
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            if ("datasource".equals(variable.path("type").asText())) {
                datasourceVariables.add(variable.path("name").asText());
                String type = variable.path("query").asText();
                if (datasources.stream().noneMatch(datasource -> datasource.type().equals(type))) {
                    problems.add("templating.list[" + index + "] (" + variable.path("name").asText()
                            + "): no provisioned data source of type " + type);
                }
            }
            index++;
        }
        references(dashboard, "", datasourceVariables, datasources, problems);
        return problems;
    }

    private static void panels(JsonNode panels, String path, Set<Integer> ids, List<String> problems) {
        int index = 0;
        for (JsonNode panel : panels) {
            String at = path + "[" + index++ + "]";
            if (!panel.path("type").isTextual()) {
                problems.add(at + ": no type");
            }
            if (panel.path("id").isInt() && !ids.add(panel.path("id").asInt())) {
                problems.add(at + ": panel id " + panel.path("id").asInt() + " used twice");
            }
            panels(panel.path("panels"), at + ".panels", ids, problems); // a row's panels
        }
    }

    /** Every "datasource" (and "datasourceUid") anywhere in the dashboard: panels, targets, annotations, links. */
    private static void references(JsonNode node, String path, Set<String> variables, List<Datasource> datasources,
            List<String> problems) {
        if (node.isArray()) {
            for (int index = 0; index < node.size(); index++) {
                references(node.get(index), path + "[" + index + "]", variables, datasources, problems);
            }
        }
        else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String at = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                if (field.getKey().equals("datasource")) {
                    reference(field.getValue(), at, variables, datasources).ifPresent(problems::add);
                }
                else if (field.getKey().equals("datasourceUid") && field.getValue().isTextual()) {
                    reference(field.getValue(), at, variables, datasources).ifPresent(problems::add);
                }
                else {
                    references(field.getValue(), at, variables, datasources, problems);
                }
            }
        }
    }

    private static Optional<String> reference(JsonNode reference, String at, Set<String> variables,
            List<Datasource> datasources) {
        if (reference.isTextual()) {
            String text = reference.asText();
            if (BUILT_IN_UIDS.contains(text)) {
                return Optional.empty();
            }
            Optional<String> variable = variable(text);
            if (variable.isPresent()) {
                return variables.contains(variable.get()) ? Optional.empty()
                        : Optional.of(at + ": " + text + " is no data source variable of the dashboard");
            }
            return datasources.stream().anyMatch(datasource -> text.equals(datasource.uid()) || text.equals(datasource.name()))
                    ? Optional.empty() : Optional.of(at + ": data source " + text + " is not provisioned");
        }
        if (reference.isObject()) {
            String type = reference.path("type").isTextual() ? reference.path("type").asText() : null;
            if (reference.path("uid").isTextual()) {
                String uid = reference.path("uid").asText();
                if (BUILT_IN_UIDS.contains(uid)) {
                    return Optional.empty();
                }
                Optional<String> variable = variable(uid);
                if (variable.isPresent()) {
                    return variables.contains(variable.get()) ? Optional.empty()
                            : Optional.of(at + ".uid: " + uid + " is no data source variable of the dashboard");
                }
                Optional<Datasource> datasource = datasources.stream().filter(candidate -> uid.equals(candidate.uid()))
                        .findFirst();
                if (datasource.isEmpty()) {
                    return Optional.of(at + ".uid: data source uid " + uid + " is not provisioned");
                }
                if (type != null && !type.equals(datasource.get().type())) {
                    return Optional.of(at + ": data source " + uid + " is of type " + datasource.get().type() + ", not "
                            + type);
                }
                return Optional.empty();
            }
            if (type != null && !BUILT_IN_TYPES.contains(type)
                    && datasources.stream().noneMatch(datasource -> datasource.type().equals(type))) {
                return Optional.of(at + ": no provisioned data source of type " + type);
            }
        }
        return Optional.empty(); // null: the default data source
    }

    private static Optional<String> variable(String text) {
        Matcher matcher = VARIABLE.matcher(text);
        if (!matcher.find()) {
            return Optional.empty();
        }
        // $name, ${name} or ${name:format}, [[name]]
        return Optional.ofNullable(matcher.group(1) != null ? matcher.group(1)
                : matcher.group(2) != null ? matcher.group(2) : matcher.group(4));
    }

    private static void linkedUids(Object value, List<String> uids) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> {
                if ("datasourceUid".equals(key) && item instanceof String uid) {
                    uids.add(uid);
                }
                else {
                    linkedUids(item, uids);
                }
            });
        }
        else if (value instanceof List<?> list) {
            list.forEach(item -> linkedUids(item, uids));
        }
    }

    /** Uids and titles that more than one dashboard uses. */
    static List<String> duplicates(Map<String, JsonNode> dashboards) {
        List<String> problems = new ArrayList<>();
        Map<String, String> uids = new HashMap<>();
        Map<String, String> titles = new HashMap<>();
        dashboards.forEach((where, dashboard) -> {
            String uid = dashboard.path("uid").asText();
            String previous = uids.putIfAbsent(uid, where);
            if (previous != null) {
                problems.add("uid " + uid + " in both " + previous + " and " + where);
            }
            String title = dashboard.path("title").asText();
            previous = titles.putIfAbsent(title, where);
            if (previous != null) {
                problems.add("title \"" + title + "\" in both " + previous + " and " + where);
            }
        });
        return problems;
    }
}
