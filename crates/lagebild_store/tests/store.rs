//! Behaviour of the store through its public API, on invented texts.
#![allow(clippy::unwrap_used)]

mod common;

use common::*;
use lagebild_store::minhash::Signature;
use lagebild_store::*;

fn store_with(items: &[StoredAnalysis]) -> Store {
    let mut store = Store::open_in_memory().expect("in-memory store");
    store.ingest(items).expect("ingest");
    store
}

fn ids(rows: &[EventRow]) -> Vec<String> {
    let mut ids: Vec<String> = rows.iter().map(|row| row.document_id.clone()).collect();
    ids.sort();
    ids.dedup();
    ids
}

/// Runs an event query and checks the documents it returns.
fn check(store: &Store, query: EventQuery, expected: &[&str]) {
    let rows = store.events(&query).expect("query");
    assert_eq!(ids(&rows), expected, "query {query:?}");
    assert_eq!(
        store.count_events(&query).expect("count"),
        rows.len() as u64,
        "count of {query:?}"
    );
}

const WAR: &str = "Nato wirft Russland Hilfe für das Atomprogramm Nordkoreas vor, sagte Mark Rutte in Brüssel am Mittwoch.";
const TALKS: &str = "Deutschland und Russland verhandeln in Genf über einen Gefangenenaustausch, teilte das Außenamt mit.";
const AID: &str = "Russland liefert Nordkorea Treibstoff und Getreide, berichten Diplomaten in Seoul übereinstimmend.";

fn three() -> Vec<StoredAnalysis> {
    let mut hypothetical = ev(GERMANY, RUSSIA, "036");
    hypothetical.modality = &["hypothetical", "reported"];
    hypothetical.date = Some("2024-11-20");
    vec![
        analysis(
            "war",
            "Nato-Vorwurf",
            WAR,
            Some("2024-12-04"),
            &[ev(NATO, RUSSIA, "112"), ev(RUTTE, NORTH_KOREA, "042")],
        ),
        analysis(
            "talks",
            "Genfer Gespräche",
            TALKS,
            Some("2024-12-02"),
            &[hypothetical, ev(RUSSIA, GERMANY, "046")],
        ),
        analysis(
            "aid",
            "Lieferungen",
            AID,
            Some("2024-12-09"),
            &[ev(RUSSIA, NORTH_KOREA, "070")],
        ),
    ]
}

#[test]
fn the_same_article_twice_is_stored_once() {
    let items = three();
    let mut store = Store::open_in_memory().unwrap();
    let first = store.ingest(&items).unwrap();
    assert_eq!(
        (first.stored, first.duplicate, first.new_versions),
        (3, 0, 0)
    );
    assert!(store.is_stored(&items[0].doc).unwrap());
    let mut edited = items[0].doc.clone();
    edited.text.push('!');
    assert!(!store.is_stored(&edited).unwrap());
    let second = store.ingest(&items).unwrap();
    assert_eq!(
        (second.stored, second.duplicate, second.new_versions),
        (0, 3, 0)
    );
    assert!(
        second
            .outcomes
            .iter()
            .all(|outcome| outcome.status == IngestStatus::Duplicate)
    );
    let stats = store.stats().unwrap();
    assert_eq!(
        (stats.documents, stats.document_versions, stats.events),
        (3, 3, 5)
    );
    assert_eq!(stats.by_lang.get("de"), Some(&3));
    assert_eq!(stats.quotes, 3);
    assert_eq!(stats.actors, 6);
    assert_eq!(stats.schema_version, SCHEMA_VERSION);
    let json = serde_json::to_value(&stats).unwrap();
    assert_eq!(json["documents"], 3);
    assert_eq!(json["events"], 5);
}

#[test]
fn an_edited_article_is_a_new_version_and_queries_use_the_latest() {
    let mut store = store_with(&three());
    let mut edited = analysis(
        "war",
        "Nato-Vorwurf",
        &format!("{WAR} Moskau wies das zurück."),
        Some("2024-12-04"),
        &[ev(RUSSIA, NATO, "111")],
    );
    edited
        .doc
        .meta
        .insert("edition".into(), serde_json::json!(2));
    let summary = store.ingest(&[edited.clone()]).unwrap();
    assert_eq!(
        (summary.stored, summary.new_versions, summary.duplicate),
        (1, 1, 0)
    );
    assert_eq!(summary.outcomes[0].version, 2);
    // Re-ingesting either version changes nothing.
    let again = store.ingest(&[edited, three().remove(0)]).unwrap();
    assert_eq!((again.stored, again.duplicate), (0, 2));

    let stats = store.stats().unwrap();
    assert_eq!(
        (stats.documents, stats.document_versions, stats.events),
        (3, 4, 4)
    );
    check(
        &store,
        EventQuery {
            document: Some("war".into()),
            ..EventQuery::default()
        },
        &["war"],
    );
    let rows = store
        .events(&EventQuery {
            document: Some("war".into()),
            ..EventQuery::default()
        })
        .unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(
        (rows[0].cameo.as_deref(), rows[0].document_version),
        (Some("111"), 2)
    );

    let latest = store.document_record("war", None).unwrap().unwrap();
    assert_eq!((latest.version, latest.versions_stored), (2, 2));
    assert_eq!(latest.doc.meta["edition"], 2);
    assert!(latest.output["text"].as_str().unwrap().ends_with("zurück."));
    let old = store.document_record("war", Some(1)).unwrap().unwrap();
    assert_eq!(old.doc.text, WAR);
    assert_eq!(old.produced_by.dictionaries["de/verbs.txt"], "v1");
    assert_eq!(
        store.document("war").unwrap().unwrap()["events"][0]["cameo"],
        "111"
    );
    assert!(store.document("nope").unwrap().is_none());
}

