//! Checks of meaning that the file's syntax cannot express: unique ids, references
//! that resolve, values that fit their unit, targets that make sense.
//!
//! [`validate`] reports every problem, not just the first. Each [`Issue`] names the
//! item the way a person would find it in the file or the app:
//!
//! - `programme`, `format_version`
//! - `outcomes "afford-home"`: an item by its id;
//! - `priorities[2]`: an item by its 1-based position, when its id is empty or
//!   shared with an earlier item (a duplicate);
//! - `measures "ta-households" observation 3`, `measures "m" target 2`,
//!   `measures "m" comparator 1 observation 4`, `measures "m" baseline`,
//!   `measures "m" status_override`, `measures "m" annotation 1`,
//!   `measures "m" disagreement 1 claim 2`: parts of a measure, 1-based;
//! - `action_plans "cpc-2024" action "R3"` (or `action 3` when the reference is
//!   empty or repeated), `action_plans "cpc-2024" action "R3" progress 2`.
//!
//! [`warnings()`] reports what is valid but likely a slip: a target that names neither a
//! source nor a working, a value called measured whose note says it was derived. Warnings
//! never stop a file from opening.
//!
//! The checks are linear in the size of the project (hash sets for ids, one pass
//! over each series), so validating a project with half a million observations
//! takes a few milliseconds.

use crate::model::{
    ActionPlan, FORMAT_VERSION, Measure, Mission, Observation, Outcome, Period, Pledge, Project,
    Target, Unit,
};
use chrono::Datelike;
use std::collections::{HashMap, HashSet};

mod warnings;
pub use warnings::{first_warnings, warnings};

/// One problem of meaning, with the path of the item it is in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issue {
    /// e.g. `measures "ta-households" observation 3`
    pub path: String,
    pub message: String,
}

/// The horizon years accepted as plausible.
pub const HORIZON_YEARS: std::ops::RangeInclusive<i32> = 1900..=2200;

/// How many years after the horizon year a target may be set.
pub const TARGET_YEARS_AFTER_HORIZON: i32 = 50;

/// Every problem in the project (empty when it is valid).
pub fn validate(project: &Project) -> Vec<Issue> {
    let mut v = Validator {
        issues: Vec::new(),
        horizon_year: project.programme.horizon_year,
    };
    v.format_version(project.format_version);
    v.programme(project);

    let ids = Ids {
        sources: v.ids("sources", &project.sources, |s| &s.id),
        priorities: v.ids("priorities", &project.priorities, |p| &p.id),
        needs: v.ids("needs", &project.needs, |n| &n.id),
        outcomes: v.ids("outcomes", &project.outcomes, |o| &o.id),
        voices: v.ids("voices", &project.voices, |x| &x.id),
        measures: v.ids("measures", &project.measures, |m| &m.id),
    };
    v.ids("action_plans", &project.action_plans, |p| &p.id);
    v.ids("pledges", &project.pledges, |p| &p.id);
    v.ids("missions", &project.missions, |m| &m.id);

    for (i, o) in project.outcomes.iter().enumerate() {
        v.outcome(&ids, i, o);
    }
    for (i, m) in project.measures.iter().enumerate() {
        v.measure(&ids, i, m);
    }
    for (i, p) in project.action_plans.iter().enumerate() {
        v.action_plan(&ids, i, p);
    }
    for (i, p) in project.pledges.iter().enumerate() {
        v.pledge(&ids, i, p);
    }
    for (i, m) in project.missions.iter().enumerate() {
        v.mission(&ids, i, m);
    }
    v.issues.extend(crate::deck::check::check(project));
    v.issues
}

/// Why `id` is not a valid id, or `None` when it is.
pub fn id_problem(id: &str) -> Option<String> {
    if id.is_empty() {
        return Some("id is empty".into());
    }
    let ok = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '-' | '_' | '.');
    if id.chars().all(ok) {
        None
    } else {
        Some(format!(
            "id {id:?} may only contain lowercase letters, digits, '-', '_' and '.'"
        ))
    }
}

/// The ids of each kind that other items refer to.
struct Ids<'a> {
    sources: HashSet<&'a str>,
    priorities: HashSet<&'a str>,
    needs: HashSet<&'a str>,
    outcomes: HashSet<&'a str>,
    voices: HashSet<&'a str>,
    measures: HashSet<&'a str>,
}

struct Validator {
    issues: Vec<Issue>,
    horizon_year: i32,
}

