//! Page metadata read while an HTML page is parsed: `<meta>` tags, the
//! `<title>`, JSON-LD blocks, the first `<time datetime>` and the canonical
//! link, and the record fields they give (title, publication date, URL,
//! author, site name).

use serde_json::Value;

/// Page metadata met on the way.
#[derive(Default)]
pub(super) struct Meta {
    /// `<meta>` names (property, name or itemprop) and contents, in order.
    pub(super) metas: Vec<(String, String)>,
    pub(super) title: Option<String>,
    pub(super) json_ld: Vec<String>,
    pub(super) time: Option<String>,
    pub(super) canonical: Option<String>,
}

impl Meta {
    fn content(&self, keys: &[&str]) -> Option<String> {
        keys.iter().find_map(|key| {
            self.metas
                .iter()
                .find(|(n, c)| n.eq_ignore_ascii_case(key) && !c.trim().is_empty())
                .map(|(_, c)| c.trim().to_string())
        })
    }

    pub(super) fn title(&self) -> Option<String> {
        self.content(&["og:title", "twitter:title"]).or_else(|| {
            self.title
                .as_deref()
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(str::to_string)
        })
    }

    pub(super) fn date(&self) -> Option<String> {
        self.content(&[
            "article:published_time",
            "datePublished",
            "pubdate",
            "date",
            "dc.date",
            "og:published_time",
        ])
        .or_else(|| {
            self.json_ld.iter().find_map(|json| {
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
        .or_else(|| self.time.clone())
    }

    pub(super) fn url(&self) -> Option<String> {
        self.canonical.clone().or_else(|| self.content(&["og:url"]))
    }
    /// The byline: a meta author tag (not a profile URL), else the
    /// `author` of the page's JSON-LD (names of several joined by ", ").
    pub(super) fn author(&self) -> Option<String> {
        self.content(&[
            "author",
            "article:author",
            "dc.creator",
            "parsely-author",
            "sailthru.author",
            "byl",
        ])
        .filter(|a| !a.starts_with("http") && !is_placeholder(a))
        .map(|a| strip_by(&a).to_string())
        .filter(|a| !a.is_empty())
        .or_else(|| self.json_ld_field("author"))
    }

    /// The site's name: `og:site_name`, else the JSON-LD publisher.
    pub(super) fn site_name(&self) -> Option<String> {
        self.content(&["og:site_name", "application-name"])
            .or_else(|| self.json_ld_field("publisher"))
    }

    /// The name(s) under `key` in the first JSON-LD object that has it.
    fn json_ld_field(&self, key: &str) -> Option<String> {
        let quoted = format!("\"{key}\"");
        self.json_ld
            .iter()
            .filter(|json| json.contains(&quoted))
            .filter_map(|json| serde_json::from_str::<Value>(json).ok())
            .find_map(|value| objects(&value).find_map(|o| names(o.get(key)?)))
    }
}

/// A template's unfilled slot ("{{ author }}", "page.head.author"), not a name.
fn is_placeholder(value: &str) -> bool {
    value.contains('{')
        || (value.contains('.')
            && !value.contains(' ')
            && value
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b == b'.' || b == b'_'))
}

/// "By Jane Doe" -> "Jane Doe".
fn strip_by(byline: &str) -> &str {
    let b = byline.trim();
    match b.get(..3) {
        Some(by) if by.eq_ignore_ascii_case("by ") => b[3..].trim_start(),
        _ => b,
    }
}

/// The objects of a JSON-LD block: itself, the items of a top-level array
/// and those of an `@graph`.
fn objects(value: &Value) -> impl Iterator<Item = &serde_json::Map<String, Value>> {
    let items: Vec<&Value> = match value {
        Value::Array(items) => items.iter().collect(),
        Value::Object(o) => std::iter::once(value)
            .chain(
                o.get("@graph")
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten(),
            )
            .collect(),
        _ => Vec::new(),
    };
    items.into_iter().filter_map(Value::as_object)
}

/// A person or organization as JSON-LD gives it: a string, an object with
/// a `name`, or a list of either (joined by ", ").
fn names(value: &Value) -> Option<String> {
    let one = |v: &Value| -> Option<String> {
        let name = match v {
            Value::String(s) => s.as_str(),
            Value::Object(o) => o.get("name")?.as_str()?,
            _ => return None,
        };
        let name = name.trim();
        (!name.is_empty() && !name.starts_with("http")).then(|| name.to_string())
    };
    match value {
        Value::Array(items) => {
            let all: Vec<String> = items.iter().filter_map(one).collect();
            (!all.is_empty()).then(|| all.join(", "))
        }
        v => one(v),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(metas: &[(&str, &str)], json_ld: &[&str]) -> Meta {
        Meta {
            metas: metas
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            json_ld: json_ld.iter().map(|j| j.to_string()).collect(),
            ..Meta::default()
        }
    }

    #[test]
    fn author_from_meta_tag_without_by_and_urls() {
        let m = meta(
            &[
                ("article:author", "https://social.example/jdoe"),
                ("author", "By Jane Doe"),
            ],
            &[],
        );
        assert_eq!(m.author().as_deref(), Some("Jane Doe"));
        let template = meta(
            &[("author", "site.meta.author")],
            &[r#"{"author":"Jane Doe"}"#],
        );
        assert_eq!(template.author().as_deref(), Some("Jane Doe"));
    }

    #[test]
    fn author_and_publisher_from_json_ld() {
        let m = meta(
            &[],
            &[
                r#"{"@context":"https://schema.org","@graph":[{"@type":"WebPage"},
                {"@type":"NewsArticle","author":[{"@type":"Person","name":"Jane Doe"},
                {"@type":"Person","name":"Jos\u00e9 Ruiz"}],
                "publisher":{"@type":"Organization","name":"Daily Example"}}]}"#,
            ],
        );
        assert_eq!(m.author().as_deref(), Some("Jane Doe, José Ruiz"));
        assert_eq!(m.site_name().as_deref(), Some("Daily Example"));
    }

    #[test]
    fn site_name_prefers_the_open_graph_tag() {
        let m = meta(
            &[("og:site_name", "News Example")],
            &[r#"{"publisher":"Example Media Group"}"#],
        );
        assert_eq!(m.site_name().as_deref(), Some("News Example"));
        assert_eq!(meta(&[], &[]).site_name(), None);
        assert_eq!(meta(&[], &["{not json"]).author(), None);
    }
}
