package dev.cachet.store.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;

/** Wraps a data source to record how each query was executed: fetch size, cursor type, autocommit. */
final class StatementSpy {
    private final DataSource target;
    private final List<Query> queries = new CopyOnWriteArrayList<>();

    /**
     * How one query ran.
     *
     * @param fetchSize the statement's fetch size
     * @param forwardOnly whether its result set is forward-only
     * @param autoCommit whether the connection was in autocommit mode
     */
    record Query(int fetchSize, boolean forwardOnly, boolean autoCommit) {
    }

    StatementSpy(DataSource target) {
        this.target = target;
    }

    /** @return a data source whose connections record every {@code executeQuery} */
    DataSource dataSource() {
        return proxy(DataSource.class, target, (method, result) ->
                result instanceof Connection ? proxy(Connection.class, result, this::spyStatement) : result);
    }

    /** @return the queries run so far */
    List<Query> queries() {
        return List.copyOf(queries);
    }

    private Object spyStatement(Method method, Object result) {
        if (!(result instanceof PreparedStatement)) {
            return result;
        }
        PreparedStatement statement = (PreparedStatement) result;
        return proxy(PreparedStatement.class, statement, (m, r) -> {
            if (m.getName().equals("executeQuery")) {
                queries.add(new Query(statement.getFetchSize(),
                        statement.getResultSetType() == ResultSet.TYPE_FORWARD_ONLY,
                        statement.getConnection().getAutoCommit()));
            }
            return r;
        });
    }

    /** What to return instead of a call's result. */
    @FunctionalInterface
    private interface AfterCall {
        Object apply(Method method, Object result) throws Exception;
    }

    private static <T> T proxy(Class<T> type, Object target, AfterCall after) {
        InvocationHandler handler = (proxy, method, args) -> {
            try {
                return after.apply(method, method.invoke(target, args));
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return type.cast(Proxy.newProxyInstance(StatementSpy.class.getClassLoader(), new Class<?>[] {type},
                handler));
    }
}
