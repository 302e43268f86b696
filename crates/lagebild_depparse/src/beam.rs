//! Beam search over transition sequences, shared by parsing and (globally normalised,
//! max-violation) training.
//!
//! Every arc-hybrid derivation of an `n`-token sentence has exactly `2n` transitions, so
//! all hypotheses of a beam stay in step and finish together.

use crate::system::{ACTIONS, LEFT, RIGHT, SHIFT, State};

/// What the search asks of a model.
pub(crate) trait Scorer {
    /// Scores of the three actions in `state` (illegal ones are skipped by the caller).
    fn actions(&mut self, state: &State, out: &mut [f64; ACTIONS]);
    /// The label of the arc `head -> dependent` about to be added in `state`.
    fn label(&mut self, state: &State, head: u32, dependent: u32) -> u16;
}

/// One partial derivation.
#[derive(Debug, Default)]
pub(crate) struct Hyp {
    pub state: State,
    pub score: f64,
    /// Actions and arc labels so far.
    pub history: Vec<(u8, u16)>,
    /// Whether every action so far was the reference action.
    pub gold: bool,
}

/// The live hypotheses (best first after each step) with buffers reused across sentences.
#[derive(Debug, Default)]
pub(crate) struct Beam {
    hyps: Vec<Hyp>,
    len: usize,
    next: Vec<Hyp>,
    candidates: Vec<(f64, usize, usize)>,
}

impl Beam {
    pub fn reset(&mut self, tokens: usize) {
        if self.hyps.is_empty() {
            self.hyps.push(Hyp::default());
        }
        let hyp = &mut self.hyps[0];
        hyp.state.reset(tokens);
        hyp.score = 0.0;
        hyp.history.clear();
        hyp.gold = true;
        self.len = 1;
    }

    pub fn best(&self) -> &Hyp {
        &self.hyps[0]
    }

    pub fn is_terminal(&self) -> bool {
        self.hyps[0].state.is_terminal()
    }

    /// Expands every hypothesis by its legal actions and keeps the `width` best;
    /// `reference` is the action that keeps the reference derivation (training).
    pub fn step(&mut self, width: usize, scorer: &mut impl Scorer, reference: Option<usize>) {
        let Beam {
            hyps,
            len,
            next,
            candidates,
        } = self;
        candidates.clear();
        let mut scores = [0.0f64; ACTIONS];
        for (index, hyp) in hyps[..*len].iter().enumerate() {
            if hyp.state.is_terminal() {
                continue;
            }
            scorer.actions(&hyp.state, &mut scores);
            for action in [SHIFT, LEFT, RIGHT] {
                if hyp.state.is_legal(action) {
                    candidates.push((hyp.score + scores[action], index, action));
                }
            }
        }
        if candidates.is_empty() {
            return;
        }
        candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
        candidates.truncate(width.max(1));
        while next.len() < candidates.len() {
            next.push(Hyp::default());
        }
        for (slot, &(score, parent, action)) in candidates.iter().enumerate() {
            let parent = &hyps[parent];
            let hyp = &mut next[slot];
            hyp.state.copy_from(&parent.state);
            hyp.history.clone_from(&parent.history);
            hyp.score = score;
            hyp.gold = parent.gold && reference == Some(action);
            let label = match hyp.state.arc(action) {
                Some((head, dependent)) if action != SHIFT => {
                    scorer.label(&hyp.state, head, dependent)
                }
                _ => 0,
            };
            hyp.history.push((action as u8, label));
            hyp.state.apply(action, label);
        }
        std::mem::swap(hyps, next);
        *len = candidates.len();
    }
}
