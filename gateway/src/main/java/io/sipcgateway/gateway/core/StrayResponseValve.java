package io.sipcgateway.gateway.core;

import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import gov.nist.javax.sip.stack.MessageChannel;
import gov.nist.javax.sip.stack.SIPMessageValve;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.util.concurrent.atomic.LongAdder;
import javax.sip.SipStack;
import javax.sip.message.Response;

/**
 * Drops a response from the core that belongs to no client transaction, before jain-sip looks for one by scanning.
 *
 * <p>jain-sip finds the transaction of a response by its branch, and when that fails it walks its whole client
 * transaction table, calling {@code isMessagePartOfTransaction} on every entry
 * ({@code SIPTransactionStack.newSIPServerResponse}). Late answers (to requests the gateway already gave up on) are
 * exactly such responses, and they come when the table is largest: under overload. In a relay at 2,000 msg/s a
 * stall of a second or two (a JFR start) left thousands of transactions pending; each late 200 then cost a scan of
 * all of them on the thread that reads the core's connection, the answers fell further behind, more requests timed
 * out, and the gateway never recovered (BENCHMARKS.md, "Overload does not recover"; a thread dump showed the pipeline
 * threads in that loop). The scan can only ever match a pre-RFC 3261 branch: with a {@code z9hG4bK} branch RFC 3261
 * section 17.1.3 matches on the branch (and CSeq method) alone, which the table lookup already did. The gateway's
 * branches are all RFC 3261 ones, so such a response is dropped here and counted.
 *
 * <p>jain-sip creates the valve by name ({@code gov.nist.javax.sip.SIP_MESSAGE_VALVE}), so {@link CoreStack} finds
 * the instance on its stack to read the count.
 */
public final class StrayResponseValve implements SIPMessageValve {
    static final String PROPERTY = "gov.nist.javax.sip.SIP_MESSAGE_VALVE";
    private static final String RFC3261_BRANCH = "z9hg4bk";

    private final LongAdder dropped = new LongAdder();
    private volatile SIPTransactionStack stack;

    @Override
    public void init(SipStack sipStack) {
        this.stack = (SIPTransactionStack) sipStack;
    }

    @Override
    public boolean processRequest(SIPRequest request, MessageChannel channel) {
        return true;
    }

    @Override
    public boolean processResponse(Response response, MessageChannel channel) {
        SIPTransactionStack current = stack;
        if (current == null || !(response instanceof SIPResponse sipResponse)) {
            return true;
        }
        String key = sipResponse.getTransactionId(); // the branch, lower-cased, when it is an RFC 3261 one
        if (key == null || !key.startsWith(RFC3261_BRANCH) || current.findTransaction(key, false) != null) {
            return true;
        }
        dropped.increment();
        return false;
    }

    /** Responses dropped because no client transaction had their branch (late, after a timeout, or stray). */
    public long dropped() {
        return dropped.sum();
    }

    @Override
    public void destroy() {
        stack = null;
    }
}
