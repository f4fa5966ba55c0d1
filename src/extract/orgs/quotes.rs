//! Typographic quotes rewritten as the ASCII ones of the tagger's training
//! text (CoNLL-2003 writes `'s` and `"`), byte offsets kept: web pages write
//! "Check Point’s" and “Acme”, which the tagger has never seen.

/// The text with curly quotes made ASCII and padded with spaces to the same
/// byte length, or `None` when it has none. A possessive "’s" becomes
/// "  's" (its own token, as in CoNLL); an apostrophe inside a word
/// ("O’Brien") is left alone.
pub fn ascii_quotes(text: &str) -> Option<String> {
    if !text.contains(['’', '‘', '“', '”']) {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let chars = text.char_indices();
    let mut prev = '\0';
    for (i, c) in chars {
        match c {
            '’' => {
                let rest = &text[i + c.len_utf8()..];
                let possessive = prev.is_alphanumeric()
                    && rest.starts_with(['s', 'S'])
                    && !rest[1..].starts_with(char::is_alphanumeric);
                if possessive {
                    out.push_str("  '");
                } else if prev.is_alphanumeric() && rest.starts_with(char::is_alphanumeric) {
                    out.push(c);
                } else {
                    out.push_str("'  ");
                }
            }
            '‘' => out.push_str("  '"),
            '“' => out.push_str("  \""),
            '”' => out.push_str("\"  "),
            _ => out.push(c),
        }
        prev = c;
    }
    debug_assert_eq!(out.len(), text.len());
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn curly_quotes_become_ascii_tokens_at_the_same_offsets() {
        let t = "Check Point’s deal with “Lakera” and O’Brien’s ‘plan’.";
        let a = ascii_quotes(t).unwrap();
        assert_eq!(a.len(), t.len());
        assert_eq!(
            a,
            "Check Point  's deal with   \"Lakera\"   and O’Brien  's   'plan'  ."
        );
        assert_eq!(ascii_quotes("plain 's text"), None);
    }
}
