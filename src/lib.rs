//! newsmine turns raw news dumps into data.
//!
//! The data flows one way: [`input`] reads articles from files, folders or
//! standard input; [`clean`] strips the boilerplate; [`text`] splits the
//! result into paragraphs and sentences; [`extract`] finds organizations,
//! dates, quotations and partnerships; [`dataset`] aggregates partnerships
//! across articles and writes them; [`pipeline`] runs it all in parallel,
//! in input order. The library never prints: callers get records and a
//! [`pipeline::Summary`].

pub mod clean;
pub mod dataset;
pub mod extract;
pub mod input;
pub mod pipeline;
pub mod record;
pub mod report;
pub mod text;
