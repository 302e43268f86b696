//! Schema migration tests: databases written by older versions keep loading.
#![allow(clippy::unwrap_used)]

use rusqlite::{Connection, params};

use crate::schema::MIGRATIONS;
use crate::{EventQuery, SCHEMA_VERSION, Store, StoreError};

const STORY: &str = "Der Stadtrat von Lindenau hat am Abend nach langer Debatte beschlossen, die alte \
    Brücke über den Fluss abzureißen und bis zum Sommer einen Neubau auszuschreiben. Der \
    Bürgermeister nannte die Entscheidung schmerzhaft, aber unvermeidlich, weil Gutachter \
    schwere Schäden an den Pfeilern festgestellt hätten. Bis zur Eröffnung der neuen Brücke \
    sollen Fußgänger eine Fähre nutzen, die im Viertelstundentakt zwischen beiden Ufern pendelt.";

/// Writes a database as schema version 1 wrote it.
fn version_1_database(path: &std::path::Path) {
    let conn = Connection::open(path).unwrap();
    conn.execute_batch(MIGRATIONS[0].sql).unwrap();
    conn.pragma_update(None, "user_version", 1).unwrap();
    let copy = format!("{STORY} Die Sitzung dauerte vier Stunden.");
    let documents = [
        ("a", STORY),
        ("b", copy.as_str()),
        ("c", "Ganz andere Nachricht über das Wetter in den Bergen."),
    ];
    for (index, (id, text)) in documents.iter().enumerate() {
        conn.execute(
            "INSERT INTO documents (id, version, latest, content_hash, title, lang, published, text, ingested_at)
             VALUES (?1, 1, 1, ?2, NULL, 'de', '2024-12-04', ?3, '2024-12-05T00:00:00Z')",
            params![id, format!("hash-{index}"), text],
        )
        .unwrap();
        let pk = conn.last_insert_rowid();
        conn.execute(
            "INSERT INTO documents_fts (rowid, title, text) VALUES (?1, NULL, ?2)",
            params![pk, text],
        )
        .unwrap();
        conn.execute(
            "INSERT INTO analyses (doc, output, lagebild_version, dictionaries, analysed_at)
             VALUES (?1, '{}', '0.0.1', '{}', '2024-12-05T00:00:00Z')",
            [pk],
        )
        .unwrap();
        conn.execute(
            "INSERT INTO events (doc, ordinal, source_code, target_code, cameo, cameo_root, quad_class, goldstein,
                                 event_date, modality, json)
             VALUES (?1, 0, 'DEUGOV', 'DEUCVL', '043', '04', 1, 2.8, '2024-12-04', 'asserted', '{}')",
            [pk],
        )
        .unwrap();
    }
}

#[test]
fn a_version_1_database_is_upgraded_with_stories() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    version_1_database(&path);
    let store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    let stats = store.stats().unwrap();
    assert_eq!(
        (
            stats.documents,
            stats.events,
            stats.stories,
            stats.events_deduplicated
        ),
        (3, 3, 2, 2)
    );
    let rows = store
        .events(&EventQuery {
            deduplicated: true,
            cameo: Some("043".into()),
            ..EventQuery::default()
        })
        .unwrap();
    assert_eq!(
        rows.iter().map(|row| row.mentions).collect::<Vec<_>>(),
        [2, 1]
    );
    // Full text search over the old rows still works.
    let found = store
        .events(&EventQuery {
            text: Some("Brücke".into()),
            ..EventQuery::default()
        })
        .unwrap();
    assert_eq!(found.len(), 2);
    drop(store);
    // Opening again runs no migration twice.
    assert_eq!(Store::open(&path).unwrap().stats().unwrap(), stats);
}

#[test]
fn every_migration_step_runs_on_an_empty_database() {
    let store = Store::open_in_memory().unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    assert_eq!(
        MIGRATIONS.last().map(|migration| migration.version),
        Some(SCHEMA_VERSION)
    );
    assert!(
        MIGRATIONS
            .windows(2)
            .all(|pair| pair[1].version == pair[0].version + 1)
    );
}

#[test]
fn a_newer_database_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("future.db");
    Connection::open(&path)
        .unwrap()
        .pragma_update(None, "user_version", SCHEMA_VERSION + 1)
        .unwrap();
    match Store::open(&path) {
        Err(error @ StoreError::TooNew { .. }) => assert!(error.to_string().contains("future.db")),
        other => panic!("expected TooNew, got {other:?}"),
    }
}

#[test]
fn a_read_only_store_does_not_migrate() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    version_1_database(&path);
    match Store::open_read_only(&path) {
        Err(error @ StoreError::Outdated { .. }) => assert!(error.to_string().contains("old.db")),
        other => panic!("expected Outdated, got {other:?}"),
    }
    Store::open(&path).unwrap();
    assert_eq!(
        Store::open_read_only(&path)
            .unwrap()
            .stats()
            .unwrap()
            .documents,
        3
    );
}
