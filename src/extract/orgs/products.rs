//! Product names the tagger takes for companies: a name between "the" (or a
//! possessive) and a product noun ("the Cell processor"), or before a model
//! number and a product noun ("Symbian's Series 60 software"). Once the
//! article uses a name so, its other bare mentions are the product too.
//! A mention written with a model code ("Zenix Z400", "Vela Pro X20") is a
//! product there, and famous products are never companies. A name of several
//! words headed by a software or device noun ("Orbit Task Scheduler") names
//! a product or feature, not its maker.

use super::words::{split_last_word, words};
use crate::text::hash::FastSet;
use regex::Regex;
use std::sync::LazyLock;

/// What follows a product name: an optional model number, then a product noun.
static PRODUCT_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern::regex(
        r"^(?:(?:[ ]+[0-9][0-9.]*)?[ ]+(?:software|phones?|handsets?|smartphones?|processors?|chips?|consoles?|browser|operating system|apps?|tablets?|laptops?|edition|version|features?|technology|protocol|format|players?|devices?|virus|worm|brand|cars?|aircraft|jets?|drug|games?|assistant|chatbot|speakers?|smartwatch|headsets?)|(?:[ ]+(?:mobile|phone|computer|email|e-mail))+[ ]+(?:virus|worm))(?-u:\b)",
    )
    .expect("product pattern")
});

/// What introduces a product's or feature's name: "a technology called",
/// "a new security model dubbed".
static PRODUCT_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::pattern::regex(
        r"(?-u:\b)(?:technology|technologies|system|service|software|model|programme|program|product|device|feature|tool|app|application|platform|project|initiative|scheme|standard|format|protocol|virus|worm|game|series|approach|method|concept|framework|engine|brand|chip|phone|handset|drug|car)[ ]+(?:called|dubbed|named)[ ]+$",
    )
    .expect("product introduction pattern")
});

/// A product-noun match that starts with a model number: the name before
/// it may be a company's, but there it names a product line.
static NUMBERED: LazyLock<Regex> =
    LazyLock::new(|| crate::text::pattern::regex(r"^[ ]+[0-9]").expect("number pattern"));

/// A model code: letters and digits in one word ("Z400", "X20", "116i",
/// "PMC-100"), as the pattern `[A-Za-z]{1,5}-?[0-9]{2,5}[a-z]?|[0-9]{2,4}[a-z]`
/// would match the whole word; read byte by byte, as a regex costs
/// hundreds of instructions per word.
fn is_model_code(word: &str) -> bool {
    let b = word.as_bytes();
    let digits = |b: &[u8]| b.iter().take_while(|c| c.is_ascii_digit()).count();
    // Digits and a letter, or letters, a hyphen maybe, digits, a letter maybe.
    let rest = match b.iter().take_while(|c| c.is_ascii_alphabetic()).count() {
        0 => {
            let d = digits(b);
            return (2..=4).contains(&d) && b.len() == d + 1 && b[d].is_ascii_lowercase();
        }
        letters @ 1..=5 => b[letters..].strip_prefix(b"-").unwrap_or(&b[letters..]),
        _ => return false,
    };
    let d = digits(rest);
    (2..=5).contains(&d)
        && match &rest[d..] {
            [] => true,
            [c] => c.is_ascii_lowercase(),
            _ => false,
        }
}

/// Products famous enough to be named alone, which a tagger reading them
/// in company contexts ("launched", "sales of") takes for companies.
const FAMOUS_PRODUCTS: &[&str] = &[
    "ChatGPT",
    "Gemini",
    "Copilot",
    "Siri",
    "Alexa",
    "Cortana",
    "iPhone",
    "iPhones",
    "iPad",
    "iPads",
    "iPod",
    "iPods",
    "iTunes",
    "iMac",
    "MacBook",
    "Walkman",
    "PlayStation",
    "Xbox",
    "Wii",
    "GameBoy",
    "Kindle",
    "Android",
    "Gmail",
    "Hotmail",
    "Photoshop",
    "Excel",
    "PowerPoint",
    "Outlook",
    "Firefox",
    "Chrome",
    "Safari",
    "Windows",
    "Linux",
    "BlackBerry",
    "Dreamliner",
    "Concorde",
    "Jumbo",
    "Prius",
    "Beetle",
    "Viagra",
    "Prozac",
    "Lipitor",
    "Tamiflu",
    "Botox",
    "Aspirin",
    "Velcro",
    "Lego",
    "Barbie",
    "Monopoly",
    "Tetris",
    "Big Mac",
    "Whopper",
    "Coke",
    "Pepsi Max",
    "Red Bull",
    "iOS",
    "macOS",
    "iCloud",
    "iMessage",
    "FaceTime",
    "AirPods",
    "HomePod",
    "Apple Watch",
    "Apple Pay",
    "Apple Music",
    "Google Maps",
    "Google Play",
    "Google Assistant",
    "Google Home",
    "Chromebook",
    "Microsoft Office",
    "Microsoft Teams",
    "Office 365",
    "Amazon Prime",
    "Prime Video",
    "Echo Dot",
    "Fire TV",
    "Kubernetes",
    "TensorFlow",
    "PyTorch",
    "JavaScript",
    "Python",
    "Hadoop",
    "Ubuntu",
    "WordPress",
    "Bluetooth",
    "Bitcoin",
    "Ethereum",
    "Fortnite",
    "Minecraft",
];

