//! Raw HTML to main text: tokenize and build the element tree as HTML5
//! does (`html_tokens` and a light tree builder here), drop page chrome
//! (scripts, navigation, header, footer, asides, forms), turn the remaining
//! blocks into lines with markup hints (link density, tag, boilerplate
//! class/id, inside the article element), and let the line classifier
//! pick the article. Page
//! metadata (title, publication date, canonical URL) is read on the way.

use super::class_words::{self, BOILER_BIT, MAIN_BIT};
use super::features::{Block, HtmlHints, LineStats, Tag};
use super::html_meta::Meta;
use super::html_tokens::{Attr, Token, Tokenizer};
use super::lines::join_kept;
use super::markup_depth::MAX_DEPTH;
use super::model::{Model, HTML_MODEL};
use super::rules::{rescue, veto};
use crate::text::hash::{FastHasher, FastMap};
use std::borrow::Cow;
use std::cell::RefCell;
use std::hash::Hasher;
use std::sync::LazyLock;

/// The main text of a page and the metadata found in its markup.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct CleanPage {
    pub text: String,
    pub title: Option<String>,
    pub date: Option<String>,
    pub url: Option<String>,
    pub author: Option<String>,
    pub site_name: Option<String>,
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

/// Page chrome elements, one bit each in `HtmlHints::chrome`. Their text
/// is kept for the classifier, not skipped: some sites wrap the whole
/// article in a `<header>` or the page in a `<form>`.
const CHROME: &[&str] = &["nav", "header", "footer", "aside", "form"];

/// Class and id values kept per thread before the cache starts over.
const CLASS_CACHE_SIZE: usize = 1 << 14;

thread_local! {
    /// `class_words::bits` and a hash of the class and id values this
    /// thread has met: the pages of one site repeat them.
    static CLASS_CACHE: RefCell<FastMap<Box<str>, (u16, u64)>> = RefCell::default();
}

/// `class_words::bits` of a class or id value and a hash of it, remembered.
fn cached_class_words(value: &str) -> (u16, u64) {
    CLASS_CACHE.with_borrow_mut(|cache| {
        if let Some(&known) = cache.get(value) {
            return known;
        }
        if cache.len() >= CLASS_CACHE_SIZE {
            cache.clear();
        }
        let mut h = FastHasher::default();
        h.write(value.as_bytes());
        let known = (class_words::bits(value), h.finish());
        cache.insert(value.into(), known);
        known
    })
}

/// The path hash of an element: its parent's, its name and its class.
fn path_hash(parent: u64, name: &str, class: u64) -> u64 {
    const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
    let name = name_key(name).map_or(name.len() as u64, |k| k as u64 ^ (k >> 64) as u64);
    let h = (parent.rotate_left(5) ^ name).wrapping_mul(K);
    (h.rotate_left(5) ^ class).wrapping_mul(K)
}

/// Cleans one HTML page.
pub fn clean_html(html: &str) -> CleanPage {
    let Some(page) = parse(html) else {
        return CleanPage {
            text: super::clean_text(&super::markup_depth::strip_tags(html)),
            ..CleanPage::default()
        };
    };
    let blocks: Vec<Block> = page
        .blocks
        .iter()
        .map(|(t, h)| Block {
            text: t,
            html: Some(*h),
        })
        .collect();
    let text = if blocks.len() <= 2 {
        blocks.iter().map(|b| b.text).collect::<Vec<_>>().join("\n")
    } else {
        let keep = keep_blocks(&HTML_MODEL, &blocks, &page.stats);
        join_kept(&blocks, &keep)
    };
    let meta = page.meta;
    CleanPage {
        title: meta.title(),
        date: meta.date(),
        url: meta.url(),
        author: meta.author(),
        site_name: meta.site_name(),
        text,
    }
}

/// Which blocks of a page (more than two) are article text under `model`,
/// the rules applied: what the trainer cross-validates.
pub fn keep_blocks(model: &Model, blocks: &[Block], stats: &[LineStats]) -> Vec<bool> {
    let mut keep = model.classify(blocks, stats);
    rescue(stats, &mut keep);
    let texts: Vec<&str> = blocks.iter().map(|b| b.text).collect();
    veto(&texts, stats, &mut keep);
    follow_path_groups(blocks, stats, &mut keep);
    drop_title_heading(blocks, stats, &mut keep);
    keep
}

