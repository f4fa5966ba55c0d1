//! The two pictures of the report as inline SVG: the partnership network
//! and the monthly timeline of partnership mentions by status.

use super::esc;
use super::network::Network;
use std::collections::BTreeMap;
use std::fmt::Write;

/// Partnership types in legend order, with their colours.
pub const TYPES: [(&str, &str); 10] = [
    ("partnership", "#1f77b4"),
    ("joint_venture", "#ff7f0e"),
    ("co_development", "#9467bd"),
    ("supply", "#2ca02c"),
    ("distribution", "#8c8c00"),
    ("licensing", "#17becf"),
    ("data_sharing", "#d62728"),
    ("marketing", "#e377c2"),
    ("investment", "#8c564b"),
    ("other", "#7f7f7f"),
];

/// Statuses in timeline stacking order, with their colours.
pub const STATUSES: [(&str, &str); 6] = [
    ("planned", "#9467bd"),
    ("announced", "#1f77b4"),
    ("ongoing", "#2ca02c"),
    ("ending", "#ff7f0e"),
    ("ended", "#d62728"),
    ("denied", "#7f7f7f"),
];

/// For values the extractors may add later.
const UNKNOWN_COLOR: &str = "#444444";

pub fn color(palette: &[(&str, &'static str)], key: &str) -> &'static str {
    palette
        .iter()
        .find(|(k, _)| *k == key)
        .map_or(UNKNOWN_COLOR, |(_, c)| c)
}

/// Line style of an edge by status: ended dashed, denied dotted.
fn dash(status: &str) -> &'static str {
    match status {
        "ended" => r#" stroke-dasharray="7 4""#,
        "denied" => r#" stroke-dasharray="2 3""#,
        _ => "",
    }
}

const NET_W: f64 = 1200.0;
const NET_H: f64 = 700.0;
const NET_MARGIN: f64 = 12.0;
const MAX_RADIUS: f64 = 14.0;
/// Width / height of the area the node centres fill.
pub const NET_ASPECT: f64 =
    (NET_W - 2.0 * (NET_MARGIN + MAX_RADIUS)) / (NET_H - 2.0 * (NET_MARGIN + MAX_RADIUS));
/// Generous width of one character of the 12px label font.
const CHAR_W: f64 = 7.5;

#[derive(Clone, Copy)]
struct Rect {
    x0: f64,
    y0: f64,
    x1: f64,
    y1: f64,
}

impl Rect {
    fn overlaps(&self, o: &Rect) -> bool {
        self.x0 < o.x1 && o.x0 < self.x1 && self.y0 < o.y1 && o.y0 < self.y1
    }

    fn inside_picture(&self) -> bool {
        self.x0 >= 0.0 && self.y0 >= 0.0 && self.x1 <= NET_W && self.y1 <= NET_H
    }
}

/// A label: anchor point (baseline), `text-anchor`, and the box it covers.
#[derive(Clone, Copy)]
struct Label {
    x: f64,
    y: f64,
    anchor: &'static str,
    rect: Rect,
}

/// Label positions around a node of radius `r` at (x, y): right, left, above, below.
fn label_spots(x: f64, y: f64, r: f64, text: &str) -> [Label; 4] {
    let w = CHAR_W * text.chars().count() as f64;
    let label = |x: f64, y: f64, anchor: &'static str| {
        let x0 = match anchor {
            "start" => x,
            "end" => x - w,
            _ => x - w / 2.0,
        };
        Label {
            x,
            y,
            anchor,
            rect: Rect {
                x0,
                y0: y - 11.0,
                x1: x0 + w,
                y1: y + 3.0,
            },
        }
    };
    [
        label(x + r + 3.0, y + 4.0, "start"),
        label(x - r - 3.0, y + 4.0, "end"),
        label(x, y - r - 4.0, "middle"),
        label(x, y + r + 13.0, "middle"),
    ]
}

/// Greedily labels the first `max` nodes (the most connected) where the
/// label covers no node and no label placed before; the others get none.
fn place_labels(nodes: &[(f64, f64, f64)], names: &[String], max: usize) -> Vec<Option<Label>> {
    let circles: Vec<Rect> = nodes
        .iter()
        .map(|&(x, y, r)| Rect {
            x0: x - r,
            y0: y - r,
            x1: x + r,
            y1: y + r,
        })
        .collect();
    let mut placed: Vec<Rect> = Vec::new();
    let mut labels = vec![None; nodes.len()];
    for (i, &(x, y, r)) in nodes.iter().enumerate().take(max) {
        let free = |l: &Label| {
            l.rect.inside_picture()
                && !placed.iter().any(|p| p.overlaps(&l.rect))
                && !circles
                    .iter()
                    .enumerate()
                    .any(|(j, c)| j != i && c.overlaps(&l.rect))
        };
        if let Some(l) = label_spots(x, y, r, &names[i]).into_iter().find(free) {
            placed.push(l.rect);
            labels[i] = Some(l);
        }
    }
    labels
}

/// The network. Up to `labels` of the most connected nodes are labelled
/// where the label has room; the others show their name on hover. Nodes
/// carry `data-org` for the table filter.
pub fn network(net: &Network, labels: usize) -> String {
    let m = NET_MARGIN + MAX_RADIUS;
    let max_articles = net
        .nodes
        .iter()
        .map(|n| n.articles)
        .max()
        .unwrap_or(1)
        .max(1);
    let circles: Vec<(f64, f64, f64)> = net
        .nodes
        .iter()
        .map(|n| {
            (
                m + n.x * (NET_W - 2.0 * m),
                m + n.y * (NET_H - 2.0 * m),
                3.0 + (MAX_RADIUS - 3.0) * (n.articles as f64 / max_articles as f64).sqrt(),
            )
        })
        .collect();
    let names: Vec<String> = net.nodes.iter().map(|n| n.name.clone()).collect();
    let placed = place_labels(&circles, &names, labels);
    let mut s = format!(
        r#"<svg id="network" viewBox="0 0 {NET_W} {NET_H}" xmlns="http://www.w3.org/2000/svg" role="img" aria-label="Partnership network">"#
    );
    s.push_str(r#"<g class="edges">"#);
    for e in &net.edges {
        let ((x1, y1, _), (x2, y2, _)) = (circles[e.a], circles[e.b]);
        let width = 0.8 + 0.35 * (e.articles.min(8) as f64);
        let _ = write!(
            s,
            r#"<line x1="{x1:.1}" y1="{y1:.1}" x2="{x2:.1}" y2="{y2:.1}" stroke="{}" stroke-width="{width:.1}"{}><title>{} – {}&#10;{}</title></line>"#,
            color(&TYPES, &e.kind),
            dash(&e.status),
            esc(&net.nodes[e.a].name),
            esc(&net.nodes[e.b].name),
            esc(&e.details.join("\n")),
        );
    }
    s.push_str("</g><g class=\"nodes\">");
    // Small nodes first so that big ones are drawn on top.
    let mut order: Vec<usize> = (0..net.nodes.len()).collect();
    order.sort_by_key(|&i| (net.nodes[i].articles, std::cmp::Reverse(i)));
    for i in order {
        let n = &net.nodes[i];
        let (x, y, r) = circles[i];
        let (label, class) = match placed[i] {
            Some(l) => (l, "node"),
            None => (label_spots(x, y, r, &n.name)[0], "node unlabelled"),
        };
        let _ = write!(
            s,
            r#"<g class="{class}" data-org="{name}"><circle cx="{x:.1}" cy="{y:.1}" r="{r:.1}"/><text x="{:.1}" y="{:.1}" text-anchor="{}">{name}</text><title>{name}&#10;{} articles, {} partners</title></g>"#,
            label.x,
            label.y,
            label.anchor,
            n.articles,
            n.degree,
            name = esc(&n.name),
        );
    }
    s.push_str("</g></svg>");
    s
}

/// Mentions per publication month and status.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Timeline {
    /// Month index (year * 12 + month - 1) -> status -> mentions.
    pub months: BTreeMap<i32, BTreeMap<String, usize>>,
    pub undated: usize,
    /// Mentions before the first month drawn (see [`Timeline::cap`]).
    pub cut: usize,
}

fn month_index(date: &str) -> Option<i32> {
    let year: i32 = date.get(0..4)?.parse().ok()?;
    let month: i32 = date.get(5..7)?.parse().ok()?;
    (date.as_bytes().get(4) == Some(&b'-') && (1..=12).contains(&month))
        .then_some(year * 12 + month - 1)
}

fn month_label(i: i32) -> String {
    format!("{}-{:02}", i.div_euclid(12), i.rem_euclid(12) + 1)
}

impl Timeline {
    /// Counts `(date, status)` mentions.
    pub fn new<'a>(mentions: impl Iterator<Item = (Option<&'a str>, &'a str)>) -> Self {
        let mut t = Timeline::default();
        for (date, status) in mentions {
            match date.and_then(month_index) {
                Some(m) => {
                    *t.months
                        .entry(m)
                        .or_default()
                        .entry(status.to_string())
                        .or_default() += 1
                }
                None => t.undated += 1,
            }
        }
        t
    }

    /// Keeps the latest `max_months` months (a stray old date would
    /// otherwise squeeze every bar to a hairline).
    pub fn cap(&mut self, max_months: i32) {
        let Some(&last) = self.months.keys().next_back() else {
            return;
        };
        let kept = self.months.split_off(&(last - max_months + 1));
        self.cut += self.months.values().flat_map(|m| m.values()).sum::<usize>();
        self.months = kept;
    }

    pub fn svg(&self) -> String {
        const W: f64 = 1200.0;
        const H: f64 = 280.0;
        let (ml, mr, mt, mb) = (44.0, 12.0, 12.0, 44.0);
        let (Some(&first), Some(&last)) =
            (self.months.keys().next(), self.months.keys().next_back())
        else {
            return String::new();
        };
        let n = (last - first + 1) as f64;
        let max = self
            .months
            .values()
            .map(|m| m.values().sum::<usize>())
            .max()
            .unwrap_or(1)
            .max(1) as f64;
        let step = (W - ml - mr) / n;
        let bar = (step * 0.8).max(1.0);
        let y = |v: f64| H - mb - v / max * (H - mt - mb);
        let mut s = format!(
            r#"<svg id="timeline" viewBox="0 0 {W} {H}" xmlns="http://www.w3.org/2000/svg" role="img" aria-label="Partnership mentions by month">"#
        );
        for tick in [0.0, (max / 2.0).ceil(), max] {
            let _ = write!(
                s,
                r#"<line class="grid" x1="{ml}" x2="{:.1}" y1="{yt:.1}" y2="{yt:.1}"/><text class="tick" x="{:.1}" y="{:.1}" text-anchor="end">{tick}</text>"#,
                W - mr,
                ml - 6.0,
                y(tick) + 4.0,
                yt = y(tick),
            );
        }
        let every = (n / 16.0).ceil().max(1.0) as i32;
        for m in first..=last {
            let x = ml + (m - first) as f64 * step + (step - bar) / 2.0;
            if (m - first) % every == 0 {
                let _ = write!(
                    s,
                    r#"<text class="tick" x="{:.1}" y="{:.1}" text-anchor="middle">{}</text>"#,
                    x + bar / 2.0,
                    H - mb + 18.0,
                    month_label(m)
                );
            }
            let Some(counts) = self.months.get(&m) else {
                continue;
            };
            let mut base = 0.0;
            let known = STATUSES.iter().map(|(k, _)| *k);
            let others = counts
                .keys()
                .map(String::as_str)
                .filter(|k| !STATUSES.iter().any(|(s, _)| s == k));
            for status in known.chain(others) {
                let Some(&c) = counts.get(status) else {
                    continue;
                };
                let top = base + c as f64;
                let _ = write!(
                    s,
                    r#"<rect x="{x:.1}" y="{:.1}" width="{bar:.1}" height="{:.1}" fill="{}"><title>{} {}: {c}</title></rect>"#,
                    y(top),
                    y(base) - y(top),
                    color(&STATUSES, status),
                    month_label(m),
                    esc(status),
                );
                base = top;
            }
        }
        s.push_str("</svg>");
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timeline_counts_months_and_caps_old_ones() {
        let mentions = [
            (Some("2024-03-01"), "announced"),
            (Some("2024-03-20"), "ended"),
            (Some("2024-05-02T10:00:00Z"), "announced"),
            (Some("1999-01-01"), "announced"),
            (Some("soon"), "planned"),
            (None, "planned"),
        ];
        let mut t = Timeline::new(mentions.into_iter());
        assert_eq!(t.undated, 2);
        assert_eq!(t.months.len(), 3);
        t.cap(12);
        assert_eq!(t.cut, 1);
        assert_eq!(
            t.months.keys().map(|&m| month_label(m)).collect::<Vec<_>>(),
            ["2024-03", "2024-05"]
        );
        let svg = t.svg();
        assert_eq!(svg.matches("<rect").count(), 3);
        assert!(svg.contains("2024-04"), "empty months keep their place");
    }

    #[test]
    fn unknown_values_get_a_colour() {
        assert_eq!(color(&TYPES, "supply"), "#2ca02c");
        assert_eq!(color(&TYPES, "merger"), UNKNOWN_COLOR);
    }
}
