//! The OpenAPI 3.0 description of the HTTP API, served at `/api/openapi.json`.

use serde_json::{Value, json};

fn parameter(name: &str, description: &str, kind: &str) -> Value {
    json!({"name": name, "in": "query", "required": false, "description": description, "schema": {"type": kind}})
}

fn event_filters() -> Vec<Value> {
    vec![
        parameter(
            "actor",
            "Actor code (RUSGOV), code prefix (RUS*) or name, as source or target",
            "string",
        ),
        parameter(
            "country",
            "ISO alpha-3 country of source or target",
            "string",
        ),
        parameter("dyad", "`SRC,TGT`: either direction", "string"),
        parameter(
            "source",
            "Source actor (directed dyad with `target`)",
            "string",
        ),
        parameter(
            "target",
            "Target actor (directed dyad with `source`)",
            "string",
        ),
        parameter("cameo", "CAMEO code or root, matched as a prefix", "string"),
        parameter("plover", "PLOVER event type", "string"),
        parameter(
            "modality",
            "asserted, reported, hypothetical, negated, future or past",
            "string",
        ),
        parameter("quad_class", "1 to 4", "integer"),
        parameter("from", "First date, YYYY-MM-DD", "string"),
        parameter("to", "Last date, YYYY-MM-DD", "string"),
        parameter("q", "Full-text search in title and text", "string"),
        parameter("document", "Document id", "string"),
        parameter("dedup", "One event per story (default true)", "boolean"),
        parameter(
            "sort",
            "date_desc, date_asc, goldstein_asc, goldstein_desc, stored",
            "string",
        ),
        parameter("limit", "1 to 1000", "integer"),
        parameter("offset", "Rows to skip", "integer"),
    ]
}

fn get(summary: &str, parameters: Vec<Value>) -> Value {
    json!({"get": {"summary": summary, "parameters": parameters,
        "responses": {"200": {"description": "OK", "content": {"application/json": {"schema": {"type": "object"}}}},
                      "400": {"description": "Bad parameter"}}}})
}

/// The OpenAPI document.
pub fn document() -> Value {
    let mut documents = get(
        "List documents (latest versions)",
        vec![
            parameter("q", "Full-text search", "string"),
            parameter("lang", "de or en", "string"),
            parameter("limit", "1 to 1000", "integer"),
            parameter("offset", "Rows to skip", "integer"),
        ],
    );
    documents["post"] = json!({
        "summary": "Analyse and store articles: JSONL (one object per line, CONTRACT.md input fields), one JSON object, HTML, a feed or plain text",
        "security": [{"bearer": []}],
        "requestBody": {"required": true, "content": {
            "application/x-ndjson": {"schema": {"type": "string"}},
            "application/json": {"schema": {"type": "object", "required": ["text"]}},
            "text/plain": {"schema": {"type": "string"}}}},
        "responses": {"200": {"description": "Stored, duplicate and failed counts"},
                      "401": {"description": "Missing or wrong bearer token"},
                      "403": {"description": "Read-only server"},
                      "413": {"description": "Body too large"}}
    });
    let mut series_parameters = vec![
        parameter("actor", "Actor code, prefix or name", "string"),
        parameter("source", "Directed dyad: source", "string"),
        parameter("target", "Directed dyad: target", "string"),
        parameter("interval", "day or week (default)", "string"),
        parameter("from", "First date", "string"),
        parameter("to", "Last date", "string"),
    ];
    series_parameters.push(parameter(
        "dedup",
        "Deduplicated counts (default true)",
        "boolean",
    ));
    json!({
        "openapi": "3.0.3",
        "info": {"title": "lagebild", "version": env!("CARGO_PKG_VERSION"),
                 "description": "Explainable political event data from German and English news. Counts are deduplicated across story clusters unless dedup=false."},
        "components": {"securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}}},
        "paths": {
            "/api/health": get("Readiness: 200 when the store is open", vec![]),
            "/api/stats": get("Counts of the store", vec![]),
            "/api/documents": documents,
            "/api/documents/{id}": {"get": {"summary": "One document's lagebild/1 analysis",
                "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
                "responses": {"200": {"description": "OK"}, "404": {"description": "Unknown id"}}}},
            "/api/events": get("Events with filters, pagination and sorting", event_filters()),
            "/api/actors": get("Actors with mention and event counts", vec![
                parameter("q", "Part of a name or a code prefix", "string"),
                parameter("country", "ISO alpha-3", "string"),
                parameter("limit", "1 to 1000", "integer"), parameter("offset", "Rows to skip", "integer")]),
            "/api/quotes": get("Quotations, by speaker", vec![
                parameter("speaker", "Speaker code or part of a name", "string"),
                parameter("kind", "direct, indirect or partial", "string"),
                parameter("q", "Part of the quoted text", "string"),
                parameter("limit", "1 to 1000", "integer"), parameter("offset", "Rows to skip", "integer")]),
            "/api/timeseries": get("Per day or week: counts, Goldstein sum and mean, QuadClass mix", series_parameters),
            "/api/network": get("Actors as nodes, cooperation and conflict edges", vec![
                parameter("from", "First date", "string"), parameter("to", "Last date", "string"),
                parameter("limit", "Most edges", "integer"), parameter("dedup", "Deduplicated (default true)", "boolean")]),
        }
    })
}
