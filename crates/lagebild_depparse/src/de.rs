//! German post-corrections applied after parsing.
//!
//! The German treebanks lagebild learns from (UD German GSD and PUD) label dative objects
//! `obl:arg` or `obl` and hardly ever `iobj`, while downstream stages (event coding) want
//! the indirect object of "wirft Russland Hilfe vor" as in English. A nominal in the
//! dative without a preposition, attached to a verb as `obl`, `obl:arg` or (as a second
//! object) `obj`, becomes `iobj`. The evaluation harness applies the same rule to the
//! gold trees (with gold features), so scores stay comparable.

use lagebild_doc::{Case, Number, Token, Upos, VerbForm};

/// Relabels bare dative objects of verbs as `iobj`; `heads` and `deprels` describe the
/// tree over `tokens` (whose `head` and `deprel` fields are not read), `cases` the case
/// of each token (at run time the tagger's, corrected by surface evidence).
pub(crate) fn dative_objects_as_iobj(
    tokens: &[Token],
    cases: &[Option<Case>],
    heads: &[Option<u32>],
    deprels: &mut [String],
) {
    for index in 0..tokens.len() {
        let token = &tokens[index];
        if cases[index] != Some(Case::Dat)
            || !matches!(token.upos, Upos::Noun | Upos::Propn | Upos::Pron)
        {
            continue;
        }
        let Some(head) = heads[index].map(|head| head as usize) else {
            continue;
        };
        if !tokens
            .get(head)
            .is_some_and(|head| matches!(head.upos, Upos::Verb | Upos::Aux))
        {
            continue;
        }
        let has_preposition = (0..tokens.len()).any(|child| {
            heads[child] == Some(index as u32) && deprels[child].split(':').next() == Some("case")
        });
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
                    && cases[other] == Some(Case::Acc)
            }),
            _ => false,
        };
        if relabel {
            deprels[index] = "iobj".to_string();
        }
    }
}

/// A noun in the nominative cannot be a bare noun modifier (those are genitive): when
/// one is attached as `nmod` to a noun that depends on a verb without a subject, it is
/// that verb's subject ("den Vertrag der Kanzler" after a verb: "der Kanzler" is the
/// subject, not "of the chancellor"). Moves head and relation in place.
pub(crate) fn nominative_modifiers_as_subjects(
    tokens: &[Token],
    cases: &[Option<Case>],
    heads: &mut [Option<u32>],
    deprels: &mut [String],
) {
    let count = tokens.len();
    for index in 0..count {
        let token = &tokens[index];
        if deprels[index] != "nmod"
            || cases[index] != Some(Case::Nom)
            || !matches!(token.upos, Upos::Noun | Upos::Propn)
        {
            continue;
        }
        let Some(noun) = heads[index].map(|head| head as usize) else {
            continue;
        };
        if !tokens
            .get(noun)
            .is_some_and(|noun| matches!(noun.upos, Upos::Noun | Upos::Propn))
        {
            continue;
        }
        let Some(verb) = heads[noun].map(|head| head as usize) else {
            continue;
        };
        if !tokens
            .get(verb)
            .is_some_and(|verb| matches!(verb.upos, Upos::Verb | Upos::Aux))
        {
            continue;
        }
        let has_child = |node: usize, labels: &[&str]| {
            (0..count).any(|child| {
                heads[child] == Some(node as u32) && labels.contains(&deprels[child].as_str())
            })
        };
        // Only the last part of the noun's phrase can move without crossing arcs.
        let rightmost = (index + 1..count).all(|later| !is_under(heads, later, noun));
        if rightmost
            && !has_child(index, &["case"])
            && !has_child(verb, &["nsubj", "nsubj:pass", "csubj"])
        {
            heads[index] = Some(verb as u32);
            deprels[index] = "nsubj".to_string();
        }
    }
}

/// Whether `node` lies in the subtree of `ancestor`.
fn is_under(heads: &[Option<u32>], mut node: usize, ancestor: usize) -> bool {
    for _ in 0..heads.len() {
        if node == ancestor {
            return true;
        }
        match heads[node] {
            Some(head) => node = head as usize,
            None => return false,
        }
    }
    false
}

