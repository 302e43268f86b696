//! Lemmas from (form, UPOS) lookups, a form lexicon and learned suffix rules.
//!
//! Order of evidence: the training dictionary by (form, UPOS), then by lowercase form;
//! then the lexicon (form -> lemma, checked against the UPOS); then the suffix rule of
//! the longest known word ending for this UPOS (an edit script learned from training
//! data); finally the form itself, lowercased unless it is a noun or name.

use std::collections::HashMap;

use lagebild_doc::Lang;

use crate::ModelError;
use crate::codec::{Reader, Writer};
use crate::lexicon::{Lexicon, apply_edit, edit_script};
use crate::perceptron::{FeatureHasher, IdentityMap};

const MAX_SUFFIX: usize = 6;

#[derive(Debug, Default)]
pub struct Lemmatizer {
    /// hash(form, upos) -> index into `lemmas`.
    dictionary: IdentityMap<u32>,
    lemmas: Vec<String>,
    /// hash(upos, ending) -> (strip, suffix index into `lemmas`).
    rules: IdentityMap<(u8, u32)>,
}

fn dictionary_key(form: &str, upos: &str) -> u64 {
    FeatureHasher::new(200).str(upos).str(form).finish()
}

fn rule_key(upos: &str, ending: &str) -> u64 {
    FeatureHasher::new(201).str(upos).str(ending).finish()
}

fn endings(word: &str) -> impl Iterator<Item = &str> {
    // Longest first: the last MAX_SUFFIX chars down to the empty ending.
    let boundaries: Vec<usize> = word
        .char_indices()
        .map(|(index, _)| index)
        .chain([word.len()])
        .collect();
    let count = boundaries.len() - 1;
    (0..=count.min(MAX_SUFFIX))
        .rev()
        .map(move |chars| &word[boundaries[count - chars]..])
}

fn keeps_case(upos: &str, lang: Lang, form: &str) -> bool {
    match lang {
        Lang::De => matches!(upos, "NOUN" | "PROPN" | "X"),
        _ => upos == "PROPN" || form == "I",
    }
}

/// The form the lemma is derived from: lowercased unless the word keeps its case.
pub fn base_form(form: &str, upos: &str, lang: Lang) -> String {
    if keeps_case(upos, lang, form) {
        form.to_string()
    } else {
        form.to_lowercase()
    }
}

fn plausible(lemma: &str, upos: &str, lang: Lang) -> bool {
    if lang != Lang::De {
        return true;
    }
    let capital = lemma.chars().next().is_some_and(char::is_uppercase);
    match upos {
        "NOUN" => capital,
        "VERB" | "AUX" => !capital && lemma.ends_with('n'),
        "ADJ" | "ADV" | "ADP" | "DET" | "PRON" | "CCONJ" | "SCONJ" | "PART" => !capital,
        _ => true,
    }
}

/// German genitive names ("Nordkoreas" -> "Nordkorea" when the lexicon knows the place)
/// and compounds whose head the lexicon knows ("Nuklearprogrammen" -> "Nuklearprogramm").
fn german_name_or_compound(form: &str, upos: &str, lexicon: &Lexicon) -> Option<String> {
    match upos {
        "PROPN" => {
            let stem = form.strip_suffix('s')?;
            lexicon
                .get(stem)
                .filter(|entry| entry.place)
                .map(|_| stem.to_string())
        }
        "NOUN" => {
            if lexicon.get(form).is_some() {
                return None;
            }
            // "US-Präsidenten": lemmatise the part after the last hyphen, keep the rest.
            if let Some((prefix, last)) = form.rsplit_once('-')
                && !prefix.is_empty()
                && last.chars().next().is_some_and(char::is_uppercase)
            {
                let lemma = lexicon
                    .lemma_of(last)
                    .filter(|lemma| lemma.chars().next().is_some_and(char::is_uppercase))
                    .map(str::to_string)
                    .or_else(|| german_name_or_compound(last, upos, lexicon))?;
                return Some(format!("{prefix}-{lemma}"));
            }
            let chars: Vec<(usize, char)> = form.char_indices().collect();
            // Heads of at least five letters that the lexicon knows as nouns.
            for split in 3..chars.len().saturating_sub(4) {
                let (offset, first) = chars[split];
                if !first.is_alphabetic() || !chars[split - 1].1.is_alphabetic() {
                    continue;
                }
                let mut head = String::with_capacity(form.len() - offset + 2);
                head.extend(first.to_uppercase());
                head.push_str(&form[offset + first.len_utf8()..]);
                let entry = lexicon.get(&head).filter(|entry| entry.noun);
                if let Some(lemma) = entry.and_then(|entry| lexicon.lemma(entry))
                    && lemma.chars().next().is_some_and(char::is_uppercase)
                {
                    let mut out = form[..offset].to_string();
                    let mut lemma_chars = lemma.chars();
                    if let Some(initial) = lemma_chars.next() {
                        out.extend(initial.to_lowercase());
                        out.push_str(lemma_chars.as_str());
                    }
                    return Some(out);
                }
            }
            None
        }
        _ => None,
    }
}

