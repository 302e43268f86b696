//! Feature templates: hashed conjunctions of attributes of stack, buffer and child
//! positions (after Zhang and Nivre 2011), for transitions and for arc labels.

use crate::attributes::{Attributes, finish};
use crate::system::State;

const MULTIPLIER: u64 = 0x9e37_79b9_7f4a_7c15;

/// Collects hashed features; the template number is part of each hash.
struct Sink<'a> {
    out: &'a mut Vec<u64>,
    template: u64,
}

impl Sink<'_> {
    #[inline]
    fn add(&mut self, values: &[u64]) {
        self.template += 1;
        let mut hash = self.template.wrapping_mul(MULTIPLIER);
        for &value in values {
            hash = (hash ^ value).wrapping_mul(MULTIPLIER).rotate_left(29);
        }
        self.out.push(finish(hash));
    }
}

fn distance_bucket(distance: u32) -> u64 {
    match distance {
        0..=4 => u64::from(distance),
        5..=6 => 5,
        7..=10 => 6,
        11..=20 => 7,
        _ => 8,
    }
}

fn count_bucket(count: u8) -> u64 {
    u64::from(count.min(4))
}

/// German case evidence of the phrase headed by `node` (see `case`): its own form,
/// narrowed by its two leftmost dependents (determiner, adjective). 0: no evidence.
pub(crate) fn phrase_cases(state: &State, attributes: &Attributes, node: usize) -> u8 {
    let null = state.null() as usize;
    if node == 0 || node >= null || !attributes.nominal[node] {
        return 0;
    }
    let mut cases = attributes.cases[node];
    for child in [state.leftmost[node], state.leftmost2[node]] {
        let child = child as usize;
        if child < node {
            cases = crate::case::narrow(cases, attributes.cases[child]);
        }
    }
    cases
}

