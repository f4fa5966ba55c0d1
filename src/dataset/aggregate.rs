//! Aggregation across articles: organizations by canonical key (case,
//! punctuation and legal suffixes ignored), partnerships by unordered pair
//! and type (supply and investment keep their direction), with first and
//! last seen dates, status history and every mention with its evidence.
//! The mentions wait on disk ([`Spill`]) until the end of the run; memory
//! holds one entry per organization and per partnership.

use super::spill::{Sorted, Spill};
use crate::extract::orgs::canonical_key;
use crate::extract::partnerships::is_untold_topic;
use crate::record::{interned, Extraction, Label, SCHEMA_VERSION};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::io;
use std::path::Path;

/// One article's report of a partnership.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    pub article_id: String,
    pub url: Option<String>,
    pub date: Option<String>,
    #[serde(deserialize_with = "interned")]
    pub status: Label,
    pub evidence: String,
    pub start: usize,
    pub end: usize,
}

/// A status as reported at a date.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StatusChange {
    pub status: &'static str,
    pub date: Option<String>,
    pub article_id: String,
}

/// One partnership across the whole dataset. `run` writes these a mention
/// at a time ([`Dataset::each_partnership`]); [`PartnershipHead::record`]
/// builds the whole value.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AggregatedPartnership {
    pub schema_version: u32,
    pub a: String,
    pub b: String,
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// Status reported by the latest article.
    pub status: &'static str,
    pub status_history: Vec<StatusChange>,
    /// Earliest and latest publication dates of the articles reporting it.
    pub first_seen: Option<String>,
    pub last_seen: Option<String>,
    pub articles: usize,
    /// Distinct sources (URL hosts, or input files when there is no URL).
    pub sources: usize,
    pub confidence: f32,
    /// Every report, oldest first (undated ones last), in step with `status_history`.
    pub mentions: Vec<Mention>,
}

/// One organization across the whole dataset.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OrganizationRecord {
    pub schema_version: u32,
    pub name: String,
    pub aliases: Vec<String>,
    pub articles: usize,
    pub mentions: usize,
}

#[derive(Default)]
struct OrgAgg {
    names: HashMap<String, usize>,
    aliases: BTreeSet<String>,
    articles: usize,
    mentions: usize,
}

struct PairAgg {
    kind: &'static str,
    /// Keys of the two sides, in output order.
    keys: (String, String),
    sources: BTreeSet<String>,
    confidence: f32,
    /// Input order of the first report, to order records deterministically.
    order: u32,
    /// The latest report: undated ones count as later than dated ones, then
    /// input order, as in the order mentions are listed.
    latest: (bool, Option<String>, u64),
    status: Label,
    /// The spill groups of the aggregates merged into this one (its own first).
    groups: Vec<u32>,
}

/// Accumulates extractions, in input order.
pub struct Dataset {
    orgs: BTreeMap<String, OrgAgg>,
    pairs: BTreeMap<(String, String, &'static str), PairAgg>,
    /// Partnership aggregates created so far: the next one's spill group.
    groups: u32,
    spill: Spill,
}

/// First letters of the words of a key, function words skipped.
fn initials(key: &str) -> String {
    let words: Vec<&str> = key
        .split(' ')
        .filter(|w| !matches!(*w, "and" | "of" | "for" | "the" | "de" | "&"))
        .collect();
    if words.len() < 2 {
        return String::new();
    }
    words.iter().filter_map(|w| w.chars().next()).collect()
}

/// The day of a publication date (an ISO date or timestamp); control
/// characters are dropped so that any date can key the spill.
fn date_part(d: &Option<String>) -> Option<String> {
    d.as_ref()
        .map(|d| d.chars().filter(|c| !c.is_control()).take(10).collect())
}

/// The display name of an organization key: its most frequent canonical name.
fn display_name(orgs: &BTreeMap<String, OrgAgg>, key: &str) -> String {
    orgs.get(key)
        .and_then(|o| {
            o.names
                .iter()
                .max_by(|a, b| {
                    a.1.cmp(b.1)
                        .then(b.0.len().cmp(&a.0.len()).reverse())
                        .then(b.0.cmp(a.0))
                })
                .map(|(n, _)| n.clone())
        })
        .unwrap_or_else(|| key.to_string())
}

impl Dataset {
    /// An empty dataset whose mentions wait in a temporary file in `dir`.
    pub fn new(dir: &Path) -> io::Result<Self> {
        Ok(Dataset {
            orgs: BTreeMap::new(),
            pairs: BTreeMap::new(),
            groups: 0,
            spill: Spill::in_dir(dir)?,
        })
    }

