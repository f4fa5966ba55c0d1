//! Typographic quotes rewritten as the ASCII ones of the tagger's training
//! text (CoNLL-2003 writes `'s` and `"`), byte offsets kept: web pages write
//! "Check Point’s" and “Acme”, which the tagger has never seen.

/// The text with curly quotes made ASCII and padded with spaces to the same
/// byte length, or `None` when it has none. A possessive "’s" becomes
/// "  's" (its own token, as in CoNLL); an apostrophe inside a word
/// ("O’Brien") is left alone.
pub fn ascii_quotes(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    // ‘ ’ “ ” are U+2018, U+2019, U+201C, U+201D: E2 80 98|99|9C|9D in UTF-8.
    let mut quotes = memchr::memchr_iter(0xE2, bytes)
        .filter(|&i| {
            bytes.get(i + 1) == Some(&0x80)
                && matches!(bytes.get(i + 2), Some(0x98 | 0x99 | 0x9C | 0x9D))
        })
        .peekable();
    quotes.peek()?;
    let mut out = String::with_capacity(text.len());
    let mut done = 0;
    for i in quotes {
        out.push_str(&text[done..i]);
        let prev = text[..i].chars().next_back().unwrap_or('\0');
        let rest = &text[i + 3..];
        match bytes[i + 2] {
            0x99 => {
                let possessive = prev.is_alphanumeric()
                    && rest.starts_with(['s', 'S'])
                    && !rest[1..].starts_with(char::is_alphanumeric);
                if possessive {
                    out.push_str("  '");
                } else if prev.is_alphanumeric() && rest.starts_with(char::is_alphanumeric) {
                    out.push('’');
                } else {
                    out.push_str("'  ");
                }
            }
            0x98 => out.push_str("  '"),
            0x9C => out.push_str("  \""),
            _ => out.push_str("\"  "),
        }
        done = i + 3;
    }
    out.push_str(&text[done..]);
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
        assert_eq!(ascii_quotes("”é’s‘—’x").unwrap(), "\"  é  's  '—'  x");
        assert_eq!(ascii_quotes("’").unwrap(), "'  ");
    }
}
