//! Second opinions on the tagger's entity types, read off the whole article:
//! a one-word name the tagger took for a person or place is a company's
//! when the article puts it where only a company fits ("a stake in Sina",
//! "an analyst at Brightwater"), unless the article names a person with it.

use super::features::Prepared;
use std::collections::HashSet;

/// Lower-cased words that stand in a company context somewhere in the
/// article ([`Prepared::company_context`]).
fn cued_words(text: &str, p: &Prepared) -> HashSet<String> {
    let mut out = HashSet::new();
    for s in &p.sentences {
        let toks = &p.tokens[s.clone()];
        let cued_here = &p.company_context[s.clone()];
        for (i, t) in toks.iter().enumerate() {
            let w = &text[t.clone()];
            // Places fit some of the contexts too: "a stake in Russia",
            // "the Milan stock market", "Budapest was up".
            let word = |k: usize| toks.get(k).map_or("", |t| &text[t.clone()]);
            let after_in = || i > 0 && word(i - 1).eq_ignore_ascii_case("in");
            let market = || {
                matches!(word(i + 1), "stock" | "Stock" | "shares" | "was" | "were")
                    || matches!(word(i + 2), "market" | "exchange" | "Exchange" | "index")
            };
            if w.starts_with(|c: char| c.is_uppercase())
                && w.chars().all(char::is_alphanumeric)
                && w.chars().any(char::is_lowercase)
                && !after_in()
                && !market()
                && !is_month(w)
                && cued_here[i]
            {
                out.insert(w.to_lowercase());
            }
        }
    }
    out
}

fn is_month(w: &str) -> bool {
    matches!(
        w,
        "January"
            | "February"
            | "March"
            | "April"
            | "May"
            | "June"
            | "July"
            | "August"
            | "September"
            | "October"
            | "November"
            | "December"
    )
}

/// Byte spans of the one-word person and place entities (`typed`: start,
/// end, type; 1 = person, 2 = place) that the article shows to be companies.
pub fn companies(text: &str, p: &Prepared, typed: &[(usize, usize, u8)]) -> Vec<(usize, usize)> {
    let one_word = |s: usize, e: usize| !text[s..e].contains(' ');
    if !typed
        .iter()
        .any(|&(s, e, k)| matches!(k, 1 | 2) && one_word(s, e))
    {
        return Vec::new();
    }
    let cued = cued_words(text, p);
    if cued.is_empty() {
        return Vec::new();
    }
    // "Lear" is a person's name where the article writes "John Lear".
    let surnames: HashSet<String> = typed
        .iter()
        .filter(|&&(s, e, k)| k == 1 && !one_word(s, e))
        .filter_map(|&(s, e, _)| text[s..e].rsplit(' ').next())
        .map(str::to_lowercase)
        .collect();
    typed
        .iter()
        .filter(|&&(s, e, k)| matches!(k, 1 | 2) && one_word(s, e))
        .filter(|&&(s, e, _)| {
            let w = text[s..e].to_lowercase();
            cued.contains(&w) && !surnames.contains(&w)
        })
        .map(|&(s, e, _)| (s, e))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Document;

    fn retyped(text: &str, typed: &[(&str, u8)]) -> Vec<String> {
        let doc = Document::new(text);
        let p = Prepared::new(&doc, &[]);
        let spans: Vec<(usize, usize, u8)> = typed
            .iter()
            .flat_map(|&(w, k)| {
                text.match_indices(w)
                    .map(move |(i, _)| (i, i + w.len(), k))
                    .collect::<Vec<_>>()
            })
            .collect();
        companies(text, &p, &spans)
            .into_iter()
            .map(|(s, e)| text[s..e].to_string())
            .collect()
    }

    #[test]
    fn company_contexts_retype_every_mention() {
        let t = "Shares of Sina fell. Sina said profits rose.";
        assert_eq!(retyped(t, &[("Sina", 2)]), ["Sina", "Sina"]);
    }

    #[test]
    fn people_named_in_full_keep_their_type() {
        let t = "John Lear said. A spokesman for Lear agreed.";
        assert!(retyped(t, &[("John Lear", 1), ("Lear", 1)]).is_empty());
        let t = "Sina rose. Jones went home.";
        assert!(retyped(t, &[("Sina", 2)]).is_empty());
    }
}
