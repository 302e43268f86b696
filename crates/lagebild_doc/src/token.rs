//! The token layer: sentences, tokens, part of speech, morphology, dependencies.
//!
//! These types are produced by `lagebild_text` (segmentation) and `lagebild_nlp`
//! (tagging, lemmas, morphology, parsing) and read by every later stage.

use serde::{Deserialize, Serialize};

use crate::Span;

/// Universal part-of-speech tags (UD v2).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Upos {
    Adj,
    Adp,
    Adv,
    Aux,
    Cconj,
    Det,
    Intj,
    Noun,
    Num,
    Part,
    Pron,
    Propn,
    Punct,
    Sconj,
    Sym,
    Verb,
    #[default]
    X,
}

impl Upos {
    pub const ALL: [Upos; 17] = [
        Upos::Adj,
        Upos::Adp,
        Upos::Adv,
        Upos::Aux,
        Upos::Cconj,
        Upos::Det,
        Upos::Intj,
        Upos::Noun,
        Upos::Num,
        Upos::Part,
        Upos::Pron,
        Upos::Propn,
        Upos::Punct,
        Upos::Sconj,
        Upos::Sym,
        Upos::Verb,
        Upos::X,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Upos::Adj => "ADJ",
            Upos::Adp => "ADP",
            Upos::Adv => "ADV",
            Upos::Aux => "AUX",
            Upos::Cconj => "CCONJ",
            Upos::Det => "DET",
            Upos::Intj => "INTJ",
            Upos::Noun => "NOUN",
            Upos::Num => "NUM",
            Upos::Part => "PART",
            Upos::Pron => "PRON",
            Upos::Propn => "PROPN",
            Upos::Punct => "PUNCT",
            Upos::Sconj => "SCONJ",
            Upos::Sym => "SYM",
            Upos::Verb => "VERB",
            Upos::X => "X",
        }
    }

    pub fn parse(tag: &str) -> Option<Upos> {
        Upos::ALL.into_iter().find(|upos| upos.as_str() == tag)
    }
}

macro_rules! feature {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
        pub enum $name { $($variant),+ }

        impl $name {
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            pub fn parse(value: &str) -> Option<$name> {
                match value { $($text => Some($name::$variant),)+ _ => None }
            }
        }
    };
}

feature!(
    /// UD `Mood`; `Sub` covers German Konjunktiv I and II.
    Mood { Ind = "Ind", Sub = "Sub", Imp = "Imp", Cnd = "Cnd" }
);
feature!(Tense { Pres = "Pres", Past = "Past", Fut = "Fut", Pqp = "Pqp" });
feature!(VerbForm { Fin = "Fin", Inf = "Inf", Part = "Part", Ger = "Ger" });
feature!(Person { First = "1", Second = "2", Third = "3" });
feature!(Number { Sing = "Sing", Plur = "Plur" });
feature!(Case { Nom = "Nom", Acc = "Acc", Dat = "Dat", Gen = "Gen" });
feature!(Gender { Masc = "Masc", Fem = "Fem", Neut = "Neut" });
feature!(Voice { Act = "Act", Pass = "Pass" });

/// The morphological features lagebild uses; all optional.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Feats {
    pub mood: Option<Mood>,
    pub tense: Option<Tense>,
    pub verb_form: Option<VerbForm>,
    pub person: Option<Person>,
    pub number: Option<Number>,
    pub case: Option<Case>,
    pub voice: Option<Voice>,
    /// Grammatical gender of German nouns, pronouns, determiners and adjectives.
    pub gender: Option<Gender>,
}

impl Feats {
    /// The UD FEATS column (`Case=Nom|Number=Sing`), `_` when empty, keys sorted.
    pub fn to_conllu(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        if let Some(case) = self.case {
            parts.push(format!("Case={}", case.as_str()));
        }
        if let Some(gender) = self.gender {
            parts.push(format!("Gender={}", gender.as_str()));
        }
        if let Some(mood) = self.mood {
            parts.push(format!("Mood={}", mood.as_str()));
        }
        if let Some(number) = self.number {
            parts.push(format!("Number={}", number.as_str()));
        }
        if let Some(person) = self.person {
            parts.push(format!("Person={}", person.as_str()));
        }
        if let Some(tense) = self.tense {
            parts.push(format!("Tense={}", tense.as_str()));
        }
        if let Some(verb_form) = self.verb_form {
            parts.push(format!("VerbForm={}", verb_form.as_str()));
        }
        if let Some(voice) = self.voice {
            parts.push(format!("Voice={}", voice.as_str()));
        }
        if parts.is_empty() {
            "_".to_string()
        } else {
            parts.join("|")
        }
    }

