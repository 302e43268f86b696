//! Data-driven checks of the embedded models on sentences written for these tests.
//!
//! Each case is a pretokenized sentence and expectations for some tokens:
//! `form=LEMMA/UPOS/Mood[/Case[/Gender]]` where any part may be `*` (not checked).

use lagebild_doc::{Lang, Span, TextAnalysis};
use lagebild_nlp::Analyzer;
use proptest::prelude::*;

/// Checks `expectations` (`form=lemma/UPOS/Mood`, `*` = any) against the analysis of the
/// pretokenized `sentence`, and the span invariants of the result.
fn check(lang: Lang, sentence: &str, expectations: &[&str]) {
    let analyzer = Analyzer::embedded();
    assert!(
        analyzer.problems().is_empty(),
        "model problems: {:?}",
        analyzer.problems()
    );
    let (text, mut analysis) = lagebild_nlp::pretokenized(sentence);
    analyzer.annotate(&text, lang, &mut analysis);
    check_spans(&text, &analysis);
    for expectation in expectations {
        let (form, expected) = expectation.split_once('=').expect("form=lemma/UPOS/Mood");
        let mut parts = expected.split('/');
        let (lemma, upos, mood, case, gender) = (
            parts.next().unwrap_or("*"),
            parts.next().unwrap_or("*"),
            parts.next().unwrap_or("*"),
            parts.next().unwrap_or("*"),
            parts.next().unwrap_or("*"),
        );
        let token = analysis
            .tokens
            .iter()
            .find(|token| token.span.slice(&text) == form)
            .unwrap_or_else(|| panic!("{form} not in {sentence}"));
        let got_case = token.feats.case.map_or("-", |case| case.as_str());
        let got_gender = token.feats.gender.map_or("-", |gender| gender.as_str());
        let got = format!(
            "{}/{}/{}/{}/{}",
            token.lemma,
            token.upos.as_str(),
            token.feats.mood.map_or("-", |mood| mood.as_str()),
            got_case,
            got_gender
        );
        let ok = (lemma == "*" || lemma == token.lemma)
            && (upos == "*" || upos == token.upos.as_str())
            && (mood == "*" || mood == token.feats.mood.map_or("-", |mood| mood.as_str()))
            && (case == "*" || case == got_case)
            && (gender == "*" || gender == got_gender);
        assert!(ok, "{sentence}\n  {form}: expected {expected}, got {got}");
    }
}

fn check_spans(text: &str, analysis: &TextAnalysis) {
    let mut last = 0;
    for token in &analysis.tokens {
        assert!(
            token.span.start >= last && token.span.end as usize <= text.len(),
            "span order"
        );
        assert!(
            !token.span.slice(text).is_empty(),
            "token on char boundaries"
        );
        last = token.span.end;
    }
    for sentence in &analysis.sentences {
        assert!(
            sentence.token_start <= sentence.token_end
                && sentence.token_end as usize <= analysis.tokens.len()
        );
    }
}

#[test]
fn german_case_agrees_in_noun_phrases_and_clauses() {
    check(
        Lang::De,
        "Die Regierung lobt den neuen Vertrag mit den Nachbarländern .",
        &[
            "Regierung=*/NOUN/*/Nom",
            "den=*/DET/*/Acc",
            "neuen=*/ADJ/*/Acc",
            "Vertrag=*/NOUN/*/Acc",
            "Nachbarländern=*/NOUN/*/Dat",
        ],
    );
    check(
        Lang::De,
        "Die Kommission kritisiert die Entscheidung scharf .",
        &["Kommission=*/NOUN/*/Nom", "Entscheidung=*/NOUN/*/Acc"],
    );
}

