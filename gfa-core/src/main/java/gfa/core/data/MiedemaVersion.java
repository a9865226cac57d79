package gfa.core.data;

import gfa.core.GfaInputException;
import java.util.Locale;

/**
 * Which Miedema parameter table to use. matminer corrected the valence-electron column in 2024; the
 * paper's descriptors were computed with the table as it was before, so both are kept.
 */
public enum MiedemaVersion {
  /** The table as used for the published descriptors (Gong et al. 2024). */
  PAPER("paper", "miedema-paper.csv"),
  /** The table after matminer's 2024 correction of the valence-electron column. */
  V2024("2024", "miedema-2024.csv");

  private final String id;
  private final String fileName;

  MiedemaVersion(String id, String fileName) {
    this.id = id;
    this.fileName = fileName;
  }

  /** The name users write for this version ({@code paper} or {@code 2024}). */
  public String id() {
    return id;
  }

  String fileName() {
    return fileName;
  }

  /** Parses {@code paper} or {@code 2024} (case and surrounding blanks ignored). */
  public static MiedemaVersion parse(String text) {
    String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    for (MiedemaVersion v : values()) {
      if (v.id.equals(t)) {
        return v;
      }
    }
    throw new GfaInputException("unknown Miedema table version '" + text + "' (choices: paper, 2024)");
  }

  @Override
  public String toString() {
    return id;
  }
}
