package io.courserec.cbr;

import io.courserec.config.Config;
import io.courserec.config.ConfigKey;
import io.courserec.index.CourseFields;
import org.apache.lucene.index.Term;

/**
 * The four parts of a course case that the content model compares, each with its weight key. The skills part
 * joins two index fields: skill words from {@link CourseFields#SKILLS} (keys are the terms) and whole skills from
 * {@link CourseFields#SKILL_EXACT} (keys are {@value #EXACT_PREFIX} + the phrase; the prefix cannot occur in an
 * analysed term, so the two never collide).
 */
public enum ContentField {
  SKILLS("skills", ConfigKey.CBR_W_SKILLS, CourseFields.SKILLS),
  TITLE("title", ConfigKey.CBR_W_TITLE, CourseFields.TITLE),
  DESCRIPTION("description", ConfigKey.CBR_W_DESCRIPTION, CourseFields.DESCRIPTION),
  SUBJECT("subject", ConfigKey.CBR_W_SUBJECT, CourseFields.SUBJECT_TEXT);

  /** Marks a whole-skill key in the {@link #SKILLS} vector. */
  public static final String EXACT_PREFIX = "=";

  private final String label;
  private final ConfigKey weightKey;
  private final String indexField;

  ContentField(String label, ConfigKey weightKey, String indexField) {
    this.label = label;
    this.weightKey = weightKey;
    this.indexField = indexField;
  }

  /** Name shown to people ("matches your goal SQL (skills)"). */
  public String label() { return label; }

  /** The analysed index field holding this part's words. */
  public String indexField() { return indexField; }

  public double weight(Config c) { return c.number(weightKey); }

  /** The index term behind a vector key of this field. */
  public Term term(String key) {
    if (this == SKILLS && key.startsWith(EXACT_PREFIX)) {
      return new Term(CourseFields.SKILL_EXACT, key.substring(EXACT_PREFIX.length()));
    }
    return new Term(indexField, key);
  }
}
