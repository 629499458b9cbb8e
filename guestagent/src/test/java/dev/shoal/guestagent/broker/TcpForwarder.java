package dev.shoal.guestagent.broker;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A broker address that can die: listens on a loopback port and relays every connection to the real broker.
 * Closing it closes the port and every connection through it, as a broker that moved away would.
 */
final class TcpForwarder implements AutoCloseable {

    private static final int MAX_CONNECTIONS = 16;
    private static final int CONNECT_TIMEOUT_MS = 5_000;

    private final ServerSocket server;
    private final InetSocketAddress target;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final AtomicInteger accepted = new AtomicInteger();
    private volatile boolean closed;

    TcpForwarder(InetSocketAddress target) throws IOException {
        this.target = target;
        this.server = new ServerSocket(0, MAX_CONNECTIONS, InetAddress.getLoopbackAddress());
        daemon("forwarder-" + port(), this::acceptConnections);
    }

    int port() {
        return server.getLocalPort();
    }

    /** Connections relayed so far. */
    int accepted() {
        return accepted.get();
    }

    private void acceptConnections() {
        while (!closed) {
            try {
                Socket client = server.accept();
                if (accepted.incrementAndGet() > MAX_CONNECTIONS) {
                    client.close();
                    continue;
                }
                Socket upstream = new Socket();
                sockets.add(client);
                sockets.add(upstream);
                upstream.connect(target, CONNECT_TIMEOUT_MS);
                if (closed) {
                    client.close();
                    upstream.close();
                    return;
                }
                relay(client, upstream);
                relay(upstream, client);
            } catch (IOException e) {
                // closed, or one connection failed: the others carry on
            }
        }
    }

    private void relay(Socket from, Socket to) {
        daemon("forwarder-" + port() + "-relay", () -> {
            try (from; to) {
                from.getInputStream().transferTo(to.getOutputStream());
            } catch (IOException ended) {
                // one side went away; closing both ends the connection as a dead broker would
            }
        });
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        for (Socket socket : sockets) {
            socket.close();
        }
    }

    private static void daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
    }
}
