//! Loading the gazetteer files and the name automaton.

use std::collections::HashMap;
use std::io::Read;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind, StartKind};

/// What kind of place an entry is; ranks candidates of the same name.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum PlaceKind {
    City,
    Region,
    Country,
}

impl PlaceKind {
    fn rank(self) -> u8 {
        match self {
            PlaceKind::City => 1,
            PlaceKind::Region => 2,
            PlaceKind::Country => 3,
        }
    }
}

/// One gazetteer entry.
#[derive(Clone, Debug, PartialEq)]
pub struct Place {
    /// Canonical name (GeoNames name, or the first column of `regions.tsv`).
    pub name: String,
    pub kind: PlaceKind,
    /// ISO 3166 alpha-3; `None` for regions across borders.
    pub country: Option<String>,
    pub lat: f64,
    pub lon: f64,
    pub geonames: Option<u32>,
    pub population: u64,
    /// Where the entry comes from (`places.tsv.gz:123`, `regions.tsv:12`).
    pub rule: String,
}

impl Place {
    /// Orders candidates of one name: countries mentioned in the document first, then
    /// countries before regions before cities, then population.
    pub(crate) fn preference(&self, countries_in_document: &[String]) -> (bool, u8, u64) {
        let mentioned = self
            .country
            .as_ref()
            .is_some_and(|country| countries_in_document.contains(country));
        (mentioned, self.kind.rank(), self.population)
    }
}

#[derive(Debug, thiserror::Error)]
pub enum GazetteerError {
    #[error("{file}:{line}: {message}")]
    Syntax {
        file: String,
        line: usize,
        message: String,
    },
    #[error("{file}: {source}")]
    Io {
        file: String,
        source: std::io::Error,
    },
    #[error("building the name automaton: {0}")]
    Automaton(String),
}

pub(crate) struct Names {
    pub places: Vec<Place>,
    /// Pattern index -> places with that name.
    pub candidates: Vec<Vec<u32>>,
    pub patterns: Vec<String>,
    /// Pattern index -> whether the name is also a common noun (`~Halle` in the data).
    pub noun_like: Vec<bool>,
    pub automaton: AhoCorasick,
}

impl std::fmt::Debug for Names {
    fn fmt(&self, out: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            out,
            "Names({} places, {} names)",
            self.places.len(),
            self.patterns.len()
        )
    }
}

fn syntax(file: &str, line: usize, message: impl Into<String>) -> GazetteerError {
    GazetteerError::Syntax {
        file: file.to_string(),
        line,
        message: message.into(),
    }
}

fn coordinate(file: &str, line: usize, value: &str) -> Result<f64, GazetteerError> {
    value
        .trim()
        .parse::<f64>()
        .map_err(|_| syntax(file, line, format!("bad coordinate {value:?}")))
}

fn country(value: &str) -> Option<String> {
    let value = value.trim();
    (!value.is_empty() && value != "---").then(|| value.to_string())
}

/// The data rows of a TSV file (blank lines and `#` comments skipped) with their 1-based
/// line numbers; a row with another number of columns than `width` is an error.
fn rows<'a>(
    file: &'a str,
    text: &'a str,
    width: usize,
) -> impl Iterator<Item = Result<(usize, Vec<&'a str>), GazetteerError>> + 'a {
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty() && !line.starts_with('#'))
        .map(move |(index, line)| {
            let columns: Vec<&str> = line.split('\t').collect();
            if columns.len() == width {
                Ok((index + 1, columns))
            } else {
                Err(syntax(
                    file,
                    index + 1,
                    format!("expected {width} columns, found {}", columns.len()),
                ))
            }
        })
}

/// The `|`-separated name variants of a column.
fn variants(column: &str) -> Vec<String> {
    column
        .split('|')
        .filter(|name| !name.is_empty())
        .map(str::to_string)
        .collect()
}

