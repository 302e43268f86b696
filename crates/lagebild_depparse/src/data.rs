//! Turning CoNLL-U sentences into the token layer the parser reads at run time.

use lagebild_doc::conllu::ConlluSentence;
use lagebild_doc::{Feats, Span, Token, Upos};

/// One sentence with gold tags and gold tree, as tokens over a text of its own.
#[derive(Clone, Debug, Default)]
pub struct GoldSentence {
    /// The forms joined by single spaces; the tokens' spans index it.
    pub text: String,
    /// Tokens with lemma, tags and features from the file, `head` and `deprel` empty.
    pub tokens: Vec<Token>,
    /// Gold head per token (0-based index, `None` for the root).
    pub heads: Vec<Option<u32>>,
    pub deprels: Vec<String>,
}

impl GoldSentence {
    /// Builds the sentence from CoNLL-U syntactic words. With `merge_contractions`,
    /// a two-word token whose first word is a preposition and second a determiner
    /// (German `zum` = `zu dem`) becomes one token, as the segmenter and tagger leave it:
    /// the preposition's annotation with XPOS `APPRART`, its head and relation.
    pub fn from_conllu(sentence: &ConlluSentence, merge_contractions: bool) -> GoldSentence {
        let words = &sentence.words;
        // For every word, the index of the token it becomes.
        let mut token_of: Vec<usize> = Vec::with_capacity(words.len());
        let mut forms: Vec<String> = Vec::new();
        let mut sources: Vec<(usize, Option<usize>)> = Vec::new();
        let mut index = 0;
        while index < words.len() {
            let id = words[index].id;
            let mergeable = merge_contractions
                && index + 1 < words.len()
                && words[index].upos == "ADP"
                && words[index + 1].upos == "DET";
            let merge = if mergeable {
                sentence
                    .multiword
                    .iter()
                    .find(|token| token.first == id && token.last == id + 1)
            } else {
                None
            };
            if let Some(multiword) = merge {
                token_of.push(sources.len());
                token_of.push(sources.len());
                forms.push(multiword.form.clone());
                sources.push((index, Some(index + 1)));
                index += 2;
            } else {
                token_of.push(sources.len());
                forms.push(words[index].form.clone());
                sources.push((index, None));
                index += 1;
            }
        }
        let mut text = String::new();
        let mut tokens = Vec::with_capacity(sources.len());
        let mut heads = Vec::with_capacity(sources.len());
        let mut deprels = Vec::with_capacity(sources.len());
        for (position, &(first, second)) in sources.iter().enumerate() {
            if !text.is_empty() {
                text.push(' ');
            }
            let start = text.len();
            text.push_str(&forms[position]);
            let word = &words[first];
            let mut token = Token {
                span: Span::from_range(start..text.len()),
                lemma: if word.lemma == "_" {
                    String::new()
                } else {
                    word.lemma.clone()
                },
                upos: Upos::parse(&word.upos).unwrap_or(Upos::X),
                xpos: if word.xpos == "_" {
                    String::new()
                } else {
                    word.xpos.clone()
                },
                feats: Feats::from_conllu(&word.feats),
                head: None,
                deprel: String::new(),
            };
            let mut head_word = word.head;
            if let Some(second) = second {
                token.xpos = "APPRART".to_string();
                if head_word == words[second].id {
                    head_word = words[second].head;
                }
            }
            let head = (head_word as usize)
                .checked_sub(1)
                .and_then(|word_index| token_of.get(word_index).copied())
                .filter(|&head| head != position)
                .map(|head| head as u32);
            heads.push(head);
            deprels.push(word.deprel.clone());
            tokens.push(token);
        }
        GoldSentence {
            text,
            tokens,
            heads,
            deprels,
        }
    }
}

/// Makes a tree projective by lifting the shortest non-projective arc to its head's
/// head until none is left (Nivre and Nilsson 2005, without encoding the lift in the
/// label). `heads[i]` is the 1-based head of node `i` (node 0 is the root, unused).
pub(crate) fn projectivize(heads: &mut [u32]) {
    let count = heads.len();
    for _ in 0..count * count {
        let mut shortest: Option<(usize, usize)> = None;
        for dependent in 1..count {
            let head = heads[dependent] as usize;
            if head >= count || is_projective_arc(heads, head, dependent) {
                continue;
            }
            let length = head.abs_diff(dependent);
            if shortest.is_none_or(|(_, best)| length < best) {
                shortest = Some((dependent, length));
            }
        }
        let Some((dependent, _)) = shortest else {
            return;
        };
        let head = heads[dependent] as usize;
        heads[dependent] = if head == 0 { 0 } else { heads[head] };
    }
}

