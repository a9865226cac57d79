package gfa.models.training;

import java.util.PriorityQueue;

/**
 * The cores one training run may keep busy, shared by every fit it runs at once. Several
 * learners' searches run beside each other, each with its own fold workers; a fit takes a slot
 * before it starts and gives it back when done, so however many searches are under way at most
 * {@code threads} fits run, and no core waits while any search has a fold to fit (one search alone
 * leaves a core idle whenever it waits for its slower fold, its early-stopping check or its fifth
 * fold).
 *
 * <p>A free slot goes to the waiting fit of highest priority (lowest number), first come first
 * served among equals. A search asks with its progress, the share of its trial budget used so far,
 * so the search furthest behind goes first: the searches advance together and end close together,
 * and the costly ones (SVR at large C, LightGBM with hundreds of leaves) get the cores they need
 * instead of being left to finish alone on a half-idle machine. (A fixed order, slow learners first,
 * was tried first: in the paper's protocol it left LightGBM, whose trials cost most there, to run
 * alone for most of an hour.) Which fit gets a slot first never changes a result: every fit is
 * single-threaded and seeded by its fold.
 */
public final class FitSlots {
  private final PriorityQueue<Ticket> waiting = new PriorityQueue<>(); // guarded by this
  private int free;
  private long issued;

  public FitSlots(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
    this.free = threads;
  }

  /** Runs {@code fit} once a slot is free and no fit of higher priority (lower number) waits. */
  public void run(double priority, Runnable fit) {
    acquire(priority);
    try {
      fit.run();
    } finally {
      release();
    }
  }

  /** As {@link #run(int, Runnable)} at priority 0. */
  public void run(Runnable fit) {
    run(0, fit);
  }

  /** How many fits wait for a slot (for tests). */
  synchronized int waiting() {
    return waiting.size();
  }

  private synchronized void acquire(double priority) {
    Ticket ticket = new Ticket(priority, issued++);
    waiting.add(ticket);
    boolean interrupted = false;
    while (free == 0 || waiting.peek() != ticket) {
      try {
        wait();
      } catch (InterruptedException e) {
        interrupted = true; // a fit is not abandoned half-way to its slot: its search stops after it
      }
    }
    waiting.poll();
    free--;
    notifyAll(); // the next ticket may take another free slot
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private synchronized void release() {
    free++;
    notifyAll();
  }

  private record Ticket(double priority, long order) implements Comparable<Ticket> {
    @Override
    public int compareTo(Ticket other) {
      return priority != other.priority ? Double.compare(priority, other.priority) : Long.compare(order, other.order);
    }
  }
}