/// Features of the state for choosing the next transition.
pub(crate) fn transition_features(state: &State, attributes: &Attributes, out: &mut Vec<u64>) {
    out.clear();
    let null = state.null();
    let s0 = state.stack_at(0) as usize;
    let s1 = state.stack_at(1) as usize;
    let s2 = state.stack_at(2) as usize;
    let b0 = state.buffer_at(0) as usize;
    let b1 = state.buffer_at(1) as usize;
    let b2 = state.buffer_at(2) as usize;
    let child = |column: &Vec<u32>, node: usize| {
        if node as u32 == null {
            node
        } else {
            column[node] as usize
        }
    };
    let s0l = child(&state.leftmost, s0);
    let s0l2 = child(&state.leftmost2, s0);
    let s0r = child(&state.rightmost, s0);
    let s0r2 = child(&state.rightmost2, s0);
    let s1l = child(&state.leftmost, s1);
    let s1r = child(&state.rightmost, s1);
    let s1r2 = child(&state.rightmost2, s1);
    let b0l = child(&state.leftmost, b0);
    let b0l2 = child(&state.leftmost2, b0);

    let w = &attributes.word;
    let l = &attributes.lemma;
    let x = &attributes.fine;
    let sf = &attributes.suffix;
    let p = |node: usize| u64::from(attributes.pos[node]);
    let c = |node: usize| u64::from(attributes.case[node]);
    let m = |node: usize| u64::from(attributes.morph[node]);
    let label = |node: usize| {
        if node as u32 == null {
            255
        } else {
            u64::from(state.labels[node])
        }
    };
    let label_set = |node: usize| {
        if node as u32 == null {
            0
        } else {
            state.label_set[node]
        }
    };
    let left_count = |node: usize| {
        if node as u32 == null {
            0
        } else {
            count_bucket(state.left_count[node])
        }
    };
    let right_count = |node: usize| {
        if node as u32 == null {
            0
        } else {
            count_bucket(state.right_count[node])
        }
    };
    let gap = |left: usize, right: usize| {
        if left as u32 == null || right as u32 == null || right <= left {
            0
        } else {
            distance_bucket((right - left) as u32)
        }
    };
    // Commas and brackets between s0 and b0, and between s1 and s0 (capped), and
    // whether a finite verb lies between s1 and s0.
    let separators = |left: usize, right: usize| {
        if left as u32 == null || right as u32 == null || right <= left + 1 {
            0
        } else {
            attributes.separator[left + 1..right]
                .iter()
                .filter(|&&flag| flag)
                .count()
                .min(3) as u64
        }
    };
    let d01 = gap(s0, b0);
    let d10 = gap(s1, s0);
    let sep0 = separators(s0, b0);
    let sep1 = separators(s1, s0);

    let mut sink = Sink { out, template: 0 };
    // Unigrams.
    for node in [s0, b0] {
        sink.add(&[w[node]]);
        sink.add(&[p(node)]);
        sink.add(&[x[node]]);
        sink.add(&[w[node], p(node)]);
        sink.add(&[l[node]]);
        sink.add(&[sf[node], p(node)]);
        sink.add(&[x[node], c(node), m(node)]);
    }
    for node in [s1, b1] {
        sink.add(&[w[node]]);
        sink.add(&[p(node)]);
        sink.add(&[x[node]]);
        sink.add(&[w[node], p(node)]);
        sink.add(&[l[node]]);
    }
    sink.add(&[x[s1], c(s1), m(s1)]);
    sink.add(&[p(s2)]);
    sink.add(&[x[s2]]);
    sink.add(&[p(b2)]);
    sink.add(&[w[b2]]);
    // Pairs of s0 and b0.
    sink.add(&[w[s0], p(s0), w[b0], p(b0)]);
    sink.add(&[w[s0], p(s0), w[b0]]);
    sink.add(&[w[s0], w[b0], p(b0)]);
    sink.add(&[w[s0], p(s0), p(b0)]);
    sink.add(&[p(s0), w[b0], p(b0)]);
    sink.add(&[w[s0], w[b0]]);
    sink.add(&[p(s0), p(b0)]);
    sink.add(&[x[s0], x[b0]]);
    sink.add(&[l[s0], l[b0]]);
    sink.add(&[l[s0], x[b0]]);
    sink.add(&[x[s0], l[b0]]);
    sink.add(&[x[s0], c(s0), x[b0], c(b0)]);
    sink.add(&[x[s0], m(s0), x[b0], m(b0)]);
    sink.add(&[p(b0), p(b1)]);
    sink.add(&[x[b0], x[b1]]);
    sink.add(&[w[b0], w[b1]]);
    // Pairs of s1 and s0.
    sink.add(&[w[s1], p(s1), w[s0], p(s0)]);
    sink.add(&[p(s1), p(s0)]);
    sink.add(&[x[s1], x[s0]]);
    sink.add(&[w[s1], w[s0]]);
    sink.add(&[l[s1], l[s0]]);
    sink.add(&[l[s1], x[s0]]);
    sink.add(&[x[s1], l[s0]]);
    sink.add(&[x[s1], c(s1), x[s0], c(s0)]);
    sink.add(&[x[s1], m(s1), x[s0], m(s0)]);
    sink.add(&[w[s1], w[b0]]);
    sink.add(&[x[s1], x[b0]]);
    // Triples.
    sink.add(&[p(b0), p(b1), p(b2)]);
    sink.add(&[x[b0], x[b1], x[b2]]);
    sink.add(&[p(s0), p(b0), p(b1)]);
    sink.add(&[x[s0], x[b0], x[b1]]);
    sink.add(&[p(s1), p(s0), p(b0)]);
    sink.add(&[x[s1], x[s0], x[b0]]);
    sink.add(&[p(s2), p(s1), p(s0)]);
    sink.add(&[x[s2], x[s1], x[s0]]);
    sink.add(&[p(s0), p(s0l), p(b0)]);
    sink.add(&[p(s0), p(s0r), p(b0)]);
    sink.add(&[p(s0), p(b0), p(b0l)]);
    sink.add(&[p(s0), p(b0l), p(b0l2)]);
    sink.add(&[p(s1), p(s1l), p(s0)]);
    sink.add(&[p(s1), p(s1r), p(s0)]);
    sink.add(&[p(s1), p(s0), p(s0r)]);
    sink.add(&[p(s1), p(s0), p(s0l)]);
    sink.add(&[p(s0), p(s0l), p(s0l2)]);
    sink.add(&[p(s0), p(s0r), p(s0r2)]);
    sink.add(&[p(s1), p(s1r), p(s1r2)]);
    // Distances and separators.
    sink.add(&[w[s0], d01]);
    sink.add(&[p(s0), d01]);
    sink.add(&[w[b0], d01]);
    sink.add(&[p(b0), d01]);
    sink.add(&[x[s0], x[b0], d01]);
    sink.add(&[w[s0], w[b0], d01]);
    sink.add(&[x[s1], x[s0], d10]);
    sink.add(&[w[s1], d10]);
    sink.add(&[w[s0], d10]);
    sink.add(&[x[s0], x[b0], sep0]);
    sink.add(&[x[s1], x[s0], sep1]);
    sink.add(&[x[s1], x[s0], x[b0], sep1, sep0]);
    // Valency.
    sink.add(&[w[s0], left_count(s0)]);
    sink.add(&[p(s0), left_count(s0)]);
    sink.add(&[w[s0], right_count(s0)]);
    sink.add(&[p(s0), right_count(s0)]);
    sink.add(&[p(s1), left_count(s1)]);
    sink.add(&[p(s1), right_count(s1)]);
    sink.add(&[w[s1], right_count(s1)]);
    sink.add(&[w[b0], left_count(b0)]);
    sink.add(&[p(b0), left_count(b0)]);
    // Labels of children.
    sink.add(&[x[s0], label_set(s0)]);
    sink.add(&[x[b0], label_set(b0)]);
    sink.add(&[x[s1], label_set(s1)]);
    sink.add(&[x[s0], label_set(s0), x[b0], label_set(b0)]);
    sink.add(&[x[s1], label_set(s1), x[s0], label_set(s0)]);
    sink.add(&[w[s0], label(s0l)]);
    sink.add(&[p(s0), label(s0l)]);
    sink.add(&[p(s0), label(s0r)]);
    sink.add(&[p(s0), label(s0l), label(s0l2)]);
    sink.add(&[p(s0), label(s0r), label(s0r2)]);
    sink.add(&[p(s1), label(s1r)]);
    sink.add(&[p(s1), label(s1l)]);
    sink.add(&[p(b0), label(b0l)]);
    sink.add(&[p(b0), label(b0l), label(b0l2)]);
    sink.add(&[w[b0], label(b0l)]);
    // Conjunctions that carry German clause structure: case of the top with the
    // verb forms around it.
    sink.add(&[c(s0), p(s0), x[b0], m(b0), d01]);
    sink.add(&[c(s0), x[s1], m(s1), d10]);
    sink.add(&[c(s0), label_set(b0), x[b0]]);
    sink.add(&[c(s0), label_set(s1), x[s1]]);
    // Determiner forms of the top nodes (case marking independent of the tagger).
    let s0l_word = if s0l as u32 == null { 0 } else { w[s0l] };
    let b0l_word = if b0l as u32 == null { 0 } else { w[b0l] };
    sink.add(&[p(s0), s0l_word, x[b0]]);
    sink.add(&[p(s0), s0l_word, x[s1]]);
    sink.add(&[p(b0), b0l_word, x[s0]]);
    // Attachment of prepositional phrases: candidate head, preposition, its noun.
    let b0_first_word = if b0l as u32 == null { 0 } else { w[b0l] };
    let s0_first_word = if s0l as u32 == null { 0 } else { w[s0l] };
    sink.add(&[l[b0], b0_first_word]);
    sink.add(&[l[s0], b0_first_word, l[b0]]);
    sink.add(&[l[s0], b0_first_word]);
    sink.add(&[x[s0], b0_first_word, l[b0]]);
    sink.add(&[l[s1], b0_first_word, l[b0]]);
    sink.add(&[l[s1], b0_first_word]);
    sink.add(&[l[s1], s0_first_word, l[s0]]);
    sink.add(&[l[s1], s0_first_word]);
    sink.add(&[x[s1], s0_first_word, l[s0]]);
    sink.add(&[x[s1], x[s0], s0_first_word]);
    if attributes.german {
        // Case evidence of the top phrases, beside the tagger's single guess.
        let cs0 = u64::from(phrase_cases(state, attributes, s0));
        let cs1 = u64::from(phrase_cases(state, attributes, s1));
        sink.add(&[cs0, p(s0), x[b0], m(b0), d01]);
        sink.add(&[cs0, x[s1], m(s1), d10]);
        sink.add(&[cs0, label_set(b0), x[b0]]);
        sink.add(&[cs0, label_set(s1), x[s1]]);
        sink.add(&[cs1, x[s0], label_set(s0)]);
    }
}

