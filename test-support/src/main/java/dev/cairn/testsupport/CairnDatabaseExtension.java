package dev.cairn.testsupport;

import javax.sql.DataSource;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstanceFactoryContext;
import org.junit.jupiter.api.extension.TestInstancePreConstructCallback;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The extension behind {@link CairnDatabase}; use the annotation rather than this class. It creates
 * the test class's database before {@code @BeforeAll} (before the test instance with {@code
 * @TestInstance(PER_CLASS)}), resolves {@link TestDataSource} and {@link DataSource} parameters, and
 * removes the database after {@code @AfterAll}.
 */
public final class CairnDatabaseExtension
        implements TestInstancePreConstructCallback, BeforeAllCallback, AfterAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(CairnDatabaseExtension.class);
    private static final String KEY = "database";

    /** Created by JUnit through {@link CairnDatabase}. */
    public CairnDatabaseExtension() {}

    @Override
    public void preConstructTestInstance(TestInstanceFactoryContext factoryContext, ExtensionContext context) {
        // With PER_CLASS the instance is built before beforeAll, and its constructor may want the
        // database. (With PER_METHOD, beforeAll has already run.)
        if (context.getTestInstanceLifecycle().orElse(null) == TestInstance.Lifecycle.PER_CLASS
                && context.getTestMethod().isEmpty()
                && context.getRequiredTestClass() == factoryContext.getTestClass()) {
            ensureDatabase(context);
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        ensureDatabase(context);
    }

    private static void ensureDatabase(ExtensionContext context) {
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        // Also looks in enclosing classes' contexts: a @Nested class uses its outer class's database.
        if (store.get(KEY, TestDataSource.class) != null) {
            return;
        }
        Class<?> testClass = context.getRequiredTestClass();
        TestDatabase kind = AnnotationSupport.findAnnotation(testClass, CairnDatabase.class)
                .map(CairnDatabase::value)
                .orElseThrow(() -> new ExtensionConfigurationException(
                        testClass.getName() + " is not annotated with @CairnDatabase"));
        TestDataSource db = TestDatabases.create(kind, testClass.getSimpleName(), System.getenv());
        // AutoCloseable: JUnit also closes it with the context, should afterAll not be reached.
        store.put(KEY, db);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        // Removes only what this class's own context holds, never an enclosing class's database.
        TestDataSource db = context.getStore(NAMESPACE).remove(KEY, TestDataSource.class);
        if (db != null) {
            db.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return type == TestDataSource.class || type == DataSource.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        TestDataSource db = extensionContext.getStore(NAMESPACE).get(KEY, TestDataSource.class);
        if (db == null) {
            throw new ExtensionConfigurationException(
                    "no test database yet for " + parameterContext.getDeclaringExecutable());
        }
        return parameterContext.getParameter().getType() == DataSource.class ? db.dataSource() : db;
    }
}