#[test]
fn german_gender_of_noun_phrases() {
    check(
        Lang::De,
        "Die Ministerin besuchte das kleine Dorf und den alten Hafen .",
        &[
            "Ministerin=*/NOUN/*/*/Fem",
            "das=*/DET/*/*/Neut",
            "kleine=*/ADJ/*/*/Neut",
            "Dorf=*/NOUN/*/*/Neut",
            "den=*/DET/*/*/Masc",
            "alten=*/ADJ/*/*/Masc",
            "Hafen=*/NOUN/*/*/Masc",
        ],
    );
    check(
        Lang::De,
        "Der Kanzler sprach mit der neuen Botschafterin über ein Abkommen .",
        &[
            "Kanzler=*/NOUN/*/*/Masc",
            "neuen=*/ADJ/*/*/Fem",
            "Botschafterin=*/NOUN/*/*/Fem",
            "Abkommen=*/NOUN/*/*/Neut",
        ],
    );
}

#[test]
fn german_separable_verb_forms() {
    check(
        Lang::De,
        "Er kündigte an , das Amt anzutreten , sobald der Minister eintraf .",
        &["anzutreten=antreten/VERB/-", "eintraf=*/VERB/Ind"],
    );
}

#[test]
fn german_subjunctive_one_in_reported_speech() {
    check(
        Lang::De,
        "Der Sprecher sagte , das Land verstoße gegen die Regeln .",
        &["verstoße=verstoßen/VERB/Sub", "sagte=sagen/VERB/Ind"],
    );
    check(
        Lang::De,
        "Sie erklärte , die Lage sei ernst und man habe keine Zeit .",
        &["sei=sein/AUX/Sub", "habe=haben/*/Sub"],
    );
    check(
        Lang::De,
        "Er betonte , die Regierung werde handeln und könne mehr tun .",
        &["werde=werden/AUX/Sub", "könne=können/AUX/Sub"],
    );
    check(
        Lang::De,
        "Wir werden handeln , weil die Lage ernst ist .",
        &["werden=werden/AUX/Ind", "ist=sein/AUX/Ind"],
    );
}

#[test]
fn german_contractions_are_prepositions() {
    check(
        Lang::De,
        "Die Minister trafen sich zum Gespräch im Kanzleramt und beim Empfang am Abend .",
        &[
            "zum=zu/ADP/-",
            "im=in/ADP/-",
            "beim=bei/ADP/-",
            "am=an/ADP/-",
            "Gespräch=Gespräch/NOUN/-",
        ],
    );
}

#[test]
fn german_lemmas_of_inflected_words() {
    check(
        Lang::De,
        "Die Staaten warfen den Firmen schwere Verstöße vor .",
        &[
            "Staaten=Staat/NOUN/*",
            "Firmen=Firma/NOUN/*",
            "schwere=schwer/ADJ/*",
        ],
    );
}

#[test]
fn german_separable_verb_gets_its_particle_when_parsed() {
    let analyzer = Analyzer::embedded();
    if !analyzer.has_parser(Lang::De) {
        eprintln!(
            "skipping german_separable_verb_gets_its_particle_when_parsed: no German parser embedded"
        );
        return;
    }
    check(
        Lang::De,
        "Die Nato wirft Russland schwere Fehler vor .",
        &["wirft=vorwerfen/VERB/Ind"],
    );
}

#[test]
fn english_tags_and_lemmas() {
    check(
        Lang::En,
        "The ministers were meeting in Brussels and agreed on new sanctions .",
        &[
            "ministers=minister/NOUN/*",
            "were=be/AUX/Ind",
            "meeting=meet/VERB/*",
            "agreed=agree/VERB/Ind",
            "sanctions=sanction/NOUN/*",
        ],
    );
}

#[test]
fn english_pronouns_carry_gender() {
    check(
        Lang::En,
        "She told him that its budget would help her and his staff .",
        &[
            "She=*/PRON/*/*/Fem",
            "him=*/PRON/*/*/Masc",
            "its=*/PRON/*/*/Neut",
            "her=*/PRON/*/*/Fem",
            "his=*/PRON/*/*/Masc",
            "budget=*/NOUN/*/*/-",
        ],
    );
}

