//! Names in brackets beside an organization name the same organization: an
//! acronym after its long form ("Northern Rail Board ( NRB )") or a long form
//! after its acronym ("NRB ( Northern Rail Board )"). The tagger may find
//! only one of the two.

use super::canonical::is_acronym_of;
use super::words::words;

/// The content of a bracket opening right after byte `e` ("X ( Y )" or
/// "X (Y)"): its byte range, when it is short and closed on the same line.
pub(super) fn bracket_after(text: &str, e: usize) -> Option<(usize, usize)> {
    let rest = &text[e..];
    let open = rest.strip_prefix(" (").or_else(|| rest.strip_prefix('('))?;
    let start = e + (rest.len() - open.len());
    let close = open.find(')').filter(|&i| i <= 80)?;
    let inner = &open[..close];
    if inner.contains('\n') || inner.contains('(') {
        return None;
    }
    let lead = inner.len() - inner.trim_start().len();
    let inner_end = start + inner.trim_end().len();
    (start + lead < inner_end).then_some((start + lead, inner_end))
}

/// The text before the bracket that `text[s..e]` fills whole ("X ( Y )" or
/// "X (Y)"), its trailing spaces trimmed.
pub(super) fn before_bracket(text: &str, s: usize, e: usize) -> Option<&str> {
    let open = text[..s]
        .strip_suffix("( ")
        .or_else(|| text[..s].strip_suffix('('))?;
    text[e..]
        .trim_start()
        .starts_with(')')
        .then(|| open.trim_end())
}

/// The long form before an acronym in brackets ("Northern Rail Board ( NRB")
/// and the acronym before a long form ("NRB ( Northern Rail Board"): the
/// spans of `spans` (byte ranges) whose bracketed partner is missing.
pub fn partners(text: &str, spans: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for &(s, e) in spans {
        let Some((bs, be)) = bracket_after(text, e) else {
            continue;
        };
        let (name, inner) = (&text[s..e], &text[bs..be]);
        let spells = is_acronym_of(inner, name) || is_acronym_of(name, inner);
        if spells && !spans.contains(&(bs, be)) && is_name(inner) {
            out.push((bs, be));
        }
    }
    for &(s, e) in spans {
        // The span is the bracket's content: look at the word before it.
        let Some(before) = before_bracket(text, s, e) else {
            continue;
        };
        let word_start = before
            .rfind(|c: char| c.is_whitespace())
            .map_or(0, |i| i + 1);
        let word = &before[word_start..];
        let span = (word_start, before.len());
        if !word.is_empty()
            && !spans.contains(&span)
            && is_acronym_of(word, &text[s..e])
            && word.chars().all(|c| c.is_ascii_uppercase() || c == '.')
        {
            out.push(span);
        } else if let Some(start) = long_form_before(before, &text[s..e]) {
            // "Kroenke Sports & Entertainment (KSE)": the tagger found only the acronym.
            let span = (start, before.len());
            if !spans.contains(&span) {
                out.push(span);
            }
        }
    }
    out
}

/// The start of the capitalized words right before `before`'s end whose
/// initials spell `acronym` ("Kroenke Sports & Entertainment" for "KSE"),
/// small words between them allowed.
fn long_form_before(before: &str, acronym: &str) -> Option<usize> {
    let letters = super::canonical::acronym_letters(acronym)?;
    if !acronym.chars().all(|c| c.is_ascii_uppercase() || c == '.') {
        return None;
    }
    let mut wanted = letters.chars().count();
    let mut end = before.len();
    while wanted > 0 {
        let start = before[..end]
            .rfind(|c: char| c.is_whitespace())
            .map_or(0, |i| i + 1);
        let word = &before[start..end];
        if word.starts_with(|c: char| c.is_uppercase()) {
            wanted -= 1;
            if wanted == 0 {
                let long = &before[start..];
                return (is_name(long) && is_acronym_of(acronym, long)).then_some(start);
            }
        } else if wanted == letters.chars().count()
            || !matches!(word, "and" | "of" | "for" | "the" | "de" | "&")
        {
            return None;
        }
        if start == 0 {
            return None;
        }
        end = before[..start].trim_end().len();
    }
    None
}

/// Capitalized words (small words between them), no digits: a name.
fn is_name(inner: &str) -> bool {
    inner.starts_with(|c: char| c.is_uppercase())
        && !inner.contains(|c: char| c.is_ascii_digit())
        && words(inner).all(|w| {
            w.starts_with(|c: char| c.is_uppercase())
                || matches!(w, "and" | "of" | "for" | "the" | "de" | "&")
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str, names: &[&str]) -> Vec<String> {
        let spans: Vec<(usize, usize)> = names
            .iter()
            .map(|n| {
                let i = text.find(n).unwrap();
                (i, i + n.len())
            })
            .collect();
        partners(text, &spans)
            .into_iter()
            .map(|(s, e)| text[s..e].to_string())
            .collect()
    }

    #[test]
    fn acronyms_and_long_forms_in_brackets() {
        let t = "The Northern Rail Board ( NRB ) met.";
        assert_eq!(found(t, &["Northern Rail Board"]), ["NRB"]);
        let t = "The NRB (Northern Rail Board) met.";
        assert_eq!(found(t, &["NRB"]), ["Northern Rail Board"]);
        let t = "The NRB ( Northern Rail Board ) met.";
        assert_eq!(found(t, &["Northern Rail Board"]), ["NRB"]);
        let t = "It joined Hartley Motors & Engineering (HME) last year.";
        assert_eq!(found(t, &["HME"]), ["Hartley Motors & Engineering"]);
        let t = "a deal with the Bank of Northern Counties (BNC) and";
        assert_eq!(found(t, &["BNC"]), ["Bank of Northern Counties"]);
    }

    #[test]
    fn other_brackets_add_nothing() {
        assert!(found("Acme ( Italy ) 92", &["Acme"]).is_empty());
        assert!(found("Acme (ACM.N) rose", &["Acme"]).is_empty());
        assert!(found("Acme Corp ( AC ) rose", &["Acme Corp", "AC"]).is_empty());
        // The words before the bracket do not spell the acronym.
        assert!(found("with Kappa Sigma Holdings (KSE) today", &["KSE"]).is_empty());
        assert!(found("sold to the group (KSE) today", &["KSE"]).is_empty());
    }
}
