//! The `lagebild/1` JSON object of CONTRACT.md: one per document, character offsets.

use lagebild_doc::{CharOffsets, Span};
use serde_json::{Map, Value, json};

use crate::Analysis;

pub const SCHEMA: &str = "lagebild/1";

/// Renders an analysis as the contract's output object.
pub fn to_json(analysis: &Analysis) -> Value {
    let doc = &analysis.doc;
    let text = doc.text.as_str();
    let offsets = CharOffsets::new(text);
    let span = |span: Span| -> Map<String, Value> {
        let (start, end) = offsets.span(span);
        let mut map = Map::new();
        map.insert("start".into(), json!(start));
        map.insert("end".into(), json!(end));
        map.insert("text".into(), json!(span.slice(text)));
        map
    };
    let with = |mut map: Map<String, Value>, fields: Value| -> Value {
        if let Value::Object(fields) = fields {
            map.extend(fields);
        }
        Value::Object(map)
    };

    let sentences: Vec<Value> = analysis
        .tokens
        .sentences
        .iter()
        .map(|sentence| {
            let (start, end) = offsets.span(sentence.span);
            json!({"start": start, "end": end})
        })
        .collect();
    let actors: Vec<Value> = analysis
        .actors
        .iter()
        .map(|actor| {
            let mut fields = json!({
                "name": actor.name, "code": actor.code, "country": actor.country,
                "type": actor.kind, "rule": actor.rule,
            });
            if let Some(wikidata) = &actor.wikidata {
                fields["wikidata"] = json!(wikidata);
            }
            if let Some(antecedent) = actor.antecedent {
                fields["antecedent"] = Value::Object(span(antecedent));
            }
            with(span(actor.span), fields)
        })
        .collect();
    let places: Vec<Value> = analysis
        .places
        .iter()
        .map(|place| {
            let mut fields = json!({
                "name": place.name, "country": place.country, "lat": place.lat, "lon": place.lon,
            });
            if let Some(geonames) = place.geonames {
                fields["geonames"] = json!(geonames);
            }
            with(span(place.span), fields)
        })
        .collect();
    let times: Vec<Value> = analysis
        .times
        .iter()
        .map(|time| {
            with(
                span(time.span),
                json!({"type": time.kind, "value": time.value}),
            )
        })
        .collect();
    let quotes: Vec<Value> = analysis
        .quotes
        .iter()
        .map(|quote| {
            let speaker = quote.speaker.as_ref().map(|speaker| {
                with(
                    span(speaker.span),
                    json!({"name": speaker.name, "code": speaker.code}),
                )
            });
            let cue = quote.cue.map(|cue| Value::Object(span(cue)));
            with(
                span(quote.span),
                json!({"kind": quote.kind, "speaker": speaker, "cue": cue}),
            )
        })
        .collect();
    let events: Vec<Value> = analysis
        .events
        .iter()
        .map(|event| {
            let participant = |participant: &lagebild_events::Participant| {
                with(
                    span(participant.span),
                    json!({"name": participant.name, "code": participant.code, "country": participant.country}),
                )
            };
            let place = event
                .place
                .and_then(|index| places.get(index as usize))
                .cloned()
                .unwrap_or(Value::Null);
            let mut map = Map::new();
            map.insert("sentence".into(), json!(event.sentence));
            map.extend(span(event.trigger));
            let fields = json!({
                "source": participant(&event.source),
                "target": event.target.as_ref().map(participant),
                "cameo": event.cameo,
                "plover": event.plover,
                "plover_mode": event.plover_mode,
                "goldstein": event.goldstein,
                "quad_class": event.quad_class,
                "modality": event.modality,
                "attributed_to": event.attributed_to,
                "date": event.date,
                "place": place,
                "cluster": event.cluster,
                "rule": event.rule,
            });
            with(map, fields)
        })
        .collect();
    let diagnostics: Vec<Value> = analysis
        .diagnostics
        .iter()
        .map(|diagnostic| {
            let mut value = json!({
                "severity": diagnostic.severity, "stage": diagnostic.stage, "message": diagnostic.message,
            });
            if let Some(at) = diagnostic.span {
                value["span"] = Value::Object(span(at));
            }
            value
        })
        .collect();

    let mut object = json!({
        "schema": SCHEMA,
        "id": doc.id,
        "title": doc.title,
        "lang": doc.lang.code(),
        "lang_confidence": doc.lang_confidence,
        "published": doc.published.map(|date| date.to_string()),
        "url": doc.url,
        "source": doc.source,
        "text": doc.text,
        "sentences": sentences,
        "actors": actors,
        "events": events,
        "quotes": quotes,
        "times": times,
        "places": places,
        "diagnostics": diagnostics,
    });
    if let Some(byline) = &doc.byline {
        object["byline"] = with(
            span(byline.span),
            json!({"author": byline.author, "agency": byline.agency}),
        );
    }
    if !doc.meta.is_empty() {
        object["meta"] = Value::Object(doc.meta.clone());
    }
    object
}
