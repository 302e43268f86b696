//! Verb and noun dictionaries: the lagebild line format, word forms, and lookup.
//!
//! The format is documented in `dict/de/README.md`. One entry per line:
//! `CODE TRIGGER ELEMENT*  # comment`, e.g. `112 vorwerfen $subj +dat`. Every entry keeps
//! its origin (`de/verbs.txt:57`) so events can name the rule that produced them.

use std::collections::HashMap;

use lagebild_doc::Lang;

/// A grammatical slot of a trigger, in active voice.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Role {
    /// Subject (for nouns: not used).
    Subj,
    /// Direct (accusative) object.
    Obj,
    /// Dative object (German); in unparsed text any object position.
    Dat,
    /// For nouns: genitive attribute, possessor, prenominal genitive or adjective actor.
    Gen,
    /// Any object or prepositional slot (PETRARCH's default target).
    Any,
    /// A prepositional phrase with this (lowercase) preposition.
    Prep(String),
}

impl Role {
    pub fn parse(text: &str) -> Option<Role> {
        let text = text.trim();
        if text.is_empty()
            || !text
                .chars()
                .all(|character| character.is_alphabetic() || character == '_')
        {
            return None;
        }
        Some(match text {
            "subj" => Role::Subj,
            "obj" => Role::Obj,
            "dat" => Role::Dat,
            "gen" => Role::Gen,
            "any" => Role::Any,
            other => Role::Prep(other.to_lowercase()),
        })
    }

    pub fn name(&self) -> &str {
        match self {
            Role::Subj => "subj",
            Role::Obj => "obj",
            Role::Dat => "dat",
            Role::Gen => "gen",
            Role::Any => "any",
            Role::Prep(preposition) => preposition,
        }
    }
}

/// Whether a trigger is a verb or a noun (nominal event).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TriggerKind {
    Verb,
    Noun,
}

/// Where a required word must stand relative to the trigger (PETRARCH patterns).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Position {
    Anywhere,
    Before,
    After,
}

/// A word that must be present (any of the alternatives, lowercase lemmas or forms).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Required {
    pub alternatives: Vec<String>,
    pub position: Position,
}

/// One dictionary entry.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// CAMEO code; `None` for `---` entries, which block less specific entries.
    pub code: Option<String>,
    /// Lowercase lemma of the trigger (`vorwerfen`, `kooperation`).
    pub trigger: String,
    pub kind: TriggerKind,
    pub source: Role,
    /// `None` with `symmetric` set: both sides come from one slot (`<>zwischen`).
    pub target: Option<Role>,
    pub symmetric: Option<Role>,
    pub required: Vec<Required>,
    pub forbidden: Vec<String>,
    /// `de/verbs.txt:123`.
    pub rule: String,
    pub lang: Lang,
    /// The code of the reverse event (target -> source) a PETRARCH `[a:b]` code adds
    /// (`ARRIVE [032:033]`: the visitor visits, the host hosts).
    pub reverse: Option<String>,
}

impl Entry {
    /// Higher is more specific: more required words and explicit slots win.
    pub fn specificity(&self) -> usize {
        let slot = |role: &Role| match role {
            Role::Prep(_) => 2,
            Role::Any => 0,
            _ => 1,
        };
        self.required.len() * 4
            + self.forbidden.len()
            + slot(&self.source)
            + self.target.as_ref().map_or(0, slot)
            + self.symmetric.as_ref().map_or(0, slot)
    }
}

#[derive(Debug, thiserror::Error)]
pub enum DictionaryError {
    #[error("{file}:{line}: {message}")]
    Syntax {
        file: String,
        line: usize,
        message: String,
    },
    #[error("{path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
}

impl DictionaryError {
    pub(crate) fn syntax(file: &str, line: usize, message: impl Into<String>) -> DictionaryError {
        DictionaryError::Syntax {
            file: file.to_string(),
            line,
            message: message.into(),
        }
    }
}

