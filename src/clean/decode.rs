//! Page-level decoding of a text dump's line decisions: an article is
//! mostly one run of lines, so the classifier's independent keep/drop
//! calls are read as a page. A short run of dropped lines between kept
//! ones (a caption, a short heading, a list item) joins the article; a
//! small, weakly scored stretch of kept lines after the article's longest
//! stretch (a teaser, a bio, another story's lead) leaves it, as does
//! the end of that stretch from a share, comments or related-links cue on,
//! and its weakly scored last lines after the last one scored like its
//! body.

use super::features::{end_cue, LineStats};

/// Dropped lines that still join two kept ones into one stretch: a long
/// run of furniture between the body and a weak stretch under it (share
/// bar, newsletter box, then a bio or teasers) leaves the stretch to the
/// tail rules, which read it against the body. Cross-validated text zyte
/// F1 as shipped, seeds 4-10: 5 -> 30 gives mean 0.9295 -> 0.9302, better
/// on all seven (12: 0.9300; 100: 0.9302).
const STRETCH_GAP: usize = 30;

/// A stretch after the article's longest one goes when it holds less than
/// this share of that stretch's words...
const MINOR_SHARE: f32 = 0.3;

/// ...and none of its lines scores this far above the cut (in logits).
const SURE_MARGIN: f32 = 1.5;

/// The longest stretch loses its tail from a short end-of-article cue line
/// on (a share, author, comments, related or newsletter phrase: "Leave a
/// comment") when the cue comes after half of the stretch's words and the
/// tail holds less than this share of them. Cross-validated text zyte F1
/// as shipped, on splits not used to choose it (seeds 8 / 9 / 10): 0.9273
/// / 0.9288 / 0.9292 -> 0.9281 / 0.9294 / 0.9299 (0.2 and 0.3 lose recall:
/// seed 4, 0.9272 -> 0.9253, 0.9236).
const CUE_TAIL_SHARE: f32 = 0.1;

/// A longer tail, up to this share of the stretch's words, goes from such
/// a cue on too when every kept line after the cue scores...
const WEAK_CUE_TAIL_SHARE: f32 = 0.5;

/// ...this many logits below the stretch's median line or more (a
/// "Related" heading, then teasers the classifier is unsure of).
const WEAK_CUE_DROP: f32 = 1.0;

/// Runs of at most this many dropped lines between kept ones are kept.
const FILLED_GAP: usize = 3;

/// The longest stretch loses its kept lines after the last one scored
/// within this many logits of the stretch's median line (and at the cut
/// or above)...
const TAIL_DROP: f32 = 2.0;

/// ...when they hold less than this share of its words: the article's end
/// is where lines scored like its body stop, and what the classifier
/// still keeps after it (a "Related" heading and its headlines, a bio, a
/// pitch) scores well below the body. Prose lines of the densest prose run
/// next to the end come back in `rules::fill_prose_edges`.
const TAIL_SHARE: f32 = 0.3;

/// Decodes the classifier's `logits` (kept at `cut` and above) into the
/// page's keep/drop decisions.
pub fn decode(logits: &[f32], cut: f32, stats: &[LineStats]) -> Vec<bool> {
    let mut keep: Vec<bool> = logits.iter().map(|&l| l >= cut).collect();
    drop_minor_stretches_after(logits, cut, stats, &mut keep);
    drop_tail_after_end_cue(logits, stats, &mut keep);
    drop_weak_tail(logits, cut, stats, &mut keep);
    fill_short_gaps(&mut keep);
    keep
}

/// A run of kept lines, with at most `STRETCH_GAP` dropped lines between
/// two of them.
struct Stretch {
    first: usize,
    last: usize,
    /// Words of its kept lines.
    words: f32,
    /// The highest logit among its lines.
    top: f32,
}

/// The kept stretches of a page, in order.
fn stretches(logits: &[f32], stats: &[LineStats], keep: &[bool]) -> Vec<Stretch> {
    let mut out: Vec<Stretch> = Vec::new();
    for i in (0..keep.len()).filter(|&i| keep[i]) {
        let (words, l) = (stats[i].eff_words(), logits[i]);
        match out.last_mut() {
            Some(s) if i - s.last - 1 <= STRETCH_GAP => {
                s.last = i;
                s.words += words;
                s.top = s.top.max(l);
            }
            _ => out.push(Stretch {
                first: i,
                last: i,
                words,
                top: l,
            }),
        }
    }
    out
}

