//! Data-driven tests of matching, composition, dates and resolution (own example texts).

use chrono::NaiveDate;
use lagebild_actors::{ActorKb, ActorKind, ActorMention};
use lagebild_doc::{Document, Lang, Span, TextAnalysis};

fn date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()
}

/// Spans sorted, non-overlapping, in bounds, on char boundaries; antecedents in bounds.
fn check_invariants(text: &str, mentions: &[ActorMention]) {
    let mut previous_end = 0u32;
    for mention in mentions {
        assert!(
            mention.span.start >= previous_end,
            "overlap or unsorted at {:?}",
            mention.span
        );
        assert!(!mention.span.is_empty());
        assert!((mention.span.end as usize) <= text.len());
        assert!(
            text.is_char_boundary(mention.span.start as usize)
                && text.is_char_boundary(mention.span.end as usize)
        );
        if let Some(antecedent) = mention.antecedent {
            assert!((antecedent.end as usize) <= text.len());
        }
        previous_end = mention.span.end;
    }
}

fn annotate(text: &str, on: &str, lang: Lang) -> Vec<ActorMention> {
    let doc = Document {
        text: text.to_string(),
        lang,
        ..Document::default()
    };
    // Both the whitespace fallback and the real segmenter must give the same mentions.
    let plain = ActorKb::embedded().annotate(&doc, &TextAnalysis::default(), date(on));
    let analysis =
        lagebild_text::segment(&doc.text, Span::new(0, doc.text.len() as u32), lang, None);
    let segmented = ActorKb::embedded().annotate(&doc, &analysis, date(on));
    check_invariants(text, &plain);
    check_invariants(text, &segmented);
    // The real segmenter is authoritative; the fallback must find the same persons.
    let persons = |mentions: &[ActorMention]| {
        mentions
            .iter()
            .filter(|m| m.kind == ActorKind::Person)
            .map(|m| m.name.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        persons(&plain),
        persons(&segmented),
        "segmenter changes the persons of {text:?}"
    );
    segmented
}

/// One row: the text, the date, and the expected (surface, code, kind) mentions that must
/// be present (others may be found as well).
fn check(text: &str, on: &str, expected: &[(&str, &str, ActorKind)]) {
    let lang = if text.contains(" the ") || text.starts_with("The ") {
        Lang::En
    } else {
        Lang::De
    };
    let mentions = annotate(text, on, lang);
    for (surface, code, kind) in expected {
        let found = mentions.iter().find(|m| m.span.slice(text) == *surface);
        let Some(found) = found else {
            panic!(
                "{surface:?} not found in {text:?}; got {:?}",
                mentions
                    .iter()
                    .map(|m| m.span.slice(text))
                    .collect::<Vec<_>>()
            );
        };
        assert_eq!(
            (found.code.as_str(), found.kind),
            (*code, *kind),
            "{surface:?} in {text:?} ({})",
            found.rule
        );
    }
}

fn absent(text: &str, on: &str, surface: &str) {
    let mentions = annotate(text, on, Lang::De);
    assert!(
        !mentions.iter().any(|m| m.span.slice(text) == surface),
        "{surface:?} should not be a mention in {text:?}"
    );
}

use ActorKind::{Group, Location, Organization, Person, State};

#[test]
fn states_inflections_and_metonyms() {
    check(
        "Die russischen Truppen und die Russen.",
        "2024-12-04",
        &[
            ("russischen Truppen", "RUSMIL", Group),
            ("Russen", "RUS", Group),
        ],
    );
    check(
        "Ein russisches Schiff, ein russischer Tanker.",
        "2024-12-04",
        &[("russisches", "RUS", State), ("russischer", "RUS", State)],
    );
    check(
        "Nordkoreas Atomprogramm beunruhigt Seoul.",
        "2024-12-04",
        &[("Nordkoreas", "PRK", State), ("Seoul", "KOR", State)],
    );
    check(
        "Moskau und der Kreml schweigen, Pjöngjang droht.",
        "2024-12-04",
        &[
            ("Moskau", "RUS", State),
            ("Kreml", "RUS", State),
            ("Pjöngjang", "PRK", State),
        ],
    );
    check(
        "Das Weiße Haus widersprach Peking.",
        "2024-12-04",
        &[("Weiße Haus", "USA", State), ("Peking", "CHN", State)],
    );
    check(
        "Kyjiw meldet Angriffe, Kiew ebenso.",
        "2024-12-04",
        &[("Kyjiw", "UKR", State), ("Kiew", "UKR", State)],
    );
    check(
        "Die Minister trafen sich in Berlin.",
        "2024-12-04",
        &[("Berlin", "DEU", Location)],
    );
}

#[test]
fn organisations() {
    check(
        "Die NATO, die Vereinten Nationen, der UN-Sicherheitsrat und die EU-Kommission.",
        "2024-12-04",
        &[
            ("NATO", "IGOWSTNAT", Organization),
            ("Vereinten Nationen", "IGOUNO", Organization),
            ("UN-Sicherheitsrat", "IGOUNO", Organization),
            ("EU-Kommission", "IGOEUREEC", Organization),
        ],
    );
    check(
        "Der IWF, die OSZE und die IAEA warnen.",
        "2024-12-04",
        &[
            ("IWF", "IGOBUSIMF", Organization),
            ("OSZE", "IGOEUROSC", Organization),
            ("IAEA", "IGOUNOIAE", Organization),
        ],
    );
    check(
        "Die Nato tagt. Die Allianz berät.",
        "2024-12-04",
        &[("Allianz", "IGOWSTNAT", Organization)],
    );
    // Without NATO earlier in the text, "Allianz" is not resolved (it may be an insurer).
    absent("Die Allianz meldet Gewinne.", "2024-12-04", "Allianz");
}

#[test]
fn role_compositions() {
    check(
        "US-Präsident Joe Biden sprach.",
        "2023-05-01",
        &[("Joe Biden", "USAGOV", Person)],
    );
    check(
        "Der russische Präsident lehnte ab.",
        "2024-12-04",
        &[("russische Präsident", "RUSGOV", Person)],
    );
    check(
        "Die Führung in Pjöngjang schweigt.",
        "2024-12-04",
        &[("Führung in Pjöngjang", "PRKGOV", Group)],
    );
    check(
        "Die Chefdiplomaten der 32 Nato-Länder berieten.",
        "2024-12-04",
        &[("Chefdiplomaten der 32 Nato-Länder", "IGOWSTNAT", Group)],
    );
    check(
        "Der Bundeskanzler und die Bundesaußenministerin reisten.",
        "2024-12-04",
        &[
            ("Bundeskanzler", "DEUGOV", Person),
            ("Bundesaußenministerin", "DEUGOV", Person),
        ],
    );
    check(
        "Die Bundeswehr übt, die Bundesregierung zahlt.",
        "2024-12-04",
        &[
            ("Bundeswehr", "DEUMIL", Organization),
            ("Bundesregierung", "DEUGOV", Organization),
        ],
    );
    check(
        "Die ukrainische Armee und die Regierung der Ukraine.",
        "2024-12-04",
        &[
            ("ukrainische Armee", "UKRMIL", Group),
            ("Regierung der Ukraine", "UKRGOV", Group),
        ],
    );
    check(
        "Die iranischen Demonstranten und die israelische Polizei.",
        "2024-12-04",
        &[
            ("iranischen Demonstranten", "IRNCVL", Group),
            ("israelische Polizei", "ISRCOP", Group),
        ],
    );
    check(
        "The Russian government and the U.S. military disagree.",
        "2024-12-04",
        &[
            ("Russian government", "RUSGOV", Group),
            ("U.S. military", "USAMIL", Group),
        ],
    );
    check(
        "Russia's foreign minister said the Kremlin agreed.",
        "2024-12-04",
        &[
            ("Russia's foreign minister", "RUSGOV", Person),
            ("Kremlin", "RUS", State),
        ],
    );
}

#[test]
fn persons_depend_on_the_date() {
    let text = "Mark Rutte sprach in Den Haag.";
    check(text, "2020-06-01", &[("Mark Rutte", "NLDGOV", Person)]);
    check(text, "2024-12-04", &[("Mark Rutte", "IGOWSTNAT", Person)]);
    let text = "Donald Trump sprach.";
    check(text, "2019-06-01", &[("Donald Trump", "USAGOV", Person)]);
    check(text, "2025-06-01", &[("Donald Trump", "USAGOV", Person)]);
    let between = annotate(text, "2022-06-01", Lang::De);
    assert!(
        between[0].code.starts_with("USA") && between[0].code != "USAGOV",
        "{}",
        between[0].code
    );
    check(
        "Olaf Scholz sprach.",
        "2019-06-01",
        &[("Olaf Scholz", "DEUGOV", Person)],
    );
    check(
        "Annalena Baerbock sprach.",
        "2024-12-04",
        &[("Annalena Baerbock", "DEUGOV", Person)],
    );
    check(
        "Wladimir Putin und Vladimir Putin sind einer.",
        "2024-12-04",
        &[
            ("Wladimir Putin", "RUSGOV", Person),
            ("Vladimir Putin", "RUSGOV", Person),
        ],
    );
}

#[test]
fn unknown_persons_after_roles() {
    check(
        "Der israelische Außenminister Silvan Shalom reiste ab.",
        "2004-05-01",
        &[("Silvan Shalom", "ISRGOV", Person)],
    );
    let text =
        "Der israelische Außenminister Silvan Shalom reiste ab. Shalom sagte, er sei zufrieden.";
    let mentions = annotate(text, "2004-05-01", Lang::De);
    let surname = mentions.iter().find(|m| m.span.slice(text) == "Shalom");
    assert_eq!(
        surname.map(|m| (m.code.as_str(), m.antecedent.map(|span| span.slice(text)))),
        Some(("ISRGOV", Some("Silvan Shalom")))
    );
}

#[test]
fn unknown_persons_from_name_cues() {
    check(
        "Das sei gut, sagte Gudrun Arlt am Montag.",
        "2024-01-01",
        &[("Gudrun Arlt", "---", Person)],
    );
    check(
        "Die Moderatorin Heike Beispielfrau (41) kam.",
        "2024-01-01",
        &[("Heike Beispielfrau", "---", Person)],
    );
    check(
        "Gestern traf Angelika Testmann die Presse.",
        "2024-01-01",
        &[("Angelika Testmann", "---", Person)],
    );
    absent(
        "Die Sitzung in Berlin dauerte lange.",
        "2024-01-01",
        "Sitzung",
    );
}

#[test]
fn in_document_resolution() {
    let text = "Nato-Generalsekretär Mark Rutte warnte Moskau. Nach Ruttes Worten sei die Lage ernst. \
                Der Niederländer traf Donald Trump. Der Republikaner schwieg. \"Wir sind bereit\", sagte er. \
                Bundeskanzler Olaf Scholz widersprach, der Kanzler blieb hart.";
    let mentions = annotate(text, "2024-12-04", Lang::De);
    let resolved = |surface: &str| {
        mentions
            .iter()
            .find(|m| m.span.slice(text) == surface)
            .map(|m| {
                (
                    m.name.as_str(),
                    m.antecedent.map(|span| span.slice(text).to_string()),
                )
            })
    };
    assert_eq!(
        resolved("Ruttes"),
        Some(("Mark Rutte", Some("Mark Rutte".to_string())))
    );
    assert_eq!(
        resolved("Niederländer"),
        Some(("Mark Rutte", Some("Mark Rutte".to_string())))
    );
    assert_eq!(
        resolved("Republikaner"),
        Some(("Donald Trump", Some("Donald Trump".to_string())))
    );
    assert_eq!(
        resolved("Kanzler"),
        Some(("Olaf Scholz", Some("Olaf Scholz".to_string())))
    );
    // "sagte er": the most recent male person is Trump.
    assert_eq!(
        resolved("er"),
        Some(("Donald Trump", Some("Donald Trump".to_string())))
    );
}

#[test]
fn pronouns_follow_gender() {
    let text =
        "Annalena Baerbock traf Sergej Lawrow. \"Das ist falsch\", sagte sie. \"Nein\", sagte er.";
    let mentions = annotate(text, "2023-01-01", Lang::De);
    let by = |surface: &str| {
        mentions
            .iter()
            .find(|m| m.span.slice(text) == surface)
            .map(|m| m.name.clone())
    };
    assert_eq!(by("sie").as_deref(), Some("Annalena Baerbock"));
    assert_eq!(by("er").as_deref(), Some("Sergej Lawrow"));
}

#[test]
fn surnames_after_fitting_roles() {
    check(
        "Bundeskanzler Scholz reiste ab.",
        "2023-03-01",
        &[("Scholz", "DEUGOV", Person)],
    );
    check(
        "Außenministerin Baerbock reiste ab.",
        "2023-03-01",
        &[("Baerbock", "DEUGOV", Person)],
    );
    // The role must fit: Scholz was no foreign minister.
    let mentions = annotate("Außenminister Scholz reiste ab.", "2023-03-01", Lang::De);
    assert!(mentions.iter().all(|m| m.name != "Olaf Scholz"));
}

#[test]
fn surnames_need_the_full_name_first() {
    // "Rutte" alone is not a global alias; it is resolved only after "Mark Rutte".
    absent("Rutte sprach.", "2024-12-04", "Rutte");
    check(
        "Mark Rutte kam. Rutte sprach.",
        "2024-12-04",
        &[("Rutte", "IGOWSTNAT", Person)],
    );
}

#[test]
fn load_errors_name_file_and_line() {
    let dir = std::env::temp_dir().join(format!("lagebild_actors_test_{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap_or_else(|error| panic!("{error}"));
    let path = dir.join("extra_persons.txt");
    std::fs::write(
        &path,
        "# test\nJane Doe | f USA | USAGOV 2020-01-01..2019-01-01\n",
    )
    .unwrap_or_else(|error| panic!("{error}"));
    let error = ActorKb::builder()
        .kb_file(&path)
        .build()
        .err()
        .map(|error| error.to_string())
        .unwrap_or_default();
    assert!(error.contains("extra_persons.txt:2:"), "{error}");
    let path = dir.join("good_persons.txt");
    std::fs::write(&path, "Jane Doe | f USA | USAGOV 2020-01-01..\n")
        .unwrap_or_else(|error| panic!("{error}"));
    let kb = ActorKb::builder()
        .kb_file(&path)
        .build()
        .unwrap_or_else(|error| panic!("{error}"));
    assert!(kb.version().ends_with("good_persons.txt"));
    let doc = Document {
        text: "Jane Doe sprach.".into(),
        ..Document::default()
    };
    let mentions = kb.annotate(&doc, &TextAnalysis::default(), date("2021-01-01"));
    assert_eq!(mentions.first().map(|m| m.code.as_str()), Some("USAGOV"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn counts_and_version() {
    let kb = ActorKb::embedded();
    let counts = kb.counts();
    assert!(counts.persons >= 300, "{counts:?}");
    assert!(counts.states >= 190, "{counts:?}");
    assert!(counts.organizations >= 20, "{counts:?}");
    assert!(!kb.version().is_empty());
    assert!(kb.warnings().is_empty(), "{:?}", kb.warnings());
}

proptest::proptest! {
    #[test]
    fn no_panic_on_arbitrary_text(text in "\\PC{0,200}", year in 1990i32..2030) {
        let doc = Document { text: text.clone(), ..Document::default() };
        let mentions = ActorKb::embedded().annotate(&doc, &TextAnalysis::default(), NaiveDate::from_ymd_opt(year, 6, 1));
        check_invariants(&text, &mentions);
    }

    #[test]
    fn no_panic_on_name_like_text(words in proptest::collection::vec("(Nato|Rutte|Mark|der|die|russische|Präsident|in|Moskau|-|Bundes|sagte|er|sie|\"|,|\\.|Kim|Jong|Un|Herr|Frau|Müller|32|der Kanzler)", 0..40)) {
        let text = words.join(" ");
        let doc = Document { text: text.clone(), ..Document::default() };
        let mentions = ActorKb::embedded().annotate(&doc, &TextAnalysis::default(), NaiveDate::from_ymd_opt(2024, 12, 4));
        check_invariants(&text, &mentions);
    }
}

#[test]
fn english_roles_names_and_pronouns() {
    let text = "U.S. Secretary of State Antony Blinken met German Foreign Minister Annalena Baerbock. \"We stand together,\" she said. Russian President Vladimir Putin was absent.";
    check(
        text,
        "2024-06-01",
        &[
            ("Antony Blinken", "USAGOV", Person),
            ("Annalena Baerbock", "DEUGOV", Person),
            ("Vladimir Putin", "RUSGOV", Person),
        ],
    );
    let mentions = annotate(text, "2024-06-01", Lang::En);
    let she = mentions
        .iter()
        .find(|m| m.span.slice(text) == "she")
        .map(|m| m.name.as_str());
    assert_eq!(she, Some("Annalena Baerbock"));
}

#[test]
fn datelines_and_member_compounds() {
    check(
        "Moskau – Die Regierung schweigt.",
        "2024-12-04",
        &[("Moskau", "RUS", Location)],
    );
    absent("Das Bundesland zahlt.", "2024-12-04", "Bundesland");
}

#[test]
fn unknown_persons_from_the_tagger() {
    // Names in no list of the knowledge base, without a role noun of roles.txt before them.
    check(
        "Die Ärztin Heidi Brunnhuber sagte, die Lage im Krankenhaus sei ernst.",
        "2024-03-01",
        &[("Heidi Brunnhuber", "---", Person)],
    );
    check(
        "Nach dem Spiel erklärte Torsten Quendler, die Mannschaft habe gekämpft.",
        "2024-03-01",
        &[("Torsten Quendler", "---", Person)],
    );
    check(
        "Am Abend traf sich Benjamin Wurzacher mit Vertretern der Gemeinde.",
        "2024-03-01",
        &[("Benjamin Wurzacher", "---", Person)],
    );
    // A later surname refers back to the full name.
    let text =
        "Die Ärztin Heidi Brunnhuber sagte, die Lage sei ernst. Brunnhuber forderte mehr Personal.";
    let mentions = annotate(text, "2024-03-01", Lang::De);
    let surname = mentions
        .iter()
        .find(|m| m.span.slice(text) == "Brunnhuber")
        .map(|m| (m.kind, m.antecedent.map(|span| span.slice(text))));
    assert_eq!(surname, Some((Person, Some("Heidi Brunnhuber"))));
    // Knowledge-base persons keep their codes next to tagged names.
    check(
        "Nato-Generalsekretär Mark Rutte sprach mit der Ärztin Heidi Brunnhuber.",
        "2024-12-04",
        &[
            ("Mark Rutte", "IGOWSTNAT", Person),
            ("Heidi Brunnhuber", "---", Person),
        ],
    );
    // Capitalised common nouns and places are not persons.
    for (text, noun) in [
        ("Die Regierung in Wien beschloss neue Steuern.", "Regierung"),
        (
            "Der Bürgermeister eröffnete die Brücke über die Donau.",
            "Brücke",
        ),
        ("Im Sommer wurde die Schule in Graz renoviert.", "Schule"),
    ] {
        let mentions = annotate(text, "2024-03-01", Lang::De);
        assert!(
            !mentions
                .iter()
                .any(|m| m.kind == Person && m.span.slice(text).contains(noun)),
            "{noun:?} tagged as a person in {text:?}: {mentions:?}"
        );
    }
}

#[test]
fn bare_surnames_before_the_full_name() {
    // A surname alone that comes before the tagged full name is a person too (document-
    // level consistency of the tagger's names); its neighbours are not.
    let text = "Eine Einigung sei nicht in Sicht, hieß es. Wurzacher widersprach. \
                Der Vorsitzende Benjamin Wurzacher lehnte ab. Den Antrag von Tallinger \
                lehnte die Mehrheit ab. Erst danach äußerte sich Maria Tallinger.";
    let mentions = annotate(text, "2024-03-01", Lang::De);
    for surname in ["Wurzacher", "Tallinger"] {
        assert!(
            mentions
                .iter()
                .any(|m| m.span.slice(text) == surname && m.kind == Person && m.is_person_name()),
            "{surname:?} alone is not a person: {mentions:?}"
        );
    }
    for word in ["Einigung", "Sicht", "Antrag", "Mehrheit"] {
        assert!(
            !mentions.iter().any(|m| m.span.slice(text).contains(word)),
            "{word:?} in a mention: {mentions:?}"
        );
    }
}

#[test]
fn name_modes_differ_only_outside_the_knowledge_base() {
    use lagebild_actors::{NameMode, PersonTagger};
    let text =
        "Nato-Generalsekretär Mark Rutte warnte Moskau. Die Ärztin Heidi Brunnhuber widersprach.";
    let doc = Document {
        text: text.to_string(),
        ..Document::default()
    };
    let kb = ActorKb::embedded();
    let tagger = PersonTagger::embedded();
    let rules = kb.annotate_with(
        &doc,
        &TextAnalysis::default(),
        date("2024-12-04"),
        None,
        NameMode::Rules,
    );
    let tagged = kb.annotate_with(
        &doc,
        &TextAnalysis::default(),
        date("2024-12-04"),
        tagger.as_deref(),
        NameMode::Tagger,
    );
    check_invariants(text, &rules);
    check_invariants(text, &tagged);
    let rutte = |mentions: &[ActorMention]| {
        mentions
            .iter()
            .find(|m| m.span.slice(text) == "Mark Rutte")
            .map(|m| m.code.clone())
    };
    assert_eq!(rutte(&rules), Some("IGOWSTNAT".to_string()));
    assert_eq!(rutte(&rules), rutte(&tagged));
    assert!(tagger.is_some(), "the committed person tagger must load");
    assert!(
        tagged
            .iter()
            .any(|m| m.span.slice(text) == "Heidi Brunnhuber" && m.rule == "names:tagger")
    );
}

#[test]
fn english_unknown_names_keep_the_rules() {
    // The tagger is German-only; English names outside the knowledge base come from the
    // hand-written cues (given-name lists, speech verbs).
    check(
        "The plan will fail, said Gudrun Arlt on Monday.",
        "2024-01-01",
        &[("Gudrun Arlt", "---", Person)],
    );
    let text = "The committee met in the morning.";
    let mentions = annotate(text, "2024-01-01", Lang::En);
    assert!(mentions.iter().all(|m| m.kind != Person), "{mentions:?}");
}

/// Composition with PETRARCH agent dictionaries: prefix codes (`[NGO~]`), agents linked to
/// a state by `in`/`from`, possessives with adjectives, bare agents and `former`.
#[test]
fn petrarch_agent_composition() {
    let dir = std::env::temp_dir().join(format!("lagebild_agents_{}", std::process::id()));
    if std::fs::create_dir_all(&dir).is_err() {
        eprintln!("skipping petrarch_agent_composition: no temp dir");
        return;
    }
    let actors = dir.join("test.actors.txt");
    let agents = dir.join("test.agents.txt");
    let written = std::fs::write(&actors, "VALMORIA_ [VAL]\nBRELAND_ [BRL]\nNORTH_MARCH_ [NMA]\n").and_then(|_| {
        std::fs::write(
            &agents,
            "RELIEF_CORPS {} [NGO~]\nSOLDIER [~MIL]\nLAWMAKER [~LEG]\nTEACHER [~EDU]\nMINISTER [~GOV]\nOFFICIAL [~GOV]\n",
        )
    });
    if written.is_err() {
        eprintln!("skipping petrarch_agent_composition: temp files not writable");
        return;
    }
    let kb = ActorKb::builder()
        .builtin(false)
        .petrarch_actors([&actors])
        .petrarch_agents(&agents)
        .build();
    let Ok(kb) = kb else {
        panic!("test dictionaries do not load");
    };
    let cases: &[(&str, &str, &str)] = &[
        (
            "Relief Corps Valmoria opened a camp.",
            "Relief Corps Valmoria",
            "NGOVAL",
        ),
        (
            "A Relief Corps Valmoria minister spoke.",
            "Relief Corps Valmoria minister",
            "NGOVALGOV",
        ),
        (
            "Soldiers from Breland crossed the river.",
            "Soldiers from Breland",
            "BRLMIL",
        ),
        (
            "Lawmakers in Valmoria met on Monday.",
            "Lawmakers in Valmoria",
            "VALLEG",
        ),
        (
            "Breland's cautious and quiet minister Odo spoke.",
            "Odo",
            "BRLGOV",
        ),
        ("Teachers marched through the town.", "Teachers", "---EDU"),
        ("Envoys went to North_March today.", "North_March", "NMA"),
        (
            "Teachers and officials in Breland protested.",
            "Teachers",
            "BRLEDU",
        ),
        (
            "Valmoria former officials met the press.",
            "Valmoria former officials",
            "VALELI",
        ),
    ];
    for (text, surface, code) in cases {
        let doc = Document {
            text: text.to_string(),
            lang: Lang::En,
            ..Document::default()
        };
        let analysis = lagebild_text::segment(
            &doc.text,
            Span::new(0, doc.text.len() as u32),
            Lang::En,
            None,
        );
        let mentions = kb.annotate(&doc, &analysis, date("2020-01-01"));
        check_invariants(text, &mentions);
        let found = mentions.iter().find(|m| m.span.slice(text) == *surface);
        assert_eq!(
            found.map(|m| m.code.as_str()),
            Some(*code),
            "{surface:?} in {text:?}; got {:?}",
            mentions
                .iter()
                .map(|m| (m.span.slice(text), m.code.as_str()))
                .collect::<Vec<_>>()
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn shared_federal_institutions_follow_the_article_country() {
    // An article about Austria: its Bundesregierung and Kanzleramt are Austrian.
    check(
        "Wien – Österreich und die österreichischen Sozialpartner streiten. Die Bundesregierung in Wien prüft den Plan, das Kanzleramt schweigt.",
        "2016-03-01",
        &[
            ("Bundesregierung", "AUTGOV", ActorKind::Organization),
            ("Kanzleramt", "AUT", ActorKind::State),
        ],
    );
    // An article about Germany keeps them German; one Austrian mention does not switch.
    check(
        "Berlin – Die Bundesregierung lobt Deutschland, die Bundeswehr und die deutschen Länder; Österreich schweigt.",
        "2016-03-01",
        &[("Bundesregierung", "DEUGOV", ActorKind::Organization)],
    );
}

#[test]
fn states_outside_an_organisation_are_not_the_organisation() {
    let text = "Die EU will mit den Nicht-EU-Staaten und der Nato reden.";
    check(
        text,
        "2016-03-01",
        &[("EU", "IGOEUREEC", ActorKind::Organization)],
    );
    let mentions = annotate(text, "2016-03-01", Lang::De);
    let codes: Vec<&str> = mentions.iter().map(|m| m.code.as_str()).collect();
    assert_eq!(
        codes.iter().filter(|code| **code == "IGOEUREEC").count(),
        1,
        "{codes:?}"
    );
    assert!(codes.contains(&"IGOWSTNAT"), "{codes:?}");
}
