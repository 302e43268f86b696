//! Joint relabelling of the core arguments of each head.
//!
//! Arcs are labelled one at a time as they are made, so a verb's first argument is
//! labelled before its later arguments are attached: parsers then give one verb two
//! subjects (one in about every ninth German sentence on predicted tags) or two direct
//! objects, which the treebanks practically never have. After parsing, every head whose
//! children break "at most one subject (`nsubj`, `nsubj:pass`, `csubj`, `csubj:pass`) and
//! at most one `obj`" has the labels of those children chosen again, jointly: each
//! child keeps one of its best-scoring labels, and the assignment with the highest total
//! label score that obeys the constraint wins.

/// Labels a child may switch to: its best `CANDIDATES` by score.
const CANDIDATES: usize = 4;
/// Heads with more constrained children than this keep their labels (never seen in
/// treebanks; bounds the search at `CANDIDATES^MAX_CHILDREN`).
const MAX_CHILDREN: usize = 6;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Class {
    Subject,
    Object,
    Other,
}

/// The constraint class of every label of a model.
pub(crate) fn classes(labels: &[String]) -> Vec<Class> {
    labels
        .iter()
        .map(|label| match label.as_str() {
            "nsubj" | "nsubj:pass" | "csubj" | "csubj:pass" => Class::Subject,
            "obj" => Class::Object,
            _ => Class::Other,
        })
        .collect()
}

/// Relabels children of heads with two subjects or two objects. `heads[node]` and
/// `labels[node]` for nodes `1..=n` (0 is the root), `scores` holds `label_count` label
/// scores per node (row `node`), `excluded` is a label never chosen (the root label).
pub(crate) fn relabel(
    heads: &[u32],
    labels: &mut [u16],
    scores: &[i32],
    label_count: usize,
    classes: &[Class],
    excluded: u16,
    nodes: usize,
) {
    let class_of = |label: u16| classes.get(label as usize).copied().unwrap_or(Class::Other);
    // Subjects and objects per head; most sentences have no conflict at all.
    let mut counts = vec![(0u8, 0u8); nodes];
    for node in 1..nodes {
        if let Some(count) = counts.get_mut(heads[node] as usize) {
            match class_of(labels[node]) {
                Class::Subject => count.0 = count.0.saturating_add(1),
                Class::Object => count.1 = count.1.saturating_add(1),
                Class::Other => {}
            }
        }
    }
    let mut children: Vec<usize> = Vec::new();
    let mut options: Vec<[(u16, i32); CANDIDATES]> = Vec::new();
    for (head, &(subjects, objects)) in counts.iter().enumerate() {
        if subjects <= 1 && objects <= 1 {
            continue;
        }
        children.clear();
        children.extend((1..nodes).filter(|&node| {
            heads[node] as usize == head && class_of(labels[node]) != Class::Other
        }));
        if children.len() > MAX_CHILDREN {
            continue;
        }
        options.clear();
        for &child in &children {
            let Some(row) = scores.get(child * label_count..(child + 1) * label_count) else {
                return;
            };
            let mut best = [(labels[child], i32::MIN); CANDIDATES];
            for (label, &score) in row.iter().enumerate() {
                let label = label as u16;
                if label == excluded {
                    continue;
                }
                if let Some(slot) = best.iter().position(|&(_, other)| score > other) {
                    best[slot..].rotate_right(1);
                    best[slot] = (label, score);
                }
            }
            options.push(best);
        }
        let count = children.len();
        let total = CANDIDATES.pow(count as u32);
        let mut chosen: Option<(i64, usize)> = None;
        for combination in 0..total {
            let (mut code, mut sum, mut subjects, mut objects) = (combination, 0i64, 0, 0);
            let mut valid = true;
            for option in &options {
                let (label, score) = option[code % CANDIDATES];
                code /= CANDIDATES;
                if score == i32::MIN {
                    valid = false;
                    break;
                }
                match class_of(label) {
                    Class::Subject => subjects += 1,
                    Class::Object => objects += 1,
                    Class::Other => {}
                }
                sum += i64::from(score);
            }
            if valid && subjects <= 1 && objects <= 1 && chosen.is_none_or(|(best, _)| sum > best) {
                chosen = Some((sum, combination));
            }
        }
        if let Some((_, mut code)) = chosen {
            for (option, &child) in options.iter().zip(&children) {
                labels[child] = option[code % CANDIDATES].0;
                code /= CANDIDATES;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn second_subject_takes_its_next_best_label() {
        let labels: Vec<String> = ["root", "nsubj", "obj", "obl", "nmod"]
            .iter()
            .map(|label| label.to_string())
            .collect();
        let classes = classes(&labels);
        // Root -> 2 (verb); 1 and 3 both nsubj of 2, 3 less sure and obj second.
        let heads = [0, 2, 0, 2];
        let mut assigned = [0u16, 1, 0, 1];
        #[rustfmt::skip]
        let scores = [
            0, 0, 0, 0, 0,
            -5, 50, 10, 0, -3,
            90, 0, 0, 0, 0,
            -5, 30, 25, 5, 0,
        ];
        relabel(&heads, &mut assigned, &scores, 5, &classes, 0, 4);
        assert_eq!(assigned, [0, 1, 0, 2]);
        // Two objects, the second one would rather be an oblique than a subject.
        let mut assigned = [0u16, 2, 0, 2];
        #[rustfmt::skip]
        let scores = [
            0, 0, 0, 0, 0,
            0, 10, 60, 0, 0,
            90, 0, 0, 0, 0,
            0, 5, 40, 35, 0,
        ];
        relabel(&heads, &mut assigned, &scores, 5, &classes, 0, 4);
        assert_eq!(assigned, [0, 2, 0, 3]);
        // No conflict: nothing changes even where another label scores higher.
        let mut assigned = [0u16, 1, 0, 4];
        relabel(&heads, &mut assigned, &scores, 5, &classes, 0, 4);
        assert_eq!(assigned, [0, 1, 0, 4]);
    }
}
