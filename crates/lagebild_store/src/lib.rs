//! The embedded SQLite store of documents, analyses and events.
