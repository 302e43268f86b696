//! The patterns: at each word, every rule of the document's language is tried and the
//! longest match wins. A match yields a [`Spec`], an unresolved value that
//! [`crate::resolve`] turns into a TIMEX3 string against the publication date.

use crate::TimexKind;
use crate::lexicon::{
    Unit, halves_de, month_de, month_en, number_de, number_en, unit_de, unit_en, weekday_adverb_de,
    weekday_de, weekday_en,
};
use lagebild_text::words::{Word, WordKind};

/// Which way a weekday or month without a year points.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Direction {
    /// Decided by the tense of the clause.
    Tense,
    /// Strictly before the publication date (`vergangenen Mittwoch`).
    Last,
    /// Strictly after (`kommenden Mittwoch`).
    Next,
    /// In the publication week (`diesen Mittwoch`).
    This,
}

/// Part of a month or year (`Anfang Januar`, `Ende des Jahres`); kept for the value's
/// granularity only.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Spec {
    /// A value that needs no anchor (`2024-01-20`, `PT24H`, `PAST_REF`).
    Absolute(String),
    /// Publication date plus days (`gestern` = -1).
    DayOffset(i64),
    Weekday(u32, Direction),
    /// Day and month without a year.
    DayMonth(u32, u32),
    /// Month without a year.
    Month(u32, Direction),
    /// The publication week plus n weeks (`YYYY-Www`).
    WeekOffset(i64),
    /// The weekend of the publication week plus n weeks.
    WeekendOffset(i64),
    /// A given weekday of the publication week plus n weeks (`zu Wochenbeginn`).
    WeekdayOfWeek(u32, i64),
    MonthOffset(i64),
    YearOffset(i64),
    /// A clock time on the publication date (`um 15 Uhr`).
    Clock(u32, u32),
    /// The n-th (1-based) term of office of the person referred to before
    /// (`in seiner ersten Amtszeit`).
    Term(usize),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Candidate {
    /// Exclusive end, in words.
    pub end: usize,
    pub kind: TimexKind,
    pub spec: Spec,
}

fn candidate(end: usize, kind: TimexKind, spec: Spec) -> Option<Candidate> {
    Some(Candidate { end, kind, spec })
}

fn absolute(end: usize, kind: TimexKind, value: impl Into<String>) -> Option<Candidate> {
    candidate(end, kind, Spec::Absolute(value.into()))
}

/// The words of one region with helpers that never index out of bounds.
pub(crate) struct Cursor<'a> {
    pub words: &'a [Word],
}

impl<'a> Cursor<'a> {
    fn get(&self, index: usize) -> Option<&'a Word> {
        self.words.get(index)
    }

    fn is(&self, index: usize, text: &str) -> bool {
        self.get(index).is_some_and(|word| word.is(text))
    }

    fn is_any(&self, index: usize, texts: &[&str]) -> bool {
        self.get(index).is_some_and(|word| word.is_any(texts))
    }

    fn lower(&self, index: usize) -> &'a str {
        self.get(index).map_or("", |word| word.lower.as_str())
    }

    fn is_punct(&self, index: usize, mark: &str) -> bool {
        self.get(index)
            .is_some_and(|word| word.kind == WordKind::Punct && word.lower == mark)
    }

    fn digits(&self, index: usize) -> Option<u32> {
        self.get(index).and_then(Word::number)
    }

    /// A count: digits or a number word.
    fn count(&self, index: usize, german: bool) -> Option<u32> {
        self.digits(index).or_else(|| {
            let word = self.lower(index);
            if german {
                number_de(word)
            } else {
                number_en(word)
            }
        })
    }

    fn year(&self, index: usize) -> Option<i32> {
        let word = self.get(index)?;
        if word.kind != WordKind::Digits || word.lower.len() != 4 {
            return None;
        }
        let year: i32 = word.lower.parse().ok()?;
        (1000..=2999).contains(&year).then_some(year)
    }

    /// A month word, with an optional abbreviation dot; returns (month, next index).
    fn month(&self, index: usize, german: bool) -> Option<(u32, usize)> {
        let word = self.get(index)?;
        if word.kind != WordKind::Alpha {
            return None;
        }
        let month = if german {
            month_de(&word.lower)
        } else {
            month_en(&word.lower)
        }?;
        let abbreviated = word.lower.len() <= 4
            && !matches!(
                word.lower.as_str(),
                "mai" | "juni" | "juli" | "june" | "july"
            );
        if abbreviated && !word.capitalised {
            return None;
        }
        // English "may" is a modal verb unless capitalised and next to a number.
        if !german
            && word.lower == "may"
            && !(word.capitalised
                && (self.digits(index + 1).is_some()
                    || self.digits(index.wrapping_sub(1)).is_some()))
        {
            return None;
        }
        // German "Mai"/"März" are always months; lowercase month words are not names.
        if german && !word.capitalised {
            return None;
        }
        let next = if abbreviated && self.is_punct(index + 1, ".") {
            index + 2
        } else {
            index + 1
        };
        Some((month, next))
    }
}

