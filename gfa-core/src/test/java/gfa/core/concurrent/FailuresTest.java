package gfa.core.concurrent;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class FailuresTest {

  @Test
  void theTasksOwnExceptionComesOutUnwrapped() {
    IllegalArgumentException bad = new IllegalArgumentException("bad row");
    IOException io = new IOException("disk");
    assertSame(bad, Failures.checked(new ExecutionException(bad)));
    assertSame(io, Failures.checked(new ExecutionException(io)));
    assertSame(bad, Failures.unchecked(new ExecutionException(bad)));
    RuntimeException wrapped = Failures.unchecked(new ExecutionException(io));
    assertInstanceOf(IllegalStateException.class, wrapped);
    assertSame(io, wrapped.getCause());
  }

  @Test
  void anErrorIsRethrownAsItIs() {
    OutOfMemoryError oom = new OutOfMemoryError("Java heap space");
    assertSame(oom, assertThrows(OutOfMemoryError.class, () -> Failures.checked(new ExecutionException(oom))));
    assertSame(oom, assertThrows(OutOfMemoryError.class, () -> Failures.unchecked(new ExecutionException(oom))));
  }
}
