/**
 * Hyperparameter search (docs/method.md §4): the Tree-structured Parzen Estimator of Bergstra et al.
 * ({@link gfa.models.search.Tpe}) and a random-search baseline
 * ({@link gfa.models.search.RandomSearch}), over a {@link gfa.models.search.SearchSpace} of
 * {@link gfa.models.search.Parameter}s, minimising an {@link gfa.models.search.Objective} within a
 * {@link gfa.models.search.Budget}. Both run the same loop, so the stopping rules, the handling of
 * failed trials and the listener behave identically. The design and its differences from hyperopt
 * are described in {@code docs/tpe.md}.
 */
package gfa.models.search;