#[test]
fn event_filters() {
    let store = store_with(&three());
    let q = EventQuery::default;
    check(&store, q(), &["aid", "talks", "war"]);
    // Actor by code, by name (any case), as source or target, and a code prefix.
    check(
        &store,
        EventQuery {
            actor: Some("PRK".into()),
            ..q()
        },
        &["aid", "war"],
    );
    check(
        &store,
        EventQuery {
            actor: Some("mark rutte".into()),
            ..q()
        },
        &["war"],
    );
    check(
        &store,
        EventQuery {
            actor: Some("DEU".into()),
            actor_role: ActorRole::Source,
            ..q()
        },
        &["talks"],
    );
    check(
        &store,
        EventQuery {
            actor: Some("PRK".into()),
            actor_role: ActorRole::Source,
            ..q()
        },
        &[],
    );
    check(
        &store,
        EventQuery {
            actor: Some("IGO*".into()),
            ..q()
        },
        &["war"],
    );
    check(
        &store,
        EventQuery {
            country: Some("prk".into()),
            ..q()
        },
        &["aid", "war"],
    );
    // Dyads: undirected finds both directions, directed only one.
    let dyad = Some(("DEU".to_string(), "RUS".to_string()));
    assert_eq!(
        store
            .events(&EventQuery {
                dyad: dyad.clone(),
                ..q()
            })
            .unwrap()
            .len(),
        2
    );
    assert_eq!(
        store
            .events(&EventQuery {
                dyad: dyad.clone(),
                dyad_directed: true,
                ..q()
            })
            .unwrap()
            .len(),
        1
    );
    // CAMEO root and code, leading zeros kept.
    assert_eq!(
        store
            .events(&EventQuery {
                cameo: Some("04".into()),
                ..q()
            })
            .unwrap()
            .len(),
        2
    );
    let exact = store
        .events(&EventQuery {
            cameo: Some("042".into()),
            ..q()
        })
        .unwrap();
    assert_eq!(exact.len(), 1);
    assert_eq!(
        (exact[0].cameo.as_deref(), exact[0].cameo_root.as_deref()),
        (Some("042"), Some("04"))
    );
    check(
        &store,
        EventQuery {
            plover: Some("aid".into()),
            ..q()
        },
        &["aid"],
    );
    check(
        &store,
        EventQuery {
            modality: Some("hypothetical".into()),
            ..q()
        },
        &["talks"],
    );
    check(
        &store,
        EventQuery {
            modality: Some("reported".into()),
            ..q()
        },
        &["talks"],
    );
    check(
        &store,
        EventQuery {
            modality: Some("report".into()),
            ..q()
        },
        &[],
    );
    check(
        &store,
        EventQuery {
            quad_class: Some(2),
            ..q()
        },
        &["aid"],
    );
    // Dates: the event's own date when it has one, else the publication date.
    let day = |value: &str| chrono::NaiveDate::parse_from_str(value, "%Y-%m-%d").ok();
    check(
        &store,
        EventQuery {
            date_from: day("2024-12-03"),
            date_to: day("2024-12-05"),
            ..q()
        },
        &["war"],
    );
    check(
        &store,
        EventQuery {
            date_to: day("2024-11-30"),
            ..q()
        },
        &["talks"],
    );
    // Full text, diacritics folded; words and prefixes.
    check(
        &store,
        EventQuery {
            text: Some("brussel".into()),
            ..q()
        },
        &["war"],
    );
    check(
        &store,
        EventQuery {
            text: Some("Getreide Seoul".into()),
            ..q()
        },
        &["aid"],
    );
    check(
        &store,
        EventQuery {
            text: Some("Gefangenen*".into()),
            ..q()
        },
        &["talks"],
    );
    check(
        &store,
        EventQuery {
            text: Some("Getreide Genf".into()),
            ..q()
        },
        &[],
    );
}

