//! People the tagger takes for organizations: a name after a job title
//! written as an acronym ("Netography CEO Dana Reyes"), or before an
//! apposition that gives a person's job ("Dana Reyes, a fund manager with
//! Acme", "Li Wen, president of the broadcaster").

use super::words::{word_count, word_ending, words};

/// Job titles written as acronyms before a person's name.
const TITLE_ACRONYMS: &[&str] = &["CEO", "CFO", "COO", "CTO", "CIO", "CMO"];

/// Nouns that end a job description in an apposition after a person's name.
const JOBS: &[&str] = &[
    "manager",
    "analyst",
    "director",
    "president",
    "executive",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "economist",
    "professor",
    "chairman",
    "chairwoman",
    "founder",
    "editor",
    "officer",
    "strategist",
    "researcher",
    "consultant",
];

/// True when the name at `text[s..e]`, of two or three capitalized words,
/// is written where a person's name goes.
pub fn written_as_person(text: &str, s: usize, e: usize) -> bool {
    let name = &text[s..e];
    if !(2..=3).contains(&word_count(name))
        || !words(name).all(|w| {
            w.starts_with(|c: char| c.is_uppercase()) && w.chars().all(char::is_alphabetic)
        })
    {
        return false;
    }
    let before = text[..s].trim_end_matches(' ');
    let title = TITLE_ACRONYMS.contains(&word_ending(before));
    title || job_after(&text[e..])
}

/// True when `rest` opens with an apposition naming a job: ", a fund
/// manager with", ", president of" (an article and up to three words before
/// the job noun, which "of", "at", "with" or "for" follows).
fn job_after(rest: &str) -> bool {
    let Some(rest) = rest.strip_prefix(", ").or_else(|| rest.strip_prefix(" , ")) else {
        return false;
    };
    let mut words = rest.split(' ').peekable();
    if words
        .peek()
        .is_some_and(|w| matches!(*w, "a" | "an" | "the"))
    {
        words.next();
    }
    let words: Vec<&str> = words.take(5).collect();
    words
        .windows(2)
        .take(4)
        .any(|w| JOBS.contains(&w[0]) && matches!(w[1], "of" | "at" | "with" | "for"))
        && words
            .iter()
            .take_while(|w| !JOBS.contains(w))
            .all(|w| w.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(text: &str, name: &str) -> bool {
        let s = text.find(name).unwrap();
        written_as_person(text, s, s + name.len())
    }

    #[test]
    fn job_titles_and_appositions_name_people() {
        assert!(person(
            "led by Zentrix CEO Dana Reyes to be sold",
            "Dana Reyes"
        ));
        assert!(person(
            "said JJ Morvan, a fund manager with Acme Fund.",
            "JJ Morvan"
        ));
        assert!(person(
            "Li Wen, president of the broadcaster, said",
            "Li Wen"
        ));
    }

    #[test]
    fn companies_stay() {
        assert!(!person(
            "said Acme Partners, a unit of Zentrix.",
            "Acme Partners"
        ));
        assert!(!person("CEO Acme Corp. said", "Acme Corp."));
        assert!(!person(
            "Velmar Bank, the biggest lender in Oslo",
            "Velmar Bank"
        ));
    }
}
