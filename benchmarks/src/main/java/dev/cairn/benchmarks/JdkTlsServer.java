package dev.cairn.benchmarks;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;

/**
 * The baseline server: the JDK's SunJSSE with its default key and trust managers, client
 * certificates required, TLS 1.3, a thread per connection answering every HTTP/1.1 request with a
 * fixed small JSON body. No Jetty, no Cairn code, no per-request identity or revocation check.
 */
final class JdkTlsServer implements AutoCloseable {
    private static final String BODY = "{\"id\":\"cairn://bench.example/node/c1/n-1\"}";
    private static final byte[] RESPONSE = ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                    + BODY.length() + "\r\n\r\n" + BODY)
            .getBytes(StandardCharsets.US_ASCII);

    private final SSLServerSocket server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "jdk-tls-server");
        thread.setDaemon(true);
        return thread;
    });

    JdkTlsServer(SSLContext context) throws IOException {
        server = (SSLServerSocket)
                context.getServerSocketFactory().createServerSocket(0, 512, InetAddress.getLoopbackAddress());
        SSLParameters parameters = new SSLParameters();
        parameters.setProtocols(new String[] {"TLSv1.3"});
        parameters.setNeedClientAuth(true);
        server.setSSLParameters(parameters);
        threads.submit(this::accept);
    }

    int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                threads.submit(() -> serve(socket));
            } catch (IOException e) {
                return;
            }
        }
    }

    /** Answers each request (headers only, no body) until the client closes or asks to. */
    private static void serve(Socket socket) {
        try (socket) {
            socket.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            while (true) {
                boolean close = false;
                StringBuilder line = new StringBuilder();
                while (true) {
                    int b = in.read();
                    if (b == -1) {
                        return;
                    }
                    if (b == '\n') {
                        String header = line.toString().trim();
                        if (header.isEmpty()) {
                            break;
                        }
                        close |= header.equalsIgnoreCase("connection: close");
                        line.setLength(0);
                    } else if (b != '\r') {
                        line.append((char) b);
                    }
                }
                out.write(RESPONSE);
                out.flush();
                if (close) {
                    return;
                }
            }
        } catch (IOException e) {
            // the client went away or the handshake failed
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        threads.shutdownNow();
    }
}
