package dev.evreg.cli;

import dev.evreg.cli.ReportFile.Reported;
import dev.evreg.cli.ReportFile.Unreadable;
import dev.evreg.compat.CoreRule;
import dev.evreg.compat.Finding;
import dev.evreg.compat.Location;
import dev.evreg.compat.RuleCatalog;
import dev.evreg.compat.Severity;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The report formats CI systems read: SARIF 2.1.0, JUnit XML, GitHub workflow commands, GitLab
 * Code Quality. A finding found against several previous versions (a transitive level) is
 * reported once, with every version; a file that could not be read is reported as
 * {@link CoreRule#SCHEMA_UNREADABLE}.
 */
final class CiFormats {

  /** The SARIF 2.1.0 schema's identifier, as the specification names it (an identifier; nothing fetches it). */
  static final String SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

  private static final String UNREADABLE = CoreRule.SCHEMA_UNREADABLE.id();

  private CiFormats() {}

  static String render(OutputFormat format, String command, List<ReportFile> files, Severity failOn) {
    return render(format, command, files, failOn, List.of());
  }

  /**
   * As above, with the run's warnings that belong to no file (history warnings, stale waivers):
   * SARIF notifications and GitHub warning annotations; JUnit and GitLab have no place for them.
   */
  static String render(OutputFormat format, String command, List<ReportFile> files, Severity failOn,
      List<String> warnings) {
    return switch (format) {
      case SARIF -> Json.render(sarif(files, warnings));
      case JUNIT -> junit(command, files, failOn);
      case GITHUB -> github(files, warnings);
      case GITLAB -> Json.render(gitlab(files));
      default -> throw new IllegalArgumentException("not a CI format: " + format);
    };
  }

  // --- one item per distinct finding ----------------------------------------------------------

  /**
   * What a report lists once: a finding, the findings it stands for (equal in file, line, column,
   * rule and message, found against different versions), its fingerprint, and whether it is an
   * unreadable file.
   */
  private record Item(Finding finding, List<Reported> sources, String fingerprint, Unreadable unreadable) {}

  private record Key(String path, int line, int column, String rule, String message) {}

  /** The items of each file, in order; fingerprints are unique in the report and the same on every run. */
  private static List<List<Item>> items(List<ReportFile> files) {
    Set<String> seen = new HashSet<>();
    List<List<Item>> out = new ArrayList<>();
    for (ReportFile file : files) {
      List<Item> items = new ArrayList<>();
      if (file.error() != null) {
        Unreadable u = file.error();
        Finding f = new Finding(UNREADABLE, Severity.ERROR, u.reason(), u.location(), null);
        items.add(new Item(f, List.of(), unique(f, "", seen), u));
      }
      Map<Key, List<Reported>> groups = new LinkedHashMap<>();
      for (Reported r : file.findings()) {
        Finding f = r.finding();
        Location l = f.location();
        groups.computeIfAbsent(new Key(l.path(), l.line(), l.column(), f.ruleId(), f.message()), k -> new ArrayList<>()).add(r);
      }
      for (List<Reported> g : groups.values()) {
        String against = g.stream().map(CiFormats::previous).collect(Collectors.joining("; "));
        items.add(new Item(g.get(0).finding(), g, unique(g.get(0).finding(), against, seen), null));
      }
      out.add(items);
    }
    return out;
  }

  /**
   * {@link #fingerprint}, unless the report has it already (the same rule, element and message at
   * another place); then it also hashes the previous versions, then a counter.
   */
  private static String unique(Finding f, String against, Set<String> seen) {
    String fp = fingerprint(f);
    if (seen.add(fp)) {
      return fp;
    }
    String base = fp;
    fp = sha(base + '\0' + against);
    for (int n = 2; !seen.add(fp); n++) {
      fp = sha(base + '\0' + against + '\0' + n);
    }
    return fp;
  }

  /** {@code version 2 at 1a2b3c4: schemas/x.avsc:13:36}, or empty when the finding compares no versions. */
  private static String previous(Reported r) {
    Location p = r.finding().previous();
    if (p == null) {
      return "";
    }
    return (r.against() == null ? "" : r.against().describe() + ": ") + p.display();
  }

  /**
   * A fingerprint that survives edits elsewhere in the file: rule, path, JSON pointer and
   * message, but not line numbers.
   */
  static String fingerprint(Finding f) {
    return sha(f.ruleId() + '\0' + f.location().path() + '\0' + f.location().pointer() + '\0' + f.message());
  }

  private static String sha(String key) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(key.getBytes(StandardCharsets.UTF_8))).substring(0, 32);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  // --- SARIF --------------------------------------------------------------------------------

  static Map<String, Object> sarif(List<ReportFile> files, List<String> warnings) {
    List<Item> items = items(files).stream().flatMap(List::stream).toList();
    List<String> ruleIds = new ArrayList<>();
    items.forEach(i -> {
      if (!ruleIds.contains(i.finding().ruleId())) {
        ruleIds.add(i.finding().ruleId());
      }
    });
    List<Object> rules = new ArrayList<>();
    for (String id : ruleIds) {
      Map<String, Object> r = Json.object();
      r.put("id", id);
      RuleCatalog.find(id).ifPresent(info -> {
        r.put("shortDescription", Map.of("text", info.summary()));
        r.put("defaultConfiguration", Map.of("level", level(info.defaultSeverity())));
        r.put("properties", Map.of("category", info.category()));
      });
      rules.add(r);
    }
    List<Object> results = new ArrayList<>();
    List<Object> notifications = new ArrayList<>();
    for (Item item : items) {
      Finding f = item.finding();
      Map<String, Object> r = Json.object();
      r.put("ruleId", f.ruleId());
      r.put("ruleIndex", ruleIds.indexOf(f.ruleId()));
      r.put("level", level(f.severity()));
      r.put("message", Map.of("text", f.message()));
      r.put("locations", List.of(Map.of("physicalLocation", physical(f.location()))));
      List<Object> related = related(item.sources());
      if (!related.isEmpty()) {
        r.put("relatedLocations", related);
      }
      r.put("partialFingerprints", Map.of("evreg/v1", item.fingerprint()));
      results.add(r);
      if (item.unreadable() != null) {
        Map<String, Object> n = Json.object();
        n.put("level", "error");
        n.put("message", Map.of("text", item.unreadable().text()));
        n.put("locations", List.of(Map.of("physicalLocation", physical(f.location()))));
        n.put("associatedRule", Map.of("id", UNREADABLE));
        notifications.add(n);
      }
    }
    Map<String, Object> driver = Json.object();
    driver.put("name", "evreg");
    driver.put("semanticVersion", EvregCommand.Version.text().replace("evreg ", ""));
    driver.put("rules", rules);
    Map<String, Object> invocation = Json.object();
    invocation.put("executionSuccessful", notifications.isEmpty());
    for (String w : warnings) {
      Map<String, Object> n = Json.object();
      n.put("level", "warning");
      n.put("message", Map.of("text", SchemaMessages.oneLine(w)));
      notifications.add(n);
    }
    if (!notifications.isEmpty()) {
      invocation.put("toolExecutionNotifications", notifications);
    }
    Map<String, Object> run = Json.object();
    run.put("tool", Map.of("driver", driver));
    run.put("invocations", List.of(invocation));
    run.put("results", results);
    Map<String, Object> log = Json.object();
    log.put("$schema", SARIF_SCHEMA);
    log.put("version", "2.1.0");
    log.put("runs", List.of(run));
    return log;
  }

  /** The element in each previous version, once per place and version; the version and its commit in the property bag. */
  private static List<Object> related(List<Reported> sources) {
    List<Object> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Reported s : sources) {
      Location p = s.finding().previous();
      if (p == null || !seen.add(previous(s))) {
        continue;
      }
      Map<String, Object> loc = Json.object();
      loc.put("id", out.size() + 1);
      loc.put("physicalLocation", physical(p));
      loc.put("message", Map.of("text", "The element in " + (s.against() == null ? "the previous version" : s.against().describe()) + "."));
      if (s.against() != null) {
        Map<String, Object> props = Json.object();
        if (s.against().version() > 0) {
          props.put("version", s.against().version());
        }
        if (s.against().commit() != null) {
          props.put("commit", s.against().commit());
        }
        loc.put("properties", props);
      }
      out.add(loc);
    }
    return out;
  }

  private static Map<String, Object> physical(Location l) {
    Map<String, Object> p = Json.object();
    p.put("artifactLocation", Map.of("uri", uri(l.path())));
    if (l.line() > 0) {
      Map<String, Object> region = Json.object();
      region.put("startLine", l.line());
      if (l.column() > 0) {
        region.put("startColumn", l.column());
      }
      p.put("region", region);
    }
    return p;
  }

  /**
   * A path as a URI reference: forward slashes, percent-encoded; a relative reference for a
   * relative or absolute POSIX path, a file URI for a Windows drive path.
   */
  static String uri(String path) {
    String p = path.replace('\\', '/');
    boolean drive = p.matches("[A-Za-z]:/.*");
    if (drive) {
      p = "/" + p;
    } else if (!p.startsWith("/") && p.indexOf(':') >= 0 && (p.indexOf('/') < 0 || p.indexOf(':') < p.indexOf('/'))) {
      p = "./" + p; // a colon in the first segment would read as a scheme
    }
    try {
      String encoded = new URI(null, null, p, null).toASCIIString();
      return drive ? "file://" + encoded : encoded;
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("path == " + path, e);
    }
  }

  private static String level(Severity s) {
    return switch (s) {
      case ERROR -> "error";
      case WARNING -> "warning";
      case INFO -> "note";
    };
  }

  // --- JUnit XML ----------------------------------------------------------------------------

  /**
   * One test case per file: an {@code <error>} when it could not be read, else one
   * {@code <failure>} listing every finding at or above the fail level; findings below it go to
   * {@code <system-out>}. tests = files, failures = files with failures, errors = unreadable files.
   */
  static String junit(String command, List<ReportFile> files, Severity failOn) {
    int failures = 0;
    int errors = 0;
    StringBuilder cases = new StringBuilder();
    List<List<Item>> items = items(files);
    for (int i = 0; i < files.size(); i++) {
      ReportFile file = files.get(i);
      List<Item> found = items.get(i).stream().filter(x -> x.unreadable() == null).toList();
      List<Item> failing = found.stream().filter(x -> x.finding().severity().atLeast(failOn)).toList();
      cases.append("    <testcase classname=\"evreg.").append(xml(command)).append("\" name=\"").append(xml(file.path())).append("\">\n");
      StringBuilder below = new StringBuilder();
      if (file.error() != null) {
        errors++;
        cases.append("      <error message=\"").append(xml(file.error().text())).append("\" type=\"").append(UNREADABLE).append("\">")
            .append(xml(file.error().text())).append("</error>\n");
        failing.forEach(x -> below.append(line(x)).append('\n'));
      } else if (!failing.isEmpty()) {
        failures++;
        Finding first = failing.get(0).finding();
        String summary = first.ruleId() + ": " + first.message();
        String message = failing.size() == 1 ? summary : failing.size() + " findings; the first: " + summary;
        cases.append("      <failure message=\"").append(xml(message)).append("\" type=\"").append(xml(first.ruleId())).append("\">")
            .append(xml(failing.stream().map(CiFormats::line).collect(Collectors.joining("\n")))).append("</failure>\n");
      }
      found.stream().filter(x -> !x.finding().severity().atLeast(failOn)).forEach(x -> below.append(line(x)).append('\n'));
      if (below.length() > 0) {
        cases.append("      <system-out>").append(xml(below.toString())).append("</system-out>\n");
      }
      cases.append("    </testcase>\n");
    }
    String counts = " tests=\"" + files.size() + "\" failures=\"" + failures + "\" errors=\"" + errors + "\"";
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<testsuites name=\"evreg " + xml(command) + "\"" + counts + ">\n"
        + "  <testsuite name=\"evreg " + xml(command) + "\"" + counts + ">\n"
        + cases
        + "  </testsuite>\n</testsuites>\n";
  }

  /** {@code path:line:col: severity RULE message [previous: version 2 at 1a2b3c4: path:line:col; ...]}. */
  private static String line(Item item) {
    String previous = item.sources().stream().map(CiFormats::previous).filter(s -> !s.isEmpty()).distinct()
        .collect(Collectors.joining("; "));
    return item.finding().display() + (previous.isEmpty() ? "" : " [previous: " + previous + "]");
  }

  static String xml(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&apos;");
        default -> {
          if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') {
            sb.append(' ');
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.toString();
  }

  // --- GitHub workflow commands -------------------------------------------------------------

  static String github(List<ReportFile> files, List<String> warnings) {
    StringBuilder sb = new StringBuilder();
    for (Item item : items(files).stream().flatMap(List::stream).toList()) {
      Finding f = item.finding();
      String kind = switch (f.severity()) {
        case ERROR -> "error";
        case WARNING -> "warning";
        case INFO -> "notice";
      };
      sb.append("::").append(kind).append(" file=").append(property(f.location().path()));
      if (f.location().line() > 0) {
        sb.append(",line=").append(f.location().line()).append(",col=").append(Math.max(1, f.location().column()));
      }
      sb.append(",title=").append(property(f.ruleId())).append("::").append(data(f.message())).append('\n');
    }
    warnings.forEach(w -> sb.append("::warning title=evreg::").append(data(SchemaMessages.oneLine(w))).append('\n'));
    return sb.toString();
  }

  private static String data(String s) {
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  private static String property(String s) {
    return data(s).replace(":", "%3A").replace(",", "%2C");
  }

  // --- GitLab Code Quality --------------------------------------------------------------------

  static List<Object> gitlab(List<ReportFile> files) {
    List<Object> out = new ArrayList<>();
    for (Item item : items(files).stream().flatMap(List::stream).toList()) {
      Finding f = item.finding();
      Map<String, Object> issue = new LinkedHashMap<>();
      issue.put("description", f.message());
      issue.put("check_name", f.ruleId());
      issue.put("fingerprint", item.fingerprint());
      issue.put("severity", item.unreadable() != null ? "blocker" : switch (f.severity()) {
        case ERROR -> "major";
        case WARNING -> "minor";
        case INFO -> "info";
      });
      issue.put("location", Map.of("path", f.location().path(), "lines", Map.of("begin", Math.max(1, f.location().line()))));
      out.add(issue);
    }
    return out;
  }
}
