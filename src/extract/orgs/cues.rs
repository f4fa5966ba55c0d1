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
    "provider",
    "vendor",
    "specialist",
    "rival",
];

/// Verbs of buying and selling companies: "Zentrix acquires Morvale".
const DEAL_VERBS: &[&str] = &[
    "acquires", "acquired", "acquire", "buys", "bought", "buy", "merges", "merged",
];

/// Words that end a phrase "<word> of|in|for|at|with <name>" where the name
/// is a company's: "shares in Electrolux", "acquisition of Boatmen's",
/// "analysts at Nordea", "spokesman for Lear", "merger with Magna".
const BEFORE_PREPOSITION: &[(&str, &[&str])] = &[
    (
        "of",
        &[
            "shares",
            "stake",
            "stakes",
            "subsidiary",
            "unit",
            "division",
            "shareholders",
            "acquisition",
            "takeover",
            "purchase",
            "executive",
            "chairman",
            "founder",
            "customers",
            "owner",
        ],
    ),
    ("in", &["shares", "stake", "stakes", "investment"]),
    (
        "at",
        &[
            "analyst",
            "analysts",
            "economist",
            "economists",
            "strategist",
            "strategists",
            "trader",
            "traders",
        ],
    ),
    (
        "for",
        &["spokesman", "spokeswoman", "spokesperson", "bid", "offer"],
    ),
    ("with", &["merger", "partnership", "venture"]),
    ("by", &["owned", "acquired", "bought", "controlled", "made"]),
];

/// What a company's name is followed by: "Electrolux shares", "Lear
/// spokesman", "Magna 's shareholders".
const AFTER_NAME: &[&str] = &[
    "shares",
    "stock",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "shareholders",
];

/// What a company's possessive is followed by: "Magna 's board".
const AFTER_POSSESSIVE: &[&str] = &[
    "shares",
    "stock",
    "board",
    "shareholders",
    "subsidiary",
    "unit",
    "profit",
    "profits",
    "revenue",
    "revenues",
    "earnings",
    "sales",
    "share",
    "chief",
    "chairman",
    "customers",
    "headquarters",
];

/// True when token `i` of `toks` (one sentence) stands in a company context;
/// `classes`: the [`cue_words`] classes of the sentence's words, which rule
/// out at once the rules whose cue word is not beside the token.
pub fn company_context(text: &str, toks: &[Span], classes: &[u8], i: usize) -> bool {
    let word = |k: usize| &text[toks[k].clone()];
    let next = |d: usize| (i + d < toks.len()).then(|| word(i + d));
    let class = |k: usize| classes.get(k).copied().unwrap_or(0);
    let (before, after) = (class(i.wrapping_sub(1)), class(i + 1));
    if i >= 1 {
        let p1 = word(i - 1);
        // "Ohio-based Magna", "Zentrix buys Morvale".
        if p1.ends_with("-based") || (before & DEAL != 0 && any(p1, DEAL_VERBS)) {
            return true;
        }
    }
    if after & DEAL != 0 && next(1).is_some_and(|n| any(n, DEAL_VERBS)) {
        return true;
    }
    if i >= 2 && before & PREPOSITION != 0 {
        let (p2, p1) = (word(i - 2), word(i - 1));
        if BEFORE_PREPOSITION
            .iter()
            .any(|(prep, heads)| p1.eq_ignore_ascii_case(prep) && any(p2, heads))
        {
            return true;
        }
    }
    if after & (AFTER_NAME_WORD | POSSESSIVE | WAS | SAID) != 0 {
        match (next(1), next(2)) {
            (Some(n1), _) if after & AFTER_NAME_WORD != 0 && any(n1, AFTER_NAME) => return true,
            (Some("'s" | "’s"), Some(n2)) if any(n2, AFTER_POSSESSIVE) => return true,
            (Some("was" | "were"), Some("up" | "down")) => return true,
            (Some("said"), Some("it" | "its")) => return true,
            _ => {}
        }
    }
    if after & COMMA == 0 {
        return false;
    }
    // "Velmar, one of the world's largest security groups": a plural company noun.
    if i + 3 < toks.len() && word(i + 1) == "," && word(i + 2) == "one" && word(i + 3) == "of" {
        let plural = |w: &str| {
            w.eq_ignore_ascii_case("companies")
                || w.strip_suffix('s').is_some_and(|s| any(s, COMPANY_NOUNS))
        };
        return (i + 4..toks.len().min(i + 16))
            .take_while(|&k| !matches!(word(k), "," | "." | ";"))
            .any(|k| plural(word(k)));
    }
    // "Oatly, the Swedish oat-drink maker": a comma, an article, a noun within five words.
    if i + 2 < toks.len() && word(i + 1) == "," && any(word(i + 2), &["the", "a", "an"]) {
        return (i + 3..toks.len().min(i + 8))
            .take_while(|&k| !matches!(word(k), "," | "." | ";"))
            .any(|k| any(word(k), COMPANY_NOUNS));
    }
    false
}

