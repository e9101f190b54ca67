package dev.acp4j.protocol.initialization;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a wire record with every component set, by reflection, except the {@code omit}-th one
 * met (counted depth first), which is left null: a field added to a record is set here without
 * anyone having to remember it.
 */
public final class RecordFiller {

    private final int omit;
    private int counter;

    private RecordFiller(int omit) {
        this.omit = omit;
    }

    public static <T> T fill(Class<T> type, int omit) {
        return type.cast(new RecordFiller(omit).value(type));
    }

    /** How many components {@link #fill} meets with nothing omitted. */
    public static int components(Class<?> type) {
        RecordFiller filler = new RecordFiller(-1);
        filler.value(type);
        return filler.counter;
    }

    private Object value(Type type) {
        if (type instanceof ParameterizedType parameterized) {
            Type[] arguments = parameterized.getActualTypeArguments();
            if (parameterized.getRawType() == List.class) {
                return list(arguments[0]);
            }
            return arguments[1] == String.class ? new LinkedHashMap<>(Map.of("KEY_" + counter, "v" + counter)) : meta();
        }
        Class<?> c = (Class<?>) type;
        if (c == Boolean.class || c == boolean.class) {
            return counter % 2 == 0;
        }
        if (c == Integer.class || c == int.class) {
            return counter;
        }
        if (c == String.class) {
            return "v" + counter;
        }
        if (c.isSealed()) {
            return value(c.getPermittedSubclasses()[counter % c.getPermittedSubclasses().length]);
        }
        if (c.isRecord()) {
            return record(c);
        }
        throw new IllegalArgumentException("no sample for " + c);
    }

    private Object record(Class<?> c) {
        RecordComponent[] components = c.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            boolean omitted = counter++ == omit && !types[i].isPrimitive();
            values[i] = omitted ? null : value(components[i].getGenericType());
        }
        try {
            return c.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Object> list(Type element) {
        List<Object> list = new ArrayList<>();
        if (element instanceof Class<?> c && c.isSealed()) {
            for (Class<?> subtype : c.getPermittedSubclasses()) {
                list.add(value(subtype));
            }
        } else {
            list.add(value(element));
            list.add(value(element));
        }
        return list;
    }

    private Map<String, Object> meta() {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("n", counter);
        meta.put("nothing", null);
        meta.put("list", Arrays.asList(1, "x", true, null));
        meta.put("nested", new LinkedHashMap<>(Map.of("f", new BigDecimal("1.5"))));
        return meta;
    }
}
