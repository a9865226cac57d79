package gfa.models.training;

import gfa.core.concurrent.Failures;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

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
 *
 * <p>The fits run on the slots' own {@code threads} worker threads, not on the threads that ask
 * (which wait): native libraries keep memory per thread (glibc gives each thread that allocates
 * an arena of its own and keeps what the boosters free there), so a run whose searches and
 * cross-validations ask from a dozen threads holds far more memory than one whose fits all run on
 * two. Idle workers end after a few seconds and are started again when needed.
 */
public final class FitSlots {
  /** How long an idle worker waits for a fit before it ends. */
  private static final long KEEP_ALIVE_NANOS = 5_000_000_000L;

  private final PriorityQueue<Ticket> waiting = new PriorityQueue<>(); // guarded by this
  private final int threads;
  private int workers; // alive, guarded by this
  private int idle; // workers waiting for a fit, guarded by this
  private long issued;

  public FitSlots(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
    this.threads = threads;
  }

  /**
   * Runs {@code fit} on a slot's worker once one is free and no fit of higher priority (lower
   * number) waits, and returns when it is done, throwing what it threw. An interrupt while waiting
   * does not abandon the fit (its search stops after it); the thread's interrupt flag is kept.
   */
  public void run(double priority, Runnable fit) {
    Ticket ticket;
    synchronized (this) {
      ticket = new Ticket(priority, issued++, fit, new CompletableFuture<>());
      waiting.add(ticket);
      if (waiting.size() > idle && workers < threads) {
        workers++;
        Thread.ofPlatform().daemon().name("gfa-fit-" + workers).start(this::work);
      }
      notifyAll();
    }
    boolean interrupted = false;
    try {
      while (true) {
        try {
          ticket.done().get();
          return;
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (ExecutionException e) {
          throw Failures.unchecked(e);
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** As {@link #run(double, Runnable)} at priority 0. */
  public void run(Runnable fit) {
    run(0, fit);
  }

  /** How many fits wait for a slot (for tests). */
  synchronized int waiting() {
    return waiting.size();
  }

  private void work() {
    while (true) {
      Ticket ticket = next();
      if (ticket == null) {
        return;
      }
      try {
        ticket.fit().run();
        ticket.done().complete(null);
      } catch (Throwable e) {
        ticket.done().completeExceptionally(e);
      }
    }
  }

  /** The next fit to run, or null when none came within the keep-alive (the worker then ends). */
  private synchronized Ticket next() {
    long deadline = System.nanoTime() + KEEP_ALIVE_NANOS;
    while (waiting.isEmpty()) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        workers--;
        return null;
      }
      idle++;
      try {
        wait(left / 1_000_000 + 1);
      } catch (InterruptedException e) {
        // workers are the slots' own and never interrupted; keep serving
      } finally {
        idle--;
      }
    }
    return waiting.poll();
  }

  private record Ticket(double priority, long order, Runnable fit, CompletableFuture<Void> done)
      implements Comparable<Ticket> {
    @Override
    public int compareTo(Ticket other) {
      return priority != other.priority ? Double.compare(priority, other.priority) : Long.compare(order, other.order);
    }
  }
}
