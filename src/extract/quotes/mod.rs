//! Quotations and their speakers. Quote marks are paired per paragraph
//! (curly marks by direction, straight ones by alternation; an opening mark
//! left open runs to the paragraph's end, the news convention for quotes
//! that continue in the next paragraph); short titles are dropped. Each quote
//! takes the speaker named next to it (a reporting verb after or before it,
//! a colon introduction, "according to X", a dash line, a transcript label),
//! else that of another quote of its sentence, the subject of its sentence,
//! another quote of the paragraph, or the last speaker when the paragraph
//! opens with the quote. Pronouns resolve to the nearest person named.

mod attribution;
mod dash;
mod lexicon;
mod marks;
mod speaker;

use crate::extract::orgs::Org;
use crate::text::Document;
use attribution::{Context, Speaker};
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
    let mut ctx = Context::new(text, orgs);
    let mut prev_para: Option<Range<usize>> = None;
    let mut continuing = false;
    for (p, para) in doc.paragraphs.iter().enumerate() {
        let para = para.clone();
        let regions: Vec<marks::Region> = marks::quoted_regions(text, para.clone())
            .into_iter()
            .filter(|r| marks::is_quotation(text, r))
            .collect();
        if regions.is_empty() {
            if let Some(q) = dash::dash_quote(&mut ctx, text, para.clone()) {
                out.push(q);
            }
            ctx.observe(para.clone());
            prev_para = Some(para);
            continuing = false;
            continue;
        }
        let mut found: Vec<Option<Speaker>> = (0..regions.len())
            .map(|i| {
                own_speaker(&mut ctx, &para, prev_para.as_ref(), &regions, i)
                    .filter(|m| !m.names_nobody(text))
                    .map(|m| ctx.speaker(m))
            })
            .collect();
        if found.iter().any(Option::is_none) {
            let next = doc.paragraphs.get(p + 1).cloned();
            if let Some(m) = next.and_then(|n| dash::attribution_line(text, n)) {
                let s = ctx.speaker(m);
                for f in found.iter_mut().filter(|f| f.is_none()) {
                    *f = Some(s.clone());
                }
            }
        }
        share_within_sentences(&mut ctx, &para, &regions, &mut found);
        for (i, r) in regions.iter().enumerate() {
            if found[i].is_none() {
                found[i] = ctx
                    .reported_just_before(text_before(&para, &regions, i), r.outer.start)
                    .map(|m| ctx.speaker(m));
            }
        }
        share_within_paragraph(&mut found);
        if found[0].is_none() && (continuing || regions[0].outer.start == para.start) {
            let last = ctx.last_speaker.clone();
            for f in found.iter_mut() {
                *f = last.clone();
            }
        }
        for (r, f) in regions.iter().zip(found) {
            if let Some(s) = &f {
                ctx.last_speaker = Some(s.clone());
            }
            out.push(match f {
                Some(s) => QuoteSpan {
                    start: r.inner.start,
                    end: r.inner.end,
                    speaker: Some(s.name),
                    speaker_span: Some(s.span),
                    role: s.role,
                    org: s.org,
                },
                None => QuoteSpan {
                    start: r.inner.start,
                    end: r.inner.end,
                    speaker: None,
                    speaker_span: None,
                    role: None,
                    org: None,
                },
            });
        }
        ctx.observe(para.clone());
        continuing = regions.last().is_some_and(|r| r.open_ended);
        prev_para = Some(para);
    }
    out
}