/// The best match starting at `index`, if any.
pub(crate) fn match_at(
    words: &[Word],
    index: usize,
    german: bool,
    english: bool,
) -> Option<Candidate> {
    let cursor = Cursor { words };
    let mut best: Option<Candidate> = None;
    let mut consider = |found: Option<Candidate>| {
        if let Some(found) = found
            && found.end > index
            && best.as_ref().is_none_or(|best| found.end > best.end)
        {
            best = Some(found);
        }
    };
    if german {
        consider(german_rules(&cursor, index));
    }
    if english {
        consider(english_rules(&cursor, index));
    }
    best
}

fn german_rules(c: &Cursor<'_>, i: usize) -> Option<Candidate> {
    let mut best: Option<Candidate> = None;
    let mut consider = |found: Option<Candidate>| {
        if let Some(found) = found
            && best.as_ref().is_none_or(|best| found.end > best.end)
        {
            best = Some(found);
        }
    };
    // A leading preposition belongs to the expression ("am Mittwoch", "im Januar").
    let with_preposition = c.is_any(i, &["am", "im", "zum", "zu", "an", "in", "um", "vom", "ab"]);
    let starts: &[usize] = if with_preposition { &[i, i + 1] } else { &[i] };
    for &j in starts {
        let prep = if j > i { c.lower(i) } else { "" };
        consider(german_core(c, j, prep));
    }
    consider(german_free(c, i));
    best
}

