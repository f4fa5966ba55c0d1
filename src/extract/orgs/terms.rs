//! Acronyms the article defines as a common noun phrase or a product: "a
//! digital archive system (DAS)", "the Kelvin Desk Adapter
//! (KDA)". Such an acronym names a thing, not an organization, wherever
//! the article writes it.

use super::brackets::before_bracket;
use super::canonical::{initials, is_acronym_of};
use super::products::has_product_head;

/// The texts of the acronyms among `spans` (byte ranges into `text`) that
/// the article defines in brackets after a lower-case phrase or a product
/// name.
pub fn defined_terms<'t>(text: &'t str, spans: &[(usize, usize)]) -> Vec<&'t str> {
    let mut out: Vec<&str> = Vec::new();
    for &(s, e) in spans {
        let acronym = &text[s..e];
        if acronym.len() < 2 || !acronym.bytes().all(|b| b.is_ascii_uppercase()) {
            continue;
        }
        let Some(before) = before_bracket(text, s, e) else {
            continue;
        };
        if out.contains(&acronym) {
            continue;
        }
        if let Some(long) = long_form(before, acronym) {
            let lower = long.split(' ').all(|w| !w.starts_with(char::is_uppercase));
            if lower || has_product_head(long) {
                out.push(acronym);
            }
        }
    }
    out
}

/// The shortest run of words ending `before` that `acronym` abbreviates
/// ([`is_acronym_of`]), when there is one.
fn long_form<'t>(before: &'t str, acronym: &str) -> Option<&'t str> {
    before
        .match_indices(' ')
        .map(|(i, _)| i + 1)
        .rev()
        .chain([0])
        .map(|start| &before[start..])
        .take_while(|long| initials(long).len() <= acronym.len())
        .find(|long| is_acronym_of(acronym, long))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(text: &str, acronym: &str) -> Vec<String> {
        let s = text.find(&format!("({acronym}")).unwrap() + 1;
        defined_terms(text, &[(s, s + acronym.len())])
            .into_iter()
            .map(str::to_string)
            .collect()
    }

    #[test]
    fn acronyms_of_common_nouns_and_products_are_terms() {
        let t = "stored by the digital archive system (DAS) of the library";
        assert_eq!(terms(t, "DAS"), ["DAS"]);
        let t = "The Kelvin Desk Adapter (KDA) helps.";
        assert_eq!(terms(t, "KDA"), ["KDA"]);
    }

    #[test]
    fn acronyms_of_names_stay() {
        assert!(terms("the Northern Rail Board (NRB) met", "NRB").is_empty());
        assert!(terms("a deal with Acme (ACM) and others", "ACM").is_empty());
        assert!(terms("the new rules (NRB) apply", "NRB").is_empty());
    }
}