#[test]
fn german_haben_is_auxiliary_only_with_a_participle() {
    check(
        Lang::De,
        "Die Ministerin hat drei Söhne und eine Tochter .",
        &["hat=haben/VERB/Ind"],
    );
    check(
        Lang::De,
        "Die Ministerin hat den Plan gestern abgelehnt .",
        &["hat=haben/AUX/Ind", "abgelehnt=ablehnen/VERB/*"],
    );
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
    /// Coordinating conjunctions are a closed class: unknown names opening a sentence
    /// ("Eldanor on Thursday signed ...") are never tagged CCONJ, whatever they end in.
    #[test]
    fn english_unknown_names_are_no_conjunctions(
        name in "[A-Z][a-z]{1,5}(nor|or|and|ut|et)",
        other in "[A-Z][a-z]{2,7}",
    ) {
        let sentence = format!(
            "{name} on Thursday signed a 900 million florin trade protocol with {other} , officials said ."
        );
        let analyzer = Analyzer::embedded();
        let (text, mut analysis) = lagebild_nlp::pretokenized(&sentence);
        analyzer.annotate(&text, Lang::En, &mut analysis);
        let first = &analysis.tokens[0];
        proptest::prop_assert_ne!(first.upos.as_str(), "CCONJ", "{}", sentence);
    }
}

#[test]
fn english_people_is_its_own_lemma() {
    check(
        Lang::En,
        "Many people left the city after the flood .",
        &["people=people/NOUN/*", "left=leave/VERB/*"],
    );
}

#[test]
fn raw_text_conllu_has_ten_columns() {
    let analyzer = Analyzer::embedded();
    let conllu = analyzer.analyze_conllu("Die Nato warnt Russland. Der Kreml schweigt.", Lang::De);
    let rows: Vec<&str> = conllu
        .lines()
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .collect();
    assert!(rows.len() >= 6, "{conllu}");
    for row in rows {
        assert_eq!(row.split('\t').count(), 10, "{row}");
    }
}

#[test]
fn pretokenized_conllu_keeps_the_tokens() {
    let analyzer = Analyzer::embedded();
    let input = "Er sagte , es gebe keine Einigung .\nThe talks failed .\n";
    let conllu = analyzer.analyze_conllu_pretokenized(input, Lang::De);
    let sentences: Vec<Vec<String>> = conllu
        .split("\n\n")
        .filter(|block| !block.trim().is_empty())
        .map(|block| {
            block
                .lines()
                .filter(|line| !line.starts_with('#'))
                .map(|line| line.split('\t').nth(1).unwrap_or("").to_string())
                .collect()
        })
        .collect();
    let expected: Vec<Vec<String>> = input
        .lines()
        .map(|line| line.split(' ').map(str::to_string).collect())
        .collect();
    assert_eq!(sentences, expected);
}

#[test]
fn verbs_in_conllu_carry_mood_tense_verbform() {
    let analyzer = Analyzer::embedded();
    let conllu =
        analyzer.analyze_conllu_pretokenized("Die Regierung kündigte neue Hilfen an .", Lang::De);
    let verb = conllu
        .lines()
        .find(|line| line.split('\t').nth(1) == Some("kündigte"))
        .expect("verb row");
    let feats = verb.split('\t').nth(5).unwrap_or("");
    assert!(
        feats.contains("Mood=Ind")
            && feats.contains("Tense=Past")
            && feats.contains("VerbForm=Fin"),
        "{verb}"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn no_panic_on_arbitrary_text(text in "\\PC{0,200}", german in any::<bool>()) {
        let lang = if german { Lang::De } else { Lang::En };
        let analyzer = Analyzer::embedded();
        let analysis = analyzer.analyze(&text, Span::new(0, text.len() as u32), lang, None);
        check_spans(&text, &analysis);
        let _ = analyzer.analyze_conllu_pretokenized(&text, lang);
    }
}
