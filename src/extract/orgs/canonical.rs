//! Canonical organization names: possessives, a leading "the" and legal
//! suffixes are not part of the name, and a short form links to an earlier
//! or later longer form of the same organization in the article.

use super::words::has_space;
use crate::text::ascii_lowercase_in;
use crate::text::hash::FastMap;

/// Whether `word` is a legal suffix ("Inc.", "GmbH"), in any case.
fn is_legal_suffix(word: &str) -> bool {
    // Lower-cased on the stack (no suffix is longer than 11 bytes) and
    // matched at once, rather than compared with each suffix in turn.
    let mut buf = [0u8; 11];
    let Some(lower) = ascii_lowercase_in(word, &mut buf) else {
        return false;
    };
    matches!(
        lower,
        b"inc"
            | b"inc."
            | b"corp"
            | b"corp."
            | b"corporation"
            | b"co"
            | b"co."
            | b"company"
            | b"ltd"
            | b"ltd."
            | b"limited"
            | b"llc"
            | b"l.l.c."
            | b"plc"
            | b"ag"
            | b"gmbh"
            | b"s.a."
            | b"sa"
            | b"n.v."
            | b"nv"
            | b"se"
            | b"group"
            | b"holdings"
    )
}

/// The name without possessive, leading "The" and legal suffixes.
pub fn strip_name(form: &str) -> String {
    let s = without_possessive(form);
    // Most names are words between single spaces: their stripped name is
    // a slice of them, with no list of words to build.
    let b = s.as_bytes();
    let plain = b.iter().all(|&c| c.is_ascii_graphic() || c == b' ')
        && b.first() != Some(&b' ')
        && b.last() != Some(&b' ')
        && !b.windows(2).any(|w| w == b"  ");
    if plain {
        strip_words(s).to_string()
    } else {
        strip_words(&s.split_whitespace().collect::<Vec<_>>().join(" ")).to_string()
    }
}

/// `form` trimmed, without ".com" and a possessive.
fn without_possessive(form: &str) -> &str {
    let mut s = form.trim();
    s = s
        .strip_suffix(".com")
        .filter(|r| !r.is_empty())
        .unwrap_or(s);
    for p in ["'s", "’s", "'", "’"] {
        if let Some(r) = s.strip_suffix(p) {
            return r;
        }
    }
    s
}

/// The words of `s` (separated by single spaces) without a leading "The"
/// and legal suffixes, as a slice of `s` (a word left empty by its trimmed
/// comma included: "Acme , Inc" is "Acme ").
fn strip_words(s: &str) -> &str {
    let (mut start, mut end) = (0, s.len());
    // Names are short: a plain loop over their bytes beats a memchr call.
    let b = s.as_bytes();
    let last_space = |start: usize, end: usize| {
        b[start..end]
            .iter()
            .rposition(|&c| c == b' ')
            .map(|i| start + i)
    };
    if let Some(space) = b.iter().position(|&c| c == b' ') {
        if matches!(&s[..space], "The" | "the") {
            start = space + 1;
        }
    }
    while let Some(space) = last_space(start, end) {
        let last = s[space + 1..end].trim_end_matches(',');
        if !is_legal_suffix(last) {
            break;
        }
        end = start + s[start..space].trim_end_matches(',').len();
    }
    // "Warner Bros." is "Warner Bros"; "U.S." keeps its periods.
    let last = &s[last_space(start, end).map_or(start, |i| i + 1)..end];
    if last.len() > 2 && last.ends_with('.') && last.matches('.').count() == 1 {
        end -= 1;
    }
    &s[start..end]
}

