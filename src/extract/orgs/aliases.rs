//! Two written forms of one organization that the prefix and acronym
//! linking of `canonical` cannot see: a name and the name filling the
//! brackets right after it ("Harbor Mutual Financial (HMFG)", "Medicos
//! del Mar (Doctors of the Sea)"), the same words in another
//! order, and a one-letter misspelling of another name of the article
//! ("Globex Corporaton", "Velmarr Electric" beside "Velmar").

use super::brackets::bracket_after;
use super::words::{first_word, has_space};
use crate::text::hash::FastMap;

/// Gives every mention of an alias the name of the organization it stands
/// for. `spans` are the mentions' byte ranges into `text`, sorted by start;
/// `names` their canonical names, updated in place.
pub fn merge(text: &str, spans: &[(usize, usize)], names: &mut [String]) {
    let mut renamed: FastMap<String, String> = FastMap::default();
    for (k, &(_, e)) in spans.iter().enumerate() {
        // The bracket may follow one more capitalized word of the name
        // than the mention took in ("Harbor Mutual Financial (HMFG)").
        let Some(inner) =
            bracket_after(text, e).or_else(|| bracket_after(text, e + next_word(&text[e..])?))
        else {
            continue;
        };
        let Ok(j) = spans.binary_search_by_key(&inner.0, |sp| sp.0) else {
            continue;
        };
        if spans[j] != inner || names[j] == names[k] {
            continue;
        }
        // The fuller of the two forms names the organization.
        let (keep, alias) = if word_count(&names[j]) > word_count(&names[k]) {
            (j, k)
        } else {
            (k, j)
        };
        renamed.insert(names[alias].clone(), names[keep].clone());
    }
    let mut mentions: FastMap<&str, usize> = FastMap::default();
    let mut distinct: Vec<&str> = Vec::new();
    for n in names.iter() {
        let count = mentions.entry(n.as_str()).or_insert(0);
        if *count == 0 {
            distinct.push(n.as_str());
        }
        *count += 1;
    }
    // Each name of several words with its shape: its number of words and
    // of bytes of words.
    let multi: Vec<(&str, (usize, usize))> = distinct
        .iter()
        .map(|&n| (n, shape(n)))
        .filter(|&(_, (words, _))| words >= 2)
        .collect();
    // ASCII names with the same words have the same shape: a name whose
    // shape no other shares needs no word set. (A non-ASCII name may
    // lower-case to other lengths: then all get one.)
    let mut shapes: FastMap<(usize, usize), usize> = FastMap::default();
    let all_ascii = multi.iter().all(|(n, _)| n.is_ascii());
    if all_ascii {
        for &(_, shape) in &multi {
            *shapes.entry(shape).or_insert(0) += 1;
        }
    }
    let mut by_words: FastMap<String, &str> = FastMap::default();
    for &(n, shape) in &multi {
        if all_ascii && shapes[&shape] < 2 {
            continue;
        }
        let first = *by_words.entry(word_set(n)).or_insert(n);
        if first != n {
            renamed
                .entry(n.to_string())
                .or_insert_with(|| first.to_string());
        }
    }
    // The first word of each name of several words, split once.
    let first_words: Vec<(&str, &str)> = distinct
        .iter()
        .filter(|&&b| has_space(b))
        .map(|&b| (first_word(b), b))
        .collect();
    // Distinct names are few (tens per article), so comparing them pairwise is cheap.
    for (a_i, &a) in distinct.iter().enumerate() {
        for &b in &distinct[a_i + 1..] {
            if !misspelt(a, b) || renamed.contains_key(a) || renamed.contains_key(b) {
                continue;
            }
            // The form the article writes more often is the right one.
            let (keep, alias) = if mentions[b] > mentions[a] {
                (b, a)
            } else {
                (a, b)
            };
            renamed.insert(alias.to_string(), keep.to_string());
        }
        if renamed.contains_key(a) || has_space(a) || a.len() < 7 {
            continue;
        }
        // "Velmar" beside "Velmarr Electric": a short form of a misspelt name.
        let mut longer = first_words
            .iter()
            .filter(|&&(first, _)| first != a && one_edit_apart(a, first))
            .map(|&(_, b)| b);
        if let (Some(long), None) = (longer.next(), longer.next()) {
            renamed.insert(a.to_string(), long.to_string());
        }
    }
    if renamed.is_empty() {
        return;
    }
    for n in names.iter_mut() {
        // Follow a chain of renamings, at most as long as the map (no cycles).
        let mut steps = renamed.len();
        while let Some(to) = renamed.get(n.as_str()).filter(|_| steps > 0) {
            *n = to.clone();
            steps -= 1;
        }
    }
}

/// The length of " Word" when `rest` starts with a space and a capitalized word.
fn next_word(rest: &str) -> Option<usize> {
    let word = rest.strip_prefix(' ')?;
    let len = word
        .find(|c: char| !c.is_alphanumeric())
        .unwrap_or(word.len());
    (len > 1 && word.starts_with(|c: char| c.is_uppercase())).then_some(len + 1)
}

fn word_count(name: &str) -> usize {
    shape(name).0
}

/// The number of words of `name` and of bytes in them. An ASCII name is
/// read byte by byte: white space there is a space or a byte from tab to
/// carriage return, as for [`char::is_whitespace`].
fn shape(name: &str) -> (usize, usize) {
    if !name.is_ascii() {
        let words = name.split_whitespace();
        return (words.clone().count(), words.map(str::len).sum());
    }
    let space = |b: u8| matches!(b, b'\t'..=b'\r' | b' ');
    let (mut words, mut bytes, mut in_word) = (0, 0, false);
    for &b in name.as_bytes() {
        let word_byte = !space(b);
        words += usize::from(word_byte && !in_word);
        bytes += usize::from(word_byte);
        in_word = word_byte;
    }
    (words, bytes)
}

