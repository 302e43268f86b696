//! Data-driven tests: `check` runs [`annotate`] on my own sentences and compares
//! `(kind, quote text, speaker phrase, speaker name)` in order.

use lagebild_doc::{Document, Lang, TextAnalysis};
use proptest::prelude::*;

use super::*;

fn run(lang: Lang, text: &str) -> Vec<Quote> {
    let doc = Document {
        text: text.to_string(),
        lang,
        ..Document::default()
    };
    let quotes = annotate(&doc, &TextAnalysis::default(), &[]);
    let mut last_start = 0;
    for quote in &quotes {
        assert!(
            quote.span.start >= last_start && !quote.span.is_empty(),
            "{quote:?} in {text:?}"
        );
        assert!(
            text.get(quote.span.range()).is_some(),
            "{quote:?} not on char boundaries"
        );
        if let Some(speaker) = &quote.speaker {
            assert!(text.get(speaker.span.range()).is_some());
        }
        if let Some(cue) = quote.cue {
            assert!(text.get(cue.range()).is_some());
        }
        last_start = quote.span.start;
    }
    quotes
}

type Row<'a> = (QuoteKind, &'a str, Option<&'a str>, Option<&'a str>);

fn check(lang: Lang, text: &str, expected: &[Row<'_>]) {
    let quotes = run(lang, text);
    let got: Vec<(QuoteKind, &str, Option<&str>, Option<&str>)> = quotes
        .iter()
        .map(|quote| {
            (
                quote.kind,
                quote.span.slice(text),
                quote
                    .speaker
                    .as_ref()
                    .map(|speaker| speaker.span.slice(text)),
                quote
                    .speaker
                    .as_ref()
                    .and_then(|speaker| speaker.name.as_deref()),
            )
        })
        .collect();
    assert_eq!(got, expected, "in {text:?}");
}

use QuoteKind::{Direct, Indirect, Partial};

#[test]
fn embedded_lexicons_parse() {
    check_embedded().expect("cue lexicons parse");
    let error = lexicon::CueLexicon::parse("bad.txt", "# comment\nsagen\tsagte\n")
        .expect_err("two columns");
    assert_eq!(
        error.to_string(),
        "bad.txt:2: expected 3 tab-separated columns, found 2"
    );
}

#[test]
fn german_direct_quotes_in_every_style() {
    check(
        Lang::De,
        "„Wir bleiben hart“, sagte Ministerin Anna Beispiel am Montag.",
        &[(
            Direct,
            "Wir bleiben hart",
            Some("Ministerin Anna Beispiel"),
            Some("Ministerin Anna Beispiel"),
        )],
    );
    check(
        Lang::De,
        "»Das ist ein Fehler«, erklärte der Sprecher.",
        &[(
            Direct,
            "Das ist ein Fehler",
            Some("der Sprecher"),
            Some("Sprecher"),
        )],
    );
    check(
        Lang::De,
        "Max Muster sagte: \"Wir kommen wieder. Ganz sicher.\"",
        &[(
            Direct,
            "Wir kommen wieder. Ganz sicher.",
            Some("Max Muster"),
            Some("Max Muster"),
        )],
    );
    check(
        Lang::De,
        "„Wir werden“, sagte er, „alles tun, was nötig ist.“",
        &[
            (Direct, "Wir werden", Some("er"), None),
            (Direct, "alles tun, was nötig ist.", Some("er"), None),
        ],
    );
}

#[test]
fn german_partial_quotes_need_a_cue() {
    check(
        Lang::De,
        "Kanzlerin Eva Probe nannte den Plan „unverantwortlich“.",
        &[(
            Partial,
            "unverantwortlich",
            Some("Kanzlerin Eva Probe"),
            Some("Kanzlerin Eva Probe"),
        )],
    );
    check(Lang::De, "Das Schiff „Seestern“ lief aus.", &[]);
}

#[test]
fn german_indirect_speech() {
    check(
        Lang::De,
        "Der Minister warnte, die Lage sei ernst.",
        &[(
            Indirect,
            "die Lage sei ernst",
            Some("Der Minister"),
            Some("Minister"),
        )],
    );
    check(
        Lang::De,
        "Anna Beispiel sagte in Berlin, dass sie kandidieren werde.",
        &[(
            Indirect,
            "dass sie kandidieren werde",
            Some("Anna Beispiel"),
            Some("Anna Beispiel"),
        )],
    );
    check(
        Lang::De,
        "Die Grenze bleibe geschlossen, betonte Max Muster.",
        &[(
            Indirect,
            "Die Grenze bleibe geschlossen",
            Some("Max Muster"),
            Some("Max Muster"),
        )],
    );
    check(
        Lang::De,
        "Laut Polizei wurden drei Menschen verletzt.",
        &[(
            Indirect,
            "wurden drei Menschen verletzt",
            Some("Polizei"),
            Some("Polizei"),
        )],
    );
    check(
        Lang::De,
        "Das Werk schließt nach Angaben des Konzerns im Mai.",
        &[(
            Indirect,
            "Das Werk schließt nach Angaben des Konzerns im Mai",
            Some("des Konzerns"),
            Some("Konzerns"),
        )],
    );
    check(
        Lang::De,
        "Den Behörden zufolge ist die Lage ruhig.",
        &[(
            Indirect,
            "ist die Lage ruhig",
            Some("Den Behörden"),
            Some("Behörden"),
        )],
    );
}

#[test]
fn german_konjunktiv_continues_the_speaker() {
    let text = "Max Muster sagte, die Regierung habe versagt. Sie müsse zurücktreten. Das Wetter ist schön.";
    check(
        Lang::De,
        text,
        &[
            (
                Indirect,
                "die Regierung habe versagt",
                Some("Max Muster"),
                Some("Max Muster"),
            ),
            (
                Indirect,
                "Sie müsse zurücktreten",
                Some("Max Muster"),
                Some("Max Muster"),
            ),
        ],
    );
}

#[test]
fn consecutive_konjunktiv_sentences_form_one_quote() {
    let text = "Max Muster sagte, die Regierung habe versagt. Sie müsse zurücktreten. Neuwahlen seien nötig.";
    check(
        Lang::De,
        text,
        &[
            (
                Indirect,
                "die Regierung habe versagt",
                Some("Max Muster"),
                Some("Max Muster"),
            ),
            (
                Indirect,
                "Sie müsse zurücktreten. Neuwahlen seien nötig",
                Some("Max Muster"),
                Some("Max Muster"),
            ),
        ],
    );
}

#[test]
fn pronouns_and_descriptions_fall_back_to_earlier_speakers() {
    let text = "Bundeskanzlerin Eva Probe sagte, das sei falsch. \"Wir handeln jetzt\", sagte sie. Die Lage sei ernst, unterstrich die Bundeskanzlerin.";
    let quotes = run(Lang::De, text);
    let names: Vec<Option<&str>> = quotes
        .iter()
        .map(|quote| {
            quote
                .speaker
                .as_ref()
                .and_then(|speaker| speaker.name.as_deref())
        })
        .collect();
    assert_eq!(names, [Some("Bundeskanzlerin Eva Probe"); 3]);
}

#[test]
fn english_quotes() {
    check(
        Lang::En,
        "\"We will not back down,\" the minister said on Monday.",
        &[(
            Direct,
            "We will not back down,",
            Some("the minister"),
            Some("minister"),
        )],
    );
    check(
        Lang::En,
        "“This is a mistake,” said Jane Example.",
        &[(
            Direct,
            "This is a mistake,",
            Some("Jane Example"),
            Some("Jane Example"),
        )],
    );
    check(
        Lang::En,
        "John Example said that the talks had failed.",
        &[(
            Indirect,
            "that the talks had failed",
            Some("John Example"),
            Some("John Example"),
        )],
    );
    check(
        Lang::En,
        "According to officials, ten people were hurt.",
        &[(
            Indirect,
            "ten people were hurt",
            Some("officials"),
            Some("officials"),
        )],
    );
}

#[test]
fn actor_mentions_name_the_speaker() {
    let text = "\"Wir bleiben hart\", sagte er.";
    let doc = Document {
        text: text.to_string(),
        lang: Lang::De,
        ..Document::default()
    };
    let start = text.find("er.").unwrap_or(0);
    let actor = lagebild_actors::ActorMention {
        span: Span::from_range(start..start + 2),
        name: "Mark Rutte".into(),
        code: "IGOWSTNAT".into(),
        country: None,
        kind: lagebild_actors::ActorKind::Person,
        wikidata: None,
        antecedent: Some(Span::new(0, 1)),
        rule: "test".into(),
    };
    let quotes = annotate(&doc, &TextAnalysis::default(), &[actor]);
    let speaker = quotes.first().and_then(|quote| quote.speaker.clone());
    assert_eq!(
        speaker.and_then(|speaker| speaker.code).as_deref(),
        Some("IGOWSTNAT")
    );
}

#[test]
fn tagger_mood_marks_konjunktiv() {
    // "bringt" is indicative in form; the tagger's Mood=Sub makes the clause reported.
    let text = "Sie erklärte, er bringt Glück.";
    let doc = Document {
        text: text.to_string(),
        lang: Lang::De,
        ..Document::default()
    };
    let start = text.find("bringt").unwrap_or(0);
    let token = lagebild_doc::Token {
        span: Span::from_range(start..start + 6),
        feats: lagebild_doc::Feats {
            mood: Some(lagebild_doc::Mood::Sub),
            ..Default::default()
        },
        ..Default::default()
    };
    let analysis = TextAnalysis {
        sentences: Vec::new(),
        tokens: vec![token],
    };
    assert_eq!(annotate(&doc, &TextAnalysis::default(), &[]).len(), 0);
    assert_eq!(annotate(&doc, &analysis, &[]).len(), 1);
}

#[test]
fn gold_data_when_shared_data_is_present() {
    let dir = eval::shared_dir().join("corpus/seed");
    if !dir.exists() {
        eprintln!("skipping gold_data_when_shared_data_is_present: ../shared not found");
        return;
    }
    let documents = eval::load_seed(&dir).expect("seed loads");
    let report = eval::evaluate(&documents, &|_| (TextAnalysis::default(), Vec::new()), 0);
    assert!(report.gold > 0 && report.matched <= report.gold.min(report.predicted));
}

proptest! {
    #[test]
    fn no_panic_on_arbitrary_text(text in "\\PC{0,200}", de in any::<bool>()) {
        run(if de { Lang::De } else { Lang::En }, &text);
        run(Lang::Other, &text);
    }

    #[test]
    fn no_panic_on_quote_like_text(text in "(„|“|\"|»|«|‚|‘|, |sagte |er |sei |laut |nach |Angaben |zufolge |Worten |dass |\\. |\\n|Max |said |that ){0,16}") {
        run(Lang::De, &text);
        run(Lang::En, &text);
    }
}

/// A one-sentence analysis of `text` from `(word, upos, head, deprel)` rows (heads are
/// 0-based within the sentence, as in `lagebild_doc::Token`), words found in order.
fn parsed(text: &str, rows: &[(&str, lagebild_doc::Upos, Option<u32>, &str)]) -> TextAnalysis {
    let mut at = 0;
    let mut tokens = Vec::new();
    for &(word, upos, head, deprel) in rows {
        let start = at + text[at..].find(word).unwrap_or(0);
        at = start + word.len();
        tokens.push(lagebild_doc::Token {
            span: Span::from_range(start..at),
            upos,
            head,
            deprel: deprel.into(),
            ..Default::default()
        });
    }
    let sentence = lagebild_doc::Sentence {
        span: Span::from_range(0..text.len()),
        token_start: 0,
        token_end: tokens.len() as u32,
    };
    TextAnalysis {
        sentences: vec![sentence],
        tokens,
    }
}

/// `(quote text, speaker phrase)` of [`annotate`] with `analysis`.
fn speakers_with(text: &str, analysis: &TextAnalysis) -> Vec<(String, Option<String>)> {
    let doc = Document {
        text: text.to_string(),
        lang: Lang::De,
        ..Document::default()
    };
    annotate(&doc, analysis, &[])
        .iter()
        .map(|quote| {
            (
                quote.span.slice(text).to_string(),
                quote
                    .speaker
                    .as_ref()
                    .map(|speaker| speaker.span.slice(text).to_string()),
            )
        })
        .collect()
}

#[test]
fn parse_subject_skips_the_apposition() {
    use lagebild_doc::Upos::*;
    let text = "Maria Beispiel, Sprecherin des Ministeriums, sagte, die Lage sei ernst.";
    let analysis = parsed(
        text,
        &[
            ("Maria", Propn, Some(7), "nsubj"),
            ("Beispiel", Propn, Some(0), "flat:name"),
            (",", Punct, Some(3), "punct"),
            ("Sprecherin", Noun, Some(0), "appos"),
            ("des", Det, Some(5), "det"),
            ("Ministeriums", Noun, Some(3), "nmod"),
            (",", Punct, Some(3), "punct"),
            ("sagte", Verb, None, "root"),
            (",", Punct, Some(12), "punct"),
            ("die", Det, Some(10), "det"),
            ("Lage", Noun, Some(12), "nsubj"),
            ("sei", Aux, Some(12), "cop"),
            ("ernst", Adj, Some(7), "ccomp"),
            (".", Punct, Some(7), "punct"),
        ],
    );
    let quotes = speakers_with(text, &analysis);
    assert_eq!(quotes.len(), 1, "{quotes:?}");
    assert_eq!(quotes[0].1.as_deref(), Some("Maria Beispiel"), "{quotes:?}");
    // Without the parse the word patterns take the phrase next to the verb.
    let plain = speakers_with(text, &TextAnalysis::default());
    assert_eq!(plain[0].1.as_deref(), Some("Sprecherin des Ministeriums"));
}

#[test]
fn parse_relative_pronoun_speaker_is_named_by_its_noun() {
    use lagebild_doc::Upos::*;
    let text = "Geehrt wurde die Ärztin Eva Muster, die sagte, sie sei überrascht.";
    let analysis = parsed(
        text,
        &[
            ("Geehrt", Verb, None, "root"),
            ("wurde", Aux, Some(0), "aux:pass"),
            ("die", Det, Some(3), "det"),
            ("Ärztin", Noun, Some(0), "nsubj:pass"),
            ("Eva", Propn, Some(3), "flat"),
            ("Muster", Propn, Some(4), "flat:name"),
            (",", Punct, Some(8), "punct"),
            ("die", Pron, Some(8), "nsubj"),
            ("sagte", Verb, Some(3), "acl:relcl"),
            (",", Punct, Some(13), "punct"),
            ("sie", Pron, Some(13), "nsubj"),
            ("sei", Aux, Some(13), "cop"),
            ("überrascht", Adj, Some(8), "ccomp"),
            (".", Punct, Some(0), "punct"),
        ],
    );
    // The speaker is the local mention, the relative pronoun (as the Wikinews corpus
    // annotates it); its name comes from the noun the clause belongs to.
    let quotes = speakers_with(text, &analysis);
    assert_eq!(quotes.len(), 1, "{quotes:?}");
    assert_eq!(quotes[0].1.as_deref(), Some("die"), "{quotes:?}");
    let doc = Document {
        text: text.to_string(),
        lang: Lang::De,
        ..Document::default()
    };
    let speaker = annotate(&doc, &analysis, &[])
        .into_iter()
        .find_map(|quote| quote.speaker)
        .expect("speaker");
    assert_eq!(speaker.span.slice(text), "die");
    assert!(
        speaker
            .name
            .as_deref()
            .is_some_and(|name| name.contains("Muster")),
        "{speaker:?}"
    );
}

#[test]
fn parse_names_the_speaker_of_a_quote_without_cue_pattern() {
    use lagebild_doc::Upos::*;
    let text = "Der Verband Beispielbau spricht von „großer Sorge“.";
    let analysis = parsed(
        text,
        &[
            ("Der", Det, Some(1), "det"),
            ("Verband", Noun, Some(3), "nsubj"),
            ("Beispielbau", Propn, Some(1), "flat"),
            ("spricht", Verb, None, "root"),
            ("von", Adp, Some(7), "case"),
            ("„", Punct, Some(7), "punct"),
            ("großer", Adj, Some(7), "amod"),
            ("Sorge", Noun, Some(3), "obl"),
            ("“", Punct, Some(7), "punct"),
            (".", Punct, Some(3), "punct"),
        ],
    );
    let quotes = speakers_with(text, &analysis);
    assert_eq!(quotes.len(), 1, "{quotes:?}");
    assert_eq!(
        quotes[0].1.as_deref(),
        Some("Der Verband Beispielbau"),
        "{quotes:?}"
    );
}

#[test]
fn close_apposition_stays_in_the_parse_subject() {
    use lagebild_doc::Upos::*;
    let text = "Ministerin Anna Beispiel (Partei) erklärte, der Haushalt stehe.";
    let analysis = parsed(
        text,
        &[
            ("Ministerin", Noun, Some(6), "nsubj"),
            ("Anna", Propn, Some(0), "appos"),
            ("Beispiel", Propn, Some(1), "flat:name"),
            ("(", Punct, Some(4), "punct"),
            ("Partei", Propn, Some(0), "appos"),
            (")", Punct, Some(4), "punct"),
            ("erklärte", Verb, None, "root"),
            (",", Punct, Some(11), "punct"),
            ("der", Det, Some(9), "det"),
            ("Haushalt", Noun, Some(10), "nsubj"),
            ("stehe", Verb, Some(6), "ccomp"),
            (".", Punct, Some(6), "punct"),
        ],
    );
    let quotes = speakers_with(text, &analysis);
    assert_eq!(quotes.len(), 1, "{quotes:?}");
    assert_eq!(
        quotes[0].1.as_deref(),
        Some("Ministerin Anna Beispiel"),
        "{quotes:?}"
    );
}

#[test]
fn governing_verb_names_a_quote_the_patterns_left_without_speaker() {
    use lagebild_doc::Upos::*;
    // A partial quote whose speaker the word patterns do not find; the parse gives
    // the subject of the cue verb.
    let text = "Die Kommission Beispielwerk verwarf „jeden weiteren Aufschub“ gestern.";
    let analysis = parsed(
        text,
        &[
            ("Die", Det, Some(1), "det"),
            ("Kommission", Noun, Some(3), "nsubj"),
            ("Beispielwerk", Propn, Some(1), "flat"),
            ("verwarf", Verb, None, "root"),
            ("„", Punct, Some(7), "punct"),
            ("jeden", Det, Some(7), "det"),
            ("weiteren", Adj, Some(7), "amod"),
            ("Aufschub", Noun, Some(3), "obj"),
            ("“", Punct, Some(7), "punct"),
            ("gestern", Adv, Some(3), "advmod"),
            (".", Punct, Some(3), "punct"),
        ],
    );
    let plain = speakers_with(text, &TextAnalysis::default());
    assert_eq!(plain.len(), 1, "{plain:?}");
    assert_eq!(plain[0].1, None, "{plain:?}");
    let quotes = speakers_with(text, &analysis);
    assert_eq!(quotes.len(), 1, "{quotes:?}");
    assert_eq!(
        quotes[0].1.as_deref(),
        Some("Die Kommission Beispielwerk"),
        "{quotes:?}"
    );
}

#[test]
fn nach_with_a_compound_source_noun_is_a_cue() {
    for text in [
        "Nach Zeugenaussagen habe der Fahrer noch gebremst.",
        "Nach einer Stellungnahme der Bahn sei der Zug verspätet gewesen.",
    ] {
        let quotes = run(Lang::De, text);
        assert_eq!(quotes.len(), 1, "{quotes:?} in {text:?}");
        assert_eq!(quotes[0].kind, Indirect);
        assert!(quotes[0].span.slice(text).contains("der"), "{text:?}");
        assert!(quotes[0].speaker.is_some(), "{quotes:?}");
    }
}

#[test]
fn tagger_konjunktiv_two_alone_is_no_reported_speech() {
    let text = "Der Sommer bringt viel Regen.";
    let doc = Document {
        text: text.to_string(),
        lang: Lang::De,
        ..Document::default()
    };
    let start = text.find("bringt").unwrap_or(0);
    let analysis = |tense| TextAnalysis {
        sentences: Vec::new(),
        tokens: vec![lagebild_doc::Token {
            span: Span::from_range(start..start + 6),
            feats: lagebild_doc::Feats {
                mood: Some(lagebild_doc::Mood::Sub),
                tense: Some(tense),
                ..Default::default()
            },
            ..Default::default()
        }],
    };
    let present = annotate(&doc, &analysis(lagebild_doc::Tense::Pres), &[]);
    assert_eq!(present.len(), 1, "{present:?}");
    let past = annotate(&doc, &analysis(lagebild_doc::Tense::Past), &[]);
    assert_eq!(past.len(), 0, "{past:?}");
}

#[test]
fn speech_acts_are_reported_by_default() {
    let text = "Die Ministerin Eva Muster kritisierte die Entscheidung scharf.";
    let doc = Document {
        text: text.to_string(),
        lang: Lang::De,
        ..Document::default()
    };
    let quotes = annotate(&doc, &TextAnalysis::default(), &[]);
    assert_eq!(quotes.len(), 1, "{quotes:?}");
    assert_eq!(quotes[0].kind, Indirect);
    let off = QuoteOptions {
        report_speech_acts: false,
    };
    assert!(annotate_with(&doc, &TextAnalysis::default(), &[], &off).is_empty());
    // Not when the sentence quotes words: the partial quote stands for it.
    let partial = "Die Ministerin Eva Muster kritisierte die „voreilige“ Entscheidung.";
    let doc = Document {
        text: partial.to_string(),
        lang: Lang::De,
        ..Document::default()
    };
    let quotes = annotate(&doc, &TextAnalysis::default(), &[]);
    assert!(
        quotes.iter().all(|quote| quote.kind == Partial),
        "{quotes:?}"
    );
}

#[test]
fn bare_konjunktiv_after_a_narrative_sentence_takes_its_subject() {
    check(
        Lang::De,
        "Die Gewerkschaft Beispielbund verteidigte am Montag ihren Plan. Man sei mit den Arbeitgebern einig.",
        &[(
            Indirect,
            "Man sei mit den Arbeitgebern einig",
            Some("Die Gewerkschaft Beispielbund"),
            Some("Gewerkschaft Beispielbund"),
        )],
    );
}

#[test]
fn demnach_is_the_local_mention_of_the_last_source() {
    let text = "Die Polizei Beispielstadt teilte mit, der Fahrer sei geflohen. Demnach habe er das Auto gestohlen.";
    let quotes = run(Lang::De, text);
    assert_eq!(quotes.len(), 2, "{quotes:?}");
    let first = quotes[0].speaker.as_ref().expect("first speaker");
    let second = quotes[1].speaker.as_ref().expect("second speaker");
    assert_eq!(second.span.slice(text), "Demnach");
    assert_eq!(second.name, first.name);
}

#[test]
fn cue_after_a_quote_with_auxiliary_or_so() {
    check(
        Lang::De,
        "„Wir bauen die Brücke neu“, hatte Bürgermeister Hans Beispiel im Interview erklärt.",
        &[(
            Direct,
            "Wir bauen die Brücke neu",
            Some("Bürgermeister Hans Beispiel"),
            Some("Bürgermeister Hans Beispiel"),
        )],
    );
}

#[test]
fn partial_quote_takes_the_speaker_of_the_indirect_quote_around_it() {
    check(
        Lang::De,
        "Die „dringend nötigen“ Reformen kämen zu spät, so Beispiel.",
        &[
            (
                Indirect,
                "Die „dringend nötigen“ Reformen kämen zu spät",
                Some("Beispiel"),
                Some("Beispiel"),
            ),
            (
                Partial,
                "dringend nötigen",
                Some("Beispiel"),
                Some("Beispiel"),
            ),
        ],
    );
}

#[test]
fn colon_quote_without_cue_verb() {
    check(
        Lang::De,
        "Anna Beispiel wörtlich: „Das ist ein guter Tag für uns alle.“",
        &[(
            Direct,
            "Das ist ein guter Tag für uns alle.",
            Some("Anna Beispiel"),
            Some("Anna Beispiel"),
        )],
    );
}

#[test]
fn parse_object_first_clause_before_a_colon_has_the_subject_after_the_verb() {
    use lagebild_doc::Upos::*;
    // The parser reads the fronted object as subject; `er` after the verb is the subject.
    let text = "Die Arbeit der Stadt lobte er mit den Worten: „Das ist gut gemacht.“";
    let analysis = parsed(
        text,
        &[
            ("Die", Det, Some(1), "det"),
            ("Arbeit", Noun, Some(4), "nsubj"),
            ("der", Det, Some(3), "det"),
            ("Stadt", Noun, Some(1), "nmod"),
            ("lobte", Verb, None, "root"),
            ("er", Pron, Some(4), "obj"),
            ("mit", Adp, Some(8), "case"),
            ("den", Det, Some(8), "det"),
            ("Worten", Noun, Some(4), "obl"),
            (":", Punct, Some(4), "punct"),
            ("„", Punct, Some(13), "punct"),
            ("Das", Pron, Some(13), "nsubj"),
            ("ist", Aux, Some(13), "cop"),
            ("gut", Adj, Some(14), "advmod"),
            ("gemacht", Adj, Some(4), "parataxis"),
            (".", Punct, Some(14), "punct"),
            ("“", Punct, Some(14), "punct"),
        ],
    );
    let quotes = speakers_with(text, &analysis);
    assert_eq!(
        quotes,
        vec![("Das ist gut gemacht.".to_string(), Some("er".to_string()))]
    );
}

#[test]
fn a_capitalised_noun_is_no_cue_verb() {
    // "Angaben" is a form of "angeben" in the lexicon, but capitalised inside a
    // sentence it is the noun of "nach Angaben": the partial quote takes the source.
    let text =
        "Der Fall wird nach Angaben der Staatsanwaltschaft „ganz besonders sorgfältig“ geprüft.";
    let quotes = run(Lang::De, text);
    let partial = quotes
        .iter()
        .find(|quote| quote.kind == Partial)
        .expect("partial quote");
    let speaker = partial.speaker.as_ref().expect("speaker");
    assert!(
        speaker.span.slice(text).contains("Staatsanwaltschaft"),
        "{quotes:?}"
    );
}
