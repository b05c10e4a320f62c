/**
 * Hardened XML parsing ({@link io.sipcgateway.mapping.xml.SafeXml}, the only parser of the project) and compact,
 * correctly escaped XML writing for SIP-C and SIP/SIMPLE bodies.
 */
package io.sipcgateway.mapping.xml;
