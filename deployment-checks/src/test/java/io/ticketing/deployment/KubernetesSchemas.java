package io.ticketing.deployment;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.type.TypeFactory;
import com.google.gson.annotations.JsonAdapter;
import com.google.gson.annotations.SerializedName;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * Strict schema validation of Kubernetes objects, offline, in the manner of {@code kubeconform -strict}: every field
 * must be one the kind's schema has (no unknown field, so a misspelt or misplaced key fails instead of being dropped
 * by the API server), of its type, and the schema's required fields must be there.
 * <p>
 * The schemas are typed models generated from the APIs' own definitions: the built-in kinds from the Kubernetes
 * OpenAPI, as the Kubernetes Java client's models ({@code io.kubernetes:client-java-api}, with each model's fields
 * and required fields, and one API class per group and version that says which kinds it serves); custom resources
 * from fabric8's models of their CRDs (Prometheus Operator's monitoring.coreos.com from
 * {@code openshift-model-monitoring}). A kind with neither is an error: add the model of its CRD to this module.
 */
final class KubernetesSchemas {

    private static final String BUILT_IN_APIS = "io.kubernetes.client.openapi.apis.";
    private static final String FABRIC8_RESOURCES = "META-INF/services/io.fabric8.kubernetes.api.model.KubernetesResource";
    private static final TypeFactory TYPES = TypeFactory.defaultInstance();
    private static final ObjectMapper INTROSPECTION = new ObjectMapper();
    private static final Map<String, Class<?>> CUSTOM_RESOURCES = customResources();
    private static final Map<Class<?>, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private KubernetesSchemas() {
    }

    /** What is wrong with one object, each as "path: problem"; empty when it is valid. */
    static List<String> validate(Map<String, Object> object) {
        if (!(object.get("apiVersion") instanceof String apiVersion) || !(object.get("kind") instanceof String kind)) {
            return List.of("apiVersion and kind must be strings");
        }
        Optional<Class<?>> model = model(apiVersion, kind);
        if (model.isEmpty()) {
            return List.of("no schema for " + apiVersion + " " + kind + ": neither a built-in kind of Kubernetes "
                    + "nor a custom resource with a model here (known: " + String.join(", ", CUSTOM_RESOURCES.keySet())
                    + "); add the model of its CRD to deployment-checks");
        }
        List<String> problems = new ArrayList<>();
        new Walk(problems).value(object, TYPES.constructType(model.get()), "");
        Map<String, Object> metadata = Documents.map(object.get("metadata"));
        if (!(metadata.get("name") instanceof String) && !(metadata.get("generateName") instanceof String)) {
            problems.add("metadata.name: required");
        }
        return problems;
    }

    /** The model class that is the schema of a kind, if there is one. */
    static Optional<Class<?>> model(String apiVersion, String kind) {
        Optional<Class<?>> builtIn = builtIn(apiVersion, kind);
        return builtIn.isPresent() ? builtIn : Optional.ofNullable(CUSTOM_RESOURCES.get(apiVersion + "/" + kind));
    }

    /**
     * A built-in kind: the API class of its group and version ({@code apps/v1}: AppsV1Api, {@code
     * networking.k8s.io/v1}: NetworkingV1Api, {@code v1}: CoreV1Api) creates it, and the body it creates is its model.
     */
    private static Optional<Class<?>> builtIn(String apiVersion, String kind) {
        int slash = apiVersion.indexOf('/');
        String group = slash < 0 ? "" : apiVersion.substring(0, slash);
        String version = apiVersion.substring(slash + 1);
        String prefix = group.isEmpty() ? "Core"
                : Stream.of(group.replaceFirst("\\.k8s\\.io$", "").split("\\.")).map(KubernetesSchemas::capitalize)
                        .collect(Collectors.joining());
        Class<?> api;
        try {
            api = Class.forName(BUILT_IN_APIS + prefix + capitalize(version) + "Api");
        }
        catch (ClassNotFoundException ex) {
            return Optional.empty();
        }
        for (Method method : api.getMethods()) {
            if (method.getName().equals("createNamespaced" + kind) || method.getName().equals("create" + kind)) {
                Class<?>[] parameters = method.getParameterTypes();
                return Optional.of(parameters[parameters.length - 1]);
            }
        }
        return Optional.empty();
    }

