package dev.floe.expressions;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;

/** A named, typed column of a {@link Schema}. Every column may hold NULLs. */
public record Field(String name, FloeType type) implements Serializable {
    public Field {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
    }

    public org.apache.arrow.vector.types.pojo.Field toArrow() {
        return org.apache.arrow.vector.types.pojo.Field.nullable(name, type.arrowType());
    }

    @Override
    public String toString() {
        return name + " " + type.sqlName();
    }
}