    /// Adds one article's extraction.
    pub fn add(&mut self, e: &Extraction) -> io::Result<()> {
        let mut seen = BTreeSet::new();
        for o in e.orgs.iter().flatten() {
            let key = canonical_key(&o.name);
            if key.is_empty() {
                continue;
            }
            let agg = self.orgs.entry(key.clone()).or_default();
            *agg.names.entry(o.name.clone()).or_default() += 1;
            agg.aliases.insert(o.text.clone());
            agg.mentions += 1;
            if seen.insert(key) {
                agg.articles += 1;
            }
        }
        let source = e
            .url
            .as_deref()
            .map_or(e.source.file.as_str(), crate::record::url_host)
            .to_string();
        for p in e.partnerships.iter().flatten() {
            // "It" in one article and "It" in another are different
            // organizations, neither named: such a mention stays in its
            // article's record only.
            if is_untold_topic(&p.a) || is_untold_topic(&p.b) {
                continue;
            }
            let (ka, kb) = (canonical_key(&p.a), canonical_key(&p.b));
            let directed = matches!(p.kind, "supply" | "investment");
            let (ka, kb) = if directed || ka <= kb {
                (ka, kb)
            } else {
                (kb, ka)
            };
            let next = self.groups;
            let agg = self
                .pairs
                .entry((ka.clone(), kb.clone(), p.kind))
                .or_insert_with(|| PairAgg {
                    kind: p.kind,
                    keys: (ka, kb),
                    sources: BTreeSet::new(),
                    confidence: 0.0,
                    order: next,
                    latest: (false, None, 0),
                    status: p.status,
                    groups: vec![next],
                });
            if agg.order == next {
                self.groups += 1;
            }
            // Independent reports raise confidence: 1 - prod(1 - c).
            agg.confidence = 1.0 - (1.0 - agg.confidence) * (1.0 - p.confidence);
            agg.sources.insert(source.clone());
            let mention = Mention {
                article_id: e.id.clone(),
                url: e.url.clone(),
                date: date_part(&e.date),
                status: p.status,
                evidence: p.evidence.clone(),
                start: p.start,
                end: p.end,
            };
            let seq = self.spill.push(agg.order, &mention)?;
            let when = (mention.date.is_none(), mention.date, seq);
            if when >= agg.latest {
                agg.latest = when;
                agg.status = p.status;
            }
            for (name, key) in [(&p.a, canonical_key(&p.a)), (&p.b, canonical_key(&p.b))] {
                self.orgs
                    .entry(key)
                    .or_default()
                    .names
                    .entry(name.clone())
                    .or_insert(0);
            }
        }
        Ok(())
    }