/// Titles written before a person's name.
const PERSON_TITLES: &[&str] = &[
    "mr",
    "mr.",
    "mrs",
    "mrs.",
    "ms",
    "ms.",
    "dr",
    "dr.",
    "sir",
    "president",
    "senator",
    "sen.",
    "governor",
    "gov.",
    "judge",
    "prince",
    "princess",
    "king",
    "queen",
    "minister",
    "premier",
    "coach",
    "striker",
    "midfielder",
    "defender",
    "goalkeeper",
    "pope",
    "rev.",
    "general",
    "gen.",
    "colonel",
    "col.",
    "captain",
    "lord",
    "lady",
];

/// True when token `i` of `toks` (one sentence) stands where a person's name
/// does: after a title ("Mr Fitzpatrick", "President Bill Clinton"), before
/// an age (", 45 ,") or before "said he|she"; `classes` as in [`company_context`].
pub fn person_context(text: &str, toks: &[Span], classes: &[u8], i: usize) -> bool {
    let word = |k: usize| &text[toks[k].clone()];
    let class = |k: usize| classes.get(k).copied().unwrap_or(0);
    let capitalized = |k: usize| word(k).starts_with(|c: char| c.is_uppercase());
    if i >= 1 && class(i - 1) & TITLE != 0 && any(word(i - 1), PERSON_TITLES) {
        return true;
    }
    if i >= 2 && class(i - 2) & TITLE != 0 && capitalized(i - 1) && any(word(i - 2), PERSON_TITLES)
    {
        return true;
    }
    if class(i + 1) & (COMMA | SAID) == 0 {
        return false;
    }
    let next = |d: usize| (i + d < toks.len()).then(|| word(i + d));
    match (next(1), next(2)) {
        (Some(","), Some(n2)) => {
            n2.len() <= 2 && n2.bytes().all(|b| b.is_ascii_digit()) && next(3) == Some(",")
        }
        (Some("said"), Some(n2)) => any(n2, &["he", "she", "his", "her"]),
        _ => false,
    }
}

/// [`cue_words`] class of a verb of buying or selling companies, a cue
/// before a name and after it.
pub const DEAL: u8 = 1;
/// [`cue_words`] class of a preposition of [`BEFORE_PREPOSITION`], a cue before a name.
pub const PREPOSITION: u8 = 2;
/// [`cue_words`] class of a title, a cue one or two words before a name.
pub const TITLE: u8 = 4;
/// [`cue_words`] class of a word of [`AFTER_NAME`], a cue after a name.
pub const AFTER_NAME_WORD: u8 = 8;
/// [`cue_words`] class of a possessive, a cue after a name.
pub const POSSESSIVE: u8 = 16;
/// [`cue_words`] class of "was" and "were", a cue after a name.
pub const WAS: u8 = 32;
/// [`cue_words`] class of "said", a cue after a name.
pub const SAID: u8 = 64;
/// [`cue_words`] class of a comma, a cue after a name.
pub const COMMA: u8 = 128;

/// The classes that make a cue when they stand just before a name.
pub const BEFORE: u8 = DEAL | PREPOSITION | TITLE;
/// The classes that make a cue when they stand just after a name.
pub const AFTER: u8 = DEAL | AFTER_NAME_WORD | POSSESSIVE | WAS | SAID | COMMA;

/// Every word the cues look for next to a name, with its class (a word
/// may come more than once): one of them must stand beside a token for
/// [`company_context`] or [`person_context`] to hold, see [`possible`].
pub fn cue_words() -> impl Iterator<Item = (&'static str, u8)> {
    let classed =
        |words: &'static [&'static str], class: u8| words.iter().map(move |&w| (w, class));
    classed(DEAL_VERBS, DEAL)
        .chain(
            BEFORE_PREPOSITION
                .iter()
                .map(|&(prep, _)| (prep, PREPOSITION)),
        )
        .chain(classed(PERSON_TITLES, TITLE))
        .chain(classed(AFTER_NAME, AFTER_NAME_WORD))
        .chain(classed(&["'s", "’s"], POSSESSIVE))
        .chain(classed(&["was", "were"], WAS))
        .chain(classed(&["said"], SAID))
        .chain(classed(&[","], COMMA))
}

