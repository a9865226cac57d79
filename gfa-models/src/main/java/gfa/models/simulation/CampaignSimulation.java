package gfa.models.simulation;

import gfa.core.Composition;
import gfa.core.GfaInputException;
import gfa.core.concurrent.Failures;
import gfa.core.pruning.Pruning;
import gfa.core.pruning.PruningLevel;
import gfa.core.pruning.TernarySystem;
import gfa.core.ternary.Acquisition;
import gfa.models.training.Ensemble;
import gfa.models.training.ModelParams;
import gfa.models.training.TrainingRun;
import gfa.models.uncertainty.EnsembleSpread;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A pool-based replay of lab campaigns (docs/simulation.md). For each system: the pool is the
 * system's reported alloys; the model's base is the data pruned at level 3 for the system (the
 * system treated as unexplored, docs/method.md §5). Each repeat opens with a random batch of N
 * alloys, the same for every strategy of that repeat (a paired comparison); then, for R rounds,
 * each strategy picks N alloys not yet cast, their reported D_max are revealed and join the
 * training rows, and the model is refitted with fixed hyperparameters.
 *
 * <p>Repeats differ by the opening batch (and {@code random}'s draws): the fixed-parameter boosted
 * learners are deterministic, so without a random opening every repeat of {@code top} would be the
 * same campaign. Repeats run side by side, one thread each; a repeat's models depend only on its
 * rows and seed, so the results do not depend on how many run at once.
 */
public final class CampaignSimulation {
  private CampaignSimulation() {}

  /**
   * What to simulate.
   *
   * @param strategies the strategies to compare
   * @param rounds R, rounds after the opening batch
   * @param candidates N, alloys per round (and in the opening batch)
   * @param repeats repeats per system and strategy
   * @param seed the seed every repeat's draws and refits derive from
   * @param bmgThreshold a casting is a glass at this D_max or above, mm
   * @param calibrationFolds leave-system-out folds that calibrate σ and p_bmg
   * @param parallel repeats run at the same time (one thread each)
   */
  public record Settings(List<Strategy> strategies, int rounds, int candidates, int repeats, long seed, double bmgThreshold,
      int calibrationFolds, int parallel) {
    public Settings {
      strategies = List.copyOf(strategies);
      if (strategies.isEmpty()) {
        throw new GfaInputException("no strategy given");
      }
      if (rounds < 1) {
        throw new GfaInputException("--rounds " + rounds + " is below 1; simulate at least one round");
      }
      if (candidates < 1) {
        throw new GfaInputException("--candidates " + candidates + " is below 1; cast at least one alloy per round");
      }
      if (repeats < 1) {
        throw new GfaInputException("--repeats " + repeats + " is below 1; run at least one repeat");
      }
      if (!(bmgThreshold > 0) || Double.isInfinite(bmgThreshold)) {
        throw new GfaInputException("--bmg-threshold must be a positive number of mm, not " + bmgThreshold);
      }
      if (calibrationFolds < 2 || parallel < 1) {
        throw new IllegalArgumentException("calibrationFolds >= 2 and parallel >= 1");
      }
    }

    /** Alloys one campaign casts: the opening batch and R rounds of N. */
    public int castings() {
      return candidates * (rounds + 1);
    }

    boolean needsUncertainty() {
      return strategies.stream().anyMatch(s -> s.usesModel() && (s.acquisition().needsSigma() || s.acquisition().needsPBmg()));
    }
  }

  /** Told as work finishes, e.g. to draw a progress bar. */
  public interface Listener {
    default void calibrated(TernarySystem system) {}

    default void repeatFinished(TernarySystem system, int repeat) {}

    Listener NONE = new Listener() {};
  }

  /**
   * One system's simulation.
   *
   * @param pool the system's reported alloys
   * @param baseRows rows of the base data (level 3)
   * @param calibration σ and p_bmg's calibration; null when no strategy reads them
   * @param rounds every round, by strategy, repeat and round
   * @param refits models fitted for the campaigns (a revealed set shared by two strategies is fitted once)
   */
  public record SystemResult(SystemPool pool, int baseRows, PoolCalibration calibration, List<SimulatedRound> rounds, int refits) {
    public SystemResult {
      rounds = List.copyOf(rounds);
    }
  }

  /** The pools of {@code systems}; refuses one with fewer alloys than a campaign casts. */
  public static List<SystemPool> pools(List<Composition> compositions, double[] y, List<TernarySystem> systems, Settings settings,
      String dataName) {
    List<SystemPool> out = new ArrayList<>();
    for (TernarySystem s : systems) {
      SystemPool pool = SystemPool.of(s, compositions, y);
      if (pool.size() < settings.castings()) {
        throw new GfaInputException(s.name() + " has " + pool.size() + " reported alloy" + (pool.size() == 1 ? "" : "s") + " in "
            + dataName + " (rows of exactly " + s.elementSet() + "), fewer than the " + settings.castings() + " a campaign casts ("
            + settings.candidates() + " per round x " + (settings.rounds() + 1) + " rounds, the opening batch included)");
      }
      if (pool.best() <= 0) {
        throw new GfaInputException(s.name() + ": every reported alloy has D_max 0 in " + dataName + "; there is no best to find");
      }
      out.add(pool);
    }
    return out;
  }

  /**
   * Runs every (system, repeat) campaign for every strategy.
   *
   * @param compositions the data's alloys (duplicates merged)
   * @param x their descriptors, in {@code columns} order
   * @param y their D_max, mm
   * @param params the fixed hyperparameters and fusion weights of every refit
   */
  public static List<SystemResult> run(List<Composition> compositions, double[][] x, double[] y, List<String> columns,
      List<SystemPool> pools, Settings settings, ModelParams params, Listener listener) throws Exception {
    List<int[]> bases = new ArrayList<>();
    List<Callable<PoolCalibration>> calibrations = new ArrayList<>();
    for (SystemPool pool : pools) {
      int[] base = Pruning.prune(compositions, pool.system(), PruningLevel.of(3)).keptRows();
      bases.add(base);
      calibrations.add(() -> {
        PoolCalibration c = settings.needsUncertainty()
            ? PoolCalibration.fit(compositions, x, y, columns, base, params, settings.calibrationFolds(), settings.seed())
            : null;
        listener.calibrated(pool.system());
        return c;
      });
    }
    List<PoolCalibration> calibrated = runAll(calibrations, settings.parallel());
    List<Callable<Repeat>> tasks = new ArrayList<>();
    for (int s = 0; s < pools.size(); s++) {
      SystemPool pool = pools.get(s);
      int[] base = bases.get(s);
      PoolCalibration calibration = calibrated.get(s);
      for (int r = 1; r <= settings.repeats(); r++) {
        int repeat = r;
        tasks.add(() -> {
          Repeat done = new Repeat(pool, base, calibration, x, y, columns, params, settings, repeat).run();
          listener.repeatFinished(pool.system(), repeat);
          return done;
        });
      }
    }
    List<Repeat> repeats = runAll(tasks, settings.parallel());
    List<SystemResult> out = new ArrayList<>();
    for (int s = 0; s < pools.size(); s++) {
      List<SimulatedRound> rounds = new ArrayList<>();
      int refits = 0;
      for (Strategy strategy : settings.strategies()) {
        for (int r = 0; r < settings.repeats(); r++) {
          rounds.addAll(repeats.get(s * settings.repeats() + r).rounds.get(strategy));
        }
      }
      for (int r = 0; r < settings.repeats(); r++) {
        refits += repeats.get(s * settings.repeats() + r).models.size();
      }
      out.add(new SystemResult(pools.get(s), bases.get(s).length, calibrated.get(s), rounds, refits));
    }
    return out;
  }

  /** The pool's predictions by one model: fused D_max and the learners' spread, one per pool alloy. */
  record PoolPrediction(double[] mean, double[] spread) {}

  /** One repeat of one system: the opening batch, then every strategy's campaign from it. */
  private static final class Repeat {
    private final SystemPool pool;
    private final int[] base;
    private final PoolCalibration calibration;
    private final double[][] x;
    private final double[] y;
    private final List<String> columns;
    private final ModelParams params;
    private final Settings settings;
    private final int repeat;
    private final long seed;
    /** Models by revealed set: two strategies that have cast the same alloys share the refit. */
    private final Map<String, PoolPrediction> models = new HashMap<>();
    private final Map<Strategy, List<SimulatedRound>> rounds = new HashMap<>();

    Repeat(SystemPool pool, int[] base, PoolCalibration calibration, double[][] x, double[] y, List<String> columns,
        ModelParams params, Settings settings, int repeat) {
      this.pool = pool;
      this.base = base;
      this.calibration = calibration;
      this.x = x;
      this.y = y;
      this.columns = columns;
      this.params = params;
      this.settings = settings;
      this.repeat = repeat;
      this.seed = repeatSeed(settings.seed(), pool.system(), repeat);
    }

    Repeat run() {
      int[] opening = draw(new SplittableRandom(seed), new boolean[pool.size()], settings.candidates());
      for (Strategy strategy : settings.strategies()) {
        rounds.put(strategy, campaign(strategy, opening));
      }
      return this;
    }

    private List<SimulatedRound> campaign(Strategy strategy, int[] opening) {
      // random's own stream, so that adding a strategy to the list changes none of its draws
      SplittableRandom random = new SplittableRandom(mix(seed ^ 0x5EEDL));
      boolean[] cast = new boolean[pool.size()];
      List<Integer> order = new ArrayList<>();
      List<SimulatedRound> out = new ArrayList<>();
      int[] batch = opening;
      for (int round = 0; round <= settings.rounds(); round++) {
        if (round > 0) {
          batch = strategy.usesModel() ? propose(strategy.acquisition(), cast, order) : draw(random, cast, settings.candidates());
        }
        for (int i : batch) {
          if (cast[i]) {
            throw new IllegalStateException("alloy " + i + " proposed twice"); // a defect, never the data's fault
          }
          cast[i] = true;
          order.add(i);
        }
        out.add(record(strategy, round, batch, order));
      }
      return out;
    }

    private SimulatedRound record(Strategy strategy, int round, int[] batch, List<Integer> order) {
      double[] dmax = pool.dmax();
      List<Composition> proposals = new ArrayList<>();
      double[] revealed = new double[batch.length];
      for (int t = 0; t < batch.length; t++) {
        proposals.add(pool.compositions().get(batch[t]));
        revealed[t] = dmax[batch[t]];
      }
      double best = 0;
      int glasses = 0;
      for (int i : order) {
        best = Math.max(best, dmax[i]);
        glasses += dmax[i] >= settings.bmgThreshold() ? 1 : 0;
      }
      return new SimulatedRound(pool.system(), strategy, repeat, round, proposals, revealed, best, best >= pool.target(),
          order.size(), glasses);
    }

    /** The N uncast alloys of highest score; ties to the earlier pool alloy. */
    private int[] propose(Acquisition acquisition, boolean[] cast, List<Integer> order) {
      PoolPrediction p = model(order);
      double[] dmax = pool.dmax();
      int n = pool.size();
      double[] sigma = new double[n];
      double[] pBmg = new double[n];
      if (acquisition.needsSigma() || acquisition.needsPBmg()) {
        for (int i = 0; i < n; i++) {
          sigma[i] = calibration.sigma(p.spread()[i]);
          pBmg[i] = calibration.pBmg(p.mean()[i], p.spread()[i], settings.bmgThreshold());
        }
      }
      double best = 0;
      for (int i : order) {
        best = Math.max(best, dmax[i]);
      }
      double[] score = acquisition.scores(p.mean(), sigma, pBmg, new Acquisition.Parameters(Acquisition.DEFAULT_KAPPA, best));
      return topUncast(score, cast, settings.candidates());
    }

    private PoolPrediction model(List<Integer> order) {
      int[] revealed = order.stream().mapToInt(Integer::intValue).sorted().toArray();
      return models.computeIfAbsent(Arrays.toString(revealed), key -> fit(revealed));
    }

    private PoolPrediction fit(int[] revealed) {
      int[] poolRows = pool.rows();
      double[][] trainX = new double[base.length + revealed.length][];
      double[] trainY = new double[trainX.length];
      for (int t = 0; t < base.length; t++) {
        trainX[t] = x[base[t]];
        trainY[t] = y[base[t]];
      }
      for (int t = 0; t < revealed.length; t++) {
        trainX[base.length + t] = x[poolRows[revealed[t]]];
        trainY[base.length + t] = y[poolRows[revealed[t]]];
      }
      double[][] poolX = new double[poolRows.length][];
      for (int i = 0; i < poolRows.length; i++) {
        poolX[i] = x[poolRows[i]];
      }
      try (Ensemble e = TrainingRun.refit(columns, trainX, trainY, params, seed, 1)) {
        double[][] p = e.predict(poolX);
        return new PoolPrediction(p[p.length - 1], EnsembleSpread.of(Arrays.copyOf(p, p.length - 1), e.weights()));
      }
    }
  }

  /** The {@code n} uncast indices of highest score, ties to the smaller index. */
  static int[] topUncast(double[] score, boolean[] cast, int n) {
    List<Integer> open = new ArrayList<>();
    for (int i = 0; i < score.length; i++) {
      if (!cast[i]) {
        open.add(i);
      }
    }
    open.sort((a, b) -> score[a] != score[b] ? Double.compare(score[b], score[a]) : Integer.compare(a, b));
    return open.subList(0, Math.min(n, open.size())).stream().mapToInt(Integer::intValue).toArray();
  }

  /** {@code n} uncast indices drawn at random, in draw order. */
  static int[] draw(SplittableRandom random, boolean[] cast, int n) {
    List<Integer> open = new ArrayList<>();
    for (int i = 0; i < cast.length; i++) {
      if (!cast[i]) {
        open.add(i);
      }
    }
    int take = Math.min(n, open.size());
    int[] out = new int[take];
    for (int t = 0; t < take; t++) {
      int j = t + random.nextInt(open.size() - t);
      int pick = open.get(j);
      open.set(j, open.get(t));
      open.set(t, pick);
      out[t] = pick;
    }
    return out;
  }

  /** Each (system, repeat) its own seed, whatever else is simulated beside it. */
  static long repeatSeed(long seed, TernarySystem system, int repeat) {
    return mix(mix(seed) ^ mix(system.name().hashCode() * 31L + repeat));
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  private static <T> List<T> runAll(List<Callable<T>> tasks, int parallel) throws Exception {
    List<T> results = new ArrayList<>();
    if (parallel == 1 || tasks.size() <= 1) {
      for (Callable<T> task : tasks) {
        results.add(task.call());
      }
      return results;
    }
    ExecutorService executor = Executors.newFixedThreadPool(Math.min(parallel, tasks.size()),
        r -> Thread.ofPlatform().daemon().name("gfa-simulate").unstarted(r));
    try {
      List<Future<T>> pending = new ArrayList<>();
      for (Callable<T> task : tasks) {
        pending.add(executor.submit(task));
      }
      for (Future<T> f : pending) {
        try {
          results.add(f.get());
        } catch (ExecutionException e) {
          throw Failures.checked(e);
        }
      }
    } finally {
      executor.shutdownNow();
    }
    return results;
  }
}
