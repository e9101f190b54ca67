package dev.acp4j.jsonrpc;

/**
 * Strict UTF-8 validation (RFC 3629): no overlong forms, no surrogates, nothing above
 * U+10FFFF. Jackson decodes some of these leniently; a line that is not UTF-8 is not JSON.
 */
final class Utf8 {

    private Utf8() {
    }

    /** The offset of the first byte of the first invalid sequence, or -1 when all is valid. */
    static int firstInvalid(byte[] bytes, int offset, int length) {
        int i = offset;
        int end = offset + length;
        while (i < end) {
            int b = bytes[i] & 0xFF;
            if (b < 0x80) {
                i++;
                continue;
            }
            int count;
            int min;
            int max = 0xBF;
            if (b >= 0xC2 && b <= 0xDF) {
                count = 1;
                min = 0x80;
            } else if (b >= 0xE0 && b <= 0xEF) {
                count = 2;
                min = b == 0xE0 ? 0xA0 : 0x80;
                max = b == 0xED ? 0x9F : 0xBF;
            } else if (b >= 0xF0 && b <= 0xF4) {
                count = 3;
                min = b == 0xF0 ? 0x90 : 0x80;
                max = b == 0xF4 ? 0x8F : 0xBF;
            } else {
                return i;
            }
            if (i + count >= end) {
                return i;
            }
            int second = bytes[i + 1] & 0xFF;
            if (second < min || second > max) {
                return i;
            }
            for (int k = 2; k <= count; k++) {
                int next = bytes[i + k] & 0xFF;
                if (next < 0x80 || next > 0xBF) {
                    return i;
                }
            }
            i += count + 1;
        }
        return -1;
    }
}
