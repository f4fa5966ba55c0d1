//! Feature vectors for the line classifier: what a block says about itself
//! (length, stop words, punctuation, title case, link marks, phrase
//! categories), about its neighbours, about its place relative to the
//! densest run of prose, and, for HTML, about its markup.

use super::phrases::{self, N_CATEGORIES};
use std::collections::HashMap;
use std::sync::LazyLock;

/// Markup facts about a block extracted from HTML.
#[derive(Debug, Default, Clone, Copy)]
pub struct HtmlHints {
    /// Share of the block's characters inside `<a>`.
    pub link_density: f32,
    pub tag: Tag,
    /// An ancestor's class or id names boilerplate ("related", "share", ...).
    pub boiler_attr: bool,
    /// Inside `<article>`, `<main>` or an element marked as the article body.
    pub in_main: bool,
    /// One bit per `ATTR_CATEGORIES` entry an ancestor's class or id names.
    pub attr_bits: u8,
    /// One bit per page chrome element (nav, header, footer, aside, form)
    /// the block is inside.
    pub chrome: u8,
    /// Inside the element whose own paragraphs hold the most prose (the
    /// article container, as readability picks it), or inside its parent.
    pub in_top: bool,
    pub in_top_parent: bool,
}

/// What class or id words of a block's ancestors say it is, one bit each
/// in `HtmlHints::attr_bits`.
pub const ATTR_CATEGORIES: &[&str] = &[
    "comment",
    "related",
    "social",
    "newsletter",
    "author",
    "caption",
    "ads",
];

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub enum Tag {
    Heading,
    Paragraph,
    ListItem,
    Cell,
    Quote,
    #[default]
    Other,
}

/// A line of a dump, or a block of a page with its markup hints.
#[derive(Debug, Clone, Copy)]
pub struct Block<'a> {
    pub text: &'a str,
    pub html: Option<HtmlHints>,
}

/// Common short words of the languages the pages come in; their share
/// separates prose from labels and lists.
const STOP_WORDS: &[&str] = &[
    // English
    "a", "about", "after", "all", "also", "an", "and", "are", "as", "at", "be", "been", "but", "by",
    "can", "could", "did", "do", "does", "for", "from", "had", "has", "have", "he", "her", "his",
    "how", "i", "if", "in", "into", "is", "it", "its", "just", "more", "most", "my", "no", "not",
    "of", "on", "one", "or", "our", "out", "she", "so", "some", "than", "that", "the", "their",
    "them", "then", "there", "these", "they", "this", "those", "to", "up", "us", "was", "we",
    "were", "what", "when", "which", "who", "will", "with", "would", "you", "your",
    // German
    "der", "die", "das", "und", "ist", "nicht", "mit", "den", "dem", "ein", "eine", "zu", "auf",
    "für", "sich", "auch", "von", "es", "im", // French
    "le", "la", "les", "et", "des", "du", "un", "une", "est", "pour", "que", "qui", "dans", "pas",
    "sur", "au", "avec", // Spanish, Portuguese, Italian
    "el", "los", "las", "y", "que", "en", "por", "con", "para", "una", "se", "lo", "del", "o", "e",
    "da", "do", "os", "em", "uma", "não", "il", "di", "che", "per", "sono", "non", "gli",
    // Dutch
    "het", "een", "van", "niet", "op", "ook", "zijn", // Russian
    "и", "в", "не", "на", "что", "с", "по", "как", "это", "он",
];

fn pack(word: &[u8]) -> Option<u64> {
    if word.len() > 8 {
        return None;
    }
    let mut k = [0u8; 8];
    k[..word.len()].copy_from_slice(word);
    Some(u64::from_le_bytes(k))
}

static STOP_KEYS: LazyLock<Vec<u64>> = LazyLock::new(|| {
    let mut keys: Vec<u64> = STOP_WORDS
        .iter()
        .filter_map(|w| pack(w.as_bytes()))
        .collect();
    keys.sort_unstable();
    keys.dedup();
    keys
});

