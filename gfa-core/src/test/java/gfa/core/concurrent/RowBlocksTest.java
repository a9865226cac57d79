package gfa.core.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class RowBlocksTest {
  @Test
  void everyRowFallsInExactlyOneBlockOfAtMostTheSize() {
    for (int rows : new int[] {0, 1, 63, 64, 65, 5151}) {
      AtomicIntegerArray seen = new AtomicIntegerArray(rows);
      Set<Integer> widths = ConcurrentHashMap.newKeySet();
      new Workers(2).call(() -> {
        RowBlocks.split(rows, 64, (from, to) -> {
          widths.add(to - from);
          for (int r = from; r < to; r++) {
            seen.incrementAndGet(r);
          }
        });
        return null;
      });
      for (int r = 0; r < rows; r++) {
        assertEquals(1, seen.get(r), "row " + r + " of " + rows);
      }
      assertTrue(widths.stream().allMatch(w -> w >= 1 && w <= 64), rows + " rows: " + widths);
    }
  }

  @Test
  void smallWorkStaysOnTheCallersThread() {
    Set<Thread> threads = ConcurrentHashMap.newKeySet();
    RowBlocks.run(5151, 1000, 1 << 22, (from, to) -> threads.add(Thread.currentThread()));
    assertEquals(Set.of(Thread.currentThread()), threads);
  }

  @Test
  void anIdleWorkerTakesBlocksWhileTheFirstIsStillRunning() {
    // The first block (run by the splitting thread) waits until another thread has run a block:
    // it can only finish if the pool's other worker takes blocks of the same split.
    CountDownLatch elsewhere = new CountDownLatch(1);
    boolean[] helped = new boolean[1];
    new Workers(2).call(() -> {
      Thread splitter = Thread.currentThread();
      RowBlocks.split(64 * 40, 64, (from, to) -> {
        if (Thread.currentThread() != splitter) {
          elsewhere.countDown();
        } else if (from == 0) {
          try {
            helped[0] = elsewhere.await(20, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
      });
      return null;
    });
    assertTrue(helped[0], "no other worker took a block");
  }

  @Test
  void aBlocksFailureReachesTheCaller() {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> new Workers(2).call(() -> {
      RowBlocks.split(640, 64, (from, to) -> {
        if (from == 320) {
          throw new IllegalStateException("block at 320");
        }
      });
      return null;
    }));
    assertTrue(e.getMessage().contains("block at 320"), e.getMessage());
  }
}
