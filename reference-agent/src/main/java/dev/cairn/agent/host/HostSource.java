package dev.cairn.agent.host;

import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;

/**
 * The machine identifiers a host fingerprint is made of ({@code spec/agent.md}, "Host binding"), in
 * the order they enter it. Each has a fixed wire name, which is also hashed.
 */
public enum HostSource {
    /** The operator's override file {@code /etc/cairn/host-id}; when present it is the only source. */
    OVERRIDE("override"),
    /** systemd's machine id: {@code /etc/machine-id}, or {@code /var/lib/dbus/machine-id} if that is absent. */
    MACHINE_ID("machine-id"),
    /** The firmware's DMI product UUID, {@code /sys/class/dmi/id/product_uuid}, when readable. */
    DMI_PRODUCT_UUID("dmi-product-uuid");

    private final String wireName;

    HostSource(String wireName) {
        this.wireName = wireName;
    }

    /**
     * The name written into the state and hashed into the fingerprint.
     *
     * @return for example {@code machine-id}
     */
    public String wireName() {
        return wireName;
    }

    /**
     * The source with a wire name.
     *
     * @param wireName the name
     * @return the source
     * @throws MalformedInputException {@link ErrorCode#AGENT_STATE_MALFORMED} for an unknown name
     */
    public static HostSource fromWireName(String wireName) {
        for (HostSource source : values()) {
            if (source.wireName.equals(wireName)) {
                return source;
            }
        }
        throw new MalformedInputException(
                ErrorCode.AGENT_STATE_MALFORMED,
                "host source " + wireName + ", want override, machine-id or dmi-product-uuid");
    }
}