/// Head nouns of product and feature names that organizations' names do
/// not end with (a maker is named without them: "Orbit", not "Orbit
/// Scheduler").
const PRODUCT_HEADS: &[&str] = &[
    "Scheduler",
    "Gateway",
    "Platform",
    "Adapter",
    "Agents",
    "Assistant",
    "Convertible",
    "Edition",
    "Suite",
    "Toolkit",
    "Plugin",
    "Dashboard",
    "Browser",
    "Console",
    "Handset",
    "Keyboard",
    "Camera",
    "Headphones",
    "Earbuds",
    "Router",
    "Charger",
    "Ontology",
    "License",
    "Licence",
    "Certificate",
];

/// True when the name of several words `name` ends with a product head noun.
pub fn has_product_head(name: &str) -> bool {
    split_last_word(name).is_some_and(|(_, last)| PRODUCT_HEADS.contains(&last))
}

/// True when the name at `text[s..e]` is used as a product's name there.
fn used_as_product(text: &str, s: usize, e: usize) -> bool {
    // The introduction ends with "called", "dubbed" or "named" and spaces.
    let words_before = text[..s].trim_end_matches(' ');
    let introduced = words_before.len() < s
        && ["called", "dubbed", "named"]
            .iter()
            .any(|w| words_before.ends_with(w));
    let head = text[..s].len().saturating_sub(60);
    let head = (head..s).find(|&i| text.is_char_boundary(i)).unwrap_or(s);
    if introduced && PRODUCT_BEFORE.is_match(&text[head..s]) {
        return true;
    }
    if !product_noun_may_follow(&text[e..]) {
        return false;
    }
    let Some(m) = PRODUCT_AFTER.find(&text[e..]) else {
        return false;
    };
    let before = text[..s].trim_end_matches(' ');
    NUMBERED.is_match(m.as_str())
        || before.ends_with("the")
        || before.ends_with("The")
        || before.ends_with("'s")
        || before.ends_with("’s")
}

/// Whether `rest` opens as [`PRODUCT_AFTER`] needs: spaces, then a number
/// or the start of one of its words. Most names fail this before the regex.
fn product_noun_may_follow(rest: &str) -> bool {
    const STARTS: &[&str] = &[
        "software",
        "phone",
        "handset",
        "smartphone",
        "processor",
        "chip",
        "console",
        "browser",
        "operating",
        "app",
        "tablet",
        "laptop",
        "edition",
        "version",
        "feature",
        "technology",
        "protocol",
        "format",
        "player",
        "device",
        "virus",
        "worm",
        "brand",
        "car",
        "aircraft",
        "jet",
        "drug",
        "game",
        "assistant",
        "chatbot",
        "speaker",
        "smartwatch",
        "headset",
        "mobile",
        "computer",
        "email",
        "e-mail",
    ];
    let word = rest.trim_start_matches(' ');
    // The first byte first: most words start like none of the nouns.
    let Some(&first) = word.as_bytes().first() else {
        return false;
    };
    word.len() < rest.len()
        && (first.is_ascii_digit()
            || STARTS
                .iter()
                .any(|s| s.as_bytes()[0] == first && word.starts_with(s)))
}

/// True when the mention at `text[s..e]` carries a model code: a word of
/// the name after its first, or the word right after it.
fn has_model_code(text: &str, s: usize, e: usize) -> bool {
    let inner = words(&text[s..e]).skip(1);
    // The delimiters are ASCII: searched as bytes, they end words at
    // character boundaries.
    let next = text[e..].strip_prefix(' ').map(|r| {
        let end = r
            .bytes()
            .position(|b| matches!(b, b' ' | b',' | b'.' | b')' | b'\n'));
        &r[..end.unwrap_or(r.len())]
    });
    // "K250 SE": a trim written after the model code.
    let previous = text[..s].strip_suffix(' ').map(|r| {
        let start = r.bytes().rposition(|b| matches!(b, b' ' | b'\n' | b'('));
        &r[start.map_or(0, |i| i + 1)..]
    });
    // "FY2005" is a fiscal year, not a model.
    inner.chain(next).chain(previous).any(|w| {
        // Every model code holds a digit: most words need no closer look.
        w.bytes().any(|b| b.is_ascii_digit()) && is_model_code(w) && !w.starts_with("FY")
    })
}

