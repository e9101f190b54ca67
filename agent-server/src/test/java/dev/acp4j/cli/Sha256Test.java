package dev.acp4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Sha256Test {

    @Test
    void theFipsExamplesAndEveryLengthAroundTheBlockBoundariesMatchMessageDigest() throws Exception {
        Sha256 abc = new Sha256();
        abc.update("abc".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertThat(HexFormat.of().formatHex(abc.digest()))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(HexFormat.of().formatHex(new Sha256().digest()))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        Random random = new Random(16);
        for (int length = 0; length <= 300; length++) {
            byte[] bytes = new byte[length];
            random.nextBytes(bytes);
            Sha256 ours = new Sha256();
            // in pieces, as the cache's digest feeds it
            int half = length / 3;
            ours.update(bytes, 0, half);
            ours.update(bytes, half, length - half);
            assertThat(ours.digest()).as("length %d", length).isEqualTo(MessageDigest.getInstance("SHA-256").digest(bytes));
        }
        byte[] large = new byte[1 << 20];
        random.nextBytes(large);
        Sha256 ours = new Sha256();
        ours.update(large);
        assertThat(ours.digest()).isEqualTo(MessageDigest.getInstance("SHA-256").digest(large));
    }
}
