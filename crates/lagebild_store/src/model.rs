//! The types that go into and come out of the store.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use lagebild_doc::Document;
use serde::{Deserialize, Serialize};

/// What produced an analysis: the lagebild version and one version string per
/// dictionary or model (`"de/verbs.txt": "sha256:..."` or a release number).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Versions {
    pub lagebild: String,
    pub dictionaries: BTreeMap<String, String>,
}

/// One analysed document as it is stored: the document, its `lagebild/1` output object
/// (CONTRACT.md) and the versions that produced it.
#[derive(Clone, Debug, PartialEq)]
pub struct StoredAnalysis {
    pub doc: Document,
    pub output: serde_json::Value,
    pub versions: Versions,
}

/// What one [`crate::Store::ingest`] call did.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct IngestSummary {
    /// Documents written: new ids plus new versions of known ids.
    pub stored: u64,
    /// Documents skipped because a version with the same content hash was stored before.
    pub duplicate: u64,
    /// Of `stored`, the documents that are a new version of an id already stored.
    pub new_versions: u64,
    /// Of `stored`, the documents that joined an existing story (near-duplicates).
    pub joined_story: u64,
    /// One outcome per input document, in input order.
    pub outcomes: Vec<IngestOutcome>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IngestOutcome {
    pub id: String,
    pub status: IngestStatus,
    pub version: u32,
    /// The story at the time of ingest (a later document may merge it into an older one).
    pub story: Option<i64>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IngestStatus {
    Stored,
    NewVersion,
    Duplicate,
}

/// What one [`crate::Store::replace_analysis`] call did.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReplaceSummary {
    pub replaced: u64,
    /// Inputs with no stored document of the same id and content hash.
    pub missing: u64,
}

/// Counts over the latest version of each document.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Stats {
    pub documents: u64,
    /// All stored versions, old ones included.
    pub document_versions: u64,
    /// Event mentions.
    pub events: u64,
    /// One per story, source code, target code, CAMEO code and date (see `deduplication`).
    pub events_deduplicated: u64,
    pub stories: u64,
    /// Actor mentions.
    pub actors: u64,
    /// Distinct actors (by code, by name where there is no code).
    pub distinct_actors: u64,
    pub quotes: u64,
    pub by_lang: BTreeMap<String, u64>,
    /// Event mentions per PLOVER type (`"(none)"` for events without one).
    pub by_plover: BTreeMap<String, u64>,
    /// Deduplicated events per PLOVER type.
    pub by_plover_deduplicated: BTreeMap<String, u64>,
    /// Documents per lagebild version of their analysis (what `reprocess` would change).
    pub by_lagebild_version: BTreeMap<String, u64>,
    pub first_published: Option<String>,
    pub last_published: Option<String>,
    pub schema_version: u32,
    /// How `events_deduplicated` is counted.
    pub deduplication: String,
}

/// Which side of an event an actor filter applies to.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ActorRole {
    #[default]
    Either,
    Source,
    Target,
}

/// The order of [`crate::Store::events`] results.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventSort {
    /// Newest first (events without a date last).
    #[default]
    DateDesc,
    DateAsc,
    GoldsteinAsc,
    GoldsteinDesc,
    /// Storage order: document by document, events in text order.
    Stored,
}

