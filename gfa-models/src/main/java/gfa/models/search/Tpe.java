package gfa.models.search;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;

/**
 * The Tree-structured Parzen Estimator (Bergstra, Bardenet, Bengio & Kégl, NeurIPS 2011; Bergstra,
 * Yamins & Cox, ICML 2013), as hyperopt's {@code tpe.suggest} does it; {@code docs/tpe.md} lists
 * the choices and the differences.
 *
 * <p>The first {@link TpeOptions#startupTrials()} trials are draws from the priors (the same draws
 * {@link RandomSearch} makes with the same seed). After that, with n finished trials, the best
 * {@code min(ceil(gamma * sqrt(n)), 25)} are "good" and the rest (failed trials included) "bad".
 * Each parameter is then proposed on its own: a density l(x) is fitted to its good values and g(x)
 * to its bad ones (a {@link ParzenEstimator} for numbers — on log values for {@link
 * Parameter.LogUniform}, on grid indices for {@link Parameter.QUniform} — and a {@link
 * CategoricalEstimator} for choices), {@link TpeOptions#candidates()} values are drawn from l, and
 * the one with the largest l(x)/g(x) is proposed, which maximises expected improvement (Bergstra et
 * al. 2011, eq. 4).
 *
 * <p>Deterministic: the same options (seed included) and the same losses give the same trials.
 */
public final class Tpe {
  private Tpe() {}

  /**
   * Minimises {@code objective} over {@code space} within {@code budget}. An exception from the
   * objective or the listener ends the search and is rethrown unchanged; a NaN or infinite loss is
   * a failed trial (loss +inf) and the search goes on.
   *
   * @param listener told about every finished trial; may be null
   */
  public static SearchResult minimize(SearchSpace space, Objective objective, Budget budget, TpeOptions options,
      TrialListener listener) throws Exception {
    return SearchLoop.run(space, objective, budget, new Sampler(space, options), listener);
  }

  /**
   * As {@link #minimize(SearchSpace, Objective, Budget, TpeOptions, TrialListener)}, but the first
   * trials evaluate {@code firstPoints} (e.g. a learner's known-good defaults; hyperopt's
   * {@code points_to_evaluate}, Optuna's {@code enqueue_trial}); they count towards the start-up
   * trials and the budget, and TPE learns from them like from any other trial.
   */
  public static SearchResult minimize(SearchSpace space, Objective objective, Budget budget, TpeOptions options,
      TrialListener listener, List<Map<String, Object>> firstPoints) throws Exception {
    Sampler tpe = new Sampler(space, options);
    List<Map<String, Object>> first = new java.util.ArrayList<>();
    for (Map<String, Object> point : firstPoints) { // in the space's parameter order, as trials are
      Map<String, Object> ordered = new LinkedHashMap<>();
      for (String name : space.names()) {
        ordered.put(name, point.get(name));
      }
      first.add(ordered);
    }
    SearchLoop.Sampler sampler = history -> history.size() < first.size() ? first.get(history.size()) : tpe.next(history);
    return SearchLoop.run(space, objective, budget, sampler, listener);
  }

  /** Proposes trials; holds the search's only random generator. */
  static final class Sampler implements SearchLoop.Sampler {
    private final SearchSpace space;
    private final TpeOptions options;
    private final SplittableRandom rng;
    /** {@link Parameter.QUniform#size()} by parameter position (0 for others), computed once: it is decimal arithmetic. */
    private final int[] gridSizes;

    Sampler(SearchSpace space, TpeOptions options) {
      this.space = space;
      this.options = options;
      this.rng = new SplittableRandom(options.seed());
      this.gridSizes = space.parameters().stream()
          .mapToInt(p -> p instanceof Parameter.QUniform q ? q.size() : 0).toArray();
    }

