//! The dataset built by `run`: partnerships and organizations aggregated
//! across articles, and the files they are written to.

mod aggregate;
mod output;

pub use aggregate::{AggregatedPartnership, Dataset, Mention, OrganizationRecord, StatusChange};
pub use output::OutputDir;
