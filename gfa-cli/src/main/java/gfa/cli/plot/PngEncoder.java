package gfa.cli.plot;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * An RGB image of Java2D as PNG bytes: the same file ImageIO's PNG writer makes of it with its
 * compression quality 0.8 (deflate level 2, every row unfiltered, IDAT chunks of 32 KB), written
 * straight from the image's pixel array. ImageIO copies the pixels row by row through its raster
 * and image-stream classes, which ran cold on every {@code predict-ternary}: 46–90 ms for a map,
 * on the thread that waits for it, where this takes a quarter of that (docs/benchmarks.md, session
 * 11). The deflating is the JDK's zlib either way. Written by hand because no listed library
 * writes a PNG faster; {@code PngEncoderTest} reads every file back through ImageIO.
 */
final class PngEncoder {
  private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  /** ImageIO's chunk size for the compressed rows. */
  private static final int CHUNK = 32768;

  private PngEncoder() {}

  /** {@code image} (TYPE_INT_RGB) as a PNG file: 8-bit RGB, not interlaced, deflate {@code level}. */
  static byte[] encode(BufferedImage image, int level) throws IOException {
    if (image.getType() != BufferedImage.TYPE_INT_RGB) {
      throw new IllegalArgumentException("an RGB image (TYPE_INT_RGB), not type " + image.getType());
    }
    int width = image.getWidth();
    int height = image.getHeight();
    int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
    ByteArrayOutputStream file = new ByteArrayOutputStream(1 << 18);
    DataOutputStream out = new DataOutputStream(file);
    out.write(SIGNATURE);
    ByteArrayOutputStream header = new ByteArrayOutputStream(13);
    DataOutputStream h = new DataOutputStream(header);
    h.writeInt(width);
    h.writeInt(height);
    h.writeByte(8); // bits per channel
    h.writeByte(2); // colour type: RGB
    h.writeByte(0); // deflate
    h.writeByte(0); // adaptive filtering, filter type per row
    h.writeByte(0); // not interlaced
    chunk(out, "IHDR", header.toByteArray(), header.size());

    Deflater deflater = new Deflater(level);
    try {
      byte[] row = new byte[1 + 3 * width]; // filter type 0 (none), then R, G, B per pixel
      byte[] compressed = new byte[CHUNK];
      int filled = 0;
      for (int y = 0; y < height; y++) {
        int p = y * width;
        for (int x = 0, i = 1; x < width; x++, i += 3) {
          int rgb = pixels[p + x];
          row[i] = (byte) (rgb >> 16);
          row[i + 1] = (byte) (rgb >> 8);
          row[i + 2] = (byte) rgb;
        }
        deflater.setInput(row);
        while (!deflater.needsInput()) {
          filled += deflater.deflate(compressed, filled, CHUNK - filled);
          if (filled == CHUNK) {
            chunk(out, "IDAT", compressed, CHUNK);
            filled = 0;
          }
        }
      }
      deflater.finish();
      while (!deflater.finished()) {
        filled += deflater.deflate(compressed, filled, CHUNK - filled);
        if (filled == CHUNK) {
          chunk(out, "IDAT", compressed, CHUNK);
          filled = 0;
        }
      }
      if (filled > 0) {
        chunk(out, "IDAT", compressed, filled);
      }
    } finally {
      deflater.end();
    }
    chunk(out, "IEND", new byte[0], 0);
    out.flush();
    return file.toByteArray();
  }

  private static void chunk(DataOutputStream out, String type, byte[] data, int length) throws IOException {
    byte[] name = type.getBytes(StandardCharsets.US_ASCII);
    CRC32 crc = new CRC32();
    crc.update(name);
    crc.update(data, 0, length);
    out.writeInt(length);
    out.write(name);
    out.write(data, 0, length);
    out.writeInt((int) crc.getValue());
  }
}
