//! Private persons: people the news names by a common noun ("ein 38-jähriger Mann",
//! "drei Tatverdächtige", "the student", "the parents").
//!
//! They are actor mentions coded `---CVL` (a civilian of unknown state; students
//! `---EDU`, as CAMEO codes them; the pipeline's
//! country pass may give them the country of the story), kind `Person`, with the rule
//! [`PRIVATE_RULE`], and they enter the resolver's focus like unknown named persons, so
//! that a later "er"/"he" can refer to them. The event coder decides what they may take
//! part in: targets of arrests, charges, trials and attacks, never sources of a
//! state-level event.

use lagebild_doc::Lang;

use crate::kb::Gender;

/// The rule of every private-person mention (and part of the rule of pronouns and
/// repetitions that refer to one).
pub const PRIVATE_RULE: &str = "private.rs (private person)";

/// German person nouns, capitalised as in the text, with the gender a later `er`/`sie`
/// would have (none for plurals and neuter nouns).
const GERMAN: &[(&str, Option<Gender>)] = &[
    ("Mann", Some(Gender::Male)),
    ("Mannes", Some(Gender::Male)),
    ("Männer", None),
    ("Männern", None),
    ("Frau", Some(Gender::Female)),
    ("Frauen", None),
    ("Mensch", Some(Gender::Male)),
    ("Menschen", None),
    ("Person", Some(Gender::Female)),
    ("Personen", None),
    ("Tatverdächtige", None),
    ("Tatverdächtigen", None),
    ("Tatverdächtiger", Some(Gender::Male)),
    ("Verdächtige", None),
    ("Verdächtigen", None),
    ("Verdächtiger", Some(Gender::Male)),
    ("Beschuldigte", None),
    ("Beschuldigten", None),
    ("Angeklagte", None),
    ("Angeklagten", None),
    ("Angeklagter", Some(Gender::Male)),
    ("Täter", None),
    ("Tätern", None),
    ("Täterin", Some(Gender::Female)),
    ("Jugendliche", None),
    ("Jugendlichen", None),
    ("Jugendlicher", Some(Gender::Male)),
    ("Schüler", None),
    ("Schülerin", Some(Gender::Female)),
    ("Schülern", None),
    ("Student", Some(Gender::Male)),
    ("Studenten", None),
    ("Studentin", Some(Gender::Female)),
    ("Rentner", None),
    ("Rentnerin", Some(Gender::Female)),
    ("Passant", Some(Gender::Male)),
    ("Passanten", None),
    ("Häftling", Some(Gender::Male)),
    ("Häftlinge", None),
    ("Eltern", None),
];

/// English person nouns, lowercase (a capital at the start of a sentence or headline is
/// allowed).
const ENGLISH: &[(&str, Option<Gender>)] = &[
    ("man", Some(Gender::Male)),
    ("men", None),
    ("woman", Some(Gender::Female)),
    ("women", None),
    ("suspect", None),
    ("suspects", None),
    ("defendant", None),
    ("defendants", None),
    ("student", None),
    ("students", None),
    ("teenager", None),
    ("teenagers", None),
    ("boy", Some(Gender::Male)),
    ("boys", None),
    ("girl", Some(Gender::Female)),
    ("girls", None),
    ("parents", None),
    ("defector", None),
    ("defectors", None),
];

/// Students and pupils are `EDU` (CAMEO's education agent), every other private person
/// `CVL`.
const STUDENTS: &[&str] = &[
    "Schüler",
    "Schülerin",
    "Schülern",
    "Student",
    "Studenten",
    "Studentin",
    "student",
    "students",
];

/// The code of a private person named by `noun` (as [`person_noun`] found it).
pub(crate) fn code_of(noun: &str) -> &'static str {
    let lower_first: String = noun
        .chars()
        .next()
        .into_iter()
        .flat_map(char::to_lowercase)
        .chain(noun.chars().skip(1))
        .collect();
    if STUDENTS.contains(&noun) || STUDENTS.contains(&lower_first.as_str()) {
        "---EDU"
    } else {
        "---CVL"
    }
}

/// Whether `word` (one piece of text) names a private person in `lang`; returns the
/// gender a pronoun referring to it would have.
pub(crate) fn person_noun(lang: Lang, word: &str) -> Option<Option<Gender>> {
    match lang {
        Lang::De => GERMAN
            .iter()
            .find(|(noun, _)| *noun == word)
            .map(|(_, gender)| *gender),
        Lang::En => {
            // All-capital words are acronyms or shouting headlines, not nouns to trust.
            if word.len() > 1 && word.chars().all(|c| !c.is_lowercase()) {
                return None;
            }
            // The nouns are lowercase: compare with the word's first letter lowered,
            // without building a new string for every word of the text.
            let first = word.chars().next()?;
            let rest = &word[first.len_utf8()..];
            ENGLISH
                .iter()
                .find(|(noun, _)| {
                    let mut noun_chars = noun.chars();
                    noun_chars.next().is_some_and(|noun_first| {
                        first.to_lowercase().eq(std::iter::once(noun_first))
                            && noun_chars.as_str() == rest
                    })
                })
                .map(|(_, gender)| *gender)
        }
        _ => None,
    }
}

