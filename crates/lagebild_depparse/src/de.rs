//! German post-corrections applied after parsing.
//!
//! The German treebanks lagebild learns from (UD German GSD and PUD) label dative objects
//! `obl:arg` or `obl` and hardly ever `iobj`, while downstream stages (event coding) want
//! the indirect object of "wirft Russland Hilfe vor" as in English. A nominal in the
//! dative without a preposition, attached to a verb as `obl`, `obl:arg` or (as a second
//! object) `obj`, becomes `iobj`. The evaluation harness applies the same rule to the
//! gold trees (with gold features), so scores stay comparable.

use lagebild_doc::{Case, Token, Upos};

/// Relabels bare dative objects of verbs as `iobj`; `heads` and `deprels` describe the
/// tree over `tokens` (whose `head` and `deprel` fields are not read).
pub(crate) fn dative_objects_as_iobj(tokens: &[Token], heads: &[Option<u32>], deprels: &mut [String]) {
    for index in 0..tokens.len() {
        let token = &tokens[index];
        if token.feats.case != Some(Case::Dat) || !matches!(token.upos, Upos::Noun | Upos::Propn | Upos::Pron) {
            continue;
        }
        let Some(head) = heads[index].map(|head| head as usize) else { continue };
        if !tokens.get(head).is_some_and(|head| matches!(head.upos, Upos::Verb | Upos::Aux)) {
            continue;
        }
        let has_preposition = (0..tokens.len())
            .any(|child| heads[child] == Some(index as u32) && deprels[child].split(':').next() == Some("case"));
        if has_preposition {
            continue;
        }
        let relabel = match deprels[index].as_str() {
            "obl" | "obl:arg" => true,
            // A dative `obj` beside an accusative one.
            "obj" => (0..tokens.len()).any(|other| {
                other != index
                    && heads[other] == Some(head as u32)
                    && deprels[other] == "obj"
                    && tokens[other].feats.case == Some(Case::Acc)
            }),
            _ => false,
        };
        if relabel {
            deprels[index] = "iobj".to_string();
        }
    }
}

