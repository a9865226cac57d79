package gfa.core.concurrent;

import java.util.stream.IntStream;

/**
 * How a prediction computed row by row in Java (the SVR's kernel sums, XGBoost's and LightGBM's
 * trees) spreads its rows over the cores: blocks of {@link #SIZE} rows on the common pool when the work
 * is large (a ternary grid, a file of alloys), the caller's thread alone when it is small (a fold's
 * validation rows inside a training, whose fits already use every core). A row's arithmetic never
 * depends on the block it falls in, so the numbers do not depend on the spread.
 */
public final class RowBlocks {
  /** Rows per block: large enough that a block's scratch and set-up are negligible. */
  public static final int SIZE = 64;

  /** Rows [from, to) of one block. */
  @FunctionalInterface
  public interface Block {
    void predict(int from, int to);
  }

  private RowBlocks() {}

  /**
   * Runs {@code block} over rows [0, rows), in parallel blocks when {@code work} (the call's
   * elementary steps) reaches {@code parallelFrom} and there are at least two blocks.
   */
  public static void run(int rows, long work, long parallelFrom, Block block) {
    if (work < parallelFrom || rows < 2 * SIZE) {
      block.predict(0, rows);
      return;
    }
    int blocks = (rows + SIZE - 1) / SIZE;
    IntStream.range(0, blocks).parallel().forEach(b -> block.predict(b * SIZE, Math.min(rows, (b + 1) * SIZE)));
  }
}
