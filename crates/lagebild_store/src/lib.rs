//! The embedded SQLite store of lagebild: documents, their analyses, and events,
//! actors and quotes indexed into columns for querying.
//!
//! # Data flow
//! The pipeline produces, per document, a [`StoredAnalysis`]: the [`Document`], its
//! `lagebild/1` output object (CONTRACT.md, a `serde_json::Value`) and the [`Versions`]
//! that produced it. [`Store::ingest`] writes a batch of them; the queries
//! ([`Store::events`], [`Store::documents`], [`Store::actors`], [`Store::quotes`],
//! [`Store::time_series`], [`Store::network`], [`Store::stats`]) read the latest
//! version of every document; [`Store::export`] streams events as JSONL, CSV or Parquet.
//! The store never sees raw HTML or feeds: only documents and analysis output.
//!
//! ```
//! use lagebild_store::{EventQuery, Store, StoredAnalysis, Versions};
//! use lagebild_doc::{Document, Lang};
//! use serde_json::json;
//!
//! let mut store = Store::open_in_memory()?;
//! let text = "Nato wirft Russland Hilfe vor.";
//! let doc = Document { id: "a1".into(), text: text.into(), lang: Lang::De, ..Document::default() };
//! let output = json!({"schema": "lagebild/1", "id": "a1", "text": text, "events": [{
//!     "sentence": 0, "start": 5, "end": 10, "text": "wirft",
//!     "source": {"start": 0, "end": 4, "text": "Nato", "name": "NATO", "code": "IGOWSTNAT", "country": null},
//!     "target": {"start": 11, "end": 19, "text": "Russland", "name": "Russia", "code": "RUS", "country": "RUS"},
//!     "cameo": "112", "plover": "ACCUSE", "goldstein": -2.0, "quad_class": 3,
//!     "modality": ["asserted"], "rule": "de/verbs.txt:1"}]});
//! let batch = [StoredAnalysis { doc, output, versions: Versions::default() }];
//! assert_eq!(store.ingest(&batch)?.stored, 1);
//! assert_eq!(store.ingest(&batch)?.duplicate, 1);
//! let query = EventQuery { actor: Some("RUS".into()), ..EventQuery::default() };
//! assert_eq!(store.events(&query)?[0].cameo.as_deref(), Some("112"));
//! # Ok::<(), lagebild_store::StoreError>(())
//! ```
//!
//! # API at a glance
//! | call | what |
//! |---|---|
//! | [`Store::open`], [`Store::open_in_memory`], [`Store::open_read_only`] | open (and migrate) a database |
//! | [`Store::default_path`] | `$LAGEBILD_DB`, else `<data dir>/lagebild/lagebild.db` |
//! | [`Store::ingest`] | store a batch; [`IngestSummary`] says stored / duplicate / new versions |
//! | [`Store::is_stored`] | whether a document (id and content) is stored, to skip analysing it |
//! | [`Store::stats`] | [`Stats`], serialisable: `{"documents": N, "events": M, "events_deduplicated": K, ...}` |
//! | [`Store::events`], [`Store::count_events`] | event mentions by [`EventQuery`]: actor, country, dyad, CAMEO prefix, PLOVER, modality, QuadClass, dates, full text, story, deduplicated; paging and sorting |
//! | [`Store::documents`], [`Store::count_documents`], [`Store::document`], [`Store::document_record`] | document listings, the stored output JSON of one document |
//! | [`Store::actors`] | actors with mention, document and event counts |
//! | [`Store::quotes`] | quotes by speaker (code or part of the name), kind, text |
//! | [`Store::time_series`] | per day or week: count, Goldstein sum and mean, QuadClass mix |
//! | [`Store::network`] | actor nodes, directed edges with cooperation and conflict counts |
//! | [`Store::export`] | JSONL, CSV or Parquet ([`ExportFormat`], columns [`EXPORT_COLUMNS`]) |
//! | [`Store::reprocess_cursor`], [`Store::documents_for_reprocess`], [`Store::replace_analysis`] | `lagebild reprocess` after a dictionary change |
//! | [`Store::verify`] | consistency check (SQLite integrity, FTS, one latest version per id, counts) |
//!
//! # Schema (version [`SCHEMA_VERSION`])
//! `documents` (one row per version: id, version, latest flag, content_hash, title, lang,
//! published, url, source, text, meta, story, ingested_at), `analyses` (the output JSON
//! with its `text` stored as `null` since it equals `documents.text`, lagebild and
//! dictionary versions, analysed_at), `events` (one row per mention, the fields of the
//! contract as columns plus `event_date`, `story`, `dedup_key`, `canonical` and the
//! event's own JSON), `actors`, `quotes`, `documents_fts` (FTS5 over title and text,
//! diacritics folded), `signatures` and `lsh_buckets` (story clustering), `meta`.
//!
//! # Guarantees
//! - **Idempotent ingest.** A document is identified by its `id`; its content hash is the
//!   SHA-256 of title and text. The same id with a hash seen before is a duplicate and
//!   writes nothing; the same id with new content is stored as the next version. Old
//!   versions are kept; every query reads only the latest version of each id.
//! - **Crash safety.** Ingest writes in transactions of [`StoreOptions::batch_size`]
//!   documents (default 256), in WAL mode: a process killed at any point (`kill -9`)
//!   leaves whole documents only, and re-running the same input stores exactly the rest
//!   (tested by killing a child process).
//! - **Versioned schema.** `PRAGMA user_version` holds the schema version; older
//!   databases are migrated on open, newer ones are refused.
//! - **Codes are text.** CAMEO codes stay strings everywhere ("042" stays "042").
//! - **Stories.** Near-duplicate documents (the same wire story in several outlets) share
//!   a story id: MinHash over word 5-shingles (60 values, LSH with 20 bands of 3), joined
//!   when the estimated Jaccard similarity with a stored document is at least
//!   [`StoreOptions::story_threshold`]. Event mentions with the same story, source code,
//!   target code, CAMEO code and date form one deduplicated event; one mention is marked
//!   canonical (the earliest stored). Stories are assigned at ingest; a new document
//!   similar to documents of several stories merges them (single linkage). Texts under
//!   40 shingles (agency notices, teasers) need a similarity of 0.9 to join a story.
//! - All SQL is parameterised. Errors name the database path.
//!
//! # Concurrency
//! A [`Store`] is one SQLite connection (`Send`, not `Sync`). Several processes or
//! several `Store`s on the same file may read while one writes (WAL).
//!
//! # Features
//! `parquet` (default on): Parquet export with the low-level column writer of the
//! `parquet` crate (no arrow). Measured here in a clean release build of this crate on 2
//! busy cores: `parquet` compiled in 100 s, but beside the 179 s C compile of the bundled
//! SQLite, so the crate's wall time did not grow; it does add CPU time to a workspace
//! build. Turn it off with `default-features = false`; exporting Parquet then returns
//! [`StoreError::FeatureMissing`].

