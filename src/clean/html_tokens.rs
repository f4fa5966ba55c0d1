//! A fast HTML tokenizer for the block pass: start and end tags with their
//! attributes, text with character references decoded, raw-text elements
//! (script, style, ...) read up to their end tag, comments and doctypes
//! skipped. It follows the HTML5 tokenizer where pages differ in practice
//! and leaves out the states real pages do not reach.

use std::borrow::Cow;

/// One token of a page.
#[derive(Debug, PartialEq, Eq)]
pub enum Token<'a> {
    /// A start tag; its attributes are `Tokenizer::attrs` until the next call.
    Start {
        /// Lower-cased tag name.
        name: Cow<'a, str>,
        self_closing: bool,
    },
    End {
        name: Cow<'a, str>,
    },
    Text(Cow<'a, str>),
    Doctype,
}

/// An attribute as written: its name in any case and its value with the
/// character references still in it. Most values are never read, so they
/// are decoded only when asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Attr<'a> {
    name: &'a str,
    raw: &'a str,
}

impl<'a> Attr<'a> {
    /// Whether the attribute is `name` (lower case).
    pub fn is(&self, name: &str) -> bool {
        self.name.eq_ignore_ascii_case(name)
    }

    pub fn value(&self) -> Cow<'a, str> {
        decode(self.raw, true)
    }
}

/// Elements whose content is text up to their own end tag: raw text, or
/// (`rcdata`) text with character references.
fn raw_kind(name: &str) -> Option<bool> {
    match name {
        "script" | "style" | "xmp" | "iframe" | "noembed" | "noframes" | "noscript" => Some(false),
        "title" | "textarea" => Some(true),
        _ => None,
    }
}

pub struct Tokenizer<'a> {
    src: &'a str,
    pos: usize,
    /// After a raw-text start tag: its name and whether references decode.
    raw: Option<(Cow<'a, str>, bool)>,
    /// The attributes of the last start tag, in order; one buffer for all tags.
    attrs: Vec<Attr<'a>>,
}

impl<'a> Tokenizer<'a> {
    pub fn new(src: &'a str) -> Self {
        Tokenizer {
            src,
            pos: 0,
            raw: None,
            attrs: Vec::new(),
        }
    }

    /// The attributes of the start tag just returned. A name written twice
    /// is listed twice; the first one counts, as in HTML.
    pub fn attrs(&self) -> &[Attr<'a>] {
        &self.attrs
    }

    fn raw_text(&mut self, name: &str, rcdata: bool) -> Option<Token<'a>> {
        let b = self.src.as_bytes();
        let start = self.pos;
        let mut at = start;
        let end = loop {
            let Some(lt) = memchr::memmem::find(&b[at..], b"</").map(|p| at + p) else {
                break b.len();
            };
            let n = lt + 2;
            let closes = b.len() >= n + name.len()
                && b[n..n + name.len()].eq_ignore_ascii_case(name.as_bytes())
                && b.get(n + name.len())
                    .is_none_or(|c| matches!(c, b'>' | b'/' | b' ' | b'\t' | b'\n' | b'\r' | 0x0c));
            if closes {
                break lt;
            }
            at = n;
        };
        self.pos = end;
        let text = &self.src[start..end];
        if text.is_empty() {
            return None;
        }
        Some(Token::Text(if rcdata {
            decode(text, false)
        } else {
            Cow::Borrowed(text)
        }))
    }

    /// Skips a comment, doctype or other `<!...>` / `<?...>` markup starting at `self.pos`.
    fn skip_markup(&mut self) -> Option<Token<'a>> {
        let b = self.src.as_bytes();
        let rest = &b[self.pos..];
        if rest.starts_with(b"<!--") {
            let body = &rest[4..];
            let end = if body.starts_with(b">") {
                4 + 1
            } else if body.starts_with(b"->") {
                4 + 2
            } else {
                match memchr::memmem::find(body, b"-->") {
                    Some(p) => 4 + p + 3,
                    None => rest.len(),
                }
            };
            self.pos += end;
            return None;
        }
        let doctype = rest.len() >= 9 && rest[2..9].eq_ignore_ascii_case(b"doctype");
        self.pos += memchr::memchr(b'>', rest).map_or(rest.len(), |p| p + 1);
        doctype.then_some(Token::Doctype)
    }

    fn tag(&mut self) -> Token<'a> {
        let b = self.src.as_bytes();
        let end_tag = b[self.pos + 1] == b'/';
        let mut i = self.pos + 1 + end_tag as usize;
        let name_start = i;
        while i < b.len() && !matches!(b[i], b' ' | b'\t' | b'\n' | b'\r' | 0x0c | b'/' | b'>') {
            i += 1;
        }
        let name = lower(&self.src[name_start..i]);
        let mut self_closing = false;
        loop {
            while i < b.len() && matches!(b[i], b' ' | b'\t' | b'\n' | b'\r' | 0x0c) {
                i += 1;
            }
            if i >= b.len() {
                break;
            }
            match b[i] {
                b'>' => {
                    i += 1;
                    break;
                }
                b'/' => {
                    i += 1;
                    if b.get(i) == Some(&b'>') {
                        self_closing = true;
                        i += 1;
                        break;
                    }
                    continue;
                }
                _ => {}
            }
            let a = i;
            i += 1; // an attribute name may start with '='
            while i < b.len()
                && !matches!(
                    b[i],
                    b' ' | b'\t' | b'\n' | b'\r' | 0x0c | b'/' | b'>' | b'='
                )
            {
                i += 1;
            }
            let attr_name = &self.src[a..i];
            while i < b.len() && matches!(b[i], b' ' | b'\t' | b'\n' | b'\r' | 0x0c) {
                i += 1;
            }
            let mut raw = "";
            if b.get(i) == Some(&b'=') {
                i += 1;
                while i < b.len() && matches!(b[i], b' ' | b'\t' | b'\n' | b'\r' | 0x0c) {
                    i += 1;
                }
                let (vs, ve, next) = match b.get(i) {
                    Some(&q @ (b'"' | b'\'')) => {
                        let e = memchr::memchr(q, &b[i + 1..]).map_or(b.len(), |p| i + 1 + p);
                        (i + 1, e, (e + 1).min(b.len()))
                    }
                    _ => {
                        let mut e = i;
                        while e < b.len()
                            && !matches!(b[e], b' ' | b'\t' | b'\n' | b'\r' | 0x0c | b'>')
                        {
                            e += 1;
                        }
                        (i, e, e)
                    }
                };
                raw = &self.src[vs..ve];
                i = next;
            }
            if !end_tag {
                self.attrs.push(Attr {
                    name: attr_name,
                    raw,
                });
            }
        }
        self.pos = i;
        if end_tag {
            return Token::End { name };
        }
        if let Some(rcdata) = raw_kind(&name) {
            self.raw = Some((name.clone(), rcdata));
        }
        Token::Start { name, self_closing }
    }
}

