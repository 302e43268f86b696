//! PETRARCH discard dictionaries: phrases that mark a sentence, or with a leading `+` a
//! whole story, as not to be coded (sports results, history, celebrities).

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

/// A compiled discard list. Matching is ASCII case-insensitive on word boundaries.
#[derive(Debug)]
pub struct Discards {
    automaton: AhoCorasick,
    /// Per pattern: whether it discards the whole story.
    story: Vec<bool>,
    source: String,
}

/// What a discard list says about a piece of text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiscardHit {
    pub phrase: String,
    pub story: bool,
    /// `file:line` of the entry.
    pub rule: String,
}

impl Discards {
    /// Parses a discard file: one phrase a line, `#` comments, `+` for story-level.
    pub fn parse(name: &str, text: &str) -> Result<Discards, String> {
        let mut patterns = Vec::new();
        let mut story = Vec::new();
        let mut lines = Vec::new();
        for (index, raw) in text.lines().enumerate() {
            let line = raw.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            let (is_story, phrase) = match line.strip_prefix('+') {
                Some(rest) => (true, rest.trim()),
                None => (false, line),
            };
            let phrase = phrase.split(';').next().unwrap_or("").trim();
            if phrase.is_empty() {
                return Err(format!(
                    "{name}:{}: a discard entry needs a phrase",
                    index + 1
                ));
            }
            patterns.push(phrase.split_whitespace().collect::<Vec<_>>().join(" "));
            story.push(is_story);
            lines.push(index + 1);
        }
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .map_err(|error| format!("{name}: {error}"))?;
        let source = lines
            .iter()
            .map(|line| format!("{name}:{line}"))
            .collect::<Vec<_>>()
            .join("\n");
        Ok(Discards {
            automaton,
            story,
            source,
        })
    }

    /// The first discard phrase found in `text` on word boundaries.
    pub fn find(&self, text: &str) -> Option<DiscardHit> {
        let bytes = text.as_bytes();
        let is_word = |index: usize| {
            bytes
                .get(index)
                .is_some_and(|byte| byte.is_ascii_alphanumeric())
        };
        for found in self.automaton.find_iter(text) {
            let boundary_before = found.start() == 0 || !is_word(found.start() - 1);
            let boundary_after = !is_word(found.end());
            if boundary_before && boundary_after {
                let index = found.pattern().as_usize();
                return Some(DiscardHit {
                    phrase: text[found.range()].to_string(),
                    story: self.story[index],
                    rule: self.source.lines().nth(index).unwrap_or("").to_string(),
                });
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::Discards;

    #[test]
    fn sentence_and_story_discards() {
        let discards = Discards::parse("d.txt", "# comment\nYEARS AGO\n+ WORLD CUP  # sports\n")
            .expect("parses");
        let hit = discards
            .find("It happened years ago in Paris.")
            .expect("found");
        assert!(!hit.story);
        assert_eq!(hit.rule, "d.txt:2");
        assert!(
            discards
                .find("The World Cup final was played.")
                .expect("found")
                .story
        );
        assert!(discards.find("Many yearsago").is_none(), "word boundaries");
        assert!(Discards::parse("d.txt", "+\n").is_err());
    }
}
