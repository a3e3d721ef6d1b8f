//! Synthetic projects at any scale, deterministic from a seed (for benchmarks and trying the app).
//!
//! [`generate`] builds a complete, valid [`Project`] from a [`Spec`] (how many of each
//! thing) and a seed: priorities, areas of need, outcomes, resident voices, measures
//! with observations in every [`Period`] form and unit, baselines, targets and
//! milestones, comparators, annotations, action plans with key actions, owners, dates,
//! RAG ratings, progress notes and outcome links, partner pledges and missions.
//! The same spec and seed always give the same project (the generator has its own
//! small PRNG, so the output does not depend on any crate's version).
//!
//! The generator is a tool for benchmarks, tests and examples, not part of the app: it is built
//! only with the `synthetic` feature (which the crate's own tests, benches and examples turn on).
//! The word lists it draws names from are in `words`.
//!
//! The figures are made up and say so: the programme title starts with "Synthetic",
//! every observation is [`ValueStatus::Illustrative`] with the note `"synthetic"`.

mod measures;
mod plans;
mod programme;
mod rng;
mod words;

pub use rng::Rng;

use crate::model::{FORMAT_VERSION, Programme, Project};
use programme::Gen;

/// The note every synthetic observation carries.
pub const SYNTHETIC_NOTE: &str = "synthetic";

/// The programme's horizon year.
pub const HORIZON_YEAR: i32 = 2040;

/// A preset size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scale {
    /// About the size of the real sample (5 priorities, ~40 outcomes, ~60 actions).
    Sample,
    /// Ten times the sample's content.
    SampleX10,
    /// A big county's programme: 60 outcomes, 300 measures with ten years of monthly values,
    /// 3,000 actions.
    County,
    /// A stress test: 1,000 outcomes, 500 measures × 1,000 observations, 20,000 actions.
    Large,
}

impl Scale {
    pub const ALL: [Scale; 4] = [Scale::Sample, Scale::SampleX10, Scale::County, Scale::Large];

    /// The name used on the command line and in benchmark ids.
    pub fn name(self) -> &'static str {
        match self {
            Scale::Sample => "sample",
            Scale::SampleX10 => "sample-x10",
            Scale::County => "county",
            Scale::Large => "large",
        }
    }

    /// The scale called `name` (`sample`, `sample-x10`, `county`, `large`).
    pub fn from_name(name: &str) -> Option<Scale> {
        Scale::ALL.into_iter().find(|s| s.name() == name)
    }

    /// How many of each thing this scale has.
    pub fn spec(self) -> Spec {
        match self {
            Scale::Sample => Spec {
                priorities: 5,
                needs: 7,
                outcomes: 40,
                voices: 60,
                measures: 20,
                observations_per_measure: 8,
                monthly: false,
                headline_measures: 6,
                sources: 5,
                action_plans: 2,
                actions: 60,
                pledges: 8,
                missions: 3,
            },
            Scale::SampleX10 => Spec {
                priorities: 10,
                needs: 10,
                outcomes: 400,
                voices: 600,
                measures: 100,
                observations_per_measure: 16,
                monthly: false,
                headline_measures: 6,
                sources: 10,
                action_plans: 4,
                actions: 600,
                pledges: 80,
                missions: 10,
            },
            Scale::County => Spec {
                priorities: 6,
                needs: 8,
                outcomes: 60,
                voices: 120,
                measures: 300,
                observations_per_measure: 120,
                monthly: true,
                headline_measures: 6,
                sources: 12,
                action_plans: 6,
                actions: 3_000,
                pledges: 40,
                missions: 6,
            },
            Scale::Large => Spec {
                priorities: 40,
                needs: 12,
                outcomes: 1_000,
                voices: 4_000,
                measures: 500,
                observations_per_measure: 1_000,
                monthly: false,
                headline_measures: 6,
                sources: 20,
                action_plans: 10,
                actions: 20_000,
                pledges: 200,
                missions: 40,
            },
        }
    }
}

