//! German case evidence from surface forms, independent of the tagger's single guess.
//!
//! The tagger gives every noun one case; for many objects that guess is wrong (a
//! feminine or a bare name is nominative or accusative alike), and parsing inherits the
//! error. Determiners, pronouns and strong adjective endings narrow the cases a phrase
//! can be in whatever the tagger said: `dem` and `ihm` are dative, `den` accusative or
//! dative, `die` nominative or accusative. A case set is a bit mask ([`NOM`], [`ACC`],
//! [`DAT`], [`GEN`]); 0 means "no evidence" (any case).

use lagebild_doc::{Case, Number, Upos};

pub(crate) const NOM: u8 = 1;
pub(crate) const ACC: u8 = 2;
pub(crate) const DAT: u8 = 4;
pub(crate) const GEN: u8 = 8;

/// Stems of the determiners declined like `ein` (no ending in the nominative singular).
const EIN_STEMS: &[&str] = &[
    "ein", "kein", "mein", "dein", "sein", "ihr", "unser", "euer", "eur", "unsr",
];
/// Stems declined like `dieser` (strong endings throughout).
const DIES_STEMS: &[&str] = &[
    "dies",
    "jen",
    "jed",
    "welch",
    "manch",
    "solch",
    "all",
    "beid",
    "jeglich",
    "sämtlich",
];

/// The cases a German word form allows on its own (0: no evidence). `lower` is the
/// lower-cased form.
pub(crate) fn surface_cases(lower: &str, upos: Upos) -> u8 {
    match upos {
        Upos::Pron => pronoun_cases(lower).unwrap_or_else(|| determiner_cases(lower, true)),
        Upos::Det => determiner_cases(lower, false),
        Upos::Adj => adjective_cases(lower),
        _ => 0,
    }
}

fn pronoun_cases(lower: &str) -> Option<u8> {
    Some(match lower {
        "ich" | "du" | "er" | "wir" | "man" | "wer" | "jemand" | "niemand" => NOM,
        "mich" | "dich" | "ihn" | "wen" | "jemanden" | "niemanden" => ACC,
        "mir" | "dir" | "ihm" | "ihnen" | "wem" | "denen" | "jemandem" | "niemandem" => DAT,
        "sie" | "es" | "das" | "was" | "die" | "nichts" | "etwas" | "alles" => NOM | ACC,
        "uns" | "euch" | "sich" => ACC | DAT,
        "ihr" => NOM | DAT,
        "der" => NOM | DAT,
        "den" => ACC,
        "dem" => DAT,
        "dessen" | "deren" | "wessen" | "derer" => GEN,
        _ => return None,
    })
}

fn determiner_cases(lower: &str, pronoun: bool) -> u8 {
    match lower {
        "der" => return NOM | DAT | GEN,
        "die" | "das" => return NOM | ACC,
        "den" => return ACC | DAT,
        "dem" => return DAT,
        "des" => return GEN,
        "dessen" | "deren" => return GEN,
        _ => {}
    }
    for stem in EIN_STEMS {
        if let Some(ending) = lower.strip_prefix(stem) {
            return match ending {
                // "ein Vertrag", "unser Land"; as a pronoun "keiner" is nominative too.
                "" => NOM | ACC,
                "e" => NOM | ACC,
                "en" if *stem == "ein" => ACC,
                "en" => ACC | DAT,
                "em" => DAT,
                "er" if pronoun => NOM | DAT | GEN,
                "er" => DAT | GEN,
                "es" if pronoun => NOM | ACC | GEN,
                "es" => GEN,
                _ => 0,
            };
        }
    }
    for stem in DIES_STEMS {
        if let Some(ending) = lower.strip_prefix(stem) {
            return match ending {
                "e" => NOM | ACC,
                "en" => ACC | DAT,
                "em" => DAT,
                "er" => NOM | DAT | GEN,
                "es" => NOM | ACC | GEN,
                _ => 0,
            };
        }
    }
    0
}

/// Strong adjective endings; the ambiguous `-en` gives no evidence.
fn adjective_cases(lower: &str) -> u8 {
    if lower.len() < 4 {
        return 0;
    }
    if lower.ends_with("em") {
        DAT
    } else if lower.ends_with("es") {
        NOM | ACC | GEN
    } else if lower.ends_with("er") {
        NOM | DAT | GEN
    } else if lower.ends_with('e') {
        NOM | ACC
    } else {
        0
    }
}

/// Masculine nouns of the weak declension, whose accusative singular ends in `-(e)n`
/// like a plural ("den Menschen", "den Präsidenten"); lemmas ending in `-e` are left out
/// as a class (weak "Kollege" beside feminine "Behörde").
const WEAK_MASCULINES: &[&str] = &[
    "Mensch",
    "Held",
    "Fürst",
    "Prinz",
    "Bär",
    "Herr",
    "Graf",
    "Nachbar",
    "Bauer",
    "Narr",
    "Christ",
    "Soldat",
    "Kandidat",
    "Diplomat",
    "Demokrat",
    "Bürokrat",
    "Automat",
    "Pirat",
    "Advokat",
    "Kamerad",
    "Vorfahr",
    "Rebell",
    "Tyrann",
    "Idiot",
    "Patriot",
    "Astronaut",
    "Chaot",
    "Pilot",
];
/// Endings of weak masculines borrowed from Latin and Greek ("Präsident", "Journalist").
const WEAK_ENDINGS: &[&str] = &["ent", "ant", "ist", "graf", "soph", "nom", "e"];

