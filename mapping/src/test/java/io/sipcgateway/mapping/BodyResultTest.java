package io.sipcgateway.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class BodyResultTest {

    @Test
    void mapsAndChainsOkValues() {
        BodyResult<Integer> r = BodyResult.ok("41").map(Integer::parseInt).flatMap(i -> BodyResult.ok(i + 1));
        assertEquals(BodyResult.ok(42), r);
        assertTrue(r.isOk());
        assertEquals(Optional.of(42), r.toOptional());
    }

    @Test
    void passesRejectionsThroughMapFlatMapAndAddsContext() {
        BodyResult<String> rejected = BodyResult.rejected(Problem.MISSING, "no body");
        BodyResult<Integer> r = rejected.map(String::length).flatMap(i -> BodyResult.ok(i + 1));
        assertEquals(BodyResult.rejected(Problem.MISSING, "no body"), r);
        assertEquals(BodyResult.rejected(Problem.MISSING, "part 2: no body"), r.withContext("part 2"));
        assertFalse(r.isOk());
        assertEquals(Optional.empty(), r.toOptional());
        assertEquals(BodyResult.ok(1), BodyResult.ok(1).withContext("ignored"));
    }
}
