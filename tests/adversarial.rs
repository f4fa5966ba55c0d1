//! Adversarial input completes and yields a record: deep nesting, walls of
//! capitals, a million quotation marks, runaway sentences, thousands of
//! organization names in one sentence. (Time is not asserted; a quadratic
//! stage would make these take minutes instead of well under a second.)

use newsmine::extract::{extract, ExtractConfig};
use newsmine::record::{Article, Body, Source};

fn run(body: Body) -> newsmine::record::Extraction {
    let article = Article {
        id: "adv".into(),
        body,
        date: Some("2024-03-15".into()),
        url: None,
        title: None,
        author: None,
        site_name: None,
        source: Source::default(),
    };
    extract(&article, &ExtractConfig::default())
}

#[test]
fn hundred_thousand_nested_elements() {
    let html = "<div>".repeat(100_000)
        + "Acme Corp. and Globex signed a supply deal."
        + &"</div>".repeat(100_000);
    let e = run(Body::Html(html));
    assert!(e.text.contains("Acme Corp."), "{}", e.text);
}

#[test]
fn a_megabyte_of_capitals_and_a_million_quote_marks() {
    let e = run(Body::Text("ACME GLOBEX PARTNERSHIP ".repeat(45_000)));
    assert!(e.orgs.is_some());
    let e = run(Body::Text("\"".repeat(1_000_000)));
    assert!(e.quotes.is_some());
    let e = run(Body::Text("“Unclosed quote said Jane Doe ".repeat(30_000)));
    assert!(e.quotes.is_some());
}

#[test]
fn runaway_sentence_and_thousands_of_names() {
    let e = run(Body::Text(
        "the company said it would partner with Globex and ".repeat(20_000),
    ));
    assert!(e.partnerships.is_some());
    let names = ["Acme Corp.", "Globex Inc.", "Huawei", "Lenovo"]
        .repeat(1500)
        .join(", ");
    let e = run(Body::Text(format!(
        "A partnership between {names} and IBM was announced."
    )));
    // A bare list of names reads like a menu line; what matters is that it ends.
    assert!(e.orgs.is_some() && e.text.len() > 50_000);
}
