//! Month, weekday, number and unit words of German and English.
//!
//! The names are facts of the languages (they agree with CLDR's German and English
//! calendar data); they are written here by hand because they are few and fixed.

/// 1-based month of a month name or abbreviation.
pub(crate) fn month_de(word: &str) -> Option<u32> {
    Some(match word {
        "januar" | "jänner" | "jan" => 1,
        "februar" | "feber" | "feb" => 2,
        "märz" | "mär" => 3,
        "april" | "apr" => 4,
        "mai" => 5,
        "juni" | "jun" => 6,
        "juli" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sep" | "sept" => 9,
        "oktober" | "okt" => 10,
        "november" | "nov" => 11,
        "dezember" | "dez" => 12,
        _ => return None,
    })
}

pub(crate) fn month_en(word: &str) -> Option<u32> {
    Some(match word {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sep" | "sept" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    })
}

const WEEKDAYS_DE: [&str; 7] = [
    "montag",
    "dienstag",
    "mittwoch",
    "donnerstag",
    "freitag",
    "samstag",
    "sonntag",
];
const WEEKDAYS_EN: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];
const DAYPARTS_DE: [&str; 8] = [
    "abend",
    "morgen",
    "vormittag",
    "nachmittag",
    "mittag",
    "nacht",
    "früh",
    "abends",
];

/// 0 = Monday. Accepts `Mittwoch`, `Mittwochabend`, `Sonnabend`.
pub(crate) fn weekday_de(word: &str) -> Option<u32> {
    if word == "sonnabend" {
        return Some(5);
    }
    WEEKDAYS_DE
        .iter()
        .position(|name| {
            word == *name
                || word
                    .strip_prefix(name)
                    .is_some_and(|rest| DAYPARTS_DE.contains(&rest))
        })
        .map(|index| index as u32)
}

/// `montags` (every Monday).
pub(crate) fn weekday_adverb_de(word: &str) -> Option<u32> {
    let stem = word.strip_suffix('s')?;
    if stem == "sonnabend" {
        return Some(5);
    }
    WEEKDAYS_DE
        .iter()
        .position(|name| *name == stem)
        .map(|index| index as u32)
}

pub(crate) fn weekday_en(word: &str) -> Option<u32> {
    let word = word
        .strip_suffix("s")
        .filter(|stem| WEEKDAYS_EN.contains(stem))
        .unwrap_or(word);
    WEEKDAYS_EN
        .iter()
        .position(|name| *name == word)
        .map(|index| index as u32)
}

pub(crate) fn number_de(word: &str) -> Option<u32> {
    Some(match word {
        "ein" | "eine" | "einem" | "einen" | "einer" | "eines" => 1,
        "zwei" => 2,
        "drei" => 3,
        "vier" => 4,
        "fünf" => 5,
        "sechs" => 6,
        "sieben" => 7,
        "acht" => 8,
        "neun" => 9,
        "zehn" => 10,
        "elf" => 11,
        "zwölf" => 12,
        "fünfzehn" => 15,
        "zwanzig" => 20,
        "dreißig" => 30,
        "vierzig" => 40,
        "fünfzig" => 50,
        "hundert" => 100,
        _ => return None,
    })
}

/// A German number with a half: "anderthalb" (1.5), "zweieinhalb" (2.5), ..., as the
/// count of halves (3, 5, ...).
pub(crate) fn halves_de(word: &str) -> Option<u32> {
    if word == "anderthalb" {
        return Some(3);
    }
    let whole = word.strip_suffix("einhalb")?;
    Some(number_de(whole).filter(|&whole| whole >= 2)? * 2 + 1)
}

pub(crate) fn number_en(word: &str) -> Option<u32> {
    Some(match word {
        "a" | "an" | "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "fifteen" => 15,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "hundred" => 100,
        _ => return None,
    })
}

/// A calendar or clock unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Unit {
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Year,
    Decade,
}

impl Unit {
    /// The TIMEX3 duration of `count` units (`PT24H`, `P2W`, `P3Y`).
    pub fn duration(self, count: &str) -> String {
        match self {
            Unit::Minute => format!("PT{count}M"),
            Unit::Hour => format!("PT{count}H"),
            Unit::Day => format!("P{count}D"),
            Unit::Week => format!("P{count}W"),
            Unit::Month => format!("P{count}M"),
            Unit::Year => format!("P{count}Y"),
            Unit::Decade => format!("P{count}DE"),
        }
    }
}

