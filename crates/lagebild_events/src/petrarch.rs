//! A reader for PETRARCH-2 verb dictionaries (`CAMEO.2.0.txt`, `PETR.Validate.verbs.txt`).
//!
//! Supported: synsets (`&NAME` with `+MEMBER` lines), verb blocks
//! (`--- NAME [code] ---`), verb lines with explicit forms (`SPEED {SPEEDS SPED}`) and
//! their own codes, and patterns (`- words * (PREP +) [code]`) where `*` is the verb,
//! `$` the source, `+` the target, `^` and `%` are ignored, `(...)` a prepositional
//! phrase and `&NAME` a synset. Patterns become entries with required words; the target
//! of a `(PREP +)` group becomes the slot `+PREP`, other targets the slot `+any`.
//! `[a:b]` codes use `a` (or `b` when `a` is empty); `[---]` blocks the pattern. Rules
//! are named `FILE:line`. The transformations section is ignored.

use std::collections::HashMap;

use lagebild_doc::Lang;

use crate::dictionary::{DictionaryError, Entry, FormKind, Position, Required, Role, TriggerKind};

type Forms = Vec<(String, Vec<(String, FormKind)>)>;

fn parse_code(text: &str) -> Option<String> {
    let inner = text.trim().trim_start_matches('[').trim_end_matches(']');
    let mut parts = inner.split(':').map(str::trim);
    let first = parts.next().unwrap_or("");
    let second = parts.next().unwrap_or("");
    let chosen = if first.is_empty() { second } else { first };
    if chosen.is_empty() || chosen.starts_with("---") {
        return None;
    }
    // `[a:b]` keeps `b` as the reverse code, split off by `split_code`.
    Some(
        if !first.is_empty() && !second.is_empty() && !second.starts_with("---") {
            format!("{first}:{second}")
        } else {
            chosen.to_string()
        },
    )
}

/// `032:033` -> (`032`, `033`); `042` -> (`042`, none).
fn split_code(code: Option<String>) -> (Option<String>, Option<String>) {
    match code {
        Some(code) => match code.split_once(':') {
            Some((forward, reverse)) => (Some(forward.to_string()), Some(reverse.to_string())),
            None => (Some(code), None),
        },
        None => (None, None),
    }
}

