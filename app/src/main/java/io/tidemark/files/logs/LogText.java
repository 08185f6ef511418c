package io.tidemark.files.logs;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;

/** Turns a line's bytes into text a person can read: bad sequences as U+FFFD, control bytes as their visible symbols. */
final class LogText {

    private LogText() {
    }

    static String decode(byte[] bytes, int len, Charset charset) {
        while (len > 0 && (bytes[len - 1] == '\r')) {
            len--;
        }
        boolean plain = true;
        for (int i = 0; i < len; i++) {
            byte b = bytes[i];
            if (b < 0x20 && b != '\t' || b == 0x7F || b < 0) {
                plain = false;
                break;
            }
        }
        if (plain) {
            return new String(bytes, 0, len, java.nio.charset.StandardCharsets.ISO_8859_1);
        }
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        CharBuffer out = CharBuffer.allocate((int) (len * (double) decoder.maxCharsPerByte()) + 4);
        decoder.decode(ByteBuffer.wrap(bytes, 0, len), out, true);
        decoder.flush(out);
        out.flip();
        StringBuilder text = new StringBuilder(out.remaining());
        while (out.hasRemaining()) {
            char c = out.get();
            if (c < 0x20 && c != '\t') {
                text.append((char) (0x2400 + c)); // ␀ ␁ … : NUL and friends stay visible
            } else if (c == 0x7F) {
                text.append('\u2421');
            } else {
                text.append(c);
            }
        }
        return text.toString();
    }
}