    /// Merges an organization written as an acronym in some articles ("ibm")
    /// into the one written out in others ("international business
    /// machines") when exactly one longer key has those initials; the
    /// partnerships of both forms merge too. Call once, before output.
    pub fn merge_acronyms(&mut self) {
        let alias: HashMap<String, String> = self
            .orgs
            .keys()
            .filter(|k| {
                k.len() >= 2 && !k.contains(' ') && k.bytes().all(|b| b.is_ascii_lowercase())
            })
            .filter_map(|short| {
                let mut longs = self.orgs.keys().filter(|l| initials(l) == *short);
                match (longs.next(), longs.next()) {
                    (Some(long), None) => Some((short.clone(), long.clone())),
                    _ => None,
                }
            })
            .collect();
        if alias.is_empty() {
            return;
        }
        for (short, long) in &alias {
            if let Some(o) = self.orgs.remove(short) {
                let target = self.orgs.entry(long.clone()).or_default();
                for (n, c) in o.names {
                    *target.names.entry(n).or_default() += c;
                }
                target.aliases.extend(o.aliases);
                // An article naming both forms is counted twice: an upper bound.
                target.articles += o.articles;
                target.mentions += o.mentions;
            }
        }
        let resolve = |k: &String| alias.get(k).unwrap_or(k).clone();
        let pairs = std::mem::take(&mut self.pairs);
        for (_, mut agg) in pairs {
            let (a, b) = (resolve(&agg.keys.0), resolve(&agg.keys.1));
            let directed = matches!(agg.kind, "supply" | "investment");
            agg.keys = if directed || a <= b { (a, b) } else { (b, a) };
            let key = (agg.keys.0.clone(), agg.keys.1.clone(), agg.kind);
            match self.pairs.get_mut(&key) {
                Some(x) => {
                    x.groups.extend(agg.groups);
                    x.sources.extend(agg.sources);
                    x.confidence = 1.0 - (1.0 - x.confidence) * (1.0 - agg.confidence);
                    x.order = x.order.min(agg.order);
                    if agg.latest > x.latest {
                        x.latest = agg.latest;
                        x.status = agg.status;
                    }
                }
                None => {
                    self.pairs.insert(key, agg);
                }
            }
        }
    }

    /// Hands each partnership to `write`, in the order their first report
    /// was read, with its mentions coming back from the spill oldest first.
    pub fn each_partnership(
        self,
        mut write: impl FnMut(&PartnershipHead, &mut Mentions) -> io::Result<()>,
    ) -> io::Result<()> {
        let mut aggs: Vec<&PairAgg> = self.pairs.values().collect();
        aggs.sort_by_key(|a| a.order);
        let mut final_group = vec![0; self.groups as usize];
        for agg in &aggs {
            for &g in &agg.groups {
                final_group[g as usize] = u64::from(agg.order);
            }
        }
        let mut sorted = self.spill.sorted(|g| final_group[g as usize])?;
        let mut next = sorted.next_mention()?;
        for agg in aggs {
            let head = PartnershipHead {
                a: display_name(&self.orgs, &agg.keys.0),
                b: display_name(&self.orgs, &agg.keys.1),
                kind: agg.kind,
                status: agg.status,
                sources: agg.sources.len(),
                confidence: (agg.confidence * 1000.0).round() / 1000.0,
            };
            let mut mentions = Mentions {
                sorted: &mut sorted,
                next: &mut next,
                group: u64::from(agg.order),
            };
            write(&head, &mut mentions)?;
            // What `write` left unread.
            while mentions.read()?.is_some() {}
        }
        Ok(())
    }

