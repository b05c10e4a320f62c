/** The gateway's Prometheus metrics registry and its text exposition. */
package io.sipcgateway.gateway.inspect.metrics;
