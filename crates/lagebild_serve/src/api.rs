//! The HTTP handlers. Queries run on blocking threads against a pooled read connection.

use std::sync::Arc;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Json, Response};
use axum::routing::get;
use chrono::NaiveDate;
use lagebild_ingest::ReadOptions;
use lagebild_store::{
    ActorQuery, DocumentQuery, EventQuery, EventSort, Interval, NetworkQuery, QuoteQuery,
    SeriesQuery, Store, StoredAnalysis, Versions,
};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use crate::Server;

type Shared = State<Arc<Server>>;

const INDEX: &str = include_str!("../assets/index.html");
const APP_JS: &str = include_str!("../assets/app.js");
const APP_CSS: &str = include_str!("../assets/app.css");

pub(crate) fn routes() -> Router<Arc<Server>> {
    Router::new()
        .route("/health", get(health))
        .route("/openapi.json", get(openapi))
        .route("/stats", get(stats))
        .route("/documents", get(documents).post(ingest))
        .route("/documents/{id}", get(document))
        .route("/events", get(events))
        .route("/actors", get(actors))
        .route("/quotes", get(quotes))
        .route("/timeseries", get(time_series))
        .route("/network", get(network))
}

pub(crate) async fn index() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        INDEX,
    )
        .into_response()
}

pub(crate) async fn asset(Path(file): Path<String>) -> Response {
    let (body, kind) = match file.as_str() {
        "app.js" => (APP_JS, "text/javascript; charset=utf-8"),
        "app.css" => (APP_CSS, "text/css; charset=utf-8"),
        _ => return error(StatusCode::NOT_FOUND, "no such asset"),
    };
    (
        [
            (header::CONTENT_TYPE, kind),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        body,
    )
        .into_response()
}

fn error(status: StatusCode, message: impl Into<String>) -> Response {
    (status, Json(json!({"error": message.into()}))).into_response()
}

/// Runs a store query on a blocking thread.
async fn read<T: Serialize + Send + 'static>(
    server: Arc<Server>,
    query: impl FnOnce(&Store) -> lagebild_store::Result<T> + Send + 'static,
) -> Response {
    let result = tokio::task::spawn_blocking(move || {
        let store = server.reader();
        query(&store)
    })
    .await;
    match result {
        Ok(Ok(value)) => Json(value).into_response(),
        Ok(Err(failure)) => error(StatusCode::INTERNAL_SERVER_ERROR, failure.to_string()),
        Err(_) => error(StatusCode::INTERNAL_SERVER_ERROR, "query aborted"),
    }
}

async fn health(State(server): Shared) -> Response {
    let read_only = server.read_only;
    let ingest = server.token.is_some() && !read_only;
    read(server, move |store| {
        let stats = store.stats()?;
        Ok(
            json!({"status": "ok", "documents": stats.documents, "events": stats.events,
                  "read_only": read_only, "ingest": ingest, "version": env!("CARGO_PKG_VERSION")}),
        )
    })
    .await
}

async fn openapi() -> Response {
    Json(crate::openapi::document()).into_response()
}

async fn stats(State(server): Shared) -> Response {
    read(server, |store| store.stats()).await
}

/// Query parameters shared by the event, series and network endpoints.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct Params {
    actor: Option<String>,
    country: Option<String>,
    /// `SRC,TGT`
    dyad: Option<String>,
    source: Option<String>,
    target: Option<String>,
    cameo: Option<String>,
    plover: Option<String>,
    modality: Option<String>,
    quad_class: Option<u8>,
    from: Option<String>,
    to: Option<String>,
    q: Option<String>,
    document: Option<String>,
    lang: Option<String>,
    /// `false` returns every mention instead of one per story.
    dedup: Option<bool>,
    sort: Option<String>,
    limit: Option<u64>,
    offset: Option<u64>,
    interval: Option<String>,
    speaker: Option<String>,
    kind: Option<String>,
}

fn nonempty(value: &Option<String>) -> Option<String> {
    value
        .as_deref()
        .map(str::trim)
        .filter(|value| !value.is_empty())
        .map(str::to_string)
}

fn date(value: &Option<String>, name: &str) -> Result<Option<NaiveDate>, Response> {
    match nonempty(value) {
        None => Ok(None),
        Some(text) => text.parse::<NaiveDate>().map(Some).map_err(|_| {
            error(
                StatusCode::BAD_REQUEST,
                format!("{name}: {text:?} is not a date (YYYY-MM-DD)"),
            )
        }),
    }
}

impl Params {
    fn dyad(&self) -> Option<(String, String)> {
        if let Some(dyad) = nonempty(&self.dyad) {
            let (source, target) = dyad.split_once(',').unwrap_or((dyad.as_str(), ""));
            return Some((source.trim().to_string(), target.trim().to_string()));
        }
        match (nonempty(&self.source), nonempty(&self.target)) {
            (None, None) => None,
            (source, target) => Some((source.unwrap_or_default(), target.unwrap_or_default())),
        }
    }

