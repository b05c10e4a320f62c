package io.sipcgateway.gateway.inspect.pcap;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * A classic libpcap file (the "pcap" format of tcpdump/Wireshark: 24-byte global header, then a 16-byte header per
 * record), little-endian, microsecond timestamps, link type 1 (Ethernet). The file is truncated on open.
 */
final class PcapWriter implements Closeable {
    static final int SNAPLEN = 262_144;
    private static final int LINKTYPE_ETHERNET = 1;

    private final OutputStream out;
    /** One record header, reused: the writer runs on the recorder thread only. */
    private final ByteBuffer recordHeader = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
    private long bytes;

    PcapWriter(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        out = new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024);
        ByteBuffer header = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(SNAPLEN)
                .putInt(LINKTYPE_ETHERNET);
        write(header.array());
    }

    void record(Instant time, byte[] frame) throws IOException {
        int captured = Math.min(frame.length, SNAPLEN);
        recordHeader.clear();
        recordHeader.putInt((int) time.getEpochSecond()).putInt(time.getNano() / 1000).putInt(captured)
                .putInt(frame.length);
        write(recordHeader.array());
        out.write(frame, 0, captured);
        bytes += captured;
    }

    void flush() throws IOException {
        out.flush();
    }

    /** Bytes written so far, headers included. */
    long size() {
        return bytes;
    }

    private void write(byte[] b) throws IOException {
        out.write(b);
        bytes += b.length;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
