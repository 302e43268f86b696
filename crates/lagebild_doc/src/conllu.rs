//! A CoNLL-U reader and writer, shared by training, evaluation and `lagebild analyze`.
//!
//! Reading is lenient about what lagebild does not use (DEPS, enhanced graphs, empty
//! nodes are skipped) and strict about the rest: a malformed line yields an error that
//! names its line number.

use std::fmt;

/// One syntactic word of a CoNLL-U sentence.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Word {
    /// 1-based position in the sentence.
    pub id: u32,
    pub form: String,
    pub lemma: String,
    pub upos: String,
    pub xpos: String,
    pub feats: String,
    /// 0 for the root.
    pub head: u32,
    pub deprel: String,
    pub misc: String,
}

impl Word {
    /// Whether the MISC column says no space follows this word.
    pub fn space_after(&self) -> bool {
        !self.misc.split('|').any(|item| item == "SpaceAfter=No")
    }
}

/// A multiword token (`1-2 zum`): the surface form of words `first..=last`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MultiwordToken {
    pub first: u32,
    pub last: u32,
    pub form: String,
    pub misc: String,
}

/// One sentence of a CoNLL-U file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ConlluSentence {
    pub sent_id: Option<String>,
    /// The `# text =` comment.
    pub text: Option<String>,
    /// Other comment lines, without the leading `#`.
    pub comments: Vec<String>,
    pub words: Vec<Word>,
    pub multiword: Vec<MultiwordToken>,
    /// 1-based line number of the sentence's first line in its file.
    pub line: usize,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConlluError {
    pub line: usize,
    pub message: String,
}

impl fmt::Display for ConlluError {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(formatter, "line {}: {}", self.line, self.message)
    }
}

impl std::error::Error for ConlluError {}

/// Parses a whole CoNLL-U document.
pub fn parse(input: &str) -> Result<Vec<ConlluSentence>, ConlluError> {
    let mut sentences = Vec::new();
    let mut current = ConlluSentence::default();
    for (index, raw) in input.lines().enumerate() {
        let number = index + 1;
        let line = raw.trim_end_matches('\r');
        if line.trim().is_empty() {
            if !current.words.is_empty() {
                sentences.push(std::mem::take(&mut current));
            }
            current = ConlluSentence::default();
            continue;
        }
        if current.line == 0 {
            current.line = number;
        }
        if let Some(comment) = line.strip_prefix('#') {
            let comment = comment.trim();
            if let Some(value) = comment.strip_prefix("sent_id =") {
                current.sent_id = Some(value.trim().to_string());
            } else if let Some(value) = comment.strip_prefix("text =") {
                current.text = Some(value.trim().to_string());
            } else {
                current.comments.push(comment.to_string());
            }
            continue;
        }
        let columns: Vec<&str> = line.split('\t').collect();
        if columns.len() != 10 {
            return Err(ConlluError {
                line: number,
                message: format!("expected 10 columns, found {}", columns.len()),
            });
        }
        let id = columns[0];
        if id.contains('.') {
            continue;
        }
        if let Some((first, last)) = id.split_once('-') {
            let parse_id = |value: &str| {
                value.parse::<u32>().map_err(|_| ConlluError {
                    line: number,
                    message: format!("bad token range {id:?}"),
                })
            };
            current.multiword.push(MultiwordToken {
                first: parse_id(first)?,
                last: parse_id(last)?,
                form: columns[1].to_string(),
                misc: columns[9].to_string(),
            });
            continue;
        }
        let id = id.parse::<u32>().map_err(|_| ConlluError {
            line: number,
            message: format!("bad word id {id:?}"),
        })?;
        let head = match columns[6] {
            "_" => 0,
            value => value.parse::<u32>().map_err(|_| ConlluError {
                line: number,
                message: format!("bad head {value:?}"),
            })?,
        };
        current.words.push(Word {
            id,
            form: columns[1].to_string(),
            lemma: columns[2].to_string(),
            upos: columns[3].to_string(),
            xpos: columns[4].to_string(),
            feats: columns[5].to_string(),
            head,
            deprel: columns[7].to_string(),
            misc: columns[9].to_string(),
        });
    }
    if !current.words.is_empty() {
        sentences.push(current);
    }
    Ok(sentences)
}

/// Writes sentences as CoNLL-U, each followed by a blank line.
pub fn write(sentences: &[ConlluSentence], out: &mut impl fmt::Write) -> fmt::Result {
    for sentence in sentences {
        if let Some(sent_id) = &sentence.sent_id {
            writeln!(out, "# sent_id = {sent_id}")?;
        }
        if let Some(text) = &sentence.text {
            writeln!(out, "# text = {text}")?;
        }
        for comment in &sentence.comments {
            writeln!(out, "# {comment}")?;
        }
        let dash = |value: &str| {
            if value.is_empty() {
                "_".to_string()
            } else {
                value.to_string()
            }
        };
        for word in &sentence.words {
            if let Some(token) = sentence
                .multiword
                .iter()
                .find(|token| token.first == word.id)
            {
                writeln!(
                    out,
                    "{}-{}\t{}\t_\t_\t_\t_\t_\t_\t_\t{}",
                    token.first,
                    token.last,
                    token.form,
                    dash(&token.misc)
                )?;
            }
            writeln!(
                out,
                "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t_\t{}",
                word.id,
                word.form,
                dash(&word.lemma),
                dash(&word.upos),
                dash(&word.xpos),
                dash(&word.feats),
                word.head,
                dash(&word.deprel),
                dash(&word.misc)
            )?;
        }
        writeln!(out)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# sent_id = s1\n# text = Er ging zum Markt.\n\
1\tEr\ter\tPRON\tPPER\tCase=Nom\t2\tnsubj\t_\t_\n\
2\tging\tgehen\tVERB\tVVFIN\tMood=Ind\t0\troot\t_\t_\n\
3-4\tzum\t_\t_\t_\t_\t_\t_\t_\t_\n\
3\tzu\tzu\tADP\tAPPR\t_\t5\tcase\t_\t_\n\
4\tdem\tder\tDET\tART\t_\t5\tdet\t_\t_\n\
5\tMarkt\tMarkt\tNOUN\tNN\t_\t2\tobl\t_\tSpaceAfter=No\n\
6\t.\t.\tPUNCT\t$.\t_\t2\tpunct\t_\t_\n\n";

    #[test]
    fn reads_and_writes_back() {
        let sentences = parse(SAMPLE).expect("sample parses");
        assert_eq!(sentences.len(), 1);
        let sentence = &sentences[0];
        assert_eq!(sentence.words.len(), 6);
        assert_eq!(sentence.multiword[0].form, "zum");
        assert!(!sentence.words[4].space_after());
        let mut out = String::new();
        write(&sentences, &mut out).expect("writing to a string");
        assert_eq!(out, SAMPLE);
    }

    #[test]
    fn names_the_bad_line() {
        let error = parse("# text = x\n1\tx\n").expect_err("two columns");
        assert_eq!(error.line, 2);
    }
}
