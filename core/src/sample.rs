//! Deterministic sample responses: personas for tests, fixtures for the team view's end-to-end
//! tests, and inputs for the benchmark. A tiny xorshift generator keeps this dependency-free.

use crate::instrument::{Instrument, ItemKind, Owner, Role, Slot, CHECKLIST_ANSWERS, CHECKLIST_YES};
use crate::response::{Answer, Response};

/// A seeded xorshift64* generator: reproducible across machines, good enough for samples.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// Uniform in `0..n` (n > 0).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }
}

/// The healthiest answer to every item a role sees: a mature, trusting co-managed setup.
pub fn healthy(role: Role) -> Response {
    healthy_in(Instrument::current(), role)
}

/// [`healthy`] for a given instrument version.
pub fn healthy_in(i: &'static Instrument, role: Role) -> Response {
    let mut r = Response::new(i, Some(role));
    for item in i.items_for(role) {
        match item.kind {
            ItemKind::Likert { reverse } => r.set(Slot(item.slot), Answer::Likert(if reverse { 1 } else { 5 })),
            ItemKind::Choice { options, scores, .. } => {
                let best = if scores.is_empty() {
                    // Context: a relationship more than a year old in a mid-sized company.
                    (options.len() as u8).saturating_sub(2)
                } else {
                    (0..scores.len()).max_by_key(|&k| (scores[k], std::cmp::Reverse(k))).unwrap_or(0) as u8
                };
                r.set(Slot(item.slot), Answer::Choice(best));
            }
            ItemKind::Matrix { .. } => {
                for (k, key) in item.slots().enumerate() {
                    let owner = [Owner::Msp, Owner::InternalIt, Owner::Shared, Owner::Vendor][k % 4];
                    r.set(key, Answer::Owner(owner));
                }
            }
            ItemKind::Checklist { .. } => {
                for key in item.slots() {
                    r.set(key, Answer::Choice(CHECKLIST_YES));
                }
            }
        }
    }
    r
}

/// "Don't know" to everything a role sees (context included).
pub fn dont_know(role: Role) -> Response {
    dont_know_in(Instrument::current(), role)
}

/// [`dont_know`] for a given instrument version.
pub fn dont_know_in(i: &'static Instrument, role: Role) -> Response {
    let mut r = Response::new(i, Some(role));
    for item in i.items_for(role) {
        match item.kind {
            ItemKind::Likert { .. } => r.set(Slot(item.slot), Answer::DontKnow),
            ItemKind::Choice { options, .. } => r.set(Slot(item.slot), Answer::Choice(options.len() as u8 - 1)),
            ItemKind::Matrix { .. } => {
                for key in item.slots() {
                    r.set(key, Answer::Owner(Owner::DontKnow));
                }
            }
            ItemKind::Checklist { .. } => {
                for key in item.slots() {
                    r.set(key, Answer::Choice(CHECKLIST_ANSWERS.len() as u8 - 1));
                }
            }
        }
    }
    r
}

/// A random but valid response: every item the role sees is answered, skipped or "don't know".
pub fn random(rng: &mut Rng, role: Role) -> Response {
    random_in(Instrument::current(), rng, role)
}

/// [`random`] for a given instrument version.
pub fn random_in(i: &'static Instrument, rng: &mut Rng, role: Role) -> Response {
    let mut r = Response::new(i, Some(role));
    for item in i.items_for(role) {
        for key in item.slots() {
            if rng.below(10) == 0 {
                continue;
            }
            let answer = match item.kind {
                ItemKind::Likert { .. } => match rng.below(if item.not_applicable { 7 } else { 6 }) {
                    5 => Answer::DontKnow,
                    6 => Answer::NotApplicable,
                    v => Answer::Likert(v as u8 + 1),
                },
                ItemKind::Choice { options, .. } => Answer::Choice(rng.below(options.len() as u64) as u8),
                ItemKind::Matrix { owners, .. } => Answer::Owner(owners[rng.below(owners.len() as u64) as usize]),
                ItemKind::Checklist { .. } => Answer::Choice(rng.below(CHECKLIST_ANSWERS.len() as u64) as u8),
            };
            r.set(key, answer);
        }
    }
    r
}

/// A random response in which every question the role sees is answered with a scored answer
/// (no skips, no Don't know): someone who answered everything.
pub fn complete(rng: &mut Rng, role: Role) -> Response {
    let i = Instrument::current();
    let mut r = Response::new(i, Some(role));
    for item in i.items_for(role) {
        let options = scored_answers(item);
        for key in item.slots() {
            r.set(key, options[rng.below(options.len() as u64) as usize]);
        }
    }
    r
}

/// Every answer to an item's key that is not Don't know or Not applicable (for a context item,
/// every band), in the order the screen shows them.
pub fn scored_answers(item: &crate::instrument::Item) -> Vec<Answer> {
    match item.kind {
        ItemKind::Likert { .. } => (1..=5).map(Answer::Likert).collect(),
        ItemKind::Choice { options, .. } => (0..options.len() as u8)
            .filter(|i| !matches!(options[*i as usize], "dk" | "na"))
            .map(Answer::Choice)
            .collect(),
        ItemKind::Matrix { owners, .. } => {
            owners.iter().filter(|o| **o != Owner::DontKnow).map(|o| Answer::Owner(*o)).collect()
        }
        ItemKind::Checklist { .. } => {
            vec![Answer::Choice(CHECKLIST_YES), Answer::Choice(crate::instrument::CHECKLIST_NO)]
        }
    }
}

/// The same answer everywhere a role is asked: each question's first scored option, or its last.
pub fn extreme(role: Role, last: bool) -> Response {
    let i = Instrument::current();
    let mut r = Response::new(i, Some(role));
    for item in i.items_for(role) {
        let options = scored_answers(item);
        let a = if last { options[options.len() - 1] } else { options[0] };
        for key in item.slots() {
            r.set(key, a);
        }
    }
    r
}

/// A random response for a random role.
pub fn random_any(rng: &mut Rng) -> Response {
    let role = Role::ALL[rng.below(4) as usize];
    random(rng, role)
}

/// Text holding `n` random full result links, the roles in turn, one per line, as a facilitator
/// would paste them (tests of the team view).
pub fn team_links_text(n: usize) -> String {
    let mut rng = Rng::new(n as u64);
    (0..n)
        .map(|k| {
            let r = random(&mut rng, Role::ALL[k % Role::ALL.len()]);
            format!("https://x.example/#r={}\n", crate::share::encode_full(&r).unwrap_or_default())
        })
        .collect()
}
