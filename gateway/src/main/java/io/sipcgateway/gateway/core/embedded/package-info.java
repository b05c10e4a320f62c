/**
 * The embedded SIP/SIMPLE core: what {@code --core embedded} starts in-process on loopback, so that two legacy
 * clients behind the gateway see each other's presence and chat with nothing else installed. It answers the
 * gateway the way the Kamailio test core does ({@code /work/shared/reference/kamailio-core.md}), so the gateway's
 * code is the same for both. Entry point: {@link io.sipcgateway.gateway.core.embedded.EmbeddedCore}.
 *
 * <h2>Supported</h2>
 * <ul>
 *   <li>UDP and TCP on one port; domain {@code sip:user@DOMAIN} (and the core's own host as an alias).</li>
 *   <li>Registrar (RFC 3261 10.3): add, refresh, {@code Expires: 0} and {@code *} removal, Call-ID/CSeq ordering,
 *       fetch, several contacts per AOR, expiry clamped into [min, max] (Kamailio's default, no 423), Path
 *       (RFC 3327) stored, echoed to a UA that sends {@code Supported: path}, and used as the Route set.</li>
 *   <li>Presence (RFC 3903, RFC 6665, RFC 3856): PUBLISH initial/refresh/modify/remove with a new
 *       {@code SIP-ETag} each time, 412 for an unknown tag; SUBSCRIBE answered 200 (as Kamailio's
 *       {@code subs_respond_200}), an immediate NOTIFY, a NOTIFY on every change, refresh, unsubscribe and fetch
 *       ending with {@code terminated;reason=timeout}, the same on expiry. The body is the last published
 *       document byte for byte; a presentity with none gets a minimal {@code closed} PIDF.</li>
 *   <li>MESSAGE (RFC 3428) relayed statefully to every contact of the AOR (forking), the callee's final response
 *       returned (a 2xx at once, else RFC 3261 16.7's best).</li>
 *   <li>OPTIONS to the core: 200 with Allow, Allow-Events, Accept, Supported (health check).</li>
 *   <li>Everything bounded: AORs, contacts per AOR, publications, subscriptions, pending relays (Caffeine, typed
 *       registries), TCP message size and connections (jain-sip), relay wait ({@code relayTimeout}).</li>
 * </ul>
 *
 * <h2>Status codes it chooses</h2>
 * <table>
 *   <caption>Decisions, and where Kamailio differs</caption>
 *   <tr><th>Case</th><th>Embedded</th><th>Kamailio test core</th></tr>
 *   <tr><td>MESSAGE to a user with no binding</td><td>480 (RFC 3261 21.4.18; there is no user list, so every
 *       user of the domain "exists")</td><td>404 without msilo, 202 with msilo</td></tr>
 *   <tr><td>MESSAGE, no final response within {@code relayTimeout} (default 5 s)</td><td>408</td>
 *       <td>408 after {@code fr_timer} 5 s</td></tr>
 *   <tr><td>MESSAGE to a contact that cannot be reached (e.g. TCP refused)</td><td>480</td>
 *       <td>a tm error reply</td></tr>
 *   <tr><td>MESSAGE/PUBLISH/SUBSCRIBE for a foreign domain; REGISTER to one</td><td>403</td>
 *       <td>403 (REGISTER: accepted)</td></tr>
 *   <tr><td>MESSAGE without a user part</td><td>484</td><td>484</td></tr>
 *   <tr><td>SUBSCRIBE/PUBLISH for an event other than presence</td><td>489 + Allow-Events</td><td>489</td></tr>
 *   <tr><td>PUBLISH/SUBSCRIBE shorter than {@code minExpires}</td><td>423 + Min-Expires</td>
 *       <td>accepted ({@code min_expires 0})</td></tr>
 *   <tr><td>Methods it does not serve</td><td>405 (INVITE, BYE, NOTIFY...) or 501 (unknown), with Allow</td>
 *       <td>relayed or 404</td></tr>
 *   <tr><td>Missing Max-Forwards; unparseable bytes</td><td>400; dropped (jain-sip)</td>
 *       <td>Max-Forwards added ({@code mf_process_maxfwd_header}); {@code sanity_check} drops</td></tr>
 * </table>
 *
 * <h2>Not supported (Kamailio has it)</h2>
 * digest authentication; offline messages (msilo: Kamailio answers 202 and delivers on the next REGISTER);
 * {@code presence.winfo}; resource lists (RLS, RFC 4662); merging several publications of one presentity into one
 * document (the most recently changed one wins); INVITE and any proxying beyond MESSAGE; relaying OPTIONS to a
 * user; strict routing; NAT handling ({@code received}/{@code rport} contacts) and RFC 5626 outbound; TLS;
 * persistence (state is lost on stop); DNS (contacts must be IP literals or resolvable names).
 */
package io.sipcgateway.gateway.core.embedded;
