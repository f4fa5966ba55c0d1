//! `newsmine report`: one self-contained HTML page (inline style, script
//! and SVG, no network access) that shows a run folder: summary figures,
//! the partnership network, a timeline of mentions and a filterable table
//! of partnerships with their evidence. Large runs are capped, and the page
//! says what was cut.

mod data;
mod html;
mod layout;
mod network;
mod svg;

pub use data::{Mention, Organization, Partnership, RunData};

use std::io;
use std::path::Path;

/// How much of a large run the page shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Limits {
    /// Organizations drawn in the network, most connected first.
    pub nodes: usize,
    /// Of which labelled at most, where the label has room (the others
    /// show their name on hover).
    pub labels: usize,
    /// Partnerships in the table, most reported first.
    pub rows: usize,
    /// Evidence sentences per partnership, latest first.
    pub mentions_per_row: usize,
    /// Characters per evidence sentence.
    pub evidence_chars: usize,
    /// Months in the timeline, latest first.
    pub months: i32,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            nodes: 120,
            labels: 100,
            rows: 1000,
            mentions_per_row: 3,
            evidence_chars: 300,
            months: 240,
        }
    }
}

/// The report page for the run folder `dir`, with the default limits.
pub fn build(dir: &Path) -> io::Result<String> {
    Ok(render(&RunData::load(dir)?, &Limits::default()))
}

/// The report page for data already read.
pub fn render(data: &RunData, limits: &Limits) -> String {
    html::page(data, limits)
}

