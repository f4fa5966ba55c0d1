//! Raw HTML to main text: parse with an HTML5 parser, drop page chrome
//! (scripts, navigation, header, footer, asides, forms), turn the remaining
//! blocks into lines with markup hints (link density, tag, boilerplate
//! class/id, inside the article element), and let the line classifier
//! pick the article. Page
//! metadata (title, publication date, canonical URL) is read on the way.

use super::features::{page_stats, Block, HtmlHints, LineStats, Tag};
use super::lines::join_kept;
use super::model::{Model, HTML_MODEL};
use super::rules::{rescue, veto};
use regex::{Regex, RegexSet};
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
    "nav",
    "header",
    "footer",
    "aside",
    "form",
];

/// Class or id words that mark page furniture.
static BOILER_ATTR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)related|share|sharing|social|newsletter|subscribe|signup|cookie|consent|comment|promo|advert|(?-u:\b)ads?(?-u:\b)|sponsor|sidebar|widget|footer|breadcrumb|author|byline|bio(?-u:\b)|popup|modal|banner|recommend|trending|popular|newsfeed|teaser|caption|credit|tags|toolbar|menu|(?-u:\b)nav",
    )
    .expect("static regex")
});

/// Page chrome elements, one bit each in `HtmlHints::chrome`. Their text
/// is kept for the classifier, not skipped: some sites wrap the whole
/// article in a `<header>` or the page in a `<form>`.
const CHROME: &[&str] = &["nav", "header", "footer", "aside", "form"];

/// Class or id words of each `ATTR_CATEGORIES` entry, in its order.
static ATTR_SET: LazyLock<RegexSet> = LazyLock::new(|| {
    RegexSet::new([
        r"(?i)comment|disqus|respond|repl(y|ies)|review|testimonial",
        r"(?i)related|recommend|more[-_]|trending|popular|teaser|read[-_]?next|also[-_]",
        r"(?i)share|sharing|social",
        r"(?i)newsletter|subscri|signup|sign[-_]up|optin|opt[-_]in",
        r"(?i)author|byline|(?-u:\b)bio(?-u:\b)|avatar|profile",
        r"(?i)caption|credit|(?-u:\b)figure|gallery|photo",
        r"(?i)advert|(?-u:\b)ads?(?-u:\b)|sponsor|promo|banner|affiliate",
    ])
    .expect("static regex set")
});

/// Class or id words that mark the article body.
static MAIN_ATTR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)article[-_]?(body|content|text)|post[-_]?(body|content)|entry[-_]?content|story[-_]?(body|content)|main[-_]?content|body[-_]?text|rich[-_]?text")
        .expect("static regex")
});

/// Cleans one HTML page.
pub fn clean_html(html: &str) -> CleanPage {
    if super::markup_depth::max_depth(html) > super::markup_depth::MAX_DEPTH {
        return CleanPage {
            text: super::clean_text(&super::markup_depth::strip_tags(html)),
            ..CleanPage::default()
        };
    }
    let doc = Html::parse_document(html);
    let collected = page_blocks(&doc);
    let blocks: Vec<Block> = collected
        .iter()
        .map(|(t, h)| Block {
            text: t,
            html: Some(*h),
        })
        .collect();
    let text = if blocks.len() <= 2 {
        blocks.iter().map(|b| b.text).collect::<Vec<_>>().join("\n")
    } else {
        let stats = page_stats(&blocks);
        let keep = keep_blocks(&HTML_MODEL, &blocks, &stats);
        join_kept(&blocks, &keep)
    };
    CleanPage {
        text,
        title: meta_title(&doc),
        date: meta_date(&doc),
        url: meta_url(&doc),
    }
}

/// Which blocks of a page (more than two) are article text under `model`,
/// the rules applied: what the trainer cross-validates.
pub fn keep_blocks(model: &Model, blocks: &[Block], stats: &[LineStats]) -> Vec<bool> {
    let mut keep = model.classify(blocks, stats);
    rescue(stats, &mut keep);
    let texts: Vec<&str> = blocks.iter().map(|b| b.text).collect();
    veto(&texts, stats, &mut keep);
    drop_title_heading(blocks, stats, &mut keep);
    keep
}