/// Blocks on one path of element names and classes are alike: the
/// paragraphs of an article body, the items of a list of headlines. Where
/// the kept blocks of a path (two blocks or more) hold most of its text,
/// its other prose blocks are kept too: cross-validated zyte F1 (seeds 0, 2
/// and 3) 0.9479 -> 0.9490.
fn follow_path_groups(blocks: &[Block], stats: &[LineStats], keep: &mut [bool]) {
    // Per path: blocks, characters, characters kept.
    let mut groups = vec![(0u32, 0f32, 0f32); blocks.len()];
    for ((b, s), &k) in blocks.iter().zip(stats).zip(keep.iter()) {
        let Some(h) = b.html else { return };
        let Some(g) = groups.get_mut(h.path as usize) else {
            return;
        };
        g.0 += 1;
        g.1 += s.chars as f32;
        if k {
            g.2 += s.chars as f32;
        }
    }
    for ((b, s), k) in blocks.iter().zip(stats).zip(keep.iter_mut()) {
        let Some(h) = b.html else { return };
        let (n, chars, kept) = groups[h.path as usize];
        if n >= 2 && kept >= 0.6 * chars && s.proseish() {
            *k = true;
        }
    }
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

/// The visible blocks of a page, in order, with their markup hints (none
/// for a page nested too deep to parse).
pub fn blocks(html: &str) -> Vec<(String, HtmlHints)> {
    parse(html).map_or_else(Vec::new, |page| page.blocks)
}

/// A page read into blocks, their counts and its metadata.
struct Parsed {
    blocks: Vec<(String, HtmlHints)>,
    stats: Vec<LineStats>,
    meta: Meta,
}

/// The page's blocks, or `None` when its elements nest deeper than
/// `MAX_DEPTH`: the scope checks walk the stack of open elements, so such a
/// page would cost time quadratic in its depth.
fn parse(html: &str) -> Option<Parsed> {
    let mut b = Builder::default();
    b.acc.parent.push(0);
    b.acc.path.push(0);
    let mut tokens = Tokenizer::new(html);
    while let Some(token) = tokens.next() {
        b.token(token, tokens.attrs());
        if b.stack.len() > MAX_DEPTH {
            return None;
        }
    }
    while b.stack.len() > 1 {
        b.pop();
    }
    b.acc.flush(ROOT);
    let stats = page_stats_of(&b.acc.out);
    mark_top_container(&mut b.acc, &stats);
    mark_groups(&mut b.acc, &stats);
    Some(Parsed {
        blocks: b.acc.out,
        stats,
        meta: b.meta,
    })
}

fn page_stats_of(blocks: &[(String, HtmlHints)]) -> Vec<LineStats> {
    blocks.iter().map(|(t, _)| LineStats::of(t)).collect()
}

/// Scores every element by the prose of its blocks (fully for the block's
/// parent, half for its grandparent, as readability does: an article body
/// holds its paragraphs directly, a comment thread spreads them over many
/// small elements) and marks the blocks inside the best one.
fn mark_top_container(acc: &mut Collector, stats: &[LineStats]) {
    let mut score = vec![0f32; acc.parent.len()];
    for (s, &e) in stats.iter().zip(&acc.element) {
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
    // The top container and its ancestors hold the article: any other
    // element that scores is a rival candidate (a comment thread, a second
    // column), ranked by its score.
    let mut above_top = vec![false; score.len()];
    let mut k = top_parent as usize;
    while k != 0 {
        above_top[k] = true;
        k = acc.parent[k] as usize;
    }
    let mut rivals: Vec<f32> = (1..score.len())
        .filter(|&k| score[k] > 0.0 && !above_top[k])
        .map(|k| score[k])
        .collect();
    rivals.sort_unstable_by(|a, b| b.total_cmp(a));
    let second = top_rival(acc, &score, top, &above_top);
    // Each element's characters, its descendants' included (a child comes
    // after its parent in `parent`).
    let mut chars = vec![0f32; score.len()];
    for (s, &e) in stats.iter().zip(&acc.element) {
        chars[e as usize] += s.chars as f32;
    }
    for k in (1..chars.len()).rev() {
        chars[acc.parent[k] as usize] += chars[k];
    }
    for (((_, h), &e), s) in acc.out.iter_mut().zip(&acc.element).zip(stats) {
        let mut k = e;
        let mut steps = 0;
        let mut best = 0f32;
        // The block's best-scoring ancestor that is not above the top one.
        let mut candidate = 0u32;
        while k != 0 && steps < MAX_DEPTH {
            let sk = score[k as usize];
            best = best.max(sk);
            if !above_top[k as usize] && sk > score[candidate as usize] {
                candidate = k;
            }
            if k as usize == top {
                h.in_top = true;
                h.depth_in_top = (steps + 1).min(255) as u8;
            }
            if k == top_parent {
                h.in_top_parent = true;
                break;
            }
            k = acc.parent[k as usize];
            steps += 1;
        }
        h.ancestor_score = best / score[top];
        h.second_score = second / score[top];
        let c = candidate as usize;
        h.candidate_rank = if c == 0 {
            rivals.len()
        } else {
            rivals.partition_point(|&r| r > score[c])
        }
        .min(u16::MAX as usize) as u16;
        h.in_other_candidate = c != 0 && !h.in_top;
        h.candidate_text_share = if c == 0 {
            0.0
        } else {
            s.chars as f32 / chars[c].max(1.0)
        };
    }
    let first = acc.out.iter().position(|(_, h)| h.in_top);
    let last = acc.out.iter().rposition(|(_, h)| h.in_top);
    if let (Some(first), Some(last)) = (first, last) {
        for (i, (_, h)) in acc.out.iter_mut().enumerate() {
            h.top_side = if i < first {
                -1
            } else if i > last {
                1
            } else {
                0
            };
        }
    }
}

/// The best score among the elements neither above the top container nor
/// inside it: the runner-up a misplaced pick would have chosen instead.
fn top_rival(acc: &Collector, score: &[f32], top: usize, above_top: &[bool]) -> f32 {
    let mut best = 0f32;
    for k in 1..score.len() {
        if score[k] <= best || above_top[k] || k == top {
            continue;
        }
        let mut a = acc.parent[k] as usize;
        let mut steps = 0;
        while a != 0 && a != top && steps < MAX_DEPTH {
            a = acc.parent[a] as usize;
            steps += 1;
        }
        if a != top {
            best = score[k];
        }
    }
    best
}

/// Blocks counted together: how many, how many of them prose, their
/// characters and the characters of their links.
#[derive(Default, Clone, Copy)]
struct Group {
    blocks: u32,
    prose: u32,
    chars: f32,
    link_chars: f32,
}

impl Group {
    fn add(&mut self, s: &LineStats, link_density: f32) {
        self.blocks += 1;
        self.prose += s.proseish() as u32;
        self.chars += s.chars as f32;
        self.link_chars += s.chars as f32 * link_density;
    }

    fn prose_share(&self) -> f32 {
        self.prose as f32 / self.blocks.max(1) as f32
    }

    fn link_density(&self) -> f32 {
        (self.link_chars / self.chars.max(1.0)).min(1.0)
    }
}

/// Marks each block with what the blocks around it in the tree say: those
/// of its container (an article body holds many prose paragraphs, a menu
/// many links), those on its path of element names and classes (template
/// items repeat it), and the share of the page's text before it.
fn mark_groups(acc: &mut Collector, stats: &[LineStats]) {
    let mut containers = vec![Group::default(); acc.parent.len()];
    let mut outers = vec![Group::default(); acc.parent.len()];
    // Each path's number in order of first use, and its group.
    let mut numbers: FastMap<u64, u32> = FastMap::default();
    let mut paths: Vec<Group> = Vec::new();
    // Each container's number in order of first use (`u32::MAX`: none yet).
    let mut container_numbers = vec![u32::MAX; acc.parent.len()];
    let mut next_container = 0u32;
    let mut total = 0f32;
    for (((_, h), &e), s) in acc.out.iter_mut().zip(&acc.element).zip(stats) {
        let e = e as usize;
        let c = acc.parent[e] as usize;
        containers[c].add(s, h.link_density);
        outers[acc.parent[c] as usize].add(s, h.link_density);
        let next = paths.len() as u32;
        let number = *numbers.entry(acc.path[e]).or_insert(next);
        if number == next {
            paths.push(Group::default());
        }
        paths[number as usize].add(s, h.link_density);
        h.path = number;
        if container_numbers[c] == u32::MAX {
            container_numbers[c] = next_container;
            next_container += 1;
        }
        h.container = container_numbers[c];
        total += s.chars as f32;
    }
    let total = total.max(1.0);
    let mut before = 0f32;
    for (((_, h), &e), s) in acc.out.iter_mut().zip(&acc.element).zip(stats) {
        let e = e as usize;
        let c = containers[acc.parent[e] as usize];
        h.container_link_density = c.link_density();
        h.container_blocks = c.blocks.min(u16::MAX as u32) as u16;
        h.container_prose_share = c.prose_share();
        h.container_prose = c.prose.min(u16::MAX as u32) as u16;
        h.container_text_share = c.chars / total;
        let outer = outers[acc.parent[acc.parent[e] as usize] as usize];
        h.outer_link_density = outer.link_density();
        h.outer_prose_share = outer.prose_share();
        let p = paths[h.path as usize];
        h.path_blocks = p.blocks.min(u16::MAX as u32) as u16;
        h.path_prose_share = p.prose_share();
        h.path_text_share = p.chars / total;
        h.text_before = before / total;
        before += s.chars as f32;
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
    /// 1-6 inside `<h1>`-`<h6>`, else 0.
    heading_level: u8,
    /// The innermost element (index into `Collector::parent`).
    element: u32,
    /// Inside an element whose content is not shown (script, hidden, ...).
    skip: bool,
    /// Inside `<svg>` or `<math>`, where `<x/>` closes itself.
    foreign: bool,
}

const ROOT: Context = Context {
    tag: Tag::Other,
    boiler: false,
    main: false,
    link: false,
    attr_bits: 0,
    chrome: 0,
    heading_level: 0,
    element: 0,
    skip: false,
    foreign: false,
};

#[derive(Default)]
struct Collector {
    out: Vec<(String, HtmlHints)>,
    /// Per output block, the element that closed it.
    element: Vec<u32>,
    /// Per element seen, its parent element (element 0 is the document).
    parent: Vec<u32>,
    /// Per element seen, a hash of the names and classes of it and its
    /// ancestors.
    path: Vec<u64>,
    current: String,
    link_chars: usize,
}

impl Collector {
    fn flush(&mut self, ctx: Context) {
        let (collapsed, chars) = collapse_whitespace(&self.current);
        if !collapsed.is_empty() {
            let hints = HtmlHints {
                link_density: (self.link_chars as f32 / chars.max(1) as f32).min(1.0),
                tag: ctx.tag,
                boiler_attr: ctx.boiler,
                in_main: ctx.main,
                attr_bits: ctx.attr_bits,
                chrome: ctx.chrome,
                heading_level: ctx.heading_level,
                ..HtmlHints::default()
            };
            self.out.push((collapsed, hints));
            self.element.push(ctx.element);
        }
        self.current.clear();
        self.link_chars = 0;
    }
}

/// The words of `text` joined by single spaces, and their character count
/// (spaces left out).
fn collapse_whitespace(text: &str) -> (String, usize) {
    let mut collapsed = String::with_capacity(text.len());
    if text.is_ascii() {
        // The same split as below, a byte at a time: for ASCII,
        // `char::is_whitespace` is `\t`, `\n`, `\x0B`, `\x0C`, `\r` and space.
        // Text mostly has single spaces between words already, so runs of it
        // are copied whole and only other white space is rewritten.
        let b = text.as_bytes();
        let is_space = |c: u8| matches!(c, b'\t'..=b'\r' | b' ');
        let mut i = b.iter().position(|&c| !is_space(c)).unwrap_or(b.len());
        let mut run = i;
        let mut spaces = 0;
        while i < b.len() {
            if !is_space(b[i]) {
                i += 1;
                continue;
            }
            if b[i] == b' ' && b.get(i + 1).is_some_and(|&c| !is_space(c)) {
                spaces += 1;
                i += 2;
                continue;
            }
            collapsed.push_str(&text[run..i]);
            while i < b.len() && is_space(b[i]) {
                i += 1;
            }
            if i < b.len() {
                collapsed.push(' ');
                spaces += 1;
            }
            run = i;
        }
        collapsed.push_str(&text[run..]);
        let chars = collapsed.len() - spaces;
        return (collapsed, chars);
    }
    let mut chars = 0;
    for w in text.split_whitespace() {
        if !collapsed.is_empty() {
            collapsed.push(' ');
        }
        collapsed.push_str(w);
        chars += w.chars().count();
    }
    (collapsed, chars)
}

/// An open element: its name, its context for its content, whether it
/// closes a block.
struct Open<'a> {
    name: Cow<'a, str>,
    flags: u16,
    inner: Context,
    block: bool,
}

/// What the next text token is wanted for.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Capture {
    /// The content of a script or style in the head: not page text.
    Ignore,
    Title,
    JsonLd,
}

/// A light HTML5 tree builder over the tokens: the stack of open elements
/// with the implied end tags, scopes and head/body handling of the HTML5
/// rules that shape the blocks of real pages, feeding the collector in
/// document order.
#[derive(Default)]
struct Builder<'a> {
    acc: Collector,
    stack: Vec<Open<'a>>,
    in_body: bool,
    quirks: bool,
    seen_doctype: bool,
    capture: Option<Capture>,
    meta: Meta,
}