    @Override
    public Map<String, Object> next(List<Trial> history) {
      if (history.size() < options.startupTrials()) {
        return Prior.draw(space, rng);
      }
      boolean[] good = goodTrials(history, options.goodTrials(history.size()));
      Map<String, Object> params = new LinkedHashMap<>();
      for (int i = 0; i < space.parameters().size(); i++) {
        Parameter p = space.parameters().get(i);
        params.put(p.name(), propose(p, gridSizes[i], history, good));
      }
      return params;
    }

    private Object propose(Parameter parameter, int gridSize, List<Trial> history, boolean[] good) {
      String name = parameter.name();
      double w = options.priorWeight();
      switch (parameter) {
        case Parameter.Uniform u -> {
          double[][] obs = split(history, good, t -> t.doubleValue(name));
          return best(ParzenEstimator.continuous(obs[0], u.low(), u.high(), w),
              ParzenEstimator.continuous(obs[1], u.low(), u.high(), w));
        }
        case Parameter.LogUniform l -> {
          double[][] obs = split(history, good, t -> StrictMath.log(t.doubleValue(name)));
          double lo = StrictMath.log(l.low());
          double hi = StrictMath.log(l.high());
          return Prior.fromLog(l, best(ParzenEstimator.continuous(obs[0], lo, hi, w),
              ParzenEstimator.continuous(obs[1], lo, hi, w)));
        }
        case Parameter.QUniform q -> {
          double[][] obs = split(history, good,
              t -> Parameter.QUniform.nearestIndex(t.doubleValue(name), q.low(), q.step(), gridSize));
          return q.value((int) best(ParzenEstimator.onGrid(obs[0], gridSize, w),
              ParzenEstimator.onGrid(obs[1], gridSize, w)));
        }
        case Parameter.Choice c -> {
          double[][] obs = split(history, good, t -> c.index(t.stringValue(name)));
          int size = c.options().size();
          return c.options().get(best(CategoricalEstimator.fit(toInts(obs[0]), size, w),
              CategoricalEstimator.fit(toInts(obs[1]), size, w)));
        }
      }
    }

    /** Of {@code candidates} draws from l, the one with the largest log l - log g (the first of equals). */
    private double best(ParzenEstimator l, ParzenEstimator g) {
      double best = Double.NaN;
      double bestScore = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < options.candidates(); i++) {
        double x = l.sample(rng);
        double score = l.logDensity(x) - g.logDensity(x);
        if (i == 0 || score > bestScore) {
          best = x;
          bestScore = score;
        }
      }
      return best;
    }

    private int best(CategoricalEstimator l, CategoricalEstimator g) {
      int best = -1;
      double bestScore = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < options.candidates(); i++) {
        int k = l.sample(rng);
        double score = l.logProbability(k) - g.logProbability(k);
        if (i == 0 || score > bestScore) {
          best = k;
          bestScore = score;
        }
      }
      return best;
    }
  }

  /** Marks the {@code count} trials with the lowest losses (earlier trial first among equal losses). */
  static boolean[] goodTrials(List<Trial> history, int count) {
    boolean[] good = new boolean[history.size()];
    IntStream.range(0, history.size()).boxed()
        .sorted(Comparator.comparingDouble((Integer i) -> history.get(i).loss()).thenComparingInt(i -> i))
        .limit(count)
        .forEach(i -> good[i] = true);
    return good;
  }

  /** The coordinates of the good trials and of the bad trials, each in trial order. */
  private static double[][] split(List<Trial> history, boolean[] good, ToDoubleFunction<Trial> coordinate) {
    int goodCount = 0;
    for (boolean b : good) {
      goodCount += b ? 1 : 0;
    }
    double[] below = new double[goodCount];
    double[] above = new double[history.size() - goodCount];
    int b = 0;
    int a = 0;
    for (int i = 0; i < history.size(); i++) {
      double x = coordinate.applyAsDouble(history.get(i));
      if (good[i]) {
        below[b++] = x;
      } else {
        above[a++] = x;
      }
    }
    return new double[][] {below, above};
  }

  private static int[] toInts(double[] values) {
    int[] ints = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      ints[i] = (int) values[i];
    }
    return ints;
  }
}
