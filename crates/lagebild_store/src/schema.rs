//! The database schema and its migrations.
//!
//! The schema version lives in `PRAGMA user_version`. Each [`Migration`] moves the
//! database one version up, inside one transaction, with SQL and an optional Rust step
//! for backfills that SQL cannot express. Old databases are upgraded on open; a database
//! newer than this code is refused rather than guessed at.

use rusqlite::Transaction;

pub(crate) struct Migration {
    pub version: u32,
    pub sql: &'static str,
    pub backfill: Option<fn(&Transaction<'_>) -> rusqlite::Result<()>>,
}

/// Version 1: documents with versions, analyses, indexed events, actors, quotes, FTS5.
/// `meta` holds facts about the stored data that a later version may need to check
/// (the MinHash parameters, from version 2 on).
const V1: &str = r#"
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE documents (
    pk           INTEGER PRIMARY KEY,
    id           TEXT NOT NULL,
    version      INTEGER NOT NULL,
    latest       INTEGER NOT NULL DEFAULT 1,
    content_hash TEXT NOT NULL,
    title        TEXT,
    lang         TEXT NOT NULL,
    published    TEXT,
    url          TEXT,
    source       TEXT,
    text         TEXT NOT NULL,
    meta         TEXT NOT NULL DEFAULT '{}',
    document     TEXT NOT NULL DEFAULT '{}',
    ingested_at  TEXT NOT NULL,
    UNIQUE (id, version)
);
CREATE INDEX documents_id_hash ON documents (id, content_hash);
CREATE INDEX documents_latest_published ON documents (latest, published);
CREATE TABLE analyses (
    doc              INTEGER PRIMARY KEY REFERENCES documents (pk) ON DELETE CASCADE,
    output           TEXT NOT NULL,
    lagebild_version TEXT NOT NULL,
    dictionaries     TEXT NOT NULL,
    analysed_at      TEXT NOT NULL
);
CREATE TABLE events (
    pk              INTEGER PRIMARY KEY,
    doc             INTEGER NOT NULL REFERENCES documents (pk) ON DELETE CASCADE,
    ordinal         INTEGER NOT NULL,
    sentence        INTEGER,
    start_char      INTEGER,
    end_char        INTEGER,
    trigger_text    TEXT,
    source_name     TEXT,
    source_code     TEXT,
    source_country  TEXT,
    target_name     TEXT,
    target_code     TEXT,
    target_country  TEXT,
    cameo           TEXT,
    cameo_root      TEXT,
    plover          TEXT,
    plover_mode     TEXT,
    goldstein       REAL,
    quad_class      INTEGER,
    modality        TEXT NOT NULL DEFAULT '',
    attributed_name TEXT,
    attributed_code TEXT,
    date            TEXT,
    event_date      TEXT,
    place_name      TEXT,
    place_lat       REAL,
    place_lon       REAL,
    place_country   TEXT,
    rule            TEXT,
    cluster         INTEGER,
    json            TEXT NOT NULL
);
CREATE INDEX events_doc ON events (doc);
CREATE INDEX events_source_code ON events (source_code);
CREATE INDEX events_target_code ON events (target_code);
CREATE INDEX events_event_date ON events (event_date);
CREATE INDEX events_cameo ON events (cameo);
CREATE INDEX events_plover ON events (plover);
CREATE TABLE actors (
    pk         INTEGER PRIMARY KEY,
    doc        INTEGER NOT NULL REFERENCES documents (pk) ON DELETE CASCADE,
    start_char INTEGER,
    end_char   INTEGER,
    text       TEXT,
    name       TEXT,
    code       TEXT,
    country    TEXT,
    type       TEXT,
    wikidata   TEXT
);
CREATE INDEX actors_doc ON actors (doc);
CREATE INDEX actors_code ON actors (code);
CREATE TABLE quotes (
    pk           INTEGER PRIMARY KEY,
    doc          INTEGER NOT NULL REFERENCES documents (pk) ON DELETE CASCADE,
    kind         TEXT,
    start_char   INTEGER,
    end_char     INTEGER,
    text         TEXT,
    speaker_name TEXT,
    speaker_code TEXT,
    speaker_text TEXT,
    cue          TEXT
);
CREATE INDEX quotes_doc ON quotes (doc);
CREATE INDEX quotes_speaker_code ON quotes (speaker_code);
CREATE VIRTUAL TABLE documents_fts USING fts5 (
    title, text,
    content = 'documents', content_rowid = 'pk',
    tokenize = 'unicode61 remove_diacritics 2'
);
"#;

/// Version 2: story clustering. MinHash signatures with LSH buckets, a story per
/// document, and a deduplication key and canonical flag per event mention.
const V2: &str = r#"
ALTER TABLE documents ADD COLUMN story INTEGER;
ALTER TABLE events ADD COLUMN story INTEGER;
ALTER TABLE events ADD COLUMN dedup_key TEXT;
ALTER TABLE events ADD COLUMN canonical INTEGER NOT NULL DEFAULT 1;
CREATE TABLE signatures (
    doc     INTEGER PRIMARY KEY REFERENCES documents (pk) ON DELETE CASCADE,
    minhash  BLOB NOT NULL,
    shingles INTEGER NOT NULL
);
CREATE TABLE lsh_buckets (
    band   INTEGER NOT NULL,
    bucket INTEGER NOT NULL,
    doc    INTEGER NOT NULL REFERENCES documents (pk) ON DELETE CASCADE
);
CREATE INDEX lsh_buckets_band_bucket ON lsh_buckets (band, bucket);
CREATE INDEX lsh_buckets_doc ON lsh_buckets (doc);
CREATE INDEX documents_story ON documents (story);
CREATE INDEX events_dedup_key ON events (dedup_key);
CREATE INDEX events_story ON events (story);
INSERT OR REPLACE INTO meta (key, value)
VALUES ('minhash', 'words=5 permutations=60 bands=20 hash=fnv1a+splitmix64+multiply-add');
"#;

pub(crate) const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        sql: V1,
        backfill: None,
    },
    Migration {
        version: 2,
        sql: V2,
        backfill: Some(crate::ingest::backfill_stories),
    },
];

/// The schema version this code writes.
pub const SCHEMA_VERSION: u32 = 2;