/// How a top-level item is named: `kind "id"`, or `kind[n]` (1-based) without an id.
fn item_path(kind: &str, index: usize, id: &str) -> String {
    if id.is_empty() {
        format!("{kind}[{}]", index + 1)
    } else {
        format!("{kind} {id:?}")
    }
}

/// How a value is written in messages: as in the file, without a needless ".0".
fn num(v: f64) -> String {
    format!("{v}")
}

impl Validator {
    fn push(&mut self, path: String, message: String) {
        self.issues.push(Issue { path, message });
    }

    fn format_version(&mut self, version: u32) {
        if !(1..=FORMAT_VERSION).contains(&version) {
            self.push(
                "format_version".into(),
                format!("format version {version} is not valid (expected 1 to {FORMAT_VERSION})"),
            );
        }
    }

    fn programme(&mut self, project: &Project) {
        let p = &project.programme;
        if p.title.trim().is_empty() {
            self.push(
                "programme".into(),
                "title is empty (give the programme a title)".into(),
            );
        }
        if !HORIZON_YEARS.contains(&p.horizon_year) {
            self.push(
                "programme".into(),
                format!(
                    "horizon year {} is not plausible (expected {} to {})",
                    p.horizon_year,
                    HORIZON_YEARS.start(),
                    HORIZON_YEARS.end()
                ),
            );
        }
    }