#[test]
fn hostile_filter_values_are_parameters_not_sql() {
    let store = store_with(&three());
    for value in [
        "' OR 1=1 --",
        "\" OR \"\"=\"",
        "%",
        "_",
        "RUS'; DROP TABLE events; --",
        "NEAR(a b)",
        "\"",
        "*",
        "AND OR NOT",
        "-",
        "( ) : ^",
        "col:value",
    ] {
        let query = EventQuery {
            actor: Some(value.into()),
            ..EventQuery::default()
        };
        // A lone `*` is the code-prefix wildcard (any coded actor); nothing else may match.
        if value != "*" {
            assert!(store.events(&query).unwrap().is_empty(), "actor {value:?}");
        }
        let query = EventQuery {
            text: Some(value.into()),
            ..EventQuery::default()
        };
        store
            .events(&query)
            .unwrap_or_else(|error| panic!("text {value:?}: {error}"));
        let query = EventQuery {
            cameo: Some(value.into()),
            ..EventQuery::default()
        };
        assert!(store.events(&query).unwrap().is_empty(), "cameo {value:?}");
    }
    assert_eq!(store.stats().unwrap().events, 5);
}

#[test]
fn pagination_and_sorting() {
    let store = store_with(&three());
    let by = |sort: EventSort| -> Vec<Option<f64>> {
        store
            .events(&EventQuery {
                sort,
                ..EventQuery::default()
            })
            .unwrap()
            .iter()
            .map(|row| row.goldstein)
            .collect()
    };
    let ascending = by(EventSort::GoldsteinAsc);
    assert!(
        ascending.windows(2).all(|pair| pair[0] <= pair[1]),
        "{ascending:?}"
    );
    let descending = by(EventSort::GoldsteinDesc);
    assert!(
        descending.windows(2).all(|pair| pair[0] >= pair[1]),
        "{descending:?}"
    );
    let dates: Vec<Option<String>> = store
        .events(&EventQuery::default())
        .unwrap()
        .into_iter()
        .map(|row| row.event_date)
        .collect();
    assert!(dates.windows(2).all(|pair| pair[0] >= pair[1]), "{dates:?}");

    let all = store
        .events(&EventQuery {
            sort: EventSort::Stored,
            ..EventQuery::default()
        })
        .unwrap();
    let mut paged = Vec::new();
    for page in 0..3 {
        let query = EventQuery {
            sort: EventSort::Stored,
            limit: Some(2),
            offset: page * 2,
            ..EventQuery::default()
        };
        paged.extend(store.events(&query).unwrap());
    }
    assert_eq!(paged, all);
    assert_eq!(
        store
            .count_events(&EventQuery {
                limit: Some(1),
                ..EventQuery::default()
            })
            .unwrap(),
        5
    );
}

/// One wire story in three outlets (edited a little each time), and an unrelated story.
fn wire_story() -> Vec<StoredAnalysis> {
    let body = "Die Regierung in Wilna hat am Dienstag neue Sanktionen gegen die Nachbarrepublik \
        angekündigt. Ministerpräsidentin Laura Kessler sagte vor dem Parlament, man werde den \
        Grenzverkehr für Lastwagen bis auf Weiteres stark einschränken und die Einfuhr von \
        Düngemitteln untersagen. Die Opposition kritisierte die Maßnahme als überhastet und \
        verlangte eine Abstimmung noch in dieser Woche. Beobachter rechnen mit Gegenmaßnahmen \
        aus der Hauptstadt des Nachbarlandes, wo die Führung bereits vergangene Woche mit \
        Vergeltung gedroht hatte.";
    let outlet_b = body
        .replace("am Dienstag", "am Dienstagabend")
        .replace(" noch in dieser Woche", "");
    let outlet_c = format!("{body} Die Börse in Wilna reagierte mit leichten Kursverlusten.");
    let other = "Im Hafen von Kiel ist am Montag ein neues Forschungsschiff getauft worden. Es soll \
        von kommendem Frühjahr an die Strömungen der Ostsee vermessen und Daten über den \
        Sauerstoffgehalt des Wassers sammeln, teilte das Institut mit.";
    let sanction = |date| {
        let mut event = ev(RUSSIA, NATO, "163");
        event.date = date;
        event
    };
    vec![
        analysis(
            "outlet-a",
            "Neue Sanktionen",
            body,
            Some("2024-12-03"),
            &[sanction(Some("2024-12-03"))],
        ),
        analysis(
            "outlet-b",
            "Wilna verhängt Sanktionen",
            &outlet_b,
            Some("2024-12-03"),
            &[sanction(Some("2024-12-03"))],
        ),
        analysis(
            "outlet-c",
            "Sanktionen angekündigt",
            &outlet_c,
            Some("2024-12-04"),
            &[sanction(Some("2024-12-03")), ev(GERMANY, RUSSIA, "010")],
        ),
        analysis(
            "ship",
            "Schiffstaufe",
            other,
            Some("2024-12-02"),
            &[ev(GERMANY, RUSSIA, "010")],
        ),
    ]
}