/// The value of the first `name` attribute, decoded.
fn attr<'a>(attrs: &[Attr<'a>], name: &str) -> Option<Cow<'a, str>> {
    attrs.iter().find(|a| a.is(name)).map(Attr::value)
}

/// Elements that belong in the head of a page.
const HEAD_CONTENT: &[&str] = &[
    "base", "basefont", "bgsound", "link", "meta", "noframes", "script", "style", "title",
    "noscript",
];

const VOID: &[&str] = &[
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "hr", "img", "image", "input",
    "keygen", "link", "meta", "param", "source", "track", "wbr", "frame",
];

/// Start tags that close an open `<p>`.
const CLOSES_P: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "center",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "header",
    "hgroup",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "search",
    "section",
    "summary",
    "ul",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "pre",
    "listing",
    "form",
    "hr",
    "xmp",
    "plaintext",
    "dd",
    "dt",
    "li",
];

/// End tags that close their element only when it is in scope.
const SCOPED_END: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "button",
    "center",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "header",
    "hgroup",
    "listing",
    "main",
    "menu",
    "nav",
    "ol",
    "pre",
    "search",
    "section",
    "summary",
    "ul",
    "form",
    "dd",
    "dt",
    "applet",
    "marquee",
    "object",
];

const HEADINGS: &[&str] = &["h1", "h2", "h3", "h4", "h5", "h6"];

