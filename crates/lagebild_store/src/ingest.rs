//! Writing: ingest, story assignment, event deduplication, re-analysis.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use lagebild_doc::Document;
use rusqlite::{OptionalExtension, Transaction, params};
use serde_json::Value;
use sha2::{Digest, Sha256};

use crate::minhash::Signature;
use crate::{
    IngestOutcome, IngestStatus, IngestSummary, ReplaceSummary, Result, SqlContext, Store,
    StoredAnalysis,
};

/// Candidates examined per LSH bucket; a bucket fuller than this is boilerplate.
const BUCKET_CANDIDATES: i64 = 64;

/// The content hash of a document: SHA-256 over title and text, hex.
pub fn content_hash(doc: &Document) -> String {
    let mut hasher = Sha256::new();
    hasher.update(doc.title.as_deref().unwrap_or("").as_bytes());
    hasher.update([0u8]);
    hasher.update(doc.text.as_bytes());
    let digest = hasher.finalize();
    let mut hex = String::with_capacity(64);
    for byte in digest {
        hex.push(char::from_digit(u32::from(byte >> 4), 16).unwrap_or('0'));
        hex.push(char::from_digit(u32::from(byte & 15), 16).unwrap_or('0'));
    }
    hex
}

fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

impl Store {
    /// Stores a batch of analysed documents, [`crate::StoreOptions::batch_size`] per
    /// transaction. A document whose id and content hash are stored already is a
    /// duplicate; a known id with new content becomes its next version.
    pub fn ingest(&mut self, batch: &[StoredAnalysis]) -> Result<IngestSummary> {
        let mut summary = IngestSummary::default();
        let threshold = self.options.story_threshold;
        for chunk in batch.chunks(self.options.batch_size.max(1)) {
            let tx = self
                .conn
                .transaction()
                .context(&self.path, "begin ingest transaction")?;
            for item in chunk {
                let outcome =
                    ingest_one(&tx, item, threshold).context(&self.path, "ingest a document")?;
                match outcome.0.status {
                    IngestStatus::Duplicate => summary.duplicate += 1,
                    IngestStatus::NewVersion => {
                        summary.stored += 1;
                        summary.new_versions += 1;
                    }
                    IngestStatus::Stored => summary.stored += 1,
                }
                if outcome.1 {
                    summary.joined_story += 1;
                }
                summary.outcomes.push(outcome.0);
            }
            tx.commit()
                .context(&self.path, "commit ingest transaction")?;
        }
        Ok(summary)
    }

    /// Whether this exact document (same id and content hash) is stored already, so a
    /// caller can skip analysing it: [`Store::ingest`] would report it as a duplicate.
    pub fn is_stored(&self, doc: &Document) -> Result<bool> {
        self.conn
            .prepare_cached(
                "SELECT EXISTS (SELECT 1 FROM documents WHERE id = ?1 AND content_hash = ?2)",
            )
            .and_then(|mut stmt| {
                stmt.query_row(params![doc.id, content_hash(doc)], |row| row.get(0))
            })
            .context(&self.path, "look up a document")
    }

    /// Replaces the stored analysis of documents by a new one (after a dictionary
    /// change), all in one transaction. Each input is matched to the stored version with
    /// the same id and content hash; its events, actors and quotes are replaced, its
    /// story stays.
    pub fn replace_analysis(&mut self, batch: &[StoredAnalysis]) -> Result<ReplaceSummary> {
        let mut summary = ReplaceSummary::default();
        let tx = self
            .conn
            .transaction()
            .context(&self.path, "begin reprocess transaction")?;
        for item in batch {
            let replaced = replace_one(&tx, item).context(&self.path, "replace an analysis")?;
            if replaced {
                summary.replaced += 1;
            } else {
                summary.missing += 1;
            }
        }
        tx.commit()
            .context(&self.path, "commit reprocess transaction")?;
        Ok(summary)
    }
}