/// True when the name at `text[s..e]` is a product's tier after a
/// product line and a version number ("Vela 3 Turbo", "Orbix 2.5 Pro"):
/// the word before the number is capitalized and no organization among
/// `spans` (results such as "Leeds 3 Chelsea 1" name two clubs), and no
/// number follows the name.
fn after_version(text: &str, s: usize, e: usize, spans: &[(usize, usize)]) -> bool {
    let Some(before) = text[..s].strip_suffix(' ') else {
        return false;
    };
    let number_start = before.rfind([' ', '\n']).map_or(0, |i| i + 1);
    let number = &before[number_start..];
    let version = !number.is_empty()
        && number.len() <= 4
        && number.starts_with(|c: char| c.is_ascii_digit())
        && number.bytes().all(|b| b.is_ascii_digit() || b == b'.');
    if !version
        || number_start == 0
        || text[e..]
            .trim_start_matches(' ')
            .starts_with(|c: char| c.is_ascii_digit())
    {
        return false;
    }
    let Some(line) = before[..number_start].strip_suffix(' ') else {
        return false;
    };
    let word_start = line.rfind([' ', '\n']).map_or(0, |i| i + 1);
    let word = &line[word_start..];
    word.len() > 1
        && word.starts_with(|c: char| c.is_ascii_uppercase())
        && word.bytes().all(|b| b.is_ascii_alphabetic())
        && (is_famous_product(word) || !spans.iter().any(|&(_, pe)| pe == line.len()))
}

/// True when `name` ends with a one-letter trim or model grade ("Kestrel S").
fn ends_with_grade(name: &str) -> bool {
    split_last_word(name).is_some_and(|(first, last)| {
        first.len() > 1 && last.len() == 1 && last.bytes().all(|b| b.is_ascii_uppercase())
    })
}

/// Drops the spans whose name the article uses as a product somewhere, the
/// mentions written with a model code, and famous products. Spans in
/// `known` (gazetteer names, sorted) are companies whatever follows them.
pub fn drop_products(text: &str, spans: &mut Vec<(usize, usize)>, known: &[(usize, usize)]) {
    let is_known = |span: &(usize, usize)| known.binary_search(span).is_ok();
    let products: Vec<&str> = spans
        .iter()
        .filter(|&&(s, e)| {
            !is_known(&(s, e)) && (used_as_product(text, s, e) || after_version(text, s, e, spans))
        })
        .map(|&(s, e)| &text[s..e])
        .collect();
    spans.retain(|&(s, e)| {
        is_known(&(s, e))
            || !(products.iter().any(|p| *p == &text[s..e])
                || has_model_code(text, s, e)
                || ends_with_grade(&text[s..e])
                || has_product_head(&text[s..e])
                || is_famous_product(&text[s..e]))
    });
}

