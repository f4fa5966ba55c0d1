//! Quotations and their speakers. Quote marks are paired per paragraph
//! (curly marks by direction, straight ones by alternation; an opening mark
//! left open runs to the paragraph's end, the news convention for quotes
//! that continue in the next paragraph). The speaker comes from a reporting
//! verb next to the quote ("...," said X / X said: "..."), a dash line
//! ("... – Name, role"), or the last speaker for a continued quote; a pronoun
//! resolves to the last person named.

mod attribution;
mod marks;

use crate::extract::orgs::Org;
use crate::text::Document;
use std::ops::Range;

/// A quotation: byte range of the quoted words and who said them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteSpan {
    pub start: usize,
    pub end: usize,
    pub speaker: Option<String>,
    pub speaker_span: Option<Range<usize>>,
    pub role: Option<String>,
    pub org: Option<String>,
}

/// Every quotation of the document, in text order.
pub fn find(doc: &Document, orgs: &[Org]) -> Vec<QuoteSpan> {
    let text = doc.text;
    let mut out = Vec::new();
    let mut state = attribution::State::default();
    for para in &doc.paragraphs {
        let regions = marks::quoted_regions(text, para.clone());
        if regions.is_empty() {
            if let Some(q) = attribution::dash_quote(text, para.clone(), orgs) {
                state.remember(&q);
                out.push(q);
            } else {
                state.observe_names(&text[para.clone()]);
            }
            continue;
        }
        for region in &regions {
            if !marks::is_quotation(text, para.clone(), region) {
                continue;
            }
            let q = attribution::attribute(text, para.clone(), region, &mut state, orgs);
            out.push(q);
        }
        state.observe_names(&text[para.clone()]);
        state.paragraph_done(regions.last().is_some_and(|r| r.open_ended));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(text: &str) -> Vec<(String, Option<String>)> {
        let doc = Document::new(text);
        let orgs = crate::extract::orgs::find(&doc);
        find(&doc, &orgs)
            .into_iter()
            .map(|q| (text[q.start..q.end].to_string(), q.speaker))
            .collect()
    }

    fn q(t: &str, s: &str) -> (String, Option<String>) {
        (t.to_string(), Some(s.to_string()))
    }

    #[test]
    fn said_after_and_before() {
        assert_eq!(
            quotes(
                "“We are delighted to work with Globex,” said Jane Doe, chief executive of Acme."
            ),
            [q("We are delighted to work with Globex,", "Jane Doe")]
        );
        assert_eq!(
            quotes("John Smith said: \"The deal makes sense for both companies.\""),
            [q("The deal makes sense for both companies.", "John Smith")]
        );
        assert_eq!(
            quotes("\"It is a big step for us,\" Smith told Reuters."),
            [q("It is a big step for us,", "Smith")]
        );
    }

    #[test]
    fn pronoun_and_continued_quotes_resolve_to_the_last_person() {
        let text = "Jane Doe runs the plant.\n\
            “We will hire 500 people next year,” she said. “And we will train them.\n\
            “The state is helping us with that.”";
        assert_eq!(
            quotes(text),
            [
                q("We will hire 500 people next year,", "Jane Doe"),
                q("And we will train them.", "Jane Doe"),
                q("The state is helping us with that.", "Jane Doe"),
            ]
        );
    }

    #[test]
    fn dash_attributed_block_quote() {
        let text = "The news raises legitimate concerns about their users. – Mark Warner, senior Senator of Virginia";
        let doc = Document::new(text);
        let got = find(&doc, &[]);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].speaker.as_deref(), Some("Mark Warner"));
        assert_eq!(got[0].role.as_deref(), Some("senior Senator of Virginia"));
        assert_eq!(
            &text[got[0].start..got[0].end],
            "The news raises legitimate concerns about their users."
        );
    }

    #[test]
    fn scare_quotes_are_not_quotations() {
        assert!(quotes("The company called it a “strategic” move.").is_empty());
    }
}
