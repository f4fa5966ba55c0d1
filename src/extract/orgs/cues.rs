//! Company contexts: a capitalized word the article puts where only a
//! company fits ("shares in Electrolux", "analysts at Nordea", "Oatly, the
//! Swedish oat-drink maker"). The tagger gets the finding as a document-wide
//! feature of the word, so its other mentions lean the same way.

use super::tokens::Span;

fn any(word: &str, list: &[&str]) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// Nouns that name what a company is, in an apposition after its name.
const COMPANY_NOUNS: &[&str] = &[
    "company",
    "firm",
    "maker",
    "manufacturer",
    "producer",
    "group",
    "bank",
    "lender",
    "insurer",
    "carrier",
    "airline",
    "retailer",
    "chain",
    "giant",
    "conglomerate",
    "supplier",
    "operator",
    "developer",
    "startup",
    "start-up",
    "broker",
    "brokerage",
    "publisher",
    "broadcaster",
    "utility",
    "miner",
    "automaker",
    "carmaker",
    "chipmaker",
    "subsidiary",
    "unit",
];

/// True when token `i` of `toks` (one sentence) stands in a company context.
pub fn company_context(text: &str, toks: &[Span], i: usize) -> bool {
    let word = |k: usize| &text[toks[k].clone()];
    if i >= 2 {
        let (p2, p1) = (word(i - 2), word(i - 1));
        let found = (any(p1, &["in", "of"]) && any(p2, &["shares", "stake", "stakes"]))
            || (p1 == "at" && any(p2, &["analyst", "analysts", "economist", "economists"]))
            || (p1 == "for" && any(p2, &["spokesman", "spokeswoman", "spokesperson"]))
            || (p1 == "of" && any(p2, &["subsidiary", "unit", "division", "shareholders"]));
        if found {
            return true;
        }
    }
    if i + 1 < toks.len() && any(word(i + 1), &["shares", "stock"]) {
        return true;
    }
    // "Oatly, the Swedish oat-drink maker": a comma, an article, a noun within five words.
    if i + 2 < toks.len() && word(i + 1) == "," && any(word(i + 2), &["the", "a", "an"]) {
        return (i + 3..toks.len().min(i + 8))
            .take_while(|&k| !matches!(word(k), "," | "." | ";"))
            .any(|k| any(word(k), COMPANY_NOUNS));
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::orgs::tokens::tokenize;

    fn cued(s: &str) -> Vec<&str> {
        let mut toks = Vec::new();
        tokenize(s, 0..s.len(), &mut toks);
        (0..toks.len())
            .filter(|&i| company_context(s, &toks, i))
            .map(|i| &s[toks[i].clone()])
            .collect()
    }

    #[test]
    fn finds_company_contexts() {
        assert_eq!(
            cued("Shares in Electrolux fell, analysts at Nordea said."),
            ["Electrolux", "Nordea"]
        );
        assert_eq!(cued("Oatly, the Swedish oat-drink maker, grew."), ["Oatly"]);
        assert!(cued("Smith, the former England captain, said.").is_empty());
    }
}
