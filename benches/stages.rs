//! Throughput of each stage over the team corpus (criterion). Run with
//! `cargo bench`; figures are bytes of input per second.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use newsmine::extract::{dates, extract, orgs, partnerships, quotes, ExtractConfig};
use newsmine::input::{list_inputs, InputConfig, Records};
use newsmine::record::{Article, Body};
use newsmine::text::Document;
use std::path::Path;

fn corpus() -> Vec<Article> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let inputs = list_inputs(&[dir]).expect("corpus");
    Records::new(inputs, InputConfig::default())
        .map(|r| r.expect("corpus record"))
        .collect()
}

fn bench(c: &mut Criterion) {
    let articles = corpus();
    let (texts, htmls): (Vec<&Article>, Vec<&Article>) = articles
        .iter()
        .partition(|a| matches!(a.body, Body::Text(_)));
    let body = |a: &Article| match &a.body {
        Body::Text(t) | Body::Html(t) => t.clone(),
    };
    let text_bytes: u64 = texts.iter().map(|a| body(a).len() as u64).sum();
    let html_bytes: u64 = htmls.iter().map(|a| body(a).len() as u64).sum();
    let cleaned: Vec<String> = articles
        .iter()
        .map(|a| newsmine::extract::prepare(a, true).text)
        .collect();
    let clean_bytes: u64 = cleaned.iter().map(|t| t.len() as u64).sum();

    let mut g = c.benchmark_group("clean");
    g.throughput(Throughput::Bytes(text_bytes));
    g.bench_function("text_dumps", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|a| newsmine::clean::clean_text(&body(a)).len())
                .sum::<usize>()
        })
    });
    g.throughput(Throughput::Bytes(html_bytes));
    g.bench_function("html", |b| {
        b.iter(|| {
            htmls
                .iter()
                .map(|a| newsmine::clean::clean_html(&body(a)).text.len())
                .sum::<usize>()
        })
    });
    g.finish();

    let mut g = c.benchmark_group("stages");
    g.throughput(Throughput::Bytes(clean_bytes));
    g.bench_function("orgs", |b| {
        b.iter(|| {
            cleaned
                .iter()
                .map(|t| orgs::find(&Document::new(t)).len())
                .sum::<usize>()
        })
    });
    g.bench_function("dates", |b| {
        b.iter(|| {
            cleaned
                .iter()
                .map(|t| dates::find(&Document::new(t), dates::Date::new(2024, 6, 1)).len())
                .sum::<usize>()
        })
    });
    g.bench_function("quotes", |b| {
        b.iter(|| {
            cleaned
                .iter()
                .map(|t| {
                    let d = Document::new(t);
                    quotes::find(&d, &orgs::find(&d)).len()
                })
                .sum::<usize>()
        })
    });
    g.bench_function("partnerships", |b| {
        b.iter(|| {
            cleaned
                .iter()
                .map(|t| {
                    let d = Document::new(t);
                    let o = orgs::find(&d);
                    let tx = dates::find(&d, dates::Date::new(2024, 6, 1));
                    partnerships::find(&d, &o, &tx, &Default::default()).len()
                })
                .sum::<usize>()
        })
    });
    g.finish();

    let all_bytes: u64 = articles.iter().map(|a| body(a).len() as u64).sum();
    let mut g = c.benchmark_group("end_to_end");
    g.throughput(Throughput::Bytes(all_bytes));
    let config = ExtractConfig::default();
    g.bench_function("extract_all_stages", |b| {
        b.iter(|| {
            articles
                .iter()
                .map(|a| extract(a, &config).text.len())
                .sum::<usize>()
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
