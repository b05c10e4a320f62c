/**
 * The command line: {@code run}, {@code client}, {@code load}, {@code inspect}, {@code translate} and
 * {@code hash-password}, each parsing its options into values and calling the code that does the work; nothing
 * else in the gateway reads arguments or system properties.
 */
package io.sipcgateway.gateway.cli;
