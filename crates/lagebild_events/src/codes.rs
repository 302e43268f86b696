//! CAMEO code facts: Goldstein scale values, QuadClass and the PLOVER mapping.
//!
//! The Goldstein values are the published CAMEO/Goldstein conflict-cooperation weights
//! (one number per code, facts restated here). The PLOVER table is derived from PLOVER's
//! `CAMEO2PLOVER-2021.txt` by `scripts/derive_plover.py` (CC BY-SA 4.0, see NOTICE.md).

use std::collections::HashMap;
use std::sync::OnceLock;

/// Goldstein values per CAMEO code. Codes not listed take the value of their longest
/// listed prefix (`0311` -> `031`).
const GOLDSTEIN: &[(&str, f32)] = &[
    ("01", 0.0),
    ("010", 0.0),
    ("011", -0.1),
    ("012", -0.4),
    ("013", 0.4),
    ("014", 0.0),
    ("015", 0.0),
    ("016", 3.4),
    ("017", 0.0),
    ("018", 3.4),
    ("019", 3.4),
    ("02", 3.0),
    ("020", 3.0),
    ("021", 3.4),
    ("022", 3.2),
    ("023", 3.4),
    ("024", -0.3),
    ("025", -0.3),
    ("026", 4.0),
    ("027", 4.0),
    ("028", 4.0),
    ("03", 4.0),
    ("030", 4.0),
    ("031", 5.2),
    ("032", 4.5),
    ("033", 5.2),
    ("0334", 6.0),
    ("034", 7.0),
    ("035", 7.0),
    ("036", 4.0),
    ("037", 5.0),
    ("038", 7.0),
    ("039", 5.0),
    ("04", 1.0),
    ("040", 1.0),
    ("041", 1.0),
    ("042", 1.9),
    ("043", 2.8),
    ("044", 2.5),
    ("045", 5.0),
    ("046", 7.0),
    ("05", 3.5),
    ("050", 3.5),
    ("051", 3.4),
    ("052", 3.5),
    ("053", 3.8),
    ("054", 6.0),
    ("055", 7.0),
    ("056", 7.0),
    ("057", 8.0),
    ("06", 6.0),
    ("060", 6.0),
    ("061", 6.4),
    ("062", 7.4),
    ("063", 7.4),
    ("064", 7.0),
    ("07", 7.0),
    ("070", 7.0),
    ("071", 7.4),
    ("072", 8.3),
    ("073", 7.4),
    ("074", 8.5),
    ("075", 7.0),
    ("08", 5.0),
    ("080", 5.0),
    ("081", 5.0),
    ("082", 5.0),
    ("083", 5.0),
    ("084", 7.0),
    ("085", 7.0),
    ("086", 9.0),
    ("087", 9.0),
    ("0871", 10.0),
    ("0872", 10.0),
    ("0873", 10.0),
    ("0874", 10.0),
    ("09", -2.0),
    ("090", -2.0),
    ("091", -2.0),
    ("092", -2.0),
    ("093", -2.0),
    ("094", -2.0),
    ("10", -5.0),
    ("100", -5.0),
    ("101", -5.0),
    ("102", -5.0),
    ("103", -5.0),
    ("104", -5.0),
    ("105", -5.0),
    ("106", -5.0),
    ("107", -5.0),
    ("108", -5.0),
    ("11", -2.0),
    ("110", -2.0),
    ("111", -2.0),
    ("112", -2.0),
    ("113", -2.0),
    ("114", -2.0),
    ("115", -2.0),
    ("116", -2.0),
    ("12", -4.0),
    ("120", -4.0),
    ("121", -4.0),
    ("122", -4.0),
    ("123", -4.0),
    ("124", -5.0),
    ("125", -5.0),
    ("126", -5.0),
    ("127", -5.0),
    ("128", -5.0),
    ("129", -5.0),
    ("13", -6.0),
    ("130", -4.4),
    ("131", -5.8),
    ("132", -5.8),
    ("133", -5.8),
    ("134", -5.8),
    ("135", -5.8),
    ("136", -7.0),
    ("137", -7.0),
    ("138", -7.0),
    ("139", -7.0),
    ("14", -6.5),
    ("140", -6.5),
    ("141", -6.5),
    ("142", -6.5),
    ("143", -6.5),
    ("144", -7.5),
    ("145", -7.5),
    ("15", -7.2),
    ("150", -7.2),
    ("151", -7.2),
    ("152", -7.2),
    ("153", -7.2),
    ("154", -7.2),
    ("16", -4.0),
    ("160", -4.0),
    ("161", -4.0),
    ("162", -5.6),
    ("163", -8.0),
    ("164", -7.0),
    ("165", -7.0),
    ("166", -7.0),
    ("17", -7.0),
    ("170", -7.0),
    ("171", -9.2),
    ("172", -5.0),
    ("173", -5.0),
    ("174", -5.0),
    ("175", -9.0),
    ("18", -9.0),
    ("180", -9.0),
    ("181", -9.0),
    ("182", -9.5),
    ("183", -10.0),
    ("184", -8.0),
    ("185", -8.0),
    ("186", -10.0),
    ("19", -10.0),
    ("190", -10.0),
    ("191", -9.5),
    ("192", -9.5),
    ("193", -10.0),
    ("194", -10.0),
    ("195", -10.0),
    ("196", -9.5),
    ("20", -10.0),
    ("200", -10.0),
    ("201", -9.5),
    ("202", -10.0),
    ("203", -10.0),
    ("204", -10.0),
];