/// Expressions that may follow a preposition; `prep` is that preposition or "".
fn german_core(c: &Cursor<'_>, j: usize, prep: &str) -> Option<Candidate> {
    let mut best: Option<Candidate> = None;
    let mut consider = |found: Option<Candidate>| {
        if let Some(found) = found
            && best.as_ref().is_none_or(|best| found.end > best.end)
        {
            best = Some(found);
        }
    };
    let word = c.get(j)?;
    let modifier = |lower: &str| match lower {
        "kommenden" | "kommende" | "nächsten" | "nächste" | "folgenden" => Some(Direction::Next),
        "vergangenen" | "vergangene" | "letzten" | "letzte" | "vorigen" | "vorige" => {
            Some(Direction::Last)
        }
        "diesen" | "diesem" | "dieser" | "diese" => Some(Direction::This),
        _ => None,
    };
    // Weekdays, optionally with a modifier.
    let (weekday_at, direction) = match modifier(&word.lower) {
        Some(direction) => (j + 1, direction),
        None => (j, Direction::Tense),
    };
    if let Some(weekday) = c
        .get(weekday_at)
        .filter(|word| word.capitalised)
        .and_then(|word| weekday_de(&word.lower))
    {
        let mut end = weekday_at + 1;
        // "Mittwoch Abend", "Mittwochmorgen" are the same day.
        if c.is_any(
            end,
            &[
                "abend",
                "morgen",
                "nachmittag",
                "vormittag",
                "mittag",
                "früh",
            ],
        ) {
            end += 1;
        }
        // "am Mittwoch, dem 4. Dezember": the explicit date wins.
        consider(candidate(
            end,
            crate::TimexKind::Date,
            Spec::Weekday(weekday, direction),
        ));
        if c.is_punct(end, ",") && c.is_any(end + 1, &["dem", "den"]) {
            consider(day_month_de(c, end + 2));
        }
    }
    // Dates: 20. Januar [2025], 20.01.2025, Januar 2025, Anfang Januar.
    consider(day_month_de(c, j));
    if let Some(day) = c.digits(j)
        && (1..=31).contains(&day)
        && c.is_punct(j + 1, ".")
        && let Some(month) = c.digits(j + 2)
        && (1..=12).contains(&month)
        && c.is_punct(j + 3, ".")
    {
        match c.year(j + 4) {
            Some(year) => consider(absolute(
                j + 5,
                TimexKind::Date,
                format!("{year:04}-{month:02}-{day:02}"),
            )),
            None => consider(candidate(
                j + 4,
                TimexKind::Date,
                Spec::DayMonth(day, month),
            )),
        }
    }
    let part = if c.is_any(j, &["anfang", "mitte", "ende", "beginn"])
        && c.get(j).is_some_and(|w| w.capitalised)
    {
        j + 1
    } else {
        j
    };
    if let Some((month, next)) = c.month(part, true) {
        match c.year(next) {
            Some(year) => consider(absolute(
                next + 1,
                TimexKind::Date,
                format!("{year:04}-{month:02}"),
            )),
            // A bare month name needs a preposition or "Anfang"/"Ende" ("August Bebel").
            None if !prep.is_empty()
                || part > j
                || c.is_any(
                    j.wrapping_sub(1),
                    &["seit", "bis", "ab", "vom", "zum", "bis"],
                ) =>
            {
                consider(candidate(
                    next,
                    TimexKind::Date,
                    Spec::Month(month, Direction::Tense),
                ));
            }
            None => {}
        }
    }
    // Years: "im Jahr 2024", "2024" after a preposition, "Anfang 2025".
    let year_at = if c.is_any(part, &["jahr", "jahre"]) {
        part + 1
    } else {
        part
    };
    if let Some(year) = c.year(year_at) {
        let introduced = year_at > j
            || !prep.is_empty()
            || c.is_any(
                j.wrapping_sub(1),
                &["seit", "bis", "von", "zwischen", "nach", "vor"],
            );
        if introduced {
            consider(absolute(year_at + 1, TimexKind::Date, format!("{year:04}")));
        }
    }
    // Clock times: "um 15 Uhr", "15.30 Uhr", "15:30 Uhr".
    if let Some(hour) = c.digits(j).filter(|hour| *hour <= 24) {
        let (minute, at) = if (c.is_punct(j + 1, ":") || c.is_punct(j + 1, "."))
            && c.digits(j + 2).is_some_and(|m| m < 60)
        {
            (c.digits(j + 2).unwrap_or(0), j + 3)
        } else {
            (0, j + 1)
        };
        if c.is(at, "uhr") {
            consider(candidate(
                at + 1,
                TimexKind::Time,
                Spec::Clock(hour, minute),
            ));
        }
    }
    // This/next/last week, month, year, weekend: "in der kommenden Woche", "im vergangenen Jahr".
    let article = if c.is_any(j, &["der", "dem", "den", "des"]) {
        j + 1
    } else {
        j
    };
    if let Some(direction) = modifier(c.lower(article)) {
        let offset = match direction {
            Direction::Next => 1,
            Direction::Last => -1,
            _ => 0,
        };
        let unit_word = c.lower(article + 1);
        let spec = match unit_word {
            "woche" => Some(Spec::WeekOffset(offset)),
            "wochenende" => Some(Spec::WeekendOffset(offset)),
            "monat" | "monats" => Some(Spec::MonthOffset(offset)),
            "jahr" | "jahres" => Some(Spec::YearOffset(offset)),
            _ => None,
        };
        if let Some(spec) = spec {
            consider(candidate(article + 2, TimexKind::Date, spec));
        }
    }
    // "zu Wochenbeginn", "am Wochenende", "zur Wochenmitte", "zum Jahresende".
    let compound = match c.lower(j) {
        "wochenbeginn" | "wochenanfang" => Some(Spec::WeekdayOfWeek(0, 0)),
        "wochenmitte" => Some(Spec::WeekdayOfWeek(2, 0)),
        "wochenende" if !prep.is_empty() => Some(Spec::WeekendOffset(0)),
        "jahresende" | "jahresbeginn" | "jahresanfang" | "jahresmitte" => Some(Spec::YearOffset(0)),
        "monatsende" | "monatsbeginn" | "monatsanfang" | "monatsmitte" => {
            Some(Spec::MonthOffset(0))
        }
        _ => None,
    };
    if let Some(spec) = compound {
        consider(candidate(j + 1, TimexKind::Date, spec));
    }
    // "Anfang/Ende der Woche", "Ende des Monats", "Anfang nächsten Jahres".
    if c.is_any(j, &["anfang", "beginn", "mitte", "ende"]) {
        let mut at = j + 1;
        if c.is_any(at, &["der", "des", "dieser", "dieses", "diesen"]) {
            at += 1;
        }
        let offset = match modifier(c.lower(at)) {
            Some(Direction::Next) => {
                at += 1;
                1
            }
            Some(Direction::Last) => {
                at += 1;
                -1
            }
            Some(_) => {
                at += 1;
                0
            }
            None => 0,
        };
        let spec = match (c.lower(j), c.lower(at)) {
            ("anfang" | "beginn", "woche") => Some(Spec::WeekdayOfWeek(0, offset)),
            ("mitte", "woche") => Some(Spec::WeekdayOfWeek(2, offset)),
            ("ende", "woche") => Some(Spec::WeekendOffset(offset)),
            (_, "monats") => Some(Spec::MonthOffset(offset)),
            (_, "jahres") => Some(Spec::YearOffset(offset)),
            _ => None,
        };
        if let Some(spec) = spec {
            consider(candidate(at + 1, TimexKind::Date, spec));
        }
    }
    best
}

