//! Stand-in for the Parquet writer when newsmine is built without the
//! `parquet` cargo feature: asking for Parquet output is a clear error
//! before anything is read.

use serde::Serialize;
use std::io;
use std::path::Path;

/// Which records a file holds.
#[derive(Debug, Clone, Copy)]
pub enum Table {
    Articles,
    Partnerships,
    Organizations,
}

/// Cannot exist: [`Writer::create`] always fails.
pub enum Writer {}

impl Writer {
    pub fn create(_path: &Path, _table: Table) -> io::Result<Self> {
        Err(io::Error::new(
            io::ErrorKind::Unsupported,
            "Parquet output needs newsmine built with the `parquet` feature \
             (cargo install --path . --features parquet)",
        ))
    }

    pub fn write<T: Serialize>(&mut self, _rows: &[T]) -> io::Result<()> {
        match *self {}
    }

    pub fn close(self) -> io::Result<()> {
        match self {}
    }
}