/// Parses a PETRARCH verb dictionary into entries plus explicit verb forms.
pub fn parse_verbs(name: &str, text: &str) -> Result<(Vec<Entry>, Forms), DictionaryError> {
    let mut synsets: HashMap<String, Vec<String>> = HashMap::new();
    let mut current_synset: Option<String> = None;
    let mut block_code: Option<String> = None;
    let mut block_verbs: Vec<(String, Option<String>)> = Vec::new();
    let mut in_block = false;
    let mut in_comment = false;
    let mut entries = Vec::new();
    let mut forms: Forms = Vec::new();
    let mut patterns: Vec<(usize, String, Option<String>)> = Vec::new();

    let flush = |block_verbs: &mut Vec<(String, Option<String>)>,
                 patterns: &mut Vec<(usize, String, Option<String>)>,
                 block_code: &Option<String>,
                 synsets: &HashMap<String, Vec<String>>,
                 entries: &mut Vec<Entry>| {
        for (verb, own_code) in block_verbs.iter() {
            let (trigger, particle) = split_multiword(verb);
            let (code, reverse) = split_code(own_code.clone().or_else(|| block_code.clone()));
            let mut base = Entry {
                code,
                reverse,
                trigger: trigger.clone(),
                kind: TriggerKind::Verb,
                source: Role::Subj,
                target: Some(Role::Any),
                symmetric: None,
                required: particle
                    .iter()
                    .map(|word| Required {
                        alternatives: vec![word.clone()],
                        position: Position::After,
                    })
                    .collect(),
                forbidden: Vec::new(),
                rule: String::new(),
                lang: Lang::En,
            };
            for (line, pattern, pattern_code) in patterns.iter() {
                let mut entry = base.clone();
                (entry.code, entry.reverse) = split_code(pattern_code.clone());
                entry.rule = format!("{name}:{line}");
                // A pattern naming an unknown or empty synset can never match: keeping
                // it without that word would code every sentence of the verb.
                if apply_pattern(&mut entry, pattern, synsets) {
                    let exchange = exchange_between_subjects(&entry);
                    entries.push(entry);
                    entries.extend(exchange);
                }
            }
            base.rule = format!("{name}:{}", verb_line(verb));
            entries.push(base);
        }
        block_verbs.clear();
        patterns.clear();
    };

    for (index, raw) in text.lines().enumerate() {
        let number = index + 1;
        let mut line = raw.trim();
        if in_comment {
            if let Some(end) = line.find("-->") {
                in_comment = false;
                line = line[end + 3..].trim();
            } else {
                continue;
            }
        }
        if let Some(start) = line.find("<!--") {
            match line[start..].find("-->") {
                Some(_) => line = line[..start].trim(),
                None => {
                    in_comment = true;
                    line = line[..start].trim();
                }
            }
        }
        let commented = line.starts_with('#');
        let line = strip_comment(line);
        if line.is_empty() {
            // A blank line ends a synset; a comment line inside one does not
            // (`&CURRENCY` / `# note` / `+MONEY` ...).
            if !commented {
                current_synset = None;
            }
            continue;
        }
        if line.starts_with("~") {
            continue;
        }
        if let Some(rest) = line.strip_prefix("---") {
            flush(
                &mut block_verbs,
                &mut patterns,
                &block_code,
                &synsets,
                &mut entries,
            );
            current_synset = None;
            in_block = true;
            let Some(open) = rest.find('[') else {
                return Err(DictionaryError::syntax(
                    name,
                    number,
                    "verb block header without [code]",
                ));
            };
            let close = rest[open..]
                .find(']')
                .map_or(rest.len(), |close| open + close + 1);
            block_code = parse_code(&rest[open..close]);
            continue;
        }
        if let Some(synset) = line.strip_prefix('&') {
            flush(
                &mut block_verbs,
                &mut patterns,
                &block_code,
                &synsets,
                &mut entries,
            );
            in_block = false;
            let key = synset
                .split_whitespace()
                .next()
                .unwrap_or("")
                .trim_end_matches('_')
                .to_uppercase();
            synsets.entry(key.clone()).or_default();
            current_synset = Some(key);
            continue;
        }
        if let Some(member) = line.strip_prefix('+') {
            if let Some(key) = &current_synset {
                let member = member
                    .split('[')
                    .next()
                    .unwrap_or("")
                    .trim()
                    .trim_end_matches('_')
                    .replace('_', " ")
                    .to_lowercase();
                if !member.is_empty() {
                    synsets.entry(key.clone()).or_default().push(member);
                }
            }
            continue;
        }
        if !in_block {
            continue;
        }
        if let Some(pattern) = line.strip_prefix('-') {
            let (body, code) = match (pattern.rfind('['), pattern.rfind(']')) {
                (Some(open), Some(close)) if close > open => (
                    pattern[..open].trim().to_string(),
                    parse_code(&pattern[open..=close]),
                ),
                _ => {
                    return Err(DictionaryError::syntax(
                        name,
                        number,
                        "pattern without [code]",
                    ));
                }
            };
            patterns.push((number, body, code));
            continue;
        }
        // A verb line: WORD {FORMS} [code]
        let (word_part, code) = match (line.find('['), line.find(']')) {
            (Some(open), Some(close)) if close > open => {
                (&line[..open], parse_code(&line[open..=close]))
            }
            _ => (line, None),
        };
        let (word, explicit) = match (word_part.find('{'), word_part.find('}')) {
            (Some(open), Some(close)) if close > open => {
                (word_part[..open].trim(), Some(&word_part[open + 1..close]))
            }
            _ => (word_part.trim(), None),
        };
        let word = word.to_lowercase();
        if word.is_empty() || word.contains('+') || word.contains('&') {
            continue;
        }
        let (trigger, _) = split_multiword(&word);
        if let Some(explicit) = explicit {
            let list = explicit
                .split_whitespace()
                .flat_map(|form| {
                    let form = form.trim_end_matches('_').to_lowercase();
                    let participle = form.ends_with("ed")
                        || form.ends_with("en")
                        || form.ends_with('n')
                        || form.ends_with('t');
                    let mut out = vec![(form.clone(), FormKind::Finite)];
                    if participle {
                        out.push((form, FormKind::Participle));
                    }
                    out
                })
                .collect();
            forms.push((trigger, list));
        }
        block_verbs.push((format!("{word}@{number}"), code));
    }
    flush(
        &mut block_verbs,
        &mut patterns,
        &block_code,
        &synsets,
        &mut entries,
    );
    for entry in &mut entries {
        if let Some(at) = entry.trigger.find('@') {
            entry.trigger.truncate(at);
        }
    }
    Ok((entries, forms))
}

/// An exchange (`- * FIRE [193:193]`, a pattern whose reverse code is its own code and
/// whose target slot is open) between the members of a compound subject: "Arland and
/// Borland exchanged fire" is fire both ways, as "Arland exchanged fire with Borland" is.
/// The variant comes after its pattern and is no more specific (the source slot is left
/// open), so an explicit partner ("... with Gondor") keeps the pattern's reading.
fn exchange_between_subjects(entry: &Entry) -> Option<Entry> {
    let exchange = entry.code.is_some()
        && entry.reverse == entry.code
        && entry.source == Role::Subj
        && entry.target == Some(Role::Any)
        && entry.symmetric.is_none();
    exchange.then(|| Entry {
        source: Role::Any,
        target: None,
        symmetric: Some(Role::Subj),
        reverse: None,
        ..entry.clone()
    })
}