/// A verb has one subject: when several children of one head are `nsubj`/`nsubj:pass`
/// and one of them is nominative, the others in the accusative become `obj` (if the head
/// has none) and those in the dative `iobj`.
pub(crate) fn one_subject_per_verb(
    tokens: &[Token],
    cases: &[Option<Case>],
    heads: &[Option<u32>],
    deprels: &mut [String],
) {
    let count = tokens.len();
    let is_subject = |label: &str| label == "nsubj" || label == "nsubj:pass";
    for head in 0..count {
        let subjects: Vec<usize> = (0..count)
            .filter(|&child| heads[child] == Some(head as u32) && is_subject(&deprels[child]))
            .collect();
        if subjects.len() < 2
            || !subjects
                .iter()
                .any(|&child| cases[child] == Some(Case::Nom))
        {
            continue;
        }
        let mut has_object =
            (0..count).any(|child| heads[child] == Some(head as u32) && deprels[child] == "obj");
        for &child in &subjects {
            match cases[child] {
                Some(Case::Acc) if !has_object => {
                    deprels[child] = "obj".to_string();
                    has_object = true;
                }
                Some(Case::Dat) => deprels[child] = "iobj".to_string(),
                _ => {}
            }
        }
    }
}

/// A reported main clause fronted before its speech verb ("Die Regierung werde X
/// unterstützen, betonte sie"): when the parser made the clause's first nominative the
/// subject of the speech verb, it goes back to the verb of its own clause's finite
/// verb, that verb becomes the speech verb's `ccomp`, a nominative pronoun after the
/// speech verb becomes its subject, and a second nominative subject of the clause
/// becomes its object (for [`agreeing_nominative_is_subject`] to check by number).
pub(crate) fn fronted_clause_subject(
    tokens: &[Token],
    cases: &[Option<Case>],
    heads: &mut [Option<u32>],
    deprels: &mut [String],
) {
    let count = tokens.len();
    let Some(root) = (0..count).find(|&node| heads[node].is_none()) else {
        return;
    };
    if root < 2 || tokens[root - 1].upos != Upos::Punct {
        return;
    }
    let comma = root - 1;
    if tokens[..comma]
        .iter()
        .any(|token| token.upos == Upos::Sconj)
    {
        return;
    }
    let nominal = |node: usize| matches!(tokens[node].upos, Upos::Noun | Upos::Propn | Upos::Pron);
    let Some(subject) = (0..comma).find(|&node| {
        heads[node] == Some(root as u32)
            && deprels[node] == "nsubj"
            && nominal(node)
            && cases[node] == Some(Case::Nom)
    }) else {
        return;
    };
    // The clause's finite verb follows its first constituent with no punctuation
    // between ("Der Minister, der kam, sagte" is a relative clause, not this).
    let Some(finite) = (subject + 1..comma)
        .take_while(|&node| tokens[node].upos != Upos::Punct)
        .find(|&node| {
            matches!(tokens[node].upos, Upos::Aux | Upos::Verb)
                && tokens[node].feats.verb_form == Some(VerbForm::Fin)
        })
    else {
        return;
    };
    let verb = if deprels[finite].starts_with("aux") {
        match heads[finite] {
            Some(head) => head as usize,
            None => return,
        }
    } else {
        finite
    };
    if verb >= comma || verb == root {
        return;
    }
    for node in 0..count {
        if node != subject && heads[node] == Some(verb as u32) && deprels[node] == "nsubj" {
            deprels[node] = "obj".to_string();
        }
    }
    heads[subject] = Some(verb as u32);
    heads[verb] = Some(root as u32);
    deprels[verb] = "ccomp".to_string();
    let has_subject = (0..count)
        .any(|node| heads[node] == Some(root as u32) && deprels[node].starts_with("nsubj"));
    if !has_subject
        && let Some(pronoun) = (root + 1..count).find(|&node| {
            heads[node] == Some(root as u32)
                && tokens[node].upos == Upos::Pron
                && cases[node] == Some(Case::Nom)
        })
    {
        deprels[pronoun] = "nsubj".to_string();
    }
}