    /// Reads a UD FEATS column, ignoring features lagebild does not model.
    pub fn from_conllu(column: &str) -> Feats {
        let mut feats = Feats::default();
        for pair in column.split('|') {
            let Some((key, value)) = pair.split_once('=') else {
                continue;
            };
            match key {
                "Mood" => feats.mood = Mood::parse(value),
                "Tense" => feats.tense = Tense::parse(value),
                "VerbForm" => feats.verb_form = VerbForm::parse(value),
                "Person" => feats.person = Person::parse(value),
                "Number" => feats.number = Number::parse(value),
                "Case" => feats.case = Case::parse(value),
                "Voice" => feats.voice = Voice::parse(value),
                "Gender" => feats.gender = Gender::parse(value),
                _ => {}
            }
        }
        feats
    }
}

/// One token. `head` is the index of the head token within the same sentence
/// (0-based), or `None` for the root or when the sentence is unparsed.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Token {
    pub span: Span,
    pub lemma: String,
    pub upos: Upos,
    /// STTS for German, Penn Treebank for English; empty when unknown.
    pub xpos: String,
    pub feats: Feats,
    pub head: Option<u32>,
    /// UD relation with subtype (`nsubj:pass`, `compound:prt`); empty when unparsed.
    pub deprel: String,
}

/// A sentence: its span and the range of its tokens in [`TextAnalysis::tokens`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    pub span: Span,
    pub token_start: u32,
    pub token_end: u32,
}

impl Sentence {
    pub fn token_range(&self) -> std::ops::Range<usize> {
        self.token_start as usize..self.token_end as usize
    }
}

/// The token layer of one document (or one piece of text).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct TextAnalysis {
    pub sentences: Vec<Sentence>,
    pub tokens: Vec<Token>,
}

impl TextAnalysis {
    pub fn sentence_tokens(&self, sentence: usize) -> &[Token] {
        self.sentences
            .get(sentence)
            .and_then(|sentence| self.tokens.get(sentence.token_range()))
            .unwrap_or(&[])
    }

    /// The index of the sentence that contains byte offset `byte`.
    pub fn sentence_at(&self, byte: u32) -> Option<usize> {
        let index = self
            .sentences
            .partition_point(|sentence| sentence.span.end <= byte);
        (index < self.sentences.len() && self.sentences[index].span.start <= byte).then_some(index)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feats_round_trip() {
        let column = "Case=Nom|Mood=Sub|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin";
        assert_eq!(Feats::from_conllu(column).to_conllu(), column);
        assert_eq!(Feats::from_conllu("_").to_conllu(), "_");
        assert_eq!(
            Feats::from_conllu("Gender=Fem|Case=Dat|Definite=Def").to_conllu(),
            "Case=Dat|Gender=Fem"
        );
        assert_eq!(
            Feats::from_conllu("Gender=Masc,Neut").gender,
            None,
            "a gender set is not one gender"
        );
    }

    #[test]
    fn sentence_lookup() {
        let analysis = TextAnalysis {
            sentences: vec![
                Sentence {
                    span: Span::new(0, 10),
                    token_start: 0,
                    token_end: 0,
                },
                Sentence {
                    span: Span::new(11, 20),
                    token_start: 0,
                    token_end: 0,
                },
            ],
            tokens: Vec::new(),
        };
        assert_eq!(analysis.sentence_at(0), Some(0));
        assert_eq!(analysis.sentence_at(10), None);
        assert_eq!(analysis.sentence_at(15), Some(1));
        assert_eq!(analysis.sentence_at(25), None);
    }
}