/// Returns the outcome and whether the document joined an existing story.
fn ingest_one(
    tx: &Transaction<'_>,
    item: &StoredAnalysis,
    threshold: f64,
) -> rusqlite::Result<(IngestOutcome, bool)> {
    let doc = &item.doc;
    let hash = content_hash(doc);
    let mut versions: Vec<(i64, u32, String, Option<i64>)> = Vec::new();
    {
        let mut stmt = tx.prepare_cached(
            "SELECT pk, version, content_hash, story FROM documents WHERE id = ?1",
        )?;
        let rows = stmt.query_map([&doc.id], |row| {
            Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?))
        })?;
        for row in rows {
            versions.push(row?);
        }
    }
    if let Some((_, version, _, story)) = versions.iter().find(|(_, _, stored, _)| *stored == hash)
    {
        let outcome = IngestOutcome {
            id: doc.id.clone(),
            status: IngestStatus::Duplicate,
            version: *version,
            story: *story,
        };
        return Ok((outcome, false));
    }
    let version = versions
        .iter()
        .map(|(_, version, _, _)| *version)
        .max()
        .unwrap_or(0)
        + 1;
    if !versions.is_empty() {
        supersede(tx, &doc.id)?;
    }

    let published = doc.published.map(|date| date.to_string()).or_else(|| {
        item.output
            .get("published")
            .and_then(Value::as_str)
            .and_then(day)
            .map(|date| date.to_string())
    });
    let title = doc.title.clone().or_else(|| {
        item.output
            .get("title")
            .and_then(Value::as_str)
            .map(str::to_string)
    });
    let meta = serde_json::to_string(&doc.meta).unwrap_or_else(|_| "{}".into());
    let mut rest = doc.clone();
    rest.text = String::new();
    rest.meta = serde_json::Map::new();
    let rest = serde_json::to_string(&rest).unwrap_or_else(|_| "{}".into());
    tx.prepare_cached(
        "INSERT INTO documents (id, version, latest, content_hash, title, lang, published, url, source, text, meta, document, ingested_at)
         VALUES (?1, ?2, 1, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    )?
    .execute(params![
        doc.id,
        version,
        hash,
        title,
        doc.lang.code(),
        published,
        doc.url,
        doc.source,
        doc.text,
        meta,
        rest,
        now()
    ])?;
    let pk = tx.last_insert_rowid();
    tx.prepare_cached("INSERT INTO documents_fts (rowid, title, text) VALUES (?1, ?2, ?3)")?
        .execute(params![pk, title, doc.text])?;
    write_analysis(tx, pk, item)?;
    let (story, joined) = assign_story(tx, pk, &doc.text, threshold)?;
    let keys = write_annotations(tx, pk, &item.output, published.as_deref(), story)?;
    recanonicalize(tx, &keys)?;
    let status = if versions.is_empty() {
        IngestStatus::Stored
    } else {
        IngestStatus::NewVersion
    };
    Ok((
        IngestOutcome {
            id: doc.id.clone(),
            status,
            version,
            story: Some(story),
        },
        joined,
    ))
}

fn replace_one(tx: &Transaction<'_>, item: &StoredAnalysis) -> rusqlite::Result<bool> {
    let hash = content_hash(&item.doc);
    let found: Option<(i64, Option<i64>, Option<String>)> = tx
        .prepare_cached(
            "SELECT pk, story, published FROM documents WHERE id = ?1 AND content_hash = ?2 ORDER BY version DESC LIMIT 1",
        )?
        .query_row(params![item.doc.id, hash], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))
        .optional()?;
    let Some((pk, story, published)) = found else {
        return Ok(false);
    };
    let old_keys = event_keys(tx, pk)?;
    tx.prepare_cached("DELETE FROM events WHERE doc = ?1")?
        .execute([pk])?;
    tx.prepare_cached("DELETE FROM actors WHERE doc = ?1")?
        .execute([pk])?;
    tx.prepare_cached("DELETE FROM quotes WHERE doc = ?1")?
        .execute([pk])?;
    write_analysis(tx, pk, item)?;
    let mut keys = write_annotations(
        tx,
        pk,
        &item.output,
        published.as_deref(),
        story.unwrap_or(pk),
    )?;
    keys.extend(old_keys);
    recanonicalize(tx, &keys)?;
    Ok(true)
}

