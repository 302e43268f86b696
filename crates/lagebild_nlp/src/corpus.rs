//! Gold tokens from CoNLL-U, as lagebild sees them.
//!
//! lagebild tags surface tokens. For German a multiword token ("zum" = "zu" + "dem") is
//! one token carrying its first word's annotation, with XPOS `APPRART` for a
//! preposition plus article. English keeps UD's syntactic words ("do" + "n't"), as a
//! Penn-style tokenizer splits them. German PUD uses a non-STTS XPOS set; it is mapped
//! to STTS here ([`pud_to_stts`]) so that both German treebanks train one tagger.

use lagebild_doc::conllu::ConlluSentence;
use lagebild_doc::{Feats, Lang};

/// One token with its gold annotation; `head` is a 0-based token index, `None` = root.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct GoldToken {
    pub form: String,
    pub lemma: String,
    pub upos: String,
    pub xpos: String,
    pub feats: Feats,
    pub head: Option<u32>,
    pub deprel: String,
}

const STTS: &[&str] = &[
    "ADJA", "ADJD", "ADV", "APPR", "APPRART", "APPO", "APZR", "ART", "CARD", "FM", "ITJ", "KOUI",
    "KOUS", "KON", "KOKOM", "NN", "NE", "PDS", "PDAT", "PIS", "PIAT", "PIDAT", "PPER", "PPOSS",
    "PPOSAT", "PRELS", "PRELAT", "PRF", "PWS", "PWAT", "PWAV", "PAV", "PROAV", "PTKZU", "PTKNEG",
    "PTKVZ", "PTKANT", "PTKA", "TRUNC", "VVFIN", "VVIMP", "VVINF", "VVIZU", "VVPP", "VAFIN",
    "VAIMP", "VAINF", "VAPP", "VMFIN", "VMINF", "VMPP", "XY", "$,", "$.", "$(",
];

fn is_stts(tag: &str) -> bool {
    STTS.contains(&tag)
}

/// German weekday and month names (lowercase).
const CALENDAR_NOUNS: &[&str] = &[
    "montag",
    "dienstag",
    "mittwoch",
    "donnerstag",
    "freitag",
    "samstag",
    "sonnabend",
    "sonntag",
    "januar",
    "jänner",
    "februar",
    "märz",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "dezember",
];

/// Harmonises German gold where UD German GSD and PUD follow different conventions for
/// the same word class, to one convention (STTS and PUD's, which is UD's guideline):
///
/// * weekday and month names: GSD `PROPN`/`NE` -> `NOUN`/`NN` (PUD: always `NOUN`);
/// * currency names "Euro", "Dollar", "Cent": `PROPN`/`NE` -> `NOUN`/`NN`;
/// * comparative "als"/"wie" (XPOS `KOKOM`) tagged `ADP` in GSD -> `CCONJ` (PUD's tag);
/// * "um"/"ohne"/"statt" before a zu-infinitive (XPOS `KOUI`) tagged `ADP` -> `SCONJ`;
/// * "%" tagged `X` -> `SYM` (PUD's tag).
///
/// Returns the number of tokens changed. Applied to training data and, for the
/// harmonised figures, to the evaluation gold (the eval example reports both).
pub fn harmonise_german(tokens: &mut [GoldToken]) -> usize {
    let mut changed = 0;
    for token in tokens.iter_mut() {
        let lower = token.form.to_lowercase();
        let before = token.upos.clone();
        let capital = token.form.chars().next().is_some_and(char::is_uppercase);
        if token.upos == "PROPN"
            && capital
            && (CALENDAR_NOUNS.contains(&lower.as_str())
                || matches!(lower.as_str(), "euro" | "dollar" | "cent"))
        {
            token.upos = "NOUN".to_string();
            if token.xpos == "NE" {
                token.xpos = "NN".to_string();
            }
        } else if token.upos == "ADP" && token.xpos == "KOKOM" {
            token.upos = "CCONJ".to_string();
        } else if token.upos == "ADP" && token.xpos == "KOUI" {
            token.upos = "SCONJ".to_string();
        } else if token.upos == "X" && token.form == "%" {
            token.upos = "SYM".to_string();
        }
        if before != token.upos {
            changed += 1;
        }
    }
    changed
}

