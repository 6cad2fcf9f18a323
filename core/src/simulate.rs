//! A latent-trait simulation of the instrument: simulated respondents, a per role × dimension
//! table of reliability and validity, and a study of how well the barrier point finds the true one.
//!
//! The model is the one in `MEASUREMENT.md` (shared across the project so figures are comparable):
//! one standard-normal trait per dimension and person, higher = healthier; every scored answer
//! unit responds to y = 0.6 × trait + 0.8 × noise, cut into ordered categories. Everything here is
//! pure and deterministic for a seed, so the figures can be printed by an example and checked in
//! tests.
//!
//! What each item kind does lives in three exhaustive matches, so a new kind makes the compiler
//! point at every place it has to be taught: [`ladder`] (its categories and their scores, which
//! gives the expected score), [`answer_for`] (how a drawn category becomes an answer) and
//! [`item_score`] (what an answer is worth, mirroring [`score`]).

use crate::aggregate::cronbach_alpha;
use crate::instrument::{Dimension, Instrument, Item, ItemKind, Owner, Role, Slot, CHECKLIST_NO, CHECKLIST_YES};
use crate::response::{Answer, Response};
use crate::sample::Rng;
use crate::scoring::{score, Report, BARRIER_THRESHOLD};

/// How strongly every scored answer follows the trait (its loading).
pub const LOADING: f64 = 0.6;
/// The weight of the answer's own noise; 0.6² + 0.8² = 1, so y is standard normal.
pub const NOISE: f64 = 0.8;
/// Where y is cut into the five Likert categories, least healthy first.
pub const LIKERT_CUTS: [f64; 4] = [-1.5, -0.5, 0.3, 1.2];
/// A matrix area is answered with a named owner when y is above this, else Nobody.
pub const NAMED_CUT: f64 = -1.0;
/// The correlation between any two dimensions' traits in the barrier study.
pub const BARRIER_CORRELATION: f64 = 0.5;