/// Drops the stretches after the one with the most words that are small
/// beside it and hold no line the classifier is sure of: what follows an
/// article's end is rarely more of it.
fn drop_minor_stretches_after(logits: &[f32], cut: f32, stats: &[LineStats], keep: &mut [bool]) {
    let all = stretches(logits, stats, keep);
    let Some(main) = longest(&all) else {
        return;
    };
    let minor = MINOR_SHARE * all[main].words;
    for s in &all[main + 1..] {
        if s.words < minor && s.top < cut + SURE_MARGIN {
            keep[s.first..=s.last].fill(false);
        }
    }
}

/// The first stretch with the most words.
fn longest(all: &[Stretch]) -> Option<usize> {
    (0..all.len()).reduce(|m, k| if all[k].words > all[m].words { k } else { m })
}

/// Drops the longest stretch's lines from the first end-of-article cue
/// past its middle that leaves less than `CUE_TAIL_SHARE` of its words
/// after it.
fn drop_tail_after_end_cue(logits: &[f32], stats: &[LineStats], keep: &mut [bool]) {
    let all = stretches(logits, stats, keep);
    let Some(s) = longest(&all).map(|m| &all[m]) else {
        return;
    };
    // Read only for a cue line with a tail of the longer kind.
    let weak_after = |i: usize| {
        let weak = median_kept(logits, keep, s) - WEAK_CUE_DROP;
        (i + 1..=s.last).all(|j| !keep[j] || logits[j] < weak)
    };
    let mut before = 0.0;
    for i in s.first..=s.last {
        let tail = s.words - before;
        if before >= 0.5 * s.words
            && tail < WEAK_CUE_TAIL_SHARE * s.words
            && end_cue(&stats[i])
            && (tail < CUE_TAIL_SHARE * s.words || weak_after(i))
        {
            keep[i..=s.last].fill(false);
            return;
        }
        if keep[i] {
            before += stats[i].eff_words();
        }
    }
}

/// The median logit of a stretch's kept lines (of an even
/// count, the lower one): the level of its body.
fn median_kept(logits: &[f32], keep: &[bool], s: &Stretch) -> f32 {
    let mut kept: Vec<f32> = (s.first..=s.last)
        .filter(|&i| keep[i])
        .map(|i| logits[i])
        .collect();
    let mid = (kept.len() - 1) / 2;
    *kept.select_nth_unstable_by(mid, f32::total_cmp).1
}

/// Drops the longest stretch's kept lines after its last line scored like
/// its body (see `TAIL_DROP` and `TAIL_SHARE`).
fn drop_weak_tail(logits: &[f32], cut: f32, stats: &[LineStats], keep: &mut [bool]) {
    let all = stretches(logits, stats, keep);
    let Some(s) = longest(&all).map(|m| &all[m]) else {
        return;
    };
    let body = (median_kept(logits, keep, s) - TAIL_DROP).max(cut);
    let Some(end) = (s.first..=s.last)
        .rev()
        .find(|&i| keep[i] && logits[i] >= body)
    else {
        return;
    };
    let tail: f32 = (end + 1..=s.last)
        .filter(|&i| keep[i])
        .map(|i| stats[i].eff_words())
        .sum();
    if tail < TAIL_SHARE * s.words {
        keep[end + 1..=s.last].fill(false);
    }
}

