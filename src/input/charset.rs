//! Character encodings of whole pages and one-article files. The order: a
//! byte-order mark (a UTF-16 one decodes as UTF-16, a UTF-8 one settles
//! UTF-8, bad bytes and all), then UTF-8 when the bytes are valid
//! UTF-8 (whatever a page declares: a mislabelled UTF-8 page is far more
//! common than legacy text that happens to be valid UTF-8), then the charset
//! the HTTP header or the page's `<meta>` declares, then windows-1252 for
//! legacy text without a single UTF-8 sequence, and last UTF-8 with the bad
//! bytes replaced by U+FFFD.

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};
use regex::bytes::Regex;
use std::sync::LazyLock;

static META_CHARSET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i)<meta[^>]{0,200}?charset\s*=\s*["']?([A-Za-z0-9_:.-]+)"#)
        .expect("charset pattern")
});

/// The encoding an HTML page declares: the HTTP `Content-Type` header's
/// charset, else a `<meta>` charset near the top of the page.
pub(crate) fn declared(content_type: Option<&str>, page: &[u8]) -> Option<&'static Encoding> {
    let from_header = content_type.and_then(|c| {
        let lower = c.to_ascii_lowercase();
        let at = lower.find("charset=")? + "charset=".len();
        Encoding::for_label(lower[at..].trim_matches(['"', '\'', ' ']).as_bytes())
    });
    from_header.or_else(|| {
        let head = &page[..page.len().min(4096)];
        let c = META_CHARSET.captures(head)?;
        Encoding::for_label(c.get(1)?.as_bytes())
    })
}

/// True when the bytes start with a UTF-16 byte-order mark (such files are
/// full of NUL bytes and must not be taken for binary data).
pub(crate) fn is_utf16(bytes: &[u8]) -> bool {
    Encoding::for_bom(bytes).is_some_and(|(e, _)| e != UTF_8)
}

/// Decodes the bytes in the order the module comment gives. With `strict`,
/// bytes that are invalid in the chosen encoding are an error instead of
/// U+FFFD, and undeclared legacy text is an error instead of windows-1252.
pub(crate) fn decode(
    bytes: Vec<u8>,
    declared: Option<&'static Encoding>,
    strict: bool,
) -> Result<String, String> {
    let (bytes, utf8_bom) = match Encoding::for_bom(&bytes) {
        Some((encoding, bom)) if encoding != UTF_8 => return with(encoding, &bytes[bom..], strict),
        Some((_, bom)) => (bytes[bom..].to_vec(), true),
        None => (bytes, false),
    };
    let bytes = match String::from_utf8(bytes) {
        Ok(s) => return Ok(s),
        Err(e) => e.into_bytes(),
    };
    match declared {
        _ if utf8_bom => {}
        Some(encoding) if encoding != UTF_8 => return with(encoding, &bytes, strict),
        _ => {}
    }
    if strict {
        let valid = bytes.utf8_chunks().next().map_or(0, |c| c.valid().len());
        return Err(format!("invalid UTF-8 at byte {valid}"));
    }
    if !utf8_bom && bytes.utf8_chunks().all(|c| c.valid().is_ascii()) {
        return with(WINDOWS_1252, &bytes, false);
    }
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

fn with(encoding: &'static Encoding, bytes: &[u8], strict: bool) -> Result<String, String> {
    let (text, malformed) = encoding.decode_without_bom_handling(bytes);
    if malformed && strict {
        return Err(format!("invalid bytes for the charset {}", encoding.name()));
    }
    Ok(text.into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16le(s: &str) -> Vec<u8> {
        let mut out = vec![0xFF, 0xFE];
        out.extend(s.encode_utf16().flat_map(|u| u.to_le_bytes()));
        out
    }

    #[test]
    fn utf8_with_or_without_a_bom() {
        assert_eq!(decode("café".into(), None, true).unwrap(), "café");
        let bom = [b"\xEF\xBB\xBF".as_slice(), "café".as_bytes()].concat();
        assert_eq!(decode(bom, None, true).unwrap(), "café");
        // A UTF-8 mark outweighs a label, and a stray byte stays a U+FFFD.
        let latin1 = Encoding::for_label(b"iso-8859-1");
        let bom = b"\xEF\xBB\xBFSt \xFF".to_vec();
        assert_eq!(decode(bom, latin1, false).unwrap(), "St \u{FFFD}");
    }

    #[test]
    fn utf16_files_are_decoded_and_not_binary() {
        let bytes = utf16le("Vantor Ltd said on Monday");
        assert!(is_utf16(&bytes));
        assert!(!is_utf16("plain".as_bytes()));
        assert_eq!(
            decode(bytes, None, true).unwrap(),
            "Vantor Ltd said on Monday"
        );
    }

    #[test]
    fn valid_utf8_wins_over_a_wrong_label() {
        let latin1 = Encoding::for_label(b"iso-8859-1");
        assert_eq!(decode("Zürich".into(), latin1, false).unwrap(), "Zürich");
    }

    #[test]
    fn the_declared_charset_decodes_legacy_bytes() {
        let koi8 = Encoding::for_label(b"koi8-r");
        // "мир" in KOI8-R.
        assert_eq!(decode(vec![0xCD, 0xC9, 0xD2], koi8, true).unwrap(), "мир");
    }

    #[test]
    fn undeclared_legacy_text_is_windows_1252_unless_strict() {
        let bytes = b"Caf\xE9 Nimbus \x96 a \x93deal\x94".to_vec();
        assert_eq!(
            decode(bytes.clone(), None, false).unwrap(),
            "Café Nimbus – a “deal”"
        );
        assert_eq!(
            decode(bytes, None, true).unwrap_err(),
            "invalid UTF-8 at byte 3"
        );
    }

    #[test]
    fn mostly_utf8_text_keeps_its_utf8_and_marks_the_bad_byte() {
        let bytes = [b"na\xC3\xAFve ".as_slice(), b"\xFF end"].concat();
        assert_eq!(decode(bytes, None, false).unwrap(), "naïve \u{FFFD} end");
    }

    #[test]
    fn meta_and_header_charsets() {
        let page = br#"<html><head><meta charset="windows-1251"></head>"#;
        assert_eq!(declared(None, page).map(|e| e.name()), Some("windows-1251"));
        let header = Some("text/html; charset=ISO-8859-2");
        assert_eq!(declared(header, page).map(|e| e.name()), Some("ISO-8859-2"));
        assert_eq!(declared(None, b"<html><p>no label"), None);
    }
}
