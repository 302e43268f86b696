//! Data-driven tests: `check` runs [`annotate`] on one sentence with a fixed
//! publication date and compares `text => value` pairs.

use chrono::NaiveDate;
use lagebild_doc::{Document, Lang, TextAnalysis};
use proptest::prelude::*;

use super::*;

/// Wednesday, 4 December 2024.
fn published() -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(2024, 12, 4)
}

fn run(lang: Lang, text: &str, published: Option<NaiveDate>) -> Vec<TimeExpression> {
    let doc = Document {
        text: text.to_string(),
        lang,
        ..Document::default()
    };
    let times = annotate(&doc, &TextAnalysis::default(), published);
    // Span invariants: in bounds, on char boundaries, sorted, disjoint.
    let mut last_end = 0;
    for time in &times {
        assert!(
            time.span.start >= last_end && time.span.start < time.span.end,
            "{time:?} in {text:?}"
        );
        assert!(
            text.get(time.span.range()).is_some(),
            "{time:?} not on char boundaries"
        );
        last_end = time.span.end;
    }
    times
}

/// `expected`: (expression text, kind, value) in order.
fn check(lang: Lang, text: &str, expected: &[(&str, TimexKind, &str)]) {
    let times = run(lang, text, published());
    let got: Vec<(&str, TimexKind, &str)> = times
        .iter()
        .map(|time| {
            (
                time.span.slice(text),
                time.kind,
                time.value.as_deref().unwrap_or("None"),
            )
        })
        .collect();
    assert_eq!(got, expected, "in {text:?}");
}

use TimexKind::{Date, Duration, Set, Time};

#[test]
fn german_weekdays_follow_the_tense() {
    check(
        Lang::De,
        "Das sagte Rutte am Mittwoch in Brüssel.",
        &[("am Mittwoch", Date, "2024-12-04")],
    );
    check(
        Lang::De,
        "Scholz reiste am Montag nach Kiew.",
        &[("am Montag", Date, "2024-12-02")],
    );
    check(
        Lang::De,
        "Die Minister trafen sich am Freitag.",
        &[("am Freitag", Date, "2024-11-29")],
    );
    check(
        Lang::De,
        "Die Minister werden sich am Freitag treffen.",
        &[("am Freitag", Date, "2024-12-06")],
    );
    check(
        Lang::De,
        "Am Montag will die Regierung entscheiden.",
        &[("Am Montag", Date, "2024-12-09")],
    );
    check(
        Lang::De,
        "Der Gipfel ist am kommenden Mittwoch.",
        &[("am kommenden Mittwoch", Date, "2024-12-11")],
    );
    check(
        Lang::De,
        "Er war vergangenen Mittwoch dort.",
        &[("vergangenen Mittwoch", Date, "2024-11-27")],
    );
}

#[test]
fn german_dates_months_years() {
    check(
        Lang::De,
        "Trump tritt sein Amt am 20. Januar an.",
        &[("am 20. Januar", Date, "2025-01-20")],
    );
    check(
        Lang::De,
        "Die Wahl fand am 5. November 2024 statt.",
        &[("am 5. November 2024", Date, "2024-11-05")],
    );
    check(
        Lang::De,
        "Der Vertrag gilt seit dem 01.03.2022 nicht mehr.",
        &[("01.03.2022", Date, "2022-03-01")],
    );
    check(
        Lang::De,
        "Im Oktober hatte sie gewarnt.",
        &[("Im Oktober", Date, "2024-10")],
    );
    check(
        Lang::De,
        "Anfang Januar soll es losgehen.",
        &[("Anfang Januar", Date, "2025-01")],
    );
    check(
        Lang::De,
        "Im Jahr 2014 annektierte Russland die Krim.",
        &[("Im Jahr 2014", Date, "2014")],
    );
    check(Lang::De, "August Bebel gründete die Partei.", &[]);
}

