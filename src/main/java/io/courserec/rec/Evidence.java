package io.courserec.rec;

/**
 * One reason behind a recommendation.
 *
 * @param signal the source: {@code content}, {@code itemcf}, {@code usercf}, {@code mf}, {@code prior}, {@code pop}
 * @param text human sentence, e.g. "matches your goal SQL (skills)" or "similar to Intro to Python, which you completed"
 * @param contribution this reason's part of the score (same units as the score; may be 0 when not decomposable)
 */
public record Evidence(String signal, String text, double contribution) {}