/// How many of each thing a synthetic project has.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spec {
    pub priorities: usize,
    /// Areas of need.
    pub needs: usize,
    pub outcomes: usize,
    /// Resident-voice statements.
    pub voices: usize,
    pub measures: usize,
    /// Observations in each measure's own series (comparators add a thinner series).
    pub observations_per_measure: usize,
    /// Every series is monthly (otherwise the period forms vary with the series' length).
    pub monthly: bool,
    /// How many measures are on the Trends dashboard's first row (at most `measures`).
    pub headline_measures: usize,
    pub sources: usize,
    pub action_plans: usize,
    /// Actions across all plans (the first plan is the largest).
    pub actions: usize,
    pub pledges: usize,
    pub missions: usize,
}

impl Default for Spec {
    fn default() -> Self {
        Scale::Sample.spec()
    }
}

/// A synthetic project of a preset scale.
pub fn generate_scale(scale: Scale, seed: u64) -> Project {
    let mut p = generate(&scale.spec(), seed);
    p.programme.title = format!("Synthetic programme ({} scale, seed {seed})", scale.name());
    p
}

/// A synthetic project with the counts in `spec`, the same for the same seed.
pub fn generate(spec: &Spec, seed: u64) -> Project {
    let mut g = Gen {
        rng: Rng::new(seed),
    };
    let sources = g.sources(spec.sources);
    let priorities = g.priorities(spec.priorities);
    let needs = g.needs(spec.needs);
    let voices = g.voices(spec.voices);
    let mut outcomes = g.outcomes(spec, &priorities, &needs, &voices);
    let measures = g.measures(spec, &sources, &mut outcomes);
    let action_plans = g.action_plans(spec, &outcomes);
    let pledges = g.pledges(spec.pledges, &outcomes, &sources);
    let missions = g.missions(spec.missions, &outcomes);
    Project {
        format_version: FORMAT_VERSION,
        programme: Programme {
            title: format!("Synthetic programme (seed {seed})"),
            organisation: "Synthetic Borough Council".into(),
            area: String::new(),
            vision: "A place where everyone can thrive: a made-up vision for a made-up \
                     programme, generated to try Outcome Explorer at scale."
                .into(),
            horizon_year: HORIZON_YEAR,
            notes: "Synthetic data: every name, figure and date in this file was generated \
                    by outcome_explorer::synthetic and describes no real place. \
                    Observations are marked Illustrative."
                .into(),
        },
        sources,
        priorities,
        needs,
        outcomes,
        voices,
        measures,
        action_plans,
        pledges,
        missions,
        presentations: Vec::new(),
    }
}

/// The largest action plan's id and the reference of its middle action (for scrolling tests).
pub fn middle_action(project: &Project) -> Option<(String, String)> {
    let plan = project
        .action_plans
        .iter()
        .max_by_key(|p| (p.actions.len(), std::cmp::Reverse(p.id.clone())))?;
    let a = plan.actions.get(plan.actions.len() / 2)?;
    Some((plan.id.clone(), a.reference.clone()))
}

