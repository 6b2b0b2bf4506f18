package io.autoclaims.bench.service;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The load tool's HTTP/1.1 client: one kept-alive socket, one request at a time, and just enough of
 * the protocol for the service's answers (a status line, headers, a body of Content-Length bytes or
 * chunks). Java's {@code HttpClient} spends more CPU per request than the server does on the same two
 * cores (its selector thread, futures and header maps); this costs little more than the socket calls,
 * so what is measured is the server. Not a general client: no redirects, no TLS, no pipelining.
 */
final class LoopbackHttp implements Closeable {
    private final String host;
    private final int port;
    private final byte[] hostHeader;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    /** A response: its status, the one header the tool checks, and the body (null when streamed to a sink). */
    record Response(int status, String fingerprint, byte[] body) {
    }

    LoopbackHttp(URI base) {
        this.host = base.getHost();
        this.port = base.getPort() < 0 ? 80 : base.getPort();
        this.hostHeader = ("Host: " + host + ":" + port + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** POSTs {@code body} and reads the whole answer. */
    Response post(String path, String contentType, byte[] body) throws IOException {
        return post(path, contentType, body, 0, body.length, null);
    }

    /**
     * POSTs {@code len} bytes of {@code body}; with a {@code sink} the answer's body is copied there as
     * it arrives, while another thread still sends the request (the server answers a batch as it reads
     * it, and a client that sent everything first would wait on full socket buffers).
     */
    Response post(String path, String contentType, byte[] body, int off, int len, OutputStream sink) throws IOException {
        connect();
        ByteArrayOutputStream head = new ByteArrayOutputStream(160);
        head.writeBytes(("POST " + path + " HTTP/1.1\r\n").getBytes(StandardCharsets.US_ASCII));
        head.writeBytes(hostHeader);
        head.writeBytes(("Content-Type: " + contentType + "\r\nContent-Length: " + len + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        try {
            if (sink == null) {
                head.writeTo(out);
                out.write(body, off, len);
                out.flush();
                return read(null);
            }
            IOException[] sendFailed = new IOException[1];
            Thread sender = new Thread(() -> {
                try {
                    head.writeTo(out);
                    out.write(body, off, len);
                    out.flush();
                } catch (IOException e) {
                    sendFailed[0] = e;
                }
            }, "loopback-send");
            sender.start();
            Response r = read(sink);
            sender.join();
            if (sendFailed[0] != null) {
                throw sendFailed[0];
            }
            return r;
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IOException("interrupted", e);
        }
    }

    private void connect() throws IOException {
        if (socket != null) {
            return;
        }
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(host, port), 5_000);
        socket.setSoTimeout(60_000);
        in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
    }

    private Response read(OutputStream sink) throws IOException {
        String status = line();
        if (!status.startsWith("HTTP/1.1 ") || status.length() < 12) {
            throw new IOException("not an HTTP/1.1 status line: " + status);
        }
        int code = Integer.parseInt(status.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean closes = false;
        String fingerprint = null;
        for (String h = line(); !h.isEmpty(); h = line()) {
            int colon = h.indexOf(':');
            String name = h.substring(0, colon).toLowerCase(Locale.ROOT);
            String value = h.substring(colon + 1).strip();
            switch (name) {
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.equalsIgnoreCase("chunked");
                case "connection" -> closes = value.equalsIgnoreCase("close");
                case "x-rulebook-fingerprint" -> fingerprint = value;
                default -> { }
            }
        }
        ByteArrayOutputStream whole = sink == null ? new ByteArrayOutputStream(length > 0 ? (int) length : 1024) : null;
        OutputStream to = sink != null ? sink : whole;
        if (chunked) {
            for (long size = Long.parseLong(line().split(";", 2)[0].strip(), 16); size > 0;
                    size = Long.parseLong(line().split(";", 2)[0].strip(), 16)) {
                copy(size, to);
                line(); // the chunk's CRLF
            }
            while (!line().isEmpty()) {
                // trailers: none expected
            }
        } else if (length >= 0) {
            copy(length, to);
        } else {
            in.transferTo(to);
            closes = true;
        }
        if (closes) {
            close();
        }
        return new Response(code, fingerprint, whole == null ? null : whole.toByteArray());
    }

    private void copy(long n, OutputStream to) throws IOException {
        byte[] buffer = new byte[(int) Math.min(n, 64 * 1024)];
        while (n > 0) {
            int r = in.read(buffer, 0, (int) Math.min(buffer.length, n));
            if (r < 0) {
                throw new EOFException("the server closed the connection " + n + " bytes before the body's end");
            }
            to.write(buffer, 0, r);
            n -= r;
        }
    }

    /** One CRLF-ended line of the head, as Latin-1, without its end. */
    private String line() throws IOException {
        StringBuilder s = new StringBuilder(64);
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new EOFException("the server closed the connection mid-answer");
            }
            if (b != '\r') {
                s.append((char) b);
            }
        }
        return s.toString();
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing: nothing to do
            }
            socket = null;
        }
    }
}
