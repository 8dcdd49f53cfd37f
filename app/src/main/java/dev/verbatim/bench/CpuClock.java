package dev.verbatim.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;

/**
 * CPU time used by this JVM, all threads together. On a shared machine wall time depends on what
 * else runs; CPU time mostly does not, so both are reported. Stateless.
 */
final class CpuClock {
  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private static final CompilationMXBean JIT = ManagementFactory.getCompilationMXBean();

  private CpuClock() {}

  /**
   * Milliseconds this JVM's compilers have run so far (part of {@link #nanos()}), or -1 where the
   * JVM does not say.
   */
  static long jitMillis() {
    return JIT != null && JIT.isCompilationTimeMonitoringSupported()
        ? JIT.getTotalCompilationTime()
        : -1;
  }

  /** Nanoseconds of CPU this process has used so far. */
  static long nanos() {
    return OS.getProcessCpuTime();
  }
}
