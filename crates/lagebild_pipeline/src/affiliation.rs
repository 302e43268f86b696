//! Affiliations in brackets are not actors.
//!
//! "Sozialminister Alois Stöger (SPÖ) forderte ..." names one actor, the minister; the
//! bracketed party says which party he belongs to. Left as a mention of its own, the party
//! would stand beside the minister as a second subject, or as the target of his own
//! statement. So an actor mention that fills a pair of brackets right after another
//! mention is dropped before events are coded. A person the knowledge base does not know
//! (`---`) takes the bracketed actor's code and country instead: "Erika Beispiel (SPD)" is
//! at least a German party member, `DEUPTY`.
//!
//! Appositions likewise: in "Erika Beispiel, amtierende sächsische Ministerpräsidentin,
//! sagte ..." the role after the comma is the same person, not a second subject. The role
//! mention is dropped; a person the knowledge base does not know, or knows only by party,
//! takes its code.

use lagebild_actors::{ActorKind, ActorMention};

/// Articles an apposition may start with.
const APPOSITION_ARTICLES: &[&str] = &["der", "die", "das", "the", "a", "an"];

/// Drops mentions that fill brackets right after another mention: `NAME (PARTY)`; an
/// unknown owner takes their code.
pub fn drop_bracketed_affiliations(actors: &mut Vec<ActorMention>, text: &str) {
    let mut keep = vec![true; actors.len()];
    let mut adopt = Vec::new();
    for (index, mention) in actors.iter().enumerate() {
        let (start, end) = (mention.span.start as usize, mention.span.end as usize);
        let (Some(before), Some(after)) = (text.get(..start), text.get(end..)) else {
            continue;
        };
        let Some(opening) = before.trim_end().strip_suffix('(') else {
            continue;
        };
        if !after.trim_start().starts_with(')') {
            continue;
        }
        let owner_end = opening.trim_end().len();
        let owner = actors.iter().position(|owner| {
            owner.span.end as usize == owner_end && owner.span.start < mention.span.start
        });
        if let Some(owner) = owner {
            keep[index] = false;
            if actors[owner].code == "---" && mention.country.is_some() {
                adopt.push((owner, index));
            }
        }
    }
    for (owner, affiliation) in adopt {
        let (code, country) = (
            actors[affiliation].code.clone(),
            actors[affiliation].country.clone(),
        );
        let owner = &mut actors[owner];
        owner.code = code;
        owner.country = country;
        owner.rule.push_str(" + affiliation in brackets");
    }
    let mut flags = keep.into_iter();
    actors.retain(|_| flags.next().unwrap_or(true));
}

/// Merges a role in apposition into the person before it: `NAME, [lowercase words] ROLE`.
pub fn merge_appositions(actors: &mut Vec<ActorMention>, text: &str) {
    let mut keep = vec![true; actors.len()];
    for index in 1..actors.len() {
        let (person, role) = (&actors[index - 1], &actors[index]);
        if person.kind != ActorKind::Person
            || !keep[index - 1]
            || !role.rule.ends_with("(role)")
            || role.code.len() <= 3
        {
            continue;
        }
        let between = text
            .get(person.span.end as usize..role.span.start as usize)
            .unwrap_or("");
        if !is_apposition_gap(between) {
            continue;
        }
        keep[index] = false;
        let unknown = person.code == "---" || person.code.ends_with("PTY");
        if unknown {
            let (code, country) = (role.code.clone(), role.country.clone());
            let person = &mut actors[index - 1];
            person.code = code;
            person.country = country;
            person.rule.push_str(" + role in apposition");
        }
    }
    let mut flags = keep.into_iter();
    actors.retain(|_| flags.next().unwrap_or(true));
}

