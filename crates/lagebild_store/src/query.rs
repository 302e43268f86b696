//! Reading: events, documents, actors, quotes, series, network, stats, reprocessing.

use std::collections::BTreeMap;

use lagebild_doc::Document;
use rusqlite::types::Value as SqlValue;
use rusqlite::{OptionalExtension, Row, params, params_from_iter};

use crate::{
    ActorCount, ActorQuery, ActorRole, DocumentQuery, DocumentRecord, DocumentRow, EventQuery,
    EventRow, EventSort, Interval, Network, NetworkEdge, NetworkNode, NetworkQuery, QuoteQuery,
    QuoteRow, ReprocessItem, Result, SeriesPoint, SeriesQuery, SqlContext, Stats, Store,
    StoreError, Versions,
};

pub(crate) const DEDUPLICATION_NOTE: &str = "events_deduplicated counts one event per story (near-duplicate \
     articles), source actor, target actor, CAMEO code and event date; events counts every mention";

/// SQL conditions with their parameters, in the order of the `?` placeholders.
#[derive(Default)]
pub(crate) struct Filter {
    clauses: Vec<String>,
    params: Vec<SqlValue>,
}

impl Filter {
    fn push(&mut self, clause: impl Into<String>, params: impl IntoIterator<Item = SqlValue>) {
        self.clauses.push(clause.into());
        self.params.extend(params);
    }

    fn sql(&self) -> String {
        self.clauses
            .iter()
            .map(|clause| format!(" AND ({clause})"))
            .collect()
    }
}

fn text(value: &str) -> SqlValue {
    SqlValue::Text(value.to_string())
}

fn like_escape(value: &str) -> String {
    let mut escaped = String::with_capacity(value.len() + 1);
    for c in value.chars() {
        if matches!(c, '%' | '_' | '\\') {
            escaped.push('\\');
        }
        escaped.push(c);
    }
    escaped
}

/// `code = v OR name = v` (case-insensitive name), or a code prefix for `v*`.
fn actor_clause(code: &str, name: &str, value: &str) -> (String, Vec<SqlValue>) {
    let value = value.trim();
    match value.strip_suffix('*') {
        Some(prefix) => (
            format!("{code} LIKE ? ESCAPE '\\'"),
            vec![text(&format!("{}%", like_escape(prefix)))],
        ),
        None => (
            format!("{code} = ? OR {name} = ? COLLATE NOCASE"),
            vec![text(value), text(value)],
        ),
    }
}

fn dyad_clause(filter: &mut Filter, source: &str, target: &str, directed: bool) {
    let (forward_source, mut params) = actor_clause("e.source_code", "e.source_name", source);
    let (forward_target, target_params) = actor_clause("e.target_code", "e.target_name", target);
    params.extend(target_params);
    let mut clause = format!("(({forward_source}) AND ({forward_target}))");
    if !directed {
        let (backward_source, source_params) =
            actor_clause("e.source_code", "e.source_name", target);
        let (backward_target, target_params) =
            actor_clause("e.target_code", "e.target_name", source);
        params.extend(source_params);
        params.extend(target_params);
        clause.push_str(&format!(
            " OR (({backward_source}) AND ({backward_target}))"
        ));
    }
    filter.push(clause, params);
}

/// Turns user words into an FTS5 query that cannot be a syntax error: every word quoted,
/// all required, a trailing `*` kept as a prefix search.
pub(crate) fn fts_query(input: &str) -> Option<String> {
    let terms: Vec<String> = input
        .split_whitespace()
        .filter_map(|word| {
            let (word, prefix) = match word.strip_suffix('*') {
                Some(stem) => (stem, true),
                None => (word, false),
            };
            let word = word.replace('"', "");
            if word.is_empty() {
                return None;
            }
            Some(if prefix {
                format!("\"{word}\"*")
            } else {
                format!("\"{word}\"")
            })
        })
        .collect();
    (!terms.is_empty()).then(|| terms.join(" "))
}

fn date_range(
    filter: &mut Filter,
    column: &str,
    from: Option<chrono::NaiveDate>,
    to: Option<chrono::NaiveDate>,
) {
    if let Some(from) = from {
        filter.push(format!("{column} >= ?"), [text(&from.to_string())]);
    }
    if let Some(to) = to {
        filter.push(format!("{column} <= ?"), [text(&to.to_string())]);
    }
}

