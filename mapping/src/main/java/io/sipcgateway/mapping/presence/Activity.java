package io.sipcgateway.mapping.presence;

/**
 * What the user is doing, the union of the SIP-C presence codes (reference section 5.3) and the RPID activities
 * (RFC 4480 section 3.2) the gateway maps them to. {@link #NONE} is plain "online" (or plain "offline" when closed).
 */
public enum Activity {
    NONE,
    AWAY,
    /** 300 马上回来; RPID has no such activity, see {@link Pidf}. */
    BE_RIGHT_BACK,
    BUSY,
    /** 800; RPID has no such activity, see {@link Pidf}. */
    DO_NOT_DISTURB,
    MEETING,
    ON_THE_PHONE,
    MEAL,
    /** Online but shown as offline (SIP-C 0 sent by the user). Always {@link Basic#CLOSED}; written as closed. */
    INVISIBLE
}