    fn limit(&self, default: u64) -> u64 {
        self.limit.unwrap_or(default).clamp(1, 1000)
    }

    fn event_query(&self) -> Result<EventQuery, Response> {
        let sort = match self.sort.as_deref() {
            None | Some("") | Some("date_desc") => EventSort::DateDesc,
            Some("date_asc") => EventSort::DateAsc,
            Some("goldstein_asc") => EventSort::GoldsteinAsc,
            Some("goldstein_desc") => EventSort::GoldsteinDesc,
            Some("stored") => EventSort::Stored,
            Some(other) => {
                return Err(error(
                    StatusCode::BAD_REQUEST,
                    format!("sort: unknown order {other:?}"),
                ));
            }
        };
        Ok(EventQuery {
            actor: nonempty(&self.actor),
            country: nonempty(&self.country),
            dyad: self.dyad(),
            dyad_directed: self.dyad.is_none() && (self.source.is_some() || self.target.is_some()),
            cameo: nonempty(&self.cameo),
            plover: nonempty(&self.plover),
            modality: nonempty(&self.modality),
            quad_class: self.quad_class,
            date_from: date(&self.from, "from")?,
            date_to: date(&self.to, "to")?,
            text: nonempty(&self.q),
            document: nonempty(&self.document),
            lang: nonempty(&self.lang),
            deduplicated: self.dedup.unwrap_or(true),
            sort,
            limit: Some(self.limit(100)),
            offset: self.offset.unwrap_or(0),
            ..EventQuery::default()
        })
    }
}

async fn events(State(server): Shared, Query(params): Query<Params>) -> Response {
    let query = match params.event_query() {
        Ok(query) => query,
        Err(response) => return response,
    };
    read(server, move |store| {
        let total = store.count_events(&query)?;
        let events = store.events(&query)?;
        Ok(
            json!({"total": total, "deduplicated": query.deduplicated, "offset": query.offset,
                  "limit": query.limit, "events": events}),
        )
    })
    .await
}

async fn documents(State(server): Shared, Query(params): Query<Params>) -> Response {
    let query = DocumentQuery {
        text: nonempty(&params.q),
        lang: nonempty(&params.lang),
        limit: Some(params.limit(50)),
        offset: params.offset.unwrap_or(0),
        ..DocumentQuery::default()
    };
    read(server, move |store| {
        let total = store.count_documents(&query)?;
        let documents = store.documents(&query)?;
        Ok(json!({"total": total, "offset": query.offset, "documents": documents}))
    })
    .await
}

async fn document(State(server): Shared, Path(id): Path<String>) -> Response {
    let result = tokio::task::spawn_blocking(move || server.reader().document(&id)).await;
    match result {
        Ok(Ok(Some(output))) => Json(output).into_response(),
        Ok(Ok(None)) => error(StatusCode::NOT_FOUND, "no such document"),
        Ok(Err(failure)) => error(StatusCode::INTERNAL_SERVER_ERROR, failure.to_string()),
        Err(_) => error(StatusCode::INTERNAL_SERVER_ERROR, "query aborted"),
    }
}

async fn actors(State(server): Shared, Query(params): Query<Params>) -> Response {
    let query = ActorQuery {
        search: nonempty(&params.q).or_else(|| nonempty(&params.actor)),
        country: nonempty(&params.country),
        limit: Some(params.limit(100)),
        offset: params.offset.unwrap_or(0),
    };
    read(server, move |store| {
        Ok(json!({"actors": store.actors(&query)?}))
    })
    .await
}

async fn quotes(State(server): Shared, Query(params): Query<Params>) -> Response {
    let query = QuoteQuery {
        speaker: nonempty(&params.speaker),
        kind: nonempty(&params.kind),
        text: nonempty(&params.q),
        document: nonempty(&params.document),
        limit: Some(params.limit(100)),
        offset: params.offset.unwrap_or(0),
    };
    read(server, move |store| {
        Ok(json!({"quotes": store.quotes(&query)?}))
    })
    .await
}

