package vn.lgm.compliance.api;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;

import org.jboss.resteasy.reactive.server.core.CurrentRequestManager;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ServerHttpResponse;

/**
 * Whether the client of the request being served has gone (issue 20, item 8): the work a request started — a search
 * for counterfactuals, the page's report — stops when nobody is left to read its answer. The connection's close is
 * seen by the event loop as soon as it happens ({@code addCloseHandler}); a close that came before the watch began is
 * seen by asking the response.
 */
final class ClientWatch {

    /** Clients seen leaving while their request was still being worked on (for monitoring, and a test). */
    static final LongAdder LEFT = new LongAdder();

    private ClientWatch() {
    }

    /** The current request's client, watched from now on; a supplier that is true once it has left. */
    static BooleanSupplier current() {
        ResteasyReactiveRequestContext request = CurrentRequestManager.get();
        if (request == null) {
            return () -> false;
        }
        ServerHttpResponse response = request.serverResponse();
        AtomicBoolean left = new AtomicBoolean();
        response.addCloseHandler(() -> {
            if (left.compareAndSet(false, true)) {
                LEFT.increment();
            }
        });
        return () -> left.get() || response.closed();
    }
}