/// Parses one file in the lagebild verb format. `name` is how rules are named
/// (`de/verbs.txt`).
pub fn parse_verbs(name: &str, text: &str, lang: Lang) -> Result<Vec<Entry>, DictionaryError> {
    let mut entries = Vec::new();
    for (index, raw) in text.lines().enumerate() {
        let number = index + 1;
        let line = raw.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        let mut parts = line.split_whitespace();
        let Some(code) = parts.next() else { continue };
        let code = if code == "---" {
            None
        } else if crate::codes::is_valid(code) {
            Some(code.to_string())
        } else {
            return Err(DictionaryError::syntax(
                name,
                number,
                format!("`{code}` is not a CAMEO code (2-4 digits, root 01-20, or ---)"),
            ));
        };
        let Some(trigger) = parts.next() else {
            return Err(DictionaryError::syntax(
                name,
                number,
                "missing trigger after the code",
            ));
        };
        let (kind, trigger) = match trigger.strip_prefix("N:") {
            Some(noun) => (TriggerKind::Noun, noun),
            None => (TriggerKind::Verb, trigger),
        };
        if trigger.is_empty() || trigger.starts_with(['$', '+', '!', '<']) {
            return Err(DictionaryError::syntax(
                name,
                number,
                format!("`{trigger}` is not a trigger lemma"),
            ));
        }
        let mut source = None;
        let mut target = None;
        let mut symmetric = None;
        let mut required = Vec::new();
        let mut forbidden = Vec::new();
        for element in parts {
            let role = |text: &str| {
                Role::parse(text).ok_or_else(|| {
                    DictionaryError::syntax(
                        name,
                        number,
                        format!("`{element}`: unknown role `{text}`"),
                    )
                })
            };
            if let Some(rest) = element.strip_prefix("<>") {
                symmetric = Some(role(rest)?);
            } else if let Some(rest) = element.strip_prefix('$') {
                if source.replace(role(rest)?).is_some() {
                    return Err(DictionaryError::syntax(
                        name,
                        number,
                        "two source slots ($)",
                    ));
                }
            } else if let Some(rest) = element.strip_prefix('+') {
                if target.replace(role(rest)?).is_some() {
                    return Err(DictionaryError::syntax(
                        name,
                        number,
                        "two target slots (+)",
                    ));
                }
            } else if let Some(rest) = element.strip_prefix('!') {
                forbidden.extend(
                    rest.split('|')
                        .filter(|word| !word.is_empty())
                        .map(str::to_lowercase),
                );
            } else {
                let alternatives: Vec<String> = element
                    .split('|')
                    .filter(|word| !word.is_empty())
                    .map(str::to_lowercase)
                    .collect();
                if alternatives.is_empty() {
                    return Err(DictionaryError::syntax(
                        name,
                        number,
                        format!("`{element}` is empty"),
                    ));
                }
                required.push(Required {
                    alternatives,
                    position: Position::Anywhere,
                });
            }
        }
        if symmetric.is_some() && (source.is_some() || target.is_some()) {
            return Err(DictionaryError::syntax(
                name,
                number,
                "<> takes both sides; do not combine it with $ or +",
            ));
        }
        let source = source.unwrap_or(match kind {
            TriggerKind::Verb => Role::Subj,
            TriggerKind::Noun => Role::Gen,
        });
        if symmetric.is_none() && target.is_none() && kind == TriggerKind::Verb {
            target = Some(Role::Obj);
        }
        if symmetric.is_none() && target.is_none() {
            return Err(DictionaryError::syntax(
                name,
                number,
                "a noun entry needs a target slot (+role) or <>role",
            ));
        }
        if symmetric.is_none() && target.as_ref() == Some(&source) {
            return Err(DictionaryError::syntax(
                name,
                number,
                "source and target name the same slot",
            ));
        }
        entries.push(Entry {
            code,
            trigger: trigger.to_lowercase(),
            kind,
            source,
            target,
            symmetric,
            required,
            forbidden,
            rule: format!("{name}:{number}"),
            lang,
            reverse: None,
        });
    }
    Ok(entries)
}

