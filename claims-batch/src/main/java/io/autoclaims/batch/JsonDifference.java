package io.autoclaims.batch;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The first field at which two JSON records differ, as a dotted path ({@code reasons[0].text}) with
 * the old and the new value as JSON text. Only run for records whose bytes differ, so it builds both
 * trees in full.
 */
final class JsonDifference {
    private static final JsonFactory JSON = new JsonFactory();
    /** Longer values are cut in the report: an object or a long text is named, not copied whole. */
    private static final int SHOWN = 200;

    /** Where two records first differ; a null value is a field that is absent on that side. */
    record At(String path, String oldValue, String newValue) {
    }

    private JsonDifference() {
    }

    /** A scalar as its token and its text exactly as written (numbers keep their digits). */
    private record Scalar(JsonToken token, String text) {
        String json() {
            return token == JsonToken.VALUE_STRING ? "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + "\""
                    : text;
        }
    }

    static At first(byte[] old, byte[] now) {
        Object a = tree(old);
        Object b = tree(now);
        At at = first("", a, b);
        if (at != null) {
            return at;
        }
        return new At("", "the same JSON in other bytes (spacing, escapes or number form)", "");
    }

    private static At first(String path, Object a, Object b) {
        if (a instanceof Map<?, ?> ma && b instanceof Map<?, ?> mb) {
            for (Map.Entry<?, ?> e : ma.entrySet()) {
                String p = child(path, (String) e.getKey());
                if (!mb.containsKey(e.getKey())) {
                    return new At(p, show(e.getValue()), null);
                }
                At at = first(p, e.getValue(), mb.get(e.getKey()));
                if (at != null) {
                    return at;
                }
            }
            for (Map.Entry<?, ?> e : mb.entrySet()) {
                if (!ma.containsKey(e.getKey())) {
                    return new At(child(path, (String) e.getKey()), null, show(e.getValue()));
                }
            }
            if (!new ArrayList<>(ma.keySet()).equals(new ArrayList<>(mb.keySet()))) {
                return new At(path, "fields in the order " + ma.keySet(), "fields in the order " + mb.keySet());
            }
            return null;
        }
        if (a instanceof List<?> la && b instanceof List<?> lb) {
            for (int i = 0; i < Math.min(la.size(), lb.size()); i++) {
                At at = first(path + "[" + i + "]", la.get(i), lb.get(i));
                if (at != null) {
                    return at;
                }
            }
            if (la.size() != lb.size()) {
                int i = Math.min(la.size(), lb.size());
                return new At(path + "[" + i + "]", i < la.size() ? show(la.get(i)) : null, i < lb.size() ? show(lb.get(i)) : null);
            }
            return null;
        }
        return a.equals(b) ? null : new At(path, show(a), show(b));
    }

    private static String child(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    /** A value as compact JSON text, cut at {@value #SHOWN} characters. */
    static String show(Object v) {
        StringBuilder s = new StringBuilder();
        write(v, s);
        return s.length() <= SHOWN ? s.toString() : s.substring(0, SHOWN) + "…";
    }

    private static void write(Object v, StringBuilder s) {
        if (s.length() > SHOWN) {
            return;
        }
        if (v instanceof Map<?, ?> m) {
            s.append('{');
            Iterator<? extends Map.Entry<?, ?>> it = m.entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<?, ?> e = it.next();
                s.append(new Scalar(JsonToken.VALUE_STRING, (String) e.getKey()).json()).append(':');
                write(e.getValue(), s);
                s.append(it.hasNext() ? "," : "");
            }
            s.append('}');
        } else if (v instanceof List<?> l) {
            s.append('[');
            for (int i = 0; i < l.size(); i++) {
                write(l.get(i), s);
                s.append(i + 1 < l.size() ? "," : "");
            }
            s.append(']');
        } else {
            s.append(((Scalar) v).json());
        }
    }

    /** The record as nested maps, lists and scalars; a line that is not JSON is one scalar of its text. */
    private static Object tree(byte[] bytes) {
        try (JsonParser p = JSON.createParser(bytes)) {
            JsonToken t = p.nextToken();
            return t == null ? new Scalar(JsonToken.NOT_AVAILABLE, "") : value(p, t);
        } catch (IOException e) {
            return new Scalar(JsonToken.NOT_AVAILABLE, new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    private static Object value(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.START_OBJECT) {
            Map<String, Object> m = new LinkedHashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                m.put(name, value(p, p.nextToken()));
            }
            return m;
        }
        if (t == JsonToken.START_ARRAY) {
            List<Object> l = new ArrayList<>();
            for (JsonToken x; (x = p.nextToken()) != JsonToken.END_ARRAY; ) {
                l.add(value(p, x));
            }
            return l;
        }
        return new Scalar(t, p.getText());
    }
}