    /** Every fabric8 model on the class path that says its group, version and kind: "group/version/Kind". */
    private static Map<String, Class<?>> customResources() {
        Map<String, Class<?>> models = new TreeMap<>();
        ClassLoader loader = KubernetesSchemas.class.getClassLoader();
        try {
            Enumeration<URL> lists = loader.getResources(FABRIC8_RESOURCES);
            while (lists.hasMoreElements()) {
                try (BufferedReader reader = new BufferedReader(
                        new InputStreamReader(lists.nextElement().openStream(), StandardCharsets.UTF_8))) {
                    for (String line : reader.lines().map(String::strip).toList()) {
                        if (line.isEmpty() || line.startsWith("#")) {
                            continue;
                        }
                        Class<?> model = Class.forName(line, false, loader);
                        Group group = model.getAnnotation(Group.class);
                        Version version = model.getAnnotation(Version.class);
                        if (group == null || version == null || group.value().isEmpty()) {
                            continue;
                        }
                        Kind kind = model.getAnnotation(Kind.class);
                        String apiVersion = group.value() + "/" + version.value();
                        String kindName = kind != null ? kind.value() : model.getSimpleName();
                        if (builtIn(apiVersion, kindName).isEmpty()) { // fabric8 models built-in kinds too
                            models.putIfAbsent(apiVersion + "/" + kindName, model);
                        }
                    }
                }
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (ClassNotFoundException ex) {
            throw new IllegalStateException(ex);
        }
        return models;
    }

    private static String capitalize(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    /** A model's fields by their names in YAML, and the required ones. */
    private record Schema(String name, Map<String, JavaType> fields, Set<String> required) {

        static Schema of(Class<?> model) {
            return SCHEMAS.computeIfAbsent(model, Schema::read);
        }

        private static Schema read(Class<?> model) {
            Map<String, JavaType> fields = new LinkedHashMap<>();
            Set<String> required = new LinkedHashSet<>();
            if (isGsonModel(model)) {
                // the Kubernetes Java client: Gson names, and the OpenAPI's required fields
                for (Class<?> type = model; type != null && type != Object.class; type = type.getSuperclass()) {
                    for (Field field : type.getDeclaredFields()) {
                        SerializedName name = field.getAnnotation(SerializedName.class);
                        if (name != null && !Modifier.isStatic(field.getModifiers())) {
                            fields.putIfAbsent(name.value(), TYPES.constructType(field.getGenericType()));
                        }
                    }
                }
                required.addAll(staticSet(model, "openapiRequiredFields"));
            }
            else {
                // Jackson models (fabric8): the properties Jackson binds, without the catch-all of unknown ones
                BeanDescription bean = INTROSPECTION.getDeserializationConfig().introspect(TYPES.constructType(model));
                for (BeanPropertyDefinition property : bean.findProperties()) {
                    fields.put(property.getName(), property.getPrimaryType());
                    if (property.isRequired()) {
                        required.add(property.getName());
                    }
                }
            }
            return new Schema(model.getSimpleName(), fields, required);
        }

        private static boolean isGsonModel(Class<?> model) {
            return Stream.of(model.getDeclaredFields()).anyMatch(field -> field.isAnnotationPresent(SerializedName.class));
        }

        @SuppressWarnings("unchecked")
        private static Collection<String> staticSet(Class<?> model, String name) {
            try {
                Field field = model.getField(name);
                return Modifier.isStatic(field.getModifiers()) && field.get(null) instanceof Collection<?> values
                        ? (Collection<String>) values : Set.of();
            }
            catch (NoSuchFieldException | IllegalAccessException ex) {
                return Set.of();
            }
        }
    }

    /** One walk over an object against its model, collecting every problem. */
    private record Walk(List<String> problems) {

        void value(Object value, JavaType type, String path) {
            if (value == null) {
                return; // null is as good as absent for the API server
            }
            Class<?> raw = type.getRawClass();
            String simpleName = raw.getSimpleName();
            if (simpleName.equals("IntOrString")) {
                expect(value instanceof String || isInteger(value), "an integer or a string", value, path);
            }
            else if (simpleName.equals("Quantity")) {
                expect(value instanceof String || value instanceof Number, "a quantity (number or string)", value, path);
            }
            else if (raw == String.class || raw == Character.class || raw == char.class || raw == byte[].class
                    || Temporal.class.isAssignableFrom(raw) || Date.class.isAssignableFrom(raw)) {
                expect(value instanceof String, "a string", value, path);
            }
            else if (raw == Integer.class || raw == int.class || raw == Long.class || raw == long.class
                    || raw == Short.class || raw == short.class || raw == BigInteger.class) {
                expect(isInteger(value), "an integer", value, path);
            }
            else if (raw == Double.class || raw == double.class || raw == Float.class || raw == float.class
                    || raw == BigDecimal.class || raw == Number.class) {
                expect(value instanceof Number, "a number", value, path);
            }
            else if (raw == Boolean.class || raw == boolean.class) {
                expect(value instanceof Boolean, "a boolean", value, path);
            }
            else if (raw == Object.class || simpleName.equals("AnyType") || simpleName.equals("JsonElement")
                    || simpleName.equals("JsonNode") || hasCustomFormat(raw)) {
                return; // free-form (x-kubernetes-preserve-unknown-fields and the like), or a format of its own
            }
            else if (raw.isEnum()) {
                Set<String> allowed = enumValues(raw);
                expect(value instanceof String text && allowed.contains(text), "one of " + allowed, value, path);
            }
            else if (type.isCollectionLikeType() || type.isArrayType()) {
                if (expect(value instanceof List<?>, "a list", value, path)) {
                    List<?> items = (List<?>) value;
                    for (int index = 0; index < items.size(); index++) {
                        value(items.get(index), type.getContentType(), path + "[" + index + "]");
                    }
                }
            }
            else if (type.isMapLikeType()) {
                if (expect(value instanceof Map<?, ?>, "a map", value, path)) {
                    for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                        if (expect(entry.getKey() instanceof String, "a string key", entry.getKey(), path)) {
                            value(entry.getValue(), type.getContentType(), join(path, (String) entry.getKey()));
                        }
                    }
                }
            }
            else if (expect(value instanceof Map<?, ?>, "an object (" + simpleName + ")", value, path)) {
                object((Map<?, ?>) value, Schema.of(raw), path);
            }
        }

        private void object(Map<?, ?> object, Schema schema, String path) {
            for (Map.Entry<?, ?> entry : object.entrySet()) {
                if (!(entry.getKey() instanceof String key)) {
                    problems.add(at(path) + "key " + entry.getKey() + " is not a string");
                }
                else if (!schema.fields().containsKey(key)) {
                    problems.add(at(join(path, key)) + "unknown field (not in " + schema.name() + ")"
                            + suggestion(key, schema.fields().keySet()));
                }
                else {
                    value(entry.getValue(), schema.fields().get(key), join(path, key));
                }
            }
            for (String required : schema.required()) {
                if (object.get(required) == null) {
                    problems.add(at(join(path, required)) + "required by " + schema.name() + " but missing");
                }
            }
        }

        private boolean expect(boolean valid, String expected, Object value, String path) {
            if (!valid) {
                problems.add(at(path) + "must be " + expected + ", is " + describe(value));
            }
            return valid;
        }

        private static boolean isInteger(Object value) {
            return value instanceof Integer || value instanceof Long || value instanceof BigInteger;
        }

        private static boolean hasCustomFormat(Class<?> type) {
            JsonDeserialize jackson = type.getAnnotation(JsonDeserialize.class);
            return type.isAnnotationPresent(JsonAdapter.class)
                    || jackson != null && jackson.using() != JsonDeserializer.None.class;
        }

        private static Set<String> enumValues(Class<?> type) {
            Set<String> values = new LinkedHashSet<>();
            for (Object constant : type.getEnumConstants()) {
                String name = ((Enum<?>) constant).name();
                try {
                    Field field = type.getField(name);
                    Optional.ofNullable(field.getAnnotation(JsonProperty.class)).map(JsonProperty::value)
                            .ifPresent(values::add);
                    Optional.ofNullable(field.getAnnotation(SerializedName.class)).map(SerializedName::value)
                            .ifPresent(values::add);
                }
                catch (NoSuchFieldException ex) {
                    // not a plain constant
                }
                values.add(constant.toString());
            }
            return values;
        }

        private static String describe(Object value) {
            String text = String.valueOf(value);
            return (value instanceof String ? "the string \"" + text + "\""
                    : value instanceof Map<?, ?> ? "an object" : value instanceof List<?> ? "a list"
                    : value.getClass().getSimpleName().toLowerCase() + " " + text);
        }

        private static String join(String path, String key) {
            return path.isEmpty() ? key : path + "." + key;
        }

        private static String at(String path) {
            return (path.isEmpty() ? "(top)" : path) + ": ";
        }

        private static String suggestion(String key, Set<String> known) {
            return known.stream().filter(candidate -> distance(key.toLowerCase(), candidate.toLowerCase()) <= 2)
                    .findFirst().map(candidate -> "; did you mean " + candidate + "?").orElse("");
        }

        private static int distance(String a, String b) {
            int[] previous = new int[b.length() + 1];
            int[] current = new int[b.length() + 1];
            for (int j = 0; j <= b.length(); j++) {
                previous[j] = j;
            }
            for (int i = 1; i <= a.length(); i++) {
                current[0] = i;
                for (int j = 1; j <= b.length(); j++) {
                    int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                    current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
                }
                int[] swap = previous;
                previous = current;
                current = swap;
            }
            return previous[b.length()];
        }
    }
}