/// A unit word; the flag says whether the form is plural.
pub(crate) fn unit_de(word: &str) -> Option<(Unit, bool)> {
    Some(match word {
        "minute" => (Unit::Minute, false),
        "minuten" => (Unit::Minute, true),
        "stunde" => (Unit::Hour, false),
        "stunden" => (Unit::Hour, true),
        "tag" | "tages" => (Unit::Day, false),
        "tage" | "tagen" => (Unit::Day, true),
        "woche" => (Unit::Week, false),
        "wochen" => (Unit::Week, true),
        "monat" | "monats" => (Unit::Month, false),
        "monate" | "monaten" => (Unit::Month, true),
        "jahr" | "jahres" => (Unit::Year, false),
        "jahre" | "jahren" => (Unit::Year, true),
        "jahrzehnt" | "jahrzehnts" => (Unit::Decade, false),
        "jahrzehnte" | "jahrzehnten" => (Unit::Decade, true),
        _ => return None,
    })
}

pub(crate) fn unit_en(word: &str) -> Option<(Unit, bool)> {
    Some(match word {
        "minute" => (Unit::Minute, false),
        "minutes" => (Unit::Minute, true),
        "hour" => (Unit::Hour, false),
        "hours" => (Unit::Hour, true),
        "day" => (Unit::Day, false),
        "days" => (Unit::Day, true),
        "week" => (Unit::Week, false),
        "weeks" => (Unit::Week, true),
        "month" => (Unit::Month, false),
        "months" => (Unit::Month, true),
        "year" => (Unit::Year, false),
        "years" => (Unit::Year, true),
        "decade" => (Unit::Decade, false),
        "decades" => (Unit::Decade, true),
        _ => return None,
    })
}

/// Words that make a clause past (German).
pub(crate) const PAST_DE: &[&str] = &[
    "hat",
    "hatte",
    "hatten",
    "hattest",
    "habe",
    "haben",
    "war",
    "waren",
    "wurde",
    "wurden",
    "sagte",
    "sagten",
    "erklärte",
    "kam",
    "kamen",
    "ging",
    "gingen",
    "traf",
    "trafen",
    "sprach",
    "gab",
    "fand",
    "fanden",
    "stand",
    "bereits",
    "gestern",
];

/// Words that make a clause future (German).
pub(crate) const FUTURE_DE: &[&str] = &[
    "wird",
    "werden",
    "werde",
    "wirst",
    "will",
    "wollen",
    "soll",
    "sollen",
    "plant",
    "planen",
    "geplant",
    "geplanten",
    "geplante",
    "künftig",
    "bevorstehenden",
    "bevorstehende",
    "morgen",
    "demnächst",
];

/// Lowercase words ending in -te/-ten that are no preterite.
pub(crate) const NOT_PRETERITE_DE: &[&str] = &[
    "heute",
    "letzte",
    "letzten",
    "erste",
    "ersten",
    "zweite",
    "zweiten",
    "dritte",
    "dritten",
    "vierte",
    "vierten",
    "fünfte",
    "fünften",
    "siebte",
    "siebten",
    "achte",
    "achten",
    "zehnte",
    "zehnten",
    "könnte",
    "könnten",
    "müsste",
    "müssten",
    "sollte",
    "sollten",
    "dürfte",
    "dürften",
    "möchte",
    "möchten",
    "hätte",
    "hätten",
    "gute",
    "guten",
    "weite",
    "weiten",
    "breite",
    "breiten",
    "rechte",
    "rechten",
    "bitte",
    "mitte",
    "arte",
    "harte",
    "harten",
    "späte",
    "späten",
    "harte",
    "nächste",
    "nächsten",
    "sechste",
    "sechsten",
    "neunte",
    "neunten",
    "elfte",
    "elften",
    "zwölfte",
    "zwölften",
    "halte",
    "konnte",
    "konnten",
    "rote",
    "roten",
    "tote",
    "toten",
    "mehrte",
    "verte",
];

pub(crate) const PAST_EN: &[&str] = &[
    "was",
    "were",
    "had",
    "did",
    "said",
    "told",
    "met",
    "went",
    "came",
    "took",
    "gave",
    "made",
    "yesterday",
    "ago",
];
pub(crate) const FUTURE_EN: &[&str] = &[
    "will",
    "shall",
    "'ll",
    "going",
    "plans",
    "planned",
    "scheduled",
    "upcoming",
    "tomorrow",
    "expected",
];
