//! The knowledge-base model and the reader of lagebild's own dictionary format
//! (`kb/README.md` describes the grammar).

use chrono::NaiveDate;

use crate::ActorKind;

/// A load error: always names the file and line.
#[derive(Debug, thiserror::Error)]
pub enum KbError {
    #[error("{file}:{line}: {message}")]
    Syntax {
        file: String,
        line: usize,
        message: String,
    },
    #[error("{path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
}

impl KbError {
    pub(crate) fn syntax(file: &str, line: usize, message: impl Into<String>) -> KbError {
        KbError::Syntax {
            file: file.to_string(),
            line,
            message: message.into(),
        }
    }
}

/// Grammatical gender of a person, used for pronoun resolution.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Gender {
    Male,
    Female,
}

/// A code valid in a date range (`from` inclusive, `to` exclusive; open when `None`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DatedCode {
    pub code: String,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// German role lemma ("Kanzler", "Generalsekretär") for description resolution.
    pub title: Option<String>,
}

impl DatedCode {
    pub fn contains(&self, date: NaiveDate) -> bool {
        self.from.is_none_or(|from| from <= date) && self.to.is_none_or(|to| date < to)
    }
}

/// One actor of the knowledge base: a state, organisation, group or person.
#[derive(Clone, Debug)]
pub struct Actor {
    /// Canonical name ("Mark Rutte", "Russia").
    pub name: String,
    pub kind: ActorKind,
    /// ISO 3166 alpha-3 of the state the actor belongs to (nationality for persons).
    pub country: Option<String>,
    /// Undated code (states, organisations) or the fallback of a person.
    pub code: Option<String>,
    /// Dated roles, in file order.
    pub roles: Vec<DatedCode>,
    pub gender: Option<Gender>,
    /// Lowercase party descriptions ("republikaner").
    pub parties: Vec<String>,
    /// Where the entry was defined (`persons.txt:12`).
    pub rule: String,
}

impl Actor {
    /// The code valid at `date`. Without a date, the latest role's code.
    ///
    /// Outside all dated roles: the undated code if there is one, else the nationality
    /// before the first role and the nationality plus `ELI` (former office holder) after.
    pub fn code_at(&self, date: Option<NaiveDate>) -> String {
        if self.roles.is_empty() {
            return self
                .code
                .clone()
                .or_else(|| self.country.clone())
                .unwrap_or_else(|| "---".to_string());
        }
        let Some(date) = date else {
            return self
                .latest_role()
                .map(|role| role.code.clone())
                .unwrap_or_default();
        };
        if let Some(role) = self.role_at(date) {
            return role.code.clone();
        }
        if let Some(code) = &self.code {
            return code.clone();
        }
        let before_all = self
            .roles
            .iter()
            .all(|role| role.from.is_some_and(|from| date < from));
        match (&self.country, before_all) {
            (Some(country), true) => country.clone(),
            (Some(country), false) => format!("{country}ELI"),
            (None, _) => self
                .latest_role()
                .map(|role| role.code.clone())
                .unwrap_or_default(),
        }
    }

    /// The role valid at `date` (the one that began last when several overlap).
    pub fn role_at(&self, date: NaiveDate) -> Option<&DatedCode> {
        self.roles
            .iter()
            .filter(|role| role.contains(date))
            .max_by_key(|role| role.from)
    }

    fn latest_role(&self) -> Option<&DatedCode> {
        self.roles.iter().max_by_key(|role| role.from)
    }

    /// The title valid at `date` (or the latest one without a date).
    pub fn title_at(&self, date: Option<NaiveDate>) -> Option<&str> {
        let role = match date {
            Some(date) => self.role_at(date),
            None => self.latest_role(),
        };
        role.and_then(|role| role.title.as_deref())
    }
}

/// How a surface form refers to its actor.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Form {
    /// Full name ("Mark Rutte", "Russland", "Nato").
    Name,
    /// Genitive of a name ("Nordkoreas", "Ruttes").
    NameGenitive,
    /// A surname or short form recognised without the full name ("Putin").
    Alias,
    /// A surname, accepted only after the full name occurs in the same document.
    Surname,
    /// A state adjective ("russischen").
    Adjective,
    /// A demonym ("Russen", "Niederländer").
    Demonym,
    /// A capital or seat of power ("Moskau", "Kreml").
    Seat,
    /// A description that refers back to an earlier mention ("die Allianz").
    Description,
}