/// [`harmonise_german`] on every sentence, plus one corpus-level convention: adverbially
/// used adjectives are `ADJ`/`ADJD` (STTS and GSD) where PUD tags them `ADV`. A token
/// tagged `ADV` without case whose lemma the corpus tags more often as an uninflected
/// `ADJ` than as `ADV` ("spät", "stark", "vollständig") becomes `ADJ`/`ADJD`.
pub fn harmonise_german_corpus(sentences: &mut [Vec<GoldToken>]) -> usize {
    let mut changed: usize = sentences
        .iter_mut()
        .map(|sentence| harmonise_german(sentence))
        .sum();
    let mut votes: std::collections::HashMap<String, (u32, u32)> = std::collections::HashMap::new();
    for token in sentences.iter().flatten() {
        let uninflected = token.feats.case.is_none();
        match token.upos.as_str() {
            "ADJ" if uninflected => votes.entry(token.lemma.to_lowercase()).or_default().0 += 1,
            "ADV" => votes.entry(token.lemma.to_lowercase()).or_default().1 += 1,
            _ => {}
        }
    }
    for token in sentences.iter_mut().flatten() {
        if token.upos != "ADV" || token.xpos != "ADV" {
            continue;
        }
        let adjective = votes
            .get(&token.lemma.to_lowercase())
            .is_some_and(|&(adj, adv)| adj > adv);
        if adjective {
            token.upos = "ADJ".to_string();
            token.xpos = "ADJD".to_string();
            changed += 1;
        }
    }
    changed
}

/// English training data: where the treebanks disagree on a frequent lemma, the
/// convention of EWT and English PUD (news) wins over GUM's: "people" is its own lemma
/// (GUM: "person"; 72 tokens in EWT dev + PUD against 52 in GUM dev). Returns the number
/// of tokens changed.
pub fn harmonise_english_corpus(sentences: &mut [Vec<GoldToken>]) -> usize {
    let mut changed = 0;
    for token in sentences.iter_mut().flatten() {
        if token.upos == "NOUN"
            && token.form.eq_ignore_ascii_case("people")
            && token.lemma != "people"
        {
            token.lemma = "people".to_string();
            changed += 1;
        }
    }
    changed
}

/// Maps the XPOS of German PUD (a Penn-like set) to STTS using UPOS, lemma and features.
pub fn pud_to_stts(form: &str, lemma: &str, upos: &str, xpos: &str, feats: &str) -> String {
    if is_stts(xpos) {
        return xpos.to_string();
    }
    let has = |feature: &str| feats.split('|').any(|item| item == feature);
    let has_case = feats.contains("Case=");
    let verb_prefix = |upos: &str| match (upos, lemma) {
        ("AUX", "sein" | "haben" | "werden") => "VA",
        ("AUX", _) => "VM",
        _ => "VV",
    };
    let tag = match (upos, xpos) {
        ("PUNCT", _) => match form {
            "," => "$,",
            "." | "!" | "?" | ";" | ":" | "..." | "…" => "$.",
            _ => "$(",
        },
        ("NOUN", _) if form.ends_with('-') => "TRUNC",
        ("NOUN", _) => "NN",
        ("PROPN", _) => "NE",
        ("ADJ", _) => {
            if has_case {
                "ADJA"
            } else {
                "ADJD"
            }
        }
        ("ADP", "DC" | "RP") => "PTKVZ",
        ("ADP", _) => "APPR",
        ("ADV", "DC") => "PTKVZ",
        ("ADV", "WRB") => "PWAV",
        ("ADV", _) => {
            let pronominal = ["da", "wo", "hier"]
                .iter()
                .any(|start| lemma.starts_with(start))
                && lemma.len() > 4;
            if pronominal && lemma != "dann" && lemma != "damals" && lemma != "doch" {
                "PAV"
            } else {
                "ADV"
            }
        }
        ("DET", "DTP$") => "PPOSAT",
        ("DET", _) => match lemma {
            "der" | "ein" => "ART",
            "dieser" | "jener" | "derselbe" | "derjenige" | "solch" | "solcher" => "PDAT",
            "welcher" | "welch" => "PWAT",
            _ => "PIAT",
        },
        ("PRON", "DTP$") => "PPOSS",
        ("PRON", "REL") => "PRELS",
        ("PRON", "WP") => "PWS",
        ("PRON", _) => {
            if has("Reflex=Yes") || lemma == "sich" {
                "PRF"
            } else if has("PronType=Prs") {
                "PPER"
            } else if has("PronType=Dem") || lemma == "der" || lemma == "dieser" {
                "PDS"
            } else if has("PronType=Int") {
                "PWS"
            } else if has("PronType=Rel") {
                "PRELS"
            } else {
                "PIS"
            }
        }
        ("VERB" | "AUX", "VBN") => return format!("{}PP", verb_prefix(upos)),
        ("VERB" | "AUX", "VB") => {
            if upos == "VERB" && lemma.len() > 2 && form.contains("zu") && !lemma.contains("zu") {
                "VVIZU"
            } else {
                return format!("{}INF", verb_prefix(upos));
            }
        }
        ("VERB" | "AUX", _) => {
            if has("Mood=Imp") {
                return format!("{}IMP", verb_prefix(upos));
            }
            if has("VerbForm=Inf") {
                return format!("{}INF", verb_prefix(upos));
            }
            if has("VerbForm=Part") {
                return format!("{}PP", verb_prefix(upos));
            }
            return format!("{}FIN", verb_prefix(upos));
        }
        ("PART", _) => match lemma {
            "zu" => "PTKZU",
            "nicht" => "PTKNEG",
            "am" | "allzu" => "PTKA",
            "ja" | "nein" | "doch" | "bitte" | "danke" => "PTKANT",
            _ => "PTKVZ",
        },
        ("CCONJ", _) => "KON",
        ("SCONJ", _) => match lemma {
            "als" | "wie" => "KOKOM",
            "um" | "ohne" | "statt" | "anstatt" => "KOUI",
            _ => "KOUS",
        },
        ("NUM", _) => "CARD",
        ("INTJ", _) => "ITJ",
        ("X", "FW") => "FM",
        ("SYM" | "X", _) => "XY",
        _ => "XY",
    };
    tag.to_string()
}

