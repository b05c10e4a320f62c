/**
 * Legacy identities (sid, user-id, {@code sip:<sid>@fetion.com.cn;p=<n>}, mobile numbers) ↔ core addresses, through
 * an {@link io.sipcgateway.mapping.identity.IdentityDirectory} the gateway supplies (reference section 11).
 */
package io.sipcgateway.mapping.identity;
