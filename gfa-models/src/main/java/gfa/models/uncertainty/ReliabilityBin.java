package gfa.models.uncertainty;

/**
 * One bin of a reliability table of {@code p_bmg}: the predictions whose probability fell in
 * [low, high), their mean probability and the share of them that were bulk glasses.
 */
public record ReliabilityBin(double low, double high, int rows, double meanProbability, double observedFrequency) {}
