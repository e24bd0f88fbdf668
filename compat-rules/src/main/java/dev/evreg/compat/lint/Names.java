package dev.evreg.compat.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Case styles and the past-tense heuristic for event names. */
public final class Names {

  private Names() {}

  /** The naming styles a field or name can be required to follow. */
  public enum Case {
    CAMEL("camelCase", "^[a-z][a-zA-Z0-9]*$"),
    PASCAL("PascalCase", "^[A-Z][a-zA-Z0-9]*$"),
    LOWER_SNAKE("lower_snake_case", "^[a-z][a-z0-9]*(_[a-z0-9]+)*$"),
    UPPER_SNAKE("UPPER_SNAKE_CASE", "^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$");

    private final String label;
    private final Pattern pattern;

    Case(String label, String regex) {
      this.label = label;
      this.pattern = Pattern.compile(regex);
    }

    public String label() {
      return label;
    }

    public boolean matches(String name) {
      return pattern.matcher(name).matches();
    }

    /** {@code name} rewritten in this case. */
    public String convert(String name) {
      List<String> w = words(name);
      if (w.isEmpty()) {
        return name;
      }
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < w.size(); i++) {
        String word = w.get(i).toLowerCase(Locale.ROOT);
        switch (this) {
          case CAMEL -> sb.append(i == 0 ? word : capitalize(word));
          case PASCAL -> sb.append(capitalize(word));
          case LOWER_SNAKE -> sb.append(i == 0 ? "" : "_").append(word);
          case UPPER_SNAKE -> sb.append(i == 0 ? "" : "_").append(word.toUpperCase(Locale.ROOT));
        }
      }
      return sb.toString();
    }