/// Filters for events. Every field is optional; all given filters must hold.
///
/// Actor values match a code exactly (`RUSGOV`), a code prefix with a trailing `*`
/// (`RUS*`), or a canonical name case-insensitively (`Mark Rutte`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EventQuery {
    pub actor: Option<String>,
    pub actor_role: ActorRole,
    /// ISO alpha-3 country of the source or the target.
    pub country: Option<String>,
    /// Source and target; with `dyad_directed == false` either direction matches.
    pub dyad: Option<(String, String)>,
    pub dyad_directed: bool,
    /// A CAMEO code or root, matched as a prefix: `"04"` finds 040 to 046, `"042"` finds 042.
    pub cameo: Option<String>,
    /// A PLOVER event type (`ACCUSE`), case-insensitive.
    pub plover: Option<String>,
    /// One modality (`reported`, `negated`, ...) the event must carry.
    pub modality: Option<String>,
    pub quad_class: Option<u8>,
    /// Inclusive range over the event date (the event's own date, else the publication date).
    pub date_from: Option<NaiveDate>,
    pub date_to: Option<NaiveDate>,
    /// Words that the document's title or text must contain (FTS5; every word must occur,
    /// a trailing `*` makes a word a prefix).
    pub text: Option<String>,
    pub document: Option<String>,
    pub story: Option<i64>,
    pub lang: Option<String>,
    /// Only one mention per deduplicated event (the canonical one).
    pub deduplicated: bool,
    pub sort: EventSort,
    /// `None`: no limit.
    pub limit: Option<u64>,
    pub offset: u64,
}

/// One event mention with its document.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EventRow {
    /// Stable across stores: `<content hash prefix>-<ordinal>`.
    pub event_id: String,
    pub document_id: String,
    pub document_version: u32,
    pub title: Option<String>,
    pub published: Option<String>,
    pub url: Option<String>,
    pub outlet: Option<String>,
    /// Index of the event in the document's `events`.
    pub ordinal: u32,
    pub sentence: Option<u32>,
    pub start: Option<u32>,
    pub end: Option<u32>,
    pub trigger_text: Option<String>,
    pub source_name: Option<String>,
    pub source_code: Option<String>,
    pub source_country: Option<String>,
    pub target_name: Option<String>,
    pub target_code: Option<String>,
    pub target_country: Option<String>,
    pub cameo: Option<String>,
    pub cameo_root: Option<String>,
    pub plover: Option<String>,
    pub plover_mode: Option<String>,
    pub goldstein: Option<f64>,
    pub quad_class: Option<u8>,
    pub modality: Vec<String>,
    pub attributed_name: Option<String>,
    pub attributed_code: Option<String>,
    /// The event's own date as coded (may be coarser than a day).
    pub date: Option<String>,
    /// The date used for filters and series: `date` when it is a day, else the publication date.
    pub event_date: Option<String>,
    pub place_name: Option<String>,
    pub place_lat: Option<f64>,
    pub place_lon: Option<f64>,
    pub place_country: Option<String>,
    pub rule: Option<String>,
    pub cluster: Option<i64>,
    pub story_id: Option<i64>,
    pub dedup_key: Option<String>,
    /// The one mention that stands for its deduplicated event.
    pub canonical: bool,
    /// Mentions of the same deduplicated event in the latest documents.
    pub mentions: u64,
}

/// Filters for [`crate::Store::documents`].
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct DocumentQuery {
    pub text: Option<String>,
    pub lang: Option<String>,
    pub outlet: Option<String>,
    pub story: Option<i64>,
    pub published_from: Option<NaiveDate>,
    pub published_to: Option<NaiveDate>,
    pub limit: Option<u64>,
    pub offset: u64,
}

/// One document (its latest version) in a listing.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DocumentRow {
    pub id: String,
    pub version: u32,
    pub title: Option<String>,
    pub lang: String,
    pub published: Option<String>,
    pub url: Option<String>,
    pub outlet: Option<String>,
    pub story_id: Option<i64>,
    /// Documents (latest versions) in the same story, this one included.
    pub story_size: u64,
    pub events: u64,
    pub quotes: u64,
    pub content_hash: String,
    pub ingested_at: String,
}