/// The output object with its `text` (a copy of the document text) written as `null`:
/// the text is stored once, in `documents.text`, and put back on reading.
struct WithoutText<'a>(&'a serde_json::Map<String, Value>, &'a str);

impl serde::Serialize for WithoutText<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (key, value) in self.0 {
            if key == "text" && value.as_str() == Some(self.1) {
                map.serialize_entry(key, &Value::Null)?;
            } else {
                map.serialize_entry(key, value)?;
            }
        }
        map.end()
    }
}

/// Puts the document text back into a stored output object (see [`WithoutText`]).
pub(crate) fn restore_text(output: &mut Value, text: &str) {
    if let Some(slot) = output.get_mut("text").filter(|slot| slot.is_null()) {
        *slot = Value::String(text.to_string());
    }
}

fn write_analysis(tx: &Transaction<'_>, pk: i64, item: &StoredAnalysis) -> rusqlite::Result<()> {
    let output = match &item.output {
        Value::Object(map) => serde_json::to_string(&WithoutText(map, &item.doc.text)),
        other => serde_json::to_string(other),
    }
    .unwrap_or_else(|_| "{}".into());
    let dictionaries =
        serde_json::to_string(&item.versions.dictionaries).unwrap_or_else(|_| "{}".into());
    tx.prepare_cached(
        "INSERT OR REPLACE INTO analyses (doc, output, lagebild_version, dictionaries, analysed_at)
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![
        pk,
        output,
        item.versions.lagebild,
        dictionaries,
        now()
    ])?;
    Ok(())
}

/// Marks the current latest version of `id` as old and hands its canonical mentions on.
fn supersede(tx: &Transaction<'_>, id: &str) -> rusqlite::Result<()> {
    let mut old = Vec::new();
    {
        let mut stmt =
            tx.prepare_cached("SELECT pk FROM documents WHERE id = ?1 AND latest = 1")?;
        for pk in stmt.query_map([id], |row| row.get::<_, i64>(0))? {
            old.push(pk?);
        }
    }
    tx.prepare_cached("UPDATE documents SET latest = 0 WHERE id = ?1 AND latest = 1")?
        .execute([id])?;
    for pk in old {
        let keys = event_keys(tx, pk)?;
        recanonicalize(tx, &keys)?;
    }
    Ok(())
}

fn event_keys(tx: &Transaction<'_>, pk: i64) -> rusqlite::Result<BTreeSet<String>> {
    let mut stmt = tx.prepare_cached(
        "SELECT DISTINCT dedup_key FROM events WHERE doc = ?1 AND dedup_key IS NOT NULL",
    )?;
    let keys = stmt
        .query_map([pk], |row| row.get::<_, String>(0))?
        .collect::<rusqlite::Result<BTreeSet<_>>>()?;
    Ok(keys)
}

/// For each key, exactly the mention with the smallest row among the latest documents is
/// canonical.
fn recanonicalize(tx: &Transaction<'_>, keys: &BTreeSet<String>) -> rusqlite::Result<()> {
    let mut stmt = tx.prepare_cached(
        "UPDATE events SET canonical = (pk IS (SELECT min(e.pk) FROM events e JOIN documents d ON d.pk = e.doc
                                               WHERE e.dedup_key = ?1 AND d.latest = 1))
         WHERE dedup_key = ?1",
    )?;
    for key in keys {
        stmt.execute([key])?;
    }
    Ok(())
}