/// A comparison key: lower case, letters and digits only between single spaces.
pub fn canonical_key(name: &str) -> String {
    let stripped = strip_name(name).to_lowercase();
    let mut out = String::with_capacity(stripped.len());
    for w in stripped.split(|c: char| !c.is_alphanumeric() && c != '&') {
        if w.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// True when `short` is the initials of the words of `long` ("SEC" of
/// "Securities and Exchange Commission"), function words skipped.
/// British house style writes long acronyms as words ("Nasa", "Icann",
/// "Bat"), so a capitalized word of three or more letters counts too.
pub fn is_acronym_of(short: &str, long: &str) -> bool {
    acronym_letters(short).is_some_and(|letters| {
        let initials = initials(long);
        initials.len() >= 2 && initials.eq_ignore_ascii_case(&letters)
    })
}

/// An acronym is written in capitals (dots allowed: "U.S.") or, house style,
/// as one capitalized word of at least three letters ("Nasa").
fn is_acronym_shape(short: &str) -> bool {
    let upper = short.chars().all(|c| c.is_ascii_uppercase() || c == '.');
    let mut chars = short.chars();
    let as_word = short.len() >= 3
        && chars.next().is_some_and(|c| c.is_ascii_uppercase())
        && chars.all(|c| c.is_ascii_lowercase());
    short.len() >= 2 && (upper || as_word)
}

/// The first letters of the words of `long`, small words left out.
pub fn initials(long: &str) -> String {
    initial_letters(long).collect()
}

/// The first letters of the words of `long`, small words left out.
pub fn initial_letters(long: &str) -> impl Iterator<Item = char> + '_ {
    long.split_whitespace()
        .filter(|w| !is_small_word(w.as_bytes()))
        .filter_map(|w| w.chars().next())
}

/// The words initials leave out.
fn is_small_word(w: &[u8]) -> bool {
    matches!(w, b"and" | b"of" | b"for" | b"the" | b"de" | b"&")
}

/// Appends the [`initial_letters`] of `long`, lower-cased, to `letters`.
fn push_initials(long: &str, letters: &mut String) {
    if !long.is_ascii() {
        let start = letters.len();
        letters.extend(initial_letters(long));
        letters[start..].make_ascii_lowercase();
        return;
    }
    // White space in ASCII is a space or a byte from tab to carriage
    // return, as for `char::is_whitespace`: its words, byte by byte.
    let words = long.as_bytes().split(|b| matches!(b, b'\t'..=b'\r' | b' '));
    for w in words {
        if let Some(first) = w.first().filter(|_| !is_small_word(w)) {
            letters.push(char::from(first.to_ascii_lowercase()));
        }
    }
}

/// The [`initial_letters`] of `long`, lower-cased in `buf`: `None` when
/// one is not ASCII or they do not fit.
pub fn initials_in<'b>(long: &str, buf: &'b mut [u8]) -> Option<&'b [u8]> {
    let mut len = 0;
    let mut push = |c: char| {
        if !c.is_ascii() || len == buf.len() {
            return false;
        }
        buf[len] = (c as u8).to_ascii_lowercase();
        len += 1;
        true
    };
    let fit = if long.is_ascii() {
        // As in [`push_initials`]: an ASCII name's words, byte by byte.
        long.as_bytes()
            .split(|b| matches!(b, b'\t'..=b'\r' | b' '))
            .filter_map(|w| w.first().filter(|_| !is_small_word(w)))
            .all(|&b| push(char::from(b)))
    } else {
        initial_letters(long).all(push)
    };
    fit.then_some(&buf[..len])
}

/// The letters of `short` (dots left out) when it is written as an acronym.
pub fn acronym_letters(short: &str) -> Option<String> {
    is_acronym_shape(short).then(|| short.replace('.', ""))
}

/// True when a mention written `surface` (with `titled`: "The" written
/// before it) names its organization in full, so that it never stands for
/// a longer name: a title ("The Guardian" is not "Guardian Media Group")
/// or a name with its legal form ("News Corp" is not "News International").
/// `stripped`: [`strip_name`] of `surface`, which the caller has at hand.
pub fn is_full_form(surface: &str, stripped: &str, titled: bool) -> bool {
    // The stripped words hold no white space, so the stripped name splits
    // back into them at its spaces: the non-empty ones are its words.
    // Byte loops, here and below: a name's few bytes cost less than the
    // memchr calls and character decoding of the `str` splits.
    let stripped = || words_between(stripped.as_bytes(), |b| b == b' ');
    if titled {
        return true;
    }
    // A single word loses no word to stripping (at most all of it, and
    // then nothing is left after its possessive either).
    if !surface.is_ascii() {
        return surface.contains(char::is_whitespace)
            && stripped()
                < surface
                    .trim_end_matches(['\'', '’', 's'])
                    .split_whitespace()
                    .count();
    }
    // ASCII white space is a space or a byte from tab to carriage return,
    // as for `char::is_whitespace`; of the trimmed marks only two are ASCII.
    let space = |b: u8| matches!(b, b'\t'..=b'\r' | b' ');
    let b = surface.as_bytes();
    let marks = b
        .iter()
        .rev()
        .take_while(|&&c| c == b'\'' || c == b's')
        .count();
    b.iter().any(|&c| space(c)) && stripped() < words_between(&b[..b.len() - marks], space)
}