pub(crate) fn event_filter(query: &EventQuery) -> Filter {
    let mut filter = Filter::default();
    if let Some(actor) = query
        .actor
        .as_deref()
        .filter(|actor| !actor.trim().is_empty())
    {
        let (source, mut params) = actor_clause("e.source_code", "e.source_name", actor);
        let (target, target_params) = actor_clause("e.target_code", "e.target_name", actor);
        match query.actor_role {
            ActorRole::Source => filter.push(source, params),
            ActorRole::Target => filter.push(target, target_params),
            ActorRole::Either => {
                params.extend(target_params);
                filter.push(format!("({source}) OR ({target})"), params);
            }
        }
    }
    if let Some(country) = query
        .country
        .as_deref()
        .filter(|country| !country.trim().is_empty())
    {
        let country = country.trim().to_uppercase();
        filter.push(
            "e.source_country = ? OR e.target_country = ?",
            [text(&country), text(&country)],
        );
    }
    if let Some((source, target)) = &query.dyad {
        dyad_clause(&mut filter, source, target, query.dyad_directed);
    }
    if let Some(cameo) = query
        .cameo
        .as_deref()
        .filter(|cameo| !cameo.trim().is_empty())
    {
        filter.push(
            "e.cameo LIKE ? ESCAPE '\\'",
            [text(&format!("{}%", like_escape(cameo.trim())))],
        );
    }
    if let Some(plover) = query
        .plover
        .as_deref()
        .filter(|plover| !plover.trim().is_empty())
    {
        filter.push("e.plover = ? COLLATE NOCASE", [text(plover.trim())]);
    }
    if let Some(modality) = query
        .modality
        .as_deref()
        .filter(|modality| !modality.trim().is_empty())
    {
        filter.push(
            "instr(',' || e.modality || ',', ',' || ? || ',') > 0",
            [text(&modality.trim().to_lowercase())],
        );
    }
    if let Some(quad_class) = query.quad_class {
        filter.push(
            "e.quad_class = ?",
            [SqlValue::Integer(i64::from(quad_class))],
        );
    }
    date_range(&mut filter, "e.event_date", query.date_from, query.date_to);
    if let Some(fts) = query.text.as_deref().and_then(fts_query) {
        filter.push(
            "d.pk IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)",
            [text(&fts)],
        );
    }
    if let Some(document) = &query.document {
        filter.push("d.id = ?", [text(document)]);
    }
    if let Some(story) = query.story {
        filter.push("e.story = ?", [SqlValue::Integer(story)]);
    }
    if let Some(lang) = &query.lang {
        filter.push("d.lang = ?", [text(lang)]);
    }
    if query.deduplicated {
        filter.push("e.canonical = 1", []);
    }
    filter
}

const EVENT_COLUMNS: &str = "d.content_hash, d.id, d.version, d.title, d.published, d.url, d.source,
    e.ordinal, e.sentence, e.start_char, e.end_char, e.trigger_text,
    e.source_name, e.source_code, e.source_country, e.target_name, e.target_code, e.target_country,
    e.cameo, e.cameo_root, e.plover, e.plover_mode, e.goldstein, e.quad_class, e.modality,
    e.attributed_name, e.attributed_code, e.date, e.event_date,
    e.place_name, e.place_lat, e.place_lon, e.place_country, e.rule, e.cluster,
    e.story, e.dedup_key, e.canonical,
    (SELECT count(*) FROM events m JOIN documents md ON md.pk = m.doc WHERE m.dedup_key = e.dedup_key AND md.latest = 1),
    e.json";

fn event_row(row: &Row<'_>) -> rusqlite::Result<EventRow> {
    let hash: String = row.get(0)?;
    let ordinal: u32 = row.get(7)?;
    let modality: String = row.get(24)?;
    Ok(EventRow {
        event_id: format!("{}-{ordinal}", hash.get(..12).unwrap_or(&hash)),
        document_id: row.get(1)?,
        document_version: row.get(2)?,
        title: row.get(3)?,
        published: row.get(4)?,
        url: row.get(5)?,
        outlet: row.get(6)?,
        ordinal,
        sentence: row.get(8)?,
        start: row.get(9)?,
        end: row.get(10)?,
        trigger_text: row.get(11)?,
        source_name: row.get(12)?,
        source_code: row.get(13)?,
        source_country: row.get(14)?,
        target_name: row.get(15)?,
        target_code: row.get(16)?,
        target_country: row.get(17)?,
        cameo: row.get(18)?,
        cameo_root: row.get(19)?,
        plover: row.get(20)?,
        plover_mode: row.get(21)?,
        goldstein: row.get(22)?,
        quad_class: row.get(23)?,
        modality: modality
            .split(',')
            .filter(|value| !value.is_empty())
            .map(str::to_string)
            .collect(),
        attributed_name: row.get(25)?,
        attributed_code: row.get(26)?,
        date: row.get(27)?,
        event_date: row.get(28)?,
        place_name: row.get(29)?,
        place_lat: row.get(30)?,
        place_lon: row.get(31)?,
        place_country: row.get(32)?,
        rule: row.get(33)?,
        cluster: row.get(34)?,
        story_id: row.get(35)?,
        dedup_key: row.get(36)?,
        canonical: row.get::<_, i64>(37)? != 0,
        mentions: row.get(38)?,
    })
}

