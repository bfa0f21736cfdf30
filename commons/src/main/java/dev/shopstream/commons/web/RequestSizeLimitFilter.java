package dev.shopstream.commons.web;

import dev.shopstream.commons.problem.PayloadTooLargeException;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Refuses bodies above {@code shopstream.request.max-body-bytes} with 413: at once when Content-Length says so,
 * and while reading when a chunked body grows past the limit, so a large body is never buffered. Paths under the
 * prefixes in {@code shopstream.request.bulk-paths} (bulk imports) may send up to
 * {@code shopstream.request.max-bulk-body-bytes}.
 */
@Provider
@PreMatching
@Priority(200)
public class RequestSizeLimitFilter implements ContainerRequestFilter {

    @Inject
    @ConfigProperty(name = "shopstream.request.max-body-bytes", defaultValue = "262144")
    long maxBodyBytes;

    @Inject
    @ConfigProperty(name = "shopstream.request.max-bulk-body-bytes", defaultValue = "16777216")
    long maxBulkBodyBytes;

    @Inject
    @ConfigProperty(name = "shopstream.request.bulk-paths", defaultValue = "imports/")
    List<String> bulkPaths;

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        String relative = path.startsWith("/") ? path.substring(1) : path;
        long maxBodyBytes = bulkPaths.stream().anyMatch(relative::startsWith) ? maxBulkBodyBytes : this.maxBodyBytes;
        if (request.getLength() > maxBodyBytes) {
            throw new PayloadTooLargeException(maxBodyBytes);
        }
        if (request.hasEntity()) {
            request.setEntityStream(new LimitedInputStream(request.getEntityStream(), maxBodyBytes));
        }
    }

    static final class LimitedInputStream extends FilterInputStream {

        private final long limit;
        private long read;

        LimitedInputStream(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > limit) {
                throw new PayloadTooLargeException(limit);
            }
        }
    }
}
