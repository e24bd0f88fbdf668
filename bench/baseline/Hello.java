/** The JVM floor: a trivial Java program. */
public final class Hello {
  public static void main(String[] args) {
    System.out.println("hello");
  }
}
