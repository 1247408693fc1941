package io.courserec.gen;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The words the synthetic catalog is made of: subjects with their demand weight, group, organisation-family mix,
 * subject terms, application phrases and learning tracks (a topic with its core skills), plus invented organisations
 * by family. Read from the {@code vocabulary.txt} resource next to this class; its header documents the format.
 */
public record Vocabulary(List<Subject> subjects, Map<OrgFamily, List<String>> organizations) {

  /** One learning track: a topic used in titles and its core skills, from basic to advanced. */
  public record Track(String topic, List<String> skills) {
    public Track {
      Objects.requireNonNull(topic, "topic");
      skills = List.copyOf(skills);
      if (skills.isEmpty()) throw new IllegalArgumentException("track " + topic + " has no skills");
    }
  }

  /** One subject; {@code orgShares} is indexed by {@link OrgFamily#ordinal()} and sums to 1. */
  public record Subject(String name, String group, double weight, double[] orgShares, List<String> terms,
                        List<String> applications, List<Track> tracks) {
    public Subject {
      terms = List.copyOf(terms);
      applications = List.copyOf(applications);
      tracks = List.copyOf(tracks);
      orgShares = orgShares.clone();
    }
  }

  public Vocabulary {
    subjects = List.copyOf(subjects);
    organizations = Map.copyOf(organizations);
  }

  /** The vocabulary shipped with courserec. */
  public static Vocabulary standard() {
    try (InputStream in = Vocabulary.class.getResourceAsStream("vocabulary.txt")) {
      if (in == null) throw new IllegalStateException("vocabulary.txt missing from the classpath");
      return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses the vocabulary format (see the resource's header); errors name the line. */
  public static Vocabulary parse(List<String> lines) {
    Map<OrgFamily, List<String>> orgs = new EnumMap<>(OrgFamily.class);
    List<Subject> subjects = new ArrayList<>();
    SubjectBuilder current = null;
    boolean inOrgs = false;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) continue;
      try {
        if (line.equals("[organizations]")) {
          inOrgs = true;
          if (current != null) subjects.add(current.build());
          current = null;
        } else if (line.startsWith("[subject ") && line.endsWith("]")) {
          inOrgs = false;
          if (current != null) subjects.add(current.build());
          current = new SubjectBuilder(line.substring(9, line.length() - 1).strip());
        } else {
          int colon = line.indexOf(':');
          if (colon < 0) throw new IllegalArgumentException("expected 'key: value'");
          String key = line.substring(0, colon).strip();
          String value = line.substring(colon + 1).strip();
          if (inOrgs) orgs.put(OrgFamily.parse(key), list(value));
          else if (current == null) throw new IllegalArgumentException("entry outside a section");
          else current.accept(key, value);
        }
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("vocabulary line " + (i + 1) + ": " + e.getMessage(), e);
      }
    }
    if (current != null) subjects.add(current.build());
    if (subjects.isEmpty()) throw new IllegalArgumentException("vocabulary has no subjects");
    for (Subject s : subjects) {
      for (OrgFamily f : OrgFamily.values()) {
        if (s.orgShares()[f.ordinal()] > 0 && orgs.getOrDefault(f, List.of()).isEmpty()) {
          throw new IllegalArgumentException("subject " + s.name() + " uses family " + f + " without organisations");
        }
      }
    }
    return new Vocabulary(subjects, orgs);
  }

  private static List<String> list(String value) {
    return Arrays.stream(value.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  private static final class SubjectBuilder {
    final String name;
    String group = "";
    double weight = 1.0;
    final double[] orgShares = new double[OrgFamily.values().length];
    List<String> terms = List.of();
    List<String> applications = List.of();
    final List<Track> tracks = new ArrayList<>();

    SubjectBuilder(String name) { this.name = name; }

    void accept(String key, String value) {
      switch (key) {
        case "group" -> group = value;
        case "weight" -> weight = Double.parseDouble(value);
        case "terms" -> terms = list(value);
        case "applications" -> applications = list(value);
        case "orgs" -> {
          for (String part : list(value)) {
            String[] kv = part.split("\\s+");
            if (kv.length != 2) throw new IllegalArgumentException("orgs entry '" + part + "' is not 'family share'");
            orgShares[OrgFamily.parse(kv[0]).ordinal()] = Double.parseDouble(kv[1]);
          }
        }
        default -> {
          if (!key.startsWith("track ")) throw new IllegalArgumentException("unknown key '" + key + "'");
          tracks.add(new Track(key.substring(6).strip(), list(value)));
        }
      }
    }

    Subject build() {
      double sum = Arrays.stream(orgShares).sum();
      if (sum <= 0) throw new IllegalArgumentException("subject " + name + " has no orgs shares");
      if (tracks.isEmpty() || terms.isEmpty() || applications.isEmpty()) {
        throw new IllegalArgumentException("subject " + name + " needs terms, applications and tracks");
      }
      if (!(weight > 0)) throw new IllegalArgumentException("subject " + name + " weight must be positive");
      double[] shares = Arrays.stream(orgShares).map(x -> x / sum).toArray();
      return new Subject(name, group, weight, shares, terms, applications, tracks);
    }
  }
}