/// Counts over one block's words and characters, made in one pass.
#[derive(Debug, Default, Clone, Copy)]
pub struct LineStats {
    pub words: u32,
    pub chars: u32,
    pub stop: u32,
    pub title: u32,
    pub upper: u32,
    pub digit_words: u32,
    pub sentence_marks: u32,
    pub link_marks: u32,
    pub urls: u32,
    pub cjk: u32,
    pub years: u32,
    pub ends_sentence: bool,
    pub ends_colon: bool,
    pub starts_lower: bool,
    pub starts_quote: bool,
    pub phrases: phrases::PhraseHits,
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30ff | 0x3400..=0x9fff | 0xac00..=0xd7af)
}

impl LineStats {
    pub fn of(text: &str) -> LineStats {
        let mut s = LineStats::default();
        let mut buf = [0u8; 8];
        let mut len = 0usize; // bytes in buf; > 8 means too long to be a stop word
        let mut in_word = false;
        let mut first_upper = false;
        let mut all_digits = true;
        let mut digits = 0u32;
        let mut prev = ' ';
        let end_word =
            |s: &mut LineStats, buf: &[u8; 8], len: usize, fu: bool, ad: bool, d: u32| {
                s.words += 1;
                if len <= 8 {
                    if let Some(k) = pack(&buf[..len]) {
                        if STOP_KEYS.binary_search(&k).is_ok() {
                            s.stop += 1;
                        }
                    }
                }
                if fu {
                    s.title += 1;
                }
                if ad {
                    s.digit_words += 1;
                    if d == 4 && (buf[..2] == *b"19" || buf[..2] == *b"20") {
                        s.years += 1;
                    }
                }
            };
        for c in text.chars() {
            s.chars += 1;
            if c.is_alphanumeric() {
                if is_cjk(c) {
                    s.cjk += 1;
                }
                if !in_word {
                    in_word = true;
                    len = 0;
                    first_upper = c.is_uppercase();
                    all_digits = true;
                    digits = 0;
                }
                if c.is_ascii_digit() {
                    digits += 1;
                } else {
                    all_digits = false;
                }
                if c.is_uppercase() {
                    s.upper += 1;
                }
                if c.is_ascii() {
                    if len < 8 {
                        buf[len] = (c as u8).to_ascii_lowercase();
                    }
                    len += 1;
                } else {
                    for l in c.to_lowercase() {
                        let n = l.len_utf8();
                        if len + n <= 8 {
                            l.encode_utf8(&mut buf[len..]);
                        }
                        len += n;
                    }
                }
            } else {
                if in_word {
                    end_word(&mut s, &buf, len, first_upper, all_digits, digits);
                    in_word = false;
                }
                match c {
                    '.' | '!' | '?' | '。' | '！' | '？' if prev.is_alphanumeric() => {
                        s.sentence_marks += 1
                    }
                    '|' | '»' | '›' | '«' | '‹' | '•' | '·' | '>' | '→' | '/' | '#' | '@' => {
                        s.link_marks += 1
                    }
                    _ => {}
                }
            }
            prev = c;
        }
        if in_word {
            end_word(&mut s, &buf, len, first_upper, all_digits, digits);
        }
        s.urls = text
            .as_bytes()
            .windows(4)
            .filter(|w| w[..3] == *b"://" || *w == *b"www.")
            .count() as u32;
        let last = text
            .trim_end_matches(['"', '”', '’', '\'', ')', '»', ' '])
            .chars()
            .next_back();
        s.ends_sentence = matches!(last, Some('.' | '!' | '?' | '。' | '！' | '？' | '…'));
        s.ends_colon = matches!(last, Some(':'));
        let first = text.chars().next();
        s.starts_lower = first.is_some_and(char::is_lowercase);
        s.starts_quote = matches!(first, Some('"' | '“' | '‘' | '\'' | '«' | '„'));
        s.phrases = phrases::scan(text);
        s
    }

    /// Words counted so CJK runs (no spaces) weigh like prose.
    pub fn eff_words(&self) -> f32 {
        (self.words as f32).max(self.cjk as f32 / 2.0)
    }

    fn stop_ratio(&self) -> f32 {
        self.stop as f32 / self.words.max(1) as f32
    }

    /// Looks like a sentence of running text.
    pub fn proseish(&self) -> bool {
        let w = self.eff_words();
        w >= 8.0
            && (self.stop_ratio() >= 0.15 || self.cjk > 10)
            && (self.sentence_marks > 0 || self.ends_sentence)
    }
}

