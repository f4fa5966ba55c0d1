//! Property: every span in every output record points at its own text,
//! counted in code points, whatever the input (random news-like text with
//! curly quotes, accents, emoji, capitals and broken punctuation).

use newsmine::extract::{extract, ExtractConfig};
use newsmine::record::{Article, Body, Source};
use proptest::prelude::*;

fn check(text: String) -> Result<(), TestCaseError> {
    let article = Article {
        id: "p".into(),
        body: Body::Text(text),
        date: Some("2024-03-15".into()),
        url: None,
        title: None,
        author: None,
        site_name: None,
        source: Source::default(),
    };
    for clean in [false, true] {
        let config = ExtractConfig {
            clean,
            ..ExtractConfig::default()
        };
        let e = extract(&article, &config);
        prop_assert_eq!(e.check_spans(), Ok(()));
    }
    Ok(())
}

/// Words that exercise every stage, glued with punctuation and line breaks.
fn news_word() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("Acme Corp.".to_string()),
        Just("Globex".to_string()),
        Just("Huawei".to_string()),
        Just("and".to_string()),
        Just("said".to_string()),
        Just("partnership with".to_string()),
        Just("joint venture".to_string()),
        Just("on Tuesday".to_string()),
        Just("last year".to_string()),
        Just("June 5, 2018".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        Just("\"".to_string()),
        Just("–".to_string()),
        Just("é".to_string()),
        Just("😀".to_string()),
        Just(".".to_string()),
        Just(",".to_string()),
        Just("\n".to_string()),
        "[A-Za-zÀ-ÿ]{1,8}",
        "[0-9]{1,4}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn spans_point_at_their_text_in_code_points(words in prop::collection::vec(news_word(), 0..80)) {
        check(words.join(" "))?;
    }

    #[test]
    fn arbitrary_unicode_never_breaks_offsets(text in "\\PC{0,300}") {
        check(text)?;
    }
}
