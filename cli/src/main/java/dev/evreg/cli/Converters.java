package dev.evreg.cli;

import dev.evreg.compat.JsonPolicy;
import dev.evreg.compat.Level;
import dev.evreg.compat.ProtoRules;
import dev.evreg.compat.SchemaFormat;
import dev.evreg.compat.Severity;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** picocli converters whose errors name the accepted values. */
final class Converters {

  private Converters() {}

  static final class LevelConverter implements ITypeConverter<Level> {
    @Override
    public Level convert(String value) {
      try {
        return Level.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException("unknown level '" + value + "'; expected one of "
            + Arrays.stream(Level.values()).map(Level::name).collect(Collectors.joining(", ")));
      }
    }
  }

  static final class FormatConverter implements ITypeConverter<SchemaFormat> {
    @Override
    public SchemaFormat convert(String value) {
      return SchemaFormat.fromName(value).orElseThrow(() ->
          new TypeConversionException("unknown schema type '" + value + "'; expected avro, json or protobuf"));
    }
  }

  static final class PolicyConverter implements ITypeConverter<JsonPolicy> {
    @Override
    public JsonPolicy convert(String value) {
      try {
        return JsonPolicy.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException("unknown policy '" + value + "'; expected strict or lenient");
      }
    }
  }

  static final class ProtoRulesConverter implements ITypeConverter<ProtoRules> {
    @Override
    public ProtoRules convert(String value) {
      try {
        return ProtoRules.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException("unknown Protobuf rule set '" + value + "'; expected registry, wire or wire-json");
      }
    }
  }

  static final class SeverityConverter implements ITypeConverter<Severity> {
    @Override
    public Severity convert(String value) {
      try {
        return Severity.valueOf(value.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException("unknown severity '" + value + "'; expected error, warning or info");
      }
    }
  }

  static final class OutputConverter implements ITypeConverter<OutputFormat> {
    @Override
    public OutputFormat convert(String value) {
      try {
        return OutputFormat.valueOf(value.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException("unknown output format '" + value + "'; expected text, json, sarif, junit, github or gitlab");
      }
    }
  }

  /** text or json: the formats of the commands that print information rather than report findings. */
  static final class InfoOutputConverter implements ITypeConverter<OutputFormat> {
    @Override
    public OutputFormat convert(String value) {
      OutputFormat f;
      try {
        f = OutputFormat.valueOf(value.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException("unknown output format '" + value + "'; this command prints text or json");
      }
      if (f != OutputFormat.TEXT && f != OutputFormat.JSON) {
        throw new TypeConversionException("this command prints text or json; " + f.label()
            + " is a report format of compat, lint and check");
      }
      return f;
    }
  }

  /** Seconds, or a number with ms, s, m or h: {@code 5}, {@code 500ms}, {@code 2m}, {@code 1h}. */
  static final class DurationConverter implements ITypeConverter<Duration> {
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)?");

    @Override
    public Duration convert(String value) {
      Matcher m = DURATION.matcher(value.trim().toLowerCase(Locale.ROOT));
      try {
        if (!m.matches()) {
          throw new NumberFormatException(value);
        }
        String n = m.group(1);
        String unit = m.group(2) == null ? "s" : m.group(2);
        return positive(switch (unit) {
          case "ms" -> Duration.ofMillis(Long.parseLong(n));
          case "m" -> Duration.ofMinutes(Long.parseLong(n));
          case "h" -> Duration.ofHours(Long.parseLong(n));
          default -> Duration.ofMillis(Math.round(Double.parseDouble(n) * 1000)); // seconds, also 1.5
        }, value);
      } catch (NumberFormatException e) {
        throw new TypeConversionException("'" + value + "' is not a duration; write it as 5, 5s, 500ms, 2m or 1h");
      }
    }

    private static Duration positive(Duration d, String value) {
      if (d.isNegative() || d.isZero()) {
        throw new TypeConversionException("the duration '" + value + "' must be greater than zero");
      }
      return d;
    }
  }

  /** Bytes, or a number with KB, MB or GB (powers of 1024). */
  static final class SizeConverter implements ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
      String v = value.trim().toUpperCase(Locale.ROOT);
      long unit = 1;
      if (v.endsWith("KB") || v.endsWith("K")) {
        unit = 1024;
      } else if (v.endsWith("MB") || v.endsWith("M")) {
        unit = 1024 * 1024;
      } else if (v.endsWith("GB") || v.endsWith("G")) {
        unit = 1024L * 1024 * 1024;
      }
      String digits = v.replaceAll("[KMGB]+$", "");
      try {
        long n = Long.parseLong(digits) * unit;
        if (n <= 0) {
          throw new NumberFormatException();
        }
        return n;
      } catch (NumberFormatException e) {
        throw new TypeConversionException("'" + value + "' is not a size; write it as 10MB, 512KB or a number of bytes");
      }
    }
  }
}
