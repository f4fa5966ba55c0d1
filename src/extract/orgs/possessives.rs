//! Company names with a possessive ("Acme 's Stores Inc.", a founder's shop
//! grown into a company): the tagger splits them at the "'s". Where the
//! article writes the full name, its "Acme 's" mentions are the company too.

use super::is_legal_form;
use super::words::last_word;

/// The possessive right after byte `e`, as written ("'s", " 's", "’s").
fn possessive_after(text: &str, e: usize) -> Option<usize> {
    let rest = &text[e..];
    ["'s", " 's", "’s", " ’s"]
        .iter()
        .find(|p| {
            rest.strip_prefix(**p)
                .is_some_and(|r| !r.starts_with(|c: char| c.is_alphanumeric()))
        })
        .map(|p| e + p.len())
}

/// Joins "Acme" + "'s" + "Stores Inc." into one name when the second part
/// ends with a legal form, and extends the article's other "Acme" mentions
/// followed by a possessive over it. `spans` are sorted by start.
pub fn join<T: Copy>(text: &str, spans: &mut Vec<(usize, usize, Option<T>)>) {
    let mut stems: Vec<&str> = Vec::new();
    let mut k = 0;
    while k + 1 < spans.len() {
        let (s, e, _) = spans[k];
        let (ns, ne, _) = spans[k + 1];
        // Spans may overlap (the next starting inside this one): then
        // there is no gap to join across.
        let joined = possessive_after(text, e)
            .and_then(|p| text.get(p..ns))
            .is_some_and(|gap| gap.trim().is_empty())
            && is_legal_form(last_word(&text[ns..ne]));
        if joined {
            stems.push(&text[s..e]);
            spans[k] = (s, ne, None);
            spans.remove(k + 1);
        }
        k += 1;
    }
    if stems.is_empty() {
        return;
    }
    for span in spans.iter_mut() {
        if stems.contains(&&text[span.0..span.1]) {
            if let Some(p) = possessive_after(text, span.1) {
                span.1 = p;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn possessive_names_join_and_spread() {
        let t = "Bids for Acme 's Stores Inc. rose . Acme 's board met . Acme said .";
        let at = |n: &str, from: usize| {
            let i = from + t[from..].find(n).unwrap();
            (i, i + n.len(), None::<()>)
        };
        let mut spans = vec![
            at("Acme", 0),
            at("Stores Inc.", 0),
            at("Acme", 30),
            at("Acme", 50),
        ];
        join(t, &mut spans);
        let got: Vec<&str> = spans.iter().map(|&(s, e, _)| &t[s..e]).collect();
        assert_eq!(got, ["Acme 's Stores Inc.", "Acme 's", "Acme"]);
    }

    #[test]
    fn possessives_before_other_words_stay_apart() {
        let t = "Acme's chief praised Globex Inc.";
        let mut spans = vec![
            (0, 4, None::<()>),
            (t.find("Globex").unwrap(), t.len(), None),
        ];
        join(t, &mut spans);
        assert_eq!(spans.len(), 2);
    }

    #[test]
    fn overlapping_spans_are_left_alone() {
        // A span starting inside the one before it, past its possessive.
        let t = "ads for Acme Radio's Morning Show Inc. ran";
        let radio = t.find("Radio").unwrap();
        let mut spans = vec![(8, radio + 5, None::<()>), (radio, t.len() - 4, None)];
        join(t, &mut spans);
        assert_eq!(spans, [(8, radio + 5, None), (radio, t.len() - 4, None)]);
    }
}
