package io.sipcgateway.gateway.inspect.hep;

/**
 * The generic (vendor {@code 0x0000}) HEP3/EEP chunk types the gateway writes, from the sipcapture HEP specification
 * ("HEP3 Network Protocol Specification", chunk table). Every chunk is {@code vendor u16, type u16, length u16}
 * (length includes these 6 bytes), then the value, all in network byte order.
 */
public enum HepChunkType {
    /** u8: 2 = AF_INET, 10 = AF_INET6. */
    IP_FAMILY(0x0001),
    /** u8: IANA protocol number, 6 = TCP, 17 = UDP. */
    IP_PROTOCOL(0x0002),
    IPV4_SOURCE(0x0003),
    IPV4_DESTINATION(0x0004),
    IPV6_SOURCE(0x0005),
    IPV6_DESTINATION(0x0006),
    /** u16. */
    SOURCE_PORT(0x0007),
    /** u16. */
    DESTINATION_PORT(0x0008),
    /** u32: seconds since the epoch. */
    TIMESTAMP_SECONDS(0x0009),
    /** u32: microseconds within the second. */
    TIMESTAMP_MICROS(0x000a),
    /** u8: 1 = SIP. */
    PROTOCOL_TYPE(0x000b),
    /** u32. */
    CAPTURE_AGENT_ID(0x000c),
    /** octets: the captured message. */
    PAYLOAD(0x000f),
    /** octets: ties the packets of one exchange together (Homer's correlation). */
    CORRELATION_ID(0x0011);

    private final int code;

    HepChunkType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The type for a generic chunk code, or null if the gateway does not know it. */
    public static HepChunkType forCode(int code) {
        for (HepChunkType type : values()) {
            if (type.code == code) {
                return type;
            }
        }
        return null;
    }
}