/// The number of non-empty runs of `b` between bytes that are `sep`.
fn words_between(b: &[u8], sep: impl Fn(u8) -> bool) -> usize {
    b.split(|&c| sep(c)).filter(|w| !w.is_empty()).count()
}

/// Links short forms to the longer names of the same article: an acronym to
/// the name it abbreviates, and a name to the one longer name that starts
/// with its words ("Mitsubishi" to "Mitsubishi Motors"), unless the mention
/// is a full form (`full`, see [`is_full_form`]). `names` are updated in place.
pub fn link_names(names: &mut [String], surfaces: &[&str], full: &[bool]) {
    // Every name links to a name of the article as it was written before
    // any linking: the links are found first, then applied.
    let links: Vec<(usize, String)> = {
        let names: &[String] = names;
        let mut longs: Vec<&str> = names
            .iter()
            .map(String::as_str)
            .filter(|n| has_space(n))
            .collect();
        longs.sort_unstable();
        longs.dedup();
        // Acronyms are read off the written form, legal suffix included
        // ("ONGC"); the sources' initials are read once, and only for an
        // article with a name written as an acronym.
        let mut sources: Option<Initials> = None;
        let mut links = Vec::new();
        for (k, n) in names.iter().enumerate() {
            if is_acronym_shape(n) {
                let sources = sources.get_or_insert_with(|| {
                    Initials::of(
                        surfaces
                            .iter()
                            .zip(names)
                            .filter(|(s, _)| has_space(s))
                            .map(|(s, n)| (s.trim_start_matches("The "), n.as_str()))
                            .chain(
                                names
                                    .iter()
                                    .filter(|n| has_space(n))
                                    .map(|n| (n.as_str(), n.as_str())),
                            ),
                    )
                });
                if let Some(source) = sources.spelled_by(n) {
                    links.push((k, source.to_string()));
                    continue;
                }
            }
            if full.get(k).copied().unwrap_or(false) {
                continue;
            }
            // The longer names starting with `n` sit together in the sorted list.
            let from = longs.partition_point(|l| *l < n.as_str());
            let mut extensions = longs[from..]
                .iter()
                .take_while(|l| l.starts_with(n.as_str()))
                .filter(|l| l.len() > n.len() && l.as_bytes()[n.len()] == b' ');
            if let (Some(long), None) = (extensions.next(), extensions.next()) {
                links.push((k, long.to_string()));
                continue;
            }
            // "Rover" for "MG Rover", "Commission" for "European Commission".
            let mut heads = longs.iter().filter(|l| {
                l.len() > n.len()
                    && l.ends_with(n.as_str())
                    && l.as_bytes()[l.len() - n.len() - 1] == b' '
            });
            if let (Some(long), None) = (heads.next(), heads.next()) {
                links.push((k, long.to_string()));
            }
        }
        links
    };
    for (k, long) in links {
        names[k] = long;
    }
    merge_plurals(names);
}

/// The initials of the acronym sources of an article, lower-cased, in one
/// buffer: one allocation for all the sources, not one per source.
struct Initials<'a> {
    letters: String,
    /// Byte range of each source's initials in `letters`, and its name.
    sources: Vec<(usize, usize, &'a str)>,
}

impl<'a> Initials<'a> {
    /// `sources`: (written form, name) pairs, in order of preference.
    fn of(sources: impl Iterator<Item = (&'a str, &'a str)>) -> Self {
        let mut letters = String::new();
        let mut out = Vec::new();
        for (form, name) in sources {
            let start = letters.len();
            push_initials(form, &mut letters);
            out.push((start, letters.len(), name));
        }
        Initials {
            letters,
            sources: out,
        }
    }

