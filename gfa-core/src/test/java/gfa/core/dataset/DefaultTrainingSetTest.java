package gfa.core.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gfa.core.io.CsvTable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The default training table is read from the classpath, as the repository ships it. */
class DefaultTrainingSetTest {
  @Test
  void loadsFromTheClasspathWithNameVersionAndTheFilesDigest() throws Exception {
    DefaultTrainingSet d = DefaultTrainingSet.load();
    assertEquals("ward2018-gfa", d.name());
    assertTrue(d.version().matches("\\d{4}\\.\\d+\\.\\d+"), d.version());
    assertEquals("ward2018-gfa.csv", d.fileName());
    byte[] repositoryFile = Files.readAllBytes(Path.of("../data/training/ward2018-gfa.csv"));
    assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(repositoryFile)), d.sha256());
    assertEquals(new String(repositoryFile, StandardCharsets.UTF_8), d.csv());
  }

  @Test
  void readsAsTrainingDataWithOneRowPerAlloy() {
    DefaultTrainingSet d = DefaultTrainingSet.load();
    Dataset data = d.reader().read();
    CsvTable table = d.table();
    assertEquals(table.rowCount(), data.size(), "the table holds each alloy once");
    assertEquals("ward2018-gfa.csv (built in)", data.source());
    assertEquals(d.sha256(), data.sourceSha256());
    for (double v : data.target()) {
      assertTrue(v >= 0, "D_max " + v);
    }
  }

  @Test
  void itsNoticeShipsBesideIt() throws Exception {
    var url = DefaultTrainingSet.class.getClassLoader().getResource(DefaultTrainingSet.RESOURCE_DIR + "LICENSE-ward2018");
    assertNotNull(url, "LICENSE-ward2018 is not on the classpath");
    try (var in = url.openStream()) {
      String notice = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(notice.contains("Copyright (c) 2021 Janosh Riebesell"), notice);
      assertTrue(notice.contains("Permission is hereby granted"), notice);
    }
  }
}
