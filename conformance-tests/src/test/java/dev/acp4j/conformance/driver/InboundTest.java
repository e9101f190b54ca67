package dev.acp4j.conformance.driver;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class InboundTest {

    @Test
    void classifiesJsonRpcKinds() {
        assertThat(Inbound.classify(0, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"fs/read_text_file\"}").kind())
                .isEqualTo(Inbound.Kind.REQUEST);
        assertThat(Inbound.classify(0, "{\"jsonrpc\":\"2.0\",\"method\":\"session/update\"}").kind())
                .isEqualTo(Inbound.Kind.NOTIFICATION);
        assertThat(Inbound.classify(0, "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{}}").kind())
                .isEqualTo(Inbound.Kind.RESPONSE);
        assertThat(Inbound.classify(0, "hello").kind()).isEqualTo(Inbound.Kind.NOT_JSON_RPC);
        assertThat(Inbound.classify(0, "{\"jsonrpc\":2.0,\"id\":1,\"result\":{}}").kind())
                .isEqualTo(Inbound.Kind.NOT_JSON_RPC);
    }

    @Test
    void answersMatchesIdsExactly() {
        BigIntegerNode big = BigIntegerNode.valueOf(new BigInteger("9007199254740993"));
        assertThat(Inbound.classify(0, "{\"jsonrpc\":\"2.0\",\"id\":9007199254740993,\"result\":{}}").answers(big))
                .isTrue();
        assertThat(Inbound.classify(0, "{\"jsonrpc\":\"2.0\",\"id\":9007199254740992,\"result\":{}}").answers(big))
                .isFalse();
        assertThat(Inbound.classify(0, "{\"jsonrpc\":\"2.0\",\"id\":9007199254740993.0,\"result\":{}}")
                .answers(big)).isFalse();
        assertThat(Inbound.classify(0, "{\"jsonrpc\":\"2.0\",\"id\":\"5\",\"result\":{}}")
                .answers(BigIntegerNode.valueOf(BigInteger.valueOf(5)))).isFalse();
        assertThat(Inbound.classify(0, "{\"jsonrpc\":\"2.0\",\"id\":\"5\",\"result\":{}}")
                .answers(TextNode.valueOf("5"))).isTrue();
    }
}
