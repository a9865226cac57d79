package gfa.models.uncertainty;

import gfa.core.Composition;

/**
 * A known alloy near a composition, for a candidate's trust report.
 *
 * @param alloy the training alloy
 * @param system its element set ({@code Al-Cu-Zr})
 * @param dmax its reported D_max (mm)
 * @param compositionDistance Euclidean distance of the atomic-fraction vectors (0..sqrt 2)
 * @param descriptorDistance Euclidean distance of the standardised descriptor rows
 */
public record Neighbour(Composition alloy, String system, double dmax, double compositionDistance, double descriptorDistance) {}
