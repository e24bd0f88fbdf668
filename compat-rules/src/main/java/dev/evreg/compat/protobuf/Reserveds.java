package dev.evreg.compat.protobuf;

import com.squareup.wire.schema.internal.parser.ReservedElement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kotlin.ranges.IntRange;

/** The reserved numbers and names of one message or enum, each with the statement that reserves it. */
public final class Reserveds {

  /** The largest field number, what {@code max} stands for in a message's {@code reserved}. */
  public static final int FIELD_NUMBER_MAX = 536_870_911;

  record Range(int start, int end, ReservedElement element) {}

  private final List<Range> ranges;
  private final Map<String, ReservedElement> names;
  private final int max;
  private List<int[]> merged;

  private Reserveds(List<Range> ranges, Map<String, ReservedElement> names, int max) {
    this.ranges = ranges;
    this.names = names;
    this.max = max;
  }

  /** {@code max} is the largest number of the element's kind, shown as {@code max}. */
  public static Reserveds of(List<ReservedElement> elements, int max) {
    List<Range> ranges = new ArrayList<>();
    Map<String, ReservedElement> names = new LinkedHashMap<>();
    for (ReservedElement r : elements) {
      for (Object v : r.getValues()) {
        if (v instanceof Integer i) {
          ranges.add(new Range(i, i, r));
        } else if (v instanceof IntRange ir) {
          ranges.add(new Range(ir.getFirst(), ir.getLast(), r));
        } else if (v instanceof String s) {
          names.putIfAbsent(s, r);
        }
      }
    }
    return new Reserveds(List.copyOf(ranges), names, max);
  }

  List<Range> ranges() {
    return ranges;
  }

  Map<String, ReservedElement> names() {
    return names;
  }

  public boolean hasName(String name) {
    return names.containsKey(name);
  }

  ReservedElement nameElement(String name) {
    return names.get(name);
  }

  public boolean hasNumber(int n) {
    return numberElement(n) != null;
  }

  ReservedElement numberElement(int n) {
    for (Range r : ranges) {
      if (n >= r.start() && n <= r.end()) {
        return r.element();
      }
    }
    return null;
  }

  /** The parts of {@code start..end} these reservations do not cover, as {@code [from, to]} pairs. */
  List<int[]> missing(int start, int end) {
    List<int[]> out = new ArrayList<>();
    long next = start;
    for (int[] r : merged()) {
      if (r[1] < next) {
        continue;
      }
      if (r[0] > end) {
        break;
      }
      if (r[0] > next) {
        out.add(new int[] {(int) next, r[0] - 1});
      }
      next = (long) r[1] + 1;
      if (next > end) {
        return out;
      }
    }
    out.add(new int[] {(int) next, end});
    return out;
  }

  private List<int[]> merged() {
    if (merged == null) {
      List<int[]> sorted = new ArrayList<>();
      ranges.forEach(r -> sorted.add(new int[] {r.start(), r.end()}));
      sorted.sort(Comparator.comparingInt((int[] a) -> a[0]));
      List<int[]> m = new ArrayList<>();
      for (int[] r : sorted) {
        if (!m.isEmpty() && (long) r[0] <= (long) m.get(m.size() - 1)[1] + 1) {
          int[] last = m.get(m.size() - 1);
          last[1] = Math.max(last[1], r[1]);
        } else {
          m.add(r.clone());
        }
      }
      merged = m;
    }
    return merged;
  }

  /** {@code 9}, {@code 12 to 15} or {@code 100 to max}, as written in a reserved statement. */
  String rangeText(int start, int end) {
    if (start == end) {
      return String.valueOf(start);
    }
    return start + " to " + (end >= max ? "max" : String.valueOf(end));
  }
}
