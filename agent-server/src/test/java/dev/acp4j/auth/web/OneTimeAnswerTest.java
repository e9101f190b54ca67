package dev.acp4j.auth.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** What the form's value does when the browser is gone before its answer could be written. */
class OneTimeAnswerTest {

    @Test
    void aBrowserThatWentAwayStillHandsOverTheValueItSubmitted() {
        OneTimeAnswer<String> answer = new OneTimeAnswer<>();

        assertThatThrownBy(() -> answer.accept(new GoneBrowser(), "the-value", "Received", "Received."))
                .isInstanceOf(IOException.class);

        assertThat(answer.value()).as("the user did submit it; the flow must not wait for a timeout")
                .isCompletedWithValue("the-value");
        assertThat(answer.spent()).isTrue();
    }

    @Test
    void aCancelledWaitIgnoresALateValue() {
        OneTimeAnswer<String> answer = new OneTimeAnswer<>();
        answer.cancel("closed");

        assertThat(answer.spent()).isTrue();
        assertThatThrownBy(() -> answer.accept(new GoneBrowser(), "late", "Received", "Received."))
                .isInstanceOf(IOException.class);
        assertThat(answer.value()).isCompletedExceptionally();
    }

    /** An exchange whose connection is closed: nothing can be sent. */
    private static final class GoneBrowser extends HttpExchange {
        private final Headers responseHeaders = new Headers();

        @Override
        public Headers getRequestHeaders() {
            return new Headers();
        }

        @Override
        public Headers getResponseHeaders() {
            return responseHeaders;
        }

        @Override
        public URI getRequestURI() {
            return URI.create("/");
        }

        @Override
        public String getRequestMethod() {
            return "POST";
        }

        @Override
        public HttpContext getHttpContext() {
            return null;
        }

        @Override
        public void close() {
        }

        @Override
        public InputStream getRequestBody() {
            return new ByteArrayInputStream(new byte[0]);
        }

        @Override
        public OutputStream getResponseBody() {
            return OutputStream.nullOutputStream();
        }

        @Override
        public void sendResponseHeaders(int rCode, long responseLength) throws IOException {
            throw new IOException("Broken pipe");
        }

        @Override
        public InetSocketAddress getRemoteAddress() {
            return null;
        }

        @Override
        public int getResponseCode() {
            return -1;
        }

        @Override
        public InetSocketAddress getLocalAddress() {
            return null;
        }

        @Override
        public String getProtocol() {
            return "HTTP/1.1";
        }

        @Override
        public Object getAttribute(String name) {
            return null;
        }

        @Override
        public void setAttribute(String name, Object value) {
        }

        @Override
        public void setStreams(InputStream i, OutputStream o) {
        }

        @Override
        public HttpPrincipal getPrincipal() {
            return null;
        }
    }
}