/// Two nominatives around one verb, the object first: when the parser made the later
/// one the subject although only the earlier one agrees in number with the clause's
/// finite verb, the two swap relations ("Die Regierung werde Litauen, Lettland und
/// Estland unterstützen": singular `werde`, so the coordinated plural is the object).
pub(crate) fn agreeing_nominative_is_subject(
    tokens: &[Token],
    cases: &[Option<Case>],
    heads: &[Option<u32>],
    deprels: &mut [String],
) {
    let count = tokens.len();
    let children = |head: usize| {
        (0..count)
            .filter(move |&child| heads[child] == Some(head as u32))
            .collect::<Vec<usize>>()
    };
    for head in 0..count {
        let kids = children(head);
        let subjects: Vec<usize> = kids
            .iter()
            .copied()
            .filter(|&child| deprels[child] == "nsubj")
            .collect();
        let objects: Vec<usize> = kids
            .iter()
            .copied()
            .filter(|&child| deprels[child] == "obj")
            .collect();
        let ([subject], [object]) = (subjects.as_slice(), objects.as_slice()) else {
            continue;
        };
        let (subject, object) = (*subject, *object);
        if object > subject || cases[subject] != Some(Case::Nom) || cases[object] != Some(Case::Nom)
        {
            continue;
        }
        // The finite form: a finite auxiliary (then the head is not finite, whatever
        // its tag says), else the head itself.
        let finite = kids
            .iter()
            .copied()
            .filter(|&child| deprels[child].starts_with("aux"))
            .chain(std::iter::once(head))
            .find(|&node| tokens[node].feats.verb_form == Some(VerbForm::Fin));
        let Some(number) = finite.and_then(|node| tokens[node].feats.number) else {
            continue;
        };
        let number_of = |node: usize| {
            if children(node).iter().any(|&child| deprels[child] == "conj") {
                Some(Number::Plur)
            } else {
                tokens[node].feats.number
            }
        };
        if number_of(object) == Some(number) && number_of(subject).is_some_and(|n| n != number) {
            deprels[subject] = "obj".to_string();
            deprels[object] = "nsubj".to_string();
        }
    }
}

/// A passive clause has no direct object: an `obj` of a head with a passive auxiliary
/// (`aux:pass`) and no subject is its passive subject ("Dort wurden Leute umgebracht"),
/// unless its phrase is marked accusative or dative (`evidence`, see `case`).
pub(crate) fn passive_objects_as_subjects(
    heads: &[Option<u32>],
    evidence: &[u8],
    deprels: &mut [String],
) {
    let count = deprels.len();
    for index in 0..count {
        if deprels[index] != "obj" {
            continue;
        }
        let Some(head) = heads[index] else { continue };
        let siblings = || (0..count).filter(move |&other| heads[other] == Some(head));
        let passive = siblings().any(|other| deprels[other] == "aux:pass");
        let has_subject = siblings().any(|other| {
            matches!(
                deprels[other].split(':').next(),
                Some("nsubj" | "csubj" | "expl")
            )
        });
        let cases = evidence.get(index).copied().unwrap_or(0);
        if passive && !has_subject && (cases == 0 || cases & crate::case::NOM != 0) {
            deprels[index] = "nsubj:pass".to_string();
        }
    }
}

/// A nominal in quotation marks ("dass „Schiffe …“ angegriffen worden seien") is often
/// attached as `parataxis` or `dep`: a nominative noun or name so attached to a verb
/// without a subject is its subject.
pub(crate) fn quoted_nominatives_as_subjects(
    tokens: &[Token],
    cases: &[Option<Case>],
    heads: &[Option<u32>],
    deprels: &mut [String],
) {
    let count = tokens.len();
    for index in 0..count {
        if !matches!(deprels[index].as_str(), "parataxis" | "dep")
            || cases[index] != Some(Case::Nom)
            || !matches!(tokens[index].upos, Upos::Noun | Upos::Propn)
        {
            continue;
        }
        let Some(head) = heads[index] else { continue };
        if !tokens
            .get(head as usize)
            .is_some_and(|verb| matches!(verb.upos, Upos::Verb | Upos::Aux))
        {
            continue;
        }
        let has_subject = (0..count).any(|other| {
            heads[other] == Some(head)
                && matches!(deprels[other].split(':').next(), Some("nsubj" | "csubj"))
        });
        if !has_subject {
            deprels[index] = if (0..count)
                .any(|other| heads[other] == Some(head) && deprels[other] == "aux:pass")
            {
                "nsubj:pass".to_string()
            } else {
                "nsubj".to_string()
            };
        }
    }
}

/// A direct object whose phrase can only be dative ("dem Land", "ihm", "den Regeln")
/// is an indirect object: `obj` children of verbs with dative-only `evidence` and no
/// preposition become `iobj`.
pub(crate) fn dative_evidence_as_iobj(
    tokens: &[Token],
    evidence: &[u8],
    heads: &[Option<u32>],
    deprels: &mut [String],
) {
    let count = tokens.len();
    for index in 0..count {
        if deprels[index] != "obj" || evidence.get(index).copied() != Some(crate::case::DAT) {
            continue;
        }
        let has_preposition = (0..count).any(|child| {
            heads[child] == Some(index as u32) && deprels[child].split(':').next() == Some("case")
        });
        if !has_preposition {
            deprels[index] = "iobj".to_string();
        }
    }
}

