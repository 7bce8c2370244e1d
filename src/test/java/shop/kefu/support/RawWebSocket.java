package shop.kefu.support;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A deliberately minimal WebSocket client that writes frames byte by byte, so tests can send what
 * well-behaved clients cannot: invalid UTF-8, reserved opcodes, stray continuations, oversized frames.
 * A reader thread records what the server sends back (text frames, and the close code if it closes).
 */
public final class RawWebSocket implements Closeable {

    public static final int TEXT = 0x1, BINARY = 0x2, CONTINUATION = 0x0, CLOSE = 0x8, PING = 0x9;

    private final Socket socket;
    private final OutputStream out;
    private final Random random = new Random();
    public final List<String> texts = new CopyOnWriteArrayList<>();
    public volatile int closeCode = -1;
    public volatile boolean ended;

    private RawWebSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
    }

    /** Opens a connection (the upgrade must succeed with 101). */
    public static RawWebSocket open(URI http, String path, String token) throws IOException {
        Socket s = new Socket(http.getHost(), http.getPort());
        s.setTcpNoDelay(true);
        byte[] key = new byte[16];
        new Random().nextBytes(key);
        String request = "GET " + path + " HTTP/1.1\r\nHost: " + http.getHost() + ":" + http.getPort()
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: "
                + Base64.getEncoder().encodeToString(key) + "\r\nAuthorization: Bearer " + token + "\r\n\r\n";
        s.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        DataInputStream in = new DataInputStream(s.getInputStream());
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            head.write(in.readUnsignedByte());
        }
        if (!head.toString(StandardCharsets.US_ASCII).startsWith("HTTP/1.1 101")) {
            s.close();
            throw new IOException("upgrade refused: " + head.toString(StandardCharsets.US_ASCII).lines().findFirst().orElse(""));
        }
        RawWebSocket ws = new RawWebSocket(s);
        Thread reader = new Thread(() -> ws.read(in), "raw-ws-reader");
        reader.setDaemon(true);
        reader.start();
        return ws;
    }

    /** Writes one client frame (masked, as the protocol requires of clients). */
    public void frame(int opcode, boolean fin, byte[] payload) throws IOException {
        ByteArrayOutputStream f = new ByteArrayOutputStream();
        f.write((fin ? 0x80 : 0) | opcode);
        if (payload.length < 126) {
            f.write(0x80 | payload.length);
        } else if (payload.length < 65536) {
            f.write(0x80 | 126);
            f.write(payload.length >> 8);
            f.write(payload.length & 0xff);
        } else {
            f.write(0x80 | 127);
            for (int i = 7; i >= 0; i--) {
                f.write((int) ((long) payload.length >> (8 * i)) & 0xff);
            }
        }
        byte[] mask = new byte[4];
        random.nextBytes(mask);
        f.write(mask);
        for (int i = 0; i < payload.length; i++) {
            f.write(payload[i] ^ mask[i % 4]);
        }
        out.write(f.toByteArray());
        out.flush();
    }

    public void text(String s) throws IOException {
        frame(TEXT, true, s.getBytes(StandardCharsets.UTF_8));
    }

    private void read(DataInputStream in) {
        try {
            while (true) {
                int b0 = in.readUnsignedByte();
                int b1 = in.readUnsignedByte();
                long len = b1 & 0x7f;
                if (len == 126) {
                    len = in.readUnsignedShort();
                } else if (len == 127) {
                    len = in.readLong();
                }
                byte[] payload = new byte[(int) len];
                in.readFully(payload);
                int opcode = b0 & 0x0f;
                if (opcode == TEXT) {
                    texts.add(new String(payload, StandardCharsets.UTF_8));
                } else if (opcode == CLOSE) {
                    closeCode = payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : 1005;
                    break;
                }
            }
        } catch (IOException e) {
            // connection ended
        } finally {
            ended = true;
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
