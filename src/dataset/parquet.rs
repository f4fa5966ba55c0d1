//! Parquet files of the run folder (cargo feature `parquet`): the same
//! records as the JSONL files, with nested lists and structs kept as such.
//! The Arrow schemas below are the written form of the output schema.

use crate::record::SCHEMA_VERSION;
use arrow_json::reader::{Decoder, ReaderBuilder};
use arrow_schema::{DataType, Field, Fields, Schema, SchemaRef};
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::file::metadata::KeyValue;
use parquet::file::properties::WriterProperties;
use serde::Serialize;
use std::fs::File;
use std::io;
use std::path::Path;
use std::sync::Arc;

/// Rows decoded into one Arrow batch before it goes to the writer.
const BATCH_ROWS: usize = 1024;
/// Row groups end at this many rows or bytes, whichever comes first: this
/// bounds the writer's memory on long article texts.
const ROW_GROUP_ROWS: usize = 4096;
const ROW_GROUP_BYTES: usize = 64 << 20;

/// Which records a file holds.
#[derive(Debug, Clone, Copy)]
pub enum Table {
    Articles,
    Partnerships,
    Organizations,
}

/// A Parquet file written row by row from serde records.
pub struct Writer {
    writer: ArrowWriter<File>,
    decoder: Decoder,
}

fn arrow_error(e: impl std::fmt::Display) -> io::Error {
    io::Error::other(format!("parquet: {e}"))
}

impl Writer {
    pub fn create(path: &Path, table: Table) -> io::Result<Self> {
        let schema = schema(table);
        let file = File::create(path)
            .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", path.display())))?;
        let props = WriterProperties::builder()
            .set_compression(Compression::SNAPPY)
            .set_max_row_group_row_count(Some(ROW_GROUP_ROWS))
            .set_max_row_group_bytes(Some(ROW_GROUP_BYTES))
            .set_key_value_metadata(Some(vec![KeyValue::new(
                "newsmine.schema_version".to_string(),
                SCHEMA_VERSION.to_string(),
            )]))
            .build();
        let writer =
            ArrowWriter::try_new(file, schema.clone(), Some(props)).map_err(arrow_error)?;
        let decoder = ReaderBuilder::new(schema)
            .build_decoder()
            .map_err(arrow_error)?;
        Ok(Writer { writer, decoder })
    }

    pub fn write<T: Serialize>(&mut self, rows: &[T]) -> io::Result<()> {
        self.decoder.serialize(rows).map_err(arrow_error)?;
        if self.decoder.len() >= BATCH_ROWS {
            self.flush_batch()?;
        }
        Ok(())
    }

    fn flush_batch(&mut self) -> io::Result<()> {
        if let Some(batch) = self.decoder.flush().map_err(arrow_error)? {
            self.writer.write(&batch).map_err(arrow_error)?;
        }
        Ok(())
    }

    /// Writes what is buffered and the file footer.
    pub fn close(mut self) -> io::Result<()> {
        self.flush_batch()?;
        self.writer.close().map_err(arrow_error)?;
        Ok(())
    }
}

fn text(name: &str) -> Field {
    Field::new(name, DataType::Utf8, false)
}

fn opt_text(name: &str) -> Field {
    Field::new(name, DataType::Utf8, true)
}

fn count(name: &str) -> Field {
    Field::new(name, DataType::UInt64, false)
}

fn list_of(name: &str, fields: Vec<Field>) -> Field {
    let item = Field::new("item", DataType::Struct(Fields::from(fields)), false);
    Field::new(name, DataType::List(Arc::new(item)), true)
}

fn span(mut fields: Vec<Field>) -> Vec<Field> {
    fields.extend([count("start"), count("end")]);
    fields
}

fn schema(table: Table) -> SchemaRef {
    let version = Field::new("schema_version", DataType::UInt32, false);
    let fields = match table {
        Table::Articles => vec![
            version,
            text("id"),
            opt_text("url"),
            opt_text("title"),
            opt_text("date"),
            opt_text("author"),
            opt_text("site_name"),
            Field::new(
                "source",
                DataType::Struct(Fields::from(vec![
                    text("file"),
                    Field::new("line", DataType::UInt64, true),
                    Field::new("record", DataType::UInt64, true),
                    opt_text("record_id"),
                    opt_text("fetch_date"),
                ])),
                false,
            ),
            text("text"),
            list_of("orgs", span(vec![text("name"), text("text")])),
            list_of(
                "dates",
                span(vec![text("text"), text("type"), opt_text("value")]),
            ),
            list_of(
                "quotes",
                span(vec![
                    text("text"),
                    opt_text("speaker"),
                    Field::new("speaker_start", DataType::UInt64, true),
                    Field::new("speaker_end", DataType::UInt64, true),
                    opt_text("speaker_role"),
                    opt_text("speaker_org"),
                ]),
            ),
            list_of(
                "partnerships",
                span(vec![
                    text("a"),
                    text("b"),
                    text("type"),
                    text("status"),
                    opt_text("date"),
                    Field::new("confidence", DataType::Float32, false),
                    text("evidence"),
                ]),
            ),
        ],
        Table::Partnerships => vec![
            version,
            text("a"),
            text("b"),
            text("type"),
            text("status"),
            list_of(
                "status_history",
                vec![text("status"), opt_text("date"), text("article_id")],
            ),
            opt_text("first_seen"),
            opt_text("last_seen"),
            count("articles"),
            count("sources"),
            Field::new("confidence", DataType::Float32, false),
            list_of(
                "mentions",
                span(vec![
                    text("article_id"),
                    opt_text("url"),
                    opt_text("date"),
                    text("status"),
                    text("evidence"),
                ]),
            ),
        ],
        Table::Organizations => vec![
            version,
            text("name"),
            Field::new(
                "aliases",
                DataType::List(Arc::new(Field::new("item", DataType::Utf8, false))),
                false,
            ),
            count("articles"),
            count("mentions"),
        ],
    };
    Arc::new(Schema::new(fields))
}