/// A role noun: composed with a state into a CAMEO code, or resolved as a description.
#[derive(Clone, Debug)]
pub struct Role {
    /// Agent code appended to a state code (`GOV`); empty for the state itself.
    pub suffix: String,
    /// Whether the noun names a single person (Präsident) rather than a group (Regierung).
    pub person: bool,
    /// Lowercase lemmas of the line (first form of each brace group), plus `@` aliases.
    pub lemmas: Vec<String>,
    /// The first form of the line as written ("Präsident"), for display.
    pub label: String,
    pub rule: String,
}

impl Role {
    /// Whether a person's title (a German role lemma) fits this role noun.
    pub fn fits_title(&self, title: &str) -> bool {
        let title = title.to_lowercase();
        self.lemmas.iter().any(|lemma| {
            title == *lemma
                || (lemma.len() >= 5 && title.ends_with(lemma.as_str()))
                || lemma
                    .strip_prefix("bundes")
                    .is_some_and(|rest| rest == title)
                || lemma
                    .strip_prefix("staats")
                    .is_some_and(|rest| rest == title)
        })
    }
}

/// What a surface form in the automaton points to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Target {
    Actor {
        actor: u32,
        form: Form,
    },
    Role {
        role: u32,
    },
    /// A party description ("der Republikaner"), index into [`KbData::parties`].
    Party {
        party: u32,
    },
}

/// One surface form: words (already split into pieces) and its target.
#[derive(Clone, Debug)]
pub struct Surface {
    pub text: String,
    pub target: Target,
}

/// Everything read from dictionary files, before the automata are built.
#[derive(Clone, Debug, Default)]
pub struct KbData {
    pub actors: Vec<Actor>,
    pub roles: Vec<Role>,
    pub surfaces: Vec<Surface>,
    /// Lowercase compound prefixes ("bundes", "kreml", "us") to actor index.
    pub prefixes: Vec<(String, u32)>,
    pub parties: Vec<String>,
    /// Given names with gender (None: both or unknown).
    pub first_names: Vec<(String, Option<Gender>)>,
    /// Family names, for lone surnames next to person cues ("sagte Müller").
    pub surnames: Vec<String>,
    /// English canonical names of states, set by the first `en` field.
    pub english_names: std::collections::HashMap<u32, String>,
    /// Non-fatal problems (file:line: message) met while loading.
    pub warnings: Vec<String>,
}

impl KbData {
    fn add_surface(&mut self, text: &str, target: Target) {
        let text = text.trim();
        if !text.is_empty() {
            self.surfaces.push(Surface {
                text: text.to_string(),
                target,
            });
        }
    }

    pub(crate) fn party_index(&mut self, party: &str) -> u32 {
        let party = party.to_lowercase();
        if let Some(index) = self.parties.iter().position(|known| *known == party) {
            return index as u32;
        }
        self.parties.push(party);
        (self.parties.len() - 1) as u32
    }

    /// Adds a name with its genitive form.
    pub(crate) fn add_name(&mut self, name: &str, actor: u32, form: Form) {
        self.add_surface(name, Target::Actor { actor, form });
        let genitive_form = if form == Form::Name {
            Form::NameGenitive
        } else {
            form
        };
        if let Some(genitive) = genitive(name) {
            self.add_surface(
                &genitive,
                Target::Actor {
                    actor,
                    form: genitive_form,
                },
            );
        }
    }

    /// Reads a states or organisations file (`CODE | field: a; b | ...`).
    pub fn read_entities(
        &mut self,
        file: &str,
        text: &str,
        default_kind: ActorKind,
    ) -> Result<(), KbError> {
        for (index, raw) in text.lines().enumerate() {
            let line_number = index + 1;
            let line = strip_comment(raw);
            if line.is_empty() {
                continue;
            }
            let mut fields = line.split('|').map(str::trim);
            let code = fields.next().unwrap_or_default();
            if code.is_empty()
                || !code
                    .chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
            {
                return Err(KbError::syntax(
                    file,
                    line_number,
                    format!("expected an upper-case code, found {code:?}"),
                ));
            }
            let mut parsed: Vec<(&str, Vec<&str>)> = Vec::new();
            for field in fields {
                let Some((key, values)) = field.split_once(':') else {
                    return Err(KbError::syntax(
                        file,
                        line_number,
                        format!("expected `field: values`, found {field:?}"),
                    ));
                };
                let values = values
                    .split(';')
                    .map(str::trim)
                    .filter(|value| !value.is_empty())
                    .collect();
                parsed.push((key.trim(), values));
            }
            self.add_entity(file, line_number, code, default_kind, &parsed)?;
        }
        Ok(())
    }