const PLOVER_TABLE: &str = include_str!("../data/cameo_plover.tsv");

/// The PLOVER category, mode and context of a CAMEO code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PloverMapping {
    pub category: String,
    pub mode: Option<String>,
    pub context: Option<String>,
}

fn goldstein_table() -> &'static HashMap<&'static str, f32> {
    static TABLE: OnceLock<HashMap<&'static str, f32>> = OnceLock::new();
    TABLE.get_or_init(|| GOLDSTEIN.iter().copied().collect())
}

fn plover_table() -> &'static HashMap<String, PloverMapping> {
    static TABLE: OnceLock<HashMap<String, PloverMapping>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = HashMap::new();
        for line in PLOVER_TABLE.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let mut fields = line.split('\t');
            let (Some(code), Some(category)) = (fields.next(), fields.next()) else {
                continue;
            };
            let optional = |value: Option<&str>| {
                value
                    .map(str::trim)
                    .filter(|value| !value.is_empty())
                    .map(str::to_string)
            };
            let mode = optional(fields.next());
            let context = optional(fields.next());
            table.insert(
                code.to_string(),
                PloverMapping {
                    category: category.to_string(),
                    mode,
                    context,
                },
            );
        }
        table
    })
}

/// Whether `code` is a well-formed CAMEO code: 2 to 4 digits with a root 01..=20.
pub fn is_valid(code: &str) -> bool {
    (2..=4).contains(&code.len())
        && code.bytes().all(|byte| byte.is_ascii_digit())
        && root_number(code).is_some()
}

fn root_number(code: &str) -> Option<u8> {
    let root: u8 = code.get(..2)?.parse().ok()?;
    (1..=20).contains(&root).then_some(root)
}

/// The two-digit root of a code (`"112"` -> `"11"`).
pub fn root(code: &str) -> &str {
    code.get(..2).unwrap_or(code)
}

/// The Goldstein value of a code, from the code itself or its longest listed prefix.
pub fn goldstein(code: &str) -> f32 {
    let table = goldstein_table();
    (2..=code.len())
        .rev()
        .find_map(|length| code.get(..length).and_then(|prefix| table.get(prefix)))
        .copied()
        .unwrap_or(0.0)
}

/// QuadClass: 1 verbal cooperation (01-05), 2 material cooperation (06-09), 3 verbal
/// conflict (10-14), 4 material conflict (15-20); 0 for an invalid code.
pub fn quad_class(code: &str) -> u8 {
    match root_number(code) {
        Some(1..=5) => 1,
        Some(6..=9) => 2,
        Some(10..=14) => 3,
        Some(15..=20) => 4,
        _ => 0,
    }
}

/// The PLOVER mapping of a code, from the code or its longest mapped prefix. CAMEO 01
/// (public statement) and 02 (appeal) have no PLOVER category.
pub fn plover(code: &str) -> Option<&'static PloverMapping> {
    let table = plover_table();
    (2..=code.len())
        .rev()
        .find_map(|length| code.get(..length).and_then(|prefix| table.get(prefix)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_facts() {
        assert_eq!(goldstein("112"), -2.0);
        assert_eq!(goldstein("0311"), 5.2, "falls back to the prefix 031");
        assert_eq!(goldstein("190"), -10.0);
        assert_eq!(quad_class("042"), 1);
        assert_eq!(quad_class("073"), 2);
        assert_eq!(quad_class("112"), 3);
        assert_eq!(quad_class("19"), 4);
        assert_eq!(quad_class("21"), 0);
        assert!(is_valid("0874") && !is_valid("21") && !is_valid("1") && !is_valid("11a"));
        assert_eq!(
            plover("112").map(|mapping| mapping.category.as_str()),
            Some("ACCUSE")
        );
        assert_eq!(
            plover("042").and_then(|mapping| mapping.mode.as_deref()),
            Some("visit")
        );
        assert!(plover("010").is_none());
    }
}
