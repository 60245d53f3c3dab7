package dev.cairn.server.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import dev.cairn.keys.KeyType;
import dev.cairn.trust.identity.TrustDomain;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads the configuration file (a JSON object of sections, each an object of keys with scalar
 * values), applies environment overrides ({@code CAIRN_SERVER_<SECTION>_<KEY>}) and validates every
 * value. All problems are reported at once, in one {@link MalformedInputException} whose code is the
 * first problem's; nothing is guessed: an unknown key, a duplicate key, a value of the wrong type or
 * out of bounds, a missing required key or a password in the file stops start-up.
 */
public final class ConfigLoader {
    /** The largest configuration file read. */
    public static final int MAX_FILE_BYTES = 64 * 1024;

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(JsonParser.Feature.ALLOW_COMMENTS)
            .build();

    private final List<Problem> problems = new ArrayList<>();

    private record Problem(ErrorCode code, String message) {}

    private ConfigLoader() {}

    /**
     * Loads and validates the configuration.
     *
     * @param file the configuration file, or empty to use defaults and the environment only
     * @param environment the process environment (only {@code CAIRN_SERVER_} variables are read)
     * @param workingDirectory what relative paths are resolved against
     * @return the configuration
     * @throws MalformedInputException {@link ErrorCode#CONFIG_MALFORMED}, {@link
     *     ErrorCode#CONFIG_UNKNOWN_KEY}, {@link ErrorCode#CONFIG_MISSING}, {@link
     *     ErrorCode#CONFIG_INVALID} or {@link ErrorCode#CONFIG_UNSAFE}, with every problem found
     */
    public static ServerConfig load(Optional<Path> file, Map<String, String> environment, Path workingDirectory) {
        ConfigLoader loader = new ConfigLoader();
        Map<String, String> values = new TreeMap<>();
        file.ifPresent(path -> loader.readFile(path, values));
        Optional<String> password = loader.readEnvironment(environment, values);
        ServerConfig config = loader.build(values, password, workingDirectory);
        if (!loader.problems.isEmpty()) {
            StringBuilder message = new StringBuilder("the configuration is not usable:");
            for (Problem problem : loader.problems) {
                message.append("\n  - ").append(problem.code()).append(": ").append(problem.message());
            }
            throw new MalformedInputException(loader.problems.get(0).code(), message.toString());
        }
        return config;
    }

    private void problem(ErrorCode code, String message) {
        problems.add(new Problem(code, message));
    }

