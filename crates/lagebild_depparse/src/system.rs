//! The arc-hybrid transition system (Kuhlmann, Gómez-Rodríguez and Satta 2011) with the
//! root at the bottom of the stack, and its dynamic oracle (Goldberg and Nivre 2013).
//!
//! Nodes: 0 is the root, `1..=n` the tokens, [`State::null`] (`n + 1`) "none". The root
//! receives exactly one dependent, and only when the buffer is empty, so every terminal
//! state is a tree with a single root. Arc-hybrid attaches a node only after it has
//! collected all its dependents, which the labeller relies on.

pub(crate) const SHIFT: usize = 0;
pub(crate) const LEFT: usize = 1;
pub(crate) const RIGHT: usize = 2;
pub(crate) const ACTIONS: usize = 3;

pub(crate) const NO_HEAD: u32 = u32::MAX;

#[derive(Debug, Default)]
pub(crate) struct State {
    pub stack: Vec<u32>,
    /// Front of the buffer; the buffer is `front..=n`, empty when `front == n + 1`.
    pub front: u32,
    pub heads: Vec<u32>,
    pub labels: Vec<u16>,
    pub leftmost: Vec<u32>,
    pub leftmost2: Vec<u32>,
    pub rightmost: Vec<u32>,
    pub rightmost2: Vec<u32>,
    pub left_count: Vec<u8>,
    pub right_count: Vec<u8>,
    /// Bit `l` set when the node has a dependent with label `l` (labels >= 63 share bit 63).
    pub label_set: Vec<u64>,
    count: u32,
}

impl State {
    pub fn reset(&mut self, count: usize) {
        let count = count as u32;
        self.count = count;
        let nodes = count as usize + 2;
        let null = count + 1;
        self.stack.clear();
        self.stack.push(0);
        self.front = 1;
        self.heads.clear();
        self.heads.resize(nodes, NO_HEAD);
        for column in [
            &mut self.leftmost,
            &mut self.leftmost2,
            &mut self.rightmost,
            &mut self.rightmost2,
        ] {
            column.clear();
            column.resize(nodes, null);
        }
        self.labels.clear();
        self.labels.resize(nodes, 0);
        self.left_count.clear();
        self.left_count.resize(nodes, 0);
        self.right_count.clear();
        self.right_count.resize(nodes, 0);
        self.label_set.clear();
        self.label_set.resize(nodes, 0);
    }

    /// Makes `self` a copy of `other`, reusing the buffers.
    pub fn copy_from(&mut self, other: &State) {
        self.stack.clone_from(&other.stack);
        self.front = other.front;
        self.heads.clone_from(&other.heads);
        self.labels.clone_from(&other.labels);
        self.leftmost.clone_from(&other.leftmost);
        self.leftmost2.clone_from(&other.leftmost2);
        self.rightmost.clone_from(&other.rightmost);
        self.rightmost2.clone_from(&other.rightmost2);
        self.left_count.clone_from(&other.left_count);
        self.right_count.clone_from(&other.right_count);
        self.label_set.clone_from(&other.label_set);
        self.count = other.count;
    }

    pub fn null(&self) -> u32 {
        self.count + 1
    }

    pub fn is_terminal(&self) -> bool {
        self.front > self.count && self.stack.len() == 1
    }

    fn buffer_empty(&self) -> bool {
        self.front > self.count
    }

    /// The `depth`th stack item from the top, or null.
    pub fn stack_at(&self, depth: usize) -> u32 {
        if depth < self.stack.len() {
            self.stack[self.stack.len() - 1 - depth]
        } else {
            self.null()
        }
    }

    /// The `offset`th buffer item, or null.
    pub fn buffer_at(&self, offset: u32) -> u32 {
        let node = self.front + offset;
        if node <= self.count {
            node
        } else {
            self.null()
        }
    }

    pub fn is_legal(&self, action: usize) -> bool {
        match action {
            SHIFT => !self.buffer_empty(),
            LEFT => !self.buffer_empty() && self.stack.len() >= 2,
            RIGHT => self.stack.len() >= 3 || (self.stack.len() == 2 && self.buffer_empty()),
            _ => false,
        }
    }

    /// Head and dependent of the arc `action` adds, if it adds one.
    pub fn arc(&self, action: usize) -> Option<(u32, u32)> {
        let top = *self.stack.last()?;
        match action {
            LEFT => Some((self.front, top)),
            RIGHT => Some((self.stack_at(1), top)),
            _ => None,
        }
    }

    /// Applies a legal action; `label` is the arc's label for arc actions.
    pub fn apply(&mut self, action: usize, label: u16) {
        if action == SHIFT {
            self.stack.push(self.front);
            self.front += 1;
            return;
        }
        let Some((head, dependent)) = self.arc(action) else {
            return;
        };
        self.stack.pop();
        self.add_arc(head, dependent, label);
    }

    fn add_arc(&mut self, head: u32, dependent: u32, label: u16) {
        let (h, d) = (head as usize, dependent as usize);
        self.heads[d] = head;
        self.labels[d] = label;
        self.label_set[h] |= 1u64 << u32::from(label.min(63));
        let null = self.null();
        if dependent < head {
            self.left_count[h] = self.left_count[h].saturating_add(1);
            if self.leftmost[h] == null || dependent < self.leftmost[h] {
                self.leftmost2[h] = self.leftmost[h];
                self.leftmost[h] = dependent;
            } else if self.leftmost2[h] == null || dependent < self.leftmost2[h] {
                self.leftmost2[h] = dependent;
            }
        } else {
            self.right_count[h] = self.right_count[h].saturating_add(1);
            if self.rightmost[h] == null || dependent > self.rightmost[h] {
                self.rightmost2[h] = self.rightmost[h];
                self.rightmost[h] = dependent;
            } else if self.rightmost2[h] == null || dependent > self.rightmost2[h] {
                self.rightmost2[h] = dependent;
            }
        }
    }

    /// The number of gold arcs (`gold[node]` = head, root 0) still reachable that `action`
    /// makes unreachable. Exact for projective gold trees.
    pub fn cost(&self, action: usize, gold: &[u32], on_stack: &[bool]) -> u32 {
        let in_buffer = |node: u32| node >= self.front && node <= self.count;
        let dependents_in_buffer = |node: u32| {
            (self.front..=self.count)
                .filter(|&candidate| gold[candidate as usize] == node)
                .count() as u32
        };
        match action {
            SHIFT => {
                let front = self.front;
                let top = self.stack_at(0);
                let lost_dependents = self
                    .stack
                    .iter()
                    .filter(|&&node| node != 0 && gold[node as usize] == front)
                    .count() as u32;
                let head = gold[front as usize];
                let lost_head = u32::from(head != top && on_stack[head as usize]);
                lost_dependents + lost_head
            }
            LEFT => {
                let top = self.stack_at(0);
                let head = gold[top as usize];
                let lost_head =
                    u32::from(head != self.front && (head == self.stack_at(1) || in_buffer(head)));
                lost_head + dependents_in_buffer(top)
            }
            RIGHT => {
                let top = self.stack_at(0);
                let head = gold[top as usize];
                u32::from(in_buffer(head)) + dependents_in_buffer(top)
            }
            _ => u32::MAX,
        }
    }
}
