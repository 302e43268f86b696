//! A gazetteer of places with coordinates, and the place mentions of a document.
//!
//! Data: `data/places.tsv.gz` (countries and the 34,000 cities of over 15,000 people
//! from GeoNames, with German exonyms; derived by `scripts/derive_gazetteer.py`, see
//! `NOTICE.md`) and `data/regions.tsv` (hand-written regions, seas, US states and German
//! Länder with rough centroids). Both are embedded in the binary.
//!
//! Data flow: [`Gazetteer::embedded`] parses the files once and builds one anchored
//! leftmost-longest Aho-Corasick automaton over all names (shared through an `Arc`).
//! [`Gazetteer::annotate`] splits the body into words, tries the automaton at every
//! word start, keeps matches that end on a word boundary (German genitive `-s` allowed:
//! `Brüssels`), and keeps a match as a [`PlaceMention`] only where the name is used as
//! a location: after a locative preposition (`in`, `nach`, `aus`, `bei`, `vor`, `an`
//! with the dative, `im`, `am`, `from`, `at`, `near`, ...), possibly with an article,
//! adjectives and a noun such as `Hauptstadt` in between (`in der ostukrainischen
//! Stadt Charkiw`), in a coordination after such a place (`in Paris und Berlin`), or in
//! a dateline at the start of a line (`Brüssel (dpa) -`). Names used as actors
//! (`Moskau verstoße`) are not places. A name with several entries is resolved to the
//! one whose country the document mentions, then countries before regions before
//! cities, then by population.
//!
//! ```
//! use lagebild_doc::{Document, Lang, TextAnalysis};
//! let gazetteer = lagebild_geo::Gazetteer::embedded();
//! let doc = Document { text: "Rutte sagte in Brüssel, Moskau verstoße gegen Sanktionen.".into(), lang: Lang::De, ..Document::default() };
//! let places = gazetteer.annotate(&doc, &TextAnalysis::default());
//! assert_eq!(places.len(), 1);
//! assert_eq!(places[0].country.as_deref(), Some("BEL"));
//! ```
//!
//! Guarantees: no panics on any text; spans on char boundaries, sorted, disjoint;
//! linear in the text length (one anchored automaton run per word).

pub mod eval;
mod gazetteer;

use std::sync::{Arc, OnceLock};

use aho_corasick::{Anchored, Input};
use lagebild_doc::{Document, Lang, Span, TextAnalysis};
use serde::{Deserialize, Serialize};

pub use gazetteer::{GazetteerError, Place, PlaceKind};

use lagebild_text::words::{self, Word, WordKind};

/// One mention of a place.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlaceMention {
    pub span: Span,
    pub name: String,
    /// ISO 3166 alpha-3; `None` for regions across borders (Ostseeraum).
    pub country: Option<String>,
    pub lat: f64,
    pub lon: f64,
    pub geonames: Option<u32>,
}

/// The embedded gazetteer.
#[derive(Debug, Default)]
pub struct Gazetteer {
    names: Option<gazetteer::Names>,
}

const PLACES_FILE: &str = "places.tsv.gz";
const REGIONS_FILE: &str = "regions.tsv";
static PLACES: &[u8] = include_bytes!("../data/places.tsv.gz");
static REGIONS: &str = include_str!("../data/regions.tsv");

/// German locative prepositions; `an` and `vor` get extra checks in [`is_locative`].
const PREPOSITIONS_DE: &[&str] = &[
    "in",
    "im",
    "nach",
    "aus",
    "bei",
    "beim",
    "vor",
    "an",
    "am",
    "nahe",
    "unweit",
    "nördlich",
    "südlich",
    "östlich",
    "westlich",
    "außerhalb",
    "innerhalb",
];
const PREPOSITIONS_EN: &[&str] = &[
    "in",
    "from",
    "at",
    "near",
    "to",
    "into",
    "across",
    "throughout",
    "outside",
    "inside",
    "around",
    "toward",
    "towards",
];
/// Nouns that may stand between the preposition and the name.
const PLACE_NOUNS: &[&str] = &[
    "stadt",
    "hauptstadt",
    "großstadt",
    "hafenstadt",
    "metropole",
    "region",
    "provinz",
    "bundesstaat",
    "bundesland",
    "republik",
    "dorf",
    "ort",
    "gemeinde",
    "kleinstadt",
    "grenzstadt",
    "city",
    "capital",
    "town",
    "village",
    "region",
    "province",
    "state",
    "port",
];
const ARTICLES: &[&str] = &[
    "der", "die", "das", "dem", "den", "des", "the", "dieser", "diesem", "this",
];
/// Words before `vor` that make it "warn of", not "off/outside".
const VOR_NOT_LOCATIVE: &[&str] = &[
    "warnte",
    "warnt",
    "warnen",
    "gewarnt",
    "angst",
    "sorge",
    "furcht",
    "schutz",
    "respekt",
    "warnung",
    "warnungen",
    "flucht",
    "flohen",
    "geflohen",
];
/// Words that join a further place to a place just found.
const COORDINATION: &[&str] = &[",", "und", "and", "sowie", "oder", "or", "bzw", "/"];

