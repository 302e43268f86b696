//! Event export as JSONL, CSV and Parquet: the output side as a set of sinks.
//!
//! All three carry the same flat, PLOVER-style columns ([`COLUMNS`]); JSONL adds the
//! contract fields of each event (`source`/`target` objects with spans, `place`,
//! `attributed_to`, ...). Codes are always text: CAMEO "042" stays "042".

use std::io::Write;
use std::str::FromStr;

use serde_json::{Map, Value, json};

use crate::{EventQuery, EventRow, Result, Store, StoreError};

/// An export format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportFormat {
    /// One JSON object per event and line.
    Jsonl,
    /// RFC 4180 CSV with a header row.
    Csv,
    /// Apache Parquet, Snappy-compressed, one row group per 65,536 events.
    Parquet,
}

impl FromStr for ExportFormat {
    type Err = String;

    fn from_str(value: &str) -> Result<ExportFormat, String> {
        match value.to_ascii_lowercase().as_str() {
            "jsonl" | "ndjson" | "json" => Ok(ExportFormat::Jsonl),
            "csv" => Ok(ExportFormat::Csv),
            "parquet" => Ok(ExportFormat::Parquet),
            other => Err(format!(
                "unknown export format {other:?} (expected jsonl, csv or parquet)"
            )),
        }
    }
}

impl std::fmt::Display for ExportFormat {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str(match self {
            ExportFormat::Jsonl => "jsonl",
            ExportFormat::Csv => "csv",
            ExportFormat::Parquet => "parquet",
        })
    }
}

/// The Parquet type of each column (used by the Parquet sink only).
#[cfg_attr(not(feature = "parquet"), allow(dead_code))]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    Text,
    Integer,
    Real,
    Boolean,
}

/// The flat export columns, in order.
pub const COLUMNS: &[&str] = &[
    "event_id",
    "event_date",
    "event_type",
    "event_mode",
    "source_actor",
    "source_code",
    "source_country",
    "target_actor",
    "target_code",
    "target_country",
    "cameo",
    "cameo_root",
    "goldstein",
    "quad_class",
    "modality",
    "attributed_name",
    "attributed_code",
    "date",
    "place_name",
    "latitude",
    "longitude",
    "place_country",
    "story_id",
    "dedup_key",
    "canonical",
    "mentions",
    "document_id",
    "document_version",
    "published",
    "url",
    "outlet",
    "sentence",
    "start",
    "end",
    "trigger_text",
    "rule",
    "cluster",
];

#[cfg_attr(not(feature = "parquet"), allow(dead_code))]
const KINDS: &[Kind] = &[
    Kind::Text,
    Kind::Text,
    Kind::Text,
    Kind::Text,
    Kind::Text,
    Kind::Text,
    Kind::Text,
    Kind::Text,
    Kind::Text,
    Kind::Text,
    Kind::Text,
    Kind::Text,
    Kind::Real,
    Kind::Integer,
    Kind::Text,
    Kind::Text,
    Kind::Text,
    Kind::Text,
    Kind::Text,
    Kind::Real,
    Kind::Real,
    Kind::Text,
    Kind::Integer,
    Kind::Text,
    Kind::Boolean,
    Kind::Integer,
    Kind::Text,
    Kind::Integer,
    Kind::Text,
    Kind::Text,
    Kind::Text,
    Kind::Integer,
    Kind::Integer,
    Kind::Integer,
    Kind::Text,
    Kind::Text,
    Kind::Integer,
];

#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Field {
    Text(Option<String>),
    Integer(Option<i64>),
    Real(Option<f64>),
    Boolean(bool),
}

impl Field {
    fn to_json(&self) -> Value {
        match self {
            Field::Text(value) => json!(value),
            Field::Integer(value) => json!(value),
            Field::Real(value) => json!(value),
            Field::Boolean(value) => json!(value),
        }
    }

    fn to_csv(&self) -> String {
        match self {
            Field::Text(value) => value.clone().unwrap_or_default(),
            Field::Integer(value) => value.map(|value| value.to_string()).unwrap_or_default(),
            Field::Real(value) => value.map(|value| value.to_string()).unwrap_or_default(),
            Field::Boolean(value) => value.to_string(),
        }
    }
}