impl<'a> Iterator for Tokenizer<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        let b = self.src.as_bytes();
        self.attrs.clear();
        loop {
            if let Some((name, rcdata)) = self.raw.take() {
                if let Some(t) = self.raw_text(&name, rcdata) {
                    self.raw = None;
                    return Some(t);
                }
                continue;
            }
            if self.pos >= b.len() {
                return None;
            }
            if b[self.pos] != b'<' {
                let start = self.pos;
                let mut at = start;
                // Text runs to the next `<` that opens markup.
                let end = loop {
                    match memchr::memchr(b'<', &b[at..]) {
                        None => break b.len(),
                        Some(p) if opens_markup(b, at + p) => break at + p,
                        Some(p) => at += p + 1,
                    }
                };
                self.pos = end;
                return Some(Token::Text(decode(&self.src[start..end], false)));
            }
            if !opens_markup(b, self.pos) {
                // A lone `<` is text.
                let end =
                    memchr::memchr(b'<', &b[self.pos + 1..]).map_or(b.len(), |p| self.pos + 1 + p);
                let t = &self.src[self.pos..end];
                self.pos = end;
                return Some(Token::Text(decode(t, false)));
            }
            match b.get(self.pos + 1) {
                Some(b'!' | b'?') => {
                    if let Some(t) = self.skip_markup() {
                        return Some(t);
                    }
                }
                Some(b'/') if !b.get(self.pos + 2).is_some_and(u8::is_ascii_alphabetic) => {
                    // `</>` is dropped; `</ x>` is a bogus comment.
                    let rest = &b[self.pos..];
                    self.pos += memchr::memchr(b'>', rest).map_or(rest.len(), |p| p + 1);
                }
                _ => return Some(self.tag()),
            }
        }
    }
}

/// Whether the `<` at `i` starts a tag, end tag, comment or declaration.
fn opens_markup(b: &[u8], i: usize) -> bool {
    match b.get(i + 1) {
        Some(c) if c.is_ascii_alphabetic() => true,
        Some(b'!' | b'?') => true,
        Some(b'/') => b.get(i + 2).is_some(),
        _ => false,
    }
}

fn lower(s: &str) -> Cow<'_, str> {
    if s.bytes().any(|c| c.is_ascii_uppercase()) {
        Cow::Owned(s.to_ascii_lowercase())
    } else {
        Cow::Borrowed(s)
    }
}

/// The first `&`. Most attribute values and many text runs are a few
/// bytes long, where a plain loop beats memchr's set-up.
fn find_ampersand(b: &[u8]) -> Option<usize> {
    if b.len() < 32 {
        b.iter().position(|&c| c == b'&')
    } else {
        memchr::memchr(b'&', b)
    }
}

/// Windows-1252 meanings of the C1 code points, as numeric references use them.
const C1: [u32; 32] = [
    0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039,
    0x0152, 0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
];

