package dev.shopstream.devstack;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The launcher's configuration. Each setting is an environment variable such as {@code SHOPSTREAM_KAFKA_PORT}; the
 * system property of the same name in lower case with dots ({@code -Dshopstream.kafka.port}) takes precedence.
 */
record DevstackSettings(Path root, Path dataDirectory, Map<PortSetting, Integer> ports) {

    static final PortSetting POSTGRES_PORT = new PortSetting("SHOPSTREAM_PG_PORT", 15432);
    static final PortSetting KAFKA_PORT = new PortSetting("SHOPSTREAM_KAFKA_PORT", 9092);
    static final PortSetting KAFKA_CONTROLLER_PORT = new PortSetting("SHOPSTREAM_KAFKA_CONTROLLER_PORT", 9093);
    static final PortSetting KEYCLOAK_PORT = new PortSetting("SHOPSTREAM_KEYCLOAK_PORT", 8180);
    static final PortSetting SMTP_PORT = new PortSetting("SHOPSTREAM_SMTP_PORT", 3025);
    static final PortSetting MAIL_API_PORT = new PortSetting("SHOPSTREAM_MAIL_API_PORT", 8025);
    static final List<PortSetting> PLATFORM_PORTS =
            List.of(POSTGRES_PORT, KAFKA_PORT, KAFKA_CONTROLLER_PORT, KEYCLOAK_PORT, SMTP_PORT, MAIL_API_PORT);

    private static final String DATA_DIRECTORY = "SHOPSTREAM_DATA_DIR";

    /** The repository root comes from {@code -Dshopstream.root} (set by platform.sh), else the working directory. */
    static DevstackSettings load(List<LibertyService> services) {
        Path root = Path.of(System.getProperty("shopstream.root", System.getProperty("user.dir"))).toAbsolutePath().normalize();
        Path dataDirectory = lookup(DATA_DIRECTORY).map(Path::of).orElse(root.resolve(".devstack-data")).toAbsolutePath();
        Map<PortSetting, Integer> ports = new LinkedHashMap<>();
        PLATFORM_PORTS.forEach(setting -> ports.put(setting, resolve(setting)));
        services.forEach(service -> ports.put(service.port(), resolve(service.port())));
        return new DevstackSettings(root, dataDirectory, Collections.unmodifiableMap(ports));
    }

    int port(PortSetting setting) {
        Integer port = ports.get(setting);
        if (port == null) {
            throw new IllegalArgumentException("Unknown port setting " + setting.name());
        }
        return port;
    }

    private static int resolve(PortSetting setting) {
        return lookup(setting.name()).map(value -> parsePort(setting, value)).orElse(setting.defaultPort());
    }

    private static int parsePort(PortSetting setting, String value) {
        String digits = value.strip();
        if (digits.matches("\\d{1,5}")) {
            int port = Integer.parseInt(digits);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        }
        throw new IllegalArgumentException(setting.name() + " must be a port number from 1 to 65535, not '" + value + "'");
    }

    private static Optional<String> lookup(String setting) {
        String property = setting.toLowerCase(Locale.ROOT).replace('_', '.');
        return Optional.ofNullable(System.getProperty(property))
                .or(() -> Optional.ofNullable(System.getenv(setting)))
                .filter(value -> !value.isBlank());
    }
}
