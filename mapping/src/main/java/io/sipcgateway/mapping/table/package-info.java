/**
 * The shared translation tables, one enum per concern, each indexed once from {@code values()} and read in both
 * directions (STYLE 5.7): methods, headers, status codes, event packages (and presence codes, {@code PresenceRule}).
 */
package io.sipcgateway.mapping.table;