/// Names of the stage-1 features, in vector order (checked against the
/// weight file so code and data cannot drift apart).
pub static FEATURE_NAMES: LazyLock<Vec<String>> = LazyLock::new(|| {
    let mut n: Vec<String> = [
        "bias",
        "log_words",
        "w1",
        "w2",
        "w3_4",
        "w5_8",
        "w9_15",
        "w16_30",
        "w31_",
        "log_chars",
        "stop_ratio",
        "stop_ratio_long",
        "title_ratio",
        "upper_ratio",
        "digit_ratio",
        "marks_per_word",
        "log_marks",
        "ends_sentence",
        "ends_colon",
        "link_marks",
        "log_link_marks",
        "url",
        "starts_lower",
        "starts_quote",
        "year",
        "dup",
        "log_dup",
        "cjk_share",
        "proseish",
        "byline",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    for c in phrases::CATEGORIES {
        n.push(format!("hit_{c}"));
        n.push(format!("cover_{c}"));
        n.push(format!("short_hit_{c}"));
    }
    for off in ["p2", "p1", "n1", "n2"] {
        for f in ["log_words", "ends_sentence", "stop_ratio", "proseish"] {
            n.push(format!("{off}_{f}"));
        }
    }
    for c in [
        "newsletter",
        "related",
        "comments",
        "author",
        "ads",
        "social",
        "legal",
    ] {
        n.push(format!("p1_hit_{c}"));
    }
    for f in [
        "in_region",
        "log_before_region",
        "log_after_region",
        "log_lines",
        "prose_share",
        "log_since_prose",
        "log_until_prose",
    ] {
        n.push(f.to_string());
    }
    for f in [
        "in_region_b",
        "log_before_region_b",
        "log_after_region_b",
        "log_comments_above",
        "log_comments_below",
        "log_related_above",
        "log_related_below",
        "log_newsletter_above",
        "log_newsletter_below",
        "rel_pos",
        "log_run_nonprose",
        "log_run_prose",
        "win_dateish",
        "win_nameish",
    ] {
        n.push(f.to_string());
    }
    for f in [
        "html_link_density",
        "html_link_heavy",
        "html_heading",
        "html_paragraph",
        "html_list",
        "html_cell",
        "html_quote",
        "html_boiler_attr",
        "html_in_main",
        "html_page_has_main",
        "html_in_top",
        "html_in_top_parent",
    ] {
        n.push(f.to_string());
    }
    for c in ATTR_CATEGORIES {
        n.push(format!("html_attr_{c}"));
    }
    for c in ["nav", "header", "footer", "aside", "form"] {
        n.push(format!("html_in_{c}"));
    }
    n
});

/// A short line that heads a section of page furniture ("59 Comments",
/// "Related Posts", "Sign up for our newsletter").
fn marker(s: &LineStats, category: usize) -> bool {
    s.words <= 8 && s.phrases.hits[category] > 0
}

/// A short line that is mostly a date or time (comment and teaser stamps).
fn dateish(s: &LineStats) -> bool {
    s.words <= 8 && (s.years > 0 || s.phrases.hits[TIME] > 0) && !s.proseish()
}

/// One to four capitalized words: a name (commenter, author, reviewer).
fn nameish(s: &LineStats) -> bool {
    (1..=4).contains(&s.words) && s.title == s.words && s.digit_words == 0 && s.chars <= 40
}

const COMMENTS: usize = 6;
const RELATED: usize = 5;
const NEWSLETTER: usize = 2;
const TIME: usize = 10;

/// The densest run of prose when furniture section markers are walls
/// (a comment thread after the article does not join it).
fn walled_prose_region(stats: &[LineStats]) -> Option<(usize, usize)> {
    densest_run(stats, |s| {
        if [COMMENTS, RELATED, NEWSLETTER]
            .iter()
            .any(|&c| marker(s, c))
        {
            -30.0
        } else {
            prose_gain(s)
        }
    })
}

/// Per line, how many lines above it (or `below` it) pass `f`.
fn cumulative(stats: &[LineStats], below: bool, f: impl Fn(&LineStats) -> bool) -> Vec<u32> {
    let n = stats.len();
    let mut out = vec![0u32; n];
    let mut count = 0;
    for k in 0..n {
        let i = if below { n - 1 - k } else { k };
        out[i] = count;
        count += f(&stats[i]) as u32;
    }
    out
}

/// Per line, the length of the run of lines of its kind (prose or not) it is in.
fn run_lengths(stats: &[LineStats]) -> Vec<u32> {
    let n = stats.len();
    let mut out = vec![0u32; n];
    let mut start = 0;
    for i in 1..=n {
        if i == n || stats[i].proseish() != stats[start].proseish() {
            out[start..i]
                .iter_mut()
                .for_each(|v| *v = (i - start) as u32);
            start = i;
        }
    }
    out
}

/// Per line, how many lines within `radius` of it pass `f` (itself included).
fn window_counts(stats: &[LineStats], radius: usize, f: impl Fn(&LineStats) -> bool) -> Vec<u32> {
    let n = stats.len();
    let mut prefix = vec![0u32; n + 1];
    for (i, s) in stats.iter().enumerate() {
        prefix[i + 1] = prefix[i] + f(s) as u32;
    }
    (0..n)
        .map(|i| prefix[(i + radius + 1).min(n)] - prefix[i.saturating_sub(radius)])
        .collect()
}

fn bucket(w: f32) -> [f32; 7] {
    let mut b = [0.0; 7];
    let i = match w as u32 {
        0 | 1 => 0,
        2 => 1,
        3..=4 => 2,
        5..=8 => 3,
        9..=15 => 4,
        16..=30 => 5,
        _ => 6,
    };
    b[i] = 1.0;
    b
}

/// The densest run of prose: the span maximizing a score that rewards
/// prose lines by their length and charges every other line.
pub fn prose_region(stats: &[LineStats]) -> Option<(usize, usize)> {
    densest_run(stats, prose_gain)
}

/// What a line adds to a run of prose: its length if it reads as prose, a
/// small charge otherwise.
fn prose_gain(s: &LineStats) -> f32 {
    if s.proseish() {
        s.eff_words().min(60.0) / 10.0
    } else {
        -1.0
    }
}

/// The span of lines maximizing the summed `gain` (Kadane's scan).
fn densest_run(stats: &[LineStats], gain: impl Fn(&LineStats) -> f32) -> Option<(usize, usize)> {
    let (mut best, mut best_span) = (0.0f32, None);
    let (mut run, mut start) = (0.0f32, 0usize);
    for (i, s) in stats.iter().enumerate() {
        if run <= 0.0 {
            run = 0.0;
            start = i;
        }
        run += gain(s);
        if run > best {
            best = run;
            best_span = Some((start, i));
        }
    }
    best_span
}

/// The counts of every block of a page.
pub fn page_stats(blocks: &[Block]) -> Vec<LineStats> {
    blocks.iter().map(|b| LineStats::of(b.text)).collect()
}

/// Stage-1 feature vectors for the blocks of one page (with their
/// `page_stats`), one row per block.
pub fn page_features(blocks: &[Block], stats: &[LineStats]) -> Vec<Vec<f32>> {
    let mut seen: HashMap<&str, u32> = HashMap::with_capacity(blocks.len());
    for b in blocks {
        *seen.entry(b.text).or_default() += 1;
    }
    let n = blocks.len();
    let region = prose_region(stats);
    let prose_share = stats.iter().filter(|s| s.proseish()).count() as f32 / n.max(1) as f32;
    let page_has_main = blocks.iter().any(|b| b.html.is_some_and(|h| h.in_main));
    let since_prose = distance_to_prose(stats, false);
    let until_prose = distance_to_prose(stats, true);
    let walled = walled_prose_region(stats);
    let sections: Vec<(Vec<u32>, Vec<u32>)> = [COMMENTS, RELATED, NEWSLETTER]
        .iter()
        .map(|&c| {
            (
                cumulative(stats, false, |s| marker(s, c)),
                cumulative(stats, true, |s| marker(s, c)),
            )
        })
        .collect();
    let runs = run_lengths(stats);
    let dates = window_counts(stats, 5, dateish);
    let names = window_counts(stats, 5, nameish);
    let dim = FEATURE_NAMES.len();
    let mut rows = Vec::with_capacity(n);
    for (i, s) in stats.iter().enumerate() {
        let mut f = Vec::with_capacity(dim);
        let w = s.eff_words();
        let words = s.words.max(1) as f32;
        let long = w >= 5.0;
        f.push(1.0);
        f.push((1.0 + w).ln());
        f.extend(bucket(w));
        f.push((1.0 + s.chars as f32).ln());
        f.push(s.stop_ratio());
        f.push(if long { s.stop_ratio() } else { 0.0 });
        f.push(s.title as f32 / words);
        f.push((s.upper as f32 / s.chars.max(1) as f32).min(1.0));
        f.push(s.digit_words as f32 / words);
        f.push((s.sentence_marks as f32 / words).min(1.0));
        f.push((1.0 + s.sentence_marks as f32).ln());
        f.push(s.ends_sentence as u8 as f32);
        f.push(s.ends_colon as u8 as f32);
        f.push((s.link_marks > 0) as u8 as f32);
        f.push((1.0 + s.link_marks as f32).ln());
        f.push((s.urls > 0) as u8 as f32);
        f.push(s.starts_lower as u8 as f32);
        f.push(s.starts_quote as u8 as f32);
        f.push((s.years > 0) as u8 as f32);
        let dup = seen[blocks[i].text];
        f.push((dup > 1) as u8 as f32);
        f.push((dup as f32).ln());
        f.push(s.cjk as f32 / s.chars.max(1) as f32);
        f.push(s.proseish() as u8 as f32);
        f.push((w <= 8.0 && blocks[i].text.starts_with("By ")) as u8 as f32);
        let bytes = blocks[i].text.len().max(1) as f32;
        for c in 0..N_CATEGORIES {
            let hit = s.phrases.hits[c] > 0;
            f.push(hit as u8 as f32);
            f.push((s.phrases.covered[c] as f32 / bytes).min(1.0));
            f.push((hit && w <= 6.0) as u8 as f32);
        }
        // A missing neighbour (page start or end) mirrors the line itself,
        // so a page that starts with its article is not judged by its edge.
        for off in [-2isize, -1, 1, 2] {
            let j = i as isize + off;
            let t = if j < 0 || j >= n as isize {
                s
            } else {
                &stats[j as usize]
            };
            f.push((1.0 + t.eff_words()).ln());
            f.push(t.ends_sentence as u8 as f32);
            f.push(t.stop_ratio());
            f.push(t.proseish() as u8 as f32);
        }
        for c in [2usize, 5, 6, 7, 4, 1, 3] {
            let hit = i > 0 && stats[i - 1].phrases.hits[c] > 0 && stats[i - 1].eff_words() <= 8.0;
            f.push(hit as u8 as f32);
        }
        match region {
            Some((a, b)) => {
                f.push((a <= i && i <= b) as u8 as f32);
                f.push(if i < a { ((a - i) as f32).ln_1p() } else { 0.0 });
                f.push(if i > b { ((i - b) as f32).ln_1p() } else { 0.0 });
            }
            None => f.extend([0.0, 0.0, 0.0]),
        }
        f.push((n as f32).ln_1p());
        f.push(prose_share);
        f.push((since_prose[i] as f32).ln_1p());
        f.push((until_prose[i] as f32).ln_1p());
        match walled {
            Some((a, b)) => {
                f.push((a <= i && i <= b) as u8 as f32);
                f.push(if i < a { ((a - i) as f32).ln_1p() } else { 0.0 });
                f.push(if i > b { ((i - b) as f32).ln_1p() } else { 0.0 });
            }
            None => f.extend([0.0, 0.0, 0.0]),
        }
        for (above, below) in &sections {
            f.push((above[i] as f32).ln_1p());
            f.push((below[i] as f32).ln_1p());
        }
        f.push(i as f32 / n as f32);
        let run = (runs[i] as f32).ln_1p();
        let prose = s.proseish();
        f.push(if prose { 0.0 } else { run });
        f.push(if prose { run } else { 0.0 });
        f.push((dates[i] as f32).ln_1p());
        f.push((names[i] as f32).ln_1p());
        match blocks[i].html {
            Some(h) => {
                f.push(h.link_density);
                f.push((h.link_density > 0.5) as u8 as f32);
                for t in [
                    Tag::Heading,
                    Tag::Paragraph,
                    Tag::ListItem,
                    Tag::Cell,
                    Tag::Quote,
                ] {
                    f.push((h.tag == t) as u8 as f32);
                }
                f.push(h.boiler_attr as u8 as f32);
                f.push(h.in_main as u8 as f32);
                f.push(page_has_main as u8 as f32);
                f.push(h.in_top as u8 as f32);
                f.push(h.in_top_parent as u8 as f32);
                for b in 0..ATTR_CATEGORIES.len() {
                    f.push((h.attr_bits >> b & 1) as f32);
                }
                for b in 0..5 {
                    f.push((h.chrome >> b & 1) as f32);
                }
            }
            None => f.extend([0.0; 17 + ATTR_CATEGORIES.len()]),
        }
        debug_assert_eq!(f.len(), dim);
        rows.push(f);
    }
    rows
}

/// Lines since the last prose line (or until the next one, `forward`);
/// capped at 50 when there is none.
fn distance_to_prose(stats: &[LineStats], forward: bool) -> Vec<u32> {
    let n = stats.len();
    let mut out = vec![50u32; n];
    let mut last: Option<usize> = None;
    let order: Box<dyn Iterator<Item = usize>> = if forward {
        Box::new((0..n).rev())
    } else {
        Box::new(0..n)
    };
    for i in order {
        if stats[i].proseish() {
            last = Some(i);
            out[i] = 0;
        } else if let Some(l) = last {
            out[i] = (l.abs_diff(i) as u32).min(50);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_words_stop_words_and_marks() {
        let s = LineStats::of("The plant, in Ohio, will open in 2025. It employs 500 people.");
        assert_eq!(s.words, 12);
        assert_eq!(s.stop, 5); // the, in, will, in, it
        assert_eq!(s.years, 1);
        assert_eq!(s.digit_words, 2);
        assert_eq!(s.sentence_marks, 2);
        assert!(s.ends_sentence && s.proseish());
        let s = LineStats::of("Home | News » World");
        assert_eq!(s.link_marks, 2);
        assert!(!s.proseish());
    }

    #[test]
    fn stop_words_outside_english_count() {
        let s =
            LineStats::of("Die Firma hat für das Werk eine neue Halle gebaut und nicht verkauft.");
        assert!(s.stop >= 5, "{s:?}");
        assert!(s.proseish());
    }

    #[test]
    fn category_indices_match_the_dictionary() {
        assert_eq!(phrases::CATEGORIES[COMMENTS], "comments");
        assert_eq!(phrases::CATEGORIES[RELATED], "related");
        assert_eq!(phrases::CATEGORIES[NEWSLETTER], "newsletter");
        assert_eq!(phrases::CATEGORIES[TIME], "time");
    }

    #[test]
    fn comment_thread_is_walled_off_from_the_article() {
        let article = "The council voted on Monday to build a new bridge over the river, which will open in 2027.";
        let comment =
            "I think this is a great idea and it should have been done years ago, honestly.";
        let lines = [
            article,
            article,
            article,
            "12 Comments",
            "Jane Doe",
            comment,
            "Tom Roe",
            comment,
        ];
        let stats: Vec<LineStats> = lines.iter().map(|l| LineStats::of(l)).collect();
        assert_eq!(walled_prose_region(&stats), Some((0, 2)));
        assert_eq!(prose_region(&stats), Some((0, 7)));
        assert_eq!(run_lengths(&stats), [3, 3, 3, 2, 2, 1, 1, 1]);
        assert_eq!(cumulative(&stats, false, |s| marker(s, COMMENTS))[5], 1);
    }

    #[test]
    fn one_row_per_block_of_the_declared_width() {
        let blocks: Vec<Block> = [
            "Menu",
            "A real sentence about the plant in Ohio, which opens soon.",
            "Menu",
        ]
        .iter()
        .map(|t| Block {
            text: t,
            html: None,
        })
        .collect();
        let rows = page_features(&blocks, &page_stats(&blocks));
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[0].len(), FEATURE_NAMES.len());
        let dup = FEATURE_NAMES.iter().position(|n| n == "dup").unwrap();
        assert_eq!(rows[0][dup], 1.0);
        assert_eq!(rows[1][dup], 0.0);
    }
}