/// The article's own heading (the first kept block, a heading followed by
/// prose) is the page title, which the article text leaves out.
fn drop_title_heading(blocks: &[Block], stats: &[LineStats], keep: &mut [bool]) {
    let mut kept = (0..keep.len()).filter(|&i| keep[i]);
    if let (Some(first), Some(second)) = (kept.next(), kept.next()) {
        let heading = blocks[first].html.is_some_and(|h| h.tag == Tag::Heading);
        if heading && stats[second].proseish() {
            keep[first] = false;
        }
    }
}

/// The visible blocks of a page, in order, with their markup hints.
pub fn blocks(html: &str) -> Vec<(String, HtmlHints)> {
    page_blocks(&Html::parse_document(html))
}

fn page_blocks(doc: &Html) -> Vec<(String, HtmlHints)> {
    let mut acc = Collector {
        parent: vec![0],
        ..Collector::default()
    };
    let ctx = Context {
        tag: Tag::Other,
        boiler: false,
        main: false,
        link: false,
        attr_bits: 0,
        chrome: 0,
        element: 0,
    };
    acc.walk(doc.root_element(), ctx);
    acc.flush(ctx);
    mark_top_container(&mut acc);
    acc.out
}

/// Scores every element by the prose of its blocks (fully for the block's
/// parent, half for its grandparent, as readability does: an article body
/// holds its paragraphs directly, a comment thread spreads them over many
/// small elements) and marks the blocks inside the best one.
fn mark_top_container(acc: &mut Collector) {
    let mut score = vec![0f32; acc.parent.len()];
    for ((text, _), &e) in acc.out.iter().zip(&acc.element) {
        let s = LineStats::of(text);
        if !s.proseish() {
            continue;
        }
        let w = s.eff_words().min(100.0);
        let parent = acc.parent[e as usize];
        score[parent as usize] += w;
        score[acc.parent[parent as usize] as usize] += w / 2.0;
    }
    // Element 0 is the document: it contains everything and tells nothing.
    score[0] = 0.0;
    let Some(top) = (1..score.len())
        .max_by(|&a, &b| score[a].total_cmp(&score[b]))
        .filter(|&t| score[t] > 0.0)
    else {
        return;
    };
    let top_parent = acc.parent[top];
    for ((_, h), &e) in acc.out.iter_mut().zip(&acc.element) {
        let mut k = e;
        let mut steps = 0;
        while k != 0 && steps < super::markup_depth::MAX_DEPTH {
            if k as usize == top {
                h.in_top = true;
            }
            if k == top_parent {
                h.in_top_parent = true;
                break;
            }
            k = acc.parent[k as usize];
            steps += 1;
        }
    }
}

#[derive(Clone, Copy)]
struct Context {
    tag: Tag,
    boiler: bool,
    main: bool,
    link: bool,
    attr_bits: u8,
    chrome: u8,
    /// The innermost element (index into `Collector::parent`).
    element: u32,
}

#[derive(Default)]
struct Collector {
    out: Vec<(String, HtmlHints)>,
    /// Per output block, the element that closed it.
    element: Vec<u32>,
    /// Per element seen, its parent element (element 0 is the document).
    parent: Vec<u32>,
    current: String,
    link_chars: usize,
}

impl Collector {
    fn flush(&mut self, ctx: Context) {
        let collapsed = self
            .current
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        if !collapsed.is_empty() {
            let chars = self.current.chars().filter(|c| !c.is_whitespace()).count();
            let hints = HtmlHints {
                link_density: (self.link_chars as f32 / chars.max(1) as f32).min(1.0),
                tag: ctx.tag,
                boiler_attr: ctx.boiler,
                in_main: ctx.main,
                attr_bits: ctx.attr_bits,
                chrome: ctx.chrome,
                in_top: false,
                in_top_parent: false,
            };
            self.out.push((collapsed, hints));
            self.element.push(ctx.element);
        }
        self.current.clear();
        self.link_chars = 0;
    }