async fn time_series(State(server): Shared, Query(params): Query<Params>) -> Response {
    let interval = match params.interval.as_deref() {
        None | Some("") | Some("week") => Interval::Week,
        Some("day") => Interval::Day,
        Some(other) => {
            return error(
                StatusCode::BAD_REQUEST,
                format!("interval: {other:?} is not day or week"),
            );
        }
    };
    let (date_from, date_to) = match (date(&params.from, "from"), date(&params.to, "to")) {
        (Ok(from), Ok(to)) => (from, to),
        (Err(response), _) | (_, Err(response)) => return response,
    };
    let query = SeriesQuery {
        actor: nonempty(&params.actor),
        dyad: params.dyad(),
        dyad_directed: true,
        interval,
        date_from,
        date_to,
        deduplicated: params.dedup.unwrap_or(true),
    };
    read(server, move |store| {
        Ok(json!({"interval": query.interval, "deduplicated": query.deduplicated, "series": store.time_series(&query)?}))
    })
    .await
}

async fn network(State(server): Shared, Query(params): Query<Params>) -> Response {
    let (date_from, date_to) = match (date(&params.from, "from"), date(&params.to, "to")) {
        (Ok(from), Ok(to)) => (from, to),
        (Err(response), _) | (_, Err(response)) => return response,
    };
    let query = NetworkQuery {
        date_from,
        date_to,
        limit: params.limit(100),
        deduplicated: params.dedup.unwrap_or(true),
    };
    read(server, move |store| store.network(&query)).await
}

/// The answer of `POST /api/documents`.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct IngestReport {
    pub stored: u64,
    pub duplicate: u64,
    pub failed: u64,
    pub errors: Vec<String>,
    pub ids: Vec<String>,
}

/// The lagebild version and the versions of the dictionaries and models of `pipeline`.
pub fn versions(pipeline: &lagebild_pipeline::Pipeline) -> Versions {
    Versions {
        lagebild: env!("CARGO_PKG_VERSION").to_string(),
        dictionaries: pipeline.versions(),
    }
}

/// What the store keeps of one analysis: the document, its `lagebild/1` object and the
/// versions that produced it.
pub fn stored(analysis: lagebild_pipeline::Analysis, versions: &Versions) -> StoredAnalysis {
    let output = lagebild_pipeline::wire::to_json(&analysis);
    StoredAnalysis {
        doc: analysis.doc,
        output,
        versions: versions.clone(),
    }
}

fn authorised(server: &Server, headers: &HeaderMap) -> bool {
    let Some(token) = &server.token else {
        return false;
    };
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.strip_prefix("Bearer "))
        .unwrap_or("");
    // Compare without an early exit so the time taken does not reveal the prefix.
    given.len() == token.len()
        && given
            .bytes()
            .zip(token.bytes())
            .fold(0u8, |acc, (a, b)| acc | (a ^ b))
            == 0
}

async fn ingest(State(server): Shared, headers: HeaderMap, body: Bytes) -> Response {
    if server.read_only || server.writer.is_none() {
        return error(StatusCode::FORBIDDEN, "the server is read-only");
    }
    if !authorised(&server, &headers) {
        return (
            StatusCode::UNAUTHORIZED,
            [(header::WWW_AUTHENTICATE, "Bearer")],
            Json(json!({"error": "a bearer token is required"})),
        )
            .into_response();
    }
    let json_body = headers
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| value.starts_with("application/json"));
    let result = tokio::task::spawn_blocking(move || -> Result<IngestReport, String> {
        // A single JSON object may span lines; JSONL is one object per line.
        let bytes: Vec<u8> = match serde_json::from_slice::<Value>(&body) {
            Ok(value @ Value::Object(_)) if json_body => {
                serde_json::to_vec(&value).map_err(|e| e.to_string())?
            }
            _ => body.to_vec(),
        };
        let items = lagebild_ingest::read_bytes("request", &bytes, &ReadOptions::default());
        let mut report = IngestReport::default();
        let mut batch = Vec::new();
        let versions = versions(&server.pipeline);
        for item in items {
            match item {
                Ok(doc) => {
                    batch.push(stored(server.pipeline.analyze(doc), &versions));
                }
                Err(failure) => {
                    report.failed += 1;
                    report.errors.push(failure.to_string());
                }
            }
        }
        let Some(writer) = &server.writer else {
            return Err("the server is read-only".into());
        };
        let mut store = writer
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let summary = store
            .ingest(&batch)
            .map_err(|failure| failure.to_string())?;
        report.stored = summary.stored;
        report.duplicate = summary.duplicate;
        report.ids = summary
            .outcomes
            .into_iter()
            .map(|outcome| outcome.id)
            .collect();
        Ok(report)
    })
    .await;
    match result {
        Ok(Ok(report)) => {
            let status = if report.failed > 0 && report.stored + report.duplicate == 0 {
                StatusCode::UNPROCESSABLE_ENTITY
            } else {
                StatusCode::OK
            };
            (status, Json(report)).into_response()
        }
        Ok(Err(message)) => error(StatusCode::INTERNAL_SERVER_ERROR, message),
        Err(_) => error(StatusCode::INTERNAL_SERVER_ERROR, "ingest aborted"),
    }
}