const DOCUMENT_ORDER: &str = "d.published DESC NULLS LAST, d.pk";

fn document_filter(query: &DocumentQuery) -> Filter {
    let mut filter = Filter::default();
    if let Some(fts) = query.text.as_deref().and_then(fts_query) {
        filter.push(
            "d.pk IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)",
            [text(&fts)],
        );
    }
    if let Some(lang) = &query.lang {
        filter.push("d.lang = ?", [text(lang)]);
    }
    if let Some(outlet) = &query.outlet {
        filter.push("d.source = ?", [text(outlet)]);
    }
    if let Some(story) = query.story {
        filter.push("d.story = ?", [SqlValue::Integer(story)]);
    }
    date_range(
        &mut filter,
        "d.published",
        query.published_from,
        query.published_to,
    );
    filter
}

/// Event mentions of the actor `g` on one side; only the chosen branch runs, so coded
/// actors use the code index.
fn actor_events(side: &str) -> String {
    format!(
        "CASE WHEN g.code IS NOT NULL
              THEN (SELECT count(*) FROM events e JOIN documents d ON d.pk = e.doc
                    WHERE d.latest = 1 AND e.{side}_code = g.code)
              ELSE (SELECT count(*) FROM events e JOIN documents d ON d.pk = e.doc
                    WHERE d.latest = 1 AND e.{side}_code IS NULL AND e.{side}_name = g.name) END"
    )
}

fn limit_sql(limit: Option<u64>, offset: u64) -> String {
    match limit {
        Some(limit) => format!(" LIMIT {limit} OFFSET {offset}"),
        None if offset > 0 => format!(" LIMIT -1 OFFSET {offset}"),
        None => String::new(),
    }
}

fn count(value: i64) -> u64 {
    u64::try_from(value).unwrap_or(0)
}

impl Store {
    /// Event mentions of the latest documents matching `query`.
    pub fn events(&self, query: &EventQuery) -> Result<Vec<EventRow>> {
        let mut rows = Vec::new();
        self.for_each_event(query, |row, _| {
            rows.push(row);
            Ok(())
        })?;
        Ok(rows)
    }

    /// How many event mentions match `query` (ignoring limit and offset), for pagination.
    pub fn count_events(&self, query: &EventQuery) -> Result<u64> {
        let filter = event_filter(query);
        let sql = format!(
            "SELECT count(*) FROM events e JOIN documents d ON d.pk = e.doc WHERE d.latest = 1{}",
            filter.sql()
        );
        let total: i64 = self
            .conn
            .query_row(&sql, params_from_iter(filter.params.iter()), |row| {
                row.get(0)
            })
            .context(&self.path, "count events")?;
        Ok(count(total))
    }

    /// Streams matching events with their contract JSON object (as stored text).
    pub(crate) fn for_each_event(
        &self,
        query: &EventQuery,
        mut each: impl FnMut(EventRow, String) -> Result<()>,
    ) -> Result<()> {
        let filter = event_filter(query);
        let order = match query.sort {
            EventSort::DateDesc => "e.event_date DESC NULLS LAST, e.pk",
            EventSort::DateAsc => "e.event_date ASC NULLS LAST, e.pk",
            EventSort::GoldsteinAsc => "e.goldstein ASC NULLS LAST, e.pk",
            EventSort::GoldsteinDesc => "e.goldstein DESC NULLS LAST, e.pk",
            EventSort::Stored => "e.pk",
        };
        // With a limit, pick the page first and compute the wide columns (the mention
        // count, the JSON) for its rows only: SQLite evaluates result columns before
        // sorting.
        let sql = if query.limit.is_some() {
            format!(
                "SELECT {EVENT_COLUMNS} FROM events e JOIN documents d ON d.pk = e.doc
                 WHERE e.pk IN (SELECT e.pk FROM events e JOIN documents d ON d.pk = e.doc
                                WHERE d.latest = 1{} ORDER BY {order}{})
                 ORDER BY {order}",
                filter.sql(),
                limit_sql(query.limit, query.offset)
            )
        } else {
            format!(
                "SELECT {EVENT_COLUMNS} FROM events e JOIN documents d ON d.pk = e.doc WHERE d.latest = 1{} ORDER BY {order}{}",
                filter.sql(),
                limit_sql(query.limit, query.offset)
            )
        };
        let mut stmt = self
            .conn
            .prepare(&sql)
            .context(&self.path, "prepare event query")?;
        let mut rows = stmt
            .query(params_from_iter(filter.params.iter()))
            .context(&self.path, "query events")?;
        while let Some(row) = rows.next().context(&self.path, "read events")? {
            let event = event_row(row).context(&self.path, "read an event row")?;
            let json: String = row.get(39).context(&self.path, "read an event row")?;
            each(event, json)?;
        }
        Ok(())
    }