/// Elements with special parsing rules: an unmatched end tag stops at them.
const SPECIAL: &[&str] = &[
    "address",
    "applet",
    "area",
    "article",
    "aside",
    "base",
    "basefont",
    "bgsound",
    "blockquote",
    "body",
    "br",
    "button",
    "caption",
    "center",
    "col",
    "colgroup",
    "dd",
    "details",
    "dir",
    "div",
    "dl",
    "dt",
    "embed",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "frame",
    "frameset",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hgroup",
    "hr",
    "html",
    "iframe",
    "img",
    "input",
    "keygen",
    "li",
    "link",
    "listing",
    "main",
    "marquee",
    "menu",
    "meta",
    "nav",
    "noembed",
    "noframes",
    "noscript",
    "object",
    "ol",
    "p",
    "param",
    "plaintext",
    "pre",
    "script",
    "search",
    "section",
    "select",
    "source",
    "style",
    "summary",
    "table",
    "tbody",
    "td",
    "template",
    "textarea",
    "tfoot",
    "th",
    "thead",
    "title",
    "tr",
    "track",
    "ul",
    "wbr",
    "xmp",
];

/// Elements that bound the default scope.
const SCOPE: &[&str] = &[
    "applet", "caption", "html", "table", "td", "th", "marquee", "object", "template",
];

