package io.courserec.rec;

/**
 * One reason behind a recommendation.
 *
 * @param signal what the reason comes from ({@link EvidenceSource}; shown by its code: {@code content},
 *     {@code itemcf}, {@code pop}, ...)
 * @param text human sentence, e.g. "matches your goal SQL (skills)" or "similar to Intro to Python, which you completed"
 * @param contribution this reason's part of the score (same units as the score; may be 0 when not decomposable)
 */
public record Evidence(EvidenceSource signal, String text, double contribution) {}