    /// The latest version of each document matching `query`, newest publication first.
    pub fn documents(&self, query: &DocumentQuery) -> Result<Vec<DocumentRow>> {
        let filter = document_filter(query);
        // The page is chosen first, so the per-document counts run for its rows only.
        let sql = format!(
            "SELECT d.id, d.version, d.title, d.lang, d.published, d.url, d.source, d.story,
                    (SELECT count(*) FROM documents s WHERE s.story = d.story AND s.latest = 1),
                    (SELECT count(*) FROM events e WHERE e.doc = d.pk),
                    (SELECT count(*) FROM quotes q WHERE q.doc = d.pk),
                    d.content_hash, d.ingested_at
             FROM documents d
             WHERE d.pk IN (SELECT d.pk FROM documents d WHERE d.latest = 1{} ORDER BY {DOCUMENT_ORDER}{})
             ORDER BY {DOCUMENT_ORDER}",
            filter.sql(),
            limit_sql(query.limit, query.offset)
        );
        let mut stmt = self
            .conn
            .prepare(&sql)
            .context(&self.path, "prepare document query")?;
        let rows = stmt
            .query_map(params_from_iter(filter.params.iter()), |row| {
                Ok(DocumentRow {
                    id: row.get(0)?,
                    version: row.get(1)?,
                    title: row.get(2)?,
                    lang: row.get(3)?,
                    published: row.get(4)?,
                    url: row.get(5)?,
                    outlet: row.get(6)?,
                    story_id: row.get(7)?,
                    story_size: count(row.get(8)?),
                    events: count(row.get(9)?),
                    quotes: count(row.get(10)?),
                    content_hash: row.get(11)?,
                    ingested_at: row.get(12)?,
                })
            })
            .context(&self.path, "query documents")?;
        rows.collect::<rusqlite::Result<Vec<_>>>()
            .context(&self.path, "read documents")
    }

    /// How many documents (latest versions) match `query`, ignoring limit and offset.
    pub fn count_documents(&self, query: &DocumentQuery) -> Result<u64> {
        let filter = document_filter(query);
        let sql = format!(
            "SELECT count(*) FROM documents d WHERE d.latest = 1{}",
            filter.sql()
        );
        let total: i64 = self
            .conn
            .query_row(&sql, params_from_iter(filter.params.iter()), |row| {
                row.get(0)
            })
            .context(&self.path, "count documents")?;
        Ok(count(total))
    }

    /// The stored `lagebild/1` output object of the latest version of `id`.
    pub fn document(&self, id: &str) -> Result<Option<serde_json::Value>> {
        Ok(self.document_record(id, None)?.map(|record| record.output))
    }

    /// A stored document with its analysis: the latest version, or the given one.
    pub fn document_record(
        &self,
        id: &str,
        version: Option<u32>,
    ) -> Result<Option<DocumentRecord>> {
        let sql = "SELECT d.pk, d.text, d.meta, d.document, d.version, d.content_hash, d.story, d.ingested_at,
                          a.output, a.lagebild_version, a.dictionaries, a.analysed_at,
                          (SELECT count(*) FROM documents v WHERE v.id = d.id),
                          d.title, d.lang, d.published, d.url, d.source
                   FROM documents d LEFT JOIN analyses a ON a.doc = d.pk
                   WHERE d.id = ?1 AND (d.version = ?2 OR (?2 IS NULL AND d.latest = 1))";
        let found = self
            .conn
            .query_row(sql, params![id, version], |row| {
                let doc = document_from_row(row, 1)?;
                let output: Option<String> = row.get(8)?;
                let dictionaries: Option<String> = row.get(10)?;
                Ok((
                    doc,
                    row.get::<_, u32>(4)?,
                    row.get::<_, u32>(12)?,
                    row.get::<_, String>(5)?,
                    row.get::<_, Option<i64>>(6)?,
                    row.get::<_, String>(7)?,
                    output,
                    row.get::<_, Option<String>>(9)?,
                    dictionaries,
                    row.get::<_, Option<String>>(11)?,
                ))
            })
            .optional()
            .context(&self.path, "read a document")?;
        let Some((
            doc,
            version,
            versions_stored,
            content_hash,
            story_id,
            ingested_at,
            output,
            lagebild,
            dictionaries,
            analysed_at,
        )) = found
        else {
            return Ok(None);
        };
        let json_error = |source| StoreError::Json {
            path: self.path.clone(),
            source,
        };
        let mut output = match output {
            Some(output) => serde_json::from_str(&output).map_err(json_error)?,
            None => serde_json::Value::Null,
        };
        crate::ingest::restore_text(&mut output, &doc.text);
        let dictionaries = match dictionaries {
            Some(dictionaries) => serde_json::from_str(&dictionaries).map_err(json_error)?,
            None => BTreeMap::new(),
        };
        Ok(Some(DocumentRecord {
            doc,
            version,
            versions_stored,
            content_hash,
            story_id,
            output,
            produced_by: Versions {
                lagebild: lagebild.unwrap_or_default(),
                dictionaries,
            },
            analysed_at: analysed_at.unwrap_or_default(),
            ingested_at,
        }))
    }