/// The flat fields of one event, in [`COLUMNS`] order.
pub(crate) fn fields(row: EventRow) -> Vec<Field> {
    let int = |value: Option<u32>| Field::Integer(value.map(i64::from));
    vec![
        Field::Text(Some(row.event_id)),
        Field::Text(row.event_date),
        Field::Text(row.plover),
        Field::Text(row.plover_mode),
        Field::Text(row.source_name),
        Field::Text(row.source_code),
        Field::Text(row.source_country),
        Field::Text(row.target_name),
        Field::Text(row.target_code),
        Field::Text(row.target_country),
        Field::Text(row.cameo),
        Field::Text(row.cameo_root),
        Field::Real(row.goldstein),
        Field::Integer(row.quad_class.map(i64::from)),
        Field::Text(Some(row.modality.join(","))),
        Field::Text(row.attributed_name),
        Field::Text(row.attributed_code),
        Field::Text(row.date),
        Field::Text(row.place_name),
        Field::Real(row.place_lat),
        Field::Real(row.place_lon),
        Field::Text(row.place_country),
        Field::Integer(row.story_id),
        Field::Text(row.dedup_key),
        Field::Boolean(row.canonical),
        Field::Integer(i64::try_from(row.mentions).ok()),
        Field::Text(Some(row.document_id)),
        int(Some(row.document_version)),
        Field::Text(row.published),
        Field::Text(row.url),
        Field::Text(row.outlet),
        int(row.sentence),
        int(row.start),
        int(row.end),
        Field::Text(row.trigger_text),
        Field::Text(row.rule),
        Field::Integer(row.cluster),
    ]
}

impl Store {
    /// Writes the events matching `query` (limit and offset apply; `limit: None` exports
    /// all) to `writer` and returns how many were written. Rows stream from the database;
    /// Parquet holds one row group (65,536 events) in memory at a time.
    pub fn export<W: Write + Send>(
        &self,
        format: ExportFormat,
        query: &EventQuery,
        writer: W,
    ) -> Result<u64> {
        let export_error = |message: String| StoreError::Export {
            path: self.path.clone(),
            message,
        };
        match format {
            ExportFormat::Jsonl => {
                let mut writer = std::io::BufWriter::new(writer);
                let mut written = 0u64;
                self.for_each_event(query, |row, contract| {
                    let line = jsonl_object(row, &contract);
                    serde_json::to_writer(&mut writer, &line)
                        .map_err(|error| export_error(error.to_string()))?;
                    writer
                        .write_all(b"\n")
                        .map_err(|error| export_error(error.to_string()))?;
                    written += 1;
                    Ok(())
                })?;
                writer
                    .flush()
                    .map_err(|error| export_error(error.to_string()))?;
                Ok(written)
            }
            ExportFormat::Csv => {
                let mut csv = csv::Writer::from_writer(writer);
                csv.write_record(COLUMNS)
                    .map_err(|error| export_error(error.to_string()))?;
                let mut written = 0u64;
                self.for_each_event(query, |row, _| {
                    let record: Vec<String> = fields(row).iter().map(Field::to_csv).collect();
                    csv.write_record(&record)
                        .map_err(|error| export_error(error.to_string()))?;
                    written += 1;
                    Ok(())
                })?;
                csv.flush()
                    .map_err(|error| export_error(error.to_string()))?;
                Ok(written)
            }
            ExportFormat::Parquet => self.export_parquet(query, writer),
        }
    }

    #[cfg(not(feature = "parquet"))]
    fn export_parquet<W: Write + Send>(&self, _query: &EventQuery, _writer: W) -> Result<u64> {
        Err(StoreError::FeatureMissing {
            path: self.path.clone(),
            format: "parquet",
            feature: "parquet",
        })
    }

    #[cfg(feature = "parquet")]
    fn export_parquet<W: Write + Send>(&self, query: &EventQuery, writer: W) -> Result<u64> {
        let export_error = |message: String| StoreError::Export {
            path: self.path.clone(),
            message,
        };
        let mut sink = parquet_sink::ParquetSink::new(writer)
            .map_err(|error| export_error(error.to_string()))?;
        self.for_each_event(query, |row, _| {
            sink.push(fields(row))
                .map_err(|error| export_error(error.to_string()))
        })?;
        sink.finish()
            .map_err(|error| export_error(error.to_string()))
    }
}

/// PLOVER-style fields first, then every contract field of the event not named yet.
fn jsonl_object(row: EventRow, contract: &str) -> Value {
    let mut object = Map::new();
    let modality = row.modality.clone();
    for (name, field) in COLUMNS.iter().zip(fields(row)) {
        object.insert((*name).to_string(), field.to_json());
    }
    object.insert("modality".into(), json!(modality));
    if let Ok(Value::Object(contract)) = serde_json::from_str::<Value>(contract) {
        for (key, value) in contract {
            object.entry(key).or_insert(value);
        }
    }
    Value::Object(object)
}

#[cfg(feature = "parquet")]
mod parquet_sink {
    use std::io::Write;
    use std::sync::Arc;

