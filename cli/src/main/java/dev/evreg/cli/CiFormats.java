package dev.evreg.cli;

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
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The report formats CI systems read: SARIF 2.1.0, JUnit XML, GitHub workflow commands, GitLab Code Quality. */
final class CiFormats {

  private CiFormats() {}

  static String render(OutputFormat format, String command, List<ReportFile> files, Severity failOn) {
    return switch (format) {
      case SARIF -> Json.render(sarif(files));
      case JUNIT -> junit(command, files, failOn);
      case GITHUB -> github(files);
      case GITLAB -> Json.render(gitlab(files));
      default -> throw new IllegalArgumentException("not a CI format: " + format);
    };
  }

  // --- SARIF --------------------------------------------------------------------------------

  static Map<String, Object> sarif(List<ReportFile> files) {
    List<String> ruleIds = new ArrayList<>();
    files.forEach(f -> f.findings().forEach(x -> {
      if (!ruleIds.contains(x.ruleId())) {
        ruleIds.add(x.ruleId());
      }
    }));
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
    for (ReportFile file : files) {
      for (Finding f : file.findings()) {
        Map<String, Object> r = Json.object();
        r.put("ruleId", f.ruleId());
        r.put("ruleIndex", ruleIds.indexOf(f.ruleId()));
        r.put("level", level(f.severity()));
        r.put("message", Map.of("text", f.message()));
        r.put("locations", List.of(Map.of("physicalLocation", physical(f.location()))));
        if (f.previous() != null) {
          Map<String, Object> related = Json.object();
          related.put("id", 1);
          related.put("physicalLocation", physical(f.previous()));
          related.put("message", Map.of("text", "the element in the previous version"));
          r.put("relatedLocations", List.of(related));
        }
        r.put("partialFingerprints", Map.of("evreg/v1", fingerprint(f)));
        results.add(r);
      }
    }
    Map<String, Object> driver = Json.object();
    driver.put("name", "evreg");
    driver.put("semanticVersion", EvregCommand.Version.text().replace("evreg ", ""));
    driver.put("rules", rules);
    Map<String, Object> run = Json.object();
    run.put("tool", Map.of("driver", driver));
    run.put("results", results);
    Map<String, Object> log = Json.object();
    log.put("version", "2.1.0");
    log.put("runs", List.of(run));
    return log;
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

  private static String uri(String path) {
    try {
      return new URI(null, null, path.replace('\\', '/'), null).toASCIIString();
    } catch (URISyntaxException e) {
      return path;
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

  static String junit(String command, List<ReportFile> files, Severity failOn) {
    int failures = 0;
    int errors = 0;
    StringBuilder cases = new StringBuilder();
    for (ReportFile file : files) {
      cases.append("    <testcase classname=\"evreg.").append(xml(command)).append("\" name=\"").append(xml(file.path())).append("\">\n");
      if (file.error() != null) {
        errors++;
        cases.append("      <error message=\"").append(xml(file.error())).append("\" type=\"bad-input\"/>\n");
      }
      StringBuilder below = new StringBuilder();
      for (Finding f : file.findings()) {
        if (f.severity().atLeast(failOn)) {
          failures++;
          cases.append("      <failure message=\"").append(xml(f.ruleId() + ": " + f.message())).append("\" type=\"").append(xml(f.ruleId()))
              .append("\">").append(xml(line(f))).append("</failure>\n");
        } else {
          below.append(line(f)).append('\n');
        }
      }
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

  private static String line(Finding f) {
    return f.display() + (f.previous() == null ? "" : " [previous: " + f.previous().display() + "]");
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

  static String github(List<ReportFile> files) {
    StringBuilder sb = new StringBuilder();
    for (ReportFile file : files) {
      if (file.error() != null) {
        sb.append("::error file=").append(property(file.path())).append(",title=bad input::").append(data(file.error())).append('\n');
      }
      for (Finding f : file.findings()) {
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
    }
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
    for (ReportFile file : files) {
      for (Finding f : file.findings()) {
        Map<String, Object> issue = new LinkedHashMap<>();
        issue.put("description", f.message());
        issue.put("check_name", f.ruleId());
        issue.put("fingerprint", fingerprint(f));
        issue.put("severity", switch (f.severity()) {
          case ERROR -> "major";
          case WARNING -> "minor";
          case INFO -> "info";
        });
        issue.put("location", Map.of("path", f.location().path(), "lines", Map.of("begin", Math.max(1, f.location().line()))));
        out.add(issue);
      }
    }
    return out;
  }

  /**
   * A fingerprint that survives edits elsewhere in the file: rule, path, JSON pointer and
   * message, but not line numbers.
   */
  static String fingerprint(Finding f) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      String key = f.ruleId() + '\0' + f.location().path() + '\0' + f.location().pointer() + '\0' + f.message();
      return HexFormat.of().formatHex(md.digest(key.getBytes(StandardCharsets.UTF_8))).substring(0, 32);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