/// How a word form relates to its lemma.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FormKind {
    Infinitive,
    Finite,
    Participle,
    /// German `zu`-infinitive of a separable verb (`vorzuwerfen`).
    ZuInfinitive,
    /// English -ing form.
    Gerund,
}

/// Word forms of one lemma, each with its kind.
pub type FormList = Vec<(String, FormKind)>;

/// Irregular forms: `lemma: form form =participle`.
pub fn parse_forms(name: &str, text: &str) -> Result<Vec<(String, FormList)>, DictionaryError> {
    let mut out = Vec::new();
    for (index, raw) in text.lines().enumerate() {
        let line = raw.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        let Some((lemma, forms)) = line.split_once(':') else {
            return Err(DictionaryError::syntax(
                name,
                index + 1,
                "expected `lemma: forms...`",
            ));
        };
        let forms = forms
            .split_whitespace()
            .map(|form| match form.strip_prefix('=') {
                Some(participle) => (participle.to_lowercase(), FormKind::Participle),
                None => (form.to_lowercase(), FormKind::Finite),
            })
            .collect();
        out.push((lemma.trim().to_lowercase(), forms));
    }
    Ok(out)
}

/// German separable particles (a verb lemma starting with one of these splits in main
/// clauses: `vorwerfen` -> `wirft ... vor`).
pub const GERMAN_PARTICLES: &[&str] = &[
    "zusammen",
    "zurück",
    "entgegen",
    "gegenüber",
    "bereit",
    "nieder",
    "fest",
    "frei",
    "fort",
    "heraus",
    "herbei",
    "hinzu",
    "voran",
    "vorbei",
    "weiter",
    "ab",
    "an",
    "auf",
    "aus",
    "bei",
    "ein",
    "mit",
    "nach",
    "vor",
    "weg",
    "zu",
    "los",
    "um",
    "her",
    "hin",
    "teil",
];

const GERMAN_INSEPARABLE: &[&str] = &[
    "be", "ge", "er", "ver", "zer", "ent", "emp", "miss", "hinter", "über", "unter", "wider",
];

/// Splits a German verb lemma into (particle, base) when it starts with a separable
/// particle and the rest is still a verb-like word.
pub fn split_particle(lemma: &str) -> Option<(&'static str, &str)> {
    GERMAN_PARTICLES.iter().find_map(|particle| {
        let base = lemma.strip_prefix(particle)?;
        (base.chars().count() >= 4 && base.ends_with('n') && !base.starts_with(['e', 'n']))
            .then_some((*particle, base))
    })
}

/// The form table: every generated or listed form, with its lemma and kind.
#[derive(Debug, Default, Clone)]
pub struct Forms {
    map: HashMap<String, Vec<(String, FormKind)>>,
}

impl Forms {
    pub fn lookup(&self, form: &str) -> &[(String, FormKind)] {
        self.map.get(form).map(Vec::as_slice).unwrap_or(&[])
    }

    fn add(&mut self, form: String, lemma: &str, kind: FormKind) {
        let list = self.map.entry(form).or_default();
        if !list
            .iter()
            .any(|(known, known_kind)| known == lemma && *known_kind == kind)
        {
            list.push((lemma.to_string(), kind));
        }
    }

