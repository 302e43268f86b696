//! Per-token attributes the feature templates read, computed once per sentence.
//!
//! Words are hashed, not looked up in a vocabulary, so an unseen word costs nothing and the
//! model needs no lexicon. German fine tags are reduced to classes that both STTS (the
//! tagger's tag set, UD German GSD) and the tag set of UD German PUD can be mapped to.

use lagebild_doc::{Case, Lang, Mood, Token, Upos, VerbForm};

use crate::case::{ACC, DAT};

/// Attribute values of the two virtual nodes.
pub(crate) const ROOT_POS: u8 = 17;
pub(crate) const NULL_POS: u8 = 18;

/// Hashes a byte string (FNV-1a, then a final mix).
pub(crate) fn hash_bytes(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &byte in bytes {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    finish(hash)
}

pub(crate) fn finish(mut hash: u64) -> u64 {
    hash ^= hash >> 33;
    hash = hash.wrapping_mul(0xff51_afd7_ed55_8ccd);
    hash ^= hash >> 33;
    hash
}

fn hash_str(text: &str) -> u64 {
    hash_bytes(text.as_bytes())
}

/// The attributes of every node of a sentence: node 0 is the root, nodes `1..=n` are
/// the tokens, node `n + 1` stands for "no such position".
#[derive(Debug, Default)]
pub(crate) struct Attributes {
    pub word: Vec<u64>,
    pub lemma: Vec<u64>,
    pub suffix: Vec<u64>,
    pub fine: Vec<u64>,
    pub pos: Vec<u8>,
    pub case: Vec<u8>,
    /// Verb form, mood and number folded into one small value.
    pub morph: Vec<u8>,
    /// Person (0 unknown, 1 to 3).
    pub person: Vec<u8>,
    /// Whether the token is a comma or other clause-separating punctuation.
    pub separator: Vec<bool>,
    /// German case evidence of the form itself (`case::surface_cases`, 0: none).
    pub cases: Vec<u8>,
    /// Whether the token can head a noun phrase (noun, name, pronoun, number).
    pub nominal: Vec<bool>,
    /// German case evidence of nominals, own form plus preceding determiner/adjectives.
    pub window: Vec<u8>,
    /// Per token (not node): the tagger's case corrected by the surface evidence.
    pub resolved: Vec<Option<Case>>,
    /// German: the case-evidence templates are used.
    pub german: bool,
}

impl Attributes {
    pub fn fill(&mut self, lang: Lang, text: &str, tokens: &[Token]) {
        let nodes = tokens.len() + 2;
        for column in [
            &mut self.word,
            &mut self.lemma,
            &mut self.suffix,
            &mut self.fine,
        ] {
            column.clear();
            column.reserve(nodes);
        }
        self.pos.clear();
        self.case.clear();
        self.morph.clear();
        self.person.clear();
        self.separator.clear();
        self.cases.clear();
        self.nominal.clear();
        self.window.clear();
        self.window.resize(nodes, 0);
        self.resolved.clear();
        self.resolved
            .extend(tokens.iter().map(|token| token.feats.case));
        self.german = lang == Lang::De;
        self.push_virtual(ROOT_POS);
        let mut lower = String::new();
        for token in tokens {
            let form = token.span.slice(text);
            lower.clear();
            for character in form.chars() {
                lower.extend(character.to_lowercase());
            }
            self.word.push(hash_str(&lower));
            let lemma = if token.lemma.is_empty() {
                lower.as_str()
            } else {
                token.lemma.as_str()
            };
            self.lemma.push(hash_str(&lemma.to_lowercase()));
            let suffix_start = lower
                .char_indices()
                .rev()
                .nth(2)
                .map_or(0, |(index, _)| index);
            self.suffix
                .push(hash_str(&lower[suffix_start..]) ^ 0x5bd1_e995);
            let fine = match lang {
                Lang::De => german_fine_tag(token, &lower),
                _ => english_fine_tag(token),
            };
            self.fine.push(hash_str(fine) ^ 0x1b87_3593);
            self.pos.push(upos_index(token.upos));
            self.case.push(match token.feats.case {
                None => 0,
                Some(Case::Nom) => 1,
                Some(Case::Acc) => 2,
                Some(Case::Dat) => 3,
                Some(Case::Gen) => 4,
            });
            let verb_form = match (token.feats.verb_form, token.feats.mood) {
                (Some(VerbForm::Fin), _) | (None, Some(_)) => 1,
                (Some(VerbForm::Inf), _) => 2,
                (Some(VerbForm::Part), _) => 3,
                (Some(VerbForm::Ger), _) => 4,
                (None, None) => 0,
            };
            let mood = match token.feats.mood {
                Some(Mood::Sub) | Some(Mood::Cnd) => 1,
                Some(Mood::Imp) => 2,
                _ => 0,
            };
            let number = token.feats.number.map_or(0, |number| number as u8 + 1);
            self.morph.push(verb_form | (mood << 3) | (number << 5));
            self.person
                .push(token.feats.person.map_or(0, |person| person as u8 + 1));
            self.separator.push(
                token.upos == Upos::Punct
                    && matches!(form, "," | ";" | ":" | "-" | "–" | "(" | ")"),
            );
            self.cases.push(match lang {
                Lang::De => crate::case::surface_cases(&lower, token.upos),
                _ => 0,
            });
            self.nominal.push(matches!(
                token.upos,
                Upos::Noun | Upos::Propn | Upos::Pron | Upos::Num
            ));
        }
        if self.german {
            self.german_cases(text, tokens);
        }
        self.push_virtual(NULL_POS);
    }

    /// Case evidence of each nominal from its own form and the determiner and adjectives
    /// before it (`case`), and the tagger's case corrected by that evidence (for the
    /// post-corrections; the templates read the tagger's case and the evidence).
    fn german_cases(&mut self, text: &str, tokens: &[Token]) {
        for (index, token) in tokens.iter().enumerate() {
            let node = index + 1;
            if !self.nominal[node] {
                continue;
            }
            let mut evidence = self.cases[node];
            // A pronoun's case is its own ("einer sich wandelnden Welt").
            let start = if token.upos == Upos::Pron {
                index
            } else {
                index.saturating_sub(3)
            };
            for before in (start..index).rev() {
                match tokens[before].upos {
                    Upos::Det => {
                        // The first of two determiners carries the case ("die beiden").
                        let first = if before > start && tokens[before - 1].upos == Upos::Det {
                            before - 1
                        } else {
                            before
                        };
                        evidence = crate::case::narrow(evidence, self.cases[first + 1]);
                        break;
                    }
                    Upos::Adj => evidence = crate::case::narrow(evidence, self.cases[before + 1]),
                    Upos::Adv | Upos::Num => {}
                    _ => break,
                }
            }
            // "den Regeln", "seinen Feinden": a plural noun form after a determiner of
            // the accusative singular or dative plural is dative; "Kindern" is dative
            // whatever precedes it.
            if token.upos == Upos::Noun {
                let form = token.span.slice(text);
                let plural = crate::case::dative_plural(form, &token.lemma);
                if plural == Some(true) || (plural.is_some() && evidence == ACC | DAT) {
                    evidence = DAT;
                }
            }
            self.window[node] = evidence;
            let resolved = crate::case::resolve(
                token.feats.case,
                evidence,
                token.feats.number,
                token.upos != Upos::Pron,
            );
            self.resolved[index] = resolved;
        }
    }

    fn push_virtual(&mut self, pos: u8) {
        let marker = u64::from(pos).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        self.word.push(marker);
        self.lemma.push(marker ^ 1);
        self.suffix.push(marker ^ 2);
        self.fine.push(marker ^ 3);
        self.pos.push(pos);
        self.case.push(0);
        self.morph.push(0);
        self.person.push(0);
        self.separator.push(false);
        self.cases.push(0);
        self.nominal.push(false);
    }
}

pub(crate) fn upos_index(upos: Upos) -> u8 {
    Upos::ALL
        .iter()
        .position(|candidate| *candidate == upos)
        .unwrap_or(16) as u8
}

fn english_fine_tag(token: &Token) -> &str {
    if token.xpos.is_empty() {
        token.upos.as_str()
    } else {
        token.xpos.as_str()
    }
}

/// A reduced STTS class that both STTS and UD German PUD's tags map to.
fn german_fine_tag(token: &Token, lower: &str) -> &'static str {
    let xpos = token.xpos.as_str();
    match token.upos {
        Upos::Verb | Upos::Aux => {
            let finite = xpos.ends_with("FIN") || xpos == "VBC";
            let infinitive = xpos.ends_with("INF") || xpos == "VVIZU" || xpos == "VB";
            let participle = xpos.ends_with("PP") || xpos == "VBN";
            let form = if finite {
                1
            } else if infinitive {
                2
            } else if participle {
                3
            } else {
                match (token.feats.verb_form, token.feats.mood) {
                    (Some(VerbForm::Fin), _) | (None, Some(_)) => 1,
                    (Some(VerbForm::Inf), _) => 2,
                    (Some(VerbForm::Part), _) => 3,
                    _ => 0,
                }
            };
            match (token.upos == Upos::Aux, form) {
                (false, 1) => "VVFIN",
                (false, 2) => "VVINF",
                (false, 3) => "VVPP",
                (false, _) => "VV",
                (true, 1) => "VAFIN",
                (true, 2) => "VAINF",
                (true, 3) => "VAPP",
                (true, _) => "VA",
            }
        }
        Upos::Adp | Upos::Adv | Upos::Part if xpos == "PTKVZ" || xpos == "DC" => "PTKVZ",
        Upos::Adp if xpos == "APPRART" => "APPRART",
        Upos::Adp if xpos == "APPO" => "APPO",
        Upos::Adp => "APPR",
        Upos::Part if lower == "zu" => "PTKZU",
        Upos::Part if lower == "nicht" => "PTKNEG",
        Upos::Part => "PTK",
        Upos::Pron if xpos == "PRELS" || xpos == "REL" || xpos == "PRELAT" => "PRELS",
        Upos::Pron if xpos == "PRF" || lower == "sich" => "PRF",
        Upos::Pron if xpos.starts_with("PW") || xpos == "WP" => "PWS",
        Upos::Pron if xpos == "PPER" || xpos == "PRP" => "PPER",
        Upos::Pron => "PRON",
        Upos::Det if xpos == "PPOSAT" || xpos == "DTP$" => "PPOSAT",
        Upos::Det if xpos == "ART" => "ART",
        Upos::Det => "DET",
        Upos::Adj if token.feats.case.is_some() || xpos == "ADJA" => "ADJA",
        Upos::Adj => "ADJD",
        Upos::Adv if xpos == "PAV" => "PAV",
        Upos::Adv if xpos == "PWAV" || xpos == "WRB" => "PWAV",
        Upos::Adv => "ADV",
        Upos::Sconj => "KOUS",
        Upos::Cconj => "KON",
        Upos::Noun => "NN",
        Upos::Propn => "NE",
        Upos::Num => "CARD",
        Upos::Punct if lower == "," => "$,",
        Upos::Punct if matches!(lower, "." | "!" | "?" | ";" | ":") => "$.",
        Upos::Punct => "$(",
        Upos::Intj => "ITJ",
        Upos::Sym => "SYM",
        Upos::X => "XY",
    }
}