/// Verbs whose one object is in the dative ("dem Vorschlag folgen", "Andy gratulieren").
const DATIVE_VERBS: &[&str] = &[
    "helfen",
    "danken",
    "gratulieren",
    "gefallen",
    "missfallen",
    "folgen",
    "nachfolgen",
    "entsprechen",
    "zustimmen",
    "widersprechen",
    "nachgeben",
    "nahestehen",
    "beistehen",
    "passieren",
    "geschehen",
    "vertrauen",
    "misstrauen",
    "dienen",
    "drohen",
    "schaden",
    "nützen",
    "gehören",
    "begegnen",
    "antworten",
    "gelingen",
    "misslingen",
    "genügen",
    "ähneln",
    "gleichen",
    "zuhören",
    "zusehen",
    "zuschauen",
    "beitreten",
    "ausweichen",
    "unterliegen",
    "erliegen",
    "entgegenstehen",
    "entgegenkommen",
    "zustehen",
    "bevorstehen",
    "gehorchen",
    "imponieren",
    "applaudieren",
    "kondolieren",
    "zujubeln",
    "trotzen",
    "fehlen",
    "mangeln",
    "beipflichten",
    "zuvorkommen",
    "nacheifern",
    "einfallen",
    "auffallen",
    "behagen",
    "schmeicheln",
];

/// Verbs with a dative beside an accusative object ("uns ein Angebot unterbreiten",
/// "sich eine Anwendung wünschen").
const DITRANSITIVE_VERBS: &[&str] = &[
    "geben",
    "schenken",
    "zeigen",
    "sagen",
    "erzählen",
    "mitteilen",
    "erklären",
    "bieten",
    "anbieten",
    "schicken",
    "senden",
    "bringen",
    "empfehlen",
    "versprechen",
    "vorwerfen",
    "erleichtern",
    "überlassen",
    "beibringen",
    "unterbreiten",
    "erlauben",
    "gestatten",
    "verbieten",
    "leihen",
    "verkaufen",
    "schreiben",
    "liefern",
    "zuschreiben",
    "vorlegen",
    "vorschlagen",
    "raten",
    "verweigern",
    "zusagen",
    "zusichern",
    "garantieren",
    "ermöglichen",
    "verdanken",
    "stellen",
    "wünschen",
    "erhoffen",
    "nehmen",
    "erwerben",
    "auferlegen",
    "vorstellen",
    "merken",
    "leisten",
    "ansehen",
    "anschauen",
    "überlegen",
    "sichern",
    "verschaffen",
    "holen",
    "kaufen",
    "aneignen",
    "ausdenken",
    "einbilden",
    "gönnen",
    "zuziehen",
    "vornehmen",
    "suchen",
    "erarbeiten",
    "erkämpfen",
    "abnehmen",
];

/// The lemma of a verb with its separated particle in front ("stimmte ... zu":
/// "zustimmen"), in `buffer`.
fn verb_lemma<'a>(
    tokens: &[Token],
    heads: &[Option<u32>],
    deprels: &[String],
    verb: usize,
    buffer: &'a mut String,
) -> &'a str {
    buffer.clear();
    if let Some(particle) = (0..tokens.len())
        .find(|&child| heads[child] == Some(verb as u32) && deprels[child] == "compound:prt")
    {
        buffer.push_str(&tokens[particle].lemma.to_lowercase());
    }
    buffer.push_str(&tokens[verb].lemma);
    buffer
}

