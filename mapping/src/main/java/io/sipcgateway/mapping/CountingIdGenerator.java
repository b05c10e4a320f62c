package io.sipcgateway.mapping;

import java.util.Objects;

/**
 * Readable, predictable ids for the {@code translate} command and tests: {@code tag1}, {@code z9hG4bKgw1},
 * {@code gw1@host}, {@code -1}, {@code 0000...0001}. Not unique across runs, so never for live traffic.
 */
public final class CountingIdGenerator implements IdGenerator {
    private final String host;
    private long tags;
    private long branches;
    private long callIds;
    private long legacyCallIds;
    private long messageIds;

    public CountingIdGenerator(String host) {
        this.host = Objects.requireNonNull(host, "host");
    }

    @Override
    public String tag() {
        return "tag" + ++tags;
    }

    @Override
    public String branch() {
        return "z9hG4bKgw" + ++branches;
    }

    @Override
    public String callId() {
        return "gw" + ++callIds + '@' + host;
    }

    @Override
    public String legacyCallId() {
        return Long.toString(-++legacyCallIds);
    }

    @Override
    public String messageId() {
        return String.format("%032x", ++messageIds);
    }
}
