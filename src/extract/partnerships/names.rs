//! Fallback organization candidates for trigger sentences: capitalized name
//! sequences ("Merit Network", "Higher Ground", "Bank of America") that the
//! organization finder did not report. Places, months, titles, nationalities
//! and sentence-opening function words are not names of partners.

use super::{lexicon, sequence};
use crate::extract::orgs::{
    describes_a_company_after, has_organization_head, in_a_list_of_places, is_common_acronym,
    is_section_heading,
};
use crate::text::lexicon::{lookup, Words};
use crate::text::pattern::Matcher;
use regex_automata::meta;
use std::sync::LazyLock;

/// Titles before a person's name.
const TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "dr",
    "sir",
    "prof",
    "professor",
    "president",
    "chairman",
    "chief",
    "ceo",
    "minister",
    "senator",
    "governor",
    "secretary",
];

/// A title before a person's name ("Chairman", "Dr.").
pub fn is_title(word: &str) -> bool {
    let word = word.trim_end_matches('.');
    if word.is_ascii() {
        // No allocation for the usual word: ASCII lower-cases byte by byte.
        TITLES.iter().any(|t| word.eq_ignore_ascii_case(t))
    } else {
        TITLES.contains(&word.to_lowercase().as_str())
    }
}

/// A person: a name after a title, or one that speaks ("Eric Rice said").
static SPEAKS: LazyLock<Matcher> = LazyLock::new(|| {
    Matcher::new(r"^,?\s+(?:said|says|told|explained|added|who)(?-u:\b)|^,\s+(?:a |the |its |their )?(?:senior|executive|vice|chief|head|director|president|chairman|chairwoman|managing|founder|co-founder|analyst|spokesman|spokeswoman|professor|editor)(?-u:\b)").expect("speaker pattern")
});

/// A speech verb right before a name introduces a person ("explains Jane Roe").
static SPOKEN_BY: LazyLock<meta::Regex> = LazyLock::new(|| {
    crate::text::pattern::without_prefilter(r"(?:said|says|explains|explained|added|adds|predicted|predicts|noted|notes|warned|warns|argued|argues|insisted|insists|according to)\s*$")
        .expect("speech verb pattern")
});

/// Capitalized words that are not (or do not start) an organization name.
const NOT_NAMES: &[&str] = &[
    "the",
    "a",
    "an",
    "in",
    "on",
    "at",
    "it",
    "its",
    "this",
    "that",
    "these",
    "those",
    "he",
    "she",
    "they",
    "we",
    "our",
    "their",
    "his",
    "her",
    "however",
    "but",
    "and",
    "also",
    "as",
    "after",
    "before",
    "since",
    "when",
    "while",
    "during",
    "under",
    "over",
    "with",
    "for",
    "from",
    "by",
    "of",
    "to",
    "meanwhile",
    "last",
    "next",
    "mr",
    "mrs",
    "ms",
    "dr",
    "sir",
    "president",
    "chairman",
    "chief",
    "ceo",
    "minister",
    "prime",
    "secretary",
    "senator",
    "governor",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "partnerships",
    "partnership",
    "partners",
    "history",
    "clients",
    "if",
    "so",
    "both",
    "all",
    "other",
    "such",
    "some",
    "many",
    "several",
    "one",
    "two",
    "three",
    "four",
    "five",
    "there",
    "here",
    "then",
    "now",
    "today",
    "yesterday",
    "tomorrow",
    "according",
    "although",
    "because",
    "through",
    "through",
    "within",
    "without",
    "i",
    "you",
    "my",
    "your",
    "us",
    "u.s",
    "u.s.",
    "uk",
    "u.k.",
    "eu",
    "un",
    "us-based",
    "america",
    "american",
    "americas",
    "britain",
    "british",
    "china",
    "chinese",
    "europe",
    "european",
    "france",
    "french",
    "germany",
    "german",
    "japan",
    "japanese",
    "india",
    "indian",
    "russia",
    "russian",
    "korea",
    "korean",
    "south",
    "north",
    "east",
    "west",
    "italy",
    "italian",
    "spain",
    "spanish",
    "canada",
    "canadian",
    "australia",
    "australian",
    "brazil",
    "brazilian",
    "mexico",
    "mexican",
    "england",
    "english",
    "scotland",
    "wales",
    "ireland",
    "irish",
    "israel",
    "israeli",
    "taiwan",
    "taiwanese",
    "singapore",
    "netherlands",
    "dutch",
    "sweden",
    "swedish",
    "norway",
    "norwegian",
    "finland",
    "finnish",
    "switzerland",
    "swiss",
    "asia",
    "asian",
    "africa",
    "african",
    "london",
    "paris",
    "tokyo",
    "beijing",
    "shanghai",
    "moscow",
    "washington",
    "california",
    "texas",
    "york",
    "new",
    "hong",
    "kong",
    "internet",
    "web",
    "online",
    "government",
    "state",
    "federal",
    "national",
    "international",
    "global",
    "christmas",
    "inc",
    "ltd",
    "ai",
    "api",
    "apis",
    "app",
    "apps",
    "genai",
    "saas",
    "cto",
    "cfo",
    "ipo",
    "tv",
    "pc",
    "co",
    "corp",
];