/// Finds the story of a new document among stored signatures, or starts one.
fn assign_story(
    tx: &Transaction<'_>,
    pk: i64,
    text: &str,
    threshold: f64,
) -> rusqlite::Result<(i64, bool)> {
    let Some(signature) = Signature::of(text) else {
        tx.prepare_cached("UPDATE documents SET story = ?1 WHERE pk = ?1")?
            .execute([pk])?;
        return Ok((pk, false));
    };
    let bands = signature.bands();
    let mut candidates = BTreeSet::new();
    {
        let mut stmt = tx.prepare_cached(
            "SELECT doc FROM lsh_buckets WHERE band = ?1 AND bucket = ?2 LIMIT ?3",
        )?;
        for (band, bucket) in bands.iter().enumerate() {
            for doc in stmt.query_map(params![band as i64, bucket, BUCKET_CANDIDATES], |row| {
                row.get::<_, i64>(0)
            })? {
                candidates.insert(doc?);
            }
        }
    }
    // Every stored document similar enough names a story; the new document joins the
    // oldest of them, and the others are merged into it (it bridges them).
    let mut stories = BTreeSet::new();
    {
        let mut signature_stmt =
            tx.prepare_cached("SELECT minhash, shingles FROM signatures WHERE doc = ?1")?;
        let mut story_stmt = tx.prepare_cached("SELECT story FROM documents WHERE pk = ?1")?;
        for candidate in candidates {
            if candidate == pk {
                continue;
            }
            let stored = signature_stmt
                .query_row([candidate], |row| {
                    Ok(Signature::from_bytes(
                        &row.get::<_, Vec<u8>>(0)?,
                        row.get(1)?,
                    ))
                })
                .optional()?;
            let Some(stored) = stored else {
                continue;
            };
            if signature.similarity(&stored) >= signature.join_threshold(&stored, threshold) {
                let story = story_stmt
                    .query_row([candidate], |row| row.get::<_, Option<i64>>(0))?
                    .unwrap_or(candidate);
                stories.insert(story);
            }
        }
    }
    let story = stories.first().copied().unwrap_or(pk);
    for &other in stories.iter().skip(1) {
        merge_story(tx, other, story)?;
    }
    tx.prepare_cached(
        "INSERT OR REPLACE INTO signatures (doc, minhash, shingles) VALUES (?1, ?2, ?3)",
    )?
    .execute(params![pk, signature.to_bytes(), signature.shingles])?;
    {
        let mut stmt =
            tx.prepare_cached("INSERT INTO lsh_buckets (band, bucket, doc) VALUES (?1, ?2, ?3)")?;
        for (band, bucket) in bands.iter().enumerate() {
            stmt.execute(params![band as i64, bucket, pk])?;
        }
    }
    tx.prepare_cached("UPDATE documents SET story = ?1 WHERE pk = ?2")?
        .execute([story, pk])?;
    Ok((story, story != pk))
}

/// Moves every document and event of story `from` into story `into`, with new
/// deduplication keys: events of both stories now deduplicate against each other.
fn merge_story(tx: &Transaction<'_>, from: i64, into: i64) -> rusqlite::Result<()> {
    let documents = {
        let mut stmt =
            tx.prepare_cached("SELECT pk FROM documents WHERE story = ?1 ORDER BY pk")?;
        stmt.query_map([from], |row| row.get::<_, i64>(0))?
            .collect::<rusqlite::Result<Vec<_>>>()?
    };
    tx.prepare_cached("UPDATE documents SET story = ?1 WHERE story = ?2")?
        .execute([into, from])?;
    for pk in documents {
        index_events(tx, pk, into)?;
    }
    Ok(())
}

