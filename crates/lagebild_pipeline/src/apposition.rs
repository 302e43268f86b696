//! Roles in apposition are the person before them.
//!
//! In "Erika Beispiel, amtierende sächsische Ministerpräsidentin, sagte ..." the role after
//! the comma is the same person, not a second subject beside her. The role mention is
//! dropped; a person the knowledge base does not know, or knows only by party (a label in
//! brackets, see `lagebild_actors`), takes its code.

use lagebild_actors::{ActorKind, ActorMention};

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

/// `, ` or `(PARTY), ` followed by lowercase words only ("amtierender", "der frühere",
/// "the").
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
    rest.split_whitespace()
        .all(|word| word.chars().all(|c| c.is_lowercase() || c == '-'))
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
}