/// Keeps every run of at most `FILLED_GAP` dropped lines with kept lines
/// on both sides.
fn fill_short_gaps(keep: &mut [bool]) {
    let mut last_kept: Option<usize> = None;
    for i in 0..keep.len() {
        if !keep[i] {
            continue;
        }
        if let Some(j) = last_kept.filter(|&j| i - j - 1 <= FILLED_GAP) {
            keep[j + 1..i].fill(true);
        }
        last_kept = Some(i);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(words: &[u32]) -> Vec<LineStats> {
        words
            .iter()
            .map(|&n| LineStats::of(&vec!["word"; n as usize].join(" ")))
            .collect()
    }

    #[test]
    fn short_gaps_between_kept_lines_are_filled() {
        let mut keep = [
            false, true, false, false, false, true, false, false, false, false, true, false,
        ];
        fill_short_gaps(&mut keep);
        assert_eq!(
            keep,
            [false, true, true, true, true, true, false, false, false, false, true, false]
        );
    }

    #[test]
    fn a_small_unsure_stretch_after_the_article_goes() {
        // An article of three paragraphs, a far stretch of one weakly kept
        // line, then one the classifier is sure of.
        let far = vec![-1.0; STRETCH_GAP + 1];
        let logits = [&[2.0, 3.0, 2.5][..], &far, &[0.5], &far, &[2.5]].concat();
        let words: Vec<u32> = logits
            .iter()
            .zip([40, 50, 45].into_iter().chain(std::iter::repeat(0)))
            .map(|(&l, w)| if l < 0.0 { 2 } else { w.max(12) })
            .collect();
        let keep = decode(&logits, 0.0, &lines(&words));
        let kept: Vec<usize> = (0..keep.len()).filter(|&i| keep[i]).collect();
        let n = logits.len();
        assert_eq!(kept, [0, 1, 2, n - 1]);
        // Before the article, such a stretch stays.
        let mut rev = logits;
        rev.reverse();
        let mut rev_words = words;
        rev_words.reverse();
        let keep = decode(&rev, 0.0, &lines(&rev_words));
        assert!(keep[0] && keep[STRETCH_GAP + 2]);
    }

    #[test]
    fn weak_lines_after_the_article_body_go() {
        // Five paragraphs scored like a body, then a heading and two
        // headlines kept just above the cut.
        let logits = [3.0, 3.5, 2.5, 3.0, 3.2, 0.4, 0.3, 0.2];
        let words = [40, 50, 45, 40, 35, 3, 8, 9];
        let keep = decode(&logits, 0.0, &lines(&words));
        assert_eq!(keep, [true, true, true, true, true, false, false, false]);
        // An article scored low throughout keeps its last lines.
        let logits = [0.5, 0.9, 0.4, 0.6, 0.7, 0.4, 0.6, 0.3];
        assert!(decode(&logits, 0.0, &lines(&words)).iter().all(|&k| k));
        // So does one whose weak end is much of it.
        let words = [40, 50, 45, 40, 35, 60, 70, 30];
        let logits = [3.0, 3.5, 2.5, 3.0, 3.2, 0.4, 0.3, 0.2];
        assert!(decode(&logits, 0.0, &lines(&words)).iter().all(|&k| k));
    }

    /// Ten lines of an article's body, then the lines `after`.
    fn article_then(after: &[&str]) -> Vec<String> {
        (0..10)
            .map(|k| {
                format!("The council met on day {k} and voted on the new budget for the town.")
            })
            .chain(after.iter().map(|t| t.to_string()))
            .collect()
    }

    fn stats(text: &[String]) -> Vec<LineStats> {
        text.iter().map(|t| LineStats::of(t)).collect()
    }

    #[test]
    fn weakly_scored_teasers_under_a_late_cue_go() {
        let lines = stats(&article_then(&[
            "You may also like",
            "Ten ways the town could spend its surplus next year",
            "Why the mayor wants a second bridge over the river",
        ]));
        let mut logits = [3.0; 13];
        logits[11..].fill(1.5);
        let keep = decode(&logits, 0.0, &lines);
        assert_eq!(keep.iter().filter(|&&k| k).count(), 10);
        // Scored like the body, the lines after the cue stay.
        logits[11..].fill(2.5);
        assert!(decode(&logits, 0.0, &lines).iter().all(|&k| k));
    }

    #[test]
    fn the_longest_stretch_ends_at_a_late_comments_cue() {
        let mut text = article_then(&["Leave a comment", "Maria Lopez", "Great news for the town"]);
        let logits = [2.0; 13];
        let keep = decode(&logits, 0.0, &stats(&text));
        assert_eq!(keep.iter().filter(|&&k| k).count(), 10);
        // Early in the stretch, the same line is the article's.
        text.swap(2, 10);
        assert!(decode(&logits, 0.0, &stats(&text)).iter().all(|&k| k));
    }
}