/// Generic company words that a place or nationality before them names:
/// "Singapore Telecom", "Japan Airlines", "China Mobile".
const GENERIC_HEADS: &[&str] = &[
    "telecom",
    "telecommunications",
    "airlines",
    "airways",
    "air",
    "mobile",
    "steel",
    "railways",
    "rail",
    "post",
    "petroleum",
    "oil",
    "gas",
    "bank",
    "broadcasting",
    "television",
    "telecoms",
    "motors",
    "electric",
    "power",
    "energy",
    "pharmaceutical",
    "pharmaceuticals",
    "insurance",
    "shipping",
    "tobacco",
    "unicom",
    "aerospace",
];

fn is_generic_head(word: &str) -> bool {
    let w = word.trim_end_matches(|c: char| !c.is_alphanumeric());
    w.starts_with(|c: char| c.is_uppercase()) && GENERIC_HEADS.contains(&w.to_lowercase().as_str())
}

static NOT_NAME_SET: LazyLock<Words> =
    LazyLock::new(|| NOT_NAMES.iter().map(|w| w.as_bytes()).collect());

fn is_not_name(word: &str) -> bool {
    if crate::text::is_contraction(word) {
        return true;
    }
    let w = word
        .trim_end_matches(['\'', '’', 's'])
        .trim_end_matches(['\'', '’', '.', ',']);
    // Most words have no ending to trim: one look-up then.
    lookup(&NOT_NAME_SET, w) || w.len() < word.len() && lookup(&NOT_NAME_SET, word)
}

/// Discourse markers that open a sentence before a comma; with the adverbs
/// in "-ly" ("Unfortunately, ..."), no name.
const DISCOURSE_MARKERS: &[&str] = &[
    "furthermore",
    "moreover",
    "however",
    "meanwhile",
    "nevertheless",
    "nonetheless",
    "therefore",
    "thus",
    "hence",
    "indeed",
    "instead",
    "otherwise",
    "besides",
    "plus",
    "yes",
    "no",
    "overall",
    "still",
    "now",
    "then",
    "today",
];

/// A title-case sentence adverb ("Moreover", "Conversely", "Yes").
fn is_sentence_adverb(word: &str) -> bool {
    word.len() > 1
        && word[1..].bytes().all(|b| b.is_ascii_lowercase())
        && (word.len() > 3 && word.ends_with("ly") || lexicon::is_one_of(word, DISCOURSE_MARKERS))
}

/// A nationality-like word before a lower-case noun ("Turkish firm",
/// "Middle Eastern sheikhdom"), not before a verb ("Flirtomatic has").
fn is_adjective(sentence: &str, start: usize, end: usize) -> bool {
    let word = &sentence[start..end];
    let last = word.rsplit(' ').next().unwrap_or(word);
    let next = sentence[end..]
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .trim_end_matches(|c: char| !c.is_alphanumeric());
    let noun_next = next.starts_with(|c: char| c.is_lowercase())
        && !next.ends_with("ed")
        && !VERBS.contains(&next);
    let nationality = lexicon::is_place(last)
        || ["ish", "ese", "ian", "an", "ern"]
            .iter()
            .any(|suf| last.ends_with(suf));
    (!word.contains(' ') || last.ends_with("ern")) && noun_next && nationality
}

/// Verbs that follow a subject, not a noun after an adjective.
const VERBS: &[&str] = &[
    "has", "have", "had", "is", "was", "were", "are", "will", "would", "said", "says", "can",
    "could", "also", "and",
];

