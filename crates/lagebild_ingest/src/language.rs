//! Language identification: German, English or other, with a confidence.
//!
//! Two signals: counts of German and English function words (reliable on short texts,
//! where trigram models guess), and whatlang's trigram model (which also recognises the
//! many languages that are neither). Only the first [`SAMPLE_BYTES`] of a text are looked
//! at, so the cost per document is bounded.

use lagebild_doc::{Lang, LangGuess};

/// How much of a text language identification reads.
pub const SAMPLE_BYTES: usize = 4096;

/// Texts with fewer words than this are decided by function words alone.
const SHORT_TEXT_WORDS: usize = 12;

/// German function words that are not also common English words.
const GERMAN: &[&str] = &[
    "aber", "am", "auch", "auf", "aus", "bei", "beim", "bis", "das", "dass", "daß", "dem", "den",
    "der", "des", "die", "dies", "diese", "diesem", "diesen", "dieser", "dieses", "doch", "durch",
    "ein", "eine", "einem", "einen", "einer", "eines", "er", "es", "für", "gegen", "hat", "haben",
    "hatte", "hier", "ich", "ihr", "ihre", "im", "ins", "ist", "kein", "keine", "mit", "nach",
    "nicht", "noch", "nur", "ob", "oder", "ohne", "sei", "sein", "seine", "sich", "sie", "sind",
    "über", "um", "und", "uns", "unter", "vom", "von", "vor", "waren", "weil", "wenn", "werden",
    "wie", "wir", "wird", "wurde", "wurden", "zu", "zum", "zur", "zwischen",
];

/// English function words that are not also common German words.
const ENGLISH: &[&str] = &[
    "a", "about", "after", "and", "are", "as", "at", "be", "been", "but", "by", "could", "for",
    "from", "had", "has", "have", "he", "her", "his", "is", "it", "its", "not", "of", "on", "or",
    "said", "says", "she", "than", "that", "the", "their", "they", "this", "to", "was", "were",
    "which", "who", "will", "with", "would", "you",
];

fn is_german(word: &str) -> bool {
    GERMAN.contains(&word)
}

fn is_english(word: &str) -> bool {
    ENGLISH.contains(&word)
}

/// Counts of words and function-word hits in a sample.
#[derive(Debug, Default)]
struct WordCounts {
    words: usize,
    german: usize,
    english: usize,
    umlauts: usize,
}

fn count_words(sample: &str) -> WordCounts {
    let mut counts = WordCounts::default();
    let mut lower = String::new();
    for word in sample
        .split(|c: char| !c.is_alphabetic())
        .filter(|word| !word.is_empty())
    {
        counts.words += 1;
        lower.clear();
        lower.extend(word.chars().flat_map(char::to_lowercase));
        if is_german(&lower) {
            counts.german += 1;
        }
        if is_english(&lower) {
            counts.english += 1;
        }
        counts.umlauts += lower
            .chars()
            .filter(|c| matches!(c, 'ä' | 'ö' | 'ü' | 'ß'))
            .count();
    }
    counts
}

/// The first `SAMPLE_BYTES` of `text`, cut at a char boundary.
fn sample(text: &str) -> &str {
    if text.len() <= SAMPLE_BYTES {
        return text;
    }
    let mut end = SAMPLE_BYTES;
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
pub fn detect_language(text: &str) -> LangGuess {
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
    let Some(info) = whatlang::detect(sample) else {
        return short_text_guess(sample, &counts);
    };
    let model = match info.lang() {
        whatlang::Lang::Deu => Lang::De,
        whatlang::Lang::Eng => Lang::En,
        _ => Lang::Other,
    };
    let model_confidence = info.confidence() as f32;
    match model {
        Lang::Other if function_ratio >= 0.2 && majority_share >= 0.75 => {
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
    fn long_text_uses_only_a_sample() {
        let text = "Die Regierung hat am Dienstag neue Maßnahmen beschlossen. ".repeat(10_000);
        let guess = detect_language(&text);
        assert_eq!(guess.lang, Lang::De);
        assert!(guess.confidence >= 0.9);
    }
}
