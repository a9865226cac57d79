package gfa.models.uncertainty;

/**
 * How far a composition lies from the alloys the model learnt from.
 *
 * @param compositionDistance distance to the nearest training alloy in atomic fractions
 * @param descriptorDistance distance to the nearest training alloy in standardised descriptors
 * @param inDomain both distances at most the thresholds calibrated on the training alloys
 */
public record DomainDistance(double compositionDistance, double descriptorDistance, boolean inDomain) {}