/// Text with its character references (`&amp;`, `&#8217;`, `&nbsp`)
/// decoded. In attribute values a reference without `;` followed by a
/// letter, digit or `=` stays as written.
pub fn decode(s: &str, attribute: bool) -> Cow<'_, str> {
    let Some(first) = find_ampersand(s.as_bytes()) else {
        return Cow::Borrowed(s);
    };
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    out.push_str(&s[..first]);
    let mut i = first;
    while i < b.len() {
        if b[i] != b'&' {
            let next = memchr::memchr(b'&', &b[i..]).map_or(b.len(), |p| i + p);
            out.push_str(&s[i..next]);
            i = next;
            continue;
        }
        match reference(b, i + 1, attribute) {
            Some((chars, len)) => {
                out.extend(chars.into_iter().flatten());
                i += 1 + len;
            }
            None => {
                out.push('&');
                i += 1;
            }
        }
    }
    Cow::Owned(out)
}

/// The characters of the reference after the `&` at `b[at - 1]`, and its length.
fn reference(b: &[u8], at: usize, attribute: bool) -> Option<([Option<char>; 2], usize)> {
    if b.get(at) == Some(&b'#') {
        let hex = matches!(b.get(at + 1), Some(b'x' | b'X'));
        let digits = at + 1 + hex as usize;
        let mut e = digits;
        let mut v: u32 = 0;
        while e < b.len()
            && (if hex {
                b[e].is_ascii_hexdigit()
            } else {
                b[e].is_ascii_digit()
            })
        {
            let d = (b[e] as char).to_digit(16).unwrap_or(0);
            v = v
                .saturating_mul(if hex { 16 } else { 10 })
                .saturating_add(d);
            e += 1;
        }
        if e == digits {
            return None;
        }
        if b.get(e) == Some(&b';') {
            e += 1;
        }
        let c = match v {
            0x80..=0x9F => char::from_u32(C1[(v - 0x80) as usize]),
            0 => None,
            _ => char::from_u32(v),
        }
        .unwrap_or('\u{FFFD}');
        return Some(([Some(c), None], e - at));
    }
    let mut e = at;
    while e < b.len() && e - at < 32 && b[e].is_ascii_alphanumeric() {
        e += 1;
    }
    if e == at {
        return None;
    }
    let map = &markup5ever::data::NAMED_ENTITIES;
    if b.get(e) == Some(&b';') {
        let with_semicolon = std::str::from_utf8(&b[at..=e]).ok()?;
        // The table also lists every prefix of a name, as (0, 0).
        if let Some(&(c1, c2)) = map.get(with_semicolon).filter(|v| v.0 != 0) {
            return Some((chars(c1, c2), e + 1 - at));
        }
    }
    let name = std::str::from_utf8(&b[at..e]).ok()?;
    // Legacy references without `;`: the longest known prefix.
    for l in (2..=name.len()).rev() {
        if let Some(&(c1, c2)) = map.get(&name[..l]).filter(|v| v.0 != 0) {
            let next = b.get(at + l);
            if attribute && next.is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'=') {
                return None;
            }
            return Some((chars(c1, c2), l));
        }
    }
    None
}

fn chars(c1: u32, c2: u32) -> [Option<char>; 2] {
    [
        char::from_u32(c1),
        (c2 != 0).then(|| char::from_u32(c2)).flatten(),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_references() {
        assert_eq!(
            decode("a &amp; b&nbsp;c &#8217; &#x41;", false),
            "a & b\u{a0}c \u{2019} A"
        );
        assert_eq!(
            decode("&copy 2024 &notit; &bogus;", false),
            "\u{a9} 2024 \u{ac}it; &bogus;"
        );
        assert_eq!(decode("?a=1&copy=2", true), "?a=1&copy=2");
        assert_eq!(decode("&#150;", false), "\u{2013}");
    }

    #[test]
    fn tags_attributes_and_raw_text() {
        let mut tokenizer = Tokenizer::new(
            "<!DOCTYPE html><P Class=\"x&amp;y\" id=y hidden ID=z>a<b>&lt;</b><!-- c --><script>if (a<b) x='</p>'</script>1 < 2<br/>",
        );
        let mut toks = Vec::new();
        while let Some(t) = tokenizer.next() {
            let attrs: Vec<(&str, String)> = tokenizer
                .attrs()
                .iter()
                .map(|a| (a.name, a.value().into_owned()))
                .collect();
            toks.push((t, attrs));
        }
        let start = |n: &'static str, sc: bool| Token::Start {
            name: Cow::Borrowed(n),
            self_closing: sc,
        };
        let attrs = |list: &[(&'static str, &str)]| -> Vec<(&'static str, String)> {
            list.iter().map(|&(n, v)| (n, v.to_string())).collect()
        };
        let none = Vec::new;
        assert_eq!(
            toks,
            [
                (Token::Doctype, none()),
                (
                    start("p", false),
                    attrs(&[("Class", "x&y"), ("id", "y"), ("hidden", ""), ("ID", "z")])
                ),
                (Token::Text("a".into()), none()),
                (start("b", false), none()),
                (Token::Text("<".into()), none()),
                (Token::End { name: "b".into() }, none()),
                (start("script", false), none()),
                (Token::Text("if (a<b) x='</p>'".into()), none()),
                (
                    Token::End {
                        name: "script".into()
                    },
                    none()
                ),
                (Token::Text("1 < 2".into()), none()),
                (start("br", true), none()),
            ]
        );
        assert!(Attr {
            name: "Class",
            raw: ""
        }
        .is("class"));
    }
}