    /// Adds or extends a state/organisation entry. States with the same code are merged.
    pub(crate) fn add_entity(
        &mut self,
        file: &str,
        line_number: usize,
        code: &str,
        default_kind: ActorKind,
        fields: &[(&str, Vec<&str>)],
    ) -> Result<(), KbError> {
        let mut kind = default_kind;
        let mut country = None;
        let mut canonical = None;
        for (key, values) in fields {
            match *key {
                "kind" => {
                    kind = match values.first().copied() {
                        Some("state") => ActorKind::State,
                        Some("organization") => ActorKind::Organization,
                        Some("group") => ActorKind::Group,
                        Some("person") => ActorKind::Person,
                        Some("location") => ActorKind::Location,
                        other => {
                            return Err(KbError::syntax(
                                file,
                                line_number,
                                format!("unknown kind {other:?}"),
                            ));
                        }
                    }
                }
                "country" => country = values.first().map(|value| value.to_string()),
                "canonical" => canonical = values.first().map(|value| value.to_string()),
                _ => {}
            }
        }
        if kind == ActorKind::State {
            country = Some(code.to_string());
        }
        let first_name = fields
            .iter()
            .find(|(key, _)| matches!(*key, "en" | "name"))
            .or_else(|| fields.iter().find(|(key, _)| *key == "de"))
            .and_then(|(_, values)| values.first().copied())
            .unwrap_or(code);
        // States are merged by code; organisations with the same code and canonical name too.
        let existing = self.actors.iter().position(|actor| {
            actor.code.as_deref() == Some(code)
                && actor.kind == kind
                && (kind == ActorKind::State
                    || canonical.as_deref().is_some_and(|name| name == actor.name))
        });
        let actor = match existing {
            Some(index) => index as u32,
            None => {
                self.actors.push(Actor {
                    name: canonical.clone().unwrap_or_else(|| first_name.to_string()),
                    kind,
                    country,
                    code: Some(code.to_string()),
                    roles: Vec::new(),
                    gender: None,
                    parties: Vec::new(),
                    rule: format!("{file}:{line_number}"),
                });
                (self.actors.len() - 1) as u32
            }
        };
        if let Some(canonical) = canonical {
            self.actors[actor as usize].name = canonical;
        }
        for (key, values) in fields {
            if *key == "en"
                && kind == ActorKind::State
                && let Some(first) = values.first()
                && !self.english_names.contains_key(&actor)
            {
                self.english_names.insert(actor, first.to_string());
                self.actors[actor as usize].name = first.to_string();
            }
            for value in values {
                match *key {
                    "de" | "en" | "de_official" | "en_official" | "name" => {
                        self.add_name(value, actor, Form::Name)
                    }
                    "adj" => {
                        for ending in ["", "e", "en", "er", "es", "em"] {
                            self.add_surface(
                                &format!("{value}{ending}"),
                                Target::Actor {
                                    actor,
                                    form: Form::Adjective,
                                },
                            );
                        }
                    }
                    "adj_en" => self.add_surface(
                        value,
                        Target::Actor {
                            actor,
                            form: Form::Adjective,
                        },
                    ),
                    "dem" => {
                        for form in demonym_forms(value) {
                            self.add_surface(
                                &form,
                                Target::Actor {
                                    actor,
                                    form: Form::Demonym,
                                },
                            );
                        }
                    }
                    "dem_en" => self.add_surface(
                        value,
                        Target::Actor {
                            actor,
                            form: Form::Demonym,
                        },
                    ),
                    "seat" => self.add_name(value, actor, Form::Seat),
                    "desc" => self.add_surface(
                        value,
                        Target::Actor {
                            actor,
                            form: Form::Description,
                        },
                    ),
                    "prefix" => self.prefixes.push((value.to_lowercase(), actor)),
                    "kind" | "country" | "canonical" => {}
                    other => {
                        return Err(KbError::syntax(
                            file,
                            line_number,
                            format!("unknown field {other:?}"),
                        ));
                    }
                }
            }
        }
        Ok(())
    }

    /// Reads `derived/states.tsv` (`ISO3 <TAB> field <TAB> form`).
    pub fn read_derived_states(&mut self, file: &str, text: &str) -> Result<(), KbError> {
        for (index, raw) in text.lines().enumerate() {
            let line = strip_comment(raw);
            if line.is_empty() {
                continue;
            }
            let parts: Vec<&str> = line.split('\t').collect();
            let [code, field, form] = parts[..] else {
                return Err(KbError::syntax(
                    file,
                    index + 1,
                    "expected three tab-separated columns",
                ));
            };
            self.add_entity(
                file,
                index + 1,
                code,
                ActorKind::State,
                &[(field, vec![form])],
            )?;
        }
        Ok(())
    }