const F_BLOCK: u16 = 1;
const F_SKIP: u16 = 1 << 1;
const F_VOID: u16 = 1 << 2;
const F_SPECIAL: u16 = 1 << 3;
const F_SCOPE: u16 = 1 << 4;
const F_CLOSES_P: u16 = 1 << 5;
const F_HEAD: u16 = 1 << 6;
const F_HEADING: u16 = 1 << 7;
const F_SCOPED_END: u16 = 1 << 8;

/// What the lists above say of each element name, as `F_*` bits: one
/// lookup per tag instead of a scan of every list. Keyed by `name_key`.
static FLAGS: LazyLock<FastMap<u128, u16>> = LazyLock::new(|| {
    let mut m: FastMap<u128, u16> = FastMap::default();
    for (list, flag) in [
        (BLOCKS, F_BLOCK),
        (SKIPPED, F_SKIP),
        (VOID, F_VOID),
        (SPECIAL, F_SPECIAL),
        (SCOPE, F_SCOPE),
        (CLOSES_P, F_CLOSES_P),
        (HEAD_CONTENT, F_HEAD),
        (HEADINGS, F_HEADING),
        (SCOPED_END, F_SCOPED_END),
    ] {
        for name in list {
            *m.entry(name_key(name).expect("short element name"))
                .or_default() |= flag;
        }
    }
    m
});

/// An element name of up to 15 bytes and its length as one number, which
/// hashes and compares faster than the string (every listed name is shorter).
fn name_key(name: &str) -> Option<u128> {
    let b = name.as_bytes();
    (b.len() < 16).then(|| {
        let mut key = [0u8; 16];
        key[..b.len()].copy_from_slice(b);
        key[15] = b.len() as u8;
        u128::from_le_bytes(key)
    })
}

fn flags(name: &str) -> u16 {
    name_key(name).map_or(0, |k| FLAGS.get(&k).copied().unwrap_or(0))
}

impl<'a> Builder<'a> {
    fn current(&self) -> Context {
        self.stack.last().map_or(ROOT, |o| o.inner)
    }

    fn current_name(&self) -> &str {
        self.stack.last().map_or("html", |o| o.name.as_ref())
    }

    /// Pops the current element, closing its block or separating its text.
    fn pop(&mut self) {
        let Some(open) = self.stack.pop() else {
            return;
        };
        if open.inner.skip {
            return;
        }
        if open.block {
            self.acc.flush(open.inner);
        } else if self.text_ends_in_word() {
            self.acc.current.push(' ');
        }
    }

    /// Whether the block text so far ends in something other than white
    /// space. White space added anywhere else comes out the same as none
    /// (`collapse_whitespace` trims the ends and folds runs), so it is left out.
    fn text_ends_in_word(&self) -> bool {
        let text = self.acc.current.as_bytes();
        text.last().is_some_and(|&c| !is_ascii_space(c))
    }

    /// The stack index of the topmost `names` element before a scope boundary.
    fn in_scope(&self, names: &[&str], extra_bounds: &[&str], table: bool) -> Option<usize> {
        for (i, o) in self.stack.iter().enumerate().rev() {
            let n = o.name.as_ref();
            if names.contains(&n) {
                return Some(i);
            }
            let bound = if table {
                matches!(n, "html" | "table" | "template")
            } else {
                o.flags & F_SCOPE != 0 || extra_bounds.contains(&n)
            };
            if bound {
                return None;
            }
        }
        None
    }

    fn pop_to(&mut self, i: usize) {
        while self.stack.len() > i {
            self.pop();
        }
    }

    fn close_p(&mut self) {
        if let Some(i) = self.in_scope(&["p"], &["button"], false) {
            self.pop_to(i);
        }
    }

