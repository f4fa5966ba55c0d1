//! Text dumps (one visible block per line) to article text: the learned
//! line classifier scores each line, the page is decoded from the scores
//! (`decode`), the furniture rules veto, a short input is taken as clean
//! text.

use super::decode::decode;
use super::features::{page_stats, Block, LineStats};
use super::model::{Model, TEXT_MODEL};
use super::rules::{fill_prose_edges, rescue, veto};
use super::threads::cut_comment_thread;

/// The article lines of a text dump, joined with `\n`.
pub fn clean_text(text: &str) -> String {
    // Split at `\n`; trimming drops a `\r` as `str::lines` would.
    let mut lines: Vec<&str> = Vec::with_capacity(text.len() / 32 + 4);
    let mut start = 0;
    let mut line_to = |end: usize| {
        let line = trim(&text[start..end]);
        if !line.is_empty() {
            lines.push(line);
        }
        start = end + 1;
    };
    for_each_newline(text.as_bytes(), &mut line_to);
    line_to(text.len());
    // A short input is clean text already (a sentence piped in), not a page:
    // only lines that are nothing but a furniture phrase go.
    if lines.len() <= 2 {
        let kept: Vec<&str> = lines.into_iter().filter(|l| !is_furniture(l)).collect();
        return kept.join("\n");
    }
    let blocks: Vec<Block> = lines.iter().map(|t| Block::plain(t)).collect();
    let stats = page_stats(&blocks);
    let keep = keep_lines(&TEXT_MODEL, &blocks, &stats);
    join_kept(&blocks, &keep)
}

/// `str::trim`, with a quick look at the two end bytes first: most lines
/// open and close on an ASCII byte that is not white space.
fn trim(line: &str) -> &str {
    let solid =
        |b: Option<&u8>| b.is_some_and(|&b| b.is_ascii() && !matches!(b, b'\t'..=b'\r' | b' '));
    let bytes = line.as_bytes();
    if solid(bytes.first()) && solid(bytes.last()) {
        line
    } else {
        line.trim()
    }
}

/// Calls `f` with the index of every `\n` in `bytes`, in order: a bit
/// mask per 16 bytes (SSE2 is part of x86_64), cheaper than a search call
/// per line on short lines.
fn for_each_newline(bytes: &[u8], mut f: impl FnMut(usize)) {
    let mut at = 0;
    #[cfg(target_arch = "x86_64")]
    while at + 16 <= bytes.len() {
        use std::arch::x86_64::*;
        // SAFETY: SSE2 is part of x86_64; the 16 bytes loaded lie in `bytes`.
        let mut mask = unsafe {
            let v = _mm_loadu_si128(bytes.as_ptr().add(at).cast());
            _mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(b'\n' as i8)))
        };
        while mask != 0 {
            f(at + mask.trailing_zeros() as usize);
            mask &= mask - 1;
        }
        at += 16;
    }
    for (i, _) in bytes
        .iter()
        .enumerate()
        .skip(at)
        .filter(|(_, &b)| b == b'\n')
    {
        f(i);
    }
}

/// Which lines of a dump (more than two) are article text under `model`,
/// its decisions decoded as a page, the rules applied (the comment-thread
/// cut last): what the trainer cross-validates.
pub fn keep_lines(model: &Model, blocks: &[Block], stats: &[LineStats]) -> Vec<bool> {
    let mut keep = decode(&model.logits(blocks, stats), model.cut(), stats);
    rescue(stats, &mut keep);
    fill_prose_edges(stats, &mut keep);
    let lines: Vec<&str> = blocks.iter().map(|b| b.text).collect();
    veto(&lines, stats, &mut keep);
    cut_comment_thread(&lines, stats, &mut keep);
    keep
}

/// A short line made mostly of boilerplate phrases ("Follow us on:").
fn is_furniture(line: &str) -> bool {
    let s = LineStats::of(line);
    let covered: u32 = s.phrases.covered[..super::phrases::FURNITURE].iter().sum();
    s.words <= 6 && covered as usize * 2 >= line.len()
}

