package gfa.core.data;

import gfa.core.GfaInputException;
import java.util.Locale;

/**
 * Which matminer Miedema featurizer to reproduce. Since its 2024 release matminer uses a corrected
 * valence-electron column and takes the absolute value of an alloyed molar volume before its 2/3
 * power in the elastic term; the paper's descriptors were computed before both changes, so both
 * variants are kept.
 */
public enum MiedemaVersion {
  /** matminer as used for the published descriptors (Gong et al. 2024). */
  PAPER(
      "paper",
      "miedema-paper.csv",
      false,
      "matminer as used for the published values of Gong et al. (2024): valence column before "
          + "the 2024 correction; ss_min undefined where an alloyed volume turns negative"),
  /** Current matminer (2024 release and later). */
  V2024(
      "2024",
      "miedema-2024.csv",
      true,
      "current matminer (2024 release and later): corrected valence column; absolute alloyed "
          + "volume in the elastic term, so ss_min stays defined where that volume turns negative");

  private final String id;
  private final String fileName;

  private final boolean absoluteAlloyedVolume;
  private final String reproduces;

  MiedemaVersion(String id, String fileName, boolean absoluteAlloyedVolume, String reproduces) {
    this.id = id;
    this.fileName = fileName;
    this.absoluteAlloyedVolume = absoluteAlloyedVolume;
    this.reproduces = reproduces;
  }

  /** What this variant reproduces, in one line for listings and citations. */
  public String reproduces() {
    return reproduces;
  }

  /**
   * Whether the elastic term takes the absolute value of an alloyed molar volume before its 2/3
   * power (current matminer) instead of leaving a negative one to give NaN (the paper's matminer).
   */
  public boolean absoluteAlloyedVolume() {
    return absoluteAlloyedVolume;
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