/// The lower-cased words of `name`, sorted: the same for any word order.
fn word_set(name: &str) -> String {
    let mut words: Vec<String> = name.split_whitespace().map(str::to_lowercase).collect();
    words.sort_unstable();
    words.join(" ")
}

/// Two long names one letter apart: a misspelling, not two organizations
/// ("Studio 4" and "Studio 5" differ by a digit and stay apart).
fn misspelt(a: &str, b: &str) -> bool {
    a.len() >= 8 && b.len() >= 8 && one_edit_apart(a, b)
}

/// True when `a` and `b` (ASCII) differ by one inserted, deleted, replaced
/// or swapped letter; a replaced digit does not count.
fn one_edit_apart(a: &str, b: &str) -> bool {
    // The lengths first: most pairs differ by more than a letter, and
    // then neither name need be scanned.
    if a.len().abs_diff(b.len()) > 1 || !a.is_ascii() || !b.is_ascii() || a == b {
        return false;
    }
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let i = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    match a.len().cmp(&b.len()) {
        std::cmp::Ordering::Less => a[i..] == b[i + 1..] && b[i].is_ascii_alphabetic(),
        std::cmp::Ordering::Greater => a[i + 1..] == b[i..] && a[i].is_ascii_alphabetic(),
        std::cmp::Ordering::Equal => {
            let replaced = a[i + 1..] == b[i + 1..]
                && a[i].is_ascii_alphabetic()
                && b[i].is_ascii_alphabetic();
            let swapped =
                i + 1 < a.len() && a[i] == b[i + 1] && a[i + 1] == b[i] && a[i + 2..] == b[i + 2..];
            replaced || swapped
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn merged(text: &str, mentions: &[(&str, &str)]) -> Vec<String> {
        let mut from = 0;
        let spans: Vec<(usize, usize)> = mentions
            .iter()
            .map(|&(m, _)| {
                let i = from + text[from..].find(m).unwrap();
                from = i + m.len();
                (i, i + m.len())
            })
            .collect();
        let mut names: Vec<String> = mentions.iter().map(|&(_, n)| n.to_string()).collect();
        merge(text, &spans, &mut names);
        names
    }

    #[test]
    fn shapes_count_the_words_split_at_white_space() {
        for n in [
            "Orvane Mitsu",
            " Orvane  Mitsu\t Bank ",
            "Orvane\u{b}Mitsu\u{c}\rBank\n",
            "Velmar",
            "",
            "  ",
            "Café Orvane\u{a0}Mitsu",
        ] {
            let words = n.split_whitespace();
            let expected = (words.clone().count(), words.map(str::len).sum());
            assert_eq!(shape(n), expected, "{n:?}");
        }
    }

    #[test]
    fn a_name_in_brackets_is_an_alias() {
        let t = "Shares of Orvane Mitsu Financial (OMFG) rose; OMFG said.";
        let m = [
            ("Orvane Mitsu", "Orvane Mitsu"),
            ("OMFG", "OMFG"),
            ("OMFG", "OMFG"),
        ];
        assert_eq!(merged(t, &m), ["Orvane Mitsu"; 3]);
        let t = "Velmar (Doctors of the Sea Fund) helps.";
        let m = [
            ("Velmar", "Velmar"),
            ("Doctors of the Sea Fund", "Doctors of the Sea Fund"),
        ];
        assert_eq!(merged(t, &m), ["Doctors of the Sea Fund"; 2]);
    }

    #[test]
    fn reordered_words_and_misspellings_merge() {
        let t = "Kelt Tobacco Monopoly Administration; the Kelt Tobacco Administration Monopoly.";
        let m = [
            (
                "Kelt Tobacco Monopoly Administration",
                "Kelt Tobacco Monopoly Administration",
            ),
            (
                "Kelt Tobacco Administration Monopoly",
                "Kelt Tobacco Administration Monopoly",
            ),
        ];
        assert_eq!(merged(t, &m), ["Kelt Tobacco Monopoly Administration"; 2]);
        let t = "BrandtMorvale, BrandtMorvale and BrantMorvale.";
        let m = [
            ("BrandtMorvale", "BrandtMorvale"),
            ("BrandtMorvale", "BrandtMorvale"),
            ("BrantMorvale", "BrantMorvale"),
        ];
        assert_eq!(merged(t, &m), ["BrandtMorvale"; 3]);
        let t = "Kastashiro Electric and Kashashiro.";
        let m = [
            ("Kastashiro Electric", "Kastashiro Electric"),
            ("Kashashiro", "Kashashiro"),
        ];
        assert_eq!(merged(t, &m), ["Kastashiro Electric"; 2]);
    }

    #[test]
    fn different_names_stay_apart() {
        let t = "Studio 4 and Studio 5 (Acme Tower) met Acmes.";
        let m = [("Studio 4", "Studio 4"), ("Studio 5", "Studio 5")];
        assert_eq!(merged(t, &m), ["Studio 4", "Studio 5"]);
        assert!(!one_edit_apart("Deutsche Bank", "Deutsche Bahn"));
        assert!(one_edit_apart("Worldcom", "WorldCom"));
    }
}