#[test]
fn near_duplicate_articles_share_a_story_and_events_are_deduplicated() {
    let mut store = Store::open_in_memory().unwrap();
    let summary = store.ingest(&wire_story()).unwrap();
    assert_eq!(summary.joined_story, 2);
    let story = |id: &str| {
        summary
            .outcomes
            .iter()
            .find(|outcome| outcome.id == id)
            .unwrap()
            .story
    };
    assert_eq!(story("outlet-a"), story("outlet-b"));
    assert_eq!(story("outlet-a"), story("outlet-c"));
    assert_ne!(story("outlet-a"), story("ship"));

    let stats = store.stats().unwrap();
    assert_eq!(
        (
            stats.documents,
            stats.stories,
            stats.events,
            stats.events_deduplicated
        ),
        (4, 2, 5, 3)
    );
    assert!(stats.deduplication.contains("story"));

    let deduplicated = store
        .events(&EventQuery {
            cameo: Some("163".into()),
            deduplicated: true,
            ..EventQuery::default()
        })
        .unwrap();
    assert_eq!(deduplicated.len(), 1);
    assert!(deduplicated[0].canonical);
    assert_eq!(deduplicated[0].mentions, 3);
    assert_eq!(deduplicated[0].document_id, "outlet-a");
    let mentions = store
        .events(&EventQuery {
            cameo: Some("163".into()),
            ..EventQuery::default()
        })
        .unwrap();
    assert_eq!(mentions.iter().filter(|row| row.canonical).count(), 1);
    assert!(
        mentions
            .iter()
            .all(|row| row.dedup_key == deduplicated[0].dedup_key
                && row.story_id == story("outlet-a"))
    );
    // The same dyad and code in an unrelated story stays a separate event.
    assert_eq!(
        store
            .events(&EventQuery {
                cameo: Some("010".into()),
                deduplicated: true,
                ..EventQuery::default()
            })
            .unwrap()
            .len(),
        2
    );

    let listing = store
        .documents(&DocumentQuery {
            story: story("outlet-a"),
            ..DocumentQuery::default()
        })
        .unwrap();
    assert_eq!(listing.len(), 3);
    assert!(listing.iter().all(|row| row.story_size == 3));

    // A new version of the canonical article hands the canonical flag on.
    let mut edited = wire_story().remove(0);
    edited.doc.text.push_str(" Aktualisiert.");
    edited.output["events"] = serde_json::json!([]);
    store.ingest(&[edited]).unwrap();
    let after = store
        .events(&EventQuery {
            cameo: Some("163".into()),
            deduplicated: true,
            ..EventQuery::default()
        })
        .unwrap();
    assert_eq!(after.len(), 1);
    assert_eq!(
        (after[0].document_id.as_str(), after[0].mentions),
        ("outlet-b", 2)
    );
}

#[test]
fn a_stricter_threshold_keeps_edited_copies_apart() {
    let mut store = Store::open_in_memory().unwrap().with_options(StoreOptions {
        story_threshold: 0.99,
        ..StoreOptions::default()
    });
    let summary = store.ingest(&wire_story()).unwrap();
    assert_eq!(summary.joined_story, 0);
    assert_eq!(store.stats().unwrap().stories, 4);
}

#[test]
fn time_series_and_network() {
    let store = store_with(&three());
    let all = store
        .time_series(&SeriesQuery {
            actor: Some("RUS".into()),
            ..SeriesQuery::default()
        })
        .unwrap();
    // Every day from the first to the last event, quiet days as zeros.
    assert_eq!(all.len(), 20);
    assert_eq!(
        (all[0].period.as_str(), all[19].period.as_str()),
        ("2024-11-20", "2024-12-09")
    );
    let busy: Vec<&SeriesPoint> = all.iter().filter(|point| point.events > 0).collect();
    let periods: Vec<&str> = busy.iter().map(|point| point.period.as_str()).collect();
    assert_eq!(
        periods,
        ["2024-11-20", "2024-12-02", "2024-12-04", "2024-12-09"]
    );
    let total: u64 = all.iter().map(|point| point.events).sum();
    assert_eq!(total, 4);
    let aid = busy[3];
    assert_eq!((aid.events, aid.quad_classes), (1, [0, 1, 0, 0]));
    assert!((aid.goldstein_sum - 7.0).abs() < 1e-9 && (aid.goldstein_mean - 7.0).abs() < 1e-9);

    let weekly = store
        .time_series(&SeriesQuery {
            interval: Interval::Week,
            ..SeriesQuery::default()
        })
        .unwrap();
    let weeks: Vec<(&str, u64)> = weekly
        .iter()
        .map(|point| (point.period.as_str(), point.events))
        .collect();
    // 2024-11-20 is in the week of Monday 18 November; 2, 4 December in the week of the 2nd; the 9th is a Monday.
    assert_eq!(
        weeks,
        [
            ("2024-11-18", 1),
            ("2024-11-25", 0),
            ("2024-12-02", 3),
            ("2024-12-09", 1)
        ]
    );
    let mixed = &weekly[2];
    // Bounds given: the series spans them exactly, aligned to Mondays.
    let bounded = store
        .time_series(&SeriesQuery {
            interval: Interval::Week,
            date_from: chrono::NaiveDate::from_ymd_opt(2024, 12, 4),
            date_to: chrono::NaiveDate::from_ymd_opt(2024, 12, 31),
            ..SeriesQuery::default()
        })
        .unwrap();
    let labels: Vec<&str> = bounded.iter().map(|point| point.period.as_str()).collect();
    assert_eq!(
        labels,
        [
            "2024-12-02",
            "2024-12-09",
            "2024-12-16",
            "2024-12-23",
            "2024-12-30"
        ]
    );
    assert_eq!(bounded[0].events, 2, "only events from the 4th on");
    assert_eq!(mixed.quad_classes, [2, 0, 1, 0]);
    assert!((mixed.goldstein_sum - 0.0).abs() < 1e-9);

    let dyad = store
        .time_series(&SeriesQuery {
            dyad: Some(("RUS".into(), "DEU".into())),
            dyad_directed: true,
            ..SeriesQuery::default()
        })
        .unwrap();
    assert_eq!(dyad.len(), 1);

    let network = store.network(&NetworkQuery::default()).unwrap();
    assert_eq!(network.edges.len(), 5);
    let edge = network
        .edges
        .iter()
        .find(|edge| edge.source == "RUS" && edge.target == "PRK")
        .unwrap();
    assert_eq!((edge.events, edge.cooperation, edge.conflict), (1, 1, 0));
    let nato = network
        .edges
        .iter()
        .find(|edge| edge.source == "IGOWSTNAT" && edge.target == "RUS")
        .unwrap();
    assert_eq!((nato.cooperation, nato.conflict), (0, 1));
    let russia = network.nodes.iter().find(|node| node.id == "RUS").unwrap();
    assert_eq!((russia.events, russia.name.as_deref()), (4, Some("Russia")));
    assert_eq!(network.nodes[0].id, "RUS");
    assert_eq!(
        store
            .network(&NetworkQuery {
                limit: 2,
                ..NetworkQuery::default()
            })
            .unwrap()
            .edges
            .len(),
        2
    );
}