    /// Reads the roles file (`SUFFIX | person|group | lang | forms`).
    pub fn read_roles(&mut self, file: &str, text: &str) -> Result<(), KbError> {
        for (index, raw) in text.lines().enumerate() {
            let line_number = index + 1;
            let line = strip_comment(raw);
            if line.is_empty() {
                continue;
            }
            let fields: Vec<&str> = line.split('|').map(str::trim).collect();
            let [suffix, number, _lang, forms] = fields[..] else {
                return Err(KbError::syntax(
                    file,
                    line_number,
                    "expected `SUFFIX | person|group | lang | forms`",
                ));
            };
            let person = match number {
                "person" => true,
                "group" => false,
                other => {
                    return Err(KbError::syntax(
                        file,
                        line_number,
                        format!("expected person or group, found {other:?}"),
                    ));
                }
            };
            let suffix = if suffix == "-" {
                String::new()
            } else {
                suffix.to_string()
            };
            let role_index = self.roles.len() as u32;
            let mut lemmas = Vec::new();
            let mut label = String::new();
            for group in forms
                .split(';')
                .map(str::trim)
                .filter(|group| !group.is_empty())
            {
                if let Some(alias) = group.strip_prefix('@') {
                    lemmas.push(alias.to_lowercase());
                    continue;
                }
                let expanded = expand_braces(group)
                    .map_err(|message| KbError::syntax(file, line_number, message))?;
                if let Some(first) = expanded.first() {
                    lemmas.push(first.to_lowercase());
                    if label.is_empty() {
                        label = first.clone();
                    }
                }
                for form in expanded {
                    self.add_surface(&form, Target::Role { role: role_index });
                }
            }
            self.roles.push(Role {
                suffix,
                person,
                lemmas,
                label,
                rule: format!("{file}:{line_number}"),
            });
        }
        Ok(())
    }

    /// Reads the persons file (`Name; Variant | attributes | CODE FROM..TO Title; ...`).
    pub fn read_persons(&mut self, file: &str, text: &str) -> Result<(), KbError> {
        for (index, raw) in text.lines().enumerate() {
            let line_number = index + 1;
            let line = strip_comment(raw);
            if line.is_empty() {
                continue;
            }
            let fields: Vec<&str> = line.split('|').map(str::trim).collect();
            let [names, attributes, roles] = fields[..] else {
                return Err(KbError::syntax(
                    file,
                    line_number,
                    "expected `names | attributes | roles`",
                ));
            };
            let names: Vec<&str> = names
                .split(';')
                .map(str::trim)
                .filter(|name| !name.is_empty())
                .collect();
            let Some(canonical) = names.first() else {
                return Err(KbError::syntax(file, line_number, "a person needs a name"));
            };
            let mut actor = Actor {
                name: canonical.to_string(),
                kind: ActorKind::Person,
                country: None,
                code: None,
                roles: Vec::new(),
                gender: None,
                parties: Vec::new(),
                rule: format!("{file}:{line_number}"),
            };
            let mut surnames: Vec<String> = Vec::new();
            let mut aliases: Vec<String> = Vec::new();
            let mut parties: Vec<String> = Vec::new();
            for attribute in split_attributes(attributes) {
                if let Some((key, value)) = attribute.split_once('=') {
                    match key {
                        "party" => parties.push(value.to_string()),
                        "sur" => surnames.push(value.to_string()),
                        "alias" => aliases.push(value.to_string()),
                        other => {
                            return Err(KbError::syntax(
                                file,
                                line_number,
                                format!("unknown attribute {other:?}"),
                            ));
                        }
                    }
                } else if attribute == "m" {
                    actor.gender = Some(Gender::Male);
                } else if attribute == "f" {
                    actor.gender = Some(Gender::Female);
                } else if attribute.len() == 3 && attribute.chars().all(|c| c.is_ascii_uppercase())
                {
                    actor.country = Some(attribute.to_string());
                } else {
                    return Err(KbError::syntax(
                        file,
                        line_number,
                        format!("unknown attribute {attribute:?}"),
                    ));
                }
            }
            for role in roles
                .split(';')
                .map(str::trim)
                .filter(|role| !role.is_empty())
            {
                actor.roles.push(
                    parse_dated_role(role)
                        .map_err(|message| KbError::syntax(file, line_number, message))?,
                );
            }
            let actor_index = self.actors.len() as u32;
            for party in &parties {
                actor.parties.push(party.to_lowercase());
            }
            self.actors.push(actor);
            for party in parties {
                let party_index = self.party_index(&party);
                for form in party_forms(&party) {
                    self.add_surface(&form, Target::Party { party: party_index });
                }
            }
            for name in &names {
                self.add_name(name, actor_index, Form::Name);
            }
            for alias in &aliases {
                self.add_name(alias, actor_index, Form::Alias);
            }
            if surnames.is_empty() {
                // The last word of each variant; multi-word names keep particles out.
                for name in &names {
                    if let Some(last) = name.split_whitespace().last()
                        && name.split_whitespace().count() > 1
                        && last.chars().next().is_some_and(char::is_uppercase)
                        && !surnames.iter().any(|known| known == last)
                    {
                        surnames.push(last.to_string());
                    }
                }
            }
            for surname in &surnames {
                self.add_name(surname, actor_index, Form::Surname);
            }
        }
        Ok(())
    }

