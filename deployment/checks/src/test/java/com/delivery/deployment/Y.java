package com.delivery.deployment;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Navigation in parsed YAML/JSON without casts everywhere: {@code Y.map(doc, "spec", "template")}. */
final class Y {

    private Y() {
    }

    static Object get(Object node, Object... keys) {
        Object current = node;
        for (Object key : keys) {
            if (current instanceof Map<?, ?> map) {
                current = map.get(key);
            } else if (current instanceof List<?> list && key instanceof Integer index) {
                current = index < list.size() ? list.get(index) : null;
            } else {
                return null;
            }
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node, Object... keys) {
        Object value = get(node, keys);
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object node, Object... keys) {
        Object value = get(node, keys);
        return value instanceof List<?> l ? (List<Object>) l : List.of();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> maps(Object node, Object... keys) {
        return list(node, keys).stream().filter(Map.class::isInstance).map(m -> (Map<String, Object>) m).toList();
    }

    static String str(Object node, Object... keys) {
        Object value = get(node, keys);
        return value == null ? null : Objects.toString(value);
    }

    static Integer integer(Object node, Object... keys) {
        Object value = get(node, keys);
        if (value instanceof Number n) {
            return n.intValue();
        }
        return value == null ? null : Integer.valueOf(value.toString().trim());
    }
}