/// The measure a large chart opens: the first headline measure, or the first measure.
pub fn headline_measure(project: &Project) -> Option<String> {
    let order = project.measures_in_dashboard_order();
    order.first().map(|&i| project.measures[i].id.clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Period, ValueStatus};
    use crate::{file, validate};

    fn assert_valid(p: &Project) {
        let issues = validate::validate(p);
        assert!(
            issues.is_empty(),
            "{} issues, first: {:?}",
            issues.len(),
            &issues[..issues.len().min(5)]
        );
    }

    #[test]
    fn sample_is_valid_and_about_the_size_of_the_real_sample() {
        let p = generate_scale(Scale::Sample, 1);
        assert_valid(&p);
        assert_eq!(p.priorities.len(), 5);
        assert_eq!(p.needs.len(), 7);
        assert_eq!(p.outcomes.len(), 40);
        assert_eq!(p.voices.len(), 60);
        assert_eq!(p.measures.len(), 20);
        assert_eq!(p.observation_count(), 160);
        assert_eq!(p.action_plans.len(), 2);
        assert_eq!(p.action_count(), 60);
        assert!(p.programme.title.starts_with("Synthetic"));
        for m in &p.measures {
            for o in &m.observations {
                assert_eq!(o.status, ValueStatus::Illustrative);
                assert_eq!(o.note, SYNTHETIC_NOTE);
            }
        }
    }

    #[test]
    fn sample_x10_is_valid() {
        let p = generate_scale(Scale::SampleX10, 7);
        assert_valid(&p);
        assert_eq!(p.outcomes.len(), 400);
        assert_eq!(p.action_count(), 600);
    }

    #[test]
    fn county_has_ten_years_of_monthly_values() {
        let p = generate_scale(Scale::County, 2);
        assert_valid(&p);
        assert_eq!(p.outcomes.len(), 60);
        assert_eq!(p.measures.len(), 300);
        assert_eq!(p.action_count(), 3_000);
        for m in &p.measures {
            assert_eq!(m.observations.len(), 120, "{}", m.id);
            assert!(
                m.observations
                    .iter()
                    .all(|o| matches!(o.period, Period::Month { .. }))
            );
        }
    }

    #[test]
    fn same_seed_same_project_other_seed_other_project() {
        let a = generate_scale(Scale::Sample, 42);
        assert_eq!(a, generate_scale(Scale::Sample, 42));
        assert_ne!(a.outcomes, generate_scale(Scale::Sample, 43).outcomes);
    }

    #[test]
    fn round_trips_through_the_file_format() {
        let p = generate_scale(Scale::Sample, 3);
        let text = file::to_text(&p);
        let back = file::parse(&text, "synthetic.ron").unwrap();
        assert_eq!(back, p);
    }

    #[test]
    fn every_period_form_and_several_units_appear() {
        let p = generate_scale(Scale::Sample, 1);
        let mut forms = std::collections::HashSet::new();
        let mut units = std::collections::HashSet::new();
        for m in &p.measures {
            units.insert(
                format!("{:?}", m.unit)
                    .split('(')
                    .next()
                    .unwrap()
                    .to_string(),
            );
            for o in &m.observations {
                forms.insert(std::mem::discriminant(&o.period));
            }
        }
        assert_eq!(forms.len(), 6, "all six period forms");
        assert!(units.len() >= 6, "{units:?}");
        assert!(p.measures.iter().any(|m| !m.comparators.is_empty()));
        assert!(p.measures.iter().any(|m| !m.annotations.is_empty()));
        let actions = p.action_plans.iter().flat_map(|pl| &pl.actions);
        assert!(actions.clone().any(|a| !a.key_actions.is_empty()));
        assert!(actions.clone().any(|a| !a.progress.is_empty()));
        assert!(actions.clone().any(|a| !a.outcomes.is_empty()));
        assert!(!p.pledges.is_empty() && !p.missions.is_empty());
    }

    #[test]
    fn custom_spec_handles_small_and_empty_counts() {
        let spec = Spec {
            priorities: 1,
            needs: 1,
            outcomes: 1,
            voices: 0,
            measures: 3,
            observations_per_measure: 1,
            monthly: false,
            headline_measures: 10,
            sources: 0,
            action_plans: 3,
            actions: 2,
            pledges: 1,
            missions: 1,
        };
        let p = generate(&spec, 9);
        assert_valid(&p);
        assert_eq!(p.action_count(), 2);
        let empty = Spec {
            priorities: 0,
            needs: 0,
            outcomes: 0,
            voices: 0,
            measures: 0,
            observations_per_measure: 0,
            monthly: false,
            headline_measures: 0,
            sources: 0,
            action_plans: 0,
            actions: 0,
            pledges: 0,
            missions: 0,
        };
        assert_valid(&generate(&empty, 0));
    }

    #[test]
    fn middle_action_is_in_the_largest_plan() {
        let p = generate_scale(Scale::Sample, 1);
        let (plan, reference) = middle_action(&p).unwrap();
        let pl = p.plan(&plan).unwrap();
        assert!(
            p.action_plans
                .iter()
                .all(|o| o.actions.len() <= pl.actions.len())
        );
        assert_eq!(pl.actions[pl.actions.len() / 2].reference, reference);
        assert_eq!(headline_measure(&p).as_deref(), Some("measure-1"));
    }

    #[test]
    #[ignore = "builds the large project (a few seconds in release); run with --ignored"]
    fn large_is_valid() {
        let p = generate_scale(Scale::Large, 1);
        assert_valid(&p);
        assert_eq!(p.priorities.len(), 40);
        assert_eq!(p.outcomes.len(), 1_000);
        assert_eq!(p.voices.len(), 4_000);
        assert_eq!(p.observation_count(), 500_000);
        assert_eq!(p.action_count(), 20_000);
    }
}