#[test]
fn german_relative_expressions() {
    check(
        Lang::De,
        "Gestern gab es Streit, heute nicht.",
        &[
            ("Gestern", Date, "2024-12-03"),
            ("heute", Date, "2024-12-04"),
        ],
    );
    check(
        Lang::De,
        "Er reist morgen ab.",
        &[("morgen", Date, "2024-12-05")],
    );
    check(
        Lang::De,
        "Das war vor zwei Wochen.",
        &[("vor zwei Wochen", Date, "2024-W47")],
    );
    check(
        Lang::De,
        "Die Klage kam vor zweieinhalb Jahren.",
        &[("vor zweieinhalb Jahren", Date, "2022-06")],
    );
    check(
        Lang::De,
        "Wahlen gibt es in anderthalb Jahren.",
        &[("in anderthalb Jahren", Date, "2026-06")],
    );
    check(
        Lang::De,
        "Vor drei Tagen begann es.",
        &[("Vor drei Tagen", Date, "2024-12-01")],
    );
    check(
        Lang::De,
        "Nächste Woche wird abgestimmt.",
        &[("Nächste Woche", Date, "2024-W50")],
    );
    check(
        Lang::De,
        "In der vergangenen Woche gab es Gespräche.",
        &[("In der vergangenen Woche", Date, "2024-W48")],
    );
    check(
        Lang::De,
        "Scholz warnte erst zu Wochenbeginn.",
        &[("zu Wochenbeginn", Date, "2024-12-02")],
    );
    check(
        Lang::De,
        "Die Zahlung kommt Ende des Monats.",
        &[("Ende des Monats", Date, "2024-12")],
    );
    check(
        Lang::De,
        "Im vergangenen Jahr stieg die Zahl.",
        &[("Im vergangenen Jahr", Date, "2023")],
    );
    check(
        Lang::De,
        "Das Treffen beginnt um 15 Uhr.",
        &[("um 15 Uhr", Time, "2024-12-04T15:00")],
    );
}

#[test]
fn german_durations_fuzzy_and_sets() {
    check(
        Lang::De,
        "Er will den Krieg innerhalb von 24 Stunden beenden.",
        &[("innerhalb von 24 Stunden", Duration, "PT24H")],
    );
    check(
        Lang::De,
        "Seit drei Jahren tobt der Krieg.",
        &[("Seit drei Jahren", Duration, "P3Y")],
    );
    check(
        Lang::De,
        "Die Nato hatte bereits vor Wochen gewarnt.",
        &[("vor Wochen", Date, "PAST_REF")],
    );
    check(
        Lang::De,
        "Er hatte ihn kürzlich getroffen und will ihn bald wiedersehen.",
        &[("kürzlich", Date, "PAST_REF"), ("bald", Date, "FUTURE_REF")],
    );
    check(
        Lang::De,
        "Derzeit gibt es keine Gespräche.",
        &[("Derzeit", Date, "PRESENT_REF")],
    );
    check(
        Lang::De,
        "Der Rat tagt jeden Montag.",
        &[("jeden Montag", Set, "XXXX-WXX-1")],
    );
    check(
        Lang::De,
        "Die Züge fahren täglich.",
        &[("täglich", Set, "P1D")],
    );
}

#[test]
fn english_expressions() {
    check(
        Lang::En,
        "Rutte said on Wednesday that Russia helps.",
        &[("on Wednesday", Date, "2024-12-04")],
    );
    check(
        Lang::En,
        "They met last Tuesday.",
        &[("last Tuesday", Date, "2024-12-03")],
    );
    check(
        Lang::En,
        "The summit will be held next month.",
        &[("next month", Date, "2025-01")],
    );
    check(
        Lang::En,
        "He left two weeks ago.",
        &[("two weeks ago", Date, "2024-W47")],
    );
    check(
        Lang::En,
        "Trump takes office on January 20, 2025.",
        &[("on January 20, 2025", Date, "2025-01-20")],
    );
    check(
        Lang::En,
        "Trump takes office on 20 January.",
        &[("on 20 January", Date, "2025-01-20")],
    );
    check(
        Lang::En,
        "Yesterday the talks failed; tomorrow they resume.",
        &[
            ("Yesterday", Date, "2024-12-03"),
            ("tomorrow", Date, "2024-12-05"),
        ],
    );
    check(
        Lang::En,
        "The ceasefire held for two weeks.",
        &[("for two weeks", Duration, "P2W")],
    );
    check(
        Lang::En,
        "He promised to end it within 24 hours.",
        &[("within 24 hours", Duration, "PT24H")],
    );
    check(
        Lang::En,
        "He recently met Trump and will soon meet him again.",
        &[("recently", Date, "PAST_REF"), ("soon", Date, "FUTURE_REF")],
    );
    check(
        Lang::En,
        "The council meets every Monday.",
        &[("every Monday", Set, "XXXX-WXX-1")],
    );
    check(
        Lang::En,
        "You may go in May 2023.",
        &[("in May 2023", Date, "2023-05")],
    );
}

