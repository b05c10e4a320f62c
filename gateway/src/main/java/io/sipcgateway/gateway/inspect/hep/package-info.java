/** HEP3/EEP export of translation pairs to sngrep and Homer over UDP ({@code --hep HOST:PORT}). */
package io.sipcgateway.gateway.inspect.hep;