    /// Actors of the latest documents with their counts, most mentioned first. Actors
    /// are grouped by code, by name where they have none.
    pub fn actors(&self, query: &ActorQuery) -> Result<Vec<ActorCount>> {
        let mut filter = Filter::default();
        if let Some(search) = query
            .search
            .as_deref()
            .map(str::trim)
            .filter(|search| !search.is_empty())
        {
            filter.push(
                "a.code LIKE ? ESCAPE '\\' OR a.name LIKE ? ESCAPE '\\'",
                [
                    text(&format!("{}%", like_escape(search))),
                    text(&format!("%{}%", like_escape(search))),
                ],
            );
        }
        if let Some(country) = &query.country {
            filter.push("a.country = ?", [text(&country.trim().to_uppercase())]);
        }
        let sql = format!(
            "WITH page AS (
                 SELECT coalesce(a.code, '~' || a.name) AS key, a.code AS code, max(a.name) AS name,
                        max(a.country) AS country, max(a.type) AS type,
                        count(*) AS mentions, count(DISTINCT a.doc) AS documents
                 FROM actors a JOIN documents d ON d.pk = a.doc
                 WHERE d.latest = 1 AND (a.code IS NOT NULL OR a.name IS NOT NULL){}
                 GROUP BY key ORDER BY mentions DESC, key{})
             SELECT g.name, g.code, g.country, g.type, g.mentions, g.documents,
                    {},
                    {}
             FROM page g ORDER BY g.mentions DESC, g.key",
            filter.sql(),
            limit_sql(query.limit, query.offset),
            actor_events("source"),
            actor_events("target"),
        );
        let mut stmt = self
            .conn
            .prepare(&sql)
            .context(&self.path, "prepare actor query")?;
        let rows = stmt
            .query_map(params_from_iter(filter.params.iter()), |row| {
                Ok(ActorCount {
                    name: row.get(0)?,
                    code: row.get(1)?,
                    country: row.get(2)?,
                    kind: row.get(3)?,
                    mentions: count(row.get(4)?),
                    documents: count(row.get(5)?),
                    events_as_source: count(row.get(6)?),
                    events_as_target: count(row.get(7)?),
                })
            })
            .context(&self.path, "query actors")?;
        rows.collect::<rusqlite::Result<Vec<_>>>()
            .context(&self.path, "read actors")
    }

    /// Quotes of the latest documents, newest first.
    pub fn quotes(&self, query: &QuoteQuery) -> Result<Vec<QuoteRow>> {
        let mut filter = Filter::default();
        if let Some(speaker) = query
            .speaker
            .as_deref()
            .map(str::trim)
            .filter(|speaker| !speaker.is_empty())
        {
            filter.push(
                "q.speaker_code = ? OR q.speaker_name LIKE ? ESCAPE '\\'",
                [text(speaker), text(&format!("%{}%", like_escape(speaker)))],
            );
        }
        if let Some(kind) = &query.kind {
            filter.push("q.kind = ?", [text(kind)]);
        }
        if let Some(words) = query
            .text
            .as_deref()
            .map(str::trim)
            .filter(|words| !words.is_empty())
        {
            filter.push(
                "q.text LIKE ? ESCAPE '\\'",
                [text(&format!("%{}%", like_escape(words)))],
            );
        }
        if let Some(document) = &query.document {
            filter.push("d.id = ?", [text(document)]);
        }
        let sql = format!(
            "SELECT d.id, d.title, d.published, q.kind, q.start_char, q.end_char, q.text,
                    q.speaker_name, q.speaker_code, q.speaker_text, q.cue
             FROM quotes q JOIN documents d ON d.pk = q.doc
             WHERE d.latest = 1{} ORDER BY d.published DESC NULLS LAST, q.pk{}",
            filter.sql(),
            limit_sql(query.limit, query.offset)
        );
        let mut stmt = self
            .conn
            .prepare(&sql)
            .context(&self.path, "prepare quote query")?;
        let rows = stmt
            .query_map(params_from_iter(filter.params.iter()), |row| {
                Ok(QuoteRow {
                    document_id: row.get(0)?,
                    title: row.get(1)?,
                    published: row.get(2)?,
                    kind: row.get(3)?,
                    start: row.get(4)?,
                    end: row.get(5)?,
                    text: row.get(6)?,
                    speaker_name: row.get(7)?,
                    speaker_code: row.get(8)?,
                    speaker_text: row.get(9)?,
                    cue: row.get(10)?,
                })
            })
            .context(&self.path, "query quotes")?;
        rows.collect::<rusqlite::Result<Vec<_>>>()
            .context(&self.path, "read quotes")
    }

    /// Events per day or week for an actor, a dyad, or everything: counts, Goldstein sum
    /// and mean, QuadClass mix. Events without a date are left out.
    pub fn time_series(&self, query: &SeriesQuery) -> Result<Vec<SeriesPoint>> {
        let mut filter = event_filter(&EventQuery {
            actor: query.actor.clone(),
            dyad: query.dyad.clone(),
            dyad_directed: query.dyad_directed,
            date_from: query.date_from,
            date_to: query.date_to,
            deduplicated: query.deduplicated,
            ..EventQuery::default()
        });
        filter.push("e.event_date IS NOT NULL", []);
        let period = match query.interval {
            Interval::Day => "e.event_date",
            Interval::Week => "date(e.event_date, '-6 days', 'weekday 1')",
        };
        let sql = format!(
            "SELECT {period} AS period, count(*), total(e.goldstein), coalesce(avg(e.goldstein), 0),
                    sum(e.quad_class = 1), sum(e.quad_class = 2), sum(e.quad_class = 3), sum(e.quad_class = 4)
             FROM events e JOIN documents d ON d.pk = e.doc
             WHERE d.latest = 1{} GROUP BY period HAVING period IS NOT NULL ORDER BY period",
            filter.sql()
        );
        let mut stmt = self
            .conn
            .prepare(&sql)
            .context(&self.path, "prepare time series")?;
        let rows = stmt
            .query_map(params_from_iter(filter.params.iter()), |row| {
                Ok(SeriesPoint {
                    period: row.get(0)?,
                    events: count(row.get(1)?),
                    goldstein_sum: row.get(2)?,
                    goldstein_mean: row.get(3)?,
                    quad_classes: [
                        count(row.get::<_, Option<i64>>(4)?.unwrap_or(0)),
                        count(row.get::<_, Option<i64>>(5)?.unwrap_or(0)),
                        count(row.get::<_, Option<i64>>(6)?.unwrap_or(0)),
                        count(row.get::<_, Option<i64>>(7)?.unwrap_or(0)),
                    ],
                    deduplicated: query.deduplicated,
                })
            })
            .context(&self.path, "query time series")?;
        let points = rows
            .collect::<rusqlite::Result<Vec<_>>>()
            .context(&self.path, "read time series")?;
        Ok(fill_gaps(points, query))
    }

    /// Actors as nodes and directed source-to-target edges with cooperation and conflict
    /// counts, the busiest `limit` edges of the period.
    pub fn network(&self, query: &NetworkQuery) -> Result<Network> {
        let mut filter = Filter::default();
        date_range(&mut filter, "e.event_date", query.date_from, query.date_to);
        if query.deduplicated {
            filter.push("e.canonical = 1", []);
        }
        let sql = format!(
            "SELECT coalesce(e.source_code, e.source_name) AS s, coalesce(e.target_code, e.target_name) AS t,
                    count(*) AS n, sum(e.quad_class IN (1, 2)), sum(e.quad_class IN (3, 4)),
                    total(e.goldstein), coalesce(avg(e.goldstein), 0),
                    max(e.source_name), max(e.source_country), max(e.target_name), max(e.target_country)
             FROM events e JOIN documents d ON d.pk = e.doc
             WHERE d.latest = 1 AND s IS NOT NULL AND t IS NOT NULL{}
             GROUP BY s, t ORDER BY n DESC, s, t LIMIT {}",
            filter.sql(),
            query.limit
        );
        let mut stmt = self
            .conn
            .prepare(&sql)
            .context(&self.path, "prepare network query")?;
        let mut rows = stmt
            .query(params_from_iter(filter.params.iter()))
            .context(&self.path, "query network")?;
        let mut network = Network {
            deduplicated: query.deduplicated,
            ..Network::default()
        };
        let mut nodes: BTreeMap<String, NetworkNode> = BTreeMap::new();
        while let Some(row) = rows.next().context(&self.path, "read network")? {
            let read = || -> rusqlite::Result<(NetworkEdge, [Option<String>; 4])> {
                let events = count(row.get(2)?);
                Ok((
                    NetworkEdge {
                        source: row.get(0)?,
                        target: row.get(1)?,
                        events,
                        cooperation: count(row.get::<_, Option<i64>>(3)?.unwrap_or(0)),
                        conflict: count(row.get::<_, Option<i64>>(4)?.unwrap_or(0)),
                        goldstein_sum: row.get(5)?,
                        goldstein_mean: row.get(6)?,
                    },
                    [row.get(7)?, row.get(8)?, row.get(9)?, row.get(10)?],
                ))
            };
            let (edge, [source_name, source_country, target_name, target_country]) =
                read().context(&self.path, "read network")?;
            for (id, name, country) in [
                (&edge.source, source_name, source_country),
                (&edge.target, target_name, target_country),
            ] {
                nodes
                    .entry(id.clone())
                    .or_insert_with(|| NetworkNode {
                        id: id.clone(),
                        name,
                        country,
                        events: 0,
                    })
                    .events += edge.events;
            }
            network.edges.push(edge);
        }
        network.nodes = nodes.into_values().collect();
        network
            .nodes
            .sort_by(|a, b| b.events.cmp(&a.events).then_with(|| a.id.cmp(&b.id)));
        Ok(network)
    }

    /// Counts over the latest version of each document (see [`Stats`]).
    pub fn stats(&self) -> Result<Stats> {
        let path = &self.path;
        let single = |sql: &str| -> Result<i64> {
            self.conn
                .query_row(sql, [], |row| row.get(0))
                .context(path, "read stats")
        };
        let grouped = |sql: &str| -> Result<BTreeMap<String, u64>> {
            let mut stmt = self.conn.prepare(sql).context(path, "read stats")?;
            let rows = stmt
                .query_map([], |row| Ok((row.get::<_, String>(0)?, count(row.get(1)?))))
                .context(path, "read stats")?;
            rows.collect::<rusqlite::Result<BTreeMap<_, _>>>()
                .context(path, "read stats")
        };
        let latest_events = "FROM events e JOIN documents d ON d.pk = e.doc WHERE d.latest = 1";
        let (first_published, last_published) = self
            .conn
            .query_row(
                "SELECT min(published), max(published) FROM documents WHERE latest = 1",
                [],
                |row| Ok((row.get(0)?, row.get(1)?)),
            )
            .context(path, "read stats")?;
        Ok(Stats {
            documents: count(single("SELECT count(*) FROM documents WHERE latest = 1")?),
            document_versions: count(single("SELECT count(*) FROM documents")?),
            events: count(single(&format!("SELECT count(*) {latest_events}"))?),
            events_deduplicated: count(single(&format!("SELECT count(*) {latest_events} AND e.canonical = 1"))?),
            stories: count(single("SELECT count(DISTINCT story) FROM documents WHERE latest = 1")?),
            actors: count(single("SELECT count(*) FROM actors a JOIN documents d ON d.pk = a.doc WHERE d.latest = 1")?),
            distinct_actors: count(single(
                "SELECT count(DISTINCT coalesce(a.code, '~' || a.name)) FROM actors a JOIN documents d ON d.pk = a.doc
                 WHERE d.latest = 1",
            )?),
            quotes: count(single("SELECT count(*) FROM quotes q JOIN documents d ON d.pk = q.doc WHERE d.latest = 1")?),
            by_lang: grouped("SELECT lang, count(*) FROM documents WHERE latest = 1 GROUP BY lang")?,
            by_plover: grouped(&format!("SELECT coalesce(e.plover, '(none)'), count(*) {latest_events} GROUP BY 1"))?,
            by_plover_deduplicated: grouped(&format!(
                "SELECT coalesce(e.plover, '(none)'), count(*) {latest_events} AND e.canonical = 1 GROUP BY 1"
            ))?,
            by_lagebild_version: grouped(
                "SELECT a.lagebild_version, count(*) FROM analyses a JOIN documents d ON d.pk = a.doc
                 WHERE d.latest = 1 GROUP BY 1",
            )?,
            first_published,
            last_published,
            schema_version: self.schema_version()?,
            deduplication: DEDUPLICATION_NOTE.to_string(),
        })
    }

    /// A cursor over the latest version of every stored document, for re-analysis. Each
    /// [`ReprocessCursor::next_batch`] borrows the store only for the read, so
    /// [`Store::replace_analysis`] can be called between batches:
    ///
    /// ```
    /// # let mut store = lagebild_store::Store::open_in_memory()?;
    /// let mut cursor = store.reprocess_cursor();
    /// loop {
    ///     let batch = cursor.next_batch(&store)?;
    ///     if batch.is_empty() { break; }
    ///     let analysed: Vec<lagebild_store::StoredAnalysis> = Vec::new(); // analyse `batch` here
    ///     store.replace_analysis(&analysed)?;
    /// }
    /// # Ok::<(), lagebild_store::StoreError>(())
    /// ```
    pub fn reprocess_cursor(&self) -> ReprocessCursor {
        ReprocessCursor {
            after: 0,
            batch_size: self.options.batch_size.max(1),
        }
    }

    /// Iterates the latest version of every stored document (reading a page at a time).
    /// It borrows the store; to write while iterating use [`Store::reprocess_cursor`].
    pub fn documents_for_reprocess(&self) -> ReprocessDocuments<'_> {
        ReprocessDocuments {
            store: self,
            cursor: self.reprocess_cursor(),
            page: Vec::new().into_iter(),
            done: false,
        }
    }
}