/// Objects of verbs that take a dative: the one bare object of a dative verb ("Andy
/// gratulieren") that can be dative, and a pronoun that is accusative or dative
/// ("uns", "sich") beside a further bare nominal of a verb taking both ("hat uns ein
/// Angebot unterbreitet", "wünscht sich eine Anwendung"), become `iobj`.
pub(crate) fn valency_datives_as_iobj(
    tokens: &[Token],
    evidence: &[u8],
    heads: &[Option<u32>],
    deprels: &mut [String],
) {
    use crate::case::{ACC, DAT};
    let count = tokens.len();
    let mut lemma = String::new();
    let bare = |node: usize, deprels: &[String]| {
        matches!(tokens[node].upos, Upos::Noun | Upos::Propn | Upos::Pron)
            && !(0..count).any(|child| {
                heads[child] == Some(node as u32)
                    && deprels[child].split(':').next() == Some("case")
            })
    };
    for verb in 0..count {
        if !matches!(tokens[verb].upos, Upos::Verb | Upos::Aux) {
            continue;
        }
        let children: Vec<usize> = (0..count)
            .filter(|&child| heads[child] == Some(verb as u32))
            .collect();
        if children.iter().any(|&child| deprels[child] == "iobj") {
            continue;
        }
        let objects: Vec<usize> = children
            .iter()
            .copied()
            .filter(|&child| deprels[child] == "obj" && bare(child, deprels))
            .collect();
        let [object] = objects.as_slice() else {
            continue;
        };
        let object = *object;
        let cases = evidence.get(object).copied().unwrap_or(0);
        let lemma = verb_lemma(tokens, heads, deprels, verb, &mut lemma);
        if DATIVE_VERBS.contains(&lemma) {
            if cases == 0 || cases & DAT != 0 {
                deprels[object] = "iobj".to_string();
            }
        } else if DITRANSITIVE_VERBS.contains(&lemma)
            && tokens[object].upos == Upos::Pron
            && cases == ACC | DAT
            && children.iter().any(|&other| {
                other > object
                    && bare(other, deprels)
                    && !matches!(deprels[other].split(':').next(), Some("nsubj" | "expl"))
                    && matches!(
                        deprels[other].as_str(),
                        "appos" | "conj" | "nmod" | "obl" | "obl:tmod" | "dep"
                    )
            })
        {
            deprels[object] = "iobj".to_string();
        }
    }
}

/// "Es gibt X": whether the treebank calls `es` the subject (GSD) or an expletive (PUD),
/// X is the object, never a second subject. `text` is what the tokens' spans index.
pub(crate) fn es_gibt_object(
    text: &str,
    tokens: &[Token],
    heads: &[Option<u32>],
    deprels: &mut [String],
) {
    let count = tokens.len();
    for verb in 0..count {
        if tokens[verb].lemma != "geben" {
            continue;
        }
        let children = || (0..count).filter(move |&child| heads[child] == Some(verb as u32));
        let Some(es) = children().find(|&child| {
            tokens[child].upos == Upos::Pron
                && tokens[child].span.slice(text).eq_ignore_ascii_case("es")
                && matches!(deprels[child].as_str(), "nsubj" | "expl")
        }) else {
            continue;
        };
        if children().any(|child| deprels[child] == "obj") {
            continue;
        }
        if let Some(object) = children().find(|&child| child != es && deprels[child] == "nsubj") {
            deprels[object] = "obj".to_string();
        }
    }
}

