package gfa.cli.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.junit.jupiter.api.Test;

class PngEncoderTest {
  /** A drawing with text, antialiased shapes and noise (rows that do not compress). */
  private static BufferedImage picture(int width, int height) {
    System.setProperty("java.awt.headless", "true");
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width, height);
    g.setColor(new Color(68, 1, 84));
    g.fill(new Ellipse2D.Double(10, 10, width * 0.6, height * 0.7));
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
    g.drawString("Zr-Al-Cu 0.25 mm", 20, height - 20);
    g.dispose();
    Random random = new Random(5);
    for (int y = height / 2; y < height / 2 + 40 && y < height; y++) {
      for (int x = 0; x < width; x++) {
        image.setRGB(x, y, random.nextInt());
      }
    }
    return image;
  }

  @Test
  void imageIoReadsBackEveryPixel() throws IOException {
    for (int[] size : new int[][] {{1, 1}, {3, 2}, {401, 233}, {1600, 800}}) {
      BufferedImage image = picture(size[0], size[1]);
      byte[] png = PngEncoder.encode(image, 1);
      BufferedImage read = ImageIO.read(new ByteArrayInputStream(png));
      assertEquals(size[0], read.getWidth());
      assertEquals(size[1], read.getHeight());
      int[] expected = image.getRGB(0, 0, size[0], size[1], null, 0, size[0]);
      assertArrayEquals(expected, read.getRGB(0, 0, size[0], size[1], null, 0, size[0]), size[0] + "x" + size[1]);
    }
  }

  /** The same bytes as ImageIO's PNG writer at compression quality 0.8, which gfa used before. */
  @Test
  void theSameFileAsImageIoAtItsQualityPointEight() throws IOException {
    BufferedImage image = picture(1600, 800);
    ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
      writer.setOutput(stream);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(0.8f);
      writer.write(null, new IIOImage(image, null, null), param);
    } finally {
      writer.dispose();
    }
    assertArrayEquals(out.toByteArray(), PngEncoder.encode(image, 2));
  }

  @Test
  void onlyRgbImages() {
    assertThrows(IllegalArgumentException.class,
        () -> PngEncoder.encode(new BufferedImage(2, 2, BufferedImage.TYPE_INT_ARGB), 1));
  }
}
