use std::path::PathBuf;

/// Everything that can go wrong in the store. Every variant names the database path
/// (`:memory:` for an in-memory store).
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{path}: cannot open the database: {source}")]
    Open {
        path: PathBuf,
        source: rusqlite::Error,
    },
    #[error("{path}: cannot create the directory of the database: {source}")]
    CreateDir {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: {context}: {source}")]
    Sql {
        path: PathBuf,
        context: &'static str,
        source: rusqlite::Error,
    },
    #[error("{path}: migration to schema version {version} failed: {source}")]
    Migration {
        path: PathBuf,
        version: u32,
        source: rusqlite::Error,
    },
    #[error(
        "{path}: the database has schema version {found}, newer than this lagebild knows ({known})"
    )]
    TooNew {
        path: PathBuf,
        found: u32,
        known: u32,
    },
    #[error(
        "{path}: the database has schema version {found}; open it writable once to migrate it to {known}"
    )]
    Outdated {
        path: PathBuf,
        found: u32,
        known: u32,
    },
    #[error("{path}: stored JSON is unreadable: {source}")]
    Json {
        path: PathBuf,
        source: serde_json::Error,
    },
    #[error("{path}: export failed: {message}")]
    Export { path: PathBuf, message: String },
    #[error("{path}: export format {format} needs the crate feature `{feature}`")]
    FeatureMissing {
        path: PathBuf,
        format: &'static str,
        feature: &'static str,
    },
    #[error("{path}: no default database location: set LAGEBILD_DB or pass a path")]
    NoDefaultPath { path: PathBuf },
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;