    /// Every organization seen, most-mentioned first.
    pub fn organizations(&self) -> Vec<OrganizationRecord> {
        let mut out: Vec<OrganizationRecord> = self
            .orgs
            .iter()
            .filter(|(_, o)| o.mentions > 0)
            .map(|(key, o)| OrganizationRecord {
                schema_version: SCHEMA_VERSION,
                name: display_name(&self.orgs, key),
                aliases: o.aliases.iter().cloned().collect(),
                articles: o.articles,
                mentions: o.mentions,
            })
            .collect();
        out.sort_by(|a, b| {
            b.articles
                .cmp(&a.articles)
                .then(b.mentions.cmp(&a.mentions))
                .then(a.name.cmp(&b.name))
        });
        out
    }
}

/// What is known of a partnership before its mentions are read back.
#[derive(Debug, Clone)]
pub struct PartnershipHead {
    pub a: String,
    pub b: String,
    pub kind: Label,
    /// Status of the latest report.
    pub status: Label,
    pub sources: usize,
    pub confidence: f32,
}

impl PartnershipHead {
    /// The whole record, given the mentions oldest first.
    pub fn record(&self, mentions: Vec<Mention>) -> AggregatedPartnership {
        let mut tally = Tally::default();
        mentions.iter().for_each(|m| tally.add(m));
        AggregatedPartnership {
            schema_version: SCHEMA_VERSION,
            a: self.a.clone(),
            b: self.b.clone(),
            kind: self.kind,
            status: self.status,
            status_history: mentions.iter().map(StatusChange::of).collect(),
            first_seen: tally.first_seen,
            last_seen: tally.last_seen,
            articles: tally.articles,
            sources: self.sources,
            confidence: self.confidence,
            mentions,
        }
    }
}

impl StatusChange {
    pub fn of(m: &Mention) -> Self {
        StatusChange {
            status: m.status,
            date: m.date.clone(),
            article_id: m.article_id.clone(),
        }
    }
}

/// The mentions of one partnership, oldest first (undated ones last, input
/// order among equals), read back from the spill.
pub struct Mentions<'a> {
    sorted: &'a mut Sorted,
    next: &'a mut Option<(u64, Mention)>,
    group: u64,
}

impl Mentions<'_> {
    /// The next mention, or `None` after the last one of this partnership.
    pub fn read(&mut self) -> io::Result<Option<Mention>> {
        match self.next.take_if(|(g, _)| *g == self.group) {
            Some((_, m)) => {
                *self.next = self.sorted.next_mention()?;
                Ok(Some(m))
            }
            None => Ok(None),
        }
    }
}

/// What the mentions of one partnership add up to, read oldest first.
#[derive(Debug, Default)]
pub struct Tally {
    pub first_seen: Option<String>,
    pub last_seen: Option<String>,
    /// Articles reporting it: the mentions of one article come together.
    pub articles: usize,
    last_article: Option<String>,
}

