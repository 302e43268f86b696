//! Language identification: German, English or other, with a confidence.
//!
//! Two signals: counts of German and English function words (reliable on short texts,
//! where trigram models guess), and whatlang's trigram model (which also recognises the
//! many languages that are neither). Only the first [`SAMPLE_BYTES`] of a text are looked
//! at, so the cost per document is bounded.

use lagebild_doc::{Lang, LangGuess};

/// How much of a text language identification reads.
pub const SAMPLE_BYTES: usize = 2048;

/// How much of the sample the trigram model reads.
const MODEL_SAMPLE_BYTES: usize = 1024;

/// From this many words on, dense function words of one language decide alone.
const CLEAR_TEXT_WORDS: usize = 20;

/// Texts with fewer words than this are decided by function words alone.
const SHORT_TEXT_WORDS: usize = 12;

/// German function words that are not also common English words (sorted by bytes).
const GERMAN: &[&str] = &[
    "aber", "alles", "am", "auch", "auf", "aus", "bei", "beim", "bin", "bis", "bist", "dabei",
    "damit", "dann", "das", "dass", "daß", "dem", "den", "der", "des", "die", "dies", "diese",
    "diesem", "diesen", "dieser", "dieses", "doch", "dort", "durch", "ein", "eine", "einem",
    "einen", "einer", "eines", "einmal", "er", "es", "euch", "für", "gegen", "gestern", "gibt",
    "habe", "haben", "hat", "hatte", "hatten", "heute", "hier", "hätte", "ich", "ihr", "ihre",
    "im", "immer", "ins", "ist", "jetzt", "kann", "kein", "keine", "können", "mehr", "mein", "mit",
    "muss", "nach", "nein", "nicht", "noch", "nur", "ob", "oder", "ohne", "schon", "sehr", "sei",
    "sein", "seine", "seit", "sich", "sie", "sind", "soll", "sondern", "sowie", "um", "und", "uns",
    "unter", "vom", "von", "vor", "waren", "weil", "wenn", "werden", "wie", "wieder", "wir",
    "wird", "worden", "wurde", "wurden", "wäre", "würde", "zu", "zum", "zur", "zwischen", "über",
];

/// English function words that are not also common German words (sorted by bytes).
const ENGLISH: &[&str] = &[
    "a", "about", "after", "all", "and", "are", "as", "at", "be", "because", "been", "being",
    "but", "by", "can", "could", "dear", "did", "do", "does", "for", "from", "had", "has", "have",
    "he", "her", "hi", "his", "how", "i", "if", "into", "is", "it", "its", "just", "me", "my",
    "not", "of", "on", "only", "or", "our", "please", "regards", "said", "says", "she", "should",
    "than", "thank", "thanks", "that", "the", "their", "them", "there", "these", "they", "this",
    "those", "to", "was", "we", "were", "what", "when", "which", "while", "who", "will", "with",
    "would", "you", "your",
];

/// A word of at most 8 UTF-8 bytes packed into an integer (zero padded), so lookups are
/// integer comparisons; longer words are no function words.
fn pack(word: &str) -> Option<u64> {
    if word.len() > 8 {
        return None;
    }
    let mut bytes = [0u8; 8];
    let mut length = 0;
    for c in word.chars() {
        let lower = match c {
            'A'..='Z' => c.to_ascii_lowercase(),
            'Ä' => 'ä',
            'Ö' => 'ö',
            'Ü' => 'ü',
            other => other,
        };
        let width = lower.len_utf8();
        if length + width > 8 {
            return None;
        }
        lower.encode_utf8(&mut bytes[length..]);
        length += width;
    }
    Some(u64::from_be_bytes(bytes))
}

/// The packed word lists, sorted for binary search.
struct FunctionWords {
    german: Vec<u64>,
    english: Vec<u64>,
}