/// Features for labelling the arc `head -> dependent`; the dependent's subtree is complete.
pub(crate) fn label_features(
    state: &State,
    attributes: &Attributes,
    head: usize,
    dependent: usize,
    out: &mut Vec<u64>,
) {
    out.clear();
    let null = state.null() as usize;
    let w = &attributes.word;
    let l = &attributes.lemma;
    let x = &attributes.fine;
    let sf = &attributes.suffix;
    let p = |node: usize| u64::from(attributes.pos[node]);
    let c = |node: usize| u64::from(attributes.case[node]);
    let m = |node: usize| u64::from(attributes.morph[node]);
    let direction = u64::from(dependent < head);
    let distance = distance_bucket(head.abs_diff(dependent) as u32);
    let head_labels = state.label_set[head];
    let dependent_labels = state.label_set[dependent];
    // The dependent's first and last children (for "case" prepositions, "mark"
    // conjunctions, determiners carrying case).
    let first = state.leftmost[dependent] as usize;
    let last = state.rightmost[dependent] as usize;
    let first_word = if first == null { 0 } else { l[first] };
    let first_label = if first == null {
        255
    } else {
        u64::from(state.labels[first])
    };
    let first_case = if first == null { 0 } else { c(first) };
    let last_word = if last == null { 0 } else { l[last] };
    let last_label = if last == null {
        255
    } else {
        u64::from(state.labels[last])
    };
    let before = dependent.saturating_sub(1);
    let after = if dependent < null - 1 {
        dependent + 1
    } else {
        null
    };

    let mut sink = Sink { out, template: 0 };
    sink.add(&[w[dependent]]);
    sink.add(&[l[dependent]]);
    sink.add(&[x[dependent]]);
    sink.add(&[p(dependent), direction]);
    sink.add(&[x[dependent], c(dependent), m(dependent)]);
    sink.add(&[sf[dependent], p(dependent)]);
    sink.add(&[w[head]]);
    sink.add(&[l[head]]);
    sink.add(&[x[head], m(head)]);
    sink.add(&[p(head), p(dependent), direction]);
    sink.add(&[x[head], x[dependent], direction]);
    sink.add(&[x[head], x[dependent], direction, distance]);
    sink.add(&[l[head], x[dependent], direction]);
    sink.add(&[x[head], l[dependent], direction]);
    sink.add(&[l[head], l[dependent]]);
    sink.add(&[w[head], w[dependent]]);
    sink.add(&[x[head], x[dependent], c(dependent), direction]);
    sink.add(&[p(head), m(head), p(dependent), c(dependent), direction]);
    sink.add(&[x[dependent], c(dependent), first_case, first_label]);
    // Surface forms that mark case whatever the tagger guessed: the determiner ("den",
    // "dem") and the pronoun itself, and number agreement with the head.
    let first_form = if first == null { 0 } else { w[first] };
    sink.add(&[p(dependent), first_form, first_label, direction]);
    sink.add(&[p(dependent), first_form, x[head], head_labels, direction]);
    sink.add(&[w[dependent], x[head], direction]);
    sink.add(&[w[dependent], x[head], head_labels, direction]);
    sink.add(&[p(dependent), m(dependent) >> 5, m(head), direction]);
    sink.add(&[x[dependent], first_word, first_label]);
    sink.add(&[x[head], x[dependent], first_word, first_label]);
    sink.add(&[l[head], first_word, first_label]);
    sink.add(&[x[dependent], last_word, last_label]);
    sink.add(&[x[dependent], dependent_labels]);
    sink.add(&[x[head], x[dependent], dependent_labels, direction]);
    sink.add(&[x[head], head_labels, x[dependent], direction]);
    sink.add(&[x[head], head_labels, c(dependent), p(dependent), direction]);
    sink.add(&[l[head], head_labels, p(dependent), direction]);
    sink.add(&[x[dependent], x[before], x[after]]);
    sink.add(&[x[dependent], w[before]]);
    sink.add(&[x[dependent], w[after]]);
    sink.add(&[
        p(dependent),
        dependent_labels,
        p(head),
        head_labels,
        direction,
    ]);
    // Agreement in person and number between a verb and a candidate subject.
    let person = |node: usize| u64::from(attributes.person[node]);
    sink.add(&[
        p(dependent),
        person(dependent),
        m(dependent) >> 5,
        p(head),
        person(head),
        m(head) >> 5,
    ]);
    // What follows the head when the dependent precedes it (a verb's arguments after it
    // are not attached yet when a preverbal argument is labelled).
    let next = |node: usize, offset: usize| {
        let node = node + offset;
        if node < null { node } else { null }
    };
    let (after1, after2) = (next(head, 1), next(head, 2));
    sink.add(&[x[dependent], c(dependent), w[after1], direction]);
    sink.add(&[
        x[dependent],
        c(dependent),
        x[after1],
        c(after1),
        x[after2],
        c(after2),
        direction,
    ]);
    sink.add(&[first_form, x[head], w[after1], w[after2], direction]);
    if attributes.german {
        // Case evidence of the dependent's phrase (determiner, pronoun, adjective
        // endings) with the head's class, labels, lemma (valency) and agreement.
        let cases = u64::from(phrase_cases(state, attributes, dependent));
        sink.add(&[cases, p(dependent), direction]);
        sink.add(&[cases, x[head], head_labels, direction]);
        sink.add(&[cases, l[head], direction]);
        sink.add(&[cases, c(dependent), x[head], direction]);
        sink.add(&[
            cases,
            m(dependent) >> 5,
            person(head),
            m(head) >> 5,
            direction,
        ]);
        sink.add(&[l[head], c(dependent), direction]);
    }
}