    /// Reads `derived/firstnames.tsv` (`name <TAB> m|f|u`).
    pub fn read_first_names(&mut self, file: &str, text: &str) -> Result<(), KbError> {
        for (index, raw) in text.lines().enumerate() {
            let line = strip_comment(raw);
            if line.is_empty() {
                continue;
            }
            let Some((name, gender)) = line.split_once('\t') else {
                return Err(KbError::syntax(
                    file,
                    index + 1,
                    "expected `name <TAB> m|f|u`",
                ));
            };
            let gender = match gender.trim() {
                "m" => Some(Gender::Male),
                "f" => Some(Gender::Female),
                _ => None,
            };
            self.first_names.push((name.trim().to_string(), gender));
        }
        Ok(())
    }
}

impl KbData {
    /// Reads `derived/surnames.txt` (one surname a line).
    pub fn read_surnames(&mut self, text: &str) {
        self.surnames.extend(
            text.lines()
                .map(strip_comment)
                .filter(|line| !line.is_empty())
                .map(String::from),
        );
    }
}

/// Removes a `#` comment and surrounding whitespace.
pub(crate) fn strip_comment(line: &str) -> &str {
    line.split_once('#')
        .map_or(line, |(before, _)| before)
        .trim()
}

/// Attributes are separated by whitespace; `alias=` and `sur=` values may contain spaces
/// up to the next attribute keyword.
fn split_attributes(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        let starts_attribute = word.contains('=')
            || word == "m"
            || word == "f"
            || (word.len() == 3 && word.chars().all(|c| c.is_ascii_uppercase()));
        match out.last_mut() {
            Some(last) if !starts_attribute && last.contains('=') => {
                last.push(' ');
                last.push_str(word);
            }
            _ => out.push(word.to_string()),
        }
    }
    out
}

fn parse_date(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|error| format!("bad date {text:?}: {error}"))
}

/// `CODE FROM..TO Title words`, with FROM, TO, the range and the title optional.
fn parse_dated_role(text: &str) -> Result<DatedCode, String> {
    let mut words = text.split_whitespace();
    let code = words.next().ok_or("empty role")?;
    if !code
        .chars()
        .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        || code.len() < 3
    {
        return Err(format!("bad code {code:?}"));
    }
    let rest: Vec<&str> = words.collect();
    let (range, title_words) = match rest.first() {
        Some(first) if first.contains("..") => (Some(*first), &rest[1..]),
        _ => (None, &rest[..]),
    };
    let (from, to) = match range {
        Some(range) => {
            let (from, to) = range.split_once("..").ok_or("bad range")?;
            let from = if from.is_empty() {
                None
            } else {
                Some(parse_date(from)?)
            };
            let to = if to.is_empty() {
                None
            } else {
                Some(parse_date(to)?)
            };
            if let (Some(from), Some(to)) = (from, to)
                && to < from
            {
                return Err(format!("range ends before it starts: {range}"));
            }
            (from, to)
        }
        None => (None, None),
    };
    let title = (!title_words.is_empty()).then(|| title_words.join(" "));
    Ok(DatedCode {
        code: code.to_string(),
        from,
        to,
        title,
    })
}