/// A name right after "in", "at" or "near" is a place ("based in Cape Town"),
/// also after "the" ("a distributor in the United States") unless it is
/// shaped as a body's ("a partner in the Orbit Research Institute").
fn is_place(sentence: &str, start: usize, end: usize) -> bool {
    let before = sentence[..start].trim_end();
    // A capitalized "The" opens a title ("featured in The Daily Globe").
    let before = match before.strip_suffix(" the") {
        Some(_) if has_organization_head(&sentence[start..end]) => return false,
        Some(shorter) => shorter,
        None => before,
    };
    ["in", "at", "near", "In", "At"].iter().any(|p| {
        before.ends_with(p) && before[..before.len() - p.len()].ends_with([' ', ','])
            || before == *p
    })
}

/// A short abbreviation before a plural noun names a kind of product
/// ("SIM cards", "DVD players"), not an organization.
fn modifies_a_plural(piece: &str, after: &str) -> bool {
    let next = after
        .strip_prefix(' ')
        .and_then(|a| a.split([' ', ',', '.', ';']).next())
        .unwrap_or_default();
    piece.len() <= 4
        && piece.chars().all(|c| c.is_ascii_uppercase())
        && next.len() > 3
        && next.ends_with('s')
        && next.chars().all(|c| c.is_ascii_lowercase())
        && !VERBS.contains(&next)
}

/// "Singapore Telecom", "British Airways": a place before a generic company
/// word (the first word of `after`) is part of the name.
fn keeps_place(word: &str, after: &str) -> bool {
    !word.ends_with(['\'', '’', 's', ','])
        && after.split_whitespace().next().is_some_and(is_generic_head)
        && !lexicon::is_common(word)
}

/// `word` without the possessive endings "'s" then "’s" at its end, as
/// `trim_end_matches` with each, without building a substring searcher.
fn trim_possessives(word: &str) -> &str {
    let mut w = word;
    while let Some(rest) = w.strip_suffix("'s") {
        w = rest;
    }
    while let Some(rest) = w.strip_suffix("’s") {
        w = rest;
    }
    w
}

/// "Longtime partner Globex ...", "Technology firm Globex ...": one word
/// opening the sentence right before a company noun and a capitalized word
/// describes that noun's company; it names none.
fn modifies_an_opening_descriptor(sentence: &str, start: usize, end: usize) -> bool {
    !sentence[start..end].contains(' ')
        && sentence[..start]
            .trim_matches(|c: char| !c.is_alphanumeric())
            .is_empty()
        && describes_a_company_after(&sentence[end..])
}

/// A capitalized run that ends with a name already found, after "and"
/// ("Initech and the Bank of Zorbo"): the words before the "and" are a
/// list item of their own, ending where this returns.
fn item_before_found_name(
    sentence: &str,
    start: usize,
    end: usize,
    taken: &[(usize, usize)],
) -> Option<usize> {
    let found = taken
        .iter()
        .filter(|&&(s, _)| start < s && s < end)
        .map(|&(s, _)| s)
        .min()?;
    let head = &sentence[start..found];
    let item = head
        .strip_suffix(" and the ")
        .or_else(|| head.strip_suffix(" and "))?;
    (!item.is_empty()).then(|| start + item.len())
}