#[test]
fn actors_documents_and_quotes() {
    let store = store_with(&three());
    let actors = store.actors(&ActorQuery::default()).unwrap();
    assert_eq!(actors.len(), 2);
    let nato = actors
        .iter()
        .find(|actor| actor.code.as_deref() == Some("IGOWSTNAT"))
        .unwrap();
    assert_eq!(
        (
            nato.mentions,
            nato.documents,
            nato.events_as_source,
            nato.events_as_target
        ),
        (3, 3, 2, 0)
    );
    assert_eq!(
        store
            .actors(&ActorQuery {
                search: Some("rutte".into()),
                ..ActorQuery::default()
            })
            .unwrap()
            .len(),
        1
    );

    let documents = store.documents(&DocumentQuery::default()).unwrap();
    let order: Vec<&str> = documents.iter().map(|row| row.id.as_str()).collect();
    assert_eq!(order, ["aid", "war", "talks"]);
    assert_eq!(documents[1].events, 2);
    let found = store
        .documents(&DocumentQuery {
            text: Some("Atomprogramm".into()),
            ..DocumentQuery::default()
        })
        .unwrap();
    assert_eq!(found.len(), 1);
    let page = DocumentQuery {
        limit: Some(2),
        offset: 1,
        ..DocumentQuery::default()
    };
    let second_page: Vec<String> = store
        .documents(&page)
        .unwrap()
        .into_iter()
        .map(|row| row.id)
        .collect();
    assert_eq!(second_page, ["war", "talks"]);
    assert_eq!(store.count_documents(&page).unwrap(), 3);

    let quotes = store
        .quotes(&QuoteQuery {
            speaker: Some("Rutte".into()),
            ..QuoteQuery::default()
        })
        .unwrap();
    assert_eq!(quotes.len(), 3);
    assert_eq!(quotes[0].speaker_code.as_deref(), Some("IGOWSTNATLEG"));
    assert_eq!(
        store
            .quotes(&QuoteQuery {
                speaker: Some("IGOWSTNATLEG".into()),
                ..QuoteQuery::default()
            })
            .unwrap()
            .len(),
        3
    );
    assert!(
        store
            .quotes(&QuoteQuery {
                speaker: Some("Putin".into()),
                ..QuoteQuery::default()
            })
            .unwrap()
            .is_empty()
    );
}

#[test]
fn export_keeps_codes_as_text() {
    let store = store_with(&three());
    let query = EventQuery {
        sort: EventSort::Stored,
        ..EventQuery::default()
    };

    let mut csv_bytes = Vec::new();
    assert_eq!(
        store
            .export(ExportFormat::Csv, &query, &mut csv_bytes)
            .unwrap(),
        5
    );
    let mut reader = csv::Reader::from_reader(csv_bytes.as_slice());
    let headers = reader.headers().unwrap().clone();
    assert_eq!(headers.iter().collect::<Vec<_>>(), EXPORT_COLUMNS);
    let cameo = headers.iter().position(|name| name == "cameo").unwrap();
    let codes: Vec<String> = reader
        .records()
        .map(|record| record.unwrap()[cameo].to_string())
        .collect();
    assert_eq!(codes, ["112", "042", "036", "046", "070"]);
    assert!(String::from_utf8(csv_bytes).unwrap().contains(",042,"));

    let mut jsonl = Vec::new();
    store
        .export(ExportFormat::Jsonl, &query, &mut jsonl)
        .unwrap();
    let lines: Vec<serde_json::Value> = String::from_utf8(jsonl)
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(lines.len(), 5);
    let second = &lines[1];
    assert_eq!(second["cameo"], "042");
    assert_eq!(second["event_type"], "CONSULT");
    assert_eq!(second["source_actor"], "Mark Rutte");
    assert_eq!(second["source"]["code"], "IGOWSTNAT");
    assert_eq!(second["place"]["name"], "Brussels");
    assert_eq!(second["document_id"], "war");
    assert_eq!(second["modality"], serde_json::json!(["asserted"]));
    assert!(second["event_id"].as_str().unwrap().ends_with("-1"));
    assert_eq!(second["rule"], "de/verbs.txt:12");
    assert!(second["story_id"].is_i64());

    assert_eq!("CSV".parse::<ExportFormat>().unwrap(), ExportFormat::Csv);
    assert!("xlsx".parse::<ExportFormat>().is_err());
}

