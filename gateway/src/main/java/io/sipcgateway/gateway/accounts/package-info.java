/**
 * The account directory: the legacy Fetion users the gateway logs in itself, their password hashes and contact
 * lists, loaded from YAML and looked up by sid, user-id, mobile number or core address of record.
 */
package io.sipcgateway.gateway.accounts;
