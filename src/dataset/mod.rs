//! The dataset built by `run`: partnerships and organizations aggregated
//! across articles, and the files they are written to.

mod aggregate;
mod output;
#[cfg(feature = "parquet")]
mod parquet;
#[cfg(not(feature = "parquet"))]
#[path = "parquet_disabled.rs"]
mod parquet;
mod spill;

pub use aggregate::{
    AggregatedPartnership, Dataset, Mention, Mentions, OrganizationRecord, PartnershipHead,
    StatusChange,
};
pub use output::{OutputDir, Written};
