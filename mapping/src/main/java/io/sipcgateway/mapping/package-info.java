/**
 * Pure translation between SIP-C and SIP/SIMPLE: the {@link io.sipcgateway.mapping.LegacyToCore} and
 * {@link io.sipcgateway.mapping.CoreToLegacy} facades return {@link io.sipcgateway.mapping.Translation} values;
 * no sockets, no SIP stack, no clock or randomness except what the context injects.
 */
package io.sipcgateway.mapping;
