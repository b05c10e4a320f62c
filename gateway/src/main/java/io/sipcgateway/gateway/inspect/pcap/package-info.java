/** Translation pairs written as a pcap file with synthesised Ethernet/IP/TCP/UDP headers ({@code --pcap FILE}). */
package io.sipcgateway.gateway.inspect.pcap;