fn is_projective_arc(heads: &[u32], head: usize, dependent: usize) -> bool {
    let (low, high) = if head < dependent {
        (head, dependent)
    } else {
        (dependent, head)
    };
    (low + 1..high).all(|node| dominates(heads, head, node))
}

fn dominates(heads: &[u32], ancestor: usize, mut node: usize) -> bool {
    for _ in 0..heads.len() {
        if node == ancestor {
            return true;
        }
        if node == 0 || node >= heads.len() {
            return false;
        }
        node = heads[node] as usize;
    }
    false
}

/// Reading a CoNLL-U file failed.
#[derive(Debug, thiserror::Error)]
pub enum DataError {
    #[error("{path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("{path}:{line}: {message}")]
    Format {
        path: String,
        line: usize,
        message: String,
    },
}

/// Reads a CoNLL-U file; errors name the file and line.
pub fn read_conllu(path: &std::path::Path) -> Result<Vec<ConlluSentence>, DataError> {
    let name = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|source| DataError::Io {
        path: name.clone(),
        source,
    })?;
    lagebild_doc::conllu::parse(&text).map_err(|error| DataError::Format {
        path: name,
        line: error.line,
        message: error.message,
    })
}

/// The UD treebanks (files under `../shared/data/ud`) the shipped models of `lang` learn
/// from: German GSD dev and PUD, English EWT train and GUM train; none for other languages.
pub fn training_treebanks(lang: lagebild_doc::Lang) -> &'static [&'static str] {
    match lang {
        lagebild_doc::Lang::De => &["de_gsd-ud-dev.conllu", "de_pud-ud-test.conllu"],
        lagebild_doc::Lang::En => &["en_ewt-ud-train.conllu", "en_gum-ud-train.conllu"],
        lagebild_doc::Lang::Other => &[],
    }
}

/// Reads [`training_treebanks`] of `lang` from the shared data folder `shared`.
pub fn read_training_treebanks(
    shared: &std::path::Path,
    lang: lagebild_doc::Lang,
) -> Result<Vec<ConlluSentence>, DataError> {
    let mut sentences = Vec::new();
    for file in training_treebanks(lang) {
        sentences.extend(read_conllu(&shared.join("data/ud").join(file))?);
    }
    Ok(sentences)
}

/// The training set recipe for a language: German sentences with contractions merged as
/// the segmenter leaves them, plus the unmerged version of each sentence that had one,
/// so both `zum` and `zu dem` are seen; English sentences as they are.
pub fn training_sentences(
    lang: lagebild_doc::Lang,
    sentences: &[ConlluSentence],
) -> Vec<GoldSentence> {
    let mut out = Vec::with_capacity(sentences.len());
    for sentence in sentences {
        if lang == lagebild_doc::Lang::De {
            let merged = GoldSentence::from_conllu(sentence, true);
            if merged.tokens.len() != sentence.words.len() {
                out.push(GoldSentence::from_conllu(sentence, false));
            }
            out.push(merged);
        } else {
            out.push(GoldSentence::from_conllu(sentence, false));
        }
    }
    out
}

/// Writes sentences as CoNLL-U, one word per token (contractions stay one word).
pub fn write_conllu(sentences: &[GoldSentence]) -> String {
    use lagebild_doc::conllu::{ConlluSentence, Word, write};
    let converted: Vec<ConlluSentence> = sentences
        .iter()
        .map(|sentence| ConlluSentence {
            words: sentence
                .tokens
                .iter()
                .enumerate()
                .map(|(index, token)| Word {
                    id: index as u32 + 1,
                    form: token.span.slice(&sentence.text).to_string(),
                    lemma: token.lemma.clone(),
                    upos: token.upos.as_str().to_string(),
                    xpos: token.xpos.clone(),
                    feats: token.feats.to_conllu(),
                    head: sentence.heads[index].map_or(0, |head| head + 1),
                    deprel: sentence.deprels[index].clone(),
                    misc: String::new(),
                })
                .collect(),
            ..ConlluSentence::default()
        })
        .collect();
    let mut out = String::new();
    // Writing into a String cannot fail.
    let _ = write(&converted, &mut out);
    out
}
