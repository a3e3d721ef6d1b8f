//! What a valid file may hold that is likely a slip in where its figures come from. A chart
//! drawn from such a file would imply something no source says: a target with no source and
//! no working looks as if a document set it; a value called measured whose note says it was
//! derived is drawn as if a source stated it; a period the note calls inferred is drawn as if
//! the source dated it. None of these stops a file from opening.
//!
//! The notes are read for a few English phrases ("derived", "placed at the year of…"); a note
//! in another language is not read, so a warning missing is not a proof of honesty.

use super::{Issue, item_path, num};
use crate::model::{
    Basis, Disagreement, Measure, Observation, Project, Target, TargetKind, ValueStatus,
};

/// Phrases in a note that say the value was worked out rather than stated.
const DERIVED: [&str; 5] = ["derived", "calculated", "computed", "worked out", "sum of"];

/// Phrases in a note that say the period was chosen rather than given.
const PERIOD_CHOSEN: [&str; 9] = [
    "inferred",
    "placed at",
    "undated",
    "not dated",
    "period not stated",
    "period is not stated",
    "year is not stated",
    "no year is given",
    "no date",
];

/// Every warning about the project, in file order (empty when there is none).
pub fn warnings(project: &Project) -> Vec<Issue> {
    first_warnings(project, usize::MAX).0
}

/// The first `limit` warnings about the project, in file order, and how many there are in
/// all. Only the listed ones are written out, so a project with a warning on each of half a
/// million values is counted quickly.
pub fn first_warnings(project: &Project, limit: usize) -> (Vec<Issue>, usize) {
    let mut out = Sink {
        listed: Vec::new(),
        limit,
        count: 0,
        lower: String::new(),
    };
    for (i, m) in project.measures.iter().enumerate() {
        measure(&mut out, &|| item_path("measures", i, &m.id), m);
    }
    (out.listed, out.count)
}

/// Collects warnings, writing out only the first `limit`.
struct Sink {
    listed: Vec<Issue>,
    limit: usize,
    count: usize,
    /// The note being read, in lower case (one buffer for every note).
    lower: String,
}

impl Sink {
    fn push(&mut self, path: impl FnOnce() -> String, message: impl FnOnce() -> String) {
        self.count += 1;
        if self.listed.len() < self.limit {
            self.listed.push(Issue {
                path: path(),
                message: message(),
            });
        }
    }
}

fn measure(out: &mut Sink, base: &dyn Fn() -> String, m: &Measure) {
    series(
        out,
        &|k| format!("{} observation {k}", base()),
        &m.observations,
    );
    for (c, comparator) in m.comparators.iter().enumerate() {
        series(
            out,
            &|k| format!("{} comparator {} observation {k}", base(), c + 1),
            &comparator.observations,
        );
    }
    for (k, t) in m.targets.iter().enumerate() {
        target(out, &|| format!("{} target {}", base(), k + 1), t);
    }
    for (k, d) in m.disagreements.iter().enumerate() {
        disagreement(out, &|| format!("{} disagreement {}", base(), k + 1), d);
    }
}

/// The first of `phrases` that `lower` (a note in lower case) holds.
fn mentions(lower: &str, phrases: &[&'static str]) -> Option<&'static str> {
    phrases.iter().copied().find(|p| lower.contains(p))
}

/// Illustrative values are not real figures, so only their lack of a mark matters: they are
/// skipped (which also keeps a large synthetic project quick to check).
fn series(out: &mut Sink, path: &dyn Fn(usize) -> String, observations: &[Observation]) {
    for (k, o) in observations.iter().enumerate() {
        if o.status == ValueStatus::Illustrative {
            continue;
        }
        let path = || path(k + 1);
        let basis = o.basis();
        if basis == Basis::Unsourced {
            out.push(path, || {
                format!(
                    "{} for {} has no source and no working (name the source that gives it, or \
                     say in `working` how it was worked out)",
                    num(o.value),
                    o.period
                )
            });
        }
        let check_derived = o.status == ValueStatus::Measured && !basis.is_worked_out();
        let check_period = !o.is_period_inferred();
        if o.note.is_empty() || !(check_derived || check_period) {
            continue;
        }
        let mut lower = std::mem::take(&mut out.lower);
        lower.clear();
        // The phrases are ASCII, so ASCII case is all that needs folding.
        lower.push_str(&o.note);
        lower.make_ascii_lowercase();
        if check_derived && let Some(word) = mentions(&lower, &DERIVED) {
            out.push(path, || {
                format!(
                    "status is Measured but the note says the value was {word:?}: say how in \
                     `working` (the chart then marks it as worked out), or give another status"
                )
            });
        }
        if check_period && let Some(word) = mentions(&lower, &PERIOD_CHOSEN) {
            out.push(path, || {
                format!(
                    "the note says the period was not given by the source ({word:?}): say why \
                     in `period_inferred`, so the chart marks it as inferred"
                )
            });
        }
        out.lower = lower;
    }
}

fn target(out: &mut Sink, path: &dyn Fn() -> String, t: &Target) {
    if t.basis() == Basis::Unsourced {
        let kind = match t.kind {
            TargetKind::Target => "target",
            TargetKind::Milestone => "milestone",
        };
        out.push(path, || {
            format!(
                "the {} {kind} of {} has no source and no working (name the source that states \
                 it, or say in `working` how it was worked out)",
                t.year,
                num(t.value)
            )
        });
    }
}

fn disagreement(out: &mut Sink, path: &dyn Fn() -> String, d: &Disagreement) {
    if d.claims.len() < 2 {
        out.push(path, || {
            format!(
                "a disagreement needs two or more claims (it has {})",
                d.claims.len()
            )
        });
    }
    if d.about.trim().is_empty() {
        out.push(path, || {
            "`about` is empty (say in a few words what the sources disagree on)".into()
        });
    }
    for (c, claim) in d.claims.iter().enumerate() {
        if claim.says.trim().is_empty() && claim.value.is_none() && claim.trend.is_none() {
            out.push(
                || format!("{} claim {}", path(), c + 1),
                || {
                    "the claim says nothing (give what the source says: `says`, `value` or \
                     `trend`)"
                        .into()
                },
            );
        }
    }
}
