//! Government departments named by their portfolio ("the Foreign Ministry",
//! "the Trade Ministry said", "the Department of Roads and Harbours"):
//! institutions the tagger, which reads the portfolio word as an ordinary
//! adjective, tends to miss or cut.

use regex::Regex;
use std::sync::LazyLock;

/// A capitalized portfolio word before "Ministry" or "Department", or
/// after "Ministry of" or "Department of" (two joined by "and").
static PORTFOLIO_MINISTRY: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern::regex(
        r"(?-u:\b)(?:(?:Foreign|Interior|Defen[cs]e|Finance|Economy|Economics|Trade|Justice|Health|Education|Agriculture|Industry|Energy|Labou?r|Transport|Communications|Information|Culture|Environment|Home|Oil|Commerce|Treasury|State|Fisheries|Housing|Tourism|Telecommunications)[ ]+(?:Ministry|Department)|(?:Ministry|Department)[ ]+of[ ]+(?:the[ ]+)?[A-Z][a-z]+(?:,?[ ]+(?:and|&)[ ]+[A-Z][a-z]+)?)(?-u:\b)",
    )
    .expect("ministry pattern")
});

/// Byte spans of the ministries named by portfolio in `text`.
pub fn find(text: &str) -> Vec<(usize, usize)> {
    if !text.contains("Ministry") && !text.contains("Department") {
        return Vec::new();
    }
    PORTFOLIO_MINISTRY
        .find_iter(text)
        .map(|m| (m.start(), m.end()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ministries_by_portfolio() {
        let t = "The Ruritanian Foreign Ministry said the State Department agreed.";
        let got: Vec<&str> = find(t).into_iter().map(|(s, e)| &t[s..e]).collect();
        assert_eq!(got, ["Foreign Ministry", "State Department"]);
        let t = "staff at the Department of Roads and Harbours left";
        let got: Vec<&str> = find(t).into_iter().map(|(s, e)| &t[s..e]).collect();
        assert_eq!(got, ["Department of Roads and Harbours"]);
        assert!(find("a foreign ministry official").is_empty());
    }
}