impl Lemmatizer {
    pub fn train<'a>(
        tokens: impl Iterator<Item = (&'a str, &'a str, &'a str)>,
        lang: Lang,
    ) -> Lemmatizer {
        let mut pairs: HashMap<(String, String), HashMap<String, u32>> = HashMap::new();
        let mut rule_counts: HashMap<(String, String), HashMap<(u8, String), u32>> = HashMap::new();
        for (form, upos, lemma) in tokens {
            if lemma.is_empty() || lemma == "_" {
                continue;
            }
            *pairs
                .entry((form.to_string(), upos.to_string()))
                .or_default()
                .entry(lemma.to_string())
                .or_insert(0) += 1;
            let base = base_form(form, upos, lang);
            let (strip, suffix) = edit_script(&base, lemma);
            if strip > usize::from(u8::MAX) {
                continue;
            }
            for ending in endings(&base) {
                *rule_counts
                    .entry((upos.to_string(), ending.to_string()))
                    .or_default()
                    .entry((strip as u8, suffix.to_string()))
                    .or_insert(0) += 1;
            }
        }
        let mut lemmatizer = Lemmatizer::default();
        let mut strings: HashMap<String, u32> = HashMap::new();
        let mut intern = |lemmas: &mut Vec<String>, value: &str| -> u32 {
            *strings.entry(value.to_string()).or_insert_with(|| {
                lemmas.push(value.to_string());
                lemmas.len() as u32 - 1
            })
        };
        let mut sorted: Vec<_> = pairs.into_iter().collect();
        sorted.sort_by(|a, b| a.0.cmp(&b.0));
        for ((form, upos), lemmas) in sorted {
            let mut candidates: Vec<_> = lemmas.into_iter().collect();
            candidates.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            let index = intern(&mut lemmatizer.lemmas, &candidates[0].0);
            lemmatizer
                .dictionary
                .insert(dictionary_key(&form, &upos), index);
        }
        let mut sorted: Vec<_> = rule_counts.into_iter().collect();
        sorted.sort_by(|a, b| a.0.cmp(&b.0));
        for ((upos, ending), edits) in sorted {
            let total: u32 = edits.values().sum();
            if total < 2 && !ending.is_empty() {
                continue;
            }
            let mut candidates: Vec<_> = edits.into_iter().collect();
            candidates.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            let ((strip, suffix), _) = &candidates[0];
            let index = intern(&mut lemmatizer.lemmas, suffix);
            lemmatizer
                .rules
                .insert(rule_key(&upos, &ending), (*strip, index));
        }
        lemmatizer
    }

