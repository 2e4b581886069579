package dev.floe.expressions;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** An ordered list of uniquely named columns. Immutable. */
public record Schema(List<Field> fields) implements Serializable {
    public Schema {
        requireNonNull(fields, "fields is null");
        fields = List.copyOf(fields);
        for (int i = 0; i < fields.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (fields.get(i).name().equals(fields.get(j).name())) {
                    throw new IllegalArgumentException("duplicate column name '" + fields.get(i).name()
                            + "' at positions " + j + " and " + i + " of " + fields);
                }
            }
        }
    }

    public static Schema of(Field... fields) {
        return new Schema(List.of(fields));
    }

    public int size() {
        return fields.size();
    }

    public Field field(int index) {
        return fields.get(index);
    }

    /** The position of the column named {@code name}, or -1. */
    public int indexOf(String name) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    public List<String> names() {
        List<String> names = new ArrayList<>(fields.size());
        for (Field f : fields) {
            names.add(f.name());
        }
        return names;
    }

    public org.apache.arrow.vector.types.pojo.Schema toArrow() {
        return new org.apache.arrow.vector.types.pojo.Schema(
                fields.stream().map(Field::toArrow).collect(Collectors.toList()));
    }

    public static Schema fromArrow(org.apache.arrow.vector.types.pojo.Schema arrow) {
        return new Schema(arrow.getFields().stream()
                .map(f -> new Field(f.getName(), FloeType.fromArrow(f.getType())))
                .collect(Collectors.toList()));
    }

    @Override
    public String toString() {
        return fields.stream().map(Field::toString).collect(Collectors.joining(", ", "(", ")"));
    }
}
