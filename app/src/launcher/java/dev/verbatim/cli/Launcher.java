package dev.verbatim.cli;

import java.lang.reflect.InvocationTargetException;

/**
 * The jar's entry point, compiled for Java 8 so that an older Java can load it: says which Java
 * Verbatim needs instead of failing with {@code UnsupportedClassVersionError}, and on Java 21 or
 * newer hands over to {@link Main}. Not for use from code.
 */
public final class Launcher {
  /** The oldest Java that runs Verbatim (Lucene 10 needs it). */
  static final int REQUIRED = 21;

  private Launcher() {}

  public static void main(String[] args) throws Throwable {
    int running = feature(System.getProperty("java.specification.version", "0"));
    if (running < REQUIRED) {
      System.err.println(
          "verbatim: needs Java "
              + REQUIRED
              + " or newer; this is Java "
              + System.getProperty("java.version")
              + " at "
              + System.getProperty("java.home")
              + ".");
      System.err.println(
          "verbatim: install a Java "
              + REQUIRED
              + "+ runtime (e.g. apt-get install openjdk-21-jre-headless) and run this jar with"
              + " its java, or use ./verbatim, which finds one.");
      System.exit(1);
    }
    try {
      Class.forName("dev.verbatim.cli.Main")
          .getMethod("main", String[].class)
          .invoke(null, (Object) args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /** 8 for "1.8", 17 for "17". */
  static int feature(String specification) {
    String s = specification.startsWith("1.") ? specification.substring(2) : specification;
    int dot = s.indexOf('.');
    try {
      return Integer.parseInt(dot < 0 ? s : s.substring(0, dot));
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
