//! Boilerplate removal: from a scraped text dump (one visible block per
//! line) or a raw HTML page to the article's main text, one block per line.

mod dateline;
mod html;
mod lines;

pub use dateline::dateline;
pub use html::{clean_html, CleanPage};
pub use lines::clean_text;