    /// The name of the first source of two initials or more that
    /// `acronym` (written as an acronym: see [`acronym_letters`]) spells.
    fn spelled_by(&self, acronym: &str) -> Option<&'a str> {
        let letters = || {
            acronym
                .bytes()
                .filter(|&b| b != b'.')
                .map(|b| b.to_ascii_lowercase())
        };
        let len = letters().count();
        self.sources
            .iter()
            .find(|&&(s, e, _)| {
                e - s >= 2 && e - s == len && letters().eq(self.letters[s..e].bytes())
            })
            .map(|&(_, _, name)| name)
    }
}

/// "McDonalds" and "McDonald" (from "McDonald's"), "TiVos" and "TiVo" in one
/// article are one name: the form without the "s" is kept.
fn merge_plurals(names: &mut [String]) {
    // Only a name ending in "s" (in either case) can be a plural.
    let plural = |n: &String| n.ends_with(['s', 'S']);
    if !names.iter().any(plural) {
        return;
    }
    // `n` lower-cased is `lower` (an ASCII name without allocating).
    let lowers_to = |n: &str, lower: &str| {
        if n.is_ascii() {
            n.len() == lower.len() && n.eq_ignore_ascii_case(lower)
        } else {
            n.to_lowercase() == lower
        }
    };
    // The singular is the last name written so, as the names were before
    // any merge: looked for once per plural however often it is written.
    let mut singular: FastMap<&str, Option<usize>> = FastMap::default();
    let singulars: Vec<(usize, String)> = names
        .iter()
        .enumerate()
        .filter(|(_, n)| plural(n))
        .filter_map(|(k, n)| {
            let found = *singular.entry(n).or_insert_with(|| {
                let lower = n.to_lowercase();
                let single = lower.strip_suffix('s').filter(|s| s.len() >= 2)?;
                names.iter().rposition(|m| lowers_to(m, single))
            });
            Some((k, names[found?].clone()))
        })
        .collect();
    for (k, single) in singulars {
        names[k] = single;
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn legal_suffixes_match_in_any_case() {
        for w in ["Inc.", "GMBH", "Corporation", "l.l.c.", "co"] {
            assert!(is_legal_suffix(w), "{w}");
        }
        for w in [
            "",
            "Incs",
            "Corporations",
            "Corporationx",
            "Grüppe",
            "Zentrix",
        ] {
            assert!(!is_legal_suffix(w), "{w}");
        }
    }

    #[test]
    fn acronym_letters_and_initials() {
        assert_eq!(acronym_letters("N.A.S.A.").as_deref(), Some("NASA"));
        assert_eq!(acronym_letters("Nasa").as_deref(), Some("Nasa"));
        assert_eq!(acronym_letters("rss"), None);
        assert_eq!(acronym_letters("A"), None);
        assert_eq!(initials("Bank of America"), "BA");
        assert!(is_acronym_of("RSS", "Really Simple Syndication"));
        assert!(is_acronym_of(
            "Nasa",
            "National Aeronautics and Space Administration"
        ));
        assert!(!is_acronym_of("BOA", "Bank of America"));
    }
    use super::*;

    #[test]
    fn strips_possessive_article_and_suffixes() {
        assert_eq!(strip_name("Facebook Inc."), "Facebook");
        assert_eq!(strip_name("Facebook's"), "Facebook");
        assert_eq!(strip_name("The Globex Group"), "Globex");
        assert_eq!(strip_name("Acme Holdings, Inc."), "Acme");
        assert_eq!(strip_name("Warner Bros."), "Warner Bros");
        assert_eq!(strip_name("U.S."), "U.S.");
        // White space other than single spaces, and a word left empty.
        assert_eq!(strip_name(" The  Velmar\tHoldings "), "Velmar");
        assert_eq!(strip_name("Café Orvane S.A."), "Café Orvane");
        assert_eq!(strip_name("Acme , Inc"), "Acme ");
        assert_eq!(strip_name("the Co"), "Co");
        assert_eq!(strip_name("The"), "The");
    }

    #[test]
    fn initials_are_pushed_as_initial_letters_give_them() {
        for long in [
            "Bank of  America",
            "Orvane Mitsu Bank of Velmar Zentrix Acme Globex",
            "Élan Orvane",
            " the Orvane\tand\u{b}Mitsu\r\nBank & Co ",
            "Café de Orvane\u{a0}Mitsu",
            "",
        ] {
            let mut letters = "x".to_string();
            push_initials(long, &mut letters);
            let expected: String = initial_letters(long).collect();
            assert_eq!(
                letters,
                format!("x{}", expected.to_ascii_lowercase()),
                "{long:?}"
            );
            let mut buf = [0u8; 6];
            let fits = expected.is_ascii() && expected.len() <= buf.len();
            let lower = expected.to_ascii_lowercase();
            let want = fits.then_some(lower.as_bytes());
            assert_eq!(initials_in(long, &mut buf), want, "{long:?}");
        }
    }

    #[test]
    fn initials_find_the_first_source_an_acronym_spells() {
        let sources = Initials::of(
            [
                ("The Bank of America", "Bank of America"),
                ("United States", "US one"),
                ("Union Station", "US two"),
                ("Acme", "Acme"),
            ]
            .into_iter(),
        );
        assert_eq!(sources.spelled_by("U.S."), Some("US one"));
        assert_eq!(sources.spelled_by("TBA"), Some("Bank of America"));
        assert_eq!(sources.spelled_by("A"), None);
        assert_eq!(sources.spelled_by("USA"), None);
    }

    #[test]
    fn acronyms_link_to_their_long_form() {
        let mut names = vec![
            "Securities and Exchange Commission".to_string(),
            "SEC".to_string(),
            "Acme".to_string(),
            "Mitsubishi Motors".to_string(),
            "Mitsubishi".to_string(),
        ];
        let surfaces: Vec<String> = names.clone();
        let surfaces: Vec<&str> = surfaces.iter().map(String::as_str).collect();
        link_names(&mut names, &surfaces, &[]);
        assert_eq!(
            names,
            [
                "Securities and Exchange Commission",
                "Securities and Exchange Commission",
                "Acme",
                "Mitsubishi Motors",
                "Mitsubishi Motors"
            ]
        );
    }

    #[test]
    fn full_forms_keep_their_own_name() {
        let mut names = vec![
            "News International".to_string(),
            "News".to_string(),
            "Guardian Media".to_string(),
            "Guardian".to_string(),
            "Guardian".to_string(),
        ];
        let surfaces = [
            "News International",
            "News Corp",
            "Guardian Media Group",
            "Guardian",
            "Guardian",
        ];
        let full: Vec<bool> = surfaces
            .iter()
            .zip([false, false, false, true, false])
            .map(|(s, titled)| is_full_form(s, &strip_name(s), titled))
            .collect();
        assert_eq!(full, [false, true, true, true, false]);
        link_names(&mut names, &surfaces, &full);
        assert_eq!(
            names,
            [
                "News International",
                "News",
                "Guardian Media",
                "Guardian",
                "Guardian Media"
            ]
        );
    }

    #[test]
    fn house_style_acronyms_suffixes_and_plurals_link() {
        let mut names = vec![
            "Internet Corporation for Assigned Names and Numbers".to_string(),
            "Icann".to_string(),
            "MG Rover".to_string(),
            "Rover".to_string(),
            "McDonald".to_string(),
            "McDonalds".to_string(),
            "Daily Telegraph".to_string(),
            "Sunday Telegraph".to_string(),
            "Telegraph".to_string(),
        ];
        let surfaces: Vec<String> = names.clone();
        let surfaces: Vec<&str> = surfaces.iter().map(String::as_str).collect();
        link_names(&mut names, &surfaces, &[]);
        assert_eq!(names[1], names[0]);
        assert_eq!(names[3], "MG Rover");
        assert_eq!(names[5], "McDonald");
        assert_eq!(names[8], "Telegraph", "two longer names: no link");
        assert!(!is_acronym_of("Acme", "Internet Corporation"));
    }

    #[test]
    fn keys_ignore_case_and_punctuation() {
        assert_eq!(canonical_key("The AT&T Inc."), "at&t");
        assert_eq!(canonical_key("J.P. Morgan"), "j p morgan");
    }
}