/// A standard normal deviate from two uniforms (Box-Muller, cosine branch).
///
/// The second deviate the method could give is dropped, so each call consumes exactly two draws
/// and a sequence of calls depends only on the seed. Uniforms take the top 53 bits of a draw
/// (xorshift's low bits are its weakest); the first is shifted into (0, 1] so its log is finite.
pub fn normal(rng: &mut Rng) -> f64 {
    const SCALE: f64 = 1.0 / (1u64 << 53) as f64;
    let u1 = ((rng.next_u64() >> 11) as f64 + 1.0) * SCALE;
    let u2 = (rng.next_u64() >> 11) as f64 * SCALE;
    (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
}

/// The standard normal distribution function Φ(x).
///
/// Φ(x) = (1 + erf(x / √2)) / 2, with erf from Abramowitz and Stegun 7.1.26 (absolute error
/// below 1.5e-7, so Φ is within 1e-7), applied to |x| and mirrored, since the formula holds for
/// x ≥ 0 only.
pub fn normal_cdf(x: f64) -> f64 {
    let z = x.abs() / std::f64::consts::SQRT_2;
    let t = 1.0 / (1.0 + 0.327_591_1 * z);
    let poly =
        t * (0.254_829_592 + t * (-0.284_496_736 + t * (1.421_413_741 + t * (-1.453_152_027 + t * 1.061_405_429))));
    let erf = 1.0 - poly * (-z * z).exp();
    if x >= 0.0 {
        0.5 * (1.0 + erf)
    } else {
        0.5 * (1.0 - erf)
    }
}

/// One answer unit's latent response: y = 0.6 × trait + 0.8 × noise, in the healthy direction.
pub fn latent(trait_value: f64, rng: &mut Rng) -> f64 {
    LOADING * trait_value + NOISE * normal(rng)
}

/// The thresholds of a scored choice item with `k` scored options.
///
/// MEASUREMENT.md says "equally spaced thresholds between -1 and 1"; this reads it as thresholds
/// that include both ends: k - 1 thresholds at `linspace(-1, 1, k - 1)` when k ≥ 3 (so 3 options
/// cut at -1 and 1, 4 at -1, 0, 1, 5 at -1, -1/3, 1/3, 1), one threshold at 0 when k = 2 (the
/// two ends cannot both be used), and none when k ≤ 1.
pub fn choice_cuts(k: usize) -> Vec<f64> {
    match k {
        0 | 1 => Vec::new(),
        2 => vec![0.0],
        _ => (0..k - 1).map(|j| -1.0 + 2.0 * j as f64 / (k - 2) as f64).collect(),
    }
}

/// The ordered categories of one answer unit: y falls into category j when it is above exactly j
/// of the `cuts`, and category j is worth `scores[j]` (0-100, the item-score scale).
#[derive(Clone, Debug, PartialEq)]
pub struct Ladder {
    /// The thresholds on y, in ascending order.
    pub cuts: Vec<f64>,
    /// The score of each category, least healthy first; there is one more than there are cuts.
    pub scores: Vec<f64>,
}

impl Ladder {
    /// The category a latent response falls into, 0 = least healthy.
    pub fn category(&self, y: f64) -> usize {
        self.cuts.iter().filter(|c| y > **c).count()
    }

    /// The probability of each category for a person with this trait: the normal distribution of
    /// y (mean 0.6 × trait, sd 0.8) between consecutive cuts.
    pub fn probabilities(&self, trait_value: f64) -> Vec<f64> {
        let below = |cut: f64| normal_cdf((cut - LOADING * trait_value) / NOISE);
        let mut edges = vec![0.0];
        edges.extend(self.cuts.iter().map(|c| below(*c)));
        edges.push(1.0);
        edges.windows(2).map(|w| w[1] - w[0]).collect()
    }

    /// The expected score of the unit given the trait.
    pub fn expected(&self, trait_value: f64) -> f64 {
        self.probabilities(trait_value).iter().zip(&self.scores).map(|(p, s)| p * s).sum()
    }
}

/// The options of a scored choice item that can be drawn, least healthy first: every option but
/// "Don't know" (the last one, or any scored below zero, as [`worth`] reads them), ordered by
/// score, ties in display order.
pub fn scored_options(options: &[&str], scores: &[i8]) -> Vec<u8> {
    let mut order: Vec<u8> =
        (0..scores.len()).filter(|&i| i + 1 < options.len() && scores[i] >= 0).map(|i| i as u8).collect();
    order.sort_by_key(|&i| scores[i as usize]);
    order
}

/// How an item's answer units are categorised and scored, `None` for unscored (context) items.
///
/// Every unit of an item (the one answer of a Likert or choice item, each area of the matrix)
/// follows the same ladder, and with every unit answered the item score is the mean of its
/// units' scores (the matrix's 100 × named / (named + nobody) is exactly that). So an item's
/// expected score given the trait is its ladder's expectation.
pub fn ladder(kind: &ItemKind) -> Option<Ladder> {
    match kind {
        ItemKind::Likert { .. } => {
            Some(Ladder { cuts: LIKERT_CUTS.to_vec(), scores: vec![0.0, 25.0, 50.0, 75.0, 100.0] })
        }
        ItemKind::Choice { scores: [], .. } => None,
        ItemKind::Choice { options, scores, .. } => {
            let order = scored_options(options, scores);
            Some(Ladder {
                cuts: choice_cuts(order.len()),
                scores: order.iter().map(|&i| scores[i as usize] as f64).collect(),
            })
        }
        ItemKind::Matrix { .. } => Some(Ladder { cuts: vec![NAMED_CUT], scores: vec![0.0, 100.0] }),
        // MEASUREMENT.md predates checklists: each part is read as a two-option choice (cut at
        // 0, "not in writing" below it), the reading of "equally spaced thresholds" for k = 2.
        ItemKind::Checklist { .. } => Some(Ladder { cuts: choice_cuts(2), scores: vec![0.0, 100.0] }),
    }
}

/// The expected item score given the trait (`None` for unscored items).
pub fn expected_item_score(kind: &ItemKind, trait_value: f64) -> Option<f64> {
    ladder(kind).map(|l| l.expected(trait_value))
}

/// The fixed answers to the unscored context items, as option indices. A caller picks the phase
/// through `months` (0 = months 0-2 .. 3 = more than a year); the default is a relationship of
/// more than a year (Optimization) in a company of 40-75 people.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Context {
    /// Option index of `ctx_months`.
    pub months: u8,
    /// Option index of `ctx_size`.
    pub size: u8,
}

