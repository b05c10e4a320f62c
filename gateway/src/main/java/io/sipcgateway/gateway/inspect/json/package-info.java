/** Translation pairs as JSON: the event's JSON shape and the size-rotated JSON Lines log ({@code --inspect-log}). */
package io.sipcgateway.gateway.inspect.json;
