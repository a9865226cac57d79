package gfa.core.data;

import gfa.core.Element;
import gfa.core.GfaInputException;
import java.util.Objects;
import java.util.Optional;

/**
 * An element (or a pair of elements) has no value for a property a computation needs. This is an
 * input problem, not a bug: the alloy simply contains an element the tables do not cover, so it is
 * reported like other bad input, with a one-line message such as {@code no data for Xe: electrical_resistivity}.
 */
public class MissingElementDataException extends GfaInputException {
  private final transient Element element;
  private final transient Element partner;
  private final String property;

  /** No value of {@code property} for {@code element}. */
  public MissingElementDataException(Element element, String property) {
    super("no data for " + element.symbol() + ": " + property);
    this.element = element;
    this.partner = null;
    this.property = property;
  }

  /** No value of the pair property {@code property} for the pair {@code element}-{@code partner}. */
  public MissingElementDataException(Element element, Element partner, String property) {
    super("no data for " + element.symbol() + "-" + Objects.requireNonNull(partner).symbol() + ": " + property);
    this.element = element;
    this.partner = partner;
    this.property = property;
  }

  /** The element without data (for a pair, the first element as the caller named it). */
  public Element element() {
    return element;
  }

  /** For a pair property (mixing enthalpy), the other element of the pair. */
  public Optional<Element> partner() {
    return Optional.ofNullable(partner);
  }

  /** The property that is missing, as the tables name it (e.g. {@code electrical_resistivity}). */
  public String property() {
    return property;
  }
}