    use parquet::basic::Compression;
    use parquet::data_type::{BoolType, ByteArray, ByteArrayType, DataType, DoubleType, Int64Type};
    use parquet::errors::ParquetError;
    use parquet::file::properties::WriterProperties;
    use parquet::file::writer::{SerializedColumnWriter, SerializedFileWriter};
    use parquet::schema::types::Type;

    use super::{COLUMNS, Field, KINDS, Kind};

    const ROW_GROUP: usize = 65_536;

    /// Writes one column: the present values, and a definition level per row (0 = null).
    fn write_column<T: DataType>(
        column: &mut SerializedColumnWriter<'_>,
        values: Vec<Field>,
        levels: &[i16],
        present: fn(Field) -> Option<T::T>,
    ) -> Result<(), ParquetError> {
        let data: Vec<T::T> = values.into_iter().filter_map(present).collect();
        column.typed::<T>().write_batch(&data, Some(levels), None)?;
        Ok(())
    }

    /// Buffers one row group column by column and writes it with the column writers.
    pub(crate) struct ParquetSink<W: Write + Send> {
        writer: SerializedFileWriter<W>,
        columns: Vec<Vec<Field>>,
        written: u64,
    }

    fn schema() -> Result<Type, ParquetError> {
        let mut message = String::from("message lagebild_event {\n");
        for (name, kind) in COLUMNS.iter().zip(KINDS) {
            let physical = match kind {
                Kind::Text => "BYTE_ARRAY",
                Kind::Integer => "INT64",
                Kind::Real => "DOUBLE",
                Kind::Boolean => "BOOLEAN",
            };
            let logical = if *kind == Kind::Text { " (UTF8)" } else { "" };
            message.push_str(&format!("  OPTIONAL {physical} {name}{logical};\n"));
        }
        message.push('}');
        parquet::schema::parser::parse_message_type(&message)
    }

    impl<W: Write + Send> ParquetSink<W> {
        pub(crate) fn new(writer: W) -> Result<ParquetSink<W>, ParquetError> {
            let properties = WriterProperties::builder()
                .set_compression(Compression::SNAPPY)
                .set_created_by(format!("lagebild_store {}", env!("CARGO_PKG_VERSION")))
                .build();
            let writer =
                SerializedFileWriter::new(writer, Arc::new(schema()?), Arc::new(properties))?;
            Ok(ParquetSink {
                writer,
                columns: vec![Vec::with_capacity(1024); COLUMNS.len()],
                written: 0,
            })
        }

        pub(crate) fn push(&mut self, fields: Vec<Field>) -> Result<(), ParquetError> {
            for (column, field) in self.columns.iter_mut().zip(fields) {
                column.push(field);
            }
            if self.columns[0].len() >= ROW_GROUP {
                self.flush()?;
            }
            Ok(())
        }

        fn flush(&mut self) -> Result<(), ParquetError> {
            let rows = self.columns[0].len();
            if rows == 0 {
                return Ok(());
            }
            let mut group = self.writer.next_row_group()?;
            let mut index = 0;
            while let Some(mut column) = group.next_column()? {
                let values = std::mem::take(&mut self.columns[index]);
                let levels: Vec<i16> = values
                    .iter()
                    .map(|field| match field {
                        Field::Text(None) | Field::Integer(None) | Field::Real(None) => 0,
                        _ => 1,
                    })
                    .collect();
                match KINDS[index] {
                    Kind::Text => {
                        write_column::<ByteArrayType>(&mut column, values, &levels, |field| {
                            match field {
                                Field::Text(Some(text)) => Some(ByteArray::from(text.into_bytes())),
                                _ => None,
                            }
                        })?
                    }
                    Kind::Integer => write_column::<Int64Type>(
                        &mut column,
                        values,
                        &levels,
                        |field| match field {
                            Field::Integer(value) => value,
                            _ => None,
                        },
                    )?,
                    Kind::Real => write_column::<DoubleType>(
                        &mut column,
                        values,
                        &levels,
                        |field| match field {
                            Field::Real(value) => value,
                            _ => None,
                        },
                    )?,
                    Kind::Boolean => write_column::<BoolType>(
                        &mut column,
                        values,
                        &levels,
                        |field| match field {
                            Field::Boolean(value) => Some(value),
                            _ => None,
                        },
                    )?,
                }
                column.close()?;
                index += 1;
            }
            group.close()?;
            self.written += rows as u64;
            self.columns = vec![Vec::with_capacity(1024); COLUMNS.len()];
            Ok(())
        }

        pub(crate) fn finish(mut self) -> Result<u64, ParquetError> {
            self.flush()?;
            self.writer.close()?;
            Ok(self.written)
        }
    }
}