pub(super) fn join_kept(blocks: &[Block], keep: &[bool]) -> String {
    let kept = || blocks.iter().zip(keep).filter(|(_, k)| **k);
    let mut out = String::with_capacity(kept().map(|(b, _)| b.text.len() + 1).sum());
    for (b, _) in kept() {
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(b.text);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trim_is_str_trim() {
        for line in [
            "",
            "a",
            " a",
            "a\r",
            "\u{a0}a",
            "a\u{2003}",
            "\u{85}x\u{85}",
            "\tab c\x0b",
            "é",
            "a b",
        ] {
            assert_eq!(trim(line), line.trim(), "{line:?}");
        }
    }

    #[test]
    fn newlines_are_found_in_every_position() {
        for len in 0..50 {
            for every in 1..5 {
                let bytes: Vec<u8> = (0..len)
                    .map(|i| if i % every == 0 { b'\n' } else { b'x' })
                    .collect();
                let mut found = Vec::new();
                for_each_newline(&bytes, |i| found.push(i));
                let expected: Vec<usize> = (0..len).filter(|i| i % every == 0).collect();
                assert_eq!(found, expected, "{len} {every}");
            }
        }
    }

    #[test]
    fn keeps_prose_and_drops_furniture() {
        let dump = "Follow us on:\nTwitter\nBig Headline Here\n\
            Acme Corp. said on Tuesday that it would open a new plant in Ohio next year, adding jobs.\n\
            A subheading\n\
            The plant will make batteries for electric cars and trucks sold across North America.\n\
            Advertisement\nRelated\nSome Other Story Headline";
        assert_eq!(
            clean_text(dump),
            "Acme Corp. said on Tuesday that it would open a new plant in Ohio next year, adding jobs.\n\
             A subheading\n\
             The plant will make batteries for electric cars and trucks sold across North America."
        );
    }

    /// A made-up page in the style of a tech blog dump: disclaimer, social
    /// links, byline and bio, a community pitch, the article, then a
    /// newsletter prompt, partner pitch and "more" lists.
    const BLOG_DUMP: &str = "Disclosure: We may earn a commission when you buy through links on our site. Read our full policy here.

Follow us on:

Google News
Telegram

Northwind Ends Cloud Storage Deal With Two Logistics Firms

Priya Raman
Priya Raman
Writer, passionate about consumer gadgets and startups. Loves to follow the latest trends in apps, gaming and online culture.

Join the Tech Insiders Circle

Join the Gadgetline Tech Insiders Circle today and become part of a growing community of builders and early adopters who shape the future of technology.

Northwind said on Monday that it will wind down its cloud storage agreements with two logistics companies, Harbor Freightways and Lumen Cargo, by the end of the year.

The agreements gave both firms discounted access to Northwind's data centres in exchange for sharing shipment data used to train its route-planning software.

Regulators in two states had asked questions about how that shipment data was stored and who could see it.

Northwind's chief operating officer, Elena Brandt, said the company had found no misuse of the data during the five years the deals were in place.

We take the trust of our customers seriously, and these agreements no longer fit the way we want to run our business. – Elena Brandt, chief operating officer of Northwind

Harbor Freightways said it was already moving its storage to another provider, while Lumen Cargo declined to comment.

Join 25,000+ Smart Readers

Get Gadgetline's weekly roundup delivered to your inbox, packed with the stories that matter most for your tech life.

Recommended

Partner With Us

Sponsored content offers a way for your brand to reach engaged readers. Advertising with us helps your business grow its audience in a meaningful way.

Grow Your Brand

Solutions you need to boost your business and drive growth

More from this topic";

    #[test]
    fn blog_dump_keeps_every_paragraph_and_no_furniture() {
        let clean = clean_text(BLOG_DUMP);
        let kept: Vec<&str> = clean.lines().collect();
        let body: Vec<&str> = BLOG_DUMP
            .lines()
            .skip_while(|l| !l.starts_with("Northwind said"))
            .take_while(|l| !l.starts_with("Join 25,000"))
            .filter(|l| !l.is_empty())
            .collect();
        let headline = "Northwind Ends Cloud Storage Deal With Two Logistics Firms";
        let without_headline: Vec<&str> = kept.iter().copied().filter(|l| *l != headline).collect();
        assert_eq!(without_headline, body, "got:\n{clean}");
    }

    /// A bakery story, its share and tag lines, then under "Latest" the
    /// lead of another story, which the classifier keeps at 0.56: a small,
    /// unsure stretch after the article, which the page decoding drops.
    const TEASER_AFTER_DUMP: &str = "Menu
Search
Harbor Lane Foods opens a bakery in Tacoma
March 4, 2025
The Harbor Lane Foods company said on Thursday that it had opened its first bakery in Tacoma, where it will bake bread for forty grocery stores in the region.
The bakery cost about twelve million dollars to build and will employ ninety people once the night shift starts in the spring, the company said.
Its first products will be:
Sourdough loaves
Rye and spelt bread
Seeded rolls
Most of the ovens were bought from a supplier in Ohio, and the mixers came from a firm in northern Italy that builds them to order.
Local officials said the site had stood empty for six years before the company bought it from the county at auction last summer.
A spokeswoman said the bakery would buy most of its flour from mills in eastern Washington and Idaho.
The company plans to add a second line for rolls and buns next year if sales in the first months meet its targets.
Share
Tweet
Email
Filed under
Food
Retail
Washington
Latest
Orchard growers near Yakima say a warm winter has pushed their blossoms out three weeks early, and a late frost could cost them much of the crop.
A ferry operator in Puget Sound will add two hybrid boats to its fleet by the end of the decade, it told state lawmakers this week.
About us
Advertise
Terms of use";

    #[test]
    fn a_teaser_under_the_article_goes() {
        let clean = clean_text(TEASER_AFTER_DUMP);
        assert!(
            clean.starts_with("The Harbor Lane Foods company"),
            "{clean}"
        );
        assert!(clean.ends_with("meet its targets."), "{clean}");
        assert!(clean.contains("Seeded rolls"), "{clean}");
        assert!(!clean.contains("Orchard growers"), "{clean}");
    }

    #[test]
    fn short_foreign_article_keeps_every_paragraph() {
        let dump = "Startseite\nWirtschaft\nNeue Fabrik in Leipzig\n\
            Der Hersteller Nordlicht hat am Montag den Bau einer neuen Fabrik in Leipzig angekündigt, die Batterien liefern soll.\n\
            Nach Angaben des Unternehmens sollen dort bis zum Jahr 2027 rund 800 Menschen arbeiten.\n\
            Die Stadt hat das Grundstück bereits verkauft und hofft auf weitere Zulieferer.\n\
            Teilen\nImpressum\nDatenschutz";
        let kept = clean_text(dump);
        assert!(kept.starts_with("Der Hersteller Nordlicht"), "{kept}");
        assert!(kept.ends_with("weitere Zulieferer."), "{kept}");
        assert_eq!(kept.lines().count(), 3, "{kept}");
    }

    #[test]
    fn carriage_returns_and_blank_lines_are_dropped() {
        let dump = "Home\r\nNews\r\n\r\n  Sports  \r\nWeather";
        let unix = "Home\nNews\nSports\nWeather";
        assert_eq!(clean_text(dump), clean_text(unix));
    }

    #[test]
    fn no_prose_gives_empty_text() {
        assert_eq!(clean_text("Home\nNews\nSports"), "");
    }

    #[test]
    fn short_input_is_kept() {
        assert_eq!(
            clean_text("Shares rose 3% in March."),
            "Shares rose 3% in March."
        );
        assert_eq!(
            clean_text("Acme hires a new chief.\nFollow us on:"),
            "Acme hires a new chief."
        );
    }
}
