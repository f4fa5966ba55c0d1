//! Boilerplate removal: from a scraped text dump (one visible block per
//! line) or a raw HTML page to the article's main text, one block per line.

mod byte_masks;
mod class_words;
mod dateline;
mod decode;
#[doc(hidden)]
pub mod features;
mod html;
mod html_meta;
mod html_tokens;
mod lines;
mod markup_depth;
#[doc(hidden)]
pub mod model;
mod phrases;
mod repeats;
mod rules;
mod stage2;
#[doc(hidden)]
pub mod stage2_groups;
mod threads;

pub use dateline::dateline;
pub use html::{blocks as html_blocks, clean_html, keep_blocks, CleanPage};
pub use lines::{clean_text, keep_lines};
