package gfa.core.dataset;

import gfa.core.Excerpt;
import gfa.core.GfaInputException;
import java.util.Locale;

/** What a casting or melt-spinning experiment gave; {@link Labels} turns it into D_max. */
public enum Outcome {
  /** No glass formed. */
  CRYSTALLINE,
  /** A glassy ribbon by melt spinning, but no bulk glass. */
  RIBBON,
  /** A bulk metallic glass, cast as a fully glassy rod or plate of known diameter. */
  BMG;

  /** Reads {@code crystalline}, {@code ribbon} or {@code bmg}, in any letter case. */
  public static Outcome parse(String text) {
    String word = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    for (Outcome o : values()) {
      if (o.label().equals(word)) {
        return o;
      }
    }
    throw new GfaInputException("outcome '" + Excerpt.of(text) + "' is not one of crystalline, ribbon, bmg");
  }

  /** The word used in files: {@code crystalline}, {@code ribbon} or {@code bmg}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return label();
  }
}
