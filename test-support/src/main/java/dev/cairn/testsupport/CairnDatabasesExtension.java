package dev.cairn.testsupport;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ClassTemplateInvocationContext;
import org.junit.jupiter.api.extension.ClassTemplateInvocationContextProvider;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstanceFactoryContext;
import org.junit.jupiter.api.extension.TestInstancePreConstructCallback;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The extension behind {@link CairnDatabases}; use the annotation rather than this class. It makes
 * one run of the test class per database and gives each run a fresh database.
 */
public final class CairnDatabasesExtension implements ClassTemplateInvocationContextProvider {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(CairnDatabasesExtension.class);
    private static final String KEY = "database";

    /** Created by JUnit through {@link CairnDatabases}. */
    public CairnDatabasesExtension() {}

    @Override
    public boolean supportsClassTemplate(ExtensionContext context) {
        return AnnotationSupport.findAnnotation(context.getTestClass(), CairnDatabases.class)
                .isPresent();
    }

    @Override
    public Stream<ClassTemplateInvocationContext> provideClassTemplateInvocationContexts(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        CairnDatabases annotation = AnnotationSupport.findAnnotation(testClass, CairnDatabases.class)
                .orElseThrow(() -> new ExtensionConfigurationException(testClass + " has no @CairnDatabases"));
        Set<TestDatabase> kinds = new LinkedHashSet<>(List.of(annotation.value()));
        if (kinds.isEmpty()) {
            throw new ExtensionConfigurationException("@CairnDatabases on " + testClass.getName()
                    + " names no database; leave value() out for all of them");
        }
        List<ClassTemplateInvocationContext> runs = new ArrayList<>();
        for (TestDatabase kind : kinds) {
            runs.add(new Run(kind));
        }
        return runs.stream();
    }

    /** One run of the class against one database. */
    private static final class Run implements ClassTemplateInvocationContext {
        private final TestDatabase kind;

        Run(TestDatabase kind) {
            this.kind = kind;
        }

        @Override
        public String getDisplayName(int invocationIndex) {
            return "[" + kind.id() + "]";
        }

        @Override
        public List<Extension> getAdditionalExtensions() {
            return List.of(new FreshDatabase(kind));
        }
    }

    /**
     * Creates the database before the run's first {@code @BeforeAll} (or before its test instance is
     * constructed, with {@code @TestInstance(PER_CLASS)}), resolves parameters to it, and removes it
     * after the run's last {@code @AfterAll}.
     */
    private static final class FreshDatabase
            implements TestInstancePreConstructCallback, BeforeAllCallback, AfterAllCallback, ParameterResolver {
        private final TestDatabase kind;

        FreshDatabase(TestDatabase kind) {
            this.kind = kind;
        }

        @Override
        public void preConstructTestInstance(TestInstanceFactoryContext factoryContext, ExtensionContext context) {
            if (context.getTestMethod().isEmpty()) {
                ensureDatabase(context);
            }
        }

        @Override
        public void beforeAll(ExtensionContext context) {
            ensureDatabase(context);
        }

        private void ensureDatabase(ExtensionContext context) {
            ExtensionContext.Store store = context.getStore(NAMESPACE);
            // Looks in the enclosing runs too: a @Nested class uses its outer class's database.
            if (store.get(KEY, TestDataSource.class) != null) {
                return;
            }
            TestDataSource db =
                    TestDatabases.create(kind, context.getRequiredTestClass().getSimpleName(), System.getenv());
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
                throw new ExtensionConfigurationException("no " + kind.id() + " database for "
                        + parameterContext.getDeclaringExecutable() + ": it is created before @BeforeAll");
            }
            return parameterContext.getParameter().getType() == DataSource.class ? db.dataSource() : db;
        }
    }
}