/// `Präsident{,en,in}` -> Präsident, Präsidenten, Präsidentin. One brace group at most.
pub(crate) fn expand_braces(text: &str) -> Result<Vec<String>, String> {
    let Some(open) = text.find('{') else {
        return Ok(vec![text.to_string()]);
    };
    let close = text[open..]
        .find('}')
        .map(|offset| open + offset)
        .ok_or_else(|| format!("unclosed brace in {text:?}"))?;
    let (head, tail) = (&text[..open], &text[close + 1..]);
    Ok(text[open + 1..close]
        .split(',')
        .map(|ending| format!("{head}{}{tail}", ending.trim()))
        .collect())
}

/// The genitive of a German name: `Nordkorea` -> `Nordkoreas`; none after s, x, z, ß.
pub(crate) fn genitive(name: &str) -> Option<String> {
    let last = name.chars().last()?;
    if !last.is_alphabetic() || matches!(last, 's' | 'x' | 'z' | 'ß' | 'S' | 'X' | 'Z') {
        return None;
    }
    if name.chars().all(|c| !c.is_lowercase()) {
        return None;
    }
    Some(format!("{name}s"))
}

/// Inflected forms of a German demonym given in the nominative singular.
fn demonym_forms(base: &str) -> Vec<String> {
    let mut forms = vec![base.to_string()];
    let endings: &[&str] = if base.ends_with("in") {
        &["nen"]
    } else if base.ends_with("er") {
        &["n", "s"]
    } else if base.ends_with('e') {
        &["n"]
    } else if base.ends_with('i') {
        &["s"]
    } else {
        &["en", "s"]
    };
    for ending in endings {
        forms.push(format!("{base}{ending}"));
    }
    if let Some(stem) = base.strip_suffix("er")
        && stem.ends_with("sch")
    {
        // Deutscher -> Deutsche, Deutschen
        forms.push(format!("{stem}e"));
        forms.push(format!("{stem}en"));
    }
    forms
}

fn party_forms(party: &str) -> Vec<String> {
    let mut forms = vec![party.to_string()];
    if party.chars().next().is_some_and(char::is_uppercase)
        && party.chars().all(|c| c.is_alphabetic() || c == '-')
    {
        if party.ends_with('e') {
            forms.push(format!("{party}n"));
        } else if party.ends_with("er") {
            forms.push(format!("{party}s"));
            forms.push(format!("{party}n"));
        } else {
            forms.push(format!("{party}en"));
        }
    }
    forms
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn braces_and_forms() {
        assert_eq!(
            expand_braces("Präsident{,en,in}").unwrap_or_default(),
            ["Präsident", "Präsidenten", "Präsidentin"]
        );
        assert!(expand_braces("Präsident{,en").is_err());
        assert_eq!(genitive("Nordkorea").as_deref(), Some("Nordkoreas"));
        assert_eq!(genitive("Brüssel").as_deref(), Some("Brüssels"));
        assert_eq!(genitive("Paris"), None);
        assert_eq!(genitive("USA"), None);
        assert!(demonym_forms("Russe").contains(&"Russen".to_string()));
        assert!(demonym_forms("Russin").contains(&"Russinnen".to_string()));
        assert!(demonym_forms("Niederländer").contains(&"Niederländern".to_string()));
        assert!(demonym_forms("Deutscher").contains(&"Deutschen".to_string()));
    }

    #[test]
    fn dated_roles_parse() {
        let role = parse_dated_role("IGOWSTNAT 2024-10-01.. Generalsekretär")
            .unwrap_or_else(|error| panic!("{error}"));
        assert_eq!(role.code, "IGOWSTNAT");
        assert_eq!(role.to, None);
        assert_eq!(role.title.as_deref(), Some("Generalsekretär"));
        assert!(parse_dated_role("NLDGOV 2024-07-02..2010-10-14").is_err());
        assert!(parse_dated_role("nldgov").is_err());
        assert!(parse_dated_role("NLDGOV 2024-13-02..").is_err());
    }

    #[test]
    fn errors_name_file_and_line() {
        let mut data = KbData::default();
        let error = data
            .read_persons("persons.txt", "# comment\nMark Rutte | m NLD\n")
            .err();
        assert_eq!(
            error.map(|error| error.to_string()).unwrap_or_default(),
            "persons.txt:2: expected `names | attributes | roles`"
        );
        let error = data
            .read_entities(
                "states.txt",
                "RUS | de: Russland\nrus | de: x\n",
                ActorKind::State,
            )
            .err();
        assert!(
            error
                .map(|error| error.to_string())
                .unwrap_or_default()
                .starts_with("states.txt:2:")
        );
    }
}
