package gfa.models.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FitSlotsTest {

  @Test
  void aFreedSlotGoesToTheHighestPriorityThenToTheEarliest() throws Exception {
    FitSlots slots = new FitSlots(1);
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Thread holder = Thread.ofPlatform().start(() -> slots.run(5, () -> {
      holding.countDown();
      await(release);
    }));
    assertTrue(holding.await(10, TimeUnit.SECONDS));
    List<String> order = new CopyOnWriteArrayList<>();
    String[] names = {"forest", "svr", "xgboost", "svr again"};
    int[] priorities = {1, 0, 2, 0};
    Thread[] waiting = new Thread[names.length];
    for (int i = 0; i < names.length; i++) {
      String name = names[i];
      int priority = priorities[i];
      waiting[i] = Thread.ofPlatform().start(() -> slots.run(priority, () -> order.add(name)));
      int expected = i + 1;
      while (slots.waiting() < expected) { // queue them in this order
        Thread.onSpinWait();
      }
    }
    release.countDown();
    holder.join();
    for (Thread t : waiting) {
      t.join();
    }
    assertEquals(List.of("svr", "svr again", "forest", "xgboost"), order);
  }

  @Test
  void neverMoreFitsAtOnceThanSlots() throws Exception {
    FitSlots slots = new FitSlots(2);
    AtomicInteger running = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    Thread[] fits = new Thread[8];
    for (int i = 0; i < fits.length; i++) {
      int priority = i % 3;
      fits[i] = Thread.ofPlatform().start(() -> slots.run(priority, () -> {
        most.accumulateAndGet(running.incrementAndGet(), Math::max);
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        running.decrementAndGet();
      }));
    }
    for (Thread t : fits) {
      t.join();
    }
    assertEquals(2, most.get());
  }

  @Test
  void fitsRunOnTheSlotsOwnThreadsWhicheverThreadAsks() throws Exception {
    FitSlots slots = new FitSlots(2);
    java.util.Set<Thread> ran = java.util.concurrent.ConcurrentHashMap.newKeySet();
    java.util.Set<Thread> asked = java.util.concurrent.ConcurrentHashMap.newKeySet();
    Thread[] askers = new Thread[12]; // as a run's search drivers and fold workers would
    for (int i = 0; i < askers.length; i++) {
      askers[i] = Thread.ofPlatform().start(() -> {
        asked.add(Thread.currentThread());
        for (int fit = 0; fit < 5; fit++) {
          slots.run(fit, () -> ran.add(Thread.currentThread()));
        }
      });
    }
    for (Thread t : askers) {
      t.join();
    }
    assertTrue(ran.size() <= 2, ran.size() + " threads ran fits");
    ran.retainAll(asked);
    assertTrue(ran.isEmpty(), "no fit runs on the thread that asked");
  }

  @Test
  void whatAFitThrowsReachesTheThreadThatAskedAndTheSlotIsFreed() {
    FitSlots slots = new FitSlots(1);
    IllegalArgumentException thrown = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> slots.run(0, () -> {
          throw new IllegalArgumentException("bad parameters");
        }));
    assertEquals("bad parameters", thrown.getMessage());
    AtomicInteger after = new AtomicInteger();
    slots.run(0, after::incrementAndGet);
    assertEquals(1, after.get());
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
