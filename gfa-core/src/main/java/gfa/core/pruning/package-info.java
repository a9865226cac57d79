/**
 * Pruning the training set relative to a target ternary system (docs/method.md §5): the five categories
 * of related alloys, the five pruning levels (the paper's subdatasets 1..5) and the pure function
 * that applies them. See {@code docs/pruning.md} for how the rule compares with the published
 * subsets.
 */
package gfa.core.pruning;
