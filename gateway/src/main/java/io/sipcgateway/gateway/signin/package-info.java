/**
 * The two web endpoints a legacy Fetion client calls before it speaks SIP-C, emulated because the China Mobile
 * servers they were made for are gone and the clients hard-code them (sections 1.3, 7.3): the HTTP navigation
 * config ({@code POST /nav/getsystemconfig.aspx}), which tells the client where the SIP-C proxy is (the gateway),
 * and the SSI sign-in over TLS ({@code /ssiportal/SSIAppSignInV4.aspx}, v2 {@code SSIAppSignIn.aspx}), checked
 * against the account directory. Section 7.3's quirks are kept: a request line without a version, one answer of at
 * most 1024 bytes in one write, {@code ssic=<v>;} in the headers, {@code <user>} as the first child, and a close
 * after every answer.
 */
package io.sipcgateway.gateway.signin;
