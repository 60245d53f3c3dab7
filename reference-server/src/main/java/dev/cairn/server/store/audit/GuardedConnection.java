package dev.cairn.server.store.audit;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.Set;

/**
 * The connection a {@link Mutation} sees: the batch's transaction, with the calls that would end or
 * split it refused ({@link IllegalStateException}), so that one mutation cannot commit or roll back
 * the others.
 */
final class GuardedConnection implements InvocationHandler {
    private static final Set<String> REFUSED = Set.of(
            "commit",
            "rollback",
            "setAutoCommit",
            "setSavepoint",
            "releaseSavepoint",
            "close",
            "abort",
            "setTransactionIsolation",
            "setReadOnly");

    private final Connection target;

    private GuardedConnection(Connection target) {
        this.target = target;
    }

    static Connection wrap(Connection target) {
        return (Connection) Proxy.newProxyInstance(
                Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, new GuardedConnection(target));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        String name = method.getName();
        if (REFUSED.contains(name)) {
            throw new IllegalStateException(
                    "a mutation must not call Connection." + name + ": the audit log owns the transaction");
        }
        if (name.equals("toString") && (args == null || args.length == 0)) {
            return "GuardedConnection[" + target + "]";
        }
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