    /// Adds the forms of a German verb; `strong` holds the irregular table.
    pub fn add_german(&mut self, lemma: &str, strong: &HashMap<String, Vec<(String, FormKind)>>) {
        if lemma.contains(' ') || !lemma.ends_with('n') {
            return;
        }
        self.add(lemma.to_string(), lemma, FormKind::Infinitive);
        let (particle, base) = match split_particle(lemma) {
            Some((particle, base)) => (particle, base),
            None => ("", lemma),
        };
        // The finite forms of a separable verb belong to its base (the particle stands
        // apart); joined forms occur in subordinate clauses.
        let finite_lemma = if particle.is_empty() {
            lemma.to_string()
        } else {
            base.to_string()
        };
        let mut finite: Vec<String> = Vec::new();
        let mut participles: Vec<String> = Vec::new();
        // The longest known irregular verb the base ends with (`verstoßen` -> `stoßen`).
        let irregular = (0..base.len())
            .filter(|start| base.is_char_boundary(*start))
            .find_map(|start| {
                let tail = &base[start..];
                strong.get(tail).map(|forms| (&base[..start], forms))
            });
        if let Some((prefix, forms)) = irregular {
            let inseparable = !prefix.is_empty();
            for (form, kind) in forms {
                match kind {
                    FormKind::Participle => {
                        let participle = if inseparable {
                            format!("{prefix}{}", form.strip_prefix("ge").unwrap_or(form))
                        } else {
                            form.clone()
                        };
                        participles.push(participle);
                    }
                    _ => finite.push(format!("{prefix}{form}")),
                }
            }
        }
        let stem = if base.ends_with("eln") || base.ends_with("ern") {
            &base[..base.len() - 1]
        } else {
            base.strip_suffix("en").unwrap_or(base)
        };
        // `e` joins a stem in t/d, and one in m/n after another consonant than l, r, h,
        // m, n (`rechnete`, `öffnete`, `atmete`; but `plante`, `lernte`, `wohnte`;
        // `zeichnete`: the h of `ch` counts as a consonant).
        let mut tail = stem.chars().rev();
        let last = tail.next();
        let before = tail.next();
        let needs_e = matches!(last, Some('t' | 'd'))
            || (matches!(last, Some('m' | 'n'))
                && before.is_some_and(|c| !"aeiouäöüylrhmn".contains(c))
                || stem.ends_with("chn"));
        let e = if needs_e { "e" } else { "" };
        for suffix in ["e", "st", "t", "en"] {
            let joiner = if suffix == "st" || suffix == "t" {
                e
            } else {
                ""
            };
            finite.push(format!("{stem}{joiner}{suffix}"));
        }
        if irregular.is_none() {
            for suffix in ["te", "test", "ten", "tet"] {
                finite.push(format!("{stem}{e}{suffix}"));
            }
            let inseparable = GERMAN_INSEPARABLE
                .iter()
                .any(|prefix| base.starts_with(prefix) && base.len() > prefix.len() + 3)
                || base.ends_with("ieren");
            participles.push(if inseparable {
                format!("{stem}{e}t")
            } else {
                format!("ge{stem}{e}t")
            });
        }
        for form in finite {
            self.add(form.clone(), &finite_lemma, FormKind::Finite);
            if !particle.is_empty() {
                self.add(format!("{particle}{form}"), lemma, FormKind::Finite);
            }
        }
        for participle in participles {
            self.add(
                format!("{particle}{participle}"),
                lemma,
                FormKind::Participle,
            );
        }
        if !particle.is_empty() {
            self.add(format!("{particle}zu{base}"), lemma, FormKind::ZuInfinitive);
            self.add(base.to_string(), base, FormKind::Infinitive);
        }
    }

