package app.landfall.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.SQLDialect;
import org.jooq.Select;
import org.jooq.impl.DSL;

/**
 * A jOOQ query rendered to SQL once, for a hot path that a measurement in docs/benchmarks.md
 * justifies: rendering a query with subqueries, multisets or thousands of values costs more Java
 * time than PostgreSQL takes to run it. This is the one way Landfall runs SQL that jOOQ does not
 * render on each call; everything else uses the DSL as usual.
 *
 * <p>The query (a select, or an insert, update or delete, with or without {@code RETURNING}) is
 * built with the DSL and named parameters ({@code DSL.param("lf_order", Long.class)}; the names
 * start with {@code lf_}); every other value in it is a constant and is inlined. Where the DSL
 * cannot say it (several arrays unnested {@code WITH ORDINALITY}), a jOOQ plain-SQL template
 * ({@code DSL.query(text, params…)}) with the same named parameters is rendered the same way.
 * Each use binds the values by name (an array parameter takes a Java array of Long, Integer,
 * String, Boolean or BigDecimal) and sends the SQL to JDBC as it is: jOOQ's plain-SQL templating
 * would scan the text again on every call, which for a statement of a few kilobytes costs more
 * than running it. Rows are read back with the query's own fields, so multisets and converters
 * work as usual, or straight from the {@link ResultSet}.
 */
public final class RenderedQuery {
    private static final Pattern NAMED = Pattern.compile(":(lf_[a-z0-9_]+)");
    private static final DSLContext RENDERER = DSL.using(SQLDialect.POSTGRES);
    /** The PostgreSQL element type of an array value, by its Java element type. */
    private static final Map<Class<?>, String> ARRAY_TYPES = Map.of(Long.class, "bigint", Integer.class, "integer",
            String.class, "text", Boolean.class, "boolean", java.math.BigDecimal.class, "numeric");

    private final String sql;
    /** The parameter name of each {@code ?} in {@link #sql}, in order (a name used twice is here twice). */
    private final List<String> params;
    private final Field<?>[] fields;

    private RenderedQuery(String sql, List<String> params, Field<?>[] fields) {
        this.sql = sql;
        this.params = params;
        this.fields = fields;
    }

    public static RenderedQuery of(Query query) {
        String named = RENDERER.renderNamedOrInlinedParams(query);
        List<String> params = new ArrayList<>();
        Matcher m = NAMED.matcher(named);
        StringBuilder sql = new StringBuilder();
        while (m.find()) {
            params.add(m.group(1));
            m.appendReplacement(sql, "?");
        }
        m.appendTail(sql);
        Field<?>[] fields = query instanceof Select<?> select ? select.getSelect().toArray(Field<?>[]::new)
                : query instanceof ResultQuery<?> result ? result.fields() : new Field<?>[0];
        return new RenderedQuery(sql.toString(), List.copyOf(params), fields);
    }

    /** Reads the rows of a statement on its connection. */
    @FunctionalInterface
    public interface Rows<T> {
        T read(ResultSet rows) throws SQLException;
    }

    /**
     * Runs the query with these values (by parameter name) on {@code dsl}'s connection (a
     * transaction's, for locks) and reads the rows with the query's fields.
     */
    public org.jooq.Result<Record> fetch(DSLContext dsl, Map<String, ?> values) {
        return dsl.connectionResult(connection -> query(connection, values, rows -> dsl.fetch(rows, fields)));
    }

    /** Runs a statement without rows on {@code dsl}'s connection; returns how many rows it changed. */
    public int execute(DSLContext dsl, Map<String, ?> values) {
        return dsl.connectionResult(connection -> execute(connection, values));
    }

    /** Runs the query on this connection and hands its rows to {@code read}. */
    public <T> T query(Connection connection, Map<String, ?> values, Rows<T> read) throws SQLException {
        try (PreparedStatement statement = prepare(connection, values); ResultSet rows = statement.executeQuery()) {
            return read.read(rows);
        }
    }

    /** Runs a statement without rows on this connection; returns how many rows it changed. */
    public int execute(Connection connection, Map<String, ?> values) throws SQLException {
        try (PreparedStatement statement = prepare(connection, values)) {
            return statement.executeUpdate();
        }
    }

    private PreparedStatement prepare(Connection connection, Map<String, ?> values) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < params.size(); i++) {
                String name = params.get(i);
                if (!values.containsKey(name)) {
                    throw new IllegalArgumentException("no value for :" + name);
                }
                Object value = values.get(name);
                if (value instanceof Object[] array) {
                    String element = ARRAY_TYPES.get(array.getClass().getComponentType());
                    if (element == null) {
                        throw new IllegalArgumentException(":" + name + " is an array of " + array.getClass().getComponentType());
                    }
                    statement.setArray(i + 1, connection.createArrayOf(element, array));
                } else {
                    statement.setObject(i + 1, value);
                }
            }
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    /** The SQL as sent (for tests and logs). */
    public String sql() {
        return sql;
    }
}