    fn token(&mut self, token: Token<'a>, attrs: &[Attr<'a>]) {
        let capture = self.capture.take();
        match token {
            Token::Doctype => {
                if !self.seen_doctype && !self.in_body {
                    self.seen_doctype = true;
                }
            }
            Token::Text(t) => {
                match capture {
                    Some(Capture::Title) if self.meta.title.is_none() => {
                        self.meta.title = Some(t.to_string());
                    }
                    Some(Capture::JsonLd) => self.meta.json_ld.push(t.to_string()),
                    _ => {}
                }
                if !self.in_body {
                    if t.trim_ascii().is_empty() || capture.is_some() {
                        return;
                    }
                    self.start_body(&[]);
                }
                let ctx = self.current();
                if ctx.skip || (t.bytes().all(is_ascii_space) && !self.text_ends_in_word()) {
                    return;
                }
                if ctx.link {
                    self.acc.link_chars += t.chars().filter(|c| !c.is_whitespace()).count();
                }
                self.acc.current.push_str(&t);
            }
            Token::Start { name, self_closing } => self.start(name, attrs, self_closing),
            Token::End { name } => self.end(&name),
        }
    }

    fn start_body(&mut self, attrs: &[Attr<'a>]) {
        self.in_body = true;
        self.quirks = !self.seen_doctype;
        self.open(Cow::Borrowed("body"), flags("body"), attrs);
    }

    fn read_meta(&mut self, name: &str, attrs: &[Attr<'a>]) {
        match name {
            "meta" => {
                let key = attr(attrs, "property")
                    .or_else(|| attr(attrs, "name"))
                    .or_else(|| attr(attrs, "itemprop"));
                if let (Some(k), Some(c)) = (key, attr(attrs, "content")) {
                    self.meta.metas.push((k.into_owned(), c.into_owned()));
                }
            }
            "title" => self.capture = Some(Capture::Title),
            "script" if attr(attrs, "type").as_deref() == Some("application/ld+json") => {
                self.capture = Some(Capture::JsonLd)
            }
            "time" if self.meta.time.is_none() => {
                self.meta.time = attr(attrs, "datetime").map(Cow::into_owned);
            }
            "link"
                if self.meta.canonical.is_none()
                    && attr(attrs, "rel").as_deref() == Some("canonical") =>
            {
                self.meta.canonical = attr(attrs, "href").map(Cow::into_owned);
            }
            _ => {}
        }
    }

    fn start(&mut self, name: Cow<'a, str>, attrs: &[Attr<'a>], self_closing: bool) {
        self.read_meta(&name, attrs);
        let n = name.as_ref();
        let f = flags(n);
        if !self.in_body {
            match n {
                "html" | "head" => return,
                "body" => return self.start_body(attrs),
                _ if f & F_HEAD != 0 => {
                    self.capture.get_or_insert(Capture::Ignore);
                    return;
                }
                _ => self.start_body(&[]),
            }
        }
        match n {
            "html" | "body" | "head" => return,
            "li" => {
                self.close_list_item(&["li"]);
                self.close_p();
            }
            "dd" | "dt" => {
                self.close_list_item(&["dd", "dt"]);
                self.close_p();
            }
            _ if f & F_HEADING != 0 => {
                self.close_p();
                if self.stack.last().is_some_and(|o| o.flags & F_HEADING != 0) {
                    self.pop();
                }
            }
            "table" if !self.quirks => self.close_p(),
            _ if f & F_CLOSES_P != 0 => self.close_p(),
            "a" => {
                // An open link in the same cell closes first (when only
                // inline elements lie between).
                for i in (0..self.stack.len()).rev() {
                    let n = self.stack[i].name.as_ref();
                    if n == "a" {
                        self.pop_to(i);
                        break;
                    }
                    if self.stack[i].flags & F_SPECIAL != 0 {
                        break;
                    }
                }
            }
            "tr" => {
                if let Some(i) = self.in_scope(&["tr"], &[], true) {
                    self.pop_to(i);
                }
                if self.current_name() == "table" {
                    self.open(Cow::Borrowed("tbody"), flags("tbody"), &[]);
                }
            }
            "td" | "th" => {
                if let Some(i) = self.in_scope(&["td", "th"], &[], true) {
                    self.pop_to(i);
                }
                if self.current_name() == "table" {
                    self.open(Cow::Borrowed("tbody"), flags("tbody"), &[]);
                }
                if matches!(self.current_name(), "tbody" | "thead" | "tfoot") {
                    self.open(Cow::Borrowed("tr"), flags("tr"), &[]);
                }
            }
            "tbody" | "thead" | "tfoot" => {
                if let Some(i) = self.in_scope(&["tbody", "thead", "tfoot"], &[], true) {
                    self.pop_to(i);
                }
            }
            "option" | "optgroup" if self.current_name() == "option" => self.pop(),
            _ => {}
        }
        let foreign = self.current().foreign;
        self.open(name, f, attrs);
        if f & F_VOID != 0 || (foreign && self_closing) {
            self.pop();
        }
    }

    /// `<li>` (or `<dd>`, `<dt>`) closes the open one unless a block other
    /// than address, div or p lies between.
    fn close_list_item(&mut self, names: &[&str]) {
        for i in (0..self.stack.len()).rev() {
            let n = self.stack[i].name.as_ref();
            if names.contains(&n) {
                return self.pop_to(i);
            }
            if self.stack[i].flags & F_SPECIAL != 0 && !matches!(n, "address" | "div" | "p") {
                return;
            }
        }
    }

    /// Pushes an element (`f`: its `flags`), working out its context from
    /// its name and attributes.
    fn open(&mut self, name: Cow<'a, str>, f: u16, attrs: &[Attr<'a>]) {
        let ctx = self.current();
        let n = name.as_ref();
        let mut inner = ctx;
        inner.foreign |= matches!(n, "svg" | "math");
        let block = f & F_BLOCK != 0;
        if ctx.skip || f & F_SKIP != 0 || hidden(attrs) {
            inner.skip = true;
            self.stack.push(Open {
                name,
                flags: f,
                inner,
                block,
            });
            return;
        }
        let (mut words, class) = attr(attrs, "class").map_or((0, 0), |c| cached_class_words(&c));
        if let Some(id) = attr(attrs, "id") {
            words |= cached_class_words(&id).0;
        }
        inner.boiler |= words & BOILER_BIT != 0;
        inner.attr_bits |= (words & 0x7f) as u8;
        if let Some(b) = CHROME.iter().position(|c| *c == n) {
            inner.chrome |= 1 << b;
        }
        inner.element = self.acc.parent.len() as u32;
        self.acc.parent.push(ctx.element);
        let path = path_hash(self.acc.path[ctx.element as usize], n, class);
        self.acc.path.push(path);
        inner.main |= matches!(n, "article" | "main")
            || attr(attrs, "itemprop").as_deref() == Some("articleBody")
            || words & MAIN_BIT != 0;
        inner.link |= n == "a";
        if block {
            self.acc.flush(ctx);
            inner.heading_level = match n.as_bytes() {
                [b'h', d @ b'1'..=b'6'] => d - b'0',
                _ => ctx.heading_level,
            };
            inner.tag = match n {
                "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => Tag::Heading,
                "p" => Tag::Paragraph,
                "li" | "dd" | "dt" => Tag::ListItem,
                "tr" => Tag::Cell,
                "blockquote" => Tag::Quote,
                _ => ctx.tag,
            };
        }
        self.stack.push(Open {
            name,
            flags: f,
            inner,
            block,
        });
    }

    fn end(&mut self, name: &str) {
        if !self.in_body {
            return;
        }
        let f = flags(name);
        match name {
            "html" | "body" | "head" => {}
            "br" => self.start(Cow::Borrowed("br"), &[], false),
            "p" => match self.in_scope(&["p"], &["button"], false) {
                Some(i) => self.pop_to(i),
                // A stray `</p>` stands for an empty paragraph: a block break.
                None if !self.current().skip => {
                    let ctx = self.current();
                    self.acc.flush(ctx);
                }
                None => {}
            },
            "li" => {
                if let Some(i) = self.in_scope(&["li"], &["ol", "ul"], false) {
                    self.pop_to(i);
                }
            }
            _ if f & F_HEADING != 0 => {
                if let Some(i) = self.in_scope(HEADINGS, &[], false) {
                    self.pop_to(i);
                }
            }
            "table" | "tbody" | "thead" | "tfoot" | "tr" | "td" | "th" | "caption" => {
                if let Some(i) = self.in_scope(&[name], &[], true) {
                    self.pop_to(i);
                }
            }
            _ if f & F_SCOPED_END != 0 => {
                if let Some(i) = self.in_scope(&[name], &[], false) {
                    self.pop_to(i);
                }
            }
            _ => {
                for i in (0..self.stack.len()).rev() {
                    let n = self.stack[i].name.as_ref();
                    if n == name {
                        return self.pop_to(i);
                    }
                    if self.stack[i].flags & F_SPECIAL != 0 {
                        return;
                    }
                }
            }
        }
    }
}