    /// Adds the forms of an English verb (regular rules plus the irregular table).
    pub fn add_english(
        &mut self,
        lemma: &str,
        irregular: &HashMap<String, Vec<(String, FormKind)>>,
    ) {
        if lemma.contains(' ') || lemma.is_empty() {
            return;
        }
        self.add(lemma.to_string(), lemma, FormKind::Infinitive);
        let consonant_y = lemma.ends_with('y')
            && !lemma.ends_with(['a', 'e', 'o', 'u'])
            && !lemma.ends_with("ay")
            && !lemma.ends_with("ey")
            && !lemma.ends_with("oy");
        let third = if consonant_y {
            format!("{}ies", &lemma[..lemma.len() - 1])
        } else if lemma.ends_with(['s', 'x', 'z']) || lemma.ends_with("ch") || lemma.ends_with("sh")
        {
            format!("{lemma}es")
        } else {
            format!("{lemma}s")
        };
        self.add(third, lemma, FormKind::Finite);
        let gerund = if lemma.ends_with('e') && !lemma.ends_with("ee") && lemma.len() > 2 {
            format!("{}ing", &lemma[..lemma.len() - 1])
        } else {
            format!("{lemma}ing")
        };
        self.add(gerund, lemma, FormKind::Gerund);
        match irregular.get(lemma) {
            Some(forms) => {
                for (form, kind) in forms {
                    self.add(form.clone(), lemma, *kind);
                }
            }
            None => {
                let past = if lemma.ends_with('e') {
                    format!("{lemma}d")
                } else if consonant_y {
                    format!("{}ied", &lemma[..lemma.len() - 1])
                } else {
                    format!("{lemma}ed")
                };
                self.add(past.clone(), lemma, FormKind::Finite);
                self.add(past, lemma, FormKind::Participle);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_entries_and_names_lines() {
        let text = "# comment\n112 vorwerfen $subj +dat  # jemandem etwas vorwerfen\n\n062 N:Kooperation <>zwischen\n040 treffen sich +mit\n";
        let entries = parse_verbs("de/verbs.txt", text, Lang::De).expect("valid");
        assert_eq!(entries.len(), 3);
        assert_eq!(entries[0].rule, "de/verbs.txt:2");
        assert_eq!(entries[0].target, Some(Role::Dat));
        assert_eq!(entries[1].kind, TriggerKind::Noun);
        assert_eq!(entries[1].symmetric, Some(Role::Prep("zwischen".into())));
        assert_eq!(
            entries[2].required[0].alternatives,
            vec!["sich".to_string()]
        );
        assert_eq!(entries[2].source, Role::Subj);
        let error = parse_verbs("x.txt", "112 ok\n99 bad\n", Lang::De).expect_err("bad code");
        assert!(error.to_string().starts_with("x.txt:2:"), "{error}");
        let error = parse_verbs("x.txt", "112 a $subj $obj\n", Lang::De).expect_err("two sources");
        assert!(error.to_string().contains("x.txt:1"), "{error}");
    }

    #[test]
    fn german_forms() {
        let strong = parse_forms(
            "f",
            "werfen: wirft wirfst warf warfen =geworfen\nstoßen: stößt stieß stießen =gestoßen\n",
        )
        .expect("forms");
        let strong: HashMap<_, _> = strong.into_iter().collect();
        let mut forms = Forms::default();
        forms.add_german("vorwerfen", &strong);
        forms.add_german("verstoßen", &strong);
        forms.add_german("kritisieren", &strong);
        forms.add_german("bedrohen", &strong);
        forms.add_german("verurteilen", &strong);
        let has = |form: &str, lemma: &str, kind: FormKind| {
            forms
                .lookup(form)
                .iter()
                .any(|(l, k)| l == lemma && *k == kind)
        };
        assert!(has("wirft", "werfen", FormKind::Finite));
        assert!(has("vorgeworfen", "vorwerfen", FormKind::Participle));
        assert!(has("vorzuwerfen", "vorwerfen", FormKind::ZuInfinitive));
        assert!(has("verstoße", "verstoßen", FormKind::Finite));
        assert!(has("verstoßen", "verstoßen", FormKind::Participle));
        assert!(has("kritisiert", "kritisieren", FormKind::Participle));
        assert!(has("kritisierte", "kritisieren", FormKind::Finite));
        assert!(has("bedroht", "bedrohen", FormKind::Participle));
        assert!(has("verurteilten", "verurteilen", FormKind::Finite));
        assert!(!has("geverurteilt", "verurteilen", FormKind::Participle));
    }

    #[test]
    fn english_forms() {
        let irregular: HashMap<_, _> = parse_forms("f", "meet: met =met\n")
            .expect("forms")
            .into_iter()
            .collect();
        let mut forms = Forms::default();
        forms.add_english("accuse", &irregular);
        forms.add_english("meet", &irregular);
        forms.add_english("deny", &irregular);
        assert!(
            forms
                .lookup("accused")
                .iter()
                .any(|(l, k)| l == "accuse" && *k == FormKind::Participle)
        );
        assert!(
            forms
                .lookup("met")
                .iter()
                .any(|(l, k)| l == "meet" && *k == FormKind::Participle)
        );
        assert!(forms.lookup("denies").iter().any(|(l, _)| l == "deny"));
        assert!(forms.lookup("meeted").is_empty());
    }
}