/// Case evidence overrides the subject/object choice: a subject whose phrase cannot be
/// nominative ("den Vertrag", "ihn") and an object whose phrase can only be nominative
/// ("er", "wir") swap relations, or take the free one when the head lacks it.
pub(crate) fn case_decides_subject(evidence: &[u8], heads: &[Option<u32>], deprels: &mut [String]) {
    use crate::case::{ACC, NOM};
    let count = deprels.len();
    let cases = |node: usize| evidence.get(node).copied().unwrap_or(0);
    let not_nominative = |node: usize| cases(node) != 0 && cases(node) & NOM == 0;
    let only_nominative = |node: usize| cases(node) == NOM;
    for head in 0..count as u32 {
        let kids: Vec<usize> = (0..count).filter(|&c| heads[c] == Some(head)).collect();
        let with = |label: &str, deprels: &[String]| {
            kids.iter()
                .copied()
                .filter(|&child| deprels[child] == label)
                .collect::<Vec<usize>>()
        };
        let (subjects, objects) = (with("nsubj", deprels), with("obj", deprels));
        match (subjects.as_slice(), objects.as_slice()) {
            ([subject], [object]) => {
                let wrong_subject = not_nominative(*subject) && cases(*subject) & ACC != 0;
                let wrong_object = only_nominative(*object);
                if (wrong_subject || wrong_object)
                    && !not_nominative(*object)
                    && cases(*subject) & ACC != 0
                {
                    deprels[*subject] = "obj".to_string();
                    deprels[*object] = "nsubj".to_string();
                }
            }
            ([subject], []) if not_nominative(*subject) && cases(*subject) & ACC != 0 => {
                deprels[*subject] = "obj".to_string();
            }
            ([], [object]) if only_nominative(*object) => {
                deprels[*object] = "nsubj".to_string();
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lagebild_doc::Feats;

    /// Runs the agreement rule over `word head deprel feats` lines (1-based heads).
    fn agree(lines: &[(&str, u32, &str, &str)]) -> Vec<String> {
        let tokens: Vec<Token> = lines
            .iter()
            .map(|&(_, _, _, feats)| Token {
                feats: Feats::from_conllu(feats),
                ..Token::default()
            })
            .collect();
        let heads: Vec<Option<u32>> = lines
            .iter()
            .map(|&(_, head, _, _)| head.checked_sub(1))
            .collect();
        let mut deprels: Vec<String> = lines
            .iter()
            .map(|&(_, _, deprel, _)| deprel.to_string())
            .collect();
        let cases: Vec<Option<Case>> = tokens.iter().map(|token| token.feats.case).collect();
        agreeing_nominative_is_subject(&tokens, &cases, &heads, &mut deprels);
        deprels
    }

    #[test]
    fn the_nominative_agreeing_with_the_finite_auxiliary_is_the_subject() {
        // "Die Regierung werde Arland und Borland unterstützen": singular `werde`.
        let sentence = |aux_number: &str| {
            agree(&[
                ("Regierung", 6, "obj", "Case=Nom|Number=Sing"),
                (
                    "werde",
                    6,
                    "aux",
                    &format!("Number={aux_number}|VerbForm=Fin"),
                ),
                ("Arland", 6, "nsubj", "Case=Nom|Number=Sing"),
                ("und", 5, "cc", "_"),
                ("Borland", 3, "conj", "Case=Nom|Number=Sing"),
                ("unterstützen", 0, "root", "Number=Plur|VerbForm=Fin"),
            ])
        };
        let swapped = sentence("Sing");
        assert_eq!((swapped[0].as_str(), swapped[2].as_str()), ("nsubj", "obj"));
        // A plural auxiliary agrees with the coordination: nothing changes.
        let kept = sentence("Plur");
        assert_eq!((kept[0].as_str(), kept[2].as_str()), ("obj", "nsubj"));
    }

    type Tree = (Vec<Token>, Vec<Option<Case>>, Vec<Option<u32>>, Vec<String>);

    /// Builds tokens, heads and relations from `(upos, head, deprel, feats)` lines
    /// (1-based heads, 0 = root).
    fn tree(lines: &[(Upos, u32, &str, &str)]) -> Tree {
        let tokens: Vec<Token> = lines
            .iter()
            .map(|&(upos, _, _, feats)| Token {
                upos,
                feats: Feats::from_conllu(feats),
                ..Token::default()
            })
            .collect();
        let cases = tokens.iter().map(|token| token.feats.case).collect();
        let heads = lines
            .iter()
            .map(|&(_, head, _, _)| head.checked_sub(1))
            .collect();
        let deprels = lines
            .iter()
            .map(|&(_, _, deprel, _)| deprel.to_string())
            .collect();
        (tokens, cases, heads, deprels)
    }

    #[test]
    fn passive_clauses_have_subjects_not_objects() {
        // "Dort wurden Leute entlassen": `Leute` read as object of the participle.
        let (_, _, heads, mut deprels) = tree(&[
            (Upos::Adv, 4, "advmod", "_"),
            (Upos::Aux, 4, "aux:pass", "VerbForm=Fin"),
            (Upos::Noun, 4, "obj", "Case=Acc|Number=Plur"),
            (Upos::Verb, 0, "root", "VerbForm=Part"),
        ]);
        passive_objects_as_subjects(&heads, &[0, 0, 0, 0], &mut deprels);
        assert_eq!(deprels[2], "nsubj:pass");
        // A phrase marked accusative ("den Mann") stays an object.
        let (_, _, heads, mut deprels) = tree(&[
            (Upos::Adv, 4, "advmod", "_"),
            (Upos::Aux, 4, "aux:pass", "VerbForm=Fin"),
            (Upos::Noun, 4, "obj", "Case=Acc|Number=Sing"),
            (Upos::Verb, 0, "root", "VerbForm=Part"),
        ]);
        passive_objects_as_subjects(&heads, &[0, 0, crate::case::ACC, 0], &mut deprels);
        assert_eq!(deprels[2], "obj");
        // Without a passive auxiliary nothing changes.
        let (_, _, heads, mut deprels) = tree(&[
            (Upos::Noun, 2, "obj", "Case=Acc|Number=Plur"),
            (Upos::Verb, 0, "root", "VerbForm=Fin"),
        ]);
        passive_objects_as_subjects(&heads, &[0, 0], &mut deprels);
        assert_eq!(deprels[0], "obj");
    }

    #[test]
    fn quoted_nominative_without_subject_is_the_subject() {
        // "dass „Boote“ beschossen worden seien": the quoted noun hangs as parataxis.
        let lines = |subject: &'static str| {
            vec![
                (Upos::Sconj, 5, "mark", "_"),
                (Upos::Punct, 3, "punct", "_"),
                (Upos::Noun, 5, "parataxis", "Case=Nom|Number=Plur"),
                (Upos::Pron, 5, subject, "Case=Nom"),
                (Upos::Verb, 0, "root", "VerbForm=Part"),
            ]
        };
        let (tokens, cases, heads, mut deprels) = tree(&lines("advmod"));
        quoted_nominatives_as_subjects(&tokens, &cases, &heads, &mut deprels);
        assert_eq!(deprels[2], "nsubj");
        // The verb has a subject already: the noun keeps its relation.
        let (tokens, cases, heads, mut deprels) = tree(&lines("nsubj"));
        quoted_nominatives_as_subjects(&tokens, &cases, &heads, &mut deprels);
        assert_eq!(deprels[2], "parataxis");
    }

    #[test]
    fn a_fronted_reported_clause_keeps_its_subject() {
        // "Die Behörde werde Arland weiter helfen , sagte sie ." parsed with `Behörde` as
        // subject of `sagte` and `Arland` as subject of `helfen`.
        let lines = |first_deprel: &'static str| {
            vec![
                (Upos::Det, 2, "det", "Case=Nom"),
                (Upos::Noun, 8, first_deprel, "Case=Nom|Number=Sing"),
                (Upos::Aux, 5, "aux", "Mood=Sub|Number=Sing|VerbForm=Fin"),
                (Upos::Propn, 5, "nsubj", "Case=Nom|Number=Sing"),
                (Upos::Verb, 2, "xcomp", "VerbForm=Inf"),
                (Upos::Adv, 5, "advmod", "_"),
                (Upos::Punct, 8, "punct", "_"),
                (Upos::Verb, 0, "root", "Number=Sing|VerbForm=Fin"),
                (Upos::Pron, 8, "obj", "Case=Nom|Number=Sing"),
            ]
        };
        let (tokens, cases, mut heads, mut deprels) = tree(&lines("nsubj"));
        fronted_clause_subject(&tokens, &cases, &mut heads, &mut deprels);
        assert_eq!((heads[1], deprels[1].as_str()), (Some(4), "nsubj"));
        assert_eq!((heads[4], deprels[4].as_str()), (Some(7), "ccomp"));
        assert_eq!(deprels[3], "obj");
        assert_eq!(deprels[8], "nsubj");
        // Not the speech verb's subject to begin with: nothing moves.
        let (tokens, cases, mut heads, mut deprels) = tree(&lines("obl"));
        fronted_clause_subject(&tokens, &cases, &mut heads, &mut deprels);
        assert_eq!((heads[1], deprels[4].as_str()), (Some(7), "xcomp"));
    }

    #[test]
    fn dative_objects_by_evidence_and_valency() {
        use crate::case::{ACC, DAT};
        // "Die Firma stimmte den Regeln zu": `Regeln` read as object, its phrase dative.
        let lines = [
            (Upos::Det, 2, "det", "_"),
            (Upos::Noun, 3, "nsubj", "Case=Nom"),
            (Upos::Verb, 0, "root", "VerbForm=Fin"),
            (Upos::Det, 5, "det", "_"),
            (Upos::Noun, 3, "obj", "Case=Acc"),
        ];
        let (tokens, _, heads, mut deprels) = tree(&lines);
        dative_evidence_as_iobj(&tokens, &[0, 0, 0, 0, DAT], &heads, &mut deprels);
        assert_eq!(deprels[4], "iobj");
        // An accusative-or-dative phrase stays what the parser said.
        let (tokens, _, heads, mut deprels) = tree(&lines);
        dative_evidence_as_iobj(&tokens, &[0, 0, 0, 0, ACC | DAT], &heads, &mut deprels);
        assert_eq!(deprels[4], "obj");
        // "Sie gratulierte Arland": a dative verb's one object; "besuchte" keeps it.
        let sentence = |verb: &str| {
            let (mut tokens, _, heads, mut deprels) = tree(&[
                (Upos::Pron, 2, "nsubj", "Case=Nom"),
                (Upos::Verb, 0, "root", "VerbForm=Fin"),
                (Upos::Propn, 2, "obj", "Case=Acc"),
            ]);
            tokens[1].lemma = verb.to_string();
            valency_datives_as_iobj(&tokens, &[0, 0, 0], &heads, &mut deprels);
            deprels[2].clone()
        };
        assert_eq!(sentence("gratulieren"), "iobj");
        assert_eq!(sentence("besuchen"), "obj");
        // "Sie hat uns ein Angebot unterbreitet" with `Angebot` misread as `nmod`: the
        // pronoun before a further object of a verb taking both is the dative.
        let (mut tokens, _, heads, mut deprels) = tree(&[
            (Upos::Pron, 6, "nsubj", "Case=Nom"),
            (Upos::Aux, 6, "aux", "VerbForm=Fin"),
            (Upos::Pron, 6, "obj", "Case=Acc"),
            (Upos::Det, 5, "det", "_"),
            (Upos::Noun, 6, "nmod", "Case=Acc"),
            (Upos::Verb, 0, "root", "VerbForm=Part"),
        ]);
        tokens[5].lemma = "unterbreiten".to_string();
        let evidence = [0, 0, ACC | DAT, 0, 0, 0];
        valency_datives_as_iobj(&tokens, &evidence, &heads, &mut deprels);
        assert_eq!(deprels[2], "iobj");
        // Without the further object ("Sie hat uns unterbreitet") it stays the object.
        let mut deprels: Vec<String> = deprels
            .iter()
            .map(|label| label.replace("iobj", "obj"))
            .collect();
        deprels[4] = "det".to_string();
        let heads: Vec<Option<u32>> = heads
            .iter()
            .enumerate()
            .map(|(index, head)| if index == 4 { Some(3) } else { *head })
            .collect();
        valency_datives_as_iobj(&tokens, &evidence, &heads, &mut deprels);
        assert_eq!(deprels[2], "obj");
    }

    #[test]
    fn what_es_gibt_gives_is_the_object() {
        // "Dort gibt es Proteste", `Proteste` read as subject beside expletive `es`.
        let text = "Dort gibt es Proteste";
        let (mut tokens, _, heads, mut deprels) = tree(&[
            (Upos::Adv, 2, "advmod", "_"),
            (Upos::Verb, 0, "root", "VerbForm=Fin"),
            (Upos::Pron, 2, "expl", "Case=Nom"),
            (Upos::Noun, 2, "nsubj", "Case=Nom"),
        ]);
        for (token, (start, end)) in tokens.iter_mut().zip([(0, 4), (5, 9), (10, 12), (13, 21)]) {
            token.span = lagebild_doc::Span::new(start, end);
        }
        tokens[1].lemma = "geben".to_string();
        es_gibt_object(text, &tokens, &heads, &mut deprels);
        assert_eq!((deprels[2].as_str(), deprels[3].as_str()), ("expl", "obj"));
        // Another verb ("Dort protestiert es Leute") keeps the parser's reading.
        tokens[1].lemma = "protestieren".to_string();
        deprels[3] = "nsubj".to_string();
        es_gibt_object(text, &tokens, &heads, &mut deprels);
        assert_eq!(deprels[3], "nsubj");
    }

    #[test]
    fn case_evidence_swaps_subject_and_object() {
        use crate::case::{ACC, DAT, NOM};
        // "Den Vertrag unterschrieb er": the parser read `Vertrag` as subject.
        let (_, _, heads, mut deprels) = tree(&[
            (Upos::Det, 2, "det", "_"),
            (Upos::Noun, 3, "nsubj", "Case=Nom"),
            (Upos::Verb, 0, "root", "VerbForm=Fin"),
            (Upos::Pron, 3, "obj", "Case=Acc"),
        ]);
        case_decides_subject(&[0, ACC | DAT, 0, NOM], &heads, &mut deprels);
        assert_eq!((deprels[1].as_str(), deprels[3].as_str()), ("obj", "nsubj"));
        // "Die Regierung unterstützt sie": no evidence against the parser, no change.
        let (_, _, heads, mut deprels) = tree(&[
            (Upos::Det, 2, "det", "_"),
            (Upos::Noun, 3, "nsubj", "Case=Nom"),
            (Upos::Verb, 0, "root", "VerbForm=Fin"),
            (Upos::Pron, 3, "obj", "Case=Acc"),
        ]);
        case_decides_subject(&[0, NOM | ACC, 0, NOM | ACC], &heads, &mut deprels);
        assert_eq!((deprels[1].as_str(), deprels[3].as_str()), ("nsubj", "obj"));
    }
}
