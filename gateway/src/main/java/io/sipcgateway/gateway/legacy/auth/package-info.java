/**
 * The legacy SIP-C login, without I/O: v2 digest and v4 RSA challenges and their verification, single-use nonces,
 * and the XML answer bodies and responses a login and its follow-up requests need (reference section 7).
 */
package io.sipcgateway.gateway.legacy.auth;