/// Sets story and deduplication key of a document's events and fixes the canonical flags.
fn index_events(tx: &Transaction<'_>, pk: i64, story: i64) -> rusqlite::Result<()> {
    let mut rows = Vec::new();
    {
        let mut stmt = tx.prepare_cached(
            "SELECT pk, source_code, source_name, target_code, target_name, cameo, event_date
             FROM events WHERE doc = ?1",
        )?;
        let mapped = stmt.query_map([pk], |row| {
            let key = dedup_key(
                story,
                (
                    row.get::<_, Option<String>>(1)?.as_deref(),
                    row.get::<_, Option<String>>(2)?.as_deref(),
                ),
                (
                    row.get::<_, Option<String>>(3)?.as_deref(),
                    row.get::<_, Option<String>>(4)?.as_deref(),
                ),
                row.get::<_, Option<String>>(5)?.as_deref(),
                row.get::<_, Option<String>>(6)?.as_deref(),
            );
            Ok((row.get::<_, i64>(0)?, key))
        })?;
        for row in mapped {
            rows.push(row?);
        }
    }
    let mut keys = BTreeSet::new();
    let mut stmt =
        tx.prepare_cached("UPDATE events SET story = ?1, dedup_key = ?2 WHERE pk = ?3")?;
    for (event, key) in rows {
        stmt.execute(params![story, key, event])?;
        keys.insert(key);
    }
    recanonicalize(tx, &keys)
}

/// One deduplicated event: the story, each side by code (by lowercased name when it has
/// none), the CAMEO code and the event date.
fn dedup_key(
    story: i64,
    source: (Option<&str>, Option<&str>),
    target: (Option<&str>, Option<&str>),
    cameo: Option<&str>,
    date: Option<&str>,
) -> String {
    let side = |(code, name): (Option<&str>, Option<&str>)| match code {
        Some(code) => code.to_string(),
        None => name.map(str::to_lowercase).unwrap_or_default(),
    };
    format!(
        "{story}|{}|{}|{}|{}",
        side(source),
        side(target),
        cameo.unwrap_or(""),
        date.unwrap_or("")
    )
}

fn text<'a>(value: &'a Value, key: &str) -> Option<&'a str> {
    value.get(key).and_then(Value::as_str)
}

fn integer(value: &Value, key: &str) -> Option<i64> {
    value.get(key).and_then(Value::as_i64)
}

fn real(value: &Value, key: &str) -> Option<f64> {
    value.get(key).and_then(Value::as_f64)
}

fn object<'a>(value: &'a Value, key: &str) -> Option<&'a Value> {
    value.get(key).filter(|inner| inner.is_object())
}

fn array<'a>(value: &'a Value, key: &str) -> &'a [Value] {
    value
        .get(key)
        .and_then(Value::as_array)
        .map_or(&[], Vec::as_slice)
}

/// A day from `YYYY-MM-DD` or an RFC 3339 timestamp; coarser values give `None`.
pub(crate) fn day(value: &str) -> Option<NaiveDate> {
    value
        .get(..10)
        .and_then(|prefix| NaiveDate::parse_from_str(prefix, "%Y-%m-%d").ok())
}

/// A CAMEO code as text. A number (a producer that lost the string) is kept as written.
fn cameo_code(event: &Value) -> Option<String> {
    match event.get("cameo")? {
        Value::String(code) => Some(code.clone()),
        Value::Number(number) => Some(number.to_string()),
        _ => None,
    }
}

fn modality(event: &Value) -> String {
    match event.get("modality") {
        Some(Value::Array(values)) => values
            .iter()
            .filter_map(Value::as_str)
            .collect::<Vec<_>>()
            .join(","),
        Some(Value::String(value)) => value.clone(),
        _ => String::new(),
    }
}

