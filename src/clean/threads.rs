//! The comment thread under a text dump's article: once the article's
//! prose has been kept, a comments heading ("12 Comments", "Leave a
//! Reply") followed by a comment header (a name line, then a date or
//! time-ago line) opens a thread, and nothing from there on is article.
//! The classifier reads these cues line by line and, on a site it has not
//! seen, still keeps long comments; the cut reads them as one shape.

use super::features::{dateish, marker, nameish, LineStats, COMMENTS};

/// Prose lines that must be kept above the heading: a thread under an
/// article, not a page that is itself a discussion.
const PROSE_ABOVE: usize = 3;

/// How far below the heading the first comment header may start.
const REACH: usize = 12;

/// Clears `keep` from the first comments heading that opens a thread.
pub fn cut_comment_thread(lines: &[&str], stats: &[LineStats], keep: &mut [bool]) {
    let mut prose_kept = 0;
    for i in 0..stats.len() {
        if prose_kept >= PROSE_ABOVE
            && marker(&stats[i], COMMENTS)
            && (i + 1..(i + REACH).min(stats.len())).any(|k| is_comment_header(lines, stats, k))
        {
            keep[i..].iter_mut().for_each(|k| *k = false);
            return;
        }
        prose_kept += (keep[i] && stats[i].proseish()) as usize;
    }
}

/// Line `i` names a commenter ("Jane Roe", "Jane says:") and one of the
/// next two lines stamps the comment.
fn is_comment_header(lines: &[&str], stats: &[LineStats], i: usize) -> bool {
    let stamp = |k: usize| k < stats.len() && is_stamp(lines[k], &stats[k]);
    is_commenter(lines[i], &stats[i]) && (stamp(i + 1) || stamp(i + 2))
}

fn is_commenter(line: &str, s: &LineStats) -> bool {
    nameish(s)
        || (s.words <= 5
            && [" says", " says:", " said:"]
                .iter()
                .any(|e| line.ends_with(e)))
}

/// A date or time line ("March 3, 2025 at 9:14 pm", "2 days ago"), or a
/// short age ("3d", "11h").
fn is_stamp(line: &str, s: &LineStats) -> bool {
    let b = line.as_bytes();
    dateish(s)
        || ((2..=4).contains(&b.len())
            && b[..b.len() - 1].iter().all(u8::is_ascii_digit)
            && matches!(b[b.len() - 1], b's' | b'm' | b'h' | b'd' | b'w' | b'y'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kept_after_cut(dump: &[&str]) -> Vec<bool> {
        let stats: Vec<LineStats> = dump.iter().map(|l| LineStats::of(l)).collect();
        let mut keep = vec![true; dump.len()];
        cut_comment_thread(dump, &stats, &mut keep);
        keep
    }

    const ARTICLE: [&str; 3] = [
        "Globex Harbor opened its third warehouse in the valley on Monday, the company said.",
        "The site will employ about two hundred people once the second hall is finished next year.",
        "Local officials said the road to the warehouse would be widened before the winter begins.",
    ];

    #[test]
    fn a_thread_under_the_article_is_cut_at_its_heading() {
        let mut dump = ARTICLE.to_vec();
        dump.extend([
            "14 Comments",
            "Mara Quill",
            "March 3, 2025 at 9:14 pm",
            "I drove past the old site last week and it looked as if nobody had been there in years.",
            "Tobin says:",
            "3d",
            "Good news for the valley, though the traffic on that road is already bad in the morning.",
        ]);
        let keep = kept_after_cut(&dump);
        assert_eq!(keep[..3], [true; 3]);
        assert!(keep[3..].iter().all(|&k| !k), "{keep:?}");
    }

    #[test]
    fn clean_text_drops_the_thread_it_used_to_keep() {
        let dump = [
            &ARTICLE[..],
            &[
                "14 Comments",
                "Mara Quill",
                "March 3, 2025 at 9:14 pm",
                "I drove past the old site last week and it looked as if nobody had been there in years, and the fence was down.",
                "Tobin says:",
                "3d",
                "Good news for the valley, though the traffic on that road is already bad in the morning when the trucks come.",
            ],
        ]
        .concat()
        .join("\n");
        assert_eq!(super::super::clean_text(&dump), ARTICLE.join("\n"));
    }

    #[test]
    fn a_comments_heading_without_headers_or_prose_above_cuts_nothing() {
        // No commenter and stamp under the heading.
        let mut dump = ARTICLE.to_vec();
        dump.extend([
            "Leave a comment",
            "The company plans to add a rail siding to the site in a later phase of the work.",
        ]);
        assert!(kept_after_cut(&dump).iter().all(|&k| k));
        // A thread with no article kept above it.
        let dump = ["14 Comments", "Mara Quill", "March 3, 2025 at 9:14 pm"];
        assert!(kept_after_cut(&dump).iter().all(|&k| k));
    }
}