impl Default for Context {
    fn default() -> Context {
        Context { months: 3, size: 1 }
    }
}

impl Context {
    /// The option given to a context item, by what the scoring reads from it.
    pub fn option(&self, item: &Item) -> u8 {
        match item.context {
            Some(crate::instrument::Context::Months) => self.months,
            Some(crate::instrument::Context::Size) => self.size,
            None => 0,
        }
    }
}

/// The owner named in a matrix area, when the area has one: the four real owners in turn by area,
/// because which owner is named does not change the score.
fn named_owner(area: usize) -> Owner {
    [Owner::Msp, Owner::InternalIt, Owner::Shared, Owner::Vendor][area % 4]
}

/// The answers one item gets from a person whose trait on the item's dimension is `trait_value`,
/// as (answer key, answer) pairs: one for most kinds, one per area for the matrix.
///
/// This is the one place that knows how each kind turns the latent response into an answer; it
/// draws its own y, one per answer unit. Non-answers ("Don't know", and any future "Not
/// applicable") are never drawn: the model describes people who answer. A Likert category c is
/// the healthy-direction response, so it is answered c + 1, or 5 - c on a reverse-keyed item.
pub fn answer_for(item: &'static Item, trait_value: f64, context: &Context, rng: &mut Rng) -> Vec<(Slot, Answer)> {
    let first = Slot(item.slot);
    let Some(ladder) = ladder(&item.kind) else {
        return vec![(first, Answer::Choice(context.option(item)))];
    };
    match item.kind {
        ItemKind::Likert { reverse } => {
            let c = ladder.category(latent(trait_value, rng)) as u8;
            vec![(first, Answer::Likert(if reverse { 5 - c } else { c + 1 }))]
        }
        ItemKind::Choice { options, scores, .. } => {
            let c = ladder.category(latent(trait_value, rng));
            vec![(first, Answer::Choice(scored_options(options, scores)[c]))]
        }
        ItemKind::Matrix { .. } => item
            .slots()
            .enumerate()
            .map(|(area, slot)| {
                let named = ladder.category(latent(trait_value, rng)) == 1;
                (slot, Answer::Owner(if named { named_owner(area) } else { Owner::Nobody }))
            })
            .collect(),
        ItemKind::Checklist { .. } => item
            .slots()
            .map(|slot| {
                let written = ladder.category(latent(trait_value, rng)) == 1;
                (slot, Answer::Choice(if written { CHECKLIST_YES } else { CHECKLIST_NO }))
            })
            .collect(),
    }
}

/// A simulated person's full response: every item the role is shown, answered from `traits`
/// (indexed by [`Dimension::index`]); context items get `context`'s answers.
pub fn respondent(
    instrument: &Instrument,
    role: Role,
    traits: &[f64; 9],
    context: &Context,
    rng: &mut Rng,
) -> Response {
    let mut response = Response::new(instrument, Some(role));
    for item in instrument.items_for(role) {
        let trait_value = item.dimension.map_or(0.0, |d| traits[d.index()]);
        for (key, answer) in answer_for(item, trait_value, context, rng) {
            response.set(key, answer);
        }
    }
    response
}

/// What an item's answers are worth, 0-100, exactly as [`score`] counts them (`None` when the
/// item is unscored, unanswered or answered "Don't know"): the matrix and a checklist are one
/// item each, scored over their answered rows.
pub fn item_score(item: &'static Item, response: &Response) -> Option<f64> {
    crate::scoring::item_score(item, response).0
}

/// The scored items of one dimension that a role is shown, in instrument order.
pub fn scored_items(instrument: &Instrument, role: Role, dimension: Dimension) -> Vec<&'static Item> {
    instrument.items_for(role).filter(|i| i.dimension == Some(dimension) && i.is_scored()).collect()
}