/// A stored document with its analysis.
#[derive(Clone, Debug, PartialEq)]
pub struct DocumentRecord {
    pub doc: Document,
    pub version: u32,
    pub versions_stored: u32,
    pub content_hash: String,
    pub story_id: Option<i64>,
    pub output: serde_json::Value,
    pub produced_by: Versions,
    pub analysed_at: String,
    pub ingested_at: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ActorQuery {
    /// Part of a name (case-insensitive) or a code prefix.
    pub search: Option<String>,
    pub country: Option<String>,
    pub limit: Option<u64>,
    pub offset: u64,
}

/// An actor with how often it occurs in the latest documents.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ActorCount {
    pub name: Option<String>,
    pub code: Option<String>,
    pub country: Option<String>,
    pub kind: Option<String>,
    pub mentions: u64,
    pub documents: u64,
    /// Event mentions with this actor as source / target.
    pub events_as_source: u64,
    pub events_as_target: u64,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct QuoteQuery {
    /// A speaker code (exact) or part of a speaker's name (case-insensitive).
    pub speaker: Option<String>,
    pub kind: Option<String>,
    /// Part of the quoted text.
    pub text: Option<String>,
    pub document: Option<String>,
    pub limit: Option<u64>,
    pub offset: u64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuoteRow {
    pub document_id: String,
    pub title: Option<String>,
    pub published: Option<String>,
    pub kind: Option<String>,
    pub start: Option<u32>,
    pub end: Option<u32>,
    pub text: Option<String>,
    pub speaker_name: Option<String>,
    pub speaker_code: Option<String>,
    pub speaker_text: Option<String>,
    pub cue: Option<String>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Interval {
    #[default]
    Day,
    /// ISO weeks, labelled by their Monday.
    Week,
}

/// A time series for one actor, one dyad, or everything.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SeriesQuery {
    pub actor: Option<String>,
    pub dyad: Option<(String, String)>,
    pub dyad_directed: bool,
    pub interval: Interval,
    pub date_from: Option<NaiveDate>,
    pub date_to: Option<NaiveDate>,
    /// Count deduplicated events (the default) or every mention.
    pub deduplicated: bool,
}

impl Default for SeriesQuery {
    fn default() -> SeriesQuery {
        SeriesQuery {
            actor: None,
            dyad: None,
            dyad_directed: false,
            interval: Interval::Day,
            date_from: None,
            date_to: None,
            deduplicated: true,
        }
    }
}

/// One period of a time series.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SeriesPoint {
    /// The day, or the Monday of the week (`YYYY-MM-DD`).
    pub period: String,
    pub events: u64,
    pub goldstein_sum: f64,
    pub goldstein_mean: f64,
    /// Events per QuadClass: verbal cooperation, material cooperation, verbal conflict,
    /// material conflict.
    pub quad_classes: [u64; 4],
    pub deduplicated: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct NetworkQuery {
    pub date_from: Option<NaiveDate>,
    pub date_to: Option<NaiveDate>,
    /// At most this many edges, the busiest first.
    pub limit: u64,
    pub deduplicated: bool,
}

impl Default for NetworkQuery {
    fn default() -> NetworkQuery {
        NetworkQuery {
            date_from: None,
            date_to: None,
            limit: 100,
            deduplicated: true,
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Network {
    pub nodes: Vec<NetworkNode>,
    pub edges: Vec<NetworkEdge>,
    pub deduplicated: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NetworkNode {
    /// The actor code, or the name for actors without one.
    pub id: String,
    pub name: Option<String>,
    pub country: Option<String>,
    /// Events on the edges kept, as source or target.
    pub events: u64,
}

/// Directed: from the source actor to the target actor.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NetworkEdge {
    pub source: String,
    pub target: String,
    pub events: u64,
    /// QuadClass 1 and 2.
    pub cooperation: u64,
    /// QuadClass 3 and 4.
    pub conflict: u64,
    pub goldstein_sum: f64,
    pub goldstein_mean: f64,
}

/// A stored document handed out for re-analysis.
#[derive(Clone, Debug, PartialEq)]
pub struct ReprocessItem {
    pub doc: Document,
    pub version: u32,
    pub produced_by: Versions,
}