/// Periods without events, as zero points, from the first period (or `date_from`) to
/// the last (or `date_to`), so a chart's x axis is continuous. At most 20,000 periods.
fn fill_gaps(points: Vec<SeriesPoint>, query: &SeriesQuery) -> Vec<SeriesPoint> {
    use chrono::{Datelike, Days, NaiveDate};
    let parse = |period: &str| NaiveDate::parse_from_str(period, "%Y-%m-%d").ok();
    let step = match query.interval {
        Interval::Day => 1,
        Interval::Week => 7,
    };
    let align = |date: NaiveDate| match query.interval {
        Interval::Day => date,
        Interval::Week => date - Days::new(u64::from(date.weekday().num_days_from_monday())),
    };
    let first = query
        .date_from
        .map(align)
        .or_else(|| points.first().and_then(|point| parse(&point.period)));
    let last = query
        .date_to
        .map(align)
        .or_else(|| points.last().and_then(|point| parse(&point.period)));
    let (Some(first), Some(last)) = (first, last) else {
        return points;
    };
    let mut by_period: BTreeMap<String, SeriesPoint> = points
        .into_iter()
        .map(|point| (point.period.clone(), point))
        .collect();
    let mut day = first;
    for _ in 0..20_000 {
        if day > last {
            break;
        }
        let period = day.to_string();
        by_period
            .entry(period.clone())
            .or_insert_with(|| SeriesPoint {
                period,
                events: 0,
                goldstein_sum: 0.0,
                goldstein_mean: 0.0,
                quad_classes: [0; 4],
                deduplicated: query.deduplicated,
            });
        match day.checked_add_days(Days::new(step)) {
            Some(next) => day = next,
            None => break,
        }
    }
    by_period.into_values().collect()
}