#[cfg(feature = "parquet")]
#[test]
fn parquet_export_reads_back() {
    use parquet::file::reader::{FileReader, SerializedFileReader};
    use parquet::record::RowAccessor;
    let store = store_with(&three());
    let query = EventQuery {
        sort: EventSort::Stored,
        ..EventQuery::default()
    };
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("events.parquet");
    let file = std::fs::File::create(&path).unwrap();
    assert_eq!(
        store.export(ExportFormat::Parquet, &query, file).unwrap(),
        5
    );

    let reader = SerializedFileReader::new(std::fs::File::open(&path).unwrap()).unwrap();
    assert_eq!(reader.metadata().file_metadata().num_rows(), 5);
    let schema = reader.metadata().file_metadata().schema_descr();
    let column = |name: &str| {
        (0..schema.num_columns())
            .find(|&index| schema.column(index).name() == name)
            .unwrap()
    };
    let (cameo, goldstein, target) = (column("cameo"), column("goldstein"), column("target_code"));
    let rows: Vec<parquet::record::Row> = reader
        .get_row_iter(None)
        .unwrap()
        .map(|row| row.unwrap())
        .collect();
    let codes: Vec<String> = rows
        .iter()
        .map(|row| row.get_string(cameo).unwrap().clone())
        .collect();
    assert_eq!(codes, ["112", "042", "036", "046", "070"]);
    assert_eq!(rows[0].get_double(goldstein).unwrap(), -2.0);
    assert_eq!(rows[0].get_string(target).unwrap(), "RUS");
    // Missing values are nulls, not empty strings or zeros.
    let attributed = column("attributed_name");
    let value = rows[0]
        .get_column_iter()
        .nth(attributed)
        .map(|(_, value)| value.clone());
    assert_eq!(value, Some(parquet::record::Field::Null));
    assert!(rows[2].get_bool(column("canonical")).unwrap());
}

#[cfg(not(feature = "parquet"))]
#[test]
fn parquet_export_without_the_feature_says_so() {
    let store = store_with(&three());
    let error = store
        .export(
            ExportFormat::Parquet,
            &EventQuery::default(),
            std::io::sink(),
        )
        .unwrap_err();
    assert!(
        matches!(error, StoreError::FeatureMissing { .. }),
        "{error}"
    );
}

#[test]
fn reprocess_replaces_analyses() {
    let mut store = store_with(&wire_story());
    let mut cursor = store.reprocess_cursor();
    cursor.batch_size = 3;
    let mut seen = Vec::new();
    loop {
        let batch = cursor.next_batch(&store).unwrap();
        if batch.is_empty() {
            break;
        }
        // "Re-analyse" with new dictionaries: every event becomes CAMEO 173.
        let analysed: Vec<StoredAnalysis> = batch
            .iter()
            .map(|item| {
                seen.push(item.doc.id.clone());
                assert_eq!(item.produced_by.dictionaries["de/verbs.txt"], "v1");
                let mut fresh = analysis(
                    &item.doc.id,
                    item.doc.title.as_deref().unwrap(),
                    &item.doc.text,
                    None,
                    &[ev(RUSSIA, NATO, "173")],
                );
                fresh.doc = item.doc.clone();
                fresh
                    .versions
                    .dictionaries
                    .insert("de/verbs.txt".into(), "v2".into());
                fresh
            })
            .collect();
        let summary = store.replace_analysis(&analysed).unwrap();
        assert_eq!(
            (summary.replaced, summary.missing),
            (analysed.len() as u64, 0)
        );
    }
    assert_eq!(seen, ["outlet-a", "outlet-b", "outlet-c", "ship"]);
    let stats = store.stats().unwrap();
    // The new events carry no date of their own, so the publication date counts: outlets a
    // and b (3 December) share one event, outlet c (4 December) and the ship story do not.
    assert_eq!(
        (
            stats.documents,
            stats.document_versions,
            stats.events,
            stats.events_deduplicated
        ),
        (4, 4, 4, 3)
    );
    assert_eq!(stats.by_plover.get("ASSAULT"), Some(&4));
    assert_eq!(stats.by_lagebild_version.get("0.1.0-test"), Some(&4));
    assert_eq!(
        store
            .document_record("ship", None)
            .unwrap()
            .unwrap()
            .produced_by
            .dictionaries["de/verbs.txt"],
        "v2"
    );
    // Documents come back whole, including what is not a column.
    let again: Vec<ReprocessItem> = store
        .documents_for_reprocess()
        .collect::<Result<_>>()
        .unwrap();
    assert_eq!(again.len(), 4);
    let original = wire_story().remove(1).doc;
    assert_eq!(again[1].doc, original);
    // A document that is not stored is reported, not invented.
    let stranger = analysis("stranger", "x", "Fremder Text", None, &[]);
    assert_eq!(store.replace_analysis(&[stranger]).unwrap().missing, 1);
}

