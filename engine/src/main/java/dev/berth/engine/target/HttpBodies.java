package dev.berth.engine.target;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * HTTP/1.1 response bodies over a byte stream. Every read returns what has arrived (at most one
 * read of the underlying stream) instead of filling the buffer, so streaming endpoints (events,
 * pull progress, logs) reach docker-java as the engine sends them.
 */
final class HttpBodies {
    private HttpBodies() {
    }

    /** Exactly {@code length} bytes, then end of stream. */
    static InputStream fixed(InputStream in, long length) {
        return new FilterInputStream(in) {
            private long left = length;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int n = in.read(b, off, (int) Math.min(len, left));
                if (n < 0) {
                    throw new EOFException("the Docker engine's answer ended " + left + " bytes early");
                }
                left -= n;
                return n;
            }
        };
    }

    /** Transfer-Encoding: chunked, decoded; trailers are read and ignored. */
    static InputStream chunked(InputStream in) {
        return new FilterInputStream(in) {
            private long chunkLeft;
            private boolean done;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (len == 0) {
                    return 0;
                }
                if (done) {
                    return -1;
                }
                if (chunkLeft == 0) {
                    String sizeLine = HttpWire.readLine(in);
                    if (sizeLine == null) {
                        throw new EOFException("the Docker engine's chunked answer ended without its last chunk");
                    }
                    int semi = sizeLine.indexOf(';'); // chunk extensions are allowed and meaningless here
                    chunkLeft = Long.parseLong((semi < 0 ? sizeLine : sizeLine.substring(0, semi)).trim(), 16);
                    if (chunkLeft == 0) {
                        String trailer;
                        do {
                            trailer = HttpWire.readLine(in);
                        } while (trailer != null && !trailer.isEmpty());
                        done = true;
                        return -1;
                    }
                }
                int n = in.read(b, off, (int) Math.min(len, chunkLeft));
                if (n < 0) {
                    throw new EOFException("the Docker engine's chunked answer ended in the middle of a chunk");
                }
                chunkLeft -= n;
                if (chunkLeft == 0 && !"".equals(HttpWire.readLine(in))) {
                    throw new IOException("malformed chunked answer from the Docker engine: no CRLF after a chunk");
                }
                return n;
            }
        };
    }
}