mod error;
mod export;
mod ingest;
pub mod minhash;
mod model;
mod query;
mod schema;
mod verify;

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

pub use error::{Result, StoreError};
pub use export::COLUMNS as EXPORT_COLUMNS;
pub use export::ExportFormat;
pub use ingest::content_hash;
pub use lagebild_doc::Document;
pub use model::*;
pub use query::{ReprocessCursor, ReprocessDocuments};
pub use schema::SCHEMA_VERSION;

/// The environment variable that overrides [`Store::default_path`].
pub const DB_ENV: &str = "LAGEBILD_DB";

/// Tunables of a store.
#[derive(Clone, Debug, PartialEq)]
pub struct StoreOptions {
    /// Documents per ingest transaction.
    pub batch_size: usize,
    /// Estimated Jaccard similarity of word 5-shingles at which a document joins a story.
    pub story_threshold: f64,
}

impl Default for StoreOptions {
    fn default() -> StoreOptions {
        StoreOptions {
            batch_size: 256,
            story_threshold: 0.5,
        }
    }
}

/// The embedded database. See the crate docs for what it guarantees.
#[derive(Debug)]
pub struct Store {
    conn: Connection,
    path: PathBuf,
    options: StoreOptions,
}

pub(crate) trait SqlContext<T> {
    fn context(self, path: &Path, context: &'static str) -> Result<T>;
}

impl<T> SqlContext<T> for rusqlite::Result<T> {
    fn context(self, path: &Path, context: &'static str) -> Result<T> {
        self.map_err(|source| StoreError::Sql {
            path: path.to_path_buf(),
            context,
            source,
        })
    }
}

impl Store {
    /// Opens (creating it and its directory if needed) the database at `path`, migrating
    /// an older schema.
    pub fn open(path: impl AsRef<Path>) -> Result<Store> {
        let path = path.as_ref().to_path_buf();
        if let Some(parent) = path
            .parent()
            .filter(|parent| !parent.as_os_str().is_empty())
        {
            std::fs::create_dir_all(parent).map_err(|source| StoreError::CreateDir {
                path: path.clone(),
                source,
            })?;
        }
        let conn = Connection::open(&path).map_err(|source| StoreError::Open {
            path: path.clone(),
            source,
        })?;
        Store::setup(conn, path, true)
    }

    /// A store that lives in memory only (tests, one-off runs).
    pub fn open_in_memory() -> Result<Store> {
        let path = PathBuf::from(":memory:");
        let conn = Connection::open_in_memory().map_err(|source| StoreError::Open {
            path: path.clone(),
            source,
        })?;
        Store::setup(conn, path, true)
    }