/// Escapes text for HTML and SVG content and attribute values.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::text::random::Lcg;

    const KINDS: [&str; 4] = ["partnership", "supply", "joint_venture", "licensing"];
    const STATUSES: [&str; 4] = ["announced", "ongoing", "ended", "denied"];

    fn partnership(
        a: &str,
        b: &str,
        kind: &str,
        status: &str,
        mentions: Vec<Mention>,
    ) -> Partnership {
        Partnership {
            a: a.into(),
            b: b.into(),
            kind: kind.into(),
            status: status.into(),
            first_seen: mentions.iter().filter_map(|m| m.date.clone()).min(),
            last_seen: mentions.iter().filter_map(|m| m.date.clone()).max(),
            articles: mentions.len(),
            sources: 1,
            confidence: 0.8,
            mentions,
        }
    }

    fn mention(id: &str, url: &str, date: Option<&str>, evidence: &str) -> Mention {
        Mention {
            article_id: id.into(),
            url: Some(url.into()),
            date: date.map(Into::into),
            status: "announced".into(),
            evidence: evidence.into(),
        }
    }

    /// `orgs` organizations, `pairs` partnerships between them with a few
    /// hubs, `mentions` long evidence sentences each.
    fn synthetic(orgs: usize, pairs: usize, mentions: usize) -> RunData {
        let mut rng = Lcg(42);
        let name = |i: usize| format!("Org {i} & Co");
        let partnerships = (0..pairs)
            .map(|i| {
                // Squaring skews the choice towards low numbers: hubs.
                let a = rng.below(orgs) * rng.below(orgs) / orgs;
                let b = (a + 1 + rng.below(orgs - 1)) % orgs;
                let ms = (0..mentions)
                    .map(|j| {
                        let date = format!("20{}-{:02}-01", 20 + rng.below(5), 1 + rng.below(12));
                        mention(
                            &format!("art-{i}-{j}"),
                            "https://news.example/a?b=1&c=2",
                            Some(&date),
                            &"A long sentence about a deal. ".repeat(20),
                        )
                    })
                    .collect();
                partnership(&name(a), &name(b), KINDS[i % 4], STATUSES[i % 4], ms)
            })
            .collect();
        RunData {
            name: "synthetic".into(),
            articles: pairs * mentions,
            organizations: (0..orgs)
                .map(|i| Organization {
                    name: name(i),
                    articles: 1 + orgs / (i + 1),
                })
                .collect(),
            partnerships,
            ..RunData::default()
        }
    }

    fn small() -> RunData {
        RunData {
            name: "tiny <run>".into(),
            articles: 3,
            titles: [("a1".to_string(), "Acme & Globex team up".to_string())].into(),
            organizations: vec![Organization {
                name: "Acme".into(),
                articles: 2,
            }],
            partnerships: vec![
                partnership(
                    "Acme",
                    "Globex",
                    "joint_venture",
                    "announced",
                    vec![mention(
                        "a1",
                        "https://x.com/?a=1&b=2",
                        Some("2024-03-05"),
                        r#"Acme <b>"JV" & more</b> with Globex's unit"#,
                    )],
                ),
                partnership(
                    "Initech",
                    "Acme",
                    "supply",
                    "ended",
                    vec![mention(
                        "a2",
                        "javascript:alert(1)",
                        None,
                        "Initech stopped supplying Acme.",
                    )],
                ),
                partnership(
                    "Acme",
                    "Globex",
                    "licensing",
                    "ongoing",
                    vec![mention(
                        "a3",
                        "https://y.com/3",
                        Some("2024-05-01"),
                        "Acme licenses to Globex.",
                    )],
                ),
            ],
            errors: 1,
            errors_by_file: vec![("bad<file>.html".into(), 1)],
            error_samples: vec!["bad<file>.html: oops".into()],
        }
    }

    #[test]
    fn small_run_shows_every_partnership_escaped() {
        let page = render(&small(), &Limits::default());
        assert!(page.starts_with("<!DOCTYPE html>"));
        assert!(page.contains("<title>newsmine report: tiny &lt;run&gt;</title>"));
        assert_eq!(page.matches("<tr data-type=").count(), 3);
        assert!(page.contains("<b>Acme</b> – <b>Globex</b>"));
        assert!(
            page.contains("<b>Initech</b> → <b>Acme</b>"),
            "supply keeps its direction"
        );
        assert!(page
            .contains("Acme &lt;b&gt;&quot;JV&quot; &amp; more&lt;/b&gt; with Globex&#39;s unit"));
        assert!(!page.contains("<b>\"JV\""));
        assert!(
            page.contains(r#"<a href="https://x.com/?a=1&amp;b=2">Acme &amp; Globex team up</a>"#)
        );
        assert!(!page.contains("javascript:"), "only http(s) links");
        assert!(page.contains("bad&lt;file&gt;.html"));
        // One node per organization; the two Acme–Globex partnerships share an edge.
        let net = &page[page.find("<svg id=\"network\"").unwrap()..];
        let net = &net[..net.find("</svg>").unwrap()];
        assert_eq!(net.matches(" data-org=").count(), 3);
        for org in ["Acme", "Globex", "Initech"] {
            assert!(net.contains(&format!("data-org=\"{org}\"")), "{org}");
        }
        assert_eq!(net.matches("<line").count(), 2);
        assert!(net.contains("stroke-dasharray"), "ended edge dashed");
        // Timeline: two dated months, one undated mention.
        assert!(page.contains("<svg id=\"timeline\""));
        assert!(page.contains("Mentions from articles without a publication date, not drawn: 1."));
        // Nothing to fetch.
        for external in ["<link", "src=", "@import", "url("] {
            assert!(!page.contains(external), "{external}");
        }
    }

    #[test]
    fn large_run_is_capped_and_says_so() {
        let data = synthetic(400, 3000, 5);
        let limits = Limits::default();
        let page = render(&data, &limits);
        assert!(page.len() < 3_000_000, "{} bytes", page.len());
        assert_eq!(page.matches(" data-org=").count(), limits.nodes);
        assert_eq!(page.matches("<tr data-type=").count(), limits.rows);
        assert!(page.contains("Showing the 120 organizations with the most partners"));
        assert!(page
            .contains("Showing the 1000 partnerships reported by the most articles, out of 3000"));
        assert!(page.contains("and 2 more mentions"));
        assert!(page.contains("A long sentence about a deal. A long"));
        assert!(page.contains("…</li>"), "evidence cut");
        assert_eq!(page, render(&data, &limits), "deterministic");
    }

    #[test]
    fn labels_never_overlap() {
        let page = render(&synthetic(300, 900, 1), &Limits::default());
        let labelled = page.matches("<g class=\"node\"").count();
        assert!(labelled >= 30, "only {labelled} labels");
        assert!(page.matches("<g class=\"node unlabelled\"").count() > 0);
    }

    #[test]
    fn empty_run_still_renders() {
        let page = render(&RunData::default(), &Limits::default());
        assert!(page.contains("No partnerships between two organizations in this run."));
        assert!(page.contains("No dated partnership mentions."));
        assert!(page.ends_with("</html>\n"));
    }
}
