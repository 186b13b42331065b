package org.synlab.monitoring.internal;

import io.vertx.core.http.ServerWebSocket;
import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * One tab's WebSocket with a bounded send queue. Frames go straight to the socket while Netty's
 * write queue has room; once {@code writeQueueFull()} says the tab is not reading fast enough they
 * wait here, and when {@code bound} frames are waiting the oldest droppable one is thrown away. A
 * slow tab therefore costs at most {@code bound} frames plus the socket's own write queue, and it
 * still ends on the latest state, since only older frames are dropped. If the queue is full of frames
 * that must not be dropped the tab is closed (the page reconnects and starts from a fresh snapshot).
 *
 * <p>Used only on the dashboard's event loop, so it needs no locking.
 */
final class TabConnection {

    static final short TOO_SLOW = 4000;

    private final ServerWebSocket socket;
    private final int bound;
    private final ArrayDeque<Frame> queue = new ArrayDeque<>();
    private int peak;
    private long dropped;
    private boolean closed;

    TabConnection(ServerWebSocket socket, int bound, int socketQueueBytes) {
        if (bound < 1) {
            throw new IllegalArgumentException("the send queue bound must be at least 1, not " + bound);
        }
        this.socket = socket;
        this.bound = bound;
        socket.setWriteQueueMaxSize(socketQueueBytes);
        socket.drainHandler(v -> flush());
    }

    void send(Frame frame) {
        if (closed) {
            return;
        }
        if (queue.isEmpty() && !socket.writeQueueFull()) {
            write(frame);
            return;
        }
        if (queue.size() >= bound && !dropOldestDroppable()) {
            if (frame.droppable()) {
                dropped++;
                return;
            }
            closed = true;
            queue.clear();
            socket.close(TOO_SLOW, "the tab fell too far behind");
            return;
        }
        queue.addLast(frame);
        peak = Math.max(peak, queue.size());
    }

    private boolean dropOldestDroppable() {
        Iterator<Frame> it = queue.iterator();
        while (it.hasNext()) {
            if (it.next().droppable()) {
                it.remove();
                dropped++;
                return true;
            }
        }
        return false;
    }

    private void flush() {
        while (!queue.isEmpty() && !socket.writeQueueFull() && !closed) {
            write(queue.pollFirst());
        }
    }

    private void write(Frame frame) {
        if (frame.text() != null) {
            socket.writeTextMessage(frame.text());
        } else {
            socket.writeBinaryMessage(frame.binary());
        }
    }

    void closed() {
        closed = true;
        queue.clear();
    }

    int queued() {
        return queue.size();
    }

    /** The most frames that ever waited in this tab's queue. */
    int peak() {
        return peak;
    }

    long dropped() {
        return dropped;
    }
}