    /// Check that each id of a kind is well formed and unique; return the set of them.
    fn ids<'a, T>(
        &mut self,
        kind: &str,
        items: &'a [T],
        id: impl Fn(&'a T) -> &'a str,
    ) -> HashSet<&'a str> {
        let mut first: HashMap<&'a str, usize> = HashMap::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            let id = id(item);
            if let Some(why) = id_problem(id) {
                self.push(item_path(kind, i, id), why);
            }
            if id.is_empty() {
                continue;
            }
            if let Some(&j) = first.get(id) {
                self.push(
                    format!("{kind}[{}]", i + 1),
                    format!("duplicate id {id:?} (also {kind}[{}])", j + 1),
                );
            } else {
                first.insert(id, i);
            }
        }
        first.into_keys().collect()
    }

    /// Check that `id` names an item of the kind (`what` is its singular name).
    fn reference(
        &mut self,
        path: &dyn Fn() -> String,
        what: &str,
        id: &str,
        known: &HashSet<&str>,
    ) {
        if id.is_empty() {
            self.push(
                path(),
                format!("{what} is empty (expected the id of a {what})"),
            );
        } else if !known.contains(id) {
            self.push(path(), format!("{what} {id:?} does not exist"));
        }
    }

    /// Check a list of references: each resolves and none is repeated.
    fn references(
        &mut self,
        path: &dyn Fn() -> String,
        what: &str,
        ids: &[String],
        known: &HashSet<&str>,
    ) {
        for id in ids {
            self.reference(path, what, id, known);
        }
        for id in repeated(ids) {
            self.push(path(), format!("{what} {id:?} is listed more than once"));
        }
    }

    fn optional_source(&mut self, path: &dyn Fn() -> String, source: &Option<String>, ids: &Ids) {
        if let Some(s) = source {
            self.reference(path, "source", s, &ids.sources);
        }
    }

    /// Check that a value fits its unit (the rule typed values obey too, in
    /// [`crate::format::fits_unit`]). `what` prefixes the message.
    fn value(&mut self, path: &dyn Fn() -> String, what: &str, v: f64, unit: &Unit) {
        use crate::format::Misfit;
        let message = match crate::format::fits_unit(v, unit) {
            Ok(()) => return,
            Err(Misfit::NotFinite) => format!("{what}{} is not a finite number", num(v)),
            Err(Misfit::NotAPercentage) => {
                format!("{what}{} is not a percentage (expected 0 to 100)", num(v))
            }
            Err(Misfit::NegativeCount) => {
                let of = match unit {
                    Unit::Households => " households",
                    Unit::People => " people",
                    Unit::Children => " children",
                    Unit::Homes => " homes",
                    _ => "",
                };
                format!(
                    "{what}{} is negative (expected a count: 0 or more{of})",
                    num(v)
                )
            }
        };
        self.push(path(), message);
    }

    fn outcome(&mut self, ids: &Ids, i: usize, o: &Outcome) {
        let path = || item_path("outcomes", i, &o.id);
        self.reference(&path, "priority", &o.priority, &ids.priorities);
        self.reference(&path, "need", &o.need, &ids.needs);
        self.references(&path, "voice", &o.voices, &ids.voices);
        self.references(&path, "measure", &o.measures, &ids.measures);
    }

    fn measure(&mut self, ids: &Ids, i: usize, m: &Measure) {
        let base = || item_path("measures", i, &m.id);
        if !m.tolerance_percent.is_finite() || !(0.0..=100.0).contains(&m.tolerance_percent) {
            self.push(
                base(),
                format!(
                    "tolerance_percent {} is not a percentage (expected 0 to 100)",
                    num(m.tolerance_percent)
                ),
            );
        }
        self.series(ids, &base, "", &m.observations, &m.unit);
        for (c, comparator) in m.comparators.iter().enumerate() {
            let prefix = format!(" comparator {}", c + 1);
            self.series(ids, &base, &prefix, &comparator.observations, &m.unit);
        }
        if let Some(b) = &m.baseline {
            let path = || format!("{} baseline", base());
            self.value(&path, "", b.value, &m.unit);
        }
        self.targets(ids, &base, m);
        for (k, a) in m.annotations.iter().enumerate() {
            let path = || format!("{} annotation {}", base(), k + 1);
            self.optional_source(&path, &a.source, ids);
        }
        for (k, d) in m.disagreements.iter().enumerate() {
            for (c, claim) in d.claims.iter().enumerate() {
                let path = || format!("{} disagreement {} claim {}", base(), k + 1, c + 1);
                self.reference(&path, "source", &claim.source, &ids.sources);
                if let Some(v) = claim.value {
                    self.value(&path, "", v, &m.unit);
                }
            }
        }
        if let Some(s) = &m.status_override
            && s.reason.trim().is_empty()
        {
            self.push(
                format!("{} status_override", base()),
                "reason is empty (say why the status was set by hand)".into(),
            );
        }
    }

    /// Observations of a measure or comparator: values, sources, one per period.
    fn series(
        &mut self,
        ids: &Ids,
        base: &dyn Fn() -> String,
        prefix: &str,
        observations: &[Observation],
        unit: &Unit,
    ) {
        for (k, o) in observations.iter().enumerate() {
            let path = || format!("{}{prefix} observation {}", base(), k + 1);
            self.value(&path, "", o.value, unit);
            self.optional_source(&path, &o.source, ids);
        }
        for (k, j) in duplicate_periods(observations) {
            self.push(
                format!("{}{prefix} observation {}", base(), k + 1),
                format!(
                    "duplicate period {} (also observation {})",
                    observations[k].period,
                    j + 1
                ),
            );
        }
    }

    fn targets(&mut self, ids: &Ids, base: &dyn Fn() -> String, m: &Measure) {
        let first: Option<Period> = m
            .observations
            .iter()
            .map(|o| o.period)
            .min_by_key(period_key);
        let latest_year = self.horizon_year.saturating_add(TARGET_YEARS_AFTER_HORIZON);
        let mut years: HashMap<i32, usize> = HashMap::with_capacity(m.targets.len());
        for (k, t) in m.targets.iter().enumerate() {
            let path = || format!("{} target {}", base(), k + 1);
            self.value(&path, "", t.value, &m.unit);
            self.optional_source(&path, &t.source, ids);
            self.target_year(&path, t, first, latest_year);
            if let Some(&j) = years.get(&t.year) {
                self.push(
                    path(),
                    format!("duplicate target year {} (also target {})", t.year, j + 1),
                );
            } else {
                years.insert(t.year, k);
            }
        }
    }

    fn target_year(
        &mut self,
        path: &dyn Fn() -> String,
        t: &Target,
        first: Option<Period>,
        latest_year: i32,
    ) {
        if let Some(first) = first
            && t.year < period_key(&first).0
        {
            self.push(
                path(),
                format!(
                    "target year {} is before the first observation ({first})",
                    t.year
                ),
            );
        }
        if t.year > latest_year {
            self.push(
                path(),
                format!(
                    "target year {} is more than {TARGET_YEARS_AFTER_HORIZON} years after the \
                     horizon year {} (expected {latest_year} or earlier)",
                    t.year, self.horizon_year
                ),
            );
        }
    }

    fn action_plan(&mut self, ids: &Ids, i: usize, plan: &ActionPlan) {
        let base = || item_path("action_plans", i, &plan.id);
        let mut first: HashMap<&str, usize> = HashMap::with_capacity(plan.actions.len());
        for (k, a) in plan.actions.iter().enumerate() {
            let reference = a.reference.as_str();
            let duplicate_of = if reference.is_empty() {
                None
            } else {
                match first.get(reference) {
                    Some(&j) => Some(j),
                    None => {
                        first.insert(reference, k);
                        None
                    }
                }
            };
            let path = || {
                if reference.is_empty() || duplicate_of.is_some() {
                    format!("{} action {}", base(), k + 1)
                } else {
                    format!("{} action {reference:?}", base())
                }
            };
            if reference.trim().is_empty() {
                self.push(path(), "reference is empty (e.g. \"R1\" or \"2.3\")".into());
            }
            if let Some(j) = duplicate_of {
                self.push(
                    path(),
                    format!("duplicate reference {reference:?} (also action {})", j + 1),
                );
            }
            self.references(&path, "outcome", &a.outcomes, &ids.outcomes);
            for (n, note) in a.progress.iter().enumerate() {
                if note.text.trim().is_empty() {
                    self.push(
                        format!("{} progress {}", path(), n + 1),
                        "progress note text is empty".into(),
                    );
                }
            }
        }
    }

    fn pledge(&mut self, ids: &Ids, i: usize, p: &Pledge) {
        let path = || item_path("pledges", i, &p.id);
        self.references(&path, "outcome", &p.outcomes, &ids.outcomes);
        self.optional_source(&path, &p.source, ids);
    }

    fn mission(&mut self, ids: &Ids, i: usize, m: &Mission) {
        let path = || item_path("missions", i, &m.id);
        self.references(&path, "outcome", &m.outcomes, &ids.outcomes);
    }
}

