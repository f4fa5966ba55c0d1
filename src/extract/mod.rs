//! Extraction stages over cleaned text: organizations, dates, quotations and
//! partnerships. [`extract`] runs the chosen stages on one article and builds
//! its output record with code point offsets.

pub mod dates;
pub mod orgs;
pub mod partnerships;
pub mod quotes;

use crate::clean;
use crate::record::{
    Article, Body, DateMention, Extraction, OrgMention, Partnership, Quote, SCHEMA_VERSION,
};
use crate::text::{whole_word_matches, CharOffsets, Document};
use dates::Date;

/// Which stages to run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stages {
    pub orgs: bool,
    pub dates: bool,
    pub quotes: bool,
    pub partnerships: bool,
}

impl Stages {
    pub const ALL: Stages = Stages {
        orgs: true,
        dates: true,
        quotes: true,
        partnerships: true,
    };
    pub const NONE: Stages = Stages {
        orgs: false,
        dates: false,
        quotes: false,
        partnerships: false,
    };

    /// Parses a comma-separated list such as `orgs,dates`.
    pub fn parse(list: &str) -> Result<Stages, String> {
        let mut s = Stages::NONE;
        for name in list.split(',').map(str::trim).filter(|n| !n.is_empty()) {
            match name {
                "orgs" => s.orgs = true,
                "dates" => s.dates = true,
                "quotes" => s.quotes = true,
                "partnerships" => s.partnerships = true,
                other => {
                    return Err(format!(
                        "unknown stage `{other}` (expected orgs, dates, quotes, partnerships)"
                    ))
                }
            }
        }
        Ok(s)
    }
}

/// How `extract` treats each article.
#[derive(Debug, Clone)]
pub struct ExtractConfig {
    pub stages: Stages,
    /// Remove boilerplate first; when false the input text is used unchanged.
    pub clean: bool,
    /// Publication date used when the article carries none.
    pub reference_date: Option<Date>,
}

impl Default for ExtractConfig {
    fn default() -> Self {
        ExtractConfig {
            stages: Stages::ALL,
            clean: true,
            reference_date: None,
        }
    }
}

/// The text the stages work on, and the metadata recovered while cleaning.
pub fn prepare(article: &Article, clean_text: bool) -> clean::CleanPage {
    match &article.body {
        Body::Html(html) => clean::clean_html(html),
        Body::Text(text) if clean_text => clean::CleanPage {
            text: clean::clean_text(text),
            // The record's own date wins, so its dateline need not be read.
            date: article
                .date
                .is_none()
                .then(|| clean::dateline(text))
                .flatten(),
            ..Default::default()
        },
        Body::Text(text) => clean::CleanPage {
            text: text.clone(),
            ..Default::default()
        },
    }
}

/// Runs the configured stages on one article.
pub fn extract(article: &Article, config: &ExtractConfig) -> Extraction {
    let page = prepare(article, config.clean);
    let date = article.date.clone().or(page.date);
    let reference = date
        .as_deref()
        .and_then(Date::parse_iso_prefix)
        .or(config.reference_date);
    let text = page.text;
    let doc = Document::new(&text);
    let offsets = CharOffsets::new(&text);
    let st = config.stages;

    // Quotes alone read organizations off the speakers' roles, not the whole article.
    let org_spans = if st.orgs || st.partnerships {
        orgs::find(&doc)
    } else {
        Vec::new()
    };
    let timexes = if st.dates || st.partnerships {
        dates::find(&doc, reference)
    } else {
        Vec::new()
    };
    let quote_spans = if st.quotes {
        quotes::find(&doc, &org_spans)
    } else {
        Vec::new()
    };
    let relations = if st.partnerships {
        let site = partnerships::Site {
            url: article.url.as_deref().or(page.url.as_deref()),
            name: article.site_name.as_deref().or(page.site_name.as_deref()),
        };
        partnerships::find(&doc, &org_spans, &timexes, &site)
    } else {
        Vec::new()
    };
    let mut org_spans = org_spans;
    if st.orgs {
        add_partner_mentions(&text, &relations, &mut org_spans);
    }

    let span = |r: std::ops::Range<usize>| (offsets.char_of(r.start), offsets.char_of(r.end));
    Extraction {
        schema_version: SCHEMA_VERSION,
        id: article.id.clone(),
        url: article.url.clone().or(page.url),
        title: article.title.clone().or(page.title),
        date,
        author: article.author.clone().or(page.author),
        site_name: article.site_name.clone().or(page.site_name),
        source: article.source.clone(),
        orgs: st.orgs.then(|| {
            // The stages are done with the mentions: their names move into the record.
            org_spans
                .into_iter()
                .map(|o| {
                    let (start, end) = span(o.start..o.end);
                    OrgMention {
                        name: o.name,
                        text: text[o.start..o.end].to_string(),
                        start,
                        end,
                    }
                })
                .collect()
        }),
        dates: st.dates.then(|| {
            timexes
                .iter()
                .map(|t| {
                    let (start, end) = span(t.start..t.end);
                    DateMention {
                        text: text[t.start..t.end].to_string(),
                        start,
                        end,
                        kind: t.kind.as_str(),
                        value: t.value.clone(),
                    }
                })
                .collect()
        }),
        quotes: st.quotes.then(|| {
            quote_spans
                .iter()
                .map(|q| {
                    let (start, end) = span(q.start..q.end);
                    let speaker_span = q.speaker_span.clone().map(span);
                    Quote {
                        text: text[q.start..q.end].to_string(),
                        start,
                        end,
                        speaker: q.speaker.clone(),
                        speaker_start: speaker_span.map(|s| s.0),
                        speaker_end: speaker_span.map(|s| s.1),
                        speaker_role: q.role.clone(),
                        speaker_org: q.org.clone(),
                    }
                })
                .collect()
        }),
        partnerships: st.partnerships.then(|| {
            relations
                .iter()
                .map(|p| {
                    let (start, end) = span(p.evidence.clone());
                    Partnership {
                        a: p.a.clone(),
                        b: p.b.clone(),
                        kind: p.kind.as_str(),
                        status: p.status.as_str(),
                        date: p.date.clone(),
                        confidence: p.confidence,
                        evidence: text[p.evidence.clone()].to_string(),
                        start,
                        end,
                    }
                })
                .collect()
        }),
        text,
    }
}

