//! The partnership network to draw: the most connected organizations, the
//! partnerships between them, and their positions.

use super::data::RunData;
use super::layout::force_layout;
use std::collections::{BTreeMap, HashMap, HashSet};

/// A drawn organization.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub name: String,
    /// Articles that mention it (node size).
    pub articles: usize,
    /// Distinct partners in the whole run.
    pub degree: usize,
    /// Position in the unit square.
    pub x: f64,
    pub y: f64,
}

/// A drawn pair of partners: the partnership reported by the most
/// articles gives the colour and line style, the tooltip lists them all.
#[derive(Debug, Clone, PartialEq)]
pub struct Edge {
    pub a: usize,
    pub b: usize,
    pub kind: String,
    pub status: String,
    pub articles: usize,
    /// `type (status), N articles` for every partnership of the pair.
    pub details: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Network {
    /// Most connected first.
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
    /// Organizations with at least one partnership.
    pub connected_orgs: usize,
    /// Partnerships drawn, and in the whole run (self-pairs excluded).
    pub drawn_partnerships: usize,
    pub total_partnerships: usize,
}

impl Network {
    /// The `max_nodes` organizations with the most partners, laid out for
    /// a picture `aspect` times wider than high.
    pub fn build(data: &RunData, max_nodes: usize, aspect: f64) -> Network {
        // Unordered pair -> indices of its partnerships.
        let mut pairs: BTreeMap<(&str, &str), Vec<usize>> = BTreeMap::new();
        for (i, p) in data.partnerships.iter().enumerate() {
            if p.a == p.b {
                continue;
            }
            let key = if p.a < p.b {
                (p.a.as_str(), p.b.as_str())
            } else {
                (p.b.as_str(), p.a.as_str())
            };
            pairs.entry(key).or_default().push(i);
        }
        let mut degree: BTreeMap<&str, usize> = BTreeMap::new();
        let mut cited: HashMap<&str, HashSet<&str>> = HashMap::new();
        for (&(a, b), ids) in &pairs {
            *degree.entry(a).or_default() += 1;
            *degree.entry(b).or_default() += 1;
            for m in ids.iter().flat_map(|&i| &data.partnerships[i].mentions) {
                for name in [a, b] {
                    cited.entry(name).or_default().insert(&m.article_id);
                }
            }
        }
        let org_articles: HashMap<&str, usize> = data
            .organizations
            .iter()
            .map(|o| (o.name.as_str(), o.articles))
            .collect();
        // Organizations left out of organizations.jsonl (no mention of their
        // own) count the articles that report their partnerships.
        let articles = |name: &str| {
            org_articles
                .get(name)
                .copied()
                .unwrap_or_else(|| cited.get(name).map_or(0, HashSet::len))
        };
        let mut names: Vec<(&str, usize, usize)> =
            degree.iter().map(|(&n, &d)| (n, d, articles(n))).collect();
        names.sort_by(|x, y| y.1.cmp(&x.1).then(y.2.cmp(&x.2)).then(x.0.cmp(y.0)));
        let connected_orgs = names.len();
        names.truncate(max_nodes);
        let index: HashMap<&str, usize> = names.iter().enumerate().map(|(i, n)| (n.0, i)).collect();

        let mut edges = Vec::new();
        let mut drawn_partnerships = 0;
        for (&(a, b), ids) in &pairs {
            let (Some(&ia), Some(&ib)) = (index.get(a), index.get(b)) else {
                continue;
            };
            drawn_partnerships += ids.len();
            let ps: Vec<_> = ids.iter().map(|&i| &data.partnerships[i]).collect();
            let main = ps
                .iter()
                .min_by_key(|p| std::cmp::Reverse(p.articles))
                .expect("a pair has a partnership");
            edges.push(Edge {
                a: ia,
                b: ib,
                kind: main.kind.clone(),
                status: main.status.clone(),
                articles: ps.iter().map(|p| p.articles).sum(),
                details: ps
                    .iter()
                    .map(|p| format!("{} ({}), {} articles", p.kind, p.status, p.articles))
                    .collect(),
            });
        }
        let links: Vec<(usize, usize)> = edges.iter().map(|e| (e.a, e.b)).collect();
        let pos = force_layout(names.len(), &links, aspect);
        let nodes = names
            .iter()
            .zip(pos)
            .map(|(&(name, degree, articles), (x, y))| Node {
                name: name.to_string(),
                articles,
                degree,
                x,
                y,
            })
            .collect();
        Network {
            nodes,
            edges,
            connected_orgs,
            drawn_partnerships,
            total_partnerships: pairs.values().map(Vec::len).sum(),
        }
    }
}
