package io.sipcgateway.mapping;

/**
 * Every identifier a translation invents comes from here, so mapping stays deterministic (STYLE 5.7): the gateway
 * passes a random one, tests and golden cases a scripted one, the {@code translate} command a counting one.
 */
public interface IdGenerator {
    /** A From/To tag (RFC 3261 section 19.3). */
    String tag();

    /** A Via branch; must start with the magic cookie {@code z9hG4bK} (RFC 3261 section 8.1.1.7). */
    String branch();

    /** A new SIP Call-ID, globally unique (RFC 3261 section 8.1.1.4). */
    String callId();

    /** A new legacy {@code I} for a dialog the core started: negative, as the real server's were (section 3). */
    String legacyCallId();

    /** A new {@code XI}: 32 lower-case hex digits (section 3). */
    String messageId();
}