/// False when neither [`company_context`] nor [`person_context`] can hold
/// for token `i` of `toks`, given the [`cue_words`] classes of the
/// sentence's words (a superset is fine: 0 only for words that are none of
/// them). Most capitalized words stand beside no cue word at all.
pub fn possible(text: &str, toks: &[Span], classes: &[u8], i: usize) -> bool {
    (i >= 1 && (classes[i - 1] & BEFORE != 0 || text[toks[i - 1].clone()].ends_with("-based")))
        || classes.get(i + 1).is_some_and(|c| c & AFTER != 0)
        || (i >= 2 && classes[i - 2] & TITLE != 0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::orgs::tokens::tokenize;

    fn cued(s: &str) -> Vec<&str> {
        let mut toks = Vec::new();
        tokenize(s, 0..s.len(), &mut toks);
        let classes = word_classes(s, &toks);
        (0..toks.len())
            .filter(|&i| company_context(s, &toks, &classes, i))
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
        assert_eq!(
            cued("Velmar, one of the world's largest security groups, grew."),
            ["Velmar"]
        );
        assert!(cued("Ann Reed, one of the company's directors, said.").is_empty());
        assert_eq!(
            cued("Ontario-based Magna was up 1/8 after the acquisition of Lear."),
            ["Magna", "Lear"]
        );
        assert_eq!(
            cued("Zentrix acquires Morvale, said Toyota."),
            ["Zentrix", "Morvale"]
        );
    }

    #[test]
    fn finds_person_contexts() {
        let s = "Mr Barry Fitzpatrick said he met Jones , 45 , and Acme said it would.";
        let mut toks = Vec::new();
        tokenize(s, 0..s.len(), &mut toks);
        let classes = word_classes(s, &toks);
        let found: Vec<&str> = (0..toks.len())
            .filter(|&i| person_context(s, &toks, &classes, i))
            .map(|i| &s[toks[i].clone()])
            .collect();
        assert_eq!(found, ["Barry", "Fitzpatrick", "Jones"]);
    }

    /// Each word's [`cue_words`] classes, looked up by its exact text.
    fn word_classes(s: &str, toks: &[Span]) -> Vec<u8> {
        toks.iter()
            .map(|t| {
                cue_words()
                    .filter(|(w, _)| w.eq_ignore_ascii_case(&s[t.clone()]))
                    .fold(0, |c, (_, k)| c | k)
            })
            .collect()
    }

    /// [`possible`] with each word's classes looked up by its exact text.
    fn possibly_cued(s: &str) -> (Vec<bool>, Vec<bool>) {
        let mut toks = Vec::new();
        tokenize(s, 0..s.len(), &mut toks);
        let classes = word_classes(s, &toks);
        let everything = vec![u8::MAX; toks.len()];
        let both = (0..toks.len())
            .map(|i| {
                let found =
                    company_context(s, &toks, &classes, i) || person_context(s, &toks, &classes, i);
                // The classes only rule out rules that cannot hold.
                let unclassed = company_context(s, &toks, &everything, i)
                    || person_context(s, &toks, &everything, i);
                assert_eq!(found, unclassed, "{s}: token {i}");
                found
            })
            .collect();
        let gate = (0..toks.len())
            .map(|i| possible(s, &toks, &classes, i))
            .collect();
        (both, gate)
    }

    #[test]
    fn every_cue_passes_the_gate() {
        for s in [
            "Shares in Electrolux fell, analysts at Nordea said.",
            "Oatly, the Swedish oat-drink maker, grew.",
            "Velmar, one of the world's largest security groups, grew.",
            "Ontario-based Magna was up 1/8 after the acquisition of Lear.",
            "Zentrix acquires Morvale, said Toyota. Lear spokesman Ray Magna 's board",
            "Mr Barry Fitzpatrick said he met Jones , 45 , and Acme said it would.",
            "President Bill Clinton met Sen. Dole and Acme said its profit rose.",
        ] {
            let (both, gate) = possibly_cued(s);
            assert!(both.iter().any(|&b| b), "{s}");
            for (i, (&b, &g)) in both.iter().zip(&gate).enumerate() {
                assert!(!b || g, "{s}: token {i}");
            }
        }
        let (_, gate) = possibly_cued("Acme grew fast last year");
        assert_eq!(gate, [false, false, false, false, false]);
    }
}
