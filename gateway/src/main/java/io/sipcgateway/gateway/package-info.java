/** The running gateway: its configuration and lifecycle, tying the legacy front to the core bridge. */
package io.sipcgateway.gateway;