    /// Opens an existing database for reading only (e.g. a read-only `serve`). The schema
    /// must be current: a read-only store cannot migrate.
    pub fn open_read_only(path: impl AsRef<Path>) -> Result<Store> {
        let path = path.as_ref().to_path_buf();
        let conn = Connection::open_with_flags(
            &path,
            OpenFlags::SQLITE_OPEN_READ_ONLY
                | OpenFlags::SQLITE_OPEN_NO_MUTEX
                | OpenFlags::SQLITE_OPEN_URI,
        )
        .map_err(|source| StoreError::Open {
            path: path.clone(),
            source,
        })?;
        Store::setup(conn, path, false)
    }

    /// The default database file: `$LAGEBILD_DB` when set, else `lagebild.db` in the
    /// platform's data directory (`~/.local/share/lagebild/` on Linux,
    /// `~/Library/Application Support/lagebild/` on macOS, `%APPDATA%\lagebild\data\` on
    /// Windows).
    pub fn default_path() -> Result<PathBuf> {
        if let Some(path) = std::env::var_os(DB_ENV).filter(|path| !path.is_empty()) {
            return Ok(PathBuf::from(path));
        }
        directories::ProjectDirs::from("", "", "lagebild")
            .map(|dirs| dirs.data_dir().join("lagebild.db"))
            .ok_or(StoreError::NoDefaultPath {
                path: PathBuf::from("lagebild.db"),
            })
    }

    /// Changes the tunables (batch size, story threshold).
    pub fn with_options(mut self, options: StoreOptions) -> Store {
        self.options = options;
        self
    }

    pub fn options(&self) -> &StoreOptions {
        &self.options
    }

    /// The database file (`:memory:` for an in-memory store).
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The schema version of the open database.
    pub fn schema_version(&self) -> Result<u32> {
        self.conn
            .query_row("PRAGMA user_version", [], |row| row.get(0))
            .context(&self.path, "read schema version")
    }

    fn setup(mut conn: Connection, path: PathBuf, writable: bool) -> Result<Store> {
        let open_error = |source| StoreError::Open {
            path: path.clone(),
            source,
        };
        conn.busy_timeout(std::time::Duration::from_secs(10))
            .map_err(open_error)?;
        conn.execute_batch(
            "PRAGMA foreign_keys = ON; PRAGMA cache_size = -32768; PRAGMA temp_store = MEMORY;",
        )
        .map_err(open_error)?;
        if writable {
            // WAL keeps readers going while one process writes; with synchronous=NORMAL a
            // killed process loses nothing committed (only a power loss can lose the
            // last transactions, never half of one).
            let _mode: String = conn
                .query_row("PRAGMA journal_mode = WAL", [], |row| row.get(0))
                .map_err(open_error)?;
            conn.execute_batch("PRAGMA synchronous = NORMAL;")
                .map_err(open_error)?;
            migrate(&mut conn, &path)?;
        } else {
            let found: u32 = conn
                .query_row("PRAGMA user_version", [], |row| row.get(0))
                .map_err(open_error)?;
            if found > SCHEMA_VERSION {
                return Err(StoreError::TooNew {
                    path,
                    found,
                    known: SCHEMA_VERSION,
                });
            }
            if found < SCHEMA_VERSION {
                return Err(StoreError::Outdated {
                    path,
                    found,
                    known: SCHEMA_VERSION,
                });
            }
        }
        Ok(Store {
            conn,
            path,
            options: StoreOptions::default(),
        })
    }
}

/// Brings the schema to [`SCHEMA_VERSION`], one migration per transaction.
fn migrate(conn: &mut Connection, path: &Path) -> Result<()> {
    let found: u32 = conn
        .query_row("PRAGMA user_version", [], |row| row.get(0))
        .context(path, "read schema version")?;
    if found > SCHEMA_VERSION {
        return Err(StoreError::TooNew {
            path: path.to_path_buf(),
            found,
            known: SCHEMA_VERSION,
        });
    }
    for migration in schema::MIGRATIONS
        .iter()
        .filter(|migration| migration.version > found)
    {
        let step = |conn: &mut Connection| -> rusqlite::Result<()> {
            let tx = conn.transaction()?;
            tx.execute_batch(migration.sql)?;
            if let Some(backfill) = migration.backfill {
                backfill(&tx)?;
            }
            tx.pragma_update(None, "user_version", migration.version)?;
            tx.commit()
        };
        step(conn).map_err(|source| StoreError::Migration {
            path: path.to_path_buf(),
            version: migration.version,
            source,
        })?;
    }
    Ok(())
}

#[cfg(test)]
mod tests;