#[test]
fn file_store_persists_in_wal_mode_and_migrates_nothing_twice() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nested").join("lagebild.db");
    {
        let mut store = Store::open(&path).unwrap();
        store.ingest(&three()).unwrap();
        assert_eq!(store.path(), path);
    }
    let store = Store::open(&path).unwrap();
    assert_eq!(store.stats().unwrap().documents, 3);
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    let reader = Store::open_read_only(&path).unwrap();
    assert_eq!(reader.stats().unwrap().events, 5);
    let connection = rusqlite_mode(&path);
    assert_eq!(connection, "wal");
}

fn rusqlite_mode(path: &std::path::Path) -> String {
    // The header of a WAL database says so (file format bytes 18 and 19 are 2).
    let bytes = std::fs::read(path).unwrap();
    if bytes[18] == 2 && bytes[19] == 2 {
        "wal".into()
    } else {
        "rollback".into()
    }
}

#[test]
fn errors_name_the_database_path() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("not-a-db.db");
    std::fs::write(
        &path,
        b"this is not a database, just text that is long enough to have a header .....",
    )
    .unwrap();
    let error = Store::open(&path).unwrap_err().to_string();
    assert!(error.contains("not-a-db.db"), "{error}");
    let missing = Store::open_read_only(dir.path().join("missing.db"))
        .unwrap_err()
        .to_string();
    assert!(missing.contains("missing.db"), "{missing}");
}

#[test]
fn lenient_about_malformed_output_objects() {
    let mut item = analysis(
        "odd",
        "Seltsam",
        "Ein Text ohne viel Inhalt.",
        Some("2024-12-01"),
        &[],
    );
    item.output = serde_json::json!({
        "events": [
            {"cameo": 42, "goldstein": "viel", "source": "Russland", "modality": "reported", "date": "2024-W49"},
            {},
            17,
        ],
        "actors": "keine",
        "quotes": [{"speaker": null}],
    });
    let mut store = Store::open_in_memory().unwrap();
    assert_eq!(store.ingest(&[item]).unwrap().stored, 1);
    let rows = store
        .events(&EventQuery {
            sort: EventSort::Stored,
            ..EventQuery::default()
        })
        .unwrap();
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[0].cameo.as_deref(), Some("42"));
    assert_eq!(rows[0].goldstein, None);
    assert_eq!(rows[0].modality, ["reported"]);
    assert_eq!(rows[0].event_date.as_deref(), Some("2024-12-01"));
    assert_eq!(store.stats().unwrap().quotes, 1);
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]
        #[test]
        fn ingest_and_query_never_fail_on_arbitrary_text(text in "\\PC{0,200}", title in "\\PC{0,20}", words in "\\PC{0,30}") {
            let mut store = Store::open_in_memory().unwrap();
            let item = analysis("x", &title, &text, Some("2024-12-04"), &[ev(RUSSIA, NATO, "112")]);
            let summary = store.ingest(&[item.clone(), item]).unwrap();
            prop_assert_eq!((summary.stored, summary.duplicate), (1, 1));
            store.events(&EventQuery { text: Some(words.clone()), actor: Some(words.clone()), ..EventQuery::default() }).unwrap();
            store.documents(&DocumentQuery { text: Some(words.clone()), ..DocumentQuery::default() }).unwrap();
            store.quotes(&QuoteQuery { speaker: Some(words), ..QuoteQuery::default() }).unwrap();
            prop_assert_eq!(store.stats().unwrap().documents, 1);
        }
    }
}

#[test]
fn short_texts_with_shared_boilerplate_stay_apart() {
    // Long enough that the shared notice alone gives a shingle similarity above 0.5.
    let notice = "Der volle Wortlaut dieser Agenturmeldung ist aus lizenzrechtlichen Gründen nicht mehr \
        abrufbar, bitte wenden Sie sich für Rückfragen an die Redaktion oder an den Kundendienst.";
    let first = format!("Brand in Lagerhalle. {notice}");
    let second = format!("Grundsteuer bleibt umstritten. {notice}");
    let jaccard = lagebild_store::minhash::Signature::of(&first)
        .unwrap()
        .similarity(&lagebild_store::minhash::Signature::of(&second).unwrap());
    assert!(
        jaccard > 0.5,
        "the test needs a similar pair, got {jaccard}"
    );
    let items = [
        analysis("short-1", "a", &first, None, &[]),
        analysis("short-2", "b", &second, None, &[]),
        analysis("short-1-copy", "c", &first, None, &[]),
    ];
    let mut store = Store::open_in_memory().unwrap();
    let summary = store.ingest(&items).unwrap();
    let stories: Vec<Option<i64>> = summary
        .outcomes
        .iter()
        .map(|outcome| outcome.story)
        .collect();
    assert_ne!(stories[0], stories[1], "boilerplate alone makes no story");
    assert_eq!(
        stories[0], stories[2],
        "a verbatim copy of a short text does"
    );
}

