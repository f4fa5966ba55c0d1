//! Product names the tagger takes for companies: a name between "the" (or a
//! possessive) and a product noun ("the Cell processor"), or before a model
//! number and a product noun ("Symbian's Series 60 software"). Once the
//! article uses a name so, its other bare mentions are the product too.

use regex::Regex;
use std::sync::LazyLock;

/// What follows a product name: an optional model number, then a product noun.
static PRODUCT_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern::regex(
        r"^(?:[ ]+[0-9][0-9.]*)?[ ]+(?:software|phones?|handsets?|smartphones?|processors?|chips?|consoles?|browser|operating system|apps?|tablets?|laptops?|edition|version)(?-u:\b)",
    )
    .expect("product pattern")
});

/// A product-noun match that starts with a model number: the name before
/// it may be a company's, but there it names a product line.
static NUMBERED: LazyLock<Regex> =
    LazyLock::new(|| crate::text::pattern::regex(r"^[ ]+[0-9]").expect("number pattern"));

/// True when the name at `text[s..e]` is used as a product's name there.
fn used_as_product(text: &str, s: usize, e: usize) -> bool {
    let Some(m) = PRODUCT_AFTER.find(&text[e..]) else {
        return false;
    };
    let before = text[..s].trim_end_matches(' ');
    NUMBERED.is_match(m.as_str())
        || before.ends_with("the")
        || before.ends_with("The")
        || before.ends_with("'s")
        || before.ends_with("’s")
}

/// Drops the spans whose name the article uses as a product somewhere.
pub fn drop_products(text: &str, spans: &mut Vec<(usize, usize)>) {
    let products: Vec<&str> = spans
        .iter()
        .filter(|&&(s, e)| used_as_product(text, s, e))
        .map(|&(s, e)| &text[s..e])
        .collect();
    if products.is_empty() {
        return;
    }
    let products: Vec<String> = products.into_iter().map(str::to_string).collect();
    spans.retain(|&(s, e)| !products.iter().any(|p| *p == text[s..e]));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kept(text: &str, names: &[&str]) -> Vec<String> {
        let mut spans: Vec<(usize, usize)> = names
            .iter()
            .flat_map(|n| text.match_indices(n).map(|(i, _)| (i, i + n.len())))
            .collect();
        drop_products(text, &mut spans);
        spans.iter().map(|&(s, e)| text[s..e].to_string()).collect()
    }

    #[test]
    fn product_uses_drop_every_mention() {
        let t = "Sony and IBM built the Cell processor. Cell could power TVs.";
        assert_eq!(kept(t, &["Sony", "IBM", "Cell"]), ["Sony", "IBM"]);
        let t = "Symbian's Series 60 software runs on Nokia phones.";
        assert_eq!(
            kept(t, &["Symbian", "Series", "Nokia"]),
            ["Symbian", "Nokia"]
        );
    }

    #[test]
    fn companies_before_product_nouns_stay() {
        let t = "Nokia phones sold well and Sendo software shipped.";
        assert_eq!(kept(t, &["Nokia", "Sendo"]), ["Nokia", "Sendo"]);
    }
}