/// Every partner named in a relation is in the organization list too (but
/// an untold topic kept as written, "It", which names none): the
/// partnership stage also reads capitalized names the organization finder
/// did not report ("Enarsa" in "a deal between PDVSA and Argentina's
/// Enarsa"), and a user joining the two lists must find both sides. Such a
/// name gets the mention in its evidence sentence, else its first one in
/// the text, outside any organization already listed ("Film Council"
/// inside "UK Film Council" is no mention of its own).
fn add_partner_mentions(
    text: &str,
    relations: &[partnerships::Relation],
    orgs: &mut Vec<orgs::Org>,
) {
    let before = orgs.len();
    for r in relations {
        for name in [&r.a, &r.b] {
            if partnerships::is_untold_topic(name)
                || orgs
                    .iter()
                    .any(|o| o.name == *name || text[o.start..o.end] == **name)
            {
                continue;
            }
            let free = |start: usize| {
                let end = start + name.len();
                !orgs.iter().any(|o| o.start < end && start < o.end)
            };
            let at = |range: std::ops::Range<usize>| {
                whole_word_matches(&text[range.clone()], name)
                    .map(|i| range.start + i)
                    .find(|&start| free(start))
            };
            if let Some(start) = at(r.evidence.clone()).or_else(|| at(0..text.len())) {
                orgs.push(orgs::Org {
                    start,
                    end: start + name.len(),
                    name: name.clone(),
                });
            }
        }
    }
    if orgs.len() > before {
        orgs.sort_by_key(|o| (o.start, o.end));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stages_parse() {
        let s = Stages::parse("orgs, dates").unwrap();
        assert!(s.orgs && s.dates && !s.quotes && !s.partnerships);
        assert!(Stages::parse("orgs,people").unwrap_err().contains("people"));
    }

    /// The extraction of a plain text, without cleaning.
    fn extract_plain(text: &str) -> Extraction {
        let article = Article {
            id: "a1".into(),
            body: Body::Text(text.into()),
            date: None,
            url: None,
            title: None,
            author: None,
            site_name: None,
            source: Default::default(),
        };
        let config = ExtractConfig {
            clean: false,
            ..Default::default()
        };
        extract(&article, &config)
    }

    fn pairs(e: &Extraction) -> Vec<(&str, &str)> {
        let found = e.partnerships.iter().flatten();
        found.map(|p| (p.a.as_str(), p.b.as_str())).collect()
    }

    #[test]
    fn every_partner_is_in_the_organization_list() {
        let e = extract_plain("Petrolux signed a supply agreement with Quilmara on Monday.");
        assert_eq!(pairs(&e), [("Petrolux", "Quilmara")]);
        let orgs = e.orgs.iter().flatten();
        let orgs: Vec<(&str, usize, usize)> =
            orgs.map(|o| (o.name.as_str(), o.start, o.end)).collect();
        assert_eq!(orgs, [("Petrolux", 0, 8), ("Quilmara", 40, 48)]);
    }

    #[test]
    fn a_partner_inside_a_listed_organization_gets_no_mention_of_its_own() {
        let text = "The UK Film Council backs Film Council Labs and Quilmara.";
        let org = |name: &str, start: usize| orgs::Org {
            start,
            end: start + name.len(),
            name: name.into(),
        };
        let mut found = vec![org("UK Film Council", 4), org("Quilmara", 49)];
        let relation = partnerships::Relation {
            a: "Film Council".into(),
            b: "Quilmara".into(),
            kind: partnerships::Kind::Partnership,
            status: partnerships::Status::Ongoing,
            date: None,
            confidence: 0.5,
            evidence: 0..text.len(),
        };
        add_partner_mentions(text, &[relation], &mut found);
        let spans: Vec<(&str, usize, usize)> = found
            .iter()
            .map(|o| (o.name.as_str(), o.start, o.end))
            .collect();
        // The first "Film Council" is inside "UK Film Council": the next one is taken.
        assert_eq!(
            spans,
            [
                ("UK Film Council", 4, 19),
                ("Film Council", 26, 38),
                ("Quilmara", 49, 57)
            ]
        );
    }

    #[test]
    fn an_untold_topic_is_a_side_but_no_organization() {
        let e = extract_plain("It signed a distribution deal with Quilmara Ltd. in 2015.");
        assert_eq!(pairs(&e), [("It", "Quilmara")]);
        let names: Vec<&str> = e.orgs.iter().flatten().map(|o| o.name.as_str()).collect();
        assert_eq!(names, ["Quilmara"]);
    }
}