/// Cuts a `#` comment; a `#` inside `[...]` belongs to a code (`[###]`).
fn strip_comment(line: &str) -> &str {
    let mut depth = 0i32;
    for (offset, character) in line.char_indices() {
        match character {
            '[' => depth += 1,
            ']' => depth -= 1,
            '#' if depth <= 0 => return line[..offset].trim(),
            _ => {}
        }
    }
    line.trim()
}

fn verb_line(verb: &str) -> &str {
    verb.rsplit('@').next().unwrap_or("0")
}

fn is_preposition(word: &str) -> bool {
    matches!(
        word,
        "with"
            | "to"
            | "against"
            | "for"
            | "from"
            | "on"
            | "at"
            | "in"
            | "into"
            | "by"
            | "over"
            | "about"
            | "toward"
            | "towards"
            | "between"
            | "among"
            | "upon"
            | "of"
    )
}

/// `carry_out@12` -> (`carry`, [`out`]).
fn split_multiword(verb: &str) -> (String, Vec<String>) {
    let word = verb.split('@').next().unwrap_or(verb);
    let mut parts = word.split(['_', ' ']).filter(|part| !part.is_empty());
    let trigger = parts.next().unwrap_or("").to_string();
    (trigger, parts.map(str::to_string).collect())
}

/// Fills `entry` from `pattern`; false when the pattern names a synset that is unknown or
/// has no members.
fn apply_pattern(entry: &mut Entry, pattern: &str, synsets: &HashMap<String, Vec<String>>) -> bool {
    let mut complete = true;
    let mut position = Position::Before;
    let mut group_preposition: Option<String> = None;
    let mut group_start = false;
    let mut previous: Option<String> = None;
    // `%` before the verb: the event is between the members of a compound subject
    // (`- % HAVE * [191]`: "A and B have delayed ..." gives A->B and B->A).
    let mut compound = false;
    let slots = pattern.contains('$') || pattern.contains('+');
    let spaced = pattern
        .replace('(', " ( ")
        .replace(')', " ) ")
        .replace(['{', '}'], " ");
    for raw in spaced.split_whitespace() {
        if raw == "(" {
            group_start = true;
            group_preposition = None;
            continue;
        }
        if raw == ")" {
            group_preposition = None;
            continue;
        }
        for part in raw.split('_').filter(|part| !part.is_empty()) {
            // A bare preposition right before `$`/`+` after the verb names the slot
            // (`- * EID AT ^ WITH +`: the target is the object of `with`).
            let preposition_before = (group_preposition.is_none() && position == Position::After)
                .then(|| previous.as_deref().filter(|word| is_preposition(word)))
                .flatten()
                .map(str::to_string);
            previous = Some(part.to_lowercase());
            match part {
                "*" => position = Position::After,
                "$" if preposition_before.is_some() => {
                    entry.source = Role::Prep(preposition_before.unwrap_or_default());
                }
                "+" if preposition_before.is_some() => {
                    entry.target = Some(Role::Prep(preposition_before.unwrap_or_default()));
                }
                "$" => {
                    entry.source = match &group_preposition {
                        Some(preposition) => Role::Prep(preposition.clone()),
                        None if position == Position::Before => Role::Subj,
                        None => Role::Any,
                    };
                }
                "+" => {
                    entry.target = Some(match &group_preposition {
                        Some(preposition) => Role::Prep(preposition.clone()),
                        None if position == Position::Before => Role::Subj,
                        None => Role::Any,
                    });
                    if entry.target == Some(Role::Subj) {
                        entry.source = Role::Any;
                    }
                }
                "%" if position == Position::Before => compound = true,
                "^" | "%" => {}
                word => {
                    let alternatives = match word.strip_prefix('&') {
                        Some(key) => synsets
                            .get(key.trim_end_matches('_').to_uppercase().as_str())
                            .cloned()
                            .unwrap_or_default()
                            .into_iter()
                            .map(|member| member.split(' ').next().unwrap_or("").to_string())
                            .collect(),
                        None => vec![word.to_lowercase()],
                    };
                    if group_start {
                        group_preposition = alternatives.first().cloned();
                    }
                    if alternatives.is_empty() {
                        complete = false;
                    } else {
                        entry.required.push(Required {
                            alternatives,
                            position,
                        });
                    }
                }
            }
            group_start = false;
        }
    }
    if compound && !slots {
        entry.source = Role::Subj;
        entry.target = None;
        entry.symmetric = Some(Role::Subj);
        return complete;
    }
    if entry.source == entry.target.clone().unwrap_or(Role::Any) && entry.source != Role::Any {
        entry.target = Some(Role::Any);
    }
    complete
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn synset_comments_and_unknown_synsets() {
        // A comment line inside a synset keeps it open; `&COINS_` and `&COINS` are one set;
        // a pattern naming an unknown set is dropped instead of matching anything.
        let text = "&COINS_\n# remark\n+PENNY\n+NICKEL\n\n--- ASK [020] ---\nASK\n- * &COINS [023]\n- * &NOSUCH [0231]\n";
        let (entries, _) = parse_verbs("v.txt", text).expect("parses");
        let coins: Vec<&Entry> = entries
            .iter()
            .filter(|entry| entry.code.as_deref() == Some("023"))
            .collect();
        assert_eq!(coins.len(), 1);
        assert_eq!(coins[0].required[0].alternatives, ["penny", "nickel"]);
        assert!(
            entries
                .iter()
                .all(|entry| entry.code.as_deref() != Some("0231"))
        );
    }

    #[test]
    fn reads_blocks_patterns_and_synsets() {
        let text = "&FOOD\n+RICE\n+WHEAT\n\n--- RUSH [042] ---\nRUSH\nSPEED {SPEEDS SPED}\n- * AID [070] # c\n- * &FOOD [073]\n- * (TO +) [043]\n- * TALKS [032:033]\n\n--- IGNORE [---] ---\nIGNORE\n";
        let (entries, forms) = parse_verbs("v.txt", text).expect("parses");
        let rush: Vec<&Entry> = entries
            .iter()
            .filter(|entry| entry.trigger == "rush")
            .collect();
        assert_eq!(rush.len(), 5);
        assert!(
            rush.iter().any(|entry| entry.code.as_deref() == Some("032")
                && entry.reverse.as_deref() == Some("033"))
        );
        assert!(
            rush.iter()
                .all(|entry| entry.code.as_deref() == Some("032") || entry.reverse.is_none())
        );
        assert!(rush.iter().any(|entry| entry.code.as_deref() == Some("042")
            && entry.required.is_empty()
            && entry.rule == "v.txt:6"));
        let food = rush
            .iter()
            .find(|entry| entry.code.as_deref() == Some("073"))
            .expect("food pattern");
        assert_eq!(
            food.required[0].alternatives,
            vec!["rice".to_string(), "wheat".to_string()]
        );
        let to = rush
            .iter()
            .find(|entry| entry.code.as_deref() == Some("043"))
            .expect("to pattern");
        assert_eq!(to.target, Some(Role::Prep("to".into())));
        assert!(
            forms.iter().any(
                |(lemma, list)| lemma == "speed" && list.iter().any(|(form, _)| form == "sped")
            )
        );
        assert!(
            entries
                .iter()
                .any(|entry| entry.trigger == "ignore" && entry.code.is_none())
        );
    }

    #[test]
    fn a_bare_preposition_names_the_slot() {
        let text = "--- FEAST [181] ---\nFEAST\n- * EID AT ^ WITH +  [043]\n- * IFTAR IN ^ +  [045]\n- $ HOSTING * BANQUET +  [042]\n";
        let (entries, _) = parse_verbs("v.txt", text).expect("parses");
        let target = |code: &str| {
            entries
                .iter()
                .find(|entry| entry.code.as_deref() == Some(code))
                .and_then(|entry| entry.target.clone())
        };
        assert_eq!(target("043"), Some(Role::Prep("with".into())));
        // After `^` the slot is not the preposition's object.
        assert_eq!(target("045"), Some(Role::Any));
        assert_eq!(target("042"), Some(Role::Any));
    }

    #[test]
    fn reads_the_shared_dictionaries() {
        let shared = std::env::var("LAGEBILD_SHARED").unwrap_or_else(|_| {
            concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared").to_string()
        });
        let path = std::path::Path::new(&shared)
            .join("data/petrarch/petrarch2/dictionaries/CAMEO.2.0.txt");
        let Ok(text) = std::fs::read_to_string(&path) else {
            eprintln!("skipping reads_the_shared_dictionaries: ../shared not found");
            return;
        };
        let (entries, _) = parse_verbs("CAMEO.2.0.txt", &text).expect("CAMEO.2.0.txt parses");
        assert!(entries.len() > 5000, "{} entries", entries.len());
        assert!(
            entries
                .iter()
                .any(|entry| entry.trigger == "accuse" && entry.code.as_deref() == Some("112"))
        );
    }
}