#[test]
fn synthetic_corpus_clusters_only_its_near_duplicates() {
    // Every fifth document is an outlet's copy of the one before it, nothing else repeats.
    let corpus = corpus(60);
    let store = store_with(&corpus);
    let stats = store.stats().unwrap();
    assert_eq!((stats.documents, stats.stories), (60, 48));
    for pair in corpus.chunks(5) {
        let story = |id: &str| store.document_record(id, None).unwrap().unwrap().story_id;
        assert_eq!(story(&pair[3].doc.id), story(&pair[4].doc.id));
        assert_ne!(story(&pair[2].doc.id), story(&pair[3].doc.id));
    }
    // Each copy repeats both events of its original: 12 copies, 24 mentions folded away.
    assert_eq!(stats.events - stats.events_deduplicated, 24);
}

#[test]
fn a_reader_sees_what_a_writer_commits() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shared.db");
    let mut writer = Store::open(&path).unwrap();
    let items = three();
    writer.ingest(&items[..1]).unwrap();
    let reader = Store::open_read_only(&path).unwrap();
    assert_eq!(reader.stats().unwrap().documents, 1);
    writer.ingest(&items[1..]).unwrap();
    assert_eq!(reader.stats().unwrap().documents, 3);
    let mut reader = reader;
    let fresh = analysis("fresh", "Neu", "Ein ganz neuer Text.", None, &[]);
    let error = reader.ingest(&[fresh]).unwrap_err().to_string();
    assert!(error.contains("shared.db"), "{error}");
    assert_eq!(writer.stats().unwrap().documents, 3);
}

#[test]
fn export_follows_the_query() {
    let store = store_with(&wire_story());
    let export = |query: &EventQuery| {
        let mut bytes = Vec::new();
        let written = store.export(ExportFormat::Csv, query, &mut bytes).unwrap();
        let rows = csv::Reader::from_reader(bytes.as_slice()).records().count() as u64;
        assert_eq!(written, rows);
        rows
    };
    assert_eq!(export(&EventQuery::default()), 5);
    assert_eq!(
        export(&EventQuery {
            deduplicated: true,
            ..EventQuery::default()
        }),
        3
    );
    assert_eq!(
        export(&EventQuery {
            cameo: Some("16".into()),
            ..EventQuery::default()
        }),
        3
    );
    assert_eq!(
        export(&EventQuery {
            limit: Some(2),
            ..EventQuery::default()
        }),
        2
    );
    assert_eq!(
        export(&EventQuery {
            actor: Some("PRK".into()),
            ..EventQuery::default()
        }),
        0
    );
}

#[test]
fn a_bridging_article_merges_two_stories() {
    // A and B share a third of their text, C contains both: C is close to each of them.
    let (x, y, z) = (prose(101, 60), prose(202, 60), prose(303, 60));
    let a = format!("{x} {y}");
    let b = format!("{y} {z}");
    let c = format!("{x} {y} {z}");
    let ab = |s: &Signature, t: &str| s.similarity(&Signature::of(t).unwrap());
    let signature_a = Signature::of(&a).unwrap();
    assert!(
        ab(&signature_a, &b) < 0.5 && ab(&signature_a, &c) >= 0.5,
        "the texts need to bridge"
    );
    let event = |cameo| {
        let mut event = ev(RUSSIA, NATO, cameo);
        event.date = Some("2024-12-03");
        event
    };
    let mut store = Store::open_in_memory().unwrap();
    let first = store
        .ingest(&[
            analysis("a", "A", &a, None, &[event("112")]),
            analysis("b", "B", &b, None, &[event("112")]),
        ])
        .unwrap();
    assert_ne!(first.outcomes[0].story, first.outcomes[1].story);
    assert_eq!(store.stats().unwrap().events_deduplicated, 2);

    store
        .ingest(&[analysis("c", "C", &c, None, &[event("112")])])
        .unwrap();
    let stats = store.stats().unwrap();
    assert_eq!(
        (stats.stories, stats.events, stats.events_deduplicated),
        (1, 3, 1)
    );
    let rows = store
        .events(&EventQuery {
            deduplicated: true,
            ..EventQuery::default()
        })
        .unwrap();
    assert_eq!((rows[0].document_id.as_str(), rows[0].mentions), ("a", 3));
    assert_eq!(store.verify().unwrap(), Vec::<String>::new());
}
