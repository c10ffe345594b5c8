package app.landfall.db;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.Select;
import org.jooq.impl.DSL;

/**
 * A jOOQ query rendered to SQL once, for a hot path: rendering a query with subqueries and
 * multisets costs more Java time than PostgreSQL takes to run it. The query is written with named
 * parameters ({@code DSL.param("lf_order", Long.class)}; the names start with {@code lf_}); every
 * other value in it is a constant and is inlined. Each use binds the named values by name and reads
 * the result with the query's own fields, so multisets and converters work as usual.
 */
public final class RenderedQuery {
    private static final Pattern NAMED = Pattern.compile(":(lf_[a-z0-9_]+)");
    private static final DSLContext RENDERER = DSL.using(SQLDialect.POSTGRES);

    private final String sql;
    private final List<String> params;
    private final Field<?>[] fields;

    private RenderedQuery(String sql, List<String> params, Field<?>[] fields) {
        this.sql = sql;
        this.params = params;
        this.fields = fields;
    }

    public static RenderedQuery of(Select<?> query) {
        String named = RENDERER.renderNamedOrInlinedParams(query);
        List<String> params = new ArrayList<>();
        Matcher m = NAMED.matcher(named);
        StringBuilder sql = new StringBuilder();
        while (m.find()) {
            params.add(m.group(1));
            m.appendReplacement(sql, "?");
        }
        m.appendTail(sql);
        return new RenderedQuery(sql.toString(), List.copyOf(params), query.getSelect().toArray(Field<?>[]::new));
    }

    /**
     * Runs the query with these values (by parameter name) on {@code dsl}'s connection (a
     * transaction's, for locks). The SQL goes to JDBC as it is: jOOQ's plain-SQL templating scans
     * the text on every call, which for a statement of a few kilobytes costs more than running it.
     */
    public org.jooq.Result<Record> fetch(DSLContext dsl, Map<String, ?> values) {
        return dsl.connectionResult(connection -> {
            try (java.sql.PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < params.size(); i++) {
                    String name = params.get(i);
                    if (!values.containsKey(name)) {
                        throw new IllegalArgumentException("no value for :" + name);
                    }
                    statement.setObject(i + 1, values.get(name));
                }
                try (java.sql.ResultSet rows = statement.executeQuery()) {
                    return dsl.fetch(rows, fields);
                }
            }
        });
    }

    /**
     * A statement straight to JDBC (see {@link #fetch}): returns the rows it changed or, for one
     * that returns rows (a {@code SELECT … FOR UPDATE}), how many it returned.
     */
    public static int execute(DSLContext dsl, String sql, Object... values) {
        return dsl.connectionResult(connection -> {
            try (java.sql.PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < values.length; i++) {
                    statement.setObject(i + 1, values[i]);
                }
                if (!statement.execute()) {
                    return statement.getUpdateCount();
                }
                int rows = 0;
                try (java.sql.ResultSet result = statement.getResultSet()) {
                    while (result.next()) {
                        rows++;
                    }
                }
                return rows;
            }
        });
    }

    /** The SQL as sent (for tests and logs). */
    public String sql() {
        return sql;
    }
}
