package dev.cairn.tools.demo;

import dev.cairn.errors.CairnException;
import dev.cairn.trust.tls.PeerVerifier;
import dev.cairn.trust.tls.TlsContexts;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * A TLS 1.3 line server on loopback for the demo: it answers every line with the identity its
 * {@link PeerVerifier} reads from the connection's verified peer chain on that very request, or
 * the error code. It reads no identity from what the client sends.
 */
final class LoopbackServer implements AutoCloseable {
    private final SSLServerSocket socket;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "demo-tls-server");
        thread.setDaemon(true);
        return thread;
    });

    LoopbackServer(SSLContext context, PeerVerifier clients) throws IOException {
        socket = (SSLServerSocket)
                context.getServerSocketFactory().createServerSocket(0, 8, InetAddress.getLoopbackAddress());
        socket.setSSLParameters(TlsContexts.serverParameters());
        executor.submit(() -> {
            while (!socket.isClosed()) {
                try {
                    SSLSocket connection = (SSLSocket) socket.accept();
                    executor.submit(() -> answer(connection, clients));
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    int port() {
        return socket.getLocalPort();
    }

    private static void answer(SSLSocket connection, PeerVerifier clients) {
        try (connection;
                BufferedReader in =
                        new BufferedReader(new InputStreamReader(connection.getInputStream(), StandardCharsets.UTF_8));
                PrintWriter out = new PrintWriter(connection.getOutputStream(), true, StandardCharsets.UTF_8)) {
            while (in.readLine() != null) {
                try {
                    X509Certificate[] chain =
                            (X509Certificate[]) connection.getSession().getPeerCertificates();
                    out.println("200 " + clients.verify(chain).id().uri());
                } catch (CairnException e) {
                    out.println("403 " + e.code());
                }
            }
        } catch (IOException e) {
            // a handshake the trust manager refused, or a client that went away
        }
    }

    /** Sends one line on an open connection and returns the answer line. */
    static String ask(SSLSocket connection, String line) throws IOException {
        PrintWriter out = new PrintWriter(connection.getOutputStream(), true, StandardCharsets.UTF_8);
        out.println(line);
        String answer = new BufferedReader(new InputStreamReader(connection.getInputStream(), StandardCharsets.UTF_8))
                .readLine();
        if (answer == null) {
            throw new IOException("the server closed the connection");
        }
        return answer;
    }

    /** Opens a TLS 1.3 connection to the server. */
    SSLSocket connect(SSLContext client) throws IOException {
        SSLSocket connection =
                (SSLSocket) client.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(), port());
        connection.setSSLParameters(TlsContexts.clientParameters());
        connection.setSoTimeout(10_000);
        connection.startHandshake();
        return connection;
    }

    @Override
    public void close() throws IOException {
        socket.close();
        executor.shutdownNow();
    }
}
