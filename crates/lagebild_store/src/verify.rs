//! A consistency check of the whole store (after a crash, in tests, for `lagebild check`).

use rusqlite::OptionalExtension;

use crate::{Result, SqlContext, Store};

impl Store {
    /// Checks the database and the store's own invariants; returns one line per problem
    /// (empty when all is well): SQLite integrity and foreign keys, the full-text index
    /// against the documents, one latest version per id, an analysis and a story per
    /// document, as many indexed events as the stored output has, and exactly one
    /// canonical mention per deduplicated event.
    pub fn verify(&self) -> Result<Vec<String>> {
        let mut problems = Vec::new();
        let path = &self.path;
        let integrity: String = self
            .conn
            .query_row("PRAGMA integrity_check", [], |row| row.get(0))
            .context(path, "integrity check")?;
        if integrity != "ok" {
            problems.push(format!("integrity check: {integrity}"));
        }
        let foreign: Option<String> = self
            .conn
            .query_row("PRAGMA foreign_key_check", [], |row| row.get(0))
            .optional()
            .context(path, "foreign key check")?;
        if let Some(table) = foreign {
            problems.push(format!("foreign key violation in table {table}"));
        }
        if let Err(error) = self.conn.execute(
            "INSERT INTO documents_fts (documents_fts, rank) VALUES ('integrity-check', 1)",
            [],
        ) {
            problems.push(format!("full-text index: {error}"));
        }
        let checks: [(&str, &str); 5] = [
            ("ids without exactly one latest version", "SELECT count(*) FROM (SELECT id FROM documents GROUP BY id HAVING sum(latest) != 1)"),
            ("documents without an analysis", "SELECT count(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM analyses a WHERE a.doc = d.pk)"),
            ("documents without a story", "SELECT count(*) FROM documents WHERE story IS NULL"),
            (
                "documents whose indexed events differ from their output",
                "SELECT count(*) FROM documents d JOIN analyses a ON a.doc = d.pk
                 WHERE coalesce(json_array_length(a.output, '$.events'), 0) != (SELECT count(*) FROM events e WHERE e.doc = d.pk)",
            ),
            (
                "deduplicated events without exactly one canonical mention",
                "SELECT count(*) FROM (SELECT e.dedup_key FROM events e JOIN documents d ON d.pk = e.doc
                 WHERE d.latest = 1 GROUP BY e.dedup_key HAVING sum(e.canonical) != 1)",
            ),
        ];
        for (what, sql) in checks {
            let count: i64 = self
                .conn
                .query_row(sql, [], |row| row.get(0))
                .context(path, "consistency check")?;
            if count != 0 {
                problems.push(format!("{count} {what}"));
            }
        }
        Ok(problems)
    }
}