/// ASCII white space as `char::is_whitespace` has it (`\x0B` included).
fn is_ascii_space(c: u8) -> bool {
    matches!(c, b'\t'..=b'\r' | b' ')
}

/// Hidden from the reader. React's streamed server rendering parks content
/// in `<div hidden id="S:0">` until a script moves it into view, so those stay.
fn hidden(attrs: &[Attr]) -> bool {
    (attr(attrs, "hidden").is_some() && !attr(attrs, "id").is_some_and(|id| id.starts_with("S:")))
        || attr(attrs, "aria-hidden").as_deref() == Some("true")
        || attr(attrs, "style").is_some_and(|s| s.replace(' ', "").contains("display:none"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_nested_too_deep_is_stripped_not_parsed() {
        let deep = "<div>".repeat(MAX_DEPTH + 1) + "Deep text";
        assert!(parse(&deep).is_none());
        assert!(clean_html(&deep).text.contains("Deep text"));
        // Unclosed paragraphs close each other: a long page, not a deep one.
        assert!(parse(&"<p>Line ".repeat(5000)).is_some());
    }

    #[test]
    fn element_flags_belong_to_the_whole_name() {
        assert_eq!(flags("p"), F_BLOCK | F_SPECIAL | F_CLOSES_P);
        assert_eq!(flags("p\0"), 0);
        assert_eq!(flags("blockquotes"), 0);
    }

    #[test]
    fn drops_chrome_and_reads_metadata() {
        let html = r#"<html><head><title>Acme and Globex team up</title>
            <meta property="article:published_time" content="2024-03-15T09:00:00Z">
            <meta name="author" content="Jane Doe"><meta property="og:site_name" content="News Example">
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
        assert_eq!(page.author.as_deref(), Some("Jane Doe"));
        assert_eq!(page.site_name.as_deref(), Some("News Example"));
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
    fn whitespace_collapses_as_split_whitespace_does() {
        for text in [
            "",
            " \t\n ",
            "  one\x0Btwo\r\n three  ",
            "caf\u{e9}\u{a0}au lait\u{2003}noir ",
            "a b  c\td e ",
            " x y",
            "word",
            "a \n",
        ] {
            let words: Vec<&str> = text.split_whitespace().collect();
            let chars = words.iter().map(|w| w.chars().count()).sum();
            assert_eq!(
                collapse_whitespace(text),
                (words.join(" "), chars),
                "{text:?}"
            );
        }
    }

    #[test]
    fn class_words_are_remembered_per_thread() {
        for value in ["site-nav", "article-body", "site-nav", "plain"] {
            assert_eq!(
                cached_class_words(value).0,
                class_words::bits(value),
                "{value}"
            );
        }
        assert!(CLASS_CACHE.with_borrow(|c| c.len() >= 3));
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
    fn blocks_know_their_container_path_and_place() {
        let html = r#"<html><body><ul class="menu"><li><a href="/a">Markets</a></li>
            <li><a href="/b">Energy</a></li><li><a href="/c">Travel</a></li></ul>
            <div class="story"><h2>Plant opens</h2>
            <p>Acme Corp. said on Tuesday it will open a new battery plant in Ohio next year.</p>
            <p>The plant will employ about 500 people and supply carmakers across the region.</p></div>
            <p class="note">Filed under energy news.</p></body></html>"#;
        let blocks = blocks(html);
        let h: Vec<&HtmlHints> = blocks.iter().map(|(_, h)| h).collect();
        assert_eq!(blocks.len(), 7);
        // Three menu items on one path, all links, before the story.
        assert_eq!(h[0].path_blocks, 3);
        assert_eq!(h[0].container_blocks, 3);
        assert!(h[0].container_link_density > 0.9);
        assert_eq!((h[0].top_side, h[0].text_before), (-1, 0.0));
        // The heading and the two paragraphs share the story container.
        assert_eq!(h[3].heading_level, 2);
        assert_eq!(h[4].heading_level, 0);
        assert_eq!(h[4].path_blocks, 2);
        assert_eq!(h[4].path_prose_share, 1.0);
        assert_eq!(h[4].container_blocks, 3);
        assert_eq!((h[0].container, h[2].container), (0, 0));
        assert_eq!((h[3].container, h[5].container), (1, 1));
        assert!(h[4].in_top && h[4].depth_in_top == 2 && h[4].top_side == 0);
        assert!(h[4].text_before > 0.1 && h[4].path_text_share > 0.5);
        // The note after the story is on a path of its own.
        assert_eq!((h[6].top_side, h[6].path_blocks), (1, 1));
    }

    #[test]
    fn blocks_outside_the_top_container_know_their_rival_candidate() {
        let html = r#"<html><body><div class="story">
            <p>Brindlewood Foods said on Monday it will build a second bakery near the harbour.</p>
            <p>The company expects the new site to bake bread for shops across three counties.</p>
            <p>Construction should start in April once the town council approves the plans.</p></div>
            <section class="talk"><div><p>I hope they keep the old bakery open as well, it is lovely.</p></div>
            <div><p>Great news for the town, we need more jobs near the harbour these days.</p></div>
            </section></body></html>"#;
        let blocks = blocks(html);
        let h: Vec<&HtmlHints> = blocks.iter().map(|(_, h)| h).collect();
        assert_eq!(blocks.len(), 5);
        // The story is the top container, a comment the runner-up.
        assert!(h[0].in_top && !h[3].in_top);
        assert!(h[0].second_score > 0.2 && h[0].second_score < 0.5);
        assert_eq!(h[0].second_score, h[4].second_score);
        assert!((h[0].candidate_rank, h[0].in_other_candidate) == (0, false));
        assert!((h[0].candidate_text_share - 1.0 / 3.0).abs() < 0.05);
        // A comment's candidate is the section holding both comments.
        assert!(h[3].candidate_rank >= 1 && h[3].in_other_candidate);
        let share = h[3].candidate_text_share;
        assert!(share > 0.3 && share < 0.7, "{share}");
    }

    #[test]
    fn a_prose_block_follows_the_kept_blocks_of_its_path() {
        let texts = [
            "Initrode Ltd. said on Monday it will build a new wind farm off the coast.",
            "The farm will power about 40,000 homes once it is finished, the company said.",
            "Construction is set to begin in the spring and last for nearly two years.",
            "Initrode shares rose 3% in early trading on the news of the project.",
        ];
        let hints = |path| HtmlHints {
            path,
            ..HtmlHints::default()
        };
        let blocks: Vec<Block> = texts
            .iter()
            .zip([1, 1, 1, 2])
            .map(|(t, p)| Block {
                text: t,
                html: Some(hints(p)),
            })
            .collect();
        let stats: Vec<LineStats> = texts.iter().map(|t| LineStats::of(t)).collect();
        let mut keep = vec![true, false, true, false];
        follow_path_groups(&blocks, &stats, &mut keep);
        // The last block is alone on its path: nothing to follow.
        assert_eq!(keep, [true, true, true, false]);
    }

    #[test]
    fn json_ld_date_is_used() {
        let html = r#"<html><head><script type="application/ld+json">{"@type":"NewsArticle","datePublished": "2023-01-05"}</script></head><body><p>x</p></body></html>"#;
        assert_eq!(clean_html(html).date.as_deref(), Some("2023-01-05"));
    }
}