/// The gold tokens of one sentence in lagebild's tokenization for `lang`.
pub fn gold_tokens(sentence: &ConlluSentence, lang: Lang) -> Vec<GoldToken> {
    let words = &sentence.words;
    let word_token = |word: &lagebild_doc::conllu::Word| GoldToken {
        form: word.form.clone(),
        lemma: word.lemma.clone(),
        upos: word.upos.clone(),
        xpos: if lang == Lang::De {
            pud_to_stts(&word.form, &word.lemma, &word.upos, &word.xpos, &word.feats)
        } else {
            word.xpos.clone()
        },
        feats: {
            let mut feats = Feats::from_conllu(&word.feats);
            // German PUD leaves VerbForm out on finite verbs; lagebild always sets it.
            if lang == Lang::De && feats.mood.is_some() && feats.verb_form.is_none() {
                feats.verb_form = Some(lagebild_doc::VerbForm::Fin);
            }
            feats
        },
        head: None,
        deprel: word.deprel.clone(),
    };
    if lang != Lang::De || sentence.multiword.is_empty() {
        return words
            .iter()
            .map(|word| GoldToken {
                head: word.head.checked_sub(1),
                ..word_token(word)
            })
            .collect();
    }
    // German: one token per multiword range; word ids map to token indices.
    let mut token_of_word = vec![0u32; words.len() + 2];
    let mut tokens: Vec<(GoldToken, u32)> = Vec::new();
    let mut index = 0;
    while index < words.len() {
        let word = &words[index];
        let range = sentence
            .multiword
            .iter()
            .find(|range| range.first == word.id);
        let mut token = word_token(word);
        let mut head_word = word.head;
        let last = match range {
            Some(range) => {
                token.form = range.form.clone();
                if token.upos == "ADP" {
                    token.xpos = "APPRART".to_string();
                }
                range.last
            }
            None => word.id,
        };
        while index < words.len() && words[index].id <= last {
            if let Some(slot) = token_of_word.get_mut(words[index].id as usize) {
                *slot = tokens.len() as u32;
            }
            // A head inside the range would point at the token itself; use the head
            // that leaves the range instead.
            if words[index].head != 0
                && (words[index].head < word.id || words[index].head > last)
                && head_word >= word.id
                && head_word <= last
            {
                head_word = words[index].head;
            }
            index += 1;
        }
        tokens.push((token, head_word));
    }
    tokens
        .into_iter()
        .enumerate()
        .map(|(position, (mut token, head_word))| {
            token.head = match head_word {
                0 => None,
                word => token_of_word
                    .get(word as usize)
                    .copied()
                    .filter(|&head| head as usize != position),
            };
            token
        })
        .collect()
}

