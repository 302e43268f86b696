//! Reader for PETRARCH / TABARI actor and agent dictionaries (the Phoenix set).
//!
//! Actors: an entry line (`VLADIMIR_PUTIN_`), synonym lines (`+PUTIN_`), and code lines
//! (`[RUSGOV 120507-]`, `[IGOUNO >070101]`, `[AFGELI 320101-331108]`, `[USA]`); codes may
//! also follow the entry on its line. `_` joins words; a trailing `_` marks a word end.
//! Dates are `YYMMDD` (years below 30 are 20xx) or `YYYYMMDD`; `>` = from, `<` = until.
//! Agents: `PHRASE {PLURALS} [~CODE]`, `!SET! = A, B` substitution sets; without braces
//! the regular English plural is generated, `{}` means no plural.

use chrono::NaiveDate;

use crate::ActorKind;
use crate::kb::{Actor, DatedCode, Form, KbData, KbError, Role, Target};

fn phrase_to_text(phrase: &str) -> String {
    let words: Vec<&str> = phrase
        .split(|c: char| c == '_' || c.is_whitespace())
        .filter(|word| !word.is_empty())
        .collect();
    words.join(" ")
}

fn title_case(text: &str) -> String {
    text.split(' ')
        .map(|word| {
            let mut chars = word.chars();
            match chars.next() {
                Some(first) => first
                    .to_uppercase()
                    .chain(chars.flat_map(char::to_lowercase))
                    .collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<String>>()
        .join(" ")
}

/// `YYMMDD` or `YYYYMMDD`.
fn parse_petrarch_date(text: &str) -> Option<NaiveDate> {
    if !text.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let (year, rest) = match text.len() {
        6 => {
            let short: i32 = text[..2].parse().ok()?;
            (
                if short < 30 {
                    2000 + short
                } else {
                    1900 + short
                },
                &text[2..],
            )
        }
        8 => (text[..4].parse().ok()?, &text[4..]),
        _ => return None,
    };
    let month: u32 = rest[..2].parse().ok()?;
    let day: u32 = rest[2..].parse().ok()?;
    NaiveDate::from_ymd_opt(year, month, day)
}

/// Parses the inside of `[CODE restriction]`. `Ok(None)` for the null code `---`.
fn parse_code(inner: &str) -> Result<Option<DatedCode>, String> {
    let mut words = inner.split_whitespace();
    let Some(code) = words.next() else {
        return Ok(None);
    };
    let code = code.trim_start_matches('~').to_ascii_uppercase();
    if code.chars().all(|c| c == '-') {
        return Ok(None);
    }
    let mut dated = DatedCode {
        code,
        from: None,
        to: None,
        title: None,
    };
    // Restrictions may be spaced: `< 950601`, `19950601 - 19990815`.
    let restriction: String = words.collect();
    if !restriction.is_empty() {
        let restriction = restriction.as_str();
        if let Some(from) = restriction.strip_prefix('>') {
            dated.from =
                Some(parse_petrarch_date(from).ok_or_else(|| format!("bad date {from:?}"))?);
        } else if let Some(to) = restriction.strip_prefix('<') {
            dated.to = Some(parse_petrarch_date(to).ok_or_else(|| format!("bad date {to:?}"))?);
        } else if let Some((from, to)) = restriction.split_once('-') {
            if !from.is_empty() {
                dated.from =
                    Some(parse_petrarch_date(from).ok_or_else(|| format!("bad date {from:?}"))?);
            }
            if !to.is_empty() {
                dated.to = Some(parse_petrarch_date(to).ok_or_else(|| format!("bad date {to:?}"))?);
            }
        } else {
            return Err(format!("bad date restriction {restriction:?}"));
        }
    }
    Ok(Some(dated))
}

struct PendingActor {
    names: Vec<String>,
    codes: Vec<DatedCode>,
    line: usize,
}

fn country_of(code: &str, states: &std::collections::HashSet<String>) -> Option<String> {
    let root = code.get(..3)?;
    states.contains(root).then(|| root.to_string())
}

fn flush(
    data: &mut KbData,
    file: &str,
    pending: &mut Option<PendingActor>,
    states: &std::collections::HashSet<String>,
) {
    let Some(entry) = pending.take() else { return };
    if entry.codes.is_empty() || entry.names.is_empty() {
        return;
    }
    let dated = entry
        .codes
        .iter()
        .any(|code| code.from.is_some() || code.to.is_some());
    let undated: Vec<&DatedCode> = entry
        .codes
        .iter()
        .filter(|code| code.from.is_none() && code.to.is_none())
        .collect();
    let first_code = entry.codes[0].code.clone();
    // A country whose code changed with its status (`[LVAOCC <910821]`, `[LVA >910821]`)
    // is still a state, not a person holding dated offices: the agents compose with it
    // ("Latvian court" = LVAJUD).
    // Every code must contain the bare one (`[USRAZE <911018]`, `[AZEUNR ...]`, `[AZE >911221]`).
    let dated_state = entry
        .codes
        .iter()
        .rev()
        .find(|code| code.code.len() == 3 && states.contains(&code.code))
        .is_some_and(|bare| {
            entry
                .codes
                .iter()
                .all(|code| code.code.len() <= 6 && code.code.contains(bare.code.as_str()))
        });
    let kind = if dated_state {
        ActorKind::State
    } else if dated {
        ActorKind::Person
    } else if first_code.len() == 3 && states.contains(&first_code) {
        ActorKind::State
    } else if first_code.starts_with("IGO") || first_code.starts_with("NGO") {
        ActorKind::Organization
    } else {
        ActorKind::Group
    };
    let country = entry
        .codes
        .iter()
        .find_map(|code| country_of(&code.code, states));
    let actor = Actor {
        name: title_case(&entry.names[0]),
        kind,
        country,
        // A dated state falls back to its latest bare code outside its dates.
        code: undated.first().map(|code| code.code.clone()).or_else(|| {
            dated_state
                .then(|| entry.codes.iter().rev().find(|code| code.code.len() == 3))
                .flatten()
                .map(|code| code.code.clone())
        }),
        roles: if dated {
            entry
                .codes
                .iter()
                .filter(|code| code.from.is_some() || code.to.is_some())
                .cloned()
                .collect()
        } else {
            Vec::new()
        },
        gender: None,
        parties: Vec::new(),
        rule: format!("{file}:{}", entry.line),
    };
    let index = data.actors.len() as u32;
    data.actors.push(actor);
    for name in &entry.names {
        for spelling in spellings(name) {
            data.add_name(&surface(&spelling, kind), index, Form::Name);
            if let Some(acronyms) = with_acronyms(&spelling) {
                data.add_name(&acronyms, index, Form::Name);
            }
        }
    }
    if kind == ActorKind::Person {
        let mut words = entry.names[0].split(' ');
        if let Some(last) = words.next_back()
            && words.next().is_some()
            && last.len() > 2
        {
            // Capitalised, as names are in text: dated entries include groups
            // ("... ORGANIZATION" with dated codes), whose last word is a common noun.
            data.add_name(&title_case(last), index, Form::Surname);
        }
    }
}

/// The surface form a dictionary phrase (in capitals) is matched by. Short one-word
/// phrases are acronyms (UN, US, EU) and keep their case. One-word names of groups and
/// persons must be capitalised in the text: the Phoenix files translate group names into
/// common words (`TANZIM_` / `+ORGANIZATION_`, `+YOUTH_`), which would otherwise match
/// "left the organization" or "in support of the youth". Other phrases match in any case.
fn surface(name: &str, kind: ActorKind) -> String {
    if name.contains(' ') {
        name.to_lowercase()
    } else if name.chars().count() <= 3 {
        name.to_string()
    } else if matches!(kind, ActorKind::Group | ActorKind::Person) {
        title_case(name)
    } else {
        name.to_lowercase()
    }
}

/// Short words that are no acronyms inside a dictionary phrase (`DEPARTMENT_OF_STATE`).
const SHORT_WORDS: &[&str] = &[
    "of", "the", "and", "for", "in", "on", "to", "at", "by", "de", "la", "le", "el", "al", "du",
    "des", "da", "do", "dos", "van", "von", "der", "den", "new", "old", "a", "an", "or", "its",
    "st", "mr", "dr",
];

/// A multiword phrase with its short words written as acronyms (`US_STATE_DEPARTMENT` ->
/// "US state department"), next to the lowercased form: the matcher keeps the case of
/// words of two or more capitals, so "US State Department" and "UN Security Council"
/// match no lowercased "us"/"un". `None` when the phrase has no such word.
fn with_acronyms(name: &str) -> Option<String> {
    let words: Vec<&str> = name.split(' ').collect();
    // "THE US": the acronym alone is a name already; with the article it would swallow
    // the start of a longer name ("The US State Department").
    if words.len() < 2 || words[0].eq_ignore_ascii_case("the") {
        return None;
    }
    let acronym = |word: &str| {
        (2..=3).contains(&word.chars().count())
            && word.chars().all(|c| c.is_ascii_alphabetic())
            && !SHORT_WORDS.contains(&word.to_lowercase().as_str())
    };
    words.iter().any(|word| acronym(word)).then(|| {
        words
            .iter()
            .map(|word| {
                if acronym(word) {
                    word.to_uppercase()
                } else {
                    word.to_lowercase()
                }
            })
            .collect::<Vec<String>>()
            .join(" ")
    })
}

/// American and British spellings of the words of institution names: the Phoenix files
/// spell `WORLD_HEALTH_ORGANIZATION_` and `MINISTRY_OF_DEFENSE_`, British and Australian
/// news "World Health Organisation" and "Ministry of Defence".
const SPELLINGS: &[(&str, &str)] = &[
    ("ORGANIZATION", "ORGANISATION"),
    ("ORGANISATION", "ORGANIZATION"),
    ("DEFENSE", "DEFENCE"),
    ("DEFENCE", "DEFENSE"),
    ("LABOR", "LABOUR"),
    ("LABOUR", "LABOR"),
    ("CENTER", "CENTRE"),
    ("CENTRE", "CENTER"),
    ("PROGRAM", "PROGRAMME"),
];

/// `name` and its variants under [`SPELLINGS`] (whole words only, at most one change per
/// variant list entry).
fn spellings(name: &str) -> Vec<String> {
    let mut out = vec![name.to_string()];
    for (from, to) in SPELLINGS {
        let changed: Vec<String> = out
            .iter()
            .filter(|known| known.split(' ').any(|word| word.eq_ignore_ascii_case(from)))
            .map(|known| {
                known
                    .split(' ')
                    .map(|word| {
                        if word.eq_ignore_ascii_case(from) {
                            (*to).to_string()
                        } else {
                            word.to_string()
                        }
                    })
                    .collect::<Vec<String>>()
                    .join(" ")
            })
            .collect();
        for variant in changed {
            if !out.contains(&variant) {
                out.push(variant);
            }
        }
    }
    out
}

/// Reads one PETRARCH actor dictionary into `data`.
pub fn read_actors(data: &mut KbData, file: &str, text: &str) -> Result<(), KbError> {
    let mut states: std::collections::HashSet<String> = data
        .actors
        .iter()
        .filter(|actor| actor.kind == ActorKind::State)
        .filter_map(|actor| actor.code.clone())
        .collect();
    // Country blocks in the Phoenix files start with the bare country code.
    for raw in text.lines() {
        if let Some(open) = raw.find('[') {
            let inner = raw[open + 1..].split(']').next().unwrap_or_default();
            // The code may carry a date restriction: `[LVA >910821]`.
            let inner = inner.split_whitespace().next().unwrap_or_default();
            if inner.len() == 3 && inner.chars().all(|c| c.is_ascii_uppercase()) {
                states.insert(inner.to_string());
            }
        }
    }
    let mut pending: Option<PendingActor> = None;
    for (index, raw) in text.lines().enumerate() {
        let line_number = index + 1;
        let trimmed_start = raw.trim_start();
        if trimmed_start.starts_with('<') || trimmed_start.starts_with("-->") {
            continue;
        }
        let line = raw.split_once('#').map_or(raw, |(before, _)| before);
        if line.trim().is_empty() {
            continue;
        }
        let indented = line.starts_with(char::is_whitespace);
        let body = line.trim();
        let (phrase, codes_text) = match body.find('[') {
            Some(open) => (body[..open].trim(), &body[open..]),
            None => (body, ""),
        };
        let mut codes = Vec::new();
        let mut rest = codes_text;
        while let Some(open) = rest.find('[') {
            let Some(close) = rest[open..].find(']') else {
                return Err(KbError::syntax(file, line_number, "unclosed `[`"));
            };
            let inner = &rest[open + 1..open + close];
            match parse_code(inner) {
                Ok(Some(code)) => codes.push(code),
                Ok(None) => {}
                Err(message) => data
                    .warnings
                    .push(format!("{file}:{line_number}: {message}")),
            }
            rest = &rest[open + close + 1..];
        }
        if let Some(synonym) = phrase.strip_prefix('+') {
            let text = phrase_to_text(synonym);
            match pending.as_mut() {
                Some(entry) => {
                    if !text.is_empty() {
                        entry.names.push(text);
                    }
                    entry.codes.extend(codes);
                }
                None => {
                    return Err(KbError::syntax(
                        file,
                        line_number,
                        "synonym `+` before any entry",
                    ));
                }
            }
        } else if phrase.is_empty() || (indented && phrase.is_empty()) {
            match pending.as_mut() {
                Some(entry) => entry.codes.extend(codes),
                None => return Err(KbError::syntax(file, line_number, "codes before any entry")),
            }
        } else {
            flush(data, file, &mut pending, &states);
            let text = phrase_to_text(phrase);
            pending = Some(PendingActor {
                names: vec![text],
                codes,
                line: line_number,
            });
        }
    }
    flush(data, file, &mut pending, &states);
    Ok(())
}

const PERSON_AGENT_WORDS: &[&str] = &[
    "president",
    "minister",
    "chancellor",
    "secretary",
    "king",
    "queen",
    "prince",
    "leader",
    "spokesman",
    "spokeswoman",
    "ambassador",
    "envoy",
    "general",
    "commander",
    "chief",
    "official",
    "diplomat",
    "premier",
];

fn english_plural(word: &str) -> String {
    let upper = word.to_uppercase();
    if upper.ends_with('Y')
        && !upper.ends_with("EY")
        && !upper.ends_with("AY")
        && !upper.ends_with("OY")
    {
        format!("{}IES", &word[..word.len() - 1])
    } else if upper.ends_with('S')
        || upper.ends_with("SH")
        || upper.ends_with("CH")
        || upper.ends_with('X')
    {
        format!("{word}ES")
    } else if upper.ends_with("MAN") {
        format!("{}MEN", &word[..word.len() - 3])
    } else {
        format!("{word}S")
    }
}

/// Reads a PETRARCH agents dictionary: each line becomes a role noun.
pub fn read_agents(data: &mut KbData, file: &str, text: &str) -> Result<(), KbError> {
    let mut sets: Vec<(String, Vec<String>)> = Vec::new();
    for (index, raw) in text.lines().enumerate() {
        let line_number = index + 1;
        if raw.trim_start().starts_with('<') {
            continue;
        }
        let line = raw.split_once('#').map_or(raw, |(before, _)| before).trim();
        if line.is_empty() {
            continue;
        }
        if line.starts_with('!')
            && let Some((name, values)) = line.split_once('=')
        {
            let values = values
                .split(',')
                .map(|value| value.trim().to_string())
                .filter(|value| !value.is_empty())
                .collect();
            sets.push((name.trim().to_string(), values));
            continue;
        }
        let Some(open) = line.find('[') else {
            data.warnings.push(format!(
                "{file}:{line_number}: agent without `[~CODE]`, skipped"
            ));
            continue;
        };
        // A few entries close the bracket with the wrong character (`[~ENV}`): accept
        // them with a warning rather than refusing the whole dictionary.
        let close = match line[open..].find(']') {
            Some(close) => close,
            None => {
                data.warnings
                    .push(format!("{file}:{line_number}: unclosed `[`"));
                line[open..].find(['}', ' ']).unwrap_or(line.len() - open)
            }
        };
        let code = line[open + 1..open + close]
            .trim()
            .trim_start_matches('~')
            .to_ascii_uppercase();
        let head = line[..open].trim();
        let (phrase, plurals) = match head.find('{') {
            Some(brace) => {
                let end = head[brace..].find('}').map(|offset| brace + offset);
                let Some(end) = end else {
                    return Err(KbError::syntax(file, line_number, "unclosed `{`"));
                };
                let plurals: Vec<String> = head[brace + 1..end]
                    .split(',')
                    .map(str::trim)
                    .filter(|p| !p.is_empty())
                    .map(String::from)
                    .collect();
                (head[..brace].trim(), Some(plurals))
            }
            None => (head, None),
        };
        // Substitution sets multiply the phrase.
        let mut phrases = vec![phrase.to_string()];
        for (name, values) in &sets {
            if phrases.iter().any(|phrase| phrase.contains(name.as_str())) {
                phrases = phrases
                    .iter()
                    .flat_map(|phrase| {
                        values
                            .iter()
                            .map(move |value| phrase.replace(name.as_str(), value))
                    })
                    .collect();
            }
        }
        let role_index = data.roles.len() as u32;
        let mut lemmas = Vec::new();
        let mut person = false;
        for phrase in &phrases {
            let text = phrase_to_text(phrase);
            if text.is_empty() {
                continue;
            }
            let last = text
                .split(' ')
                .next_back()
                .unwrap_or_default()
                .to_lowercase();
            person |= PERSON_AGENT_WORDS.contains(&last.as_str());
            lemmas.push(text.to_lowercase());
            push_agent_surface(data, &text, role_index);
            match &plurals {
                Some(plurals) => {
                    for plural in plurals {
                        push_agent_surface(data, &phrase_to_text(plural), role_index);
                    }
                }
                None => {
                    let mut words: Vec<&str> = text.split(' ').collect();
                    if let Some(last) = words.pop() {
                        let plural = english_plural(last);
                        words.push(&plural);
                        push_agent_surface(data, &words.join(" "), role_index);
                    }
                }
            }
        }
        let label = lemmas.first().cloned().unwrap_or_default();
        data.roles.push(Role {
            suffix: code,
            person,
            lemmas,
            label,
            rule: format!("{file}:{line_number}"),
        });
    }
    Ok(())
}

/// Agents are written in capitals; they match in any case.
fn push_agent_surface(data: &mut KbData, text: &str, role: u32) {
    if !text.is_empty() {
        data.surfaces.push(crate::kb::Surface {
            text: text.to_lowercase(),
            target: Target::Role { role },
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_codes() {
        assert_eq!(
            parse_petrarch_date("320101"),
            NaiveDate::from_ymd_opt(1932, 1, 1)
        );
        assert_eq!(
            parse_petrarch_date("070723"),
            NaiveDate::from_ymd_opt(2007, 7, 23)
        );
        assert_eq!(
            parse_petrarch_date("20070101"),
            NaiveDate::from_ymd_opt(2007, 1, 1)
        );
        assert_eq!(parse_petrarch_date("2004017"), None);
        let code = parse_code("IGOUNO >070101").ok().flatten();
        assert_eq!(
            code.as_ref().and_then(|code| code.from),
            NaiveDate::from_ymd_opt(2007, 1, 1)
        );
        assert_eq!(parse_code("---").ok().flatten(), None);
        assert!(parse_code("RUSGOV 1205xx-").is_err());
        // Spaced restrictions, as in the validation dictionaries.
        let spaced = parse_code("HOBGOV 19950601 - 19990815").ok().flatten();
        assert_eq!(
            spaced.as_ref().and_then(|code| code.to),
            NaiveDate::from_ymd_opt(1999, 8, 15)
        );
        let until = parse_code("HOB < 950601").ok().flatten();
        assert_eq!(
            until.as_ref().and_then(|code| code.to),
            NaiveDate::from_ymd_opt(1995, 6, 1)
        );
    }

    #[test]
    fn reads_actor_blocks() {
        let text = "RUSSIA_ [RUS]\n+RUSSIAN_\nVLADIMIR_PUTIN_ # note\n+PUTIN_\n\t[RUSGOV 000507-080507]\n\t[RUSGOV 120507-]\n+BAD\n\t[RUSGOV 1205-]\n";
        let mut data = KbData::default();
        read_actors(&mut data, "x.actors.txt", text).unwrap_or_else(|error| panic!("{error}"));
        assert_eq!(data.actors.len(), 2);
        assert_eq!(data.actors[0].kind, ActorKind::State);
        let putin = &data.actors[1];
        assert_eq!(putin.kind, ActorKind::Person);
        assert_eq!(putin.rule, "x.actors.txt:3");
        assert_eq!(putin.code_at(NaiveDate::from_ymd_opt(2024, 1, 1)), "RUSGOV");
        assert_eq!(putin.code_at(NaiveDate::from_ymd_opt(2010, 1, 1)), "RUSELI");
        assert_eq!(data.warnings.len(), 1);
        assert!(data.warnings[0].starts_with("x.actors.txt:8:"));
        let error = read_actors(&mut KbData::default(), "y.txt", "+PUTIN\n").err();
        assert_eq!(
            error.map(|error| error.to_string()).unwrap_or_default(),
            "y.txt:1: synonym `+` before any entry"
        );
    }

    #[test]
    fn common_word_names_need_capitals_and_spellings_vary() {
        // A dated entry reads as a person; its last word is its surname.
        let text = "ARLAND_ [ARL]\nHEALTH_GUILD_ORGANIZATION_ [IGOARLHGO]\nTANZIM_ [ARLREB]\n+ORGANIZATION_\nPEACE_ORGANIZATION_\n\t[ARLGOV 900101-]\n";
        let mut data = KbData::default();
        read_actors(&mut data, "g.actors.txt", text).unwrap_or_else(|error| panic!("{error}"));
        let texts: Vec<&str> = data
            .surfaces
            .iter()
            .map(|surface| surface.text.as_str())
            .collect();
        // A state matches in any case; a group's one-word names only capitalised.
        assert!(texts.contains(&"arland"));
        assert!(texts.contains(&"Organization"));
        assert!(!texts.contains(&"organization"));
        assert!(texts.contains(&"Tanzim"));
        // Both spellings of an institution, in any case.
        assert!(texts.contains(&"health guild organization"));
        assert_eq!(
            with_acronyms("UN HEALTH GUILD OF ARLAND").as_deref(),
            Some("UN health guild of arland")
        );
        assert_eq!(with_acronyms("DEPARTMENT OF STATE"), None);
        assert_eq!(with_acronyms("THE US"), None);
        assert!(texts.contains(&"health guild organisation"));
    }

    #[test]
    fn a_country_with_dated_codes_stays_a_state() {
        let text = "OSTRAVIA_\n+OSTRAVIAN_\n\t[USROST <900101]\n\t[OSTOCC 900101-910821]\n\t[OST >910821]\nJAN_NOVAK_\n\t[OSTGOV 930101-990101]\n\t[OSTELI]\n";
        let mut data = KbData::default();
        read_actors(&mut data, "c.actors.txt", text).unwrap_or_else(|error| panic!("{error}"));
        assert_eq!(data.actors[0].kind, ActorKind::State);
        assert_eq!(
            data.actors[0].code_at(NaiveDate::from_ymd_opt(2001, 1, 1)),
            "OST"
        );
        assert_eq!(
            data.actors[0].code_at(NaiveDate::from_ymd_opt(1990, 1, 1)),
            "OSTOCC"
        );
        assert_eq!(data.actors[1].kind, ActorKind::Person);
    }

    #[test]
    fn reads_agents_with_sets_and_plurals() {
        let text = "!MINIST! = MINISTER, MINISTRY\nPOLICE {} [~COP]\n!MINIST! FOR_DEFENSE [~GOVMIL]\nSOLDIER [~MIL]\nCHAMBER_OF_COMMERCE {CHAMBERS_OF_COMMERCE} [~BUS]\n";
        let mut data = KbData::default();
        read_agents(&mut data, "agents.txt", text).unwrap_or_else(|error| panic!("{error}"));
        assert_eq!(data.roles.len(), 4);
        let texts: Vec<&str> = data
            .surfaces
            .iter()
            .map(|surface| surface.text.as_str())
            .collect();
        assert!(texts.contains(&"minister for defense"));
        assert!(texts.contains(&"ministry for defense"));
        assert!(texts.contains(&"soldiers"));
        assert!(texts.contains(&"chambers of commerce"));
        assert!(!texts.contains(&"polices"));
        assert!(read_agents(&mut KbData::default(), "a.txt", "SOLDIER {X [~MIL]\n").is_err());
        let mut data = KbData::default();
        assert!(read_agents(&mut data, "b.txt", "ECOLOGIST [~ENV}\n").is_ok());
        assert_eq!(data.roles[0].suffix, "ENV");
        assert_eq!(data.warnings, ["b.txt:1: unclosed `[`"]);
    }
}
