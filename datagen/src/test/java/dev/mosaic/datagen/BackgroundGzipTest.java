package dev.mosaic.datagen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;

class BackgroundGzipTest {

    @Test
    void compressesToTheSameBytesAsAPlainGzipStream() throws IOException {
        byte[] data = new byte[3_000_000];
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) ("abcdefgh,\n\"ü".charAt(random.nextInt(12)));
        }
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(plain, 1 << 16)) {
            gzip.write(data);
        }
        ByteArrayOutputStream background = new ByteArrayOutputStream();
        try (BackgroundGzip gzip = new BackgroundGzip(background, "test")) {
            int at = 0;
            while (at < data.length) {
                int n = Math.min(data.length - at, 1 + random.nextInt(100_000));
                gzip.write(data, at, n);
                at += n;
                gzip.write('x');
                gzip.flush();
            }
        }
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(expected, 1 << 16)) {
            SplittableRandom again = new SplittableRandom(1);
            for (int i = 0; i < data.length; i++) {
                again.nextInt(12);
            }
            int at = 0;
            while (at < data.length) {
                int n = Math.min(data.length - at, 1 + again.nextInt(100_000));
                gzip.write(data, at, n);
                at += n;
                gzip.write('x');
            }
        }
        assertThat(background.toByteArray()).isEqualTo(expected.toByteArray());
    }
}
