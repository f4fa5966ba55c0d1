//! Acronyms the article defines as a common noun phrase or a product: "a
//! digital archive system (DAS)", "the Kelvin Desk Adapter
//! (KDA)". Such an acronym names a thing, not an organization, wherever
//! the article writes it.

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
        let Some(open) = text[..s]
            .strip_suffix("( ")
            .or_else(|| text[..s].strip_suffix('('))
        else {
            continue;
        };
        if !text[e..].trim_start_matches(' ').starts_with(')') || out.contains(&acronym) {
            continue;
        }
        if let Some(long) = long_form(open.trim_end(), acronym) {
            let lower = long.split(' ').all(|w| !w.starts_with(char::is_uppercase));
            if lower || has_product_head(long) {
                out.push(acronym);
            }
        }
    }
    out
}

/// The words at the end of `before` whose initials spell `acronym` (small
/// words skipped), when there are such words.
fn long_form<'t>(before: &'t str, acronym: &str) -> Option<&'t str> {
    let mut letters = acronym.bytes().rev();
    let mut start = before.len();
    let mut want = letters.next();
    for (i, word) in before.rsplit(' ').scan(before.len(), |end, w| {
        let start = *end - w.len();
        *end = start.saturating_sub(1);
        Some((start, w))
    }) {
        let Some(letter) = want else {
            break;
        };
        if matches!(
            word,
            "and" | "of" | "for" | "the" | "de" | "&" | "to" | "on"
        ) {
            continue;
        }
        if !word.as_bytes().first()?.eq_ignore_ascii_case(&letter) {
            return None;
        }
        start = i;
        want = letters.next();
    }
    (want.is_none() && start < before.len()).then(|| &before[start..])
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