#[test]
fn terms_of_office_refer_to_the_nearest_office_holder() {
    check(
        Lang::De,
        "Merkel regierte lange. In ihrer zweiten Amtszeit kam die Eurokrise.",
        &[("In ihrer zweiten Amtszeit", Date, "2009-10-28/2013-12-17")],
    );
    check(
        Lang::En,
        "Obama met voters. In his second term he pushed reforms.",
        &[("In his second term", Date, "2013-01-20/2017-01-20")],
    );
    check(
        Lang::De,
        "Der Minister hatte in seiner ersten Amtszeit Erfolg.",
        &[("in seiner ersten Amtszeit", Date, "None")],
    );
}

#[test]
fn without_publication_date_relative_values_are_none() {
    let text = "Gestern sagte er am Mittwoch, es gelte seit 2022 und innerhalb von 24 Stunden.";
    let times = run(Lang::De, text, None);
    let values: Vec<Option<&str>> = times.iter().map(|time| time.value.as_deref()).collect();
    assert_eq!(values, [None, None, Some("2022"), Some("PT24H")]);
}

#[test]
fn governing_time_prefers_the_clause_then_the_sentence() {
    let text = "Rutte sagte am Mittwoch in Brüssel, Russland helfe. Gestern kam es zum Streit.";
    let doc = Document {
        text: text.to_string(),
        lang: Lang::De,
        ..Document::default()
    };
    let second = text.find("Gestern").unwrap_or(0);
    let analysis = TextAnalysis {
        sentences: vec![
            lagebild_doc::Sentence {
                span: Span::from_range(0..second - 1),
                token_start: 0,
                token_end: 0,
            },
            lagebild_doc::Sentence {
                span: Span::from_range(second..text.len()),
                token_start: 0,
                token_end: 0,
            },
        ],
        tokens: Vec::new(),
    };
    let times = annotate(&doc, &analysis, published());
    let helfe = text.find("Russland helfe").unwrap_or(0);
    let clause = Span::from_range(helfe..helfe + 14);
    let governing = governing_time(&times, &analysis, clause).map(|time| time.value.clone());
    assert_eq!(governing, Some(Some("2024-12-04".to_string())));
    let second_sentence =
        governing_time_for_sentence(&times, &analysis, 1).and_then(|time| time.value.clone());
    assert_eq!(second_sentence.as_deref(), Some("2024-12-03"));
}

#[test]
fn seed_gold_when_shared_data_is_present() {
    let dir = eval::shared_dir().join("corpus/seed");
    if !dir.exists() {
        eprintln!("skipping seed_gold_when_shared_data_is_present: ../shared not found");
        return;
    }
    let report = eval::evaluate_seed(&dir, &|_| TextAnalysis::default()).expect("seed loads");
    assert!(report.gold > 0);
    assert!(report.found <= report.gold && report.right_value <= report.found);
}

proptest! {
    #[test]
    fn no_panic_on_arbitrary_text(text in "\\PC{0,200}", de in any::<bool>()) {
        let lang = if de { Lang::De } else { Lang::En };
        run(lang, &text, published());
        run(Lang::Other, &text, None);
    }

    #[test]
    fn no_panic_on_date_like_text(text in "(am |vor |in |seit |the |on |[0-9]{1,4}|\\. |Januar |May |Mittwoch |Wochen |jeden |ago |, ){0,12}") {
        run(Lang::De, &text, published());
        run(Lang::En, &text, NaiveDate::from_ymd_opt(9999, 12, 31));
        run(Lang::De, &text, NaiveDate::from_ymd_opt(-200, 1, 1));
    }
}