/// The speaker named next to quote `i` itself: a transcript label, a colon
/// introduction, a verb after or before it, or a colon ending the paragraph before.
fn own_speaker(
    ctx: &mut Context,
    para: &Range<usize>,
    prev_para: Option<&Range<usize>>,
    regions: &[marks::Region],
    i: usize,
) -> Option<speaker::Mention> {
    let text = ctx.text;
    let r = &regions[i];
    let prev_end = text_before(para, regions, i);
    let next_start = regions.get(i + 1).map_or(para.end, |n| n.outer.start);
    let inner = text[r.inner.clone()].trim_end_matches(['\'', '’', '"', ')', ' ']);
    let tight = inner.ends_with([',', '?', '!', '—', '–', '-', '…']);
    let ended = inner.ends_with('.');
    // "X said: “...”" names its speaker before the quote, unless a comma hands
    // it on to a verb after it ("X said: “...,” he added").
    let introduced =
        text[prev_end..r.outer.start].trim_end().ends_with(':') && !inner.ends_with(',');
    let mut m = transcript_label(text, r.inner.clone());
    if m.is_none() && introduced {
        m = ctx.before(prev_end, r.outer.start);
    }
    if m.is_none() {
        m = ctx.after(r.outer.end, next_start, tight, ended);
    }
    if m.is_none() && !introduced {
        m = ctx.before(prev_end, r.outer.start);
    }
    if m.is_none() && r.outer.start == para.start {
        // "Doe then listed her demands:" with no reporting verb: its subject.
        if let Some(p) = prev_para.filter(|p| text[(*p).clone()].ends_with(':')) {
            m = ctx
                .before(p.start, p.end)
                .or_else(|| ctx.person_subject(p.start, p.end));
        }
    }
    m
}

/// Quotes of one sentence share a speaker ("X called it “A” and “B”"); a quote
/// with none from its sentence falls back to the sentence's subject.
fn share_within_sentences(
    ctx: &mut Context,
    para: &Range<usize>,
    regions: &[marks::Region],
    found: &mut [Option<Speaker>],
) {
    let text = ctx.text;
    for i in 0..regions.len() {
        if found[i].is_some() {
            continue;
        }
        let prev = i
            .checked_sub(1)
            .filter(|&j| same_sentence(text, regions[j].outer.end, regions[i].outer.start));
        let next = Some(i + 1).filter(|&j| {
            j < regions.len() && same_sentence(text, regions[i].outer.end, regions[j].outer.start)
        });
        let borrowed = prev.and_then(|j| found[j].clone());
        found[i] = borrowed.or_else(|| next.and_then(|j| found[j].clone()));
        if found[i].is_none() {
            found[i] = ctx
                .subject(text_before(para, regions, i), regions[i].outer.start)
                .filter(|m| !m.names_nobody(text))
                .map(|m| ctx.speaker(m));
        }
    }
}

/// A quote still without a speaker shares that of a neighbour in the paragraph:
/// the previous one, else the next (two linear passes).
fn share_within_paragraph(found: &mut [Option<Speaker>]) {
    let mut prev: Option<Speaker> = None;
    let mut borrowed = vec![false; found.len()];
    for (f, b) in found.iter_mut().zip(borrowed.iter_mut()) {
        match f {
            Some(s) => prev = Some(s.clone()),
            None => {
                *f = prev.clone();
                *b = f.is_some();
            }
        }
    }
    let mut next: Option<Speaker> = None;
    for (f, b) in found.iter_mut().zip(&borrowed).rev() {
        match f {
            Some(s) if !b => next = Some(s.clone()),
            Some(_) => {}
            None => *f = next.clone(),
        }
    }
}

/// Where the text before quote `i` starts: after the quote before it in the
/// paragraph, else at the paragraph's start.
fn text_before(para: &Range<usize>, regions: &[marks::Region], i: usize) -> usize {
    i.checked_sub(1)
        .map_or(para.start, |j| regions[j].outer.end)
}

/// No sentence ends between two quotes: `.`, `!` or `?` followed by a space.
fn same_sentence(text: &str, from: usize, to: usize) -> bool {
    let between = &text.as_bytes()[from..to];
    !between
        .windows(2)
        .any(|w| matches!(w[0], b'.' | b'!' | b'?') && w[1] == b' ')
}

