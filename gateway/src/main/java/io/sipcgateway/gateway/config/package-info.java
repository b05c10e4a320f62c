/** The gateway's configuration: one immutable record, read from the command line and an optional YAML file. */
package io.sipcgateway.gateway.config;