impl Gazetteer {
    /// The gazetteer embedded in the binary, built once per process and shared.
    /// Should the embedded data not load (it is checked by the tests), the gazetteer is
    /// empty rather than failing.
    pub fn embedded() -> Arc<Gazetteer> {
        static EMBEDDED: OnceLock<Arc<Gazetteer>> = OnceLock::new();
        EMBEDDED
            .get_or_init(|| Arc::new(Gazetteer::try_embedded().unwrap_or_default()))
            .clone()
    }

    /// The embedded gazetteer, with the error if its data does not load.
    pub fn try_embedded() -> Result<Gazetteer, GazetteerError> {
        Gazetteer::from_sources(&gazetteer::gunzip(PLACES_FILE, PLACES)?, REGIONS)
    }

    /// Builds a gazetteer from the text of a `places.tsv` and a `regions.tsv`.
    pub fn from_sources(places: &str, regions: &str) -> Result<Gazetteer, GazetteerError> {
        let mut entries = Vec::new();
        gazetteer::parse_places(PLACES_FILE, places, &mut entries)?;
        gazetteer::parse_regions(REGIONS_FILE, regions, &mut entries)?;
        Ok(Gazetteer {
            names: Some(gazetteer::build(entries)?),
        })
    }

    /// Number of places.
    pub fn len(&self) -> usize {
        self.names.as_ref().map_or(0, |names| names.places.len())
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Every place called exactly `name`.
    pub fn lookup(&self, name: &str) -> Vec<&Place> {
        let Some(names) = &self.names else {
            return Vec::new();
        };
        names
            .patterns
            .iter()
            .position(|pattern| pattern == name)
            .map(|slot| {
                names.candidates[slot]
                    .iter()
                    .filter_map(|&id| names.places.get(id as usize))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Finds the place mentions of `doc`, sorted by span.
    pub fn annotate(&self, doc: &Document, analysis: &TextAnalysis) -> Vec<PlaceMention> {
        let _ = analysis;
        let Some(names) = &self.names else {
            return Vec::new();
        };
        let text = doc.text.as_str();
        let words = words::words(text, doc.body_span());
        let (german, english) = match doc.lang {
            Lang::De => (true, false),
            Lang::En => (false, true),
            Lang::Other => (true, true),
        };
        // Every name match, location or not: (first word, last word, span, pattern).
        let mut hits: Vec<(usize, usize, Span, usize)> = Vec::new();
        let mut index = 0;
        while index < words.len() {
            let word = &words[index];
            if word.kind != WordKind::Alpha {
                index += 1;
                continue;
            }
            let start = word.span.start as usize;
            let input = Input::new(text)
                .range(start..doc.body_span().end as usize)
                .anchored(Anchored::Yes);
            let Some(found) = names.automaton.find(input) else {
                index += 1;
                continue;
            };
            let mut end = found.end();
            let next = text[end..].chars().next();
            let boundary =
                |ch: Option<char>| ch.is_none_or(|ch| !ch.is_alphanumeric() && ch != '-');
            if !boundary(next) {
                // German genitive: "Brüssels", "Russlands".
                let after = text[end..].chars().nth(1);
                if german && next == Some('s') && boundary(after) {
                    end += 1;
                } else {
                    index += 1;
                    continue;
                }
            }
            let last = words[index..]
                .iter()
                .position(|word| word.span.end as usize >= end)
                .map_or(index, |offset| index + offset);
            hits.push((
                index,
                last,
                Span::from_range(start..end),
                found.pattern().as_usize(),
            ));
            index = last + 1;
        }
        // Countries the document talks about, for choosing among places of one name.
        let mut countries: Vec<String> = Vec::new();
        for &(_, _, _, pattern) in &hits {
            let candidates = &names.candidates[pattern];
            for &id in candidates {
                let place = &names.places[id as usize];
                if candidates.len() == 1
                    && let Some(country) = &place.country
                    && !countries.contains(country)
                {
                    countries.push(country.clone());
                }
            }
        }
        let mut out = Vec::new();
        let mut last_place_word: Option<usize> = None;
        for &(first, last, span, pattern) in &hits {
            // "in Paris und Berlin", "in Paris, London und Rom"; a bare comma only inside
            // a list ("in Brüssel, Moskau verstoße" is no list).
            let coordinated = last_place_word.is_some_and(|end| {
                let between = &words[end + 1..first.max(end + 1)];
                let joined = end < first
                    && between
                        .iter()
                        .all(|word| word.is_any(COORDINATION) || word.is_any(ARTICLES));
                let list = between
                    .iter()
                    .any(|word| word.is_any(&["und", "and", "sowie", "oder", "or", "bzw", "/"]))
                    || words
                        .get(last + 1)
                        .is_some_and(|word| word.is_any(COORDINATION));
                joined && list
            });
            let located = if names.noun_like[pattern] {
                // "in Halle" is the city, "in der Halle" a hall.
                first > 0 && words[first - 1].is_any(&["in", "nach", "aus", "bei", "from", "near"])
            } else {
                coordinated
                    || is_locative(&words, first, german, english)
                    || is_dateline(text, span, &words, last)
            };
            if !located {
                continue;
            }
            let best = names.candidates[pattern]
                .iter()
                .filter_map(|&id| names.places.get(id as usize))
                .max_by_key(|place| place.preference(&countries));
            if let Some(place) = best {
                out.push(PlaceMention {
                    span,
                    name: place.name.clone(),
                    country: place.country.clone(),
                    lat: place.lat,
                    lon: place.lon,
                    geonames: place.geonames,
                });
                last_place_word = Some(last);
            }
        }
        out
    }
}

fn is_adjective(word: &Word, german: bool) -> bool {
    if word.kind != WordKind::Alpha || word.capitalised {
        return false;
    }
    let lower = word.lower.as_str();
    if german {
        lower.chars().count() >= 5
            && ["en", "em", "er", "es", "e"]
                .iter()
                .any(|suffix| lower.ends_with(suffix))
            && !matches!(
                lower,
                "einen"
                    | "einem"
                    | "einer"
                    | "eines"
                    | "keine"
                    | "seine"
                    | "ihren"
                    | "ihrem"
                    | "unser"
                    | "haben"
                    | "waren"
                    | "werden"
                    | "wurden"
                    | "sollen"
                    | "wollen"
                    | "können"
                    | "müssen"
                    | "sagte"
                    | "hatte"
                    | "wurde"
                    | "würde"
                    | "diese"
                    | "hatten"
            )
    } else {
        lower.ends_with("ern") || lower.ends_with("ral") || lower.ends_with("ian")
    }
}

/// Whether the words before `first` make the name a location.
fn is_locative(words: &[Word], first: usize, german: bool, english: bool) -> bool {
    let mut at = first;
    // "in der Hauptstadt Kiew", "in the city of Kharkiv".
    if at >= 2 && words[at - 1].is("of") && words[at - 2].is_any(PLACE_NOUNS) {
        at -= 2;
    } else if at >= 1 && words[at - 1].is_any(PLACE_NOUNS) {
        at -= 1;
    }
    let mut skipped = 0;
    while at > 0
        && skipped < 3
        && (words[at - 1].is_any(ARTICLES) || is_adjective(&words[at - 1], german))
    {
        at -= 1;
        skipped += 1;
    }
    if at == 0 {
        return false;
    }
    let preposition = &words[at - 1];
    let article_follows = words
        .get(at)
        .is_some_and(|word| word.is_any(&["der", "dem"]))
        && at < first;
    if german && preposition.is_any(PREPOSITIONS_DE) {
        return match preposition.lower.as_str() {
            // "an" is locative with the dative ("an der Ostsee"), not "Waffen an Russland".
            "an" => article_follows,
            "vor" => !(at >= 2 && words[at - 2].is_any(VOR_NOT_LOCATIVE)),
            _ => true,
        };
    }
    english && preposition.is_any(PREPOSITIONS_EN)
}

/// A name at the start of a line followed by `(` or a dash: `BRÜSSEL (dpa) -`.
fn is_dateline(text: &str, span: Span, words: &[Word], last: usize) -> bool {
    let before = &text[..span.start as usize];
    let line_start = before.rfind('\n').map_or(0, |index| index + 1);
    if !before[line_start..].trim().is_empty() {
        return false;
    }
    words.get(last + 1).is_some_and(|word| {
        word.kind == WordKind::Punct && matches!(word.lower.as_str(), "(" | "–" | "—" | "-" | "/")
    })
}

#[cfg(test)]
mod tests;