/// Byte ranges (relative to `sentence`) of candidate names that do not overlap `taken`.
pub fn candidates(sentence: &str, taken: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (found_start, found_end) in sequence::find_iter(sentence) {
        let found_end =
            item_before_found_name(sentence, found_start, found_end, taken).unwrap_or(found_end);
        let mut start = found_start;
        let mut end = found_end;
        // Drop leading non-name words ("In", "The", "French"): `start` is
        // always where the next word `w` opens.
        // Still among the sentence's opening words: a heading glued to the
        // sentence ("Products Nearly all of ...") opens it too.
        // So does a clause after a colon ("Pro tip: Add motion with ...").
        let mut at_opening = sentence[..start]
            .trim_matches(|c: char| !c.is_alphanumeric())
            .is_empty()
            || sentence[..start].trim_end().ends_with(':');
        while let Some(w) = sentence[start..end].split_whitespace().next() {
            let after = &sentence[start + w.len()..end];
            // "8pixel" is a name, "2004" is not.
            let digit_name = w.starts_with(|c: char| c.is_ascii_digit())
                && w.chars().filter(char::is_ascii_lowercase).count() >= 3;
            let no_capital = !w.chars().any(char::is_uppercase) && !digit_name;
            // A common word opening the sentence is capitalized only for that,
            // and so is a sentence adverb set off by a comma ("Additionally,",
            // "Furthermore,"), unlike a name in apposition ("Konecta, one of").
            let bare = trim_possessives(w.trim_end_matches([',', ';', ':']));
            let last = after.trim().is_empty();
            let opening = at_opening
                && (lexicon::is_common(bare)
                    || is_section_heading(bare)
                    || last && lexicon::is_lower_case_word(bare)
                    || last && sentence[end..].starts_with(',') && is_sentence_adverb(w));
            let not_name = is_not_name(w);
            let dropped = (not_name && !keeps_place(w, after)) || no_capital || opening;
            // "A & E": a letter before an ampersand opens the name.
            if !dropped || after.trim_start().starts_with('&') {
                break;
            }
            at_opening &= opening || not_name;
            start = end - after.trim_start().len();
        }
        if start >= end {
            continue;
        }
        // Drop a trailing possessive or period.
        let mut piece = &sentence[start..end];
        // A possessive ends a name: "Acme's Dutch partner"; after a
        // place it opens one: "Argentina's Enarsa".
        // (Most names have no apostrophe: no substring search for them.)
        let possessive = if piece.contains(['\'', '’']) {
            piece.find("'s ").or_else(|| piece.find("’s "))
        } else {
            None
        };
        if let Some(p) = possessive {
            let owner = &piece[..p];
            if !owner.contains(' ') && (lexicon::is_place(owner) || is_not_name(owner)) {
                let after = p + piece[p..].find(' ').unwrap_or(0) + 1;
                start += after;
                piece = &piece[after..];
            } else {
                piece = &piece[..p];
            }
        }
        let mut trimmed = trim_possessives(piece.trim_end_matches(['.', ',']));
        // The possessive of a name ending in s: "Jane Myers' label".
        if let Some(owner) = trimmed.strip_suffix(['\'', '’']) {
            if owner.ends_with('s') {
                trimmed = owner;
            }
        }
        end = start + trimmed.len();
        let mut piece = &sentence[start..end];
        let first_word = piece.split_whitespace().next().unwrap_or_default();
        let titled = sentence[found_start..found_end]
            .split_whitespace()
            .any(is_title);
        // Each regex only where its first (or last) character can match.
        let mut person = titled
            || sentence[end..].starts_with(|c: char| c == ',' || c.is_whitespace())
                && SPEAKS.is_match(&sentence[end..])
            || sentence[..found_start]
                .trim_end()
                .ends_with(['d', 's', 'o'])
                && SPOKEN_BY.is_match(&sentence[..found_start])
            || piece.contains(' ') && lexicon::is_first_name(first_word);
        // "Jane Roe of Acme": the person's organization.
        if person {
            if let Some(p) = piece.rfind(" of ") {
                start += p + 4;
                piece = &sentence[start..end];
                person = false;
            }
        }
        // "DVDs", "PCs": plural abbreviations name products.
        let plural_caps = piece.len() >= 3
            && piece.ends_with('s')
            && piece[..piece.len() - 1]
                .chars()
                .all(|c| c.is_ascii_uppercase());
        let technical = piece.ends_with("-based")
            || sentence[end..].starts_with(" based")
            || plural_caps
            || modifies_a_plural(piece, &sentence[end..])
            || piece.starts_with(|c: char| c.is_ascii_digit())
                && piece.len() <= 3
                && !piece.contains(' ');
        let place = !piece.contains(' ') && lexicon::is_place(piece);
        if piece.len() < 2
            || is_common_acronym(piece)
            || modifies_an_opening_descriptor(sentence, start, end)
            || person
            || technical
            || place
            || piece.split_whitespace().all(is_not_name)
        {
            continue;
        }
        if taken.iter().any(|&(s, e)| start < e && s < end)
            || is_adjective(sentence, start, end)
            || is_place(sentence, start, end)
            || in_a_list_of_places(sentence, start, end)
        {
            continue;
        }
        out.push((start, end));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(s: &str) -> Vec<&str> {
        candidates(s, &[])
            .into_iter()
            .map(|(a, b)| &s[a..b])
            .collect()
    }

    #[test]
    fn capitalized_sequences_without_function_words_and_places() {
        assert_eq!(
            names("In 2011, Zeta9 signed a partnership with Orbit Network in Ohio."),
            ["Zeta9", "Orbit Network"]
        );
        assert_eq!(
            names("The French carmaker teamed up with Bank of America's unit and China."),
            ["Bank of America"]
        );
        assert_eq!(
            names("Acme has teamed up with Singapore Telecom and Brazil's Zentra."),
            ["Acme", "Singapore Telecom", "Zentra"]
        );
        assert_eq!(
            names("Spotify announced a deal with zoomHUB."),
            ["Spotify", "zoomHUB"]
        );
        assert_eq!(
            names("Zeta9 formed a venture with Orbit Network in the United States."),
            ["Zeta9", "Orbit Network"]
        );
        assert_eq!(
            names("Zeta9 is a partner in the Orbit Research Institute."),
            ["Zeta9", "Orbit Research Institute"]
        );
    }

    #[test]
    fn contractions_adverbs_acronyms_and_opening_common_words_are_not_names() {
        assert_eq!(names("They’ve worked with Globex."), ["Globex"]);
        assert_eq!(
            names("You'll work with Globex and Initech."),
            ["Globex", "Initech"]
        );
        assert_eq!(names("Tip: Add a deal with Globex."), ["Globex"]);
        assert_eq!(names("Moreover, we work with Globex."), ["Globex"]);
        assert_eq!(names("The HR team works with Globex."), ["Globex"]);
        assert_eq!(
            names("Unfortunately, Acme left Globex."),
            ["Acme", "Globex"]
        );
        assert_eq!(
            names("Zentrix, one of the largest firms, partnered with Globex."),
            ["Zentrix", "Globex"]
        );
        assert_eq!(
            names("O'Neil Labs partnered with Globex."),
            ["O'Neil Labs", "Globex"]
        );
    }

    #[test]
    fn a_digit_may_open_a_name() {
        assert_eq!(
            names("It is a venture of design firm 4ever and SkyBridge."),
            ["4ever", "SkyBridge"]
        );
        assert!(names("Shares rose 10am on 5th May.")
            .iter()
            .all(|n| n.contains("May")));
        assert_eq!(
            names("In 2004 Globex Software formed it."),
            ["Globex Software"]
        );
    }

    #[test]
    fn opening_common_words_people_and_places_are_not_names() {
        assert_eq!(
            names("Private equity firm Acme Partners agreed a deal with Globex."),
            ["Acme Partners", "Globex"]
        );
        assert_eq!(
            names("Eric Stone won backing from Warner Bros in Britain."),
            ["Warner Bros"]
        );
        assert!(names("It could supply the data, said Mr Ayers.").is_empty());
        assert!(
            names("Subsequently, it distributed DVDs for the Cape Town based firm.").is_empty()
        );
        assert_eq!(names("Buy USB sticks from Acme."), ["Acme"]);
        // A one-word guess is held to the wider list of lower-case words,
        // the first word of a longer name only to the common ones.
        assert_eq!(names("Examples include deals with Acme."), ["Acme"]);
        assert_eq!(
            names("Digital Leisure signed a deal with Acme."),
            ["Digital Leisure", "Acme"]
        );
        // An opening word before a company noun describes the company after it.
        assert_eq!(
            names("Longtime partner Globex will supply the parts."),
            ["Globex"]
        );
        assert_eq!(
            names("Technology firm Globex bought Initech."),
            ["Globex", "Initech"]
        );
        assert_eq!(
            names("It co-produced with Globex, A & E and Initech."),
            ["Globex", "A & E", "Initech"]
        );
        assert_eq!(
            names("Subsequently, Globex worked with Acme."),
            ["Globex", "Acme"]
        );
        assert_eq!(
            names("Products Nearly all of them came from Acme, then, Globex."),
            ["Acme", "Globex"]
        );
        assert_eq!(names("History Acme signed."), ["Acme"]);
        // A name found by the finder closes a list after "and".
        let s = "Acme partnered with Globex Corp., Initech and the Bank of Zorbo.";
        let found = [(0, 4), (20, 32), (50, 63)];
        assert_eq!(&s[50..63], "Bank of Zorbo");
        let guessed: Vec<&str> = candidates(s, &found)
            .into_iter()
            .map(|(a, b)| &s[a..b])
            .collect();
        assert_eq!(guessed, ["Initech"]);
        assert_eq!(
            names("Sponsorships Yancey's Fancy is a sponsor of the Bills."),
            ["Yancey", "Bills"]
        );
        assert_eq!(
            names("Acme worked with Globex Systems' label."),
            ["Acme", "Globex Systems"]
        );
    }
}