/// Whether a mention is a private person: one named by a common noun, an unknown
/// named person without a role (`---`), or a reference to either.
pub fn is_private_person(mention: &crate::ActorMention) -> bool {
    mention.kind == crate::ActorKind::Person
        && (mention.code == "---"
            || mention.rule.contains(PRIVATE_RULE)
            || ((mention.code.ends_with("CVL") || mention.code.ends_with("EDU"))
                && mention.rule.starts_with("names (")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use lagebild_doc::{Document, TextAnalysis};

    /// (surface, code, rule) of every mention of `text`.
    fn mentions(lang: Lang, text: &str) -> Vec<(String, String, String)> {
        let doc = Document {
            text: text.to_string(),
            lang,
            ..Document::default()
        };
        let date = chrono::NaiveDate::from_ymd_opt(2024, 3, 1);
        crate::ActorKb::embedded()
            .annotate(&doc, &TextAnalysis::default(), date)
            .into_iter()
            .map(|mention| {
                let surface = mention.span.slice(text).to_string();
                (surface, mention.code, mention.rule)
            })
            .collect()
    }

    /// Asserts the (surface, code) pairs of the mentions whose rule contains `rule`.
    fn check(lang: Lang, text: &str, rule: &str, expected: &[(&str, &str)]) {
        let got: Vec<(String, String)> = mentions(lang, text)
            .into_iter()
            .filter(|(_, _, found)| found.contains(rule))
            .map(|(surface, code, _)| (surface, code))
            .collect();
        let want: Vec<(String, String)> = expected
            .iter()
            .map(|(surface, code)| (surface.to_string(), code.to_string()))
            .collect();
        assert_eq!(got, want, "{text}");
    }

    #[test]
    fn common_nouns_name_private_persons_and_pronouns_follow_them() {
        check(
            Lang::De,
            "Die Polizei nahm am Montag einen 45-jährigen Mann fest. Er wurde am Dienstag freigelassen.",
            "private",
            &[("Mann", "---CVL")],
        );
        // The pronoun opening the next sentence refers to him.
        check(
            Lang::De,
            "Die Polizei nahm am Montag einen 45-jährigen Mann fest. Er wurde am Dienstag freigelassen.",
            "(pronoun)",
            &[("Er", "---CVL")],
        );
        check(
            Lang::De,
            "Zwei Tatverdächtige schwiegen. Der 52-Jährige legte ein Geständnis ab.",
            "private",
            &[("Tatverdächtige", "---CVL"), ("Jährige", "---CVL")],
        );
        check(
            Lang::De,
            "Der 52-Jährige schwieg lange. Er wurde am Abend freigelassen.",
            "(pronoun)",
            &[("Er", "---CVL")],
        );
        check(
            Lang::En,
            "Deputies arrested the student on Monday. Parents were questioned.",
            "private",
            &[("student", "---EDU"), ("Parents", "---CVL")],
        );
    }

    #[test]
    fn a_name_or_a_state_says_who_the_person_is() {
        // An honorific before a name; in German a state adjective makes the person that
        // state's civilian, in English it names the state alone.
        check(
            Lang::De,
            "Frau Kerstin Vogelsang lobte den Plan.",
            "private",
            &[],
        );
        check(
            Lang::De,
            "Ein türkischer Mann wurde in Ankara verhaftet.",
            "private",
            &[("türkischer Mann", "TURCVL")],
        );
        check(
            Lang::De,
            "Ein US-Student wurde verurteilt.",
            "private",
            &[("US-Student", "USAEDU")],
        );
        check(
            Lang::En,
            "A Russian woman was detained in Riga.",
            "private",
            &[],
        );
        // In apposition to an unknown person's name it is that person.
        check(
            Lang::En,
            "Police said Jonah Whitcombe, a 19-year-old student from Leeds, was released.",
            "private",
            &[],
        );
    }

    #[test]
    fn authorities_without_a_named_state_stay_for_the_country_pass() {
        check(
            Lang::De,
            "Die Staatsanwaltschaft erhob Anklage. Das Amtsgericht verurteilte den Mann.",
            "(state not named)",
            &[("Staatsanwaltschaft", "---JUD"), ("Amtsgericht", "---JUD")],
        );
        check(
            Lang::En,
            "The sheriff said the boy was released.",
            "(agent)",
            &[("sheriff", "---COP")],
        );
    }

    #[test]
    fn nouns_are_found_in_their_language_only() {
        assert_eq!(person_noun(Lang::De, "Mann"), Some(Some(Gender::Male)));
        assert_eq!(person_noun(Lang::De, "Tatverdächtige"), Some(None));
        // German nouns are capitalised; the lowercase word is something else.
        assert_eq!(person_noun(Lang::De, "mann"), None);
        assert_eq!(person_noun(Lang::En, "Parents"), Some(None));
        assert_eq!(person_noun(Lang::En, "woman"), Some(Some(Gender::Female)));
        assert_eq!(person_noun(Lang::En, "MAN"), None);
        assert_eq!(person_noun(Lang::En, "Mann"), None);
        assert_eq!(code_of("Studenten"), "---EDU");
        assert_eq!(code_of("Students"), "---EDU");
        assert_eq!(code_of("Mann"), "---CVL");
    }
}
