/**
 * Pool-based campaign simulation ({@code gfa simulate}, docs/simulation.md): replay a lab campaign
 * on a system whose alloys are already reported, treating the system as unexplored, to measure
 * which way of choosing castings finds its best glass former in fewest rounds.
 */
package gfa.models.simulation;
