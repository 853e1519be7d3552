package org.callmask.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.apache.catalina.connector.Connector;
import org.callmask.support.IntegrationTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.test.context.TestPropertySource;

/**
 * Unsigned webhooks tell anyone who asks where a proxy number routes, so without a Signing Key
 * the service listens on loopback only; with one, or with {@code server.address} set, where told.
 */
class ListeningAddressTests {

    @Nested
    class WithoutASigningKey extends IntegrationTest {

        @Autowired
        WebServerApplicationContext context;

        @Test
        void listensOnLoopbackOnly() {
            assertThat(address(context)).isEqualTo(InetAddress.getLoopbackAddress());
        }
    }

    @Nested
    @TestPropertySource(properties = "callmask.signalwire.signing-key=PSK_7TruNcSNTxp4zNrykMj4EPzF")
    class WithASigningKey extends IntegrationTest {

        @Autowired
        WebServerApplicationContext context;

        @Test
        void listensOnEveryInterface() {
            assertThat(address(context)).isNull();
        }
    }

    @Nested
    @TestPropertySource(properties = "server.address=")
    class WithAnEmptyAddress extends IntegrationTest {

        @Autowired
        WebServerApplicationContext context;

        @Test
        void listensOnLoopbackOnlyAsIfUnset() {
            assertThat(address(context)).isEqualTo(InetAddress.getLoopbackAddress());
        }
    }

    @Nested
    @TestPropertySource(properties = "server.address=0.0.0.0")
    class WithAnAddressSet extends IntegrationTest {

        @Autowired
        WebServerApplicationContext context;

        @Test
        void listensWhereTold() throws Exception {
            assertThat(address(context)).isEqualTo(InetAddress.getByName("0.0.0.0"));
        }
    }

    private static Object address(WebServerApplicationContext context) {
        Connector connector =
                ((TomcatWebServer) context.getWebServer()).getTomcat().getConnector();
        return connector.getProperty("address");
    }
}