impl Tally {
    pub fn add(&mut self, m: &Mention) {
        if let Some(date) = &m.date {
            self.first_seen.get_or_insert_with(|| date.clone());
            self.last_seen = Some(date.clone());
        }
        if self.last_article.as_ref() != Some(&m.article_id) {
            self.articles += 1;
            self.last_article = Some(m.article_id.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::{OrgMention, Partnership, Source};

    fn partnerships(d: Dataset) -> Vec<AggregatedPartnership> {
        let mut all = Vec::new();
        d.each_partnership(|head, mentions| {
            let mut read = Vec::new();
            while let Some(m) = mentions.read()? {
                read.push(m);
            }
            all.push(head.record(read));
            Ok(())
        })
        .unwrap();
        all
    }

    fn article(
        id: &str,
        date: &str,
        host: &str,
        pairs: &[(&str, &str, &'static str, &'static str)],
    ) -> Extraction {
        Extraction {
            schema_version: SCHEMA_VERSION,
            id: id.into(),
            url: Some(format!("https://{host}/{id}")),
            title: None,
            date: Some(date.into()),
            author: None,
            site_name: None,
            source: Source::default(),
            text: String::new(),
            orgs: Some(
                pairs
                    .iter()
                    .flat_map(|p| [p.0, p.1])
                    .map(|n| OrgMention {
                        name: n.into(),
                        text: n.into(),
                        start: 0,
                        end: 0,
                    })
                    .collect(),
            ),
            dates: None,
            quotes: None,
            partnerships: Some(
                pairs
                    .iter()
                    .map(|&(a, b, kind, status)| Partnership {
                        a: a.into(),
                        b: b.into(),
                        kind,
                        status,
                        date: None,
                        confidence: 0.5,
                        evidence: format!("{a} and {b}"),
                        start: 0,
                        end: 1,
                    })
                    .collect(),
            ),
        }
    }

    #[test]
    fn merges_name_variants_order_and_tracks_status_over_time() {
        let dir = tempfile::tempdir().unwrap();
        let mut d = Dataset::new(dir.path()).unwrap();
        d.add(&article(
            "2",
            "2024-06-01",
            "b.com",
            &[("IBM", "Siemens", "partnership", "announced")],
        ))
        .unwrap();
        d.add(&article(
            "1",
            "2024-03-01",
            "a.com",
            &[("Siemens", "IBM", "partnership", "planned")],
        ))
        .unwrap();
        d.add(&article(
            "3",
            "2025-01-10",
            "a.com",
            &[("siemens", "IBM", "partnership", "ended")],
        ))
        .unwrap();
        let p = partnerships(d);
        assert_eq!(p.len(), 1);
        let p = &p[0];
        assert_eq!((p.a.as_str(), p.b.as_str()), ("IBM", "Siemens"));
        assert_eq!(p.status, "ended");
        assert_eq!(p.articles, 3);
        assert_eq!(p.sources, 2);
        assert_eq!(p.first_seen.as_deref(), Some("2024-03-01"));
        assert_eq!(p.last_seen.as_deref(), Some("2025-01-10"));
        let statuses: Vec<&str> = p.status_history.iter().map(|h| h.status).collect();
        assert_eq!(statuses, ["planned", "announced", "ended"]);
        let ids: Vec<&str> = p.mentions.iter().map(|m| m.article_id.as_str()).collect();
        assert_eq!(
            ids,
            ["1", "2", "3"],
            "mentions oldest first, like the history"
        );
        assert_eq!(p.confidence, 0.875);
    }

    #[test]
    fn acronyms_merge_with_the_written_out_name_across_articles() {
        let dir = tempfile::tempdir().unwrap();
        let mut d = Dataset::new(dir.path()).unwrap();
        d.add(&article(
            "1",
            "2024-03-01",
            "a.com",
            &[(
                "Siemens",
                "International Business Machines",
                "partnership",
                "planned",
            )],
        ))
        .unwrap();
        d.add(&article(
            "2",
            "2024-06-01",
            "b.com",
            &[("IBM", "Siemens", "partnership", "announced")],
        ))
        .unwrap();
        d.merge_acronyms();
        let orgs = d.organizations();
        let p = partnerships(d);
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].articles, 2);
        assert_eq!(p[0].status, "announced");
        let ibm = orgs
            .iter()
            .find(|o| o.aliases.contains(&"IBM".to_string()))
            .unwrap();
        assert!(ibm
            .aliases
            .contains(&"International Business Machines".to_string()));
    }

    #[test]
    fn supply_keeps_direction() {
        let dir = tempfile::tempdir().unwrap();
        let mut d = Dataset::new(dir.path()).unwrap();
        d.add(&article(
            "1",
            "2024-01-01",
            "a.com",
            &[("Zeta", "Acme", "supply", "announced")],
        ))
        .unwrap();
        d.add(&article(
            "2",
            "2024-01-02",
            "a.com",
            &[("Acme", "Zeta", "supply", "announced")],
        ))
        .unwrap();
        let p = partnerships(d);
        assert_eq!(p.len(), 2);
        assert_eq!((p[0].a.as_str(), p[0].b.as_str()), ("Zeta", "Acme"));
    }

    #[test]
    fn an_untold_topic_is_no_organization_of_the_dataset() {
        let dir = tempfile::tempdir().unwrap();
        let mut d = Dataset::new(dir.path()).unwrap();
        for (id, host) in [("1", "a.com"), ("2", "b.com")] {
            d.add(&article(
                id,
                "2024-01-01",
                host,
                &[
                    ("It", "Globex", "partnership", "announced"),
                    ("Acme", "Globex", "partnership", "announced"),
                ],
            ))
            .unwrap();
        }
        let p = partnerships(d);
        let pairs: Vec<(&str, &str)> = p.iter().map(|p| (p.a.as_str(), p.b.as_str())).collect();
        assert_eq!(pairs, [("Acme", "Globex")]);
        assert_eq!(p[0].mentions.len(), 2);
    }
}