/// True when `name` is a famous product's name.
pub fn is_famous_product(name: &str) -> bool {
    static SET: LazyLock<FastSet<&str>> =
        LazyLock::new(|| FAMOUS_PRODUCTS.iter().copied().collect());
    SET.contains(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kept(text: &str, names: &[&str]) -> Vec<String> {
        let mut spans: Vec<(usize, usize)> = names
            .iter()
            .flat_map(|n| text.match_indices(n).map(|(i, _)| (i, i + n.len())))
            .collect();
        drop_products(text, &mut spans, &[]);
        spans.iter().map(|&(s, e)| text[s..e].to_string()).collect()
    }

    #[test]
    fn the_byte_gate_passes_whatever_the_product_pattern_matches() {
        for rest in [
            " 60 software",
            "  phones.",
            " mobile phone virus",
            " e-mail worm",
            " operating system",
        ] {
            assert!(PRODUCT_AFTER.is_match(rest), "{rest}");
            assert!(product_noun_may_follow(rest), "{rest}");
        }
        for rest in [" said", "'s software", "software", ", phones"] {
            assert!(!product_noun_may_follow(rest), "{rest}");
            assert!(!PRODUCT_AFTER.is_match(rest), "{rest}");
        }
    }

    #[test]
    fn model_codes_read_by_bytes_are_those_of_the_pattern() {
        let pattern =
            crate::text::pattern::regex(r"^(?:[A-Za-z]{1,5}-?[0-9]{2,5}[a-z]?|[0-9]{2,4}[a-z])$")
                .unwrap();
        let words = [
            "Z400",
            "X20",
            "116i",
            "PMC-100",
            "A1",
            "AB12",
            "ABCDE12345",
            "ABCDEF12",
            "ABCDE123456",
            "A-12x",
            "A-12xy",
            "A--12",
            "-12",
            "12",
            "12a",
            "1234a",
            "12345a",
            "1a",
            "12A",
            "A12B",
            "Q1",
            "FY2005",
            "2005",
            "x12é",
            "é12",
            "A12-",
            "ab12c",
            "AB 12",
            "",
        ];
        for w in words {
            assert_eq!(is_model_code(w), pattern.is_match(w), "{w}");
        }
    }

    #[test]
    fn product_uses_drop_every_mention() {
        let t = "Sony and IBM built the Cell processor. Cell could power TVs.";
        assert_eq!(kept(t, &["Sony", "IBM", "Cell"]), ["Sony", "IBM"]);
        let t = "The Zorbo mobile phone virus spreads; Zorbo hit Acme.";
        assert_eq!(kept(t, &["Zorbo", "Acme"]), ["Acme"]);
        let t = "Zorbix's Vela assistant and the Orbo chatbot beat Acme.";
        assert_eq!(
            kept(t, &["Zorbix", "Vela", "Orbo", "Acme"]),
            ["Zorbix", "Acme"]
        );
        let t = "Symbian's Series 60 software runs on Nokia phones.";
        assert_eq!(
            kept(t, &["Symbian", "Series", "Nokia"]),
            ["Symbian", "Nokia"]
        );
    }

    #[test]
    fn a_name_introduced_as_a_product_is_one() {
        let t = "Nokia has a technology called Sonar Radio. Sonar Radio works.";
        assert_eq!(kept(t, &["Nokia", "Sonar Radio"]), ["Nokia"]);
        let t = "It set up a company called Zentrix with Acme.";
        assert_eq!(kept(t, &["Zentrix", "Acme"]), ["Zentrix", "Acme"]);
    }

    #[test]
    fn model_codes_and_famous_products_are_not_companies() {
        let t = "Zenix Z400 sales beat the Vela Pro X20 as Zenix grew.";
        assert_eq!(kept(t, &["Zenix", "Vela Pro X20"]), ["Zenix"]);
        let t = "Beyond the K250 SE and the Kestrel S, Vela grew.";
        assert_eq!(kept(t, &["SE", "Kestrel S", "Vela"]), ["Vela"]);
        let t = "Acme FY2005 results lifted Walkman sales.";
        assert_eq!(kept(t, &["Acme", "Walkman"]), ["Acme"]);
        let t = "Zorbix runs on Kubernetes and sells on Google Play.";
        assert_eq!(
            kept(t, &["Zorbix", "Kubernetes", "Google Play"]),
            ["Zorbix"]
        );
    }

    #[test]
    fn tiers_after_a_version_number_are_products() {
        let t = "Zorbix released Vela 3 Turbo. Turbo is fast, Zorbix said.";
        assert_eq!(kept(t, &["Zorbix", "Turbo"]), ["Zorbix", "Zorbix"]);
        let t = "Leeds 3 Chelsea 1";
        assert_eq!(kept(t, &["Leeds", "Chelsea"]), ["Leeds", "Chelsea"]);
        let t = "Acme 2 Orbix won";
        assert_eq!(kept(t, &["Acme", "Orbix"]), ["Acme", "Orbix"]);
    }

    #[test]
    fn product_heads_name_products() {
        let t = "Orbit Task Scheduler and the Vexa Cloud Gateway helped Orbit.";
        assert_eq!(
            kept(t, &["Orbit Task Scheduler", "Vexa Cloud Gateway", "Orbit"]),
            ["Orbit", "Orbit"]
        );
        assert!(!has_product_head("Scheduler"));
        assert!(has_product_head("Zentrix Mechanical Keyboard"));
        assert!(has_product_head("Open Community License"));
    }

    #[test]
    fn gazetteer_names_stay_before_product_nouns() {
        let t = "the Globex software";
        let mut spans = vec![(4, 10)];
        drop_products(t, &mut spans, &[(4, 10)]);
        assert_eq!(spans, [(4, 10)]);
    }

    #[test]
    fn companies_before_product_nouns_stay() {
        let t = "Nokia phones sold well and Sendo software shipped.";
        assert_eq!(kept(t, &["Nokia", "Sendo"]), ["Nokia", "Sendo"]);
    }
}
