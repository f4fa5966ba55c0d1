//! Raw HTML to main text: parse with an HTML5 parser, drop page chrome
//! (scripts, navigation, header, footer, asides, forms), turn the remaining
//! blocks into lines, and let the line classifier pick the article. Page
//! metadata (title, publication date, canonical URL) is read on the way.

use super::lines::clean_text;
use scraper::{ElementRef, Html, Node};
use std::sync::LazyLock;

/// The main text of a page and the metadata found in its markup.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct CleanPage {
    pub text: String,
    pub title: Option<String>,
    pub date: Option<String>,
    pub url: Option<String>,
}

const SKIPPED: &[&str] = &[
    "script",
    "style",
    "noscript",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "svg",
    "iframe",
    "button",
    "template",
    "select",
    "head",
    "figcaption",
];

const BLOCKS: &[&str] = &[
    "p",
    "div",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "blockquote",
    "section",
    "article",
    "ul",
    "ol",
    "table",
    "br",
    "dd",
    "dt",
    "pre",
    "figure",
    "main",
];

/// Cleans one HTML page.
pub fn clean_html(html: &str) -> CleanPage {
    let doc = Html::parse_document(html);
    let mut lines = String::new();
    let mut current = String::new();
    collect(doc.root_element(), &mut lines, &mut current);
    flush(&mut lines, &mut current);
    CleanPage {
        text: clean_text(&lines),
        title: meta_title(&doc),
        date: meta_date(&doc),
        url: meta_url(&doc),
    }
}

fn flush(lines: &mut String, current: &mut String) {
    let collapsed = current.split_whitespace().collect::<Vec<_>>().join(" ");
    if !collapsed.is_empty() {
        lines.push_str(&collapsed);
        lines.push('\n');
    }
    current.clear();
}

fn collect(el: ElementRef, lines: &mut String, current: &mut String) {
    for child in el.children() {
        match child.value() {
            Node::Text(t) => current.push_str(t),
            Node::Element(e) => {
                let name = e.name();
                if SKIPPED.contains(&name) || hidden(e) {
                    continue;
                }
                let block = BLOCKS.contains(&name);
                if block {
                    flush(lines, current);
                }
                if let Some(child_el) = ElementRef::wrap(child) {
                    collect(child_el, lines, current);
                }
                if block {
                    flush(lines, current);
                } else {
                    current.push(' ');
                }
            }
            _ => {}
        }
    }
}

fn hidden(e: &scraper::node::Element) -> bool {
    e.attr("hidden").is_some()
        || e.attr("aria-hidden") == Some("true")
        || e.attr("style")
            .is_some_and(|s| s.replace(' ', "").contains("display:none"))
}

static SEL_META: LazyLock<scraper::Selector> =
    LazyLock::new(|| scraper::Selector::parse("meta").expect("static selector"));
static SEL_TITLE: LazyLock<scraper::Selector> =
    LazyLock::new(|| scraper::Selector::parse("title").expect("static selector"));
static SEL_TIME: LazyLock<scraper::Selector> =
    LazyLock::new(|| scraper::Selector::parse("time[datetime]").expect("static selector"));
static SEL_CANONICAL: LazyLock<scraper::Selector> =
    LazyLock::new(|| scraper::Selector::parse("link[rel=canonical]").expect("static selector"));
static SEL_JSONLD: LazyLock<scraper::Selector> = LazyLock::new(|| {
    scraper::Selector::parse("script[type='application/ld+json']").expect("static selector")
});

fn meta_content(doc: &Html, keys: &[&str]) -> Option<String> {
    for key in keys {
        for m in doc.select(&SEL_META) {
            let e = m.value();
            let name = e
                .attr("property")
                .or_else(|| e.attr("name"))
                .or_else(|| e.attr("itemprop"));
            if name.is_some_and(|n| n.eq_ignore_ascii_case(key)) {
                if let Some(c) = e.attr("content").map(str::trim).filter(|c| !c.is_empty()) {
                    return Some(c.to_string());
                }
            }
        }
    }
    None
}

fn meta_title(doc: &Html) -> Option<String> {
    meta_content(doc, &["og:title", "twitter:title"]).or_else(|| {
        doc.select(&SEL_TITLE)
            .next()
            .map(|t| t.text().collect::<String>().trim().to_string())
            .filter(|t| !t.is_empty())
    })
}

fn meta_date(doc: &Html) -> Option<String> {
    meta_content(
        doc,
        &[
            "article:published_time",
            "datePublished",
            "pubdate",
            "date",
            "dc.date",
            "og:published_time",
        ],
    )
    .or_else(|| {
        doc.select(&SEL_JSONLD).find_map(|s| {
            let json = s.text().collect::<String>();
            let key = "\"datePublished\"";
            let at = json.find(key)? + key.len();
            let rest = json[at..]
                .trim_start()
                .strip_prefix(':')?
                .trim_start()
                .strip_prefix('"')?;
            Some(rest[..rest.find('"')?].to_string())
        })
    })
    .or_else(|| {
        doc.select(&SEL_TIME)
            .next()
            .and_then(|t| t.value().attr("datetime"))
            .map(str::to_string)
    })
}

fn meta_url(doc: &Html) -> Option<String> {
    doc.select(&SEL_CANONICAL)
        .next()
        .and_then(|l| l.value().attr("href"))
        .map(str::to_string)
        .or_else(|| meta_content(doc, &["og:url"]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drops_chrome_and_reads_metadata() {
        let html = r#"<html><head><title>Acme and Globex team up</title>
            <meta property="article:published_time" content="2024-03-15T09:00:00Z">
            <link rel="canonical" href="https://news.example/acme"></head>
            <body><nav><a href="/">Home</a> <a href="/biz">Business</a></nav>
            <article><h1>Acme and Globex team up</h1>
            <p>Acme Corp. and Globex said on Tuesday they will form a joint venture to build batteries.</p>
            <p>The venture will be based in Ohio and employ about 500 people when it opens next year.</p></article>
            <footer>Copyright 2024 News Example. All rights reserved.</footer><script>var x = 1;</script>
            </body></html>"#;
        let page = clean_html(html);
        assert_eq!(
            page.text,
            "Acme Corp. and Globex said on Tuesday they will form a joint venture to build batteries.\n\
             The venture will be based in Ohio and employ about 500 people when it opens next year."
        );
        assert_eq!(page.title.as_deref(), Some("Acme and Globex team up"));
        assert_eq!(page.date.as_deref(), Some("2024-03-15T09:00:00Z"));
        assert_eq!(page.url.as_deref(), Some("https://news.example/acme"));
    }

    #[test]
    fn json_ld_date_is_used() {
        let html = r#"<html><head><script type="application/ld+json">{"@type":"NewsArticle","datePublished": "2023-01-05"}</script></head><body><p>x</p></body></html>"#;
        assert_eq!(clean_html(html).date.as_deref(), Some("2023-01-05"));
    }
}