/// Entries that repeat an earlier one. Lists are usually short (an action's
/// outcomes), so short ones are compared directly rather than hashed.
fn repeated(ids: &[String]) -> Vec<&String> {
    if ids.len() <= 16 {
        (1..ids.len())
            .filter(|&k| ids[..k].contains(&ids[k]))
            .map(|k| &ids[k])
            .collect()
    } else {
        let mut seen: HashSet<&str> = HashSet::with_capacity(ids.len());
        ids.iter().filter(|id| !seen.insert(id.as_str())).collect()
    }
}

/// Pairs `(later, earlier)` of observation indexes with the same period.
fn duplicate_periods(observations: &[Observation]) -> Vec<(usize, usize)> {
    // Series are usually in time order: when every period starts after the one
    // before, no two can be equal and no hashing is needed.
    let in_order = observations
        .windows(2)
        .all(|w| period_key(&w[0].period) < period_key(&w[1].period));
    if in_order {
        return Vec::new();
    }
    // Otherwise sort by key (cheaper than hashing) and look for runs of equal
    // periods; the first of each run in file order is the original.
    let mut order: Vec<(PeriodKey, usize)> = observations
        .iter()
        .enumerate()
        .map(|(k, o)| (period_key(&o.period), k))
        .collect();
    order.sort_unstable();
    let mut out = Vec::new();
    for run in order.chunk_by(|a, b| a.0 == b.0) {
        let j = run[0].1;
        out.extend(run[1..].iter().map(|&(_, k)| (k, j)));
    }
    out.sort_unstable();
    out
}

/// Year, month and day a period starts on, then its kind and its quarter (or, for a run of
/// years, its last year).
type PeriodKey = (i32, u32, u32, u8, u32);

/// A cheap key that orders periods by their first day, then by kind. Two periods
/// have equal keys exactly when they are equal. Written without `Period::start` so
/// that it cannot panic on an out-of-range quarter made in code rather than read
/// from a file.
fn period_key(p: &Period) -> PeriodKey {
    let quarter_month = |q: u32| q.saturating_sub(1).saturating_mul(3).saturating_add(1);
    match *p {
        Period::Date(d) => (d.year(), d.month(), d.day(), 0, 0),
        Period::Month { year, month } => (year, month, 1, 1, 0),
        Period::Quarter { year, quarter } => (year, quarter_month(quarter), 1, 2, quarter),
        Period::Year(y) => (y, 1, 1, 3, 0),
        Period::FinancialYear(y) => (y, 4, 1, 4, 0),
        Period::Years { start, end } => (start, 1, 1, 6, end as u32),
        Period::FinancialQuarter {
            start_year,
            quarter,
        } => {
            let m = quarter_month(quarter).saturating_add(3);
            if m > 12 {
                (start_year.saturating_add(1), m - 12, 1, 5, quarter)
            } else {
                (start_year, m, 1, 5, quarter)
            }
        }
    }
}