/// The speaker label opening a transcript line quoted whole: "WALLACE: ...".
fn transcript_label(text: &str, inner: Range<usize>) -> Option<speaker::Mention> {
    let s = &text[inner.clone()];
    let colon = s.find(':')?;
    let label = &s[..colon];
    let ok = label.len() >= 2
        && label.len() <= 30
        && label.bytes().any(|b| b.is_ascii_uppercase())
        && label
            .bytes()
            .all(|b| b.is_ascii_uppercase() || matches!(b, b' ' | b'.' | b'-' | b'\''));
    ok.then(|| speaker::Mention {
        span: inner.start..inner.start + colon,
        role: None,
    })
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
    fn a_phrasal_reporting_verb_attributes_the_quote_to_its_own_pronoun() {
        let text = "“Voters reject it,” Jane Doe says. “Bush got fewer votes,” he points out.";
        let got = speakers_and_mentions(text);
        assert_eq!(got.len(), 2);
        assert_eq!(got[1], (Some("Jane Doe".to_string()), "he"));
    }

    #[test]
    fn closing_attributions_with_a_particle_or_a_nameless_according_to() {
        let opening = "Jane Roe spoke first. ";
        for (text, speaker) in [
            (
                "\"We will win this state,\" Bill Clinton said Monday, according to audio provided by the station.",
                "Bill Clinton",
            ),
            ("\"You know, it happens, right?\" Trump went on.", "Trump"),
            ("\"France will always be France,\" Hollande shot back.", "Hollande"),
            ("As John Doe puts it, the plan is \"a lame duck.\"", "John Doe"),
        ] {
            let got = quotes(&format!("{opening}{text}"));
            assert_eq!(got.len(), 1, "{text}");
            assert_eq!(got[0].1.as_deref(), Some(speaker), "{text}");
        }
    }

    /// Each quote's speaker name and the words of its mention.
    fn speakers_and_mentions(text: &str) -> Vec<(Option<String>, &str)> {
        let doc = Document::new(text);
        find(&doc, &[])
            .into_iter()
            .map(|q| (q.speaker, &text[q.speaker_span.expect("a speaker mention")]))
            .collect()
    }

    #[test]
    fn a_relative_who_speaks_for_the_noun_phrase_before_it() {
        let text = "Glenn Beck, who described Zorbo as \"a pathological liar,\" spoke. \
                    One Democrat familiar with the talks, who added that it \"rattled\" them, left.";
        assert_eq!(
            speakers_and_mentions(text),
            [
                (Some("Glenn Beck".to_string()), "who"),
                (
                    Some("One Democrat familiar with the talks".to_string()),
                    "who"
                )
            ]
        );
    }

    #[test]
    fn a_relative_clause_before_the_quote_names_its_speaker() {
        let text = "Jane Roe left early, said Sam Poe, who added that it \"rattled\" them. \
                    Ann Lee told a woman who suggested otherwise that \"this is not over.\"";
        assert_eq!(
            speakers_and_mentions(text),
            [
                (Some("Sam Poe".to_string()), "who"),
                (Some("Ann Lee".to_string()), "Ann Lee")
            ]
        );
    }

    #[test]
    fn a_sentence_opener_is_no_speaker() {
        for text in [
            "Both houses now seem intent on repealing the so-called “Cadillac tax.”",
            "That’s why the plan earned the label “a costly disaster for everyone.”",
        ] {
            let got = quotes(text);
            assert_eq!(got.len(), 1, "{text}");
            assert_eq!(got[0].1, None, "{text}");
        }
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
    fn titles_and_mentions_are_not_quotations() {
        assert!(quotes("He appeared on “Meet the Press” on Sunday.").is_empty());
        assert!(quotes("Her documentary “13th” opens Friday.").is_empty());
        assert!(quotes("Why vote for him, unless because “she” is a “he”?").is_empty());
        assert_eq!(
            quotes("“Safety,” said Grimm, a supporter."),
            [q("Safety,", "Grimm")]
        );
    }

    #[test]
    fn speaker_named_after_the_quote_with_title_or_party() {
        assert_eq!(
            quotes("“It was fine,” White House press secretary Josh Earnest said Monday."),
            [q(
                "It was fine,",
                "White House press secretary Josh Earnest"
            )]
        );
        assert_eq!(
            quotes("“It is a dog whistle,” Rep. Gwen Moore (D-Wis.) said Friday."),
            [q("It is a dog whistle,", "Rep. Gwen Moore")]
        );
    }

    #[test]
    fn mixed_quote_takes_the_subject_and_according_to_names_a_source() {
        assert_eq!(
            quotes("Later, Trump called the deal “a total disaster” on Monday."),
            [q("a total disaster", "Trump")]
        );
        assert_eq!(
            quotes("The bill is “dead on arrival,” according to a Senate aide."),
            [q("dead on arrival,", "a Senate aide")]
        );
    }

    #[test]
    fn colon_introduction_wins_over_the_next_sentence() {
        assert_eq!(
            quotes("Clinton responded: “What difference does it make?” Her critics cited it."),
            [q("What difference does it make?", "Clinton")]
        );
    }

    #[test]
    fn transcript_label_is_the_speaker() {
        assert_eq!(
            quotes("\"WALLACE: Will she be there tomorrow night?\""),
            [q("WALLACE: Will she be there tomorrow night?", "WALLACE")]
        );
    }

    #[test]
    fn role_and_org_of_the_speaker() {
        let text = "“We take this seriously,” said a Facebook spokesman.";
        let at = text.find("Facebook").unwrap();
        let orgs = [Org {
            start: at,
            end: at + "Facebook".len(),
            name: "Facebook".to_string(),
        }];
        let got = find(&Document::new(text), &orgs);
        assert_eq!(got[0].speaker.as_deref(), Some("a Facebook spokesman"));
        assert_eq!(got[0].org.as_deref(), Some("Facebook"));

        let text = "“It is a big step,” said Jane Doe, the chief executive of Acme.";
        let got = find(&Document::new(text), &[]);
        assert_eq!(got[0].speaker.as_deref(), Some("Jane Doe"));
        assert_eq!(got[0].role.as_deref(), Some("the chief executive of Acme"));
    }

    #[test]
    fn many_marks_do_not_derail_or_slow_down() {
        let text = "“a b c,” he said. ".repeat(20_000) + "\"" + &"x ".repeat(1000);
        let doc = Document::new(&text);
        let got = find(&doc, &[]);
        assert_eq!(got.len(), 20_001);
    }

    #[test]
    fn subject_follows_an_opening_phrase() {
        assert_eq!(
            quotes("Two days later, Marta Quill issued a note calling the merger “a fine fit.”"),
            [q("a fine fit.", "Marta Quill")]
        );
        assert_eq!(
            quotes("Jane Roe runs the depot.\nA week later, she sent a memo calling the plan “rushed.”"),
            [q("rushed.", "Jane Roe")]
        );
        assert_eq!(
            quotes("Reviewing the figures at dawn, the plant manager talked about “hard months.”"),
            [q("hard months.", "the plant manager")]
        );
        assert_eq!(
            quotes("Jane Roe runs the depot.\nTypically, she praises the “night crew.”"),
            [q("night crew.", "Jane Roe")]
        );
        // A name and its appositive stay the subject.
        assert_eq!(
            quotes("Ben Ortley, a Zentrix engineer, criticized the plan, calling it “a mess.”"),
            [q("a mess.", "Ben Ortley")]
        );
    }

    #[test]
    fn pronoun_resolves_to_the_sentence_subject_not_the_last_name() {
        let text = "Jane Doe criticized a post about a former Miss Universe.\n\
            “It is simply wrong,” she said.";
        assert_eq!(quotes(text), [q("It is simply wrong,", "Jane Doe")]);
    }

    #[test]
    fn a_name_alone_before_a_colon_introduces_the_quote() {
        assert_eq!(
            quotes("Plant report - Jane Doe: “The furnace was relit on Monday.”"),
            [q("The furnace was relit on Monday.", "Jane Doe")]
        );
        assert_eq!(
            quotes("Former state senator Jane Doe: “We will appeal.”"),
            [q("We will appeal.", "Jane Doe")]
        );
        // A name later in the clause is its object, not the speaker.
        let got = quotes("Smith quotes the economist Jane Doe: “Prices will fall.”");
        assert_ne!(got[0].1.as_deref(), Some("Jane Doe"));
    }

    #[test]
    fn inverted_and_put_it_attributions() {
        assert_eq!(
            quotes("Continued Doe: “We are not done yet.”"),
            [q("We are not done yet.", "Doe")]
        );
        assert_eq!(
            quotes("As Jane Doe put it, “the plant is our future.”"),
            [q("the plant is our future.", "Jane Doe")]
        );
    }

    #[test]
    fn a_closing_attribution_names_the_speaker_of_a_quote_inside_the_sentence() {
        assert_eq!(
            quotes(
                "The plan is “a gamble” for the town, said Jane Doe, an economist at Acme University."
            ),
            [q("a gamble", "Jane Doe")]
        );
        assert_eq!(
            quotes("The closure of the mill was “a blow,” the lawsuit alleges."),
            [q("a blow,", "the lawsuit")]
        );
        assert_eq!(
            quotes("The mill was “a blow” to the town, the mayor said Friday."),
            [q("a blow", "the mayor")]
        );
        // After "told" comes the listener.
        assert_eq!(
            quotes("The mill was “a gamble,” Doe, 49, told The Daily Bugle."),
            [q("a gamble,", "Doe")]
        );
    }

    #[test]
    fn subjects_after_openers_and_colon_paragraphs() {
        assert_eq!(
            quotes("And then Jane Doe promised more: “We will rebuild the bridge.”"),
            [q("We will rebuild the bridge.", "Jane Doe")]
        );
        assert_eq!(
            quotes("Asked about the plant, Doe said, “It stays open.”"),
            [q("It stays open.", "Doe")]
        );
        let text = "“We will build it,” Jane Roe said.\n\n\
            John Doe then listed the demands:\n\n\
            “Pay the workers first.”";
        assert_eq!(
            quotes(text),
            [
                q("We will build it,", "Jane Roe"),
                q("Pay the workers first.", "John Doe")
            ]
        );
    }

    #[test]
    fn a_reporting_sentence_right_before_names_the_quote_after_it() {
        assert_eq!(
            quotes("Or maybe the mill, engineer Jane Doe says. “The furnace is ready.”"),
            [q("The furnace is ready.", "Jane Doe")]
        );
        assert_eq!(
            quotes(
                "Jane Doe told the Bugle on Monday, after Roe announced her plans. “We will not sell.”"
            ),
            [q("We will not sell.", "Jane Doe")]
        );
    }

    #[test]
    fn the_subject_comes_after_every_introductory_phrase() {
        assert_eq!(
            quotes(
                "In March, after a long review, Jane Doe backed the merger, saying, “It is fair.”"
            ),
            [q("It is fair.", "Jane Doe")]
        );
    }

    #[test]
    fn a_dash_line_under_a_quoted_paragraph_names_its_speaker() {
        let text = "“The mill will stay open as long as I am mayor.”\n\n– Jane Doe.\n\n\
            That promise is now in doubt.";
        assert_eq!(
            quotes(text),
            [q(
                "The mill will stay open as long as I am mayor.",
                "Jane Doe"
            )]
        );
        let text = "“The mill will stay open.”\n\n- Reuters\n\nThat promise is in doubt.";
        assert_eq!(quotes(text)[0].1, None);
    }

    #[test]
    fn an_unknown_past_verb_before_a_name_attributes_the_quote() {
        assert_eq!(
            quotes("“We did it!” cheered Jane Doe, a welder from Ohio."),
            [q("We did it!", "Jane Doe")]
        );
    }
}