/// Parses `places.tsv` (see `scripts/derive_gazetteer.py`).
pub(crate) fn parse_places(
    file: &str,
    text: &str,
    out: &mut Vec<(Place, Vec<String>)>,
) -> Result<(), GazetteerError> {
    for row in rows(file, text, 8) {
        let (number, columns) = row?;
        let kind = match columns[1] {
            "country" => PlaceKind::Country,
            "city" => PlaceKind::City,
            "region" => PlaceKind::Region,
            other => return Err(syntax(file, number, format!("unknown kind {other:?}"))),
        };
        let place = Place {
            name: columns[2].to_string(),
            kind,
            country: country(columns[3]),
            lat: coordinate(file, number, columns[4])?,
            lon: coordinate(file, number, columns[5])?,
            geonames: columns[0].parse().ok(),
            population: columns[6].parse().unwrap_or(0),
            rule: format!("{file}:{number}"),
        };
        let variants = variants(columns[7]);
        out.push((place, variants));
    }
    Ok(())
}

/// Parses `regions.tsv`: name, country, lat, lon, variants.
pub(crate) fn parse_regions(
    file: &str,
    text: &str,
    out: &mut Vec<(Place, Vec<String>)>,
) -> Result<(), GazetteerError> {
    for row in rows(file, text, 5) {
        let (number, columns) = row?;
        let place = Place {
            name: columns[0].to_string(),
            kind: PlaceKind::Region,
            country: country(columns[1]),
            lat: coordinate(file, number, columns[2])?,
            lon: coordinate(file, number, columns[3])?,
            geonames: None,
            population: 0,
            rule: format!("{file}:{number}"),
        };
        let mut variants = variants(columns[4]);
        if !variants.contains(&place.name) && !place.name.contains('(') {
            variants.push(place.name.clone());
        }
        out.push((place, variants));
    }
    Ok(())
}

pub(crate) fn gunzip(file: &str, bytes: &[u8]) -> Result<String, GazetteerError> {
    let mut text = String::new();
    flate2::read::GzDecoder::new(bytes)
        .read_to_string(&mut text)
        .map_err(|source| GazetteerError::Io {
            file: file.to_string(),
            source,
        })?;
    Ok(text)
}

/// Builds the anchored leftmost-longest automaton over every name.
pub(crate) fn build(entries: Vec<(Place, Vec<String>)>) -> Result<Names, GazetteerError> {
    let mut places = Vec::with_capacity(entries.len());
    let mut by_name: HashMap<String, usize> = HashMap::new();
    let mut patterns: Vec<String> = Vec::new();
    let mut candidates: Vec<Vec<u32>> = Vec::new();
    let mut noun_like: Vec<bool> = Vec::new();
    for (place, variants) in entries {
        let id = places.len() as u32;
        places.push(place);
        for variant in variants {
            let (variant, noun) = match variant.strip_prefix('~') {
                Some(name) => (name.to_string(), true),
                None => (variant, false),
            };
            let slot = *by_name.entry(variant.clone()).or_insert_with(|| {
                patterns.push(variant);
                candidates.push(Vec::new());
                noun_like.push(false);
                patterns.len() - 1
            });
            noun_like[slot] |= noun;
            if !candidates[slot].contains(&id) {
                candidates[slot].push(id);
            }
        }
    }
    let automaton = AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .start_kind(StartKind::Anchored)
        .build(&patterns)
        .map_err(|error| GazetteerError::Automaton(error.to_string()))?;
    Ok(Names {
        places,
        candidates,
        patterns,
        noun_like,
        automaton,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_skip_comments_and_name_the_bad_line() {
        let mut out = Vec::new();
        let text =
            "# name\tcountry\tlat\tlon\tvariants\n\nHarzland\tDEU\t51.7\t10.6\tHarz|Oberharz\n";
        parse_regions("regions.tsv", text, &mut out).expect("a well-formed file parses");
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].0.rule, "regions.tsv:3");
        assert_eq!(out[0].1, ["Harz", "Oberharz", "Harzland"]);

        let broken = "Harzland\tDEU\t51.7\t10.6\tHarz\nBörde\tDEU\t52.1\n";
        let Err(error) = parse_regions("regions.tsv", broken, &mut out) else {
            panic!("a short row is an error");
        };
        assert_eq!(
            error.to_string(),
            "regions.tsv:2: expected 5 columns, found 3"
        );
        let bad_number = "1\tcity\tOrt\tDEU\tnorth\t10.0\t5\tOrt\n";
        let Err(error) = parse_places("places.tsv", bad_number, &mut out) else {
            panic!("a bad coordinate is an error");
        };
        assert!(
            error
                .to_string()
                .starts_with("places.tsv:1: bad coordinate"),
            "{error}"
        );
    }
}