/// The verbal features kept in the German main tagger's label.
pub fn verbal_feats(feats: &Feats) -> Feats {
    Feats {
        mood: feats.mood,
        tense: feats.tense,
        verb_form: feats.verb_form,
        person: feats.person,
        number: feats.number,
        case: None,
        voice: feats.voice,
        gender: None,
    }
}

/// The nominal features predicted by the German second tagger.
pub fn nominal_feats(feats: &Feats) -> Feats {
    Feats {
        case: feats.case,
        number: feats.number,
        ..Feats::default()
    }
}

/// Whether the German second tagger predicts Case/Number for this UPOS.
pub fn is_nominal(upos: &str) -> bool {
    matches!(upos, "NOUN" | "PROPN" | "PRON" | "DET" | "ADJ")
}

/// The label of the main tagger: `UPOS|XPOS|FEATS`. With `split_verbal` (German) the
/// verbal features are left to the second tagger.
pub fn main_label(token: &GoldToken, lang: Lang, split_verbal: bool) -> String {
    let feats = match lang {
        Lang::De if !split_verbal && is_verbal(&token.upos) => verbal_feats(&token.feats),
        Lang::De => Feats::default(),
        _ => Feats {
            gender: None,
            ..token.feats
        },
    };
    format!("{}|{}|{}", token.upos, token.xpos, feats.to_conllu())
}

pub fn is_verbal(upos: &str) -> bool {
    matches!(upos, "VERB" | "AUX")
}

/// The label of the German second tagger, for the words it covers.
pub fn second_label(token: &GoldToken, split_verbal: bool) -> Option<String> {
    if is_nominal(&token.upos) {
        Some(nominal_feats(&token.feats).to_conllu())
    } else if split_verbal && is_verbal(&token.upos) {
        Some(verbal_feats(&token.feats).to_conllu())
    } else {
        None
    }
}

/// The label of the German Gender tagger ("Masc", "Fem", "Neut", "_" for none), for
/// the words it covers (those of [`is_nominal`]).
pub fn gender_label(token: &GoldToken) -> Option<String> {
    is_nominal(&token.upos).then(|| {
        token
            .feats
            .gender
            .map_or("_", |gender| gender.as_str())
            .to_string()
    })
}

/// Splits a main label back into UPOS, XPOS and features.
pub fn split_label(label: &str) -> (&str, &str, Feats) {
    let mut parts = label.splitn(3, '|');
    let upos = parts.next().unwrap_or("X");
    let xpos = parts.next().unwrap_or("");
    let feats = Feats::from_conllu(parts.next().unwrap_or("_"));
    (upos, xpos, feats)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn token(form: &str, lemma: &str, upos: &str, xpos: &str) -> GoldToken {
        GoldToken {
            form: form.to_string(),
            lemma: lemma.to_string(),
            upos: upos.to_string(),
            xpos: xpos.to_string(),
            ..GoldToken::default()
        }
    }

    #[test]
    fn harmonisation_changes_only_the_listed_conventions() {
        let mut sentences = vec![
            vec![
                token("Am", "an", "ADP", "APPRART"),
                token("Dienstag", "Dienstag", "PROPN", "NE"),
                token("kam", "kommen", "VERB", "VVFIN"),
                token("Merz", "Merz", "PROPN", "NE"),
                token("später", "spät", "ADJ", "ADJD"),
                token("als", "als", "ADP", "KOKOM"),
                token("Mai", "Mai", "PROPN", "NE"),
                token("spät", "spät", "ADJ", "ADJD"),
            ],
            vec![
                token("Er", "er", "PRON", "PPER"),
                token("kam", "kommen", "VERB", "VVFIN"),
                token("später", "spät", "ADV", "ADV"),
                token("sehr", "sehr", "ADV", "ADV"),
            ],
        ];
        let changed = harmonise_german_corpus(&mut sentences);
        let upos: Vec<&str> = sentences
            .iter()
            .flatten()
            .map(|token| token.upos.as_str())
            .collect();
        assert_eq!(
            upos,
            [
                "ADP", "NOUN", "VERB", "PROPN", "ADJ", "CCONJ", "NOUN", "ADJ", "PRON", "VERB",
                "ADJ", "ADV"
            ]
        );
        assert_eq!(sentences[0][1].xpos, "NN");
        assert_eq!(sentences[1][2].xpos, "ADJD");
        // "sehr" has no adjective reading in the corpus and stays ADV.
        assert_eq!(sentences[1][3].upos, "ADV");
        assert_eq!(changed, 4);
    }
}