/// A person's true score on a dimension: the expected product score given the trait, i.e. the
/// mean over the role's scored items of each item's expected score (the product averages item
/// scores the same way). `None` when the role has no scored item there.
pub fn true_score(items: &[&'static Item], trait_value: f64) -> Option<f64> {
    let expected: Vec<f64> = items.iter().filter_map(|i| expected_item_score(&i.kind, trait_value)).collect();
    (!expected.is_empty()).then(|| expected.iter().sum::<f64>() / expected.len() as f64)
}

/// Ranks 1..=n with ties given the average of the ranks they span.
pub fn ranks(xs: &[f64]) -> Vec<f64> {
    let mut order: Vec<usize> = (0..xs.len()).collect();
    order.sort_by(|&a, &b| xs[a].total_cmp(&xs[b]));
    let mut out = vec![0.0; xs.len()];
    let mut start = 0;
    while start < order.len() {
        let mut end = start + 1;
        while end < order.len() && xs[order[end]] == xs[order[start]] {
            end += 1;
        }
        // Positions start..end hold equal values; each gets the mean of ranks start+1 ..= end.
        let rank = (start + 1 + end) as f64 / 2.0;
        for &i in &order[start..end] {
            out[i] = rank;
        }
        start = end;
    }
    out
}

/// Pearson's correlation, `None` when undefined (unequal lengths, fewer than two pairs, or a
/// side without variance).
pub fn pearson(x: &[f64], y: &[f64]) -> Option<f64> {
    if x.len() != y.len() || x.len() < 2 {
        return None;
    }
    let n = x.len() as f64;
    let (mx, my) = (x.iter().sum::<f64>() / n, y.iter().sum::<f64>() / n);
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (a, b) in x.iter().zip(y) {
        sxy += (a - mx) * (b - my);
        sxx += (a - mx).powi(2);
        syy += (b - my).powi(2);
    }
    (sxx > 0.0 && syy > 0.0).then(|| sxy / (sxx * syy).sqrt())
}

/// Spearman's rank correlation: Pearson's over average ranks, so ties are handled exactly.
pub fn spearman(x: &[f64], y: &[f64]) -> Option<f64> {
    pearson(&ranks(x), &ranks(y))
}

fn mean_sd(xs: &[f64]) -> (f64, f64) {
    let n = xs.len() as f64;
    let mean = xs.iter().sum::<f64>() / n;
    let var = if xs.len() > 1 { xs.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (n - 1.0) } else { 0.0 };
    (mean, var.sqrt())
}

/// Reliability and validity of one dimension's score for one role.
#[derive(Clone, Debug, PartialEq)]
pub struct Cell {
    pub role: Role,
    pub dimension: Dimension,
    /// Scored items the role sees in the dimension (the matrix counts as one).
    pub k: usize,
    /// Simulated people whose dimension the product scored.
    pub n: usize,
    /// Cronbach's alpha over the role's item scores (0-100) in the dimension, complete data;
    /// `None` when undefined (a single item, or no variance).
    pub alpha: Option<f64>,
    /// Spearman's correlation between the product's dimension score and the simulated trait;
    /// 0 when undefined (a score that never varies says nothing about the trait).
    pub spearman: f64,
    /// Sample standard deviation of the product's dimension scores.
    pub sd: f64,
    /// Standard error of a score: sd × √(1 - alpha), alpha clamped to [0, 1] and read as 0 when
    /// undefined.
    pub se: f64,
    /// Mean of the product's dimension scores.
    pub mean: f64,
}

/// The per role × dimension table: `n_per_role` simulated people per role, each with nine
/// independent standard-normal traits (so each dimension is simulated on its own), answering
/// everything the role is shown with the default [`Context`].
///
/// A cell is reported for a (role, dimension) pair when the role sees at least one scored item of
/// the dimension and the product's report scores the dimension for more than half of the people;
/// its figures are over the people it scored. (With every item answered, that is every pair where
/// the role sees at least the version's `min_answered` scored items.) Dimension scores are the product's own
/// [`score`], so the figures describe what users see, rounding included.
pub fn validity(instrument: &Instrument, n_per_role: usize, seed: u64) -> Vec<Cell> {
    let mut rng = Rng::new(seed);
    let context = Context::default();
    let mut cells = Vec::new();
    for role in Role::ALL {
        let items: Vec<Vec<&'static Item>> =
            Dimension::ALL.iter().map(|d| scored_items(instrument, role, *d)).collect();
        // Per dimension: (trait, product score) pairs and complete rows of item scores.
        let mut pairs: Vec<(Vec<f64>, Vec<f64>)> = vec![(Vec::new(), Vec::new()); 9];
        let mut rows: Vec<Vec<Vec<f64>>> = vec![Vec::new(); 9];
        for _ in 0..n_per_role {
            let traits: [f64; 9] = std::array::from_fn(|_| normal(&mut rng));
            let response = respondent(instrument, role, &traits, &context, &mut rng);
            let report = score(instrument, &response);
            for d in Dimension::ALL.into_iter().filter(|d| !items[d.index()].is_empty()) {
                if let Some(s) = report.dimension(d).score {
                    pairs[d.index()].0.push(traits[d.index()]);
                    pairs[d.index()].1.push(s as f64);
                }
                // Alpha is over complete rows (listwise): a person missing any item score is left
                // out. Simulated people answer everything, so this only guards future kinds.
                let row: Option<Vec<f64>> = items[d.index()].iter().map(|i| item_score(i, &response)).collect();
                rows[d.index()].extend(row);
            }
        }
        for d in Dimension::ALL {
            let (traits, scores) = &pairs[d.index()];
            if items[d.index()].is_empty() || scores.len() * 2 <= n_per_role {
                continue;
            }
            let alpha = cronbach_alpha(&rows[d.index()]);
            let (mean, sd) = mean_sd(scores);
            cells.push(Cell {
                role,
                dimension: d,
                k: items[d.index()].len(),
                n: scores.len(),
                alpha,
                spearman: spearman(scores, traits).unwrap_or(0.0),
                sd,
                se: sd * (1.0 - alpha.unwrap_or(0.0).clamp(0.0, 1.0)).sqrt(),
                mean,
            });
        }
    }
    cells
}

/// The people simulated per role and the seed of the published validity table and of the
/// precision tables the product reads (`instrument/precision/v<N>.toml`).
pub const VALIDITY_N: usize = 2000;
pub const VALIDITY_SEED: u64 = 2026;

/// A precision table as the build script reads it: each cell's items, alpha and SD, rounded
/// (alpha to 3 decimals, SD to 1), written by `examples/validity.rs --write`.
pub fn precision_toml(instrument: &Instrument, cells: &[Cell]) -> String {
    let mut out = format!(
        "# The simulated precision of instrument v{}'s scores (METHODOLOGY.md), read by the build.\n\
         # Written by `cargo run -p overlap-core --release --example validity -- --write`; a test\n\
         # checks it against the simulation, so edit the instrument, not this file.\n",
        instrument.version
    );
    for c in cells {
        out.push_str(&format!(
            "\n[[cell]]\nrole = \"{}\"\ndimension = \"{}\"\nitems = {}\nalpha = {:.3}\nsd = {:.1}\n",
            c.role.id(),
            c.dimension.id(),
            c.k,
            c.alpha.unwrap_or(0.0).clamp(0.0, 0.999),
            c.sd
        ));
    }
    out
}

/// The barrier rule the product uses: the report's own barrier point, whatever named it.
pub fn product_barrier(report: &Report) -> Option<Dimension> {
    report.barrier
}

/// The product's barrier where its scores name it ([`BarrierReason::Below`]); a barrier named by
/// a critical answer is a policy (one answer decides, METHODOLOGY.md), not an estimate of the
/// first failing trait, so the validity claim is made for the score-named ones.
///
/// [`BarrierReason::Below`]: crate::scoring::BarrierReason::Below
pub fn score_barrier(report: &Report) -> Option<Dimension> {
    report.barrier.filter(|_| report.barrier_reason == Some(crate::scoring::BarrierReason::Below))
}

/// How one role's reports name the barrier, against the true barrier.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BarrierRow {
    /// The role simulated, or `None` for the total over all roles.
    pub role: Option<Role>,
    /// How many people were simulated.
    pub n: usize,
    /// Reports that name a barrier.
    pub named: usize,
    /// Reports that name the true barrier.
    pub correct: usize,
    /// People who have a true barrier.
    pub truly_blocked: usize,
    /// People with a true barrier whose report names none.
    pub missed: usize,
    /// Reports naming a barrier for a person with none.
    pub false_alarms: usize,
    /// How often each dimension is named (the headline), by [`Dimension::index`].
    pub named_as: [usize; 9],
    /// How often each dimension is the true barrier.
    pub true_as: [usize; 9],
}