/// Rebuilds a [`Document`] from `text, meta, document` columns starting at `first`.
fn document_from_row(row: &Row<'_>, first: usize) -> rusqlite::Result<Document> {
    let text: String = row.get(first)?;
    let meta: String = row.get(first + 1)?;
    let rest: String = row.get(first + 2)?;
    let mut doc: Document = serde_json::from_str(&rest).unwrap_or_default();
    doc.text = text;
    doc.meta = serde_json::from_str(&meta).unwrap_or_default();
    Ok(doc)
}

/// Paging through stored documents for `lagebild reprocess`.
#[derive(Clone, Debug)]
pub struct ReprocessCursor {
    after: i64,
    pub batch_size: usize,
}

impl ReprocessCursor {
    /// The next documents in storage order; empty when all were handed out.
    pub fn next_batch(&mut self, store: &Store) -> Result<Vec<ReprocessItem>> {
        let mut stmt = store
            .conn
            .prepare_cached(
                "SELECT d.pk, d.text, d.meta, d.document, d.version, a.lagebild_version, a.dictionaries
                 FROM documents d LEFT JOIN analyses a ON a.doc = d.pk
                 WHERE d.latest = 1 AND d.pk > ?1 ORDER BY d.pk LIMIT ?2",
            )
            .context(&store.path, "prepare reprocess query")?;
        let rows = stmt
            .query_map(params![self.after, self.batch_size as i64], |row| {
                let dictionaries: Option<String> = row.get(6)?;
                Ok((
                    row.get::<_, i64>(0)?,
                    ReprocessItem {
                        doc: document_from_row(row, 1)?,
                        version: row.get(4)?,
                        produced_by: Versions {
                            lagebild: row.get::<_, Option<String>>(5)?.unwrap_or_default(),
                            dictionaries: dictionaries
                                .and_then(|dictionaries| serde_json::from_str(&dictionaries).ok())
                                .unwrap_or_default(),
                        },
                    },
                ))
            })
            .context(&store.path, "query documents for reprocessing")?;
        let mut items = Vec::new();
        for row in rows {
            let (pk, item) = row.context(&store.path, "read documents for reprocessing")?;
            self.after = pk;
            items.push(item);
        }
        Ok(items)
    }
}

/// The iterator of [`Store::documents_for_reprocess`].
pub struct ReprocessDocuments<'a> {
    store: &'a Store,
    cursor: ReprocessCursor,
    page: std::vec::IntoIter<ReprocessItem>,
    done: bool,
}

impl Iterator for ReprocessDocuments<'_> {
    type Item = Result<ReprocessItem>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(item) = self.page.next() {
                return Some(Ok(item));
            }
            if self.done {
                return None;
            }
            match self.cursor.next_batch(self.store) {
                Ok(page) if page.is_empty() => {
                    self.done = true;
                    return None;
                }
                Ok(page) => self.page = page.into_iter(),
                Err(error) => {
                    self.done = true;
                    return Some(Err(error));
                }
            }
        }
    }
}