/// "20. Januar [2025]" starting at `j`.
fn day_month_de(c: &Cursor<'_>, j: usize) -> Option<Candidate> {
    let day = c.digits(j).filter(|day| (1..=31).contains(day))?;
    if !c.is_punct(j + 1, ".") {
        return None;
    }
    let (month, next) = c.month(j + 2, true)?;
    match c.year(next) {
        Some(year) => absolute(
            next + 1,
            TimexKind::Date,
            format!("{year:04}-{month:02}-{day:02}"),
        ),
        None => candidate(next, TimexKind::Date, Spec::DayMonth(day, month)),
    }
}

/// Expressions that carry their own preposition or none.
fn german_free(c: &Cursor<'_>, i: usize) -> Option<Candidate> {
    let word = c.get(i)?;
    let lower = word.lower.as_str();
    let mut best: Option<Candidate> = None;
    let mut consider = |found: Option<Candidate>| {
        if let Some(found) = found
            && best.as_ref().is_none_or(|best| found.end > best.end)
        {
            best = Some(found);
        }
    };
    match lower {
        "heute" => consider(candidate(i + 1, TimexKind::Date, Spec::DayOffset(0))),
        "gestern" => consider(candidate(i + 1, TimexKind::Date, Spec::DayOffset(-1))),
        "vorgestern" => consider(candidate(i + 1, TimexKind::Date, Spec::DayOffset(-2))),
        "übermorgen" => consider(candidate(i + 1, TimexKind::Date, Spec::DayOffset(2))),
        // Lowercase "morgen" is tomorrow; "Morgen" is the morning (or a sentence start).
        "morgen"
            if !word.capitalised
                && !c.is_any(
                    i.wrapping_sub(1),
                    &["heute", "gestern", "am", "jeden", "den"],
                ) =>
        {
            consider(candidate(i + 1, TimexKind::Date, Spec::DayOffset(1)))
        }
        "kürzlich" | "jüngst" | "neulich" | "unlängst" | "vorhin" => {
            consider(absolute(i + 1, TimexKind::Date, "PAST_REF"))
        }
        "bald" | "demnächst" | "künftig" | "zukünftig" | "baldigst" => {
            consider(absolute(i + 1, TimexKind::Date, "FUTURE_REF"))
        }
        "derzeit" | "zurzeit" | "gegenwärtig" | "momentan" | "heutzutage" => {
            consider(absolute(i + 1, TimexKind::Date, "PRESENT_REF"))
        }
        "täglich" => consider(absolute(i + 1, TimexKind::Set, "P1D")),
        "wöchentlich" => consider(absolute(i + 1, TimexKind::Set, "P1W")),
        "monatlich" => consider(absolute(i + 1, TimexKind::Set, "P1M")),
        "jährlich" | "alljährlich" => consider(absolute(i + 1, TimexKind::Set, "P1Y")),
        _ => {}
    }
    if let Some(weekday) = weekday_adverb_de(lower).filter(|_| !word.capitalised) {
        consider(absolute(
            i + 1,
            TimexKind::Set,
            format!("XXXX-WXX-{}", weekday + 1),
        ));
    }
    // "jeden Montag", "jede Woche", "jedes Jahr".
    if c.is_any(i, &["jeden", "jede", "jedes", "allwöchentlich"]) {
        if let Some(weekday) = c.get(i + 1).and_then(|word| weekday_de(&word.lower)) {
            consider(absolute(
                i + 2,
                TimexKind::Set,
                format!("XXXX-WXX-{}", weekday + 1),
            ));
        }
        let value = match c.lower(i + 1) {
            "tag" => Some("P1D"),
            "woche" => Some("P1W"),
            "monat" => Some("P1M"),
            "jahr" => Some("P1Y"),
            _ => None,
        };
        if let Some(value) = value {
            consider(absolute(i + 2, TimexKind::Set, value));
        }
    }
    // "vor zwei Wochen", "vor Wochen", "vor kurzem"; "in zwei Wochen", "in Kürze".
    if c.is_any(i, &["vor", "in"]) {
        let past = lower == "vor";
        if let Some(count) = c.count(i + 1, true)
            && let Some((unit, _)) = unit_de(c.lower(i + 2))
        {
            let signed = if past { -(count as i64) } else { count as i64 };
            consider(candidate(i + 3, TimexKind::Date, offset_spec(unit, signed)));
        }
        // "vor zweieinhalb Jahren", "in anderthalb Jahren": months from now.
        if let Some(halves) = halves_de(c.lower(i + 1))
            && let Some((Unit::Year, _)) = unit_de(c.lower(i + 2))
        {
            let months = i64::from(halves) * 6;
            let signed = if past { -months } else { months };
            consider(candidate(i + 3, TimexKind::Date, Spec::MonthOffset(signed)));
        }
        if let Some((unit, true)) = unit_de(c.lower(i + 1))
            && unit != Unit::Minute
        {
            let value = if past { "PAST_REF" } else { "FUTURE_REF" };
            consider(absolute(i + 2, TimexKind::Date, value));
        }
        if past && c.is(i + 1, "kurzem") {
            consider(absolute(i + 2, TimexKind::Date, "PAST_REF"));
        }
        if !past && c.is(i + 1, "kürze") {
            consider(absolute(i + 2, TimexKind::Date, "FUTURE_REF"));
        }
    }
    // "in seiner ersten Amtszeit".
    if lower == "in"
        && c.is_any(i + 1, &["seiner", "ihrer"])
        && let Some(ordinal) = ordinal_de(c.lower(i + 2))
        && c.is(i + 3, "amtszeit")
    {
        consider(candidate(i + 4, TimexKind::Date, Spec::Term(ordinal)));
    }
    // Durations: "innerhalb von 24 Stunden", "binnen drei Tagen", "seit drei Jahren",
    // "für zwei Wochen", "drei Jahre lang", "seit Jahren".
    let (count_at, introduced) = match lower {
        "innerhalb" if c.is(i + 1, "von") => (i + 2, true),
        "innerhalb" | "binnen" | "seit" | "für" | "über" | "nach" => (i + 1, true),
        _ => (i, false),
    };
    if let Some(count) = c.count(count_at, true)
        && let Some((unit, _)) = unit_de(c.lower(count_at + 1))
    {
        let mut end = count_at + 2;
        let lang = c.is(end, "lang");
        if lang {
            end += 1;
        }
        // A bare count needs "lang" ("drei Jahre lang"); "nach drei Tagen" is no duration.
        if (introduced && lower != "nach") || lang {
            consider(absolute(
                end,
                TimexKind::Duration,
                unit.duration(&count.to_string()),
            ));
        }
    }
    if lower == "seit"
        && let Some((unit, true)) = unit_de(c.lower(i + 1))
    {
        consider(absolute(i + 2, TimexKind::Duration, unit.duration("X")));
    }
    best
}