    /// Visits the tree in document order with an explicit stack: pages with
    /// tens of thousands of nested elements must not overflow the call stack.
    fn walk(&mut self, root: ElementRef, ctx: Context) {
        enum Step<'a> {
            Visit(ego_tree::NodeRef<'a, Node>, Context),
            /// After an element's children: close its block (with the
            /// element's own context) or separate inline text.
            Leave {
                block: bool,
                inner: Context,
            },
        }
        let mut stack: Vec<Step> = root.children().rev().map(|c| Step::Visit(c, ctx)).collect();
        while let Some(step) = stack.pop() {
            let (child, ctx) = match step {
                Step::Visit(child, ctx) => (child, ctx),
                Step::Leave { block: true, inner } => {
                    self.flush(inner);
                    continue;
                }
                Step::Leave { block: false, .. } => {
                    self.current.push(' ');
                    continue;
                }
            };
            match child.value() {
                Node::Text(t) => {
                    if ctx.link {
                        self.link_chars += t.chars().filter(|c| !c.is_whitespace()).count();
                    }
                    self.current.push_str(t);
                }
                Node::Element(e) => {
                    let name = e.name();
                    if SKIPPED.contains(&name) || hidden(e) {
                        continue;
                    }
                    let attrs = [e.attr("class"), e.attr("id")];
                    let mut inner = ctx;
                    inner.boiler |= attrs.iter().flatten().any(|a| BOILER_ATTR.is_match(a));
                    for a in attrs.iter().flatten() {
                        for b in ATTR_SET.matches(a).iter() {
                            inner.attr_bits |= 1 << b;
                        }
                    }
                    if let Some(b) = CHROME.iter().position(|c| *c == name) {
                        inner.chrome |= 1 << b;
                    }
                    inner.element = self.parent.len() as u32;
                    self.parent.push(ctx.element);
                    inner.main |= matches!(name, "article" | "main")
                        || e.attr("itemprop") == Some("articleBody")
                        || attrs.iter().flatten().any(|a| MAIN_ATTR.is_match(a));
                    inner.link |= name == "a";
                    let block = BLOCKS.contains(&name);
                    if block {
                        self.flush(ctx);
                        inner.tag = match name {
                            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => Tag::Heading,
                            "p" => Tag::Paragraph,
                            "li" | "dd" | "dt" => Tag::ListItem,
                            "tr" | "td" | "th" => Tag::Cell,
                            "blockquote" => Tag::Quote,
                            _ => ctx.tag,
                        };
                    }
                    stack.push(Step::Leave { block, inner });
                    stack.extend(child.children().rev().map(|c| Step::Visit(c, inner)));
                }
                _ => {}
            }
        }
    }
}

/// Hidden from the reader. React's streamed server rendering parks content
/// in `<div hidden id="S:0">` until a script moves it into view, so those stay.
fn hidden(e: &scraper::node::Element) -> bool {
    (e.attr("hidden").is_some() && !e.id().is_some_and(|id| id.starts_with("S:")))
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
    fn article_in_header_or_streamed_div_is_seen() {
        let html = r#"<html><body><nav>Home</nav><div hidden id="S:0"><header class="post">
            <p>Acme Corp. said on Tuesday it will open a new battery plant in Ohio next year.</p>
            </header></div><div hidden>Secret menu</div><footer>About us</footer></body></html>"#;
        let blocks = blocks(html);
        let texts: Vec<&str> = blocks.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Home",
                "Acme Corp. said on Tuesday it will open a new battery plant in Ohio next year.",
                "About us"
            ]
        );
        assert_eq!(blocks[0].1.chrome, 1);
        assert_eq!(blocks[1].1.chrome, 2);
        assert!(blocks[1].1.in_top && !blocks[0].1.in_top);
    }

    #[test]
    fn attribute_categories_are_marked() {
        let html = r#"<html><body><div class="comment-list"><p>Nice post, thanks for sharing it with us all.</p></div>
            <div id="related-posts"><a href="/x">Other story</a></div></body></html>"#;
        let blocks = blocks(html);
        assert_eq!(blocks[0].1.attr_bits, 1);
        assert_eq!(blocks[1].1.attr_bits, 2);
        assert!(blocks[1].1.link_density > 0.9);
    }

    #[test]
    fn json_ld_date_is_used() {
        let html = r#"<html><head><script type="application/ld+json">{"@type":"NewsArticle","datePublished": "2023-01-05"}</script></head><body><p>x</p></body></html>"#;
        assert_eq!(clean_html(html).date.as_deref(), Some("2023-01-05"));
    }
}
