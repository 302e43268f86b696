//! Data-driven tests: `check` runs the embedded gazetteer on one text and compares
//! `(surface text, country)` pairs in order.

use lagebild_doc::{Document, Lang, TextAnalysis};
use proptest::prelude::*;

use super::*;

fn run(lang: Lang, text: &str) -> Vec<PlaceMention> {
    let doc = Document {
        text: text.to_string(),
        lang,
        ..Document::default()
    };
    let places = Gazetteer::embedded().annotate(&doc, &TextAnalysis::default());
    let mut last_end = 0;
    for place in &places {
        assert!(
            place.span.start >= last_end && place.span.start < place.span.end,
            "{place:?} in {text:?}"
        );
        assert!(
            text.get(place.span.range()).is_some(),
            "{place:?} not on char boundaries"
        );
        assert!((-90.0..=90.0).contains(&place.lat) && (-180.0..=180.0).contains(&place.lon));
        last_end = place.span.end;
    }
    places
}

fn check(lang: Lang, text: &str, expected: &[(&str, &str)]) {
    let places = run(lang, text);
    let got: Vec<(&str, &str)> = places
        .iter()
        .map(|place| {
            (
                place.span.slice(text),
                place.country.as_deref().unwrap_or("---"),
            )
        })
        .collect();
    assert_eq!(got, expected, "in {text:?}");
}

#[test]
fn embedded_data_loads() {
    let gazetteer = Gazetteer::try_embedded().expect("embedded gazetteer loads");
    assert!(gazetteer.len() > 30_000);
    let moscow = gazetteer.lookup("Moskau");
    assert!(
        moscow
            .iter()
            .any(|place| place.country.as_deref() == Some("RUS") && place.geonames.is_some())
    );
}

#[test]
fn german_locations_after_prepositions() {
    check(
        Lang::De,
        "Rutte sagte am Mittwoch in Brüssel, Moskau verstoße gegen Sanktionen.",
        &[("Brüssel", "BEL")],
    );
    check(
        Lang::De,
        "Scholz warnte zu Wochenbeginn in Kiew vor einem Diktatfrieden.",
        &[("Kiew", "UKR")],
    );
    check(
        Lang::De,
        "Hubschrauber wurden im Ostseeraum beschossen.",
        &[("Ostseeraum", "---")],
    );
    check(
        Lang::De,
        "Er hatte Trump kürzlich in Florida getroffen.",
        &[("Florida", "USA")],
    );
    check(
        Lang::De,
        "Die Gefahren des Krieges in der Ukraine wachsen.",
        &[("Ukraine", "UKR")],
    );
    check(
        Lang::De,
        "Sie reiste nach München und Wien.",
        &[("München", "DEU"), ("Wien", "AUT")],
    );
    check(
        Lang::De,
        "Kämpfe in der ostukrainischen Stadt Charkiw dauern an.",
        &[("Charkiw", "UKR")],
    );
    check(
        Lang::De,
        "Die Soldaten kommen aus Nordkorea.",
        &[("Nordkorea", "PRK")],
    );
    check(
        Lang::De,
        "Schiffe kreuzen an der Ostsee.",
        &[("Ostsee", "---")],
    );
}

#[test]
fn german_actors_are_no_places() {
    check(Lang::De, "Moskau verstoße damit gegen UN-Sanktionen.", &[]);
    check(
        Lang::De,
        "Russland unterstützt Nordkorea bei seinen Programmen.",
        &[],
    );
    check(Lang::De, "Rutte warnte vor Russland.", &[]);
    check(Lang::De, "Der Westen liefert Waffen an die Ukraine.", &[]);
    check(Lang::De, "Der US-Präsident sprach.", &[]);
    check(
        Lang::De,
        "Nach dem Ende des Krieges ist sie in der Lage, in der Halle zu spielen.",
        &[],
    );
    check(
        Lang::De,
        "Sie wohnt in Halle und arbeitet in Essen.",
        &[("Halle", "DEU"), ("Essen", "DEU")],
    );
}

#[test]
fn german_inflection_and_datelines() {
    check(
        Lang::De,
        "Die Nachricht kam aus Brüssels Regierungsviertel.",
        &[("Brüssels", "BEL")],
    );
    check(
        Lang::De,
        "BERLIN (dpa) - Text.\nBerlin (dpa) - Der Kanzler sprach.",
        &[("Berlin", "DEU")],
    );
}

#[test]
fn english_locations() {
    check(
        Lang::En,
        "Rutte spoke in Brussels on Wednesday.",
        &[("Brussels", "BEL")],
    );
    check(
        Lang::En,
        "Troops from North Korea arrived near Kursk.",
        &[("North Korea", "PRK"), ("Kursk", "RUS")],
    );
    check(Lang::En, "Moscow denied the report.", &[]);
    check(
        Lang::En,
        "The envoy flew to Washington and Moscow.",
        &[("Washington", "USA"), ("Moscow", "RUS")],
    );
    check(
        Lang::En,
        "Fighting continued in the Gaza Strip and the West Bank.",
        &[("Gaza Strip", "PSE"), ("West Bank", "PSE")],
    );
}

#[test]
fn ambiguous_names_follow_the_document() {
    // Moscow, Idaho is a city of 25,000; Russia wins on population alone.
    check(Lang::En, "He was born in Moscow.", &[("Moscow", "RUS")]);
    // Georgia: the country, unless the text is about the United States.
    check(
        Lang::En,
        "Protests spread in Georgia.",
        &[("Georgia", "GEO")],
    );
    check(
        Lang::En,
        "The United States voted; in Georgia the count was close.",
        &[("Georgia", "USA")],
    );
}

#[test]
fn seed_gold_when_shared_data_is_present() {
    let dir = eval::shared_dir().join("corpus/seed");
    if !dir.exists() {
        eprintln!("skipping seed_gold_when_shared_data_is_present: ../shared not found");
        return;
    }
    let report = eval::evaluate_seed(&Gazetteer::embedded(), &dir, &|_| TextAnalysis::default())
        .expect("seed loads");
    assert!(report.gold > 0 && report.right_country <= report.found && report.found <= report.gold);
}

proptest! {
    #[test]
    fn no_panic_on_arbitrary_text(text in "\\PC{0,200}", de in any::<bool>()) {
        run(if de { Lang::De } else { Lang::En }, &text);
        run(Lang::Other, &text);
    }

    #[test]
    fn no_panic_on_place_like_text(text in "(in |der |Brüssel|Brüssels|s|Moskau|-|\\(|\\n|, |und |Ostsee|ü){0,14}") {
        run(Lang::De, &text);
    }
}
