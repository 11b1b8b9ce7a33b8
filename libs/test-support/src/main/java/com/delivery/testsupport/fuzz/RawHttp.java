package com.delivery.testsupport.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, so a test can send what well-behaved clients refuse to: a request target with
 * {@code %zz} or raw bytes, any body bytes, any header. One connection per request ({@code Connection: close}).
 */
public final class RawHttp {

    private final String host;
    private final int port;
    private final int timeoutMillis;
    private final InetAddress localAddress;

    public RawHttp(String host, int port, int timeoutMillis) {
        this(host, port, timeoutMillis, null);
    }

    /** @param localAddress the address to send from (another loopback address, say), null for any */
    public RawHttp(String host, int port, int timeoutMillis, InetAddress localAddress) {
        this.host = host;
        this.port = port;
        this.timeoutMillis = timeoutMillis;
        this.localAddress = localAddress;
    }

    public static RawHttp onPort(int port) {
        return new RawHttp("127.0.0.1", port, 30_000);
    }

    /** Status, lower-cased header names, and the body (chunked transfer decoded). */
    public record Response(int status, Map<String, String> headers, byte[] body) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return status + " " + headers.getOrDefault("content-type", "") + " " + text();
        }
    }

    /** {@code target} goes on the request line exactly as given (ISO-8859-1, one char per byte). */
    public Response send(String method, String target, Map<String, String> headers, byte[] body) {
        return send(method, target.getBytes(StandardCharsets.ISO_8859_1), headers, body);
    }

    public Response send(String method, byte[] target, Map<String, String> headers, byte[] body) {
        try (Socket socket = new Socket()) {
            if (localAddress != null) {
                socket.bind(new InetSocketAddress(localAddress, 0));
            }
            socket.connect(new InetSocketAddress(host, port), timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            request.writeBytes(method.getBytes(StandardCharsets.US_ASCII));
            request.write(' ');
            request.writeBytes(target);
            request.writeBytes(" HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII));
            Map<String, String> all = new LinkedHashMap<>();
            all.put("Host", host + ":" + port);
            all.put("Connection", "close");
            all.putAll(headers);
            if (body != null) {
                all.put("Content-Length", String.valueOf(body.length));
            }
            all.forEach((name, value) -> request.writeBytes((name + ": " + value + "\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1)));
            request.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
            if (body != null) {
                request.writeBytes(body);
            }
            OutputStream out = socket.getOutputStream();
            out.write(request.toByteArray());
            out.flush();
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + new String(target, StandardCharsets.ISO_8859_1)
                    + " failed: " + e, e);
        }
    }

    private static Response read(InputStream in) throws IOException {
        byte[] all = in.readAllBytes();
        int headEnd = indexOf(all, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 0);
        if (headEnd < 0) {
            throw new IOException("no complete response head in " + all.length + " bytes");
        }
        String[] lines = new String(all, 0, headEnd, StandardCharsets.ISO_8859_1).split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        int status = Integer.parseInt(statusLine[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.merge(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim(), (a, b) -> a + ", " + b);
            }
        }
        byte[] body = java.util.Arrays.copyOfRange(all, headEnd + 4, all.length);
        if ("chunked".equalsIgnoreCase(headers.getOrDefault("transfer-encoding", ""))) {
            body = dechunk(body);
        }
        return new Response(status, headers, body);
    }

    private static byte[] dechunk(byte[] chunked) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int at = 0;
        while (true) {
            int lineEnd = indexOf(chunked, new byte[] {'\r', '\n'}, at);
            if (lineEnd < 0) {
                throw new IOException("bad chunked body");
            }
            String sizeText = new String(chunked, at, lineEnd - at, StandardCharsets.US_ASCII);
            int semicolon = sizeText.indexOf(';');
            int size = Integer.parseInt((semicolon >= 0 ? sizeText.substring(0, semicolon) : sizeText).trim(), 16);
            if (size == 0) {
                return body.toByteArray();
            }
            body.write(chunked, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