static FUNCTION_WORDS: std::sync::LazyLock<FunctionWords> = std::sync::LazyLock::new(|| {
    let packed = |words: &[&str]| {
        let mut keys: Vec<u64> = words.iter().filter_map(|word| pack(word)).collect();
        keys.sort_unstable();
        keys
    };
    FunctionWords {
        german: packed(GERMAN),
        english: packed(ENGLISH),
    }
});

/// Counts of words and function-word hits in a sample.
#[derive(Debug, Default)]
struct WordCounts {
    words: usize,
    german: usize,
    english: usize,
    umlauts: usize,
}

fn count_words(sample: &str) -> WordCounts {
    let lists = &*FUNCTION_WORDS;
    let mut counts = WordCounts::default();
    for word in sample
        .split(|c: char| !c.is_alphabetic())
        .filter(|word| !word.is_empty())
    {
        counts.words += 1;
        if !word.is_ascii() {
            counts.umlauts += word
                .chars()
                .filter(|c| matches!(c, 'ä' | 'ö' | 'ü' | 'ß' | 'Ä' | 'Ö' | 'Ü'))
                .count();
        }
        let Some(key) = pack(word) else { continue };
        if lists.german.binary_search(&key).is_ok() {
            counts.german += 1;
        }
        if lists.english.binary_search(&key).is_ok() {
            counts.english += 1;
        }
    }
    counts
}

/// The first `SAMPLE_BYTES` of `text`, cut at a char boundary.
fn sample(text: &str) -> &str {
    prefix(text, SAMPLE_BYTES)
}

