package dev.cairn.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/** A minimal HTTP/1.1 client over one TLS 1.3 socket, for the edge benchmark. */
final class TlsHttp implements AutoCloseable {
    private final SSLSocket socket;
    private final InputStream in;

    TlsHttp(SSLContext context, int port) throws IOException {
        socket = (SSLSocket) context.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(), port);
        SSLParameters parameters = new SSLParameters();
        parameters.setProtocols(new String[] {"TLSv1.3"});
        socket.setSSLParameters(parameters);
        socket.setSoTimeout(30_000);
        socket.setTcpNoDelay(true);
        socket.startHandshake();
        in = new java.io.BufferedInputStream(socket.getInputStream());
    }

    /** Sends a GET and reads the response; returns the status. */
    int get(String path, boolean close) throws IOException {
        String request =
                "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + (close ? "Connection: close\r\n" : "") + "\r\n";
        socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        String status = line();
        if (status == null) {
            throw new IOException("connection closed");
        }
        long length = -1;
        boolean chunked = false;
        for (String header = line(); header != null && !header.isEmpty(); header = line()) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(lower.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        if (chunked) {
            for (int size = Integer.parseInt(line().trim(), 16); size > 0; size = Integer.parseInt(line().trim(), 16)) {
                in.readNBytes(size);
                line();
            }
            line();
        } else if (length > 0) {
            in.readNBytes((int) length);
        }
        return Integer.parseInt(status.substring(9, 12));
    }

    /** Forgets the TLS session, so the next connection makes a full handshake. */
    void forgetSession() {
        socket.getSession().invalidate();
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(64);
        for (int b = in.read(); b != -1; b = in.read()) {
            if (b == '\n') {
                return line.toString(StandardCharsets.ISO_8859_1).stripTrailing();
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