/// Whether a German noun form is a plural marked for the dative, from its form and its
/// lemma: `Some(true)` when only a dative plural has that form ("Kindern", "Ländern":
/// plural in `-er` plus the dative `-n`), `Some(false)` when it is a plural in `-(e)n`
/// that a masculine singular cannot share ("Forderungen", "Gesetzen": dative after
/// `den`), `None` otherwise (also for weak masculines: "den Menschen" is accusative).
pub(crate) fn dative_plural(form: &str, lemma: &str) -> Option<bool> {
    if lemma.is_empty() || form == lemma || form.len() <= lemma.len() {
        return None;
    }
    let weak = WEAK_MASCULINES.contains(&lemma)
        || WEAK_ENDINGS.iter().any(|ending| lemma.ends_with(ending));
    let ending = form.strip_prefix(lemma);
    if !lemma.ends_with("er") && form.ends_with("ern") {
        // Umlauted stems ("Land", "Ländern") share only their first letter.
        let same_start = lemma.chars().next() == form.chars().next();
        return (same_start && !weak).then_some(true);
    }
    match ending {
        Some("en" | "n" | "nen") if !weak => Some(false),
        _ => None,
    }
}

pub(crate) fn mask_of(case: Option<Case>) -> u8 {
    match case {
        Some(Case::Nom) => NOM,
        Some(Case::Acc) => ACC,
        Some(Case::Dat) => DAT,
        Some(Case::Gen) => GEN,
        None => 0,
    }
}

/// Narrows the case set `cases` by the evidence `more` (0 is no evidence); evidence that
/// contradicts what is known already is ignored.
pub(crate) fn narrow(cases: u8, more: u8) -> u8 {
    if cases == 0 {
        more
    } else if more == 0 || cases & more == 0 {
        cases
    } else {
        cases & more
    }
}

/// The case to believe for a phrase: the tagger's guess unless the phrase's surface
/// evidence rules it out; then the single case the evidence allows. A noun after a
/// `den`-type determiner (accusative singular or dative plural) takes the case its
/// number agrees with (`noun`: the evidence comes from a determiner, not a pronoun).
pub(crate) fn resolve(
    tagged: Option<Case>,
    evidence: u8,
    number: Option<Number>,
    noun: bool,
) -> Option<Case> {
    if noun && evidence == ACC | DAT {
        match number {
            Some(Number::Plur) => return Some(Case::Dat),
            Some(Number::Sing) => return Some(Case::Acc),
            _ => {}
        }
    }
    if evidence == 0 || evidence & mask_of(tagged) != 0 {
        return tagged;
    }
    let single = match evidence {
        NOM => Some(Case::Nom),
        ACC => Some(Case::Acc),
        DAT => Some(Case::Dat),
        GEN => Some(Case::Gen),
        _ => None,
    };
    if single.is_some() {
        return single;
    }
    if evidence == ACC | DAT {
        return match number {
            Some(Number::Plur) => Some(Case::Dat),
            Some(Number::Sing) => Some(Case::Acc),
            _ => tagged,
        };
    }
    tagged
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plural_forms_that_mark_the_dative() {
        // Only a dative plural ends so: plural in -er plus the dative -n.
        assert_eq!(dative_plural("Kindern", "Kind"), Some(true));
        assert_eq!(dative_plural("Ländern", "Land"), Some(true));
        // Plurals in -(e)n: dative after "den", as no masculine singular ends so.
        assert_eq!(dative_plural("Forderungen", "Forderung"), Some(false));
        assert_eq!(dative_plural("Ministerinnen", "Ministerin"), Some(false));
        // Weak masculines ("den Menschen", "den Präsidenten") and -e nouns say nothing.
        assert_eq!(dative_plural("Menschen", "Mensch"), None);
        assert_eq!(dative_plural("Präsidenten", "Präsident"), None);
        assert_eq!(dative_plural("Kollegen", "Kollege"), None);
        assert_eq!(dative_plural("Lehrer", "Lehrer"), None);
        assert_eq!(dative_plural("Bauern", "Bauer"), None);
    }

    #[test]
    fn determiners_and_pronouns_narrow_the_case() {
        assert_eq!(surface_cases("dem", Upos::Det), DAT);
        assert_eq!(surface_cases("einen", Upos::Det), ACC);
        assert_eq!(surface_cases("seinen", Upos::Det), ACC | DAT);
        assert_eq!(surface_cases("eines", Upos::Det), GEN);
        assert_eq!(surface_cases("ihm", Upos::Pron), DAT);
        assert_eq!(surface_cases("ihn", Upos::Pron), ACC);
        assert_eq!(surface_cases("großem", Upos::Adj), DAT);
        assert_eq!(surface_cases("Nato", Upos::Propn), 0);
        assert_eq!(narrow(NOM | ACC, DAT), NOM | ACC);
        assert_eq!(narrow(ACC | DAT, DAT | GEN), DAT);
        // The tagger's nominative for "dem Land" gives way; an allowed guess stays.
        assert_eq!(resolve(Some(Case::Nom), DAT, None, true), Some(Case::Dat));
        assert_eq!(
            resolve(Some(Case::Acc), ACC | DAT, Some(Number::Plur), true),
            Some(Case::Dat)
        );
        // "uns" stays what the tagger said.
        assert_eq!(
            resolve(Some(Case::Acc), ACC | DAT, Some(Number::Plur), false),
            Some(Case::Acc)
        );
        assert_eq!(
            resolve(Some(Case::Acc), NOM | ACC, None, true),
            Some(Case::Acc)
        );
    }
}