/// `, ` or `(PARTY), ` followed by lowercase words only ("amtierender", "der frühere").
fn is_apposition_gap(between: &str) -> bool {
    let mut rest = between.trim_start();
    if let Some(bracket) = rest.strip_prefix('(') {
        match bracket.split_once(')') {
            Some((_, after)) => rest = after.trim_start(),
            None => return false,
        }
    }
    let Some(rest) = rest.strip_prefix(',') else {
        return false;
    };
    rest.split_whitespace().all(|word| {
        APPOSITION_ARTICLES.contains(&word) || word.chars().all(|c| c.is_lowercase() || c == '-')
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use lagebild_actors::ActorKind;
    use lagebild_doc::Span;

    fn mention(text: &str, part: &str, code: &str) -> ActorMention {
        let start = text.find(part).expect("part of the text");
        ActorMention {
            span: Span::new(start as u32, (start + part.len()) as u32),
            name: part.to_string(),
            code: code.to_string(),
            country: None,
            kind: ActorKind::Organization,
            wikidata: None,
            antecedent: None,
            rule: String::new(),
        }
    }

    fn names(actors: &[ActorMention]) -> Vec<&str> {
        actors.iter().map(|actor| actor.name.as_str()).collect()
    }

    #[test]
    fn a_party_in_brackets_after_a_name_is_dropped() {
        let text = "Ministerin Erika Beispiel ( Nordpartei ) lobte die Südpartei.";
        let mut actors = vec![
            mention(text, "Ministerin Erika Beispiel", "AAAGOV"),
            mention(text, "Nordpartei", "AAAPTY"),
            mention(text, "Südpartei", "AAAPTY"),
        ];
        drop_bracketed_affiliations(&mut actors, text);
        assert_eq!(names(&actors), ["Ministerin Erika Beispiel", "Südpartei"]);
        assert_eq!(actors[0].code, "AAAGOV");
    }

    #[test]
    fn a_role_in_apposition_is_the_person_before_it() {
        let text = "Erika Beispiel (Nordpartei), amtierende Ministerin der Nordrepublik, sprach.";
        let mut person = mention(text, "Erika Beispiel", "AAAPTY");
        person.kind = ActorKind::Person;
        let mut role = mention(text, "Ministerin der Nordrepublik", "AAAGOV");
        role.rule = "roles.txt:1 (role)".to_string();
        let mut actors = vec![person, role];
        merge_appositions(&mut actors, text);
        assert_eq!(names(&actors), ["Erika Beispiel"]);
        assert_eq!(actors[0].code, "AAAGOV");
        // A capitalised word between them is no apposition: "Beispiel, Kanzler Muster".
        let text = "Erika Beispiel, Freund Ministerin der Nordrepublik, sprach.";
        let mut person = mention(text, "Erika Beispiel", "---");
        person.kind = ActorKind::Person;
        let mut role = mention(text, "Ministerin der Nordrepublik", "AAAGOV");
        role.rule = "roles.txt:1 (role)".to_string();
        let mut actors = vec![person, role];
        merge_appositions(&mut actors, text);
        assert_eq!(actors.len(), 2);
    }

    #[test]
    fn an_unknown_person_takes_the_bracketed_party() {
        let text = "Erika Beispiel (Nordpartei) lobte die Südpartei.";
        let mut party = mention(text, "Nordpartei", "AAAPTY");
        party.country = Some("AAA".to_string());
        let mut actors = vec![mention(text, "Erika Beispiel", "---"), party];
        drop_bracketed_affiliations(&mut actors, text);
        assert_eq!(names(&actors), ["Erika Beispiel"]);
        assert_eq!(actors[0].code, "AAAPTY");
        assert_eq!(actors[0].country.as_deref(), Some("AAA"));
        assert!(actors[0].rule.ends_with("affiliation in brackets"));
    }

    #[test]
    fn brackets_without_an_owner_or_with_more_inside_are_kept() {
        // Nothing named right before the brackets.
        let text = "Die Einigung (Nordpartei) kam spät.";
        let mut actors = vec![mention(text, "Nordpartei", "AAAPTY")];
        drop_bracketed_affiliations(&mut actors, text);
        assert_eq!(names(&actors), ["Nordpartei"]);
        // The mention is not the whole bracket.
        let text = "Erika Beispiel (mit der Nordpartei) lobte.";
        let mut actors = vec![
            mention(text, "Erika Beispiel", "AAAGOV"),
            mention(text, "Nordpartei", "AAAPTY"),
        ];
        drop_bracketed_affiliations(&mut actors, text);
        assert_eq!(names(&actors), ["Erika Beispiel", "Nordpartei"]);
    }
}