    public static Case parse(String text) {
      String t = text.toLowerCase(Locale.ROOT).replace("-", "_");
      for (Case c : values()) {
        if (c.label.toLowerCase(Locale.ROOT).equals(t) || c.name().toLowerCase(Locale.ROOT).equals(t)) {
          return c;
        }
      }
      throw new IllegalArgumentException("unknown case style \"" + text + "\"; expected camelCase, PascalCase, lower_snake_case or UPPER_SNAKE_CASE");
    }
  }

  /** The words of a name in any style: {@code orderPlacedAt}, {@code order_placed_at}, {@code ORDER_PLACED} all give order, placed(, at). */
  public static List<String> words(String name) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean boundary = i > 0 && Character.isUpperCase(c)
          && (Character.isLowerCase(name.charAt(i - 1))
              || i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1)) && Character.isUpperCase(name.charAt(i - 1)));
      if (!Character.isLetterOrDigit(c) || boundary) {
        if (cur.length() > 0) {
          out.add(cur.toString());
          cur.setLength(0);
        }
        if (!Character.isLetterOrDigit(c)) {
          continue;
        }
      }
      cur.append(c);
    }
    if (cur.length() > 0) {
      out.add(cur.toString());
    }
    return out;
  }

  public static String capitalize(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  // --- past tense ---------------------------------------------------------------------------

  /** Irregular verbs: base form to past participle. */
  static final Map<String, String> IRREGULAR = Map.ofEntries(
      Map.entry("pay", "paid"), Map.entry("send", "sent"), Map.entry("make", "made"), Map.entry("build", "built"),
      Map.entry("sell", "sold"), Map.entry("buy", "bought"), Map.entry("begin", "begun"), Map.entry("hold", "held"),
      Map.entry("win", "won"), Map.entry("write", "written"), Map.entry("give", "given"), Map.entry("take", "taken"),
      Map.entry("choose", "chosen"), Map.entry("freeze", "frozen"), Map.entry("lose", "lost"), Map.entry("find", "found"),
      Map.entry("get", "got"), Map.entry("spend", "spent"), Map.entry("lend", "lent"), Map.entry("leave", "left"),
      Map.entry("keep", "kept"), Map.entry("meet", "met"), Map.entry("bring", "brought"), Map.entry("catch", "caught"),
      Map.entry("teach", "taught"), Map.entry("seek", "sought"), Map.entry("go", "gone"), Map.entry("do", "done"),
      Map.entry("see", "seen"), Map.entry("know", "known"), Map.entry("show", "shown"), Map.entry("grow", "grown"),
      Map.entry("throw", "thrown"), Map.entry("draw", "drawn"), Map.entry("break", "broken"), Map.entry("speak", "spoken"),
      Map.entry("steal", "stolen"), Map.entry("forget", "forgotten"), Map.entry("hide", "hidden"), Map.entry("ride", "ridden"),
      Map.entry("rise", "risen"), Map.entry("drive", "driven"), Map.entry("eat", "eaten"), Map.entry("fall", "fallen"),
      Map.entry("forgive", "forgiven"), Map.entry("tear", "torn"), Map.entry("wear", "worn"), Map.entry("set", "set"),
      Map.entry("reset", "reset"), Map.entry("put", "put"), Map.entry("cut", "cut"), Map.entry("read", "read"),
      Map.entry("run", "run"), Map.entry("shut", "shut"), Map.entry("split", "split"), Map.entry("spread", "spread"),
      Map.entry("upset", "upset"), Map.entry("quit", "quit"), Map.entry("let", "let"), Map.entry("cast", "cast"),
      Map.entry("broadcast", "broadcast"), Map.entry("undo", "undone"), Map.entry("redo", "redone"),
      Map.entry("withdraw", "withdrawn"), Map.entry("overdraw", "overdrawn"), Map.entry("rebuild", "rebuilt"),
      Map.entry("resend", "resent"), Map.entry("rewrite", "rewritten"), Map.entry("mistake", "mistaken"),
      Map.entry("feel", "felt"), Map.entry("deal", "dealt"), Map.entry("mean", "meant"), Map.entry("lead", "led"),
      Map.entry("feed", "fed"), Map.entry("bind", "bound"), Map.entry("wind", "wound"), Map.entry("stand", "stood"),
      Map.entry("understand", "understood"), Map.entry("hang", "hung"), Map.entry("strike", "struck"),
      Map.entry("sleep", "slept"), Map.entry("sweep", "swept"), Map.entry("shoot", "shot"), Map.entry("light", "lit"));

  /**
   * Words after the verb that do not carry the tense: particles (UserSignedUp, AccountLoggedIn)
   * and the suffixes many teams put on event types (OrderPlacedEvent, MessagePublishedData).
   */
  private static final Set<String> PARTICLES = Set.of("up", "down", "in", "out", "off", "on", "over", "back", "away", "through",
      "event", "data", "payload", "record", "envelope", "notification");

  /** Words ending in "ed" that are not past participles. */
  private static final Set<String> NOT_PAST = Set.of("bed", "red", "seed", "speed", "need", "feed", "shed", "weed", "breed", "embed", "hundred", "sled");

  /** Common verbs that name commands when they open or close an event name: CreateOrder, OrderUpdate. */
  static final Set<String> COMMAND_VERBS = Set.of("create", "update", "delete", "remove", "add", "place", "cancel", "ship",
      "pay", "send", "register", "submit", "approve", "reject", "change", "complete", "start", "stop", "open", "close",
      "process", "refund", "return", "book", "confirm", "publish", "sign", "login", "logout", "upload", "import", "export",
      "request", "assign", "archive", "restore", "fail", "expire", "renew", "charge", "capture", "authorize", "deliver", "move");

  /** True when a PascalCase event name reads as past tense: OrderPlaced, PaymentFailed, UserSignedUp, StockSold. */
  public static boolean isPastTense(String eventName) {
    List<String> w = words(eventName);
    for (int i = w.size() - 1; i >= 0; i--) {
      String word = w.get(i).toLowerCase(Locale.ROOT);
      if ((PARTICLES.contains(word) || word.matches("v\\d+")) && i > 0) {
        continue;
      }
      return pastParticiple(word);
    }
    return false;
  }

  static boolean pastParticiple(String word) {
    if (IRREGULAR.containsValue(word) && !IRREGULAR.containsKey(word)) {
      return true;
    }
    if (IRREGULAR.containsKey(word) && IRREGULAR.get(word).equals(word)) {
      return true; // set, put, cut, read...: the name cannot tell, so it passes
    }
    return word.endsWith("ed") && word.length() > 3 && !NOT_PAST.contains(word);
  }

  /** A past-tense name to suggest: CreateOrder gives OrderCreated, OrderUpdate gives OrderUpdated; null when unsure. */
  public static String suggestPastTense(String eventName) {
    List<String> w = words(eventName);
    if (w.size() < 1) {
      return null;
    }
    String first = w.get(0).toLowerCase(Locale.ROOT);
    String last = w.get(w.size() - 1).toLowerCase(Locale.ROOT);
    if (w.size() > 1 && COMMAND_VERBS.contains(first)) {
      StringBuilder sb = new StringBuilder();
      w.subList(1, w.size()).forEach(x -> sb.append(capitalize(x.toLowerCase(Locale.ROOT))));
      return sb.append(capitalize(past(first))).toString();
    }
    if (COMMAND_VERBS.contains(last) || IRREGULAR.containsKey(last)) {
      StringBuilder sb = new StringBuilder();
      w.subList(0, w.size() - 1).forEach(x -> sb.append(capitalize(x.toLowerCase(Locale.ROOT))));
      return sb.append(capitalize(past(last))).toString();
    }
    return null;
  }

  /** The past participle of a base verb. */
  static String past(String verb) {
    if (IRREGULAR.containsKey(verb)) {
      return IRREGULAR.get(verb);
    }
    if (verb.endsWith("e")) {
      return verb + "d";
    }
    if (verb.length() > 1 && verb.endsWith("y") && "aeiou".indexOf(verb.charAt(verb.length() - 2)) < 0) {
      return verb.substring(0, verb.length() - 1) + "ied";
    }
    int n = verb.length();
    if (n >= 3 && n <= 4 && consonant(verb.charAt(n - 1)) && "wxy".indexOf(verb.charAt(n - 1)) < 0
        && !consonant(verb.charAt(n - 2)) && consonant(verb.charAt(n - 3))) {
      return verb + verb.charAt(n - 1) + "ed"; // ship, stop, plan
    }
    return verb + "ed";
  }

  private static boolean consonant(char c) {
    return "aeiou".indexOf(c) < 0;
  }
}