fn prefix(text: &str, bytes: usize) -> &str {
    if text.len() <= bytes {
        return text;
    }
    let mut end = bytes;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Identifies German, English or another language.
///
/// Confidence is in `0.0..=1.0`. Empty or letterless text gives `Other` with confidence 0.
/// Very short texts (under a dozen words) are decided by function words, then umlauts, and
/// get at most 0.9; whatlang decides longer ones, checked against the function words.
/// Identification never gives 1.0 (at most [`MAX_DETECTED_CONFIDENCE`]): that value marks
/// a language stated by the input.
pub fn detect_language(text: &str) -> LangGuess {
    let mut guess = guess_language(text);
    // 1.0 is reserved for languages the input states.
    guess.confidence = guess.confidence.clamp(0.0, MAX_DETECTED_CONFIDENCE);
    guess
}

/// The highest confidence identification gives; 1.0 means "stated by the input".
pub const MAX_DETECTED_CONFIDENCE: f32 = 0.99;

fn guess_language(text: &str) -> LangGuess {
    let sample = sample(text);
    let counts = count_words(sample);
    if counts.words == 0 {
        return LangGuess {
            lang: Lang::Other,
            confidence: 0.0,
        };
    }
    let hits = counts.german + counts.english;
    if counts.words < SHORT_TEXT_WORDS {
        return short_text_guess(sample, &counts);
    }
    let function_ratio = hits as f32 / counts.words as f32;
    let majority = if counts.german >= counts.english {
        Lang::De
    } else {
        Lang::En
    };
    let majority_share = counts.german.max(counts.english) as f32 / hits.max(1) as f32;
    if counts.words >= CLEAR_TEXT_WORDS && function_ratio >= 0.25 && majority_share >= 0.85 {
        // Running German or English text: a quarter of the words are function words of
        // one language. No other language matches these lists that densely, and the
        // trigram model is the expensive part, so it is skipped.
        return LangGuess {
            lang: majority,
            confidence: 0.95,
        };
    }
    let model_sample = prefix(sample, MODEL_SAMPLE_BYTES);
    let Some(info) = whatlang::detect(model_sample) else {
        return short_text_guess(sample, &counts);
    };
    let model = match info.lang() {
        whatlang::Lang::Deu => Lang::De,
        whatlang::Lang::Eng => Lang::En,
        _ => Lang::Other,
    };
    let model_confidence = info.confidence() as f32;
    match model {
        Lang::Other
            if majority_share >= 0.75
                && (function_ratio >= 0.2
                    || (hits >= 2 && function_ratio >= 0.12 && !info.is_reliable())) =>
        {
            // Function words of German or English everywhere: the model was misled, e.g. by
            // many names or a list of figures.
            LangGuess {
                lang: majority,
                confidence: 0.6,
            }
        }
        Lang::Other => LangGuess {
            lang: Lang::Other,
            confidence: model_confidence.clamp(0.0, 1.0),
        },
        lang if lang == majority && function_ratio >= 0.1 => LangGuess {
            lang,
            confidence: model_confidence.clamp(0.9, 1.0),
        },
        lang if function_ratio >= 0.2 && majority_share >= 0.8 => {
            // Model and function words disagree; the function words are the stronger cue
            // in running text.
            let _ = lang;
            LangGuess {
                lang: majority,
                confidence: 0.6,
            }
        }
        lang => LangGuess {
            lang,
            confidence: (model_confidence * 0.8).clamp(0.0, 1.0),
        },
    }
}

fn short_text_guess(sample: &str, counts: &WordCounts) -> LangGuess {
    let hits = counts.german + counts.english;
    if counts.german != counts.english {
        let lang = if counts.german > counts.english {
            Lang::De
        } else {
            Lang::En
        };
        let margin = counts.german.abs_diff(counts.english) as f32 / hits as f32;
        return LangGuess {
            lang,
            confidence: (0.5 + 0.4 * margin).min(0.9),
        };
    }
    if counts.umlauts > 0 {
        return LangGuess {
            lang: Lang::De,
            confidence: 0.5,
        };
    }
    // No cue at all: let the model choose between the two, with low confidence.
    let detector =
        whatlang::Detector::with_allowlist(vec![whatlang::Lang::Deu, whatlang::Lang::Eng]);
    match detector.detect(sample) {
        Some(info) if info.lang() == whatlang::Lang::Deu => LangGuess {
            lang: Lang::De,
            confidence: 0.3,
        },
        Some(_) => LangGuess {
            lang: Lang::En,
            confidence: 0.3,
        },
        None => LangGuess {
            lang: Lang::Other,
            confidence: 0.0,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expected: Lang) {
        let guess = detect_language(text);
        assert_eq!(guess.lang, expected, "{text:?} gave {guess:?}");
        assert!((0.0..=1.0).contains(&guess.confidence));
    }

    #[test]
    fn languages_by_length() {
        let table = [
            (
                "Der Kanzler sagte am Montag in Berlin, die Lage sei ernst.",
                Lang::De,
            ),
            (
                "The minister said on Monday that talks with the rebels would resume.",
                Lang::En,
            ),
            ("Kanzler warnt vor Krieg", Lang::De),
            ("Minister warns of war", Lang::En),
            ("Grüße aus Köln", Lang::De),
            (
                "Le gouvernement a annoncé mardi une nouvelle série de mesures pour soutenir les \
                 entreprises touchées par la crise énergétique dans le pays.",
                Lang::Other,
            ),
            (
                "Il governo ha annunciato martedì una nuova serie di misure per sostenere le \
                 imprese colpite dalla crisi energetica nel paese.",
                Lang::Other,
            ),
            ("", Lang::Other),
            ("12345 678 --- !!!", Lang::Other),
        ];
        for (text, expected) in table {
            check(text, expected);
        }
    }

    #[test]
    fn every_function_word_is_found() {
        for word in GERMAN {
            assert_eq!(count_words(word).german, 1, "{word}");
            assert_eq!(count_words(&word.to_uppercase()).german, 1, "{word}");
        }
        for word in ENGLISH {
            assert_eq!(count_words(word).english, 1, "{word}");
        }
        assert_eq!(count_words("Zwischenzeitlich Haus").german, 0);
    }

    #[test]
    fn long_text_uses_only_a_sample() {
        let text = "Die Regierung hat am Dienstag neue Maßnahmen beschlossen. ".repeat(10_000);
        let guess = detect_language(&text);
        assert_eq!(guess.lang, Lang::De);
        assert!(guess.confidence >= 0.9);
    }
}
