//! The per-language word lists that steer segmentation.
//!
//! A language is a [`LanguageRules`] value built by `de::rules()` or `en::rules()`; adding a
//! language means writing one more such module. All lists hold lowercase forms without
//! the final period, so a lookup folds case once; the modules keep them as
//! whitespace-separated word lists that are easy to edit.

use std::hash::{BuildHasherDefault, Hasher};

/// FNV-1a: the word lists are looked up once per period-ending word, with short keys,
/// where SipHash's setup cost dominates.
#[derive(Default)]
pub(crate) struct FnvHasher(u64);

impl Hasher for FnvHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut hash = if self.0 == 0 { 0xcbf2_9ce4_8422_2325 } else { self.0 };
        for &byte in bytes {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = hash;
    }
}

/// A set of words with the FNV hasher.
pub(crate) type HashSet<T> = std::collections::HashSet<T, BuildHasherDefault<FnvHasher>>;

/// Word lists for one language. Built once per [`crate::Segmenter`].
#[derive(Clone, Debug, Default)]
pub struct LanguageRules {
    /// Abbreviations that keep their period and do not end a sentence by themselves
    /// (`dr`, `z`, `bzw`, `mr`, `e.g`).
    pub(crate) abbreviations: HashSet<&'static str>,
    /// Abbreviations that keep their period but often end a sentence too (`etc`,
    /// `usw`, `inc`, `corp`): a sentence ends after them when a typical sentence
    /// opener follows.
    pub(crate) final_abbreviations: HashSet<&'static str>,
    /// Abbreviations that are only abbreviations before a number (`no. 5`, `art. 3`,
    /// `jan. 20`); elsewhere they are ordinary words (`no.`, `Art.`, `Jan.`).
    pub(crate) number_abbreviations: HashSet<&'static str>,
    /// Month names (lowercase): a number with a period before them is an ordinal.
    pub(crate) months: HashSet<&'static str>,
    /// Nouns before which `<number>.` is an ordinal (`1. Tag`, `3. Liga`).
    pub(crate) ordinal_heads: HashSet<&'static str>,
    /// Words after which `<number>.` is an ordinal (`am 20.`, `der 3.`).
    pub(crate) ordinal_cues: HashSet<&'static str>,
    /// Capitalised words that typically open a sentence (`the`, `der`): they let a
    /// sentence end after a final abbreviation or an ordinal-looking number.
    pub(crate) sentence_openers: HashSet<&'static str>,
    /// Whether `<number>.` can be an ordinal (German).
    pub(crate) period_ordinals: bool,
    /// Whether English clitics are split off (`do|n't`, `Russia|'s`) and numbers from
    /// units (`10|am`, `1.4|bn`).
    pub(crate) split_clitics: bool,
    /// Whether a listed final abbreviation (`usw.`) ends a sentence before any
    /// capitalised word (German, where a noun rarely follows `usw.`), or only before a
    /// typical sentence opener (English: `U.S. officials`).
    pub(crate) final_abbreviation_before_capital: bool,
    /// Whether a lowercase word after `!` or `?` starts a new sentence (English web
    /// text); in German it continues the sentence, as nouns are capitalised.
    pub(crate) lowercase_sentence_starts: bool,
    /// Whether `!!!` and `?!` are one token (English web text) or one per mark (German).
    pub(crate) group_repeated_marks: bool,
}

impl LanguageRules {
    /// Builds rules from whitespace-separated word lists (lowercase, without the period).
    pub(crate) fn new(
        abbreviations: &'static str,
        final_abbreviations: &'static str,
        number_abbreviations: &'static str,
        months: &'static str,
        ordinal_cues: &'static str,
        sentence_openers: &'static str,
    ) -> LanguageRules {
        let set = |words: &'static str| words.split_whitespace().collect::<HashSet<_>>();
        LanguageRules {
            abbreviations: set(abbreviations),
            final_abbreviations: set(final_abbreviations),
            number_abbreviations: set(number_abbreviations),
            months: set(months),
            ordinal_cues: set(ordinal_cues),
            ordinal_heads: HashSet::default(),
            sentence_openers: set(sentence_openers),
            period_ordinals: false,
            split_clitics: false,
            group_repeated_marks: true,
            final_abbreviation_before_capital: false,
            lowercase_sentence_starts: false,
        }
    }

    /// The rules for text of unknown language: the union of German and English
    /// abbreviations, no ordinals, no clitic splitting.
    pub(crate) fn merged(first: &LanguageRules, second: &LanguageRules) -> LanguageRules {
        let union = |a: &HashSet<&'static str>, b: &HashSet<&'static str>| a.union(b).copied().collect();
        LanguageRules {
            abbreviations: union(&first.abbreviations, &second.abbreviations),
            final_abbreviations: union(&first.final_abbreviations, &second.final_abbreviations),
            number_abbreviations: union(&first.number_abbreviations, &second.number_abbreviations),
            months: union(&first.months, &second.months),
            ordinal_cues: HashSet::default(),
            ordinal_heads: HashSet::default(),
            sentence_openers: union(&first.sentence_openers, &second.sentence_openers),
            period_ordinals: false,
            split_clitics: false,
            group_repeated_marks: true,
            final_abbreviation_before_capital: false,
            lowercase_sentence_starts: false,
        }
    }
}

/// Calls `check` with the lowercase form of `word`, without allocating for short
/// ASCII words (the common case).
pub(crate) fn with_lowercase<R>(word: &str, check: impl FnOnce(&str) -> R) -> R {
    let mut buffer = [0u8; 32];
    if word.is_ascii() && word.len() <= buffer.len() {
        let bytes = &mut buffer[..word.len()];
        bytes.copy_from_slice(word.as_bytes());
        bytes.make_ascii_lowercase();
        // ASCII stays valid UTF-8 after lowercasing.
        match std::str::from_utf8(bytes) {
            Ok(lower) => check(lower),
            Err(_) => check(&word.to_lowercase()),
        }
    } else {
        check(&word.to_lowercase())
    }
}
