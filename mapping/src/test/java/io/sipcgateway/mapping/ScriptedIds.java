package io.sipcgateway.mapping;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Map;

/** Ids from a golden case's {@code ids.*} lists, in order; running out is a test failure that names the list. */
final class ScriptedIds implements IdGenerator {
    private final Map<String, Deque<String>> lists;

    ScriptedIds(Map<String, String> properties) {
        this.lists = Map.of("tag", list(properties, "ids.tag"), "branch", list(properties, "ids.branch"),
                "call-id", list(properties, "ids.call-id"), "legacy-call-id", list(properties, "ids.legacy-call-id"),
                "message-id", list(properties, "ids.message-id"));
    }

    private static Deque<String> list(Map<String, String> properties, String key) {
        String value = properties.getOrDefault(key, "").strip();
        return value.isEmpty() ? new ArrayDeque<>() : new ArrayDeque<>(Arrays.asList(value.split("\\s*,\\s*")));
    }

    private String next(String kind) {
        String value = lists.get(kind).poll();
        if (value == null) {
            throw new AssertionError("the case's ids." + kind + " list ran out");
        }
        return value;
    }

    @Override
    public String tag() {
        return next("tag");
    }

    @Override
    public String branch() {
        return next("branch");
    }

    @Override
    public String callId() {
        return next("call-id");
    }

    @Override
    public String legacyCallId() {
        return next("legacy-call-id");
    }

    @Override
    public String messageId() {
        return next("message-id");
    }
}
