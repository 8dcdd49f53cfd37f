package dev.verbatim.bench;

import java.lang.management.ManagementFactory;

/**
 * CPU time used by this JVM, all threads together. On a shared machine wall time depends on what
 * else runs; CPU time mostly does not, so both are reported. Stateless.
 */
final class CpuClock {
  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private CpuClock() {}

  /** Nanoseconds of CPU this process has used so far. */
  static long nanos() {
    return OS.getProcessCpuTime();
  }
}
