package dev.cairn.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Java snippets in README.md compile against the current API and run without throwing. */
class ReadmeSnippetTest {
    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
    private static final String IMPORTS = String.join(
            "\n",
            "import dev.cairn.cbor.*;",
            "import dev.cairn.cose.*;",
            "import dev.cairn.keys.*;",
            "import dev.cairn.bytes.InsecureSecretKeyAccess;",
            "import dev.cairn.trust.bundle.*;",
            "import dev.cairn.trust.ca.*;",
            "import dev.cairn.trust.csr.*;",
            "import dev.cairn.trust.identity.*;",
            "import dev.cairn.trust.revocation.*;",
            "import dev.cairn.trust.tls.*;",
            "import java.nio.file.Path;",
            "import java.security.SecureRandom;",
            "import java.security.cert.X509Certificate;",
            "import java.time.*;",
            "import java.util.*;",
            "import javax.net.ssl.SSLContext;");

    @Test
    void readmeSnippetsCompileAndRun(@TempDir Path dir) throws Exception {
        String readme = Files.readString(VectorsTest.ROOT.resolve("README.md"), StandardCharsets.UTF_8);
        Matcher blocks = JAVA_BLOCK.matcher(readme);
        List<String> snippets = new ArrayList<>();
        while (blocks.find()) {
            snippets.add(blocks.group(1));
        }
        assertFalse(snippets.isEmpty(), "README.md has no java snippet");
        for (int i = 0; i < snippets.size(); i++) {
            String name = "Snippet" + i;
            String source = IMPORTS + "\npublic class " + name + " implements Runnable {\n public void run() {\n"
                    + snippets.get(i) + "\n }\n}\n";
            compileAndRun(dir, name, source);
        }
    }

    private static void compileAndRun(Path dir, String name, String source)
            throws IOException, ReflectiveOperationException {
        Path file = dir.resolve(name + ".java");
        Files.writeString(file, source, StandardCharsets.UTF_8);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertNotNull(javac, "tests need a JDK");
        int status = javac.run(
                null,
                null,
                null,
                "-proc:none",
                "-cp",
                System.getProperty("java.class.path"),
                "-d",
                dir.toString(),
                file.toString());
        assertEquals(0, status, "README snippet " + name + " does not compile:\n" + source);
        try (URLClassLoader loader =
                new URLClassLoader(new URL[] {dir.toUri().toURL()}, ReadmeSnippetTest.class.getClassLoader())) {
            Runnable snippet =
                    (Runnable) loader.loadClass(name).getDeclaredConstructor().newInstance();
            snippet.run();
        }
    }
}
