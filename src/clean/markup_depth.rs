//! The way out for pages nested too deep for the tree builder: its scope
//! checks walk the stack of open elements, so a page with tens of thousands
//! of nested elements would cost time quadratic in its depth. The builder
//! gives up past `MAX_DEPTH` open elements and such a page is read by a
//! plain tag stripper instead (block tags become line breaks).

/// Nesting deeper than this is not a real page layout.
pub const MAX_DEPTH: usize = 1000;

/// Block elements whose boundaries become line breaks when stripping tags.
const BLOCK: &[&[u8]] = &[
    b"p",
    b"div",
    b"li",
    b"h1",
    b"h2",
    b"h3",
    b"h4",
    b"h5",
    b"h6",
    b"tr",
    b"br",
    b"blockquote",
    b"section",
    b"article",
    b"td",
    b"dd",
    b"dt",
    b"pre",
    b"ul",
    b"ol",
    b"table",
];

/// The tag name starting at `b[i]` (just after `<` or `</`), lower-cased into `buf`.
fn tag_name<'a>(b: &[u8], i: usize, buf: &'a mut [u8; 16]) -> &'a [u8] {
    let mut n = 0;
    while i + n < b.len() && n < buf.len() && b[i + n].is_ascii_alphanumeric() {
        buf[n] = b[i + n].to_ascii_lowercase();
        n += 1;
    }
    &buf[..n]
}

/// The visible text of a page without parsing it: tags removed, script and
/// style contents dropped, block boundaries as line breaks, a few entities decoded.
pub fn strip_tags(html: &str) -> String {
    let b = html.as_bytes();
    let mut out = String::with_capacity(html.len() / 2);
    let mut i = 0;
    let mut buf = [0u8; 16];
    while i < b.len() {
        let Some(lt) = memchr::memchr(b'<', &b[i..]).map(|p| i + p) else {
            out.push_str(&html[i..]);
            break;
        };
        out.push_str(&html[i..lt]);
        let Some(gt) = memchr::memchr(b'>', &b[lt..]).map(|p| lt + p) else {
            break;
        };
        let closing = b.get(lt + 1) == Some(&b'/');
        let name = tag_name(b, lt + 1 + usize::from(closing), &mut buf).to_vec();
        i = gt + 1;
        if !closing && (name == b"script" || name == b"style") {
            let end = if name == b"script" {
                "</script"
            } else {
                "</style"
            };
            i = html[i..]
                .to_ascii_lowercase()
                .find(end)
                .map_or(b.len(), |p| i + p);
            continue;
        }
        out.push(if BLOCK.contains(&name.as_slice()) {
            '\n'
        } else {
            ' '
        });
    }
    out.replace("&amp;", "&")
        .replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stripping_keeps_text_and_block_breaks() {
        let t = strip_tags("<div><p>One &amp; two</p><script>var x = '<p>';</script><p>Three <b>four</b></p></div>");
        let lines: Vec<&str> = t.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
        assert_eq!(lines, ["One & two", "Three  four"]);
    }
}
