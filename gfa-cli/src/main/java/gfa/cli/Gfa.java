package gfa.cli;

/** Entry point placeholder; replaced by the picocli command tree. */
public final class Gfa {
  public static void main(String[] args) {
    System.out.println("gfa");
  }
}
