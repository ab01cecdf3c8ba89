package ai.connecty.athena.jdbc.wiremock;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A WireMock extension that holds the responses of the stubs naming it until the test releases them: a test sees
 * that the request arrived ({@link #arrived}) and decides when it is answered ({@link #release}), so that "while
 * the call is under way" needs no clock.
 */
final class HeldResponse implements ResponseDefinitionTransformerV2 {
    static final String NAME = "held-response";
    volatile CountDownLatch arrived;
    volatile CountDownLatch release;

    /** A WireMock server on a free loopback port whose stubs may name {@code held} to be held. */
    static WireMockExtension server(HeldResponse held) {
        return WireMockExtension.newInstance()
                .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").extensions(held)).build();
    }

    /** New latches, for the next test. */
    void reset() {
        arrived = new CountDownLatch(1);
        release = new CountDownLatch(1);
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        arrived.countDown();
        try {
            release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return serveEvent.getResponseDefinition();
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }
}