impl BarrierRow {
    /// Share of reports that name a barrier.
    pub fn named_share(&self) -> f64 {
        self.named as f64 / self.n.max(1) as f64
    }

    /// Of the reports naming a barrier, the share naming the true one (`None` when none names one).
    pub fn correct_share(&self) -> Option<f64> {
        (self.named > 0).then(|| self.correct as f64 / self.named as f64)
    }
}

/// The barrier study's result: one row per role.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BarrierStudy {
    pub rows: Vec<BarrierRow>,
}

impl BarrierStudy {
    /// The rows summed over all roles.
    pub fn total(&self) -> BarrierRow {
        let mut t = BarrierRow::default();
        for r in &self.rows {
            t.n += r.n;
            t.named += r.named;
            t.correct += r.correct;
            t.truly_blocked += r.truly_blocked;
            t.missed += r.missed;
            t.false_alarms += r.false_alarms;
            for d in 0..9 {
                t.named_as[d] += r.named_as[d];
                t.true_as[d] += r.true_as[d];
            }
        }
        t
    }
}

/// Compares a barrier rule with the true barrier, `n_per_role` simulated people per role.
///
/// Traits are correlated at 0.5 (trait_d = √0.5 × g + √0.5 × e_d, with g shared by the person), as
/// MEASUREMENT.md prescribes for this study. The true barrier is the first dimension, in
/// prerequisite order and among those the role is scored on (at least the version's `min_answered` scored
/// items), whose [`true_score`] is below `BARRIER_THRESHOLD`. `named` is the rule under test, given
/// the product's report of the simulated answers; [`product_barrier`] is the product's own.
pub fn barrier_study(
    instrument: &Instrument,
    n_per_role: usize,
    seed: u64,
    named: impl Fn(&Report) -> Option<Dimension>,
) -> BarrierStudy {
    let mut rng = Rng::new(seed);
    let context = Context::default();
    let (shared, own) = (BARRIER_CORRELATION.sqrt(), (1.0 - BARRIER_CORRELATION).sqrt());
    let mut rows = Vec::new();
    for role in Role::ALL {
        let items: Vec<Vec<&'static Item>> =
            Dimension::ALL.iter().map(|d| scored_items(instrument, role, *d)).collect();
        let mut row = BarrierRow { role: Some(role), n: n_per_role, ..BarrierRow::default() };
        for _ in 0..n_per_role {
            let g = normal(&mut rng);
            let traits: [f64; 9] = std::array::from_fn(|_| shared * g + own * normal(&mut rng));
            let response = respondent(instrument, role, &traits, &context, &mut rng);
            let said = named(&score(instrument, &response));
            let truth = Dimension::ALL.into_iter().find(|d| {
                let items = &items[d.index()];
                items.len() >= instrument.min_answered as usize
                    && true_score(items, traits[d.index()]).is_some_and(|s| s < BARRIER_THRESHOLD as f64)
            });
            if let Some(d) = said {
                row.named += 1;
                row.named_as[d.index()] += 1;
            }
            if let Some(d) = truth {
                row.truly_blocked += 1;
                row.true_as[d.index()] += 1;
            }
            match (said, truth) {
                (Some(s), Some(t)) if s == t => row.correct += 1,
                (None, Some(_)) => row.missed += 1,
                (Some(_), None) => row.false_alarms += 1,
                _ => {}
            }
        }
        rows.push(row);
    }
    BarrierStudy { rows }
}

#[cfg(test)]
mod tests;