    private void readFile(Path path, Map<String, String> values) {
        byte[] bytes;
        try {
            if (!Files.isRegularFile(path)) {
                problem(ErrorCode.CONFIG_MALFORMED, path + " is not a regular file");
                return;
            }
            if (Files.size(path) > MAX_FILE_BYTES) {
                problem(ErrorCode.CONFIG_MALFORMED, path + " is larger than " + MAX_FILE_BYTES + " bytes");
                return;
            }
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            problem(ErrorCode.CONFIG_MALFORMED, path + " cannot be read: " + e.getMessage());
            return;
        }
        JsonNode root;
        try {
            root = JSON.readTree(new String(bytes, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            problem(ErrorCode.CONFIG_MALFORMED, path + " is not one JSON object: " + e.getOriginalMessage());
            return;
        }
        if (root == null || !root.isObject()) {
            problem(ErrorCode.CONFIG_MALFORMED, path + " must hold one JSON object of sections");
            return;
        }
        Map<String, Setting> known = new LinkedHashMap<>();
        Settings.ALL.forEach(s -> known.put(s.key(), s));
        for (Map.Entry<String, JsonNode> section : root.properties()) {
            if (!section.getValue().isObject()) {
                problem(ErrorCode.CONFIG_MALFORMED, "section " + quoted(section.getKey()) + " must be an object");
                continue;
            }
            for (Map.Entry<String, JsonNode> entry : section.getValue().properties()) {
                String key = section.getKey() + "." + entry.getKey();
                Setting setting = known.get(key);
                if ("database.password".equals(key)) {
                    problem(
                            ErrorCode.CONFIG_UNSAFE,
                            "database.password must not be written in the configuration file; use"
                                    + " database.password_file or " + Settings.DATABASE_PASSWORD_ENV);
                } else if (setting == null) {
                    problem(ErrorCode.CONFIG_UNKNOWN_KEY, "unknown key " + quoted(key));
                } else {
                    fileValue(setting, entry.getValue()).ifPresent(text -> values.put(key, text));
                }
            }
        }
    }

    private Optional<String> fileValue(Setting setting, JsonNode node) {
        boolean fits = switch (setting.kind()) {
            case INTEGER -> node.isIntegralNumber() && node.canConvertToInt();
            case BOOLEAN -> node.isBoolean();
            default -> node.isTextual();
        };
        if (!fits) {
            problem(ErrorCode.CONFIG_INVALID, setting.key() + " must be " + article(setting.kind()) + ", got " + node);
            return Optional.empty();
        }
        return Optional.of(node.asText());
    }

    private Optional<String> readEnvironment(Map<String, String> environment, Map<String, String> values) {
        Map<String, Setting> byVariable = new LinkedHashMap<>();
        Settings.ALL.forEach(s -> byVariable.put(s.environmentVariable(), s));
        Optional<String> password = Optional.empty();
        for (Map.Entry<String, String> variable : new TreeMap<>(environment).entrySet()) {
            String name = variable.getKey();
            if (!name.startsWith(Settings.ENV_PREFIX)) {
                continue;
            }
            if (name.equals(Settings.DATABASE_PASSWORD_ENV)) {
                password = Optional.of(variable.getValue());
                continue;
            }
            Setting setting = byVariable.get(name);
            if (setting == null) {
                problem(ErrorCode.CONFIG_UNKNOWN_KEY, "unknown environment variable " + name);
            } else {
                values.put(setting.key(), variable.getValue());
            }
        }
        return password;
    }

    private ServerConfig build(Map<String, String> values, Optional<String> envPassword, Path workingDirectory) {
        Values v = new Values(values, workingDirectory);
        Path dataDir = v.path(Settings.DATA_DIR).orElse(workingDirectory.resolve("cairn-data"));
        TrustDomain trustDomain = v.trustDomain();
        String host = v.text(Settings.LISTEN_HOST);
        if (host.isBlank()) {
            problem(ErrorCode.CONFIG_INVALID, "listen.host must not be empty");
        }
        int port = v.integer(Settings.LISTEN_PORT, 0, 65535);
        String url = v.text(Settings.DATABASE_URL);
        if (!url.isEmpty() && !url.startsWith("jdbc:postgresql://")) {
            problem(
                    ErrorCode.CONFIG_INVALID,
                    "database.url must be empty (embedded H2) or a jdbc:postgresql:// URL, got " + quoted(url));
        }
        Optional<String> password = envPassword;
        Optional<Path> passwordFile = v.path(Settings.DATABASE_PASSWORD_FILE);
        if (passwordFile.isPresent()) {
            if (password.isPresent()) {
                problem(
                        ErrorCode.CONFIG_INVALID,
                        "give the database password once: database.password_file or " + Settings.DATABASE_PASSWORD_ENV);
            } else {
                password = readPassword(passwordFile.get());
            }
        }
        ServerConfig.Database database = new ServerConfig.Database(
                url, v.text(Settings.DATABASE_USER), password, v.integer(Settings.DATABASE_POOL_SIZE, 2, 64));
        KeyType keyType = switch (v.text(Settings.CA_KEY_TYPE)) {
            case "p256" -> KeyType.P256;
            case "ed25519" -> KeyType.ED25519;
            default -> {
                problem(ErrorCode.CONFIG_INVALID, "ca.key_type must be p256 or ed25519");
                yield KeyType.P256;
            }
        };
        ServerConfig.Ca ca = new ServerConfig.Ca(
                keyType,
                v.bool(Settings.CA_OFFLINE_ROOT),
                v.duration(Settings.CA_INTERMEDIATE_TTL, Duration.ofDays(1), Duration.ofDays(5 * 365)));
        Duration nodeCertTtl = v.duration(Settings.NODE_CERT_TTL, Duration.ofMinutes(5), Duration.ofDays(7));
        ServerConfig.Enrollment enrollment = new ServerConfig.Enrollment(
                v.bool(Settings.ENROLLMENT_AUTO_APPROVE),
                v.duration(Settings.ENROLLMENT_TOKEN_TTL, Duration.ofSeconds(60), Duration.ofDays(7)));
        ServerConfig.Audit audit = new ServerConfig.Audit(
                v.duration(Settings.AUDIT_CHECKPOINT_INTERVAL, Duration.ofSeconds(1), Duration.ofHours(1)),
                v.integer(Settings.AUDIT_GROUP_COMMIT, 1, 1024));
        Duration headValidity =
                v.duration(Settings.REVOCATION_HEAD_VALIDITY, Duration.ofMinutes(5), Duration.ofDays(1));
        int maxBody = v.integer(Settings.HTTP_MAX_BODY, 1024, 16 * 1024 * 1024);
        Duration tokenTtl = v.duration(Settings.OPERATOR_TOKEN_TTL, Duration.ofMinutes(1), Duration.ofHours(24));
        if (trustDomain == null) {
            return null;
        }
        return new ServerConfig(
                dataDir,
                trustDomain,
                new ServerConfig.Listen(host, port),
                database,
                ca,
                nodeCertTtl,
                enrollment,
                audit,
                headValidity,
                maxBody,
                tokenTtl);
    }

    private Optional<String> readPassword(Path file) {
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > 4096) {
                problem(ErrorCode.CONFIG_INVALID, "database.password_file " + file + " is not a file of at most 4 KiB");
                return Optional.empty();
            }
            if (OwnerOnly.isOpenToOthers(file)) {
                problem(
                        ErrorCode.CONFIG_UNSAFE,
                        "database.password_file " + file + " may be read by group or others; chmod 600 it");
                return Optional.empty();
            }
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            problem(ErrorCode.CONFIG_INVALID, "database.password_file " + file + " cannot be read: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** Typed access to the resolved textual values, recording a problem for each bad one. */
    private final class Values {
        private final Map<String, String> values;
        private final Path workingDirectory;

        Values(Map<String, String> values, Path workingDirectory) {
            this.values = values;
            this.workingDirectory = workingDirectory;
        }

        String text(Setting setting) {
            String value = values.get(setting.key());
            if (value == null) {
                value = setting.defaultValue().orElse(null);
            }
            if (value == null) {
                problem(
                        ErrorCode.CONFIG_MISSING,
                        setting.key() + " is required (" + setting.description() + ") — set it in the file or "
                                + setting.environmentVariable());
                return "";
            }
            return value;
        }

        TrustDomain trustDomain() {
            String text = text(Settings.TRUST_DOMAIN);
            if (text.isEmpty()) {
                return null;
            }
            try {
                return new TrustDomain(text);
            } catch (RuntimeException e) {
                problem(ErrorCode.CONFIG_INVALID, "server.trust_domain " + quoted(text) + ": " + e.getMessage());
                return null;
            }
        }

        Optional<Path> path(Setting setting) {
            String text = text(setting);
            if (text.isEmpty()) {
                return Optional.empty();
            }
            try {
                return Optional.of(
                        workingDirectory.resolve(text).toAbsolutePath().normalize());
            } catch (RuntimeException e) {
                problem(ErrorCode.CONFIG_INVALID, setting.key() + " is not a path: " + quoted(text));
                return Optional.empty();
            }
        }

        int integer(Setting setting, int min, int max) {
            String text = text(setting);
            try {
                int value = Integer.parseInt(text);
                if (value < min || value > max) {
                    problem(
                            ErrorCode.CONFIG_INVALID,
                            setting.key() + " must be between " + min + " and " + max + ", got " + value);
                    return min;
                }
                return value;
            } catch (NumberFormatException e) {
                problem(ErrorCode.CONFIG_INVALID, setting.key() + " must be an integer, got " + quoted(text));
                return min;
            }
        }

        boolean bool(Setting setting) {
            String text = text(setting);
            if (!text.equals("true") && !text.equals("false")) {
                problem(ErrorCode.CONFIG_INVALID, setting.key() + " must be true or false, got " + quoted(text));
            }
            return text.equals("true");
        }

        Duration duration(Setting setting, Duration min, Duration max) {
            String text = text(setting);
            try {
                Duration value = Duration.parse(text);
                if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
                    problem(
                            ErrorCode.CONFIG_INVALID,
                            setting.key() + " must be between " + min + " and " + max + ", got " + value);
                    return min;
                }
                return value;
            } catch (DateTimeParseException e) {
                problem(
                        ErrorCode.CONFIG_INVALID,
                        setting.key() + " must be an ISO-8601 duration such as PT10S, got " + quoted(text));
                return min;
            }
        }
    }

    private static String article(ValueKind kind) {
        return switch (kind) {
            case INTEGER -> "a JSON integer";
            case BOOLEAN -> "a JSON boolean";
            default -> "a JSON string";
        };
    }

    private static String quoted(String text) {
        String shown = text.length() > 80 ? text.substring(0, 80) + "..." : text;
        return "\"" + shown.replaceAll("\\p{Cntrl}", "?") + "\"";
    }
}