/// Indexes the events, actors and quotes of an output object. Missing or mistyped fields
/// become NULL: the stored output keeps everything as it came.
fn write_annotations(
    tx: &Transaction<'_>,
    pk: i64,
    output: &Value,
    published: Option<&str>,
    story: i64,
) -> rusqlite::Result<BTreeSet<String>> {
    let mut keys = BTreeSet::new();
    let mut stmt = tx.prepare_cached(
        "INSERT INTO events (doc, ordinal, sentence, start_char, end_char, trigger_text,
                             source_name, source_code, source_country, target_name, target_code, target_country,
                             cameo, cameo_root, plover, plover_mode, goldstein, quad_class, modality,
                             attributed_name, attributed_code, date, event_date,
                             place_name, place_lat, place_lon, place_country, rule, cluster, json, canonical,
                             story, dedup_key)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19,
                 ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, 0, ?31, ?32)",
    )?;
    let null = Value::Null;
    for (ordinal, event) in array(output, "events").iter().enumerate() {
        let source = object(event, "source").unwrap_or(&null);
        let target = object(event, "target").unwrap_or(&null);
        let attributed = object(event, "attributed_to").unwrap_or(&null);
        let place = object(event, "place").unwrap_or(&null);
        let cameo = cameo_code(event);
        let cameo_root = cameo
            .as_deref()
            .and_then(|code| code.get(..2))
            .map(str::to_string);
        let date = text(event, "date");
        let event_date = date
            .and_then(day)
            .map(|date| date.to_string())
            .or_else(|| published.map(str::to_string));
        let json = serde_json::to_string(event).unwrap_or_else(|_| "{}".into());
        let key = dedup_key(
            story,
            (text(source, "code"), text(source, "name")),
            (text(target, "code"), text(target, "name")),
            cameo.as_deref(),
            event_date.as_deref(),
        );
        stmt.execute(params![
            pk,
            ordinal as i64,
            integer(event, "sentence"),
            integer(event, "start"),
            integer(event, "end"),
            text(event, "text"),
            text(source, "name"),
            text(source, "code"),
            text(source, "country"),
            text(target, "name"),
            text(target, "code"),
            text(target, "country"),
            cameo,
            cameo_root,
            text(event, "plover"),
            text(event, "plover_mode"),
            real(event, "goldstein"),
            integer(event, "quad_class"),
            modality(event),
            text(attributed, "name"),
            text(attributed, "code"),
            date,
            event_date,
            text(place, "name"),
            real(place, "lat"),
            real(place, "lon"),
            text(place, "country"),
            text(event, "rule"),
            integer(event, "cluster"),
            json,
            story,
            key,
        ])?;
        keys.insert(key);
    }
    let mut stmt = tx.prepare_cached(
        "INSERT INTO actors (doc, start_char, end_char, text, name, code, country, type, wikidata)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?;
    for actor in array(output, "actors") {
        let wikidata = actor.get("wikidata").and_then(|value| match value {
            Value::String(id) => Some(id.clone()),
            Value::Number(number) => Some(number.to_string()),
            _ => None,
        });
        stmt.execute(params![
            pk,
            integer(actor, "start"),
            integer(actor, "end"),
            text(actor, "text"),
            text(actor, "name"),
            text(actor, "code"),
            text(actor, "country"),
            text(actor, "type"),
            wikidata,
        ])?;
    }
    let mut stmt = tx.prepare_cached(
        "INSERT INTO quotes (doc, kind, start_char, end_char, text, speaker_name, speaker_code, speaker_text, cue)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?;
    for quote in array(output, "quotes") {
        let speaker = object(quote, "speaker").unwrap_or(&null);
        let cue = object(quote, "cue").unwrap_or(&null);
        stmt.execute(params![
            pk,
            text(quote, "kind"),
            integer(quote, "start"),
            integer(quote, "end"),
            text(quote, "text"),
            text(speaker, "name"),
            text(speaker, "code"),
            text(speaker, "text"),
            text(cue, "text"),
        ])?;
    }
    Ok(keys)
}

/// Migration 2: signatures, stories and deduplication keys for documents stored by
/// schema version 1, in storage order (so the result equals ingesting them anew).
pub(crate) fn backfill_stories(tx: &Transaction<'_>) -> rusqlite::Result<()> {
    let mut documents = Vec::new();
    {
        let mut stmt = tx.prepare("SELECT pk, text FROM documents ORDER BY pk")?;
        for row in stmt.query_map([], |row| {
            Ok((row.get::<_, i64>(0)?, row.get::<_, String>(1)?))
        })? {
            documents.push(row?);
        }
    }
    let threshold = crate::StoreOptions::default().story_threshold;
    for (pk, text) in documents {
        let (story, _) = assign_story(tx, pk, &text, threshold)?;
        index_events(tx, pk, story)?;
    }
    Ok(())
}
