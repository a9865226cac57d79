package gfa.core.concurrent;

import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RecursiveAction;

/**
 * How a computation done row by row in Java (the SVR's kernel sums, XGBoost's and LightGBM's
 * trees, the descriptors of a grid) spreads its rows over the cores: blocks of rows as fork/join
 * tasks in the pool the caller runs in (the common pool outside one) when the work is large (a
 * ternary grid, a file of alloys), the caller's thread alone when it is small (a fold's validation
 * rows inside a training, whose fits already use every core). A row's arithmetic never depends on
 * the block it falls in, so the numbers do not depend on the spread.
 *
 * <p>The rows are split down to single blocks, so an idle worker always finds one to take. A
 * parallel stream would not do that here: it splits its range into four pieces per core of the
 * <em>common</em> pool, and on two cores the common pool has one, so a 5151-point grid's kernel
 * sums were cut into four pieces of about 0.1 s, and the last one ran alone on one core for a
 * quarter of a second while the other waited (docs/benchmarks.md, session 11).
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
    split(rows, SIZE, block);
  }

  /**
   * Runs {@code block} over rows [0, rows) in blocks of {@code size} rows (the last may be shorter),
   * as fork/join tasks: in the caller's pool when it is a pool's worker, else in the common pool
   * with the caller taking part. Returns when every block is done (at once for no rows); an
   * exception thrown by a block is rethrown.
   */
  public static void split(int rows, int size, Block block) {
    if (size < 1) {
      throw new IllegalArgumentException("block size must be positive, not " + size);
    }
    int blocks = (int) ((rows + (long) size - 1) / size);
    if (blocks == 0) {
      return;
    }
    if (blocks == 1) {
      block.predict(0, rows);
      return;
    }
    new Span(0, blocks, rows, size, block).invoke();
  }

  /** Blocks [first, last): halves until one block is left, the other half offered to idle workers. */
  private static final class Span extends RecursiveAction {
    private final int first;
    private final int last;
    private final int rows;
    private final int size;
    private final transient Block block;

    Span(int first, int last, int rows, int size, Block block) {
      this.first = first;
      this.last = last;
      this.rows = rows;
      this.size = size;
      this.block = block;
    }

    @Override
    protected void compute() {
      if (last - first == 1) {
        int from = first * size;
        block.predict(from, (int) Math.min(rows, (long) from + size));
        return;
      }
      int middle = (first + last) >>> 1;
      ForkJoinTask.invokeAll(new Span(first, middle, rows, size, block), new Span(middle, last, rows, size, block));
    }
  }
}
