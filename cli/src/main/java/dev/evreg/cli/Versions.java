package dev.evreg.cli;

import dev.evreg.compat.Level;
import dev.evreg.registry.GitRegistry;
import dev.evreg.registry.SchemaHistory;
import dev.evreg.registry.SchemaVersion;
import dev.evreg.registry.Subject;
import dev.evreg.compat.Suggestions;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/** Shared pieces of the history commands: finding a subject or version, rendering a version. */
final class Versions {

  private Versions() {}

  static Subject subject(SchemaHistory history, String name, String ref) {
    return history.subject(name).orElseThrow(() -> new UserError("no subject \"" + name + "\" on " + ref
        + Suggestions.nearest(name, history.subjects().stream().map(Subject::name).toList())
            .map(s -> "; did you mean \"" + s + "\"?").orElse("; 'evreg subjects' lists them")));
  }

  /** {@code 3}, or {@code latest} for the version at the tip. */
  static SchemaVersion version(Subject s, String text) {
    if (text == null || text.equalsIgnoreCase("latest")) {
      return s.latest();
    }
    try {
      int n = Integer.parseInt(text);
      return s.version(n).orElseThrow(() -> new UserError("subject \"" + s.name() + "\" has no version " + n
          + "; it has versions 1 to " + s.versions().size()));
    } catch (NumberFormatException e) {
      throw new UserError("\"" + text + "\" is not a version; give a number (1 is the oldest) or latest");
    }
  }

  /** The author date as {@code 2026-01-02} in the author's time zone. */
  static String date(SchemaVersion v) {
    return DateTimeFormatter.ISO_LOCAL_DATE.format(authored(v));
  }

  static String timestamp(SchemaVersion v) {
    return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(authored(v));
  }

  private static OffsetDateTime authored(SchemaVersion v) {
    return Instant.ofEpochSecond(v.commit().authorSeconds()).atOffset(ZoneOffset.ofTotalSeconds(v.commit().tzMinutes() * 60));
  }

  /** The level a subject is judged at: {@code override} when given, else its configured one. */
  static Level level(Opened o, Subject s, Level override) {
    return override != null ? override : o.registry().config().compatibility().levelFor(s.name());
  }

  static Map<String, Object> json(SchemaVersion v) {
    Map<String, Object> m = Json.object();
    m.put("version", v.version());
    m.put("id", v.id());
    m.put("format", v.format().displayName());
    m.put("fingerprint", v.fingerprint().toString());
    m.put("path", v.path());
    m.put("commit", v.commit().id().name());
    m.put("authorDate", timestamp(v));
    m.put("summary", v.commit().summary());
    return m;
  }

  /** Opens the registry and the history of {@code ref} (the base branch when null). */
  record Opened(GitRegistry registry, String ref, SchemaHistory history) implements AutoCloseable {
    static Opened of(RepoOptions repo, String ref, java.io.PrintStream err) {
      GitRegistry r = repo.open(err);
      try {
        var resolved = r.ref(ref, "--ref");
        SchemaHistory h = r.history(resolved);
        return new Opened(r, resolved.resolvedAs(), h);
      } catch (RuntimeException e) {
        r.close();
        throw e;
      }
    }

    @Override
    public void close() {
      registry.close();
    }
  }
}