fn offset_spec(unit: Unit, signed: i64) -> Spec {
    match unit {
        Unit::Minute | Unit::Hour => Spec::DayOffset(0),
        Unit::Day => Spec::DayOffset(signed),
        Unit::Week => Spec::WeekOffset(signed),
        Unit::Month => Spec::MonthOffset(signed),
        Unit::Year => Spec::YearOffset(signed),
        Unit::Decade => Spec::YearOffset(signed * 10),
    }
}

fn english_rules(c: &Cursor<'_>, i: usize) -> Option<Candidate> {
    let word = c.get(i)?;
    let lower = word.lower.as_str();
    let mut best: Option<Candidate> = None;
    let mut consider = |found: Option<Candidate>| {
        if let Some(found) = found
            && best.as_ref().is_none_or(|best| found.end > best.end)
        {
            best = Some(found);
        }
    };
    let prep = c.is_any(i, &["on", "in", "at", "by", "during"]);
    let j = if prep { i + 1 } else { i };
    let modifier = |lower: &str| match lower {
        "next" | "coming" => Some(Direction::Next),
        "last" | "past" | "previous" => Some(Direction::Last),
        "this" => Some(Direction::This),
        _ => None,
    };
    for start in if prep { vec![i, j] } else { vec![i] } {
        // Weekdays: "on Wednesday", "last Tuesday", "next Friday".
        let (weekday_at, direction) = match modifier(c.lower(start)) {
            Some(direction) => (start + 1, direction),
            None => (start, Direction::Tense),
        };
        if let Some(weekday) = c
            .get(weekday_at)
            .filter(|w| w.capitalised)
            .and_then(|w| weekday_en(&w.lower))
        {
            consider(candidate(
                weekday_at + 1,
                TimexKind::Date,
                Spec::Weekday(weekday, direction),
            ));
        }
        // "January 20, 2025", "Jan. 20", "January 2025", "early January".
        let part = if c.is_any(start, &["early", "mid", "late", "mid-"]) {
            start + 1
        } else {
            start
        };
        if let Some((month, next)) = c.month(part, false) {
            if let Some(day) = c.digits(next).filter(|day| (1..=31).contains(day)) {
                let mut end = next + 1;
                if c.is_any(end, &["st", "nd", "rd", "th"]) {
                    end += 1;
                }
                let year_at = if c.is_punct(end, ",") { end + 1 } else { end };
                match c.year(year_at) {
                    Some(year) => consider(absolute(
                        year_at + 1,
                        TimexKind::Date,
                        format!("{year:04}-{month:02}-{day:02}"),
                    )),
                    None => consider(candidate(end, TimexKind::Date, Spec::DayMonth(day, month))),
                }
            } else if let Some(year) = c.year(next) {
                consider(absolute(
                    next + 1,
                    TimexKind::Date,
                    format!("{year:04}-{month:02}"),
                ));
            } else if start > i || part > start {
                consider(candidate(
                    next,
                    TimexKind::Date,
                    Spec::Month(month, Direction::Tense),
                ));
            }
        }
        // "20 January 2025".
        if let Some(day) = c.digits(start).filter(|day| (1..=31).contains(day)) {
            let month_at = if c.is_any(start + 1, &["st", "nd", "rd", "th"]) {
                start + 2
            } else {
                start + 1
            };
            let month_at = if c.is(month_at, "of") {
                month_at + 1
            } else {
                month_at
            };
            if let Some((month, next)) = c.month(month_at, false) {
                match c.year(next) {
                    Some(year) => consider(absolute(
                        next + 1,
                        TimexKind::Date,
                        format!("{year:04}-{month:02}-{day:02}"),
                    )),
                    None => consider(candidate(next, TimexKind::Date, Spec::DayMonth(day, month))),
                }
            }
        }
        // Years after a preposition: "in 2023".
        if start > i
            && let Some(year) = c.year(start)
        {
            consider(absolute(start + 1, TimexKind::Date, format!("{year:04}")));
        }
        // "this week", "next month", "last year", "(at) the end of the month".
        if let Some(direction) = modifier(c.lower(start)) {
            let offset = match direction {
                Direction::Next => 1,
                Direction::Last => -1,
                _ => 0,
            };
            let spec = match c.lower(start + 1) {
                "week" => Some(Spec::WeekOffset(offset)),
                "weekend" => Some(Spec::WeekendOffset(offset)),
                "month" => Some(Spec::MonthOffset(offset)),
                "year" => Some(Spec::YearOffset(offset)),
                _ => None,
            };
            if let Some(spec) = spec {
                consider(candidate(start + 2, TimexKind::Date, spec));
            }
        }
        // Clock: "at 3 pm", "at 15:30".
        if start > i
            && lower == "at"
            && let Some(hour) = c.digits(start).filter(|hour| *hour <= 24)
        {
            let (minute, at) =
                if c.is_punct(start + 1, ":") && c.digits(start + 2).is_some_and(|m| m < 60) {
                    (c.digits(start + 2).unwrap_or(0), start + 3)
                } else {
                    (0, start + 1)
                };
            match c.lower(at) {
                "pm" | "p.m" if hour < 12 => consider(candidate(
                    at + 1,
                    TimexKind::Time,
                    Spec::Clock(hour + 12, minute),
                )),
                "am" | "a.m" | "pm" | "p.m" => consider(candidate(
                    at + 1,
                    TimexKind::Time,
                    Spec::Clock(hour, minute),
                )),
                _ if at == start + 3 => {
                    consider(candidate(at, TimexKind::Time, Spec::Clock(hour, minute)))
                }
                _ => {}
            }
        }
    }
    match lower {
        "today" | "tonight" => consider(candidate(i + 1, TimexKind::Date, Spec::DayOffset(0))),
        "yesterday" => consider(candidate(i + 1, TimexKind::Date, Spec::DayOffset(-1))),
        "tomorrow" => consider(candidate(i + 1, TimexKind::Date, Spec::DayOffset(1))),
        "recently" | "lately" => consider(absolute(i + 1, TimexKind::Date, "PAST_REF")),
        "soon" => consider(absolute(i + 1, TimexKind::Date, "FUTURE_REF")),
        "currently" | "nowadays" => consider(absolute(i + 1, TimexKind::Date, "PRESENT_REF")),
        "daily" => consider(absolute(i + 1, TimexKind::Set, "P1D")),
        "weekly" => consider(absolute(i + 1, TimexKind::Set, "P1W")),
        "monthly" => consider(absolute(i + 1, TimexKind::Set, "P1M")),
        "annually" | "yearly" => consider(absolute(i + 1, TimexKind::Set, "P1Y")),
        "every" | "each" => {
            if let Some(weekday) = c.get(i + 1).and_then(|w| weekday_en(&w.lower)) {
                consider(absolute(
                    i + 2,
                    TimexKind::Set,
                    format!("XXXX-WXX-{}", weekday + 1),
                ));
            }
            let value = match c.lower(i + 1) {
                "day" => Some("P1D"),
                "week" => Some("P1W"),
                "month" => Some("P1M"),
                "year" => Some("P1Y"),
                _ => None,
            };
            if let Some(value) = value {
                consider(absolute(i + 2, TimexKind::Set, value));
            }
        }
        _ => {}
    }
    // "in his first term".
    if c.is_any(i, &["in", "during"])
        && c.is_any(i + 1, &["his", "her"])
        && let Some(ordinal) = ordinal_en(c.lower(i + 2))
        && c.is(i + 3, "term")
    {
        consider(candidate(i + 4, TimexKind::Date, Spec::Term(ordinal)));
    }
    // "two weeks ago", "weeks ago", "in two weeks".
    if let Some(count) = c.count(i, false)
        && let Some((unit, _)) = unit_en(c.lower(i + 1))
        && c.is(i + 2, "ago")
    {
        consider(candidate(
            i + 3,
            TimexKind::Date,
            offset_spec(unit, -(count as i64)),
        ));
    }
    if let Some((unit, true)) = unit_en(lower)
        && c.is(i + 1, "ago")
        && unit != Unit::Minute
    {
        consider(absolute(i + 2, TimexKind::Date, "PAST_REF"));
    }
    if lower == "in"
        && let Some(count) = c.count(i + 1, false)
        && let Some((unit, _)) = unit_en(c.lower(i + 2))
        && !c.is(i + 3, "ago")
    {
        consider(candidate(
            i + 3,
            TimexKind::Date,
            offset_spec(unit, count as i64),
        ));
    }
    // Durations: "within 24 hours", "for two weeks", "over the past three years".
    let count_at = match lower {
        "within" | "for" => Some(i + 1),
        "over" | "in"
            if c.is(i + 1, "the") && c.is_any(i + 2, &["past", "last", "next", "coming"]) =>
        {
            Some(i + 3)
        }
        _ => None,
    };
    if let Some(at) = count_at {
        if let Some(count) = c.count(at, false)
            && let Some((unit, _)) = unit_en(c.lower(at + 1))
        {
            consider(absolute(
                at + 2,
                TimexKind::Duration,
                unit.duration(&count.to_string()),
            ));
        }
        if lower == "for"
            && let Some((unit, true)) = unit_en(c.lower(at))
        {
            consider(absolute(at + 1, TimexKind::Duration, unit.duration("X")));
        }
    }
    if c.is(i, "in")
        && c.is(i + 1, "the")
        && c.is_any(i + 2, &["coming", "next"])
        && unit_en(c.lower(i + 3)).is_some_and(|(_, plural)| plural)
    {
        consider(absolute(i + 4, TimexKind::Date, "FUTURE_REF"));
    }
    best
}

fn ordinal_de(word: &str) -> Option<usize> {
    Some(match word {
        "ersten" => 1,
        "zweiten" => 2,
        "dritten" => 3,
        "vierten" => 4,
        "fünften" => 5,
        _ => return None,
    })
}

fn ordinal_en(word: &str) -> Option<usize> {
    Some(match word {
        "first" => 1,
        "second" => 2,
        "third" => 3,
        "fourth" => 4,
        "fifth" => 5,
        _ => return None,
    })
}