    /// The lemma of `form` tagged `upos`.
    pub fn lemma(&self, form: &str, upos: &str, lang: Lang, lexicon: &Lexicon) -> String {
        if let Some(&index) = self.dictionary.get(&dictionary_key(form, upos))
            && let Some(lemma) = self.lemmas.get(index as usize)
        {
            return lemma.clone();
        }
        let lower = form.to_lowercase();
        if lower != form
            && let Some(lemma) = self
                .dictionary
                .get(&dictionary_key(&lower, upos))
                .and_then(|&index| self.lemmas.get(index as usize))
        {
            return lemma.clone();
        }
        let base = base_form(form, upos, lang);
        if !matches!(upos, "PROPN" | "NUM" | "PUNCT" | "SYM" | "X") {
            for candidate in [form, lower.as_str()] {
                if let Some(lemma) = lexicon.lemma_of(candidate)
                    && plausible(lemma, upos, lang)
                {
                    return if keeps_case(upos, lang, form) {
                        lemma.to_string()
                    } else {
                        lemma.to_lowercase()
                    };
                }
            }
        }
        if lang == Lang::De
            && let Some(lemma) = german_name_or_compound(form, upos, lexicon)
        {
            return lemma;
        }
        // Rules from the longest ending down; the first result the lexicon knows as a
        // lemma wins, else the longest ending's result.
        let mut first: Option<String> = None;
        for ending in endings(&base) {
            if let Some(&(strip, suffix)) = self.rules.get(&rule_key(upos, ending)) {
                let suffix = self.lemmas.get(suffix as usize).map_or("", String::as_str);
                if let Some(lemma) = apply_edit(&base, usize::from(strip), suffix) {
                    if lemma.is_empty() {
                        continue;
                    }
                    if lexicon.lemma_of(&lemma) == Some(lemma.as_str()) {
                        return lemma;
                    }
                    first.get_or_insert(lemma);
                }
            }
        }
        // German present-tense and subjunctive forms in -e are the infinitive minus n
        // ("verstoße" -> "verstoßen"); past forms in -te are left to the rules.
        if lang == Lang::De
            && matches!(upos, "VERB" | "AUX")
            && base.ends_with('e')
            && !base.ends_with("te")
        {
            return format!("{base}n");
        }
        first.unwrap_or(base)
    }

    pub fn write(&self, out: &mut Writer) {
        out.u32(self.lemmas.len() as u32);
        for lemma in &self.lemmas {
            out.str(lemma);
        }
        let mut entries: Vec<_> = self
            .dictionary
            .iter()
            .map(|(&key, &value)| (key, value))
            .collect();
        entries.sort_unstable();
        out.u32(entries.len() as u32);
        for (key, value) in entries {
            out.u64(key);
            out.u32(value);
        }
        let mut rules: Vec<_> = self
            .rules
            .iter()
            .map(|(&key, &value)| (key, value))
            .collect();
        rules.sort_unstable();
        out.u32(rules.len() as u32);
        for (key, (strip, suffix)) in rules {
            out.u64(key);
            out.u8(strip);
            out.u32(suffix);
        }
    }

    pub fn read(input: &mut Reader<'_>) -> Result<Lemmatizer, ModelError> {
        let mut lemmatizer = Lemmatizer::default();
        let count = input.u32()?;
        for _ in 0..count {
            lemmatizer.lemmas.push(input.str()?.to_string());
        }
        let count = input.u32()?;
        for _ in 0..count {
            let key = input.u64()?;
            lemmatizer.dictionary.insert(key, input.u32()?);
        }
        let count = input.u32()?;
        for _ in 0..count {
            let key = input.u64()?;
            let strip = input.u8()?;
            lemmatizer.rules.insert(key, (strip, input.u32()?));
        }
        Ok(lemmatizer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn endings_go_from_long_to_empty() {
        let all: Vec<&str> = endings("Größe").collect();
        assert_eq!(all, vec!["Größe", "röße", "öße", "ße", "e", ""]);
    }

    #[test]
    fn learns_suffix_rules() {
        let data = [
            ("verstoßen", "VERB", "verstoßen"),
            ("lache", "VERB", "lachen"),
            ("mache", "VERB", "machen"),
            ("Hunde", "NOUN", "Hund"),
            ("Pferde", "NOUN", "Pferd"),
        ];
        let lemmatizer = Lemmatizer::train(data.iter().copied(), Lang::De);
        let lexicon = Lexicon::default();
        assert_eq!(
            lemmatizer.lemma("verstoße", "VERB", Lang::De, &lexicon),
            "verstoßen"
        );
        assert_eq!(
            lemmatizer.lemma("Schafe", "NOUN", Lang::De, &lexicon),
            "Schaf"
        );
        assert_eq!(
            lemmatizer.lemma("Hunde", "NOUN", Lang::De, &lexicon),
            "Hund"
        );
    }
}
