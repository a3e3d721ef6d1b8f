//! Proptest strategies: random valid projects, with every period form, unit, status and
//! optional field, and awkward text throughout.

use chrono::NaiveDate;
use outcome_explorer::model::*;
use proptest::prelude::*;
use proptest::sample::{select, subsequence};

/// Characters that stress the file format: quotes, backslashes, newlines, tabs,
/// RON syntax, unicode of every width, emoji (incl. joiners), and a BOM.
const AWKWARD: &[char] = &[
    '"', '\'', '\\', '\n', '\r', '\t', '#', '(', ')', '[', ']', '{', '}', ',', ':', '/', '*', ' ',
    'é', 'ß', 'Ω', '中', 'ق', '😀', '👩', '\u{200d}', '💻', '\u{feff}', '\u{0}', '\u{7f}',
];

fn any_char() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => proptest::char::range('a', 'z'),
        3 => select(AWKWARD),
        1 => any::<char>(),
    ]
}

/// Any text, often empty.
pub fn arb_text() -> impl Strategy<Value = String> {
    prop_oneof![
        1 => Just(String::new()),
        1 => Just("r#\"raw\"#".to_string()),
        6 => proptest::collection::vec(any_char(), 0..16).prop_map(String::from_iter),
    ]
}

/// Text that is not empty or blank (titles, reasons, progress notes).
pub fn arb_nonblank_text() -> impl Strategy<Value = String> {
    arb_text().prop_map(|mut s| {
        if s.trim().is_empty() {
            s.push('x');
        }
        s
    })
}

/// `n` or fewer unique ids with the given prefix and random valid characters.
fn arb_ids(prefix: &'static str, max: usize) -> impl Strategy<Value = Vec<String>> {
    proptest::collection::vec("[a-z0-9._-]{0,6}", 0..=max).prop_map(move |tails| {
        tails
            .into_iter()
            .enumerate()
            .map(|(i, t)| format!("{prefix}{i}{t}"))
            .collect()
    })
}

fn arb_date() -> impl Strategy<Value = NaiveDate> {
    (1950i32..=2100, 1u32..=366).prop_map(|(y, d)| {
        NaiveDate::from_yo_opt(y, d).unwrap_or_else(|| NaiveDate::from_yo_opt(y, 365).unwrap())
    })
}

/// Every form of period, in years 1950 to 2100.
pub fn arb_period() -> impl Strategy<Value = Period> {
    let year = 1950i32..=2100;
    prop_oneof![
        arb_date().prop_map(Period::Date),
        (year.clone(), 1u32..=12).prop_map(|(year, month)| Period::Month { year, month }),
        (year.clone(), 1u32..=4).prop_map(|(year, quarter)| Period::Quarter { year, quarter }),
        year.clone().prop_map(Period::Year),
        year.clone().prop_map(Period::FinancialYear),
        (year.clone(), 1u32..=4).prop_map(|(start_year, quarter)| Period::FinancialQuarter {
            start_year,
            quarter
        }),
        (year, 1i32..=5).prop_map(|(start, n)| Period::Years {
            start,
            end: start + n
        }),
    ]
}

fn arb_unit() -> impl Strategy<Value = Unit> {
    prop_oneof![
        Just(Unit::Percent),
        Just(Unit::Count),
        Just(Unit::Households),
        Just(Unit::People),
        Just(Unit::Children),
        Just(Unit::Homes),
        Just(Unit::Pounds),
        Just(Unit::PoundsMillion),
        arb_text().prop_map(Unit::Other),
    ]
}

/// Any finite f64, including subnormals, -0.0 and extremes.
fn any_finite() -> BoxedStrategy<f64> {
    use proptest::num::f64 as F;
    (F::POSITIVE | F::NEGATIVE | F::NORMAL | F::SUBNORMAL | F::ZERO).boxed()
}

/// A value that fits `unit`.
pub fn arb_value(unit: &Unit) -> BoxedStrategy<f64> {
    match unit {
        Unit::Percent => prop_oneof![
            Just(0.0),
            Just(100.0),
            (0u32..=100).prop_map(f64::from),
            0.0f64..=100.0,
        ]
        .boxed(),
        Unit::Count | Unit::Households | Unit::People | Unit::Children | Unit::Homes => {
            prop_oneof![
                (0u32..1_000_000).prop_map(f64::from),
                0.0f64..1e9,
                nonnegative_finite(),
            ]
            .boxed()
        }
        _ => prop_oneof![
            (-1_000_000i32..1_000_000).prop_map(f64::from),
            -1e12f64..1e12,
            any_finite(),
        ]
        .boxed(),
    }
}

/// Any finite f64 that is not below zero, including subnormals and extremes.
fn nonnegative_finite() -> BoxedStrategy<f64> {
    use proptest::num::f64 as F;
    (F::POSITIVE | F::NORMAL | F::SUBNORMAL | F::ZERO).boxed()
}

fn arb_status() -> impl Strategy<Value = ValueStatus> {
    select(vec![
        ValueStatus::Measured,
        ValueStatus::Provisional,
        ValueStatus::Estimated,
        ValueStatus::Illustrative,
    ])
}

fn arb_rag() -> impl Strategy<Value = Rag> {
    select(Rag::ALL.to_vec())
}

fn arb_colour() -> impl Strategy<Value = Colour> {
    any::<(u8, u8, u8)>().prop_map(|(r, g, b)| Colour::rgb(r, g, b))
}

/// `None`, or one of `ids` (always `None` when there are none).
fn arb_opt_ref(ids: &[String]) -> BoxedStrategy<Option<String>> {
    if ids.is_empty() {
        Just(None).boxed()
    } else {
        proptest::option::of(select(ids.to_vec())).boxed()
    }
}

/// Some of `ids`, each at most once, in any order.
fn arb_refs(ids: &[String]) -> BoxedStrategy<Vec<String>> {
    let n = ids.len();
    subsequence(ids.to_vec(), 0..=n).prop_shuffle().boxed()
}

/// Mostly empty (as in most files), otherwise any text.
fn arb_rare_text() -> BoxedStrategy<String> {
    prop_oneof![4 => Just(String::new()), 1 => arb_text()].boxed()
}

fn arb_observation(unit: &Unit, sources: &[String]) -> BoxedStrategy<Observation> {
    (
        arb_period(),
        arb_value(unit),
        arb_status(),
        arb_opt_ref(sources),
        arb_text(),
        (arb_rare_text(), arb_rare_text()),
    )
        .prop_map(
            |(period, value, status, source, note, (working, period_inferred))| Observation {
                period,
                value,
                status,
                source,
                note,
                working,
                period_inferred,
            },
        )
        .boxed()
}

/// Disagreements of two or three claims, each citing one of `sources` (none without sources).
fn arb_disagreements(unit: &Unit, sources: &[String]) -> BoxedStrategy<Vec<Disagreement>> {
    if sources.is_empty() {
        return Just(vec![]).boxed();
    }
    let trend = select(vec![Trend::Rising, Trend::Falling, Trend::Steady]);
    let claim = (
        select(sources.to_vec()),
        arb_text(),
        proptest::option::of(arb_value(unit)),
        proptest::option::of(arb_period()),
        proptest::option::of(trend),
    )
        .prop_map(|(source, says, value, period, trend)| Claim {
            source,
            says,
            value,
            period,
            trend,
        });
    let disagreement = (
        arb_period(),
        arb_text(),
        proptest::collection::vec(claim, 2..=3),
        arb_text(),
    )
        .prop_map(|(period, about, claims, note)| Disagreement {
            period,
            about,
            claims,
            note,
        });
    proptest::collection::vec(disagreement, 0..=2).boxed()
}

/// Observations with no period repeated.
fn arb_series(unit: &Unit, sources: &[String], max: usize) -> BoxedStrategy<Vec<Observation>> {
    proptest::collection::vec(arb_observation(unit, sources), 0..=max)
        .prop_map(|mut v| {
            let mut seen = std::collections::HashSet::new();
            v.retain(|o| seen.insert(o.period));
            v
        })
        .boxed()
}

fn arb_measure(id: String, sources: Vec<String>, horizon: i32) -> BoxedStrategy<Measure> {
    arb_unit()
        .prop_flat_map(move |unit| {
            let targets = proptest::collection::vec(
                (
                    0i32..=400,
                    arb_value(&unit),
                    select(vec![TargetKind::Target, TargetKind::Milestone]),
                    arb_text(),
                    arb_opt_ref(&sources),
                    arb_text(),
                    arb_rare_text(),
                ),
                0..=3,
            );
            let comparators =
                proptest::collection::vec((arb_text(), arb_series(&unit, &sources, 4)), 0..=2);
            let annotations = proptest::collection::vec(
                (arb_period(), arb_text(), arb_text(), arb_opt_ref(&sources)),
                0..=2,
            );
            let status_override = proptest::option::of((
                arb_rag(),
                arb_nonblank_text(),
                proptest::option::of(arb_date()),
            ));
            (
                (
                    Just(id.clone()),
                    arb_text(),
                    arb_text(),
                    Just(unit.clone()),
                    select(vec![Direction::HigherIsBetter, Direction::LowerIsBetter]),
                    proptest::option::of(any::<u32>()),
                    arb_series(&unit, &sources, 8),
                    proptest::option::of((arb_period(), arb_value(&unit))),
                ),
                (
                    targets,
                    prop_oneof![Just(10.0), 0.0f64..=100.0, (0u32..=100).prop_map(f64::from)],
                    comparators,
                    annotations,
                    status_override,
                    arb_text(),
                    arb_disagreements(&unit, &sources),
                ),
            )
        })
        .prop_map(
            move |(
                (id, name, definition, unit, direction, headline, observations, baseline),
                (
                    targets,
                    tolerance_percent,
                    comparators,
                    annotations,
                    status_override,
                    note,
                    disagreements,
                ),
            )| {
                // Target years: from the first observation's year to 50 after the
                // horizon, each year at most once.
                let first_year = observations
                    .iter()
                    .map(|o| o.period.start())
                    .min()
                    .map(|d| chrono::Datelike::year(&d))
                    .unwrap_or(1950);
                let last_year = horizon + 50;
                let span = (last_year - first_year).max(0) + 1;
                let mut years = std::collections::HashSet::new();
                let targets = targets
                    .into_iter()
                    .filter(|_| first_year <= last_year)
                    .map(
                        |(offset, value, kind, label, source, note, working)| Target {
                            year: first_year + offset % span,
                            value,
                            kind,
                            label,
                            source,
                            note,
                            working,
                        },
                    )
                    .filter(|t| years.insert(t.year))
                    .collect();
                // The chart settings vary with other drawn values, so both spellings of each
                // occur without more strategy inputs.
                let chart_title = if headline.is_some() {
                    format!("{name}: the message")
                } else {
                    String::new()
                };
                let chart_fit_axis = tolerance_percent > 20.0;
                Measure {
                    id,
                    name,
                    definition,
                    unit,
                    direction,
                    headline,
                    observations,
                    baseline: baseline.map(|(period, value)| Baseline { period, value }),
                    targets,
                    tolerance_percent,
                    comparators: comparators
                        .into_iter()
                        .map(|(name, observations)| Comparator { name, observations })
                        .collect(),
                    annotations: annotations
                        .into_iter()
                        .map(|(period, label, note, source)| Annotation {
                            period,
                            label,
                            note,
                            source,
                        })
                        .collect(),
                    disagreements,
                    status_override: status_override.map(|(rag, reason, date)| StatusOverride {
                        rag,
                        reason,
                        date,
                    }),
                    chart_title,
                    chart_fit_axis,
                    note,
                }
            },
        )
        .boxed()
}

fn arb_action(reference: String, outcomes: &[String]) -> BoxedStrategy<Action> {
    (
        (
            Just(reference),
            arb_text(),
            arb_text(),
            proptest::collection::vec(arb_text(), 0..=3),
            arb_text(),
            proptest::option::of(arb_date()),
        ),
        (
            arb_rag(),
            proptest::collection::vec((arb_date(), arb_nonblank_text()), 0..=3),
            proptest::option::of(arb_date()),
            arb_refs(outcomes),
        ),
    )
        .prop_map(
            |(
                (reference, theme, title, key_actions, owner, due),
                (rag, progress, last, outcomes),
            )| {
                Action {
                    reference,
                    theme,
                    title,
                    key_actions,
                    owner,
                    due,
                    rag,
                    progress: progress
                        .into_iter()
                        .map(|(date, text)| ProgressNote { date, text })
                        .collect(),
                    last_updated: last,
                    outcomes,
                }
            },
        )
        .boxed()
}

/// Unique, non-blank action references of any characters ("R1", "2.3", "ü 1").
fn arb_references(max: usize) -> impl Strategy<Value = Vec<String>> {
    proptest::collection::vec(arb_text(), 0..=max).prop_map(|v| {
        v.into_iter()
            .enumerate()
            .map(|(i, t)| format!("{t}{i}"))
            .collect()
    })
}

fn arb_plan(id: String, outcomes: Vec<String>) -> BoxedStrategy<ActionPlan> {
    arb_references(5)
        .prop_flat_map(move |refs| {
            let actions: Vec<BoxedStrategy<Action>> =
                refs.into_iter().map(|r| arb_action(r, &outcomes)).collect();
            (
                Just(id.clone()),
                arb_nonblank_text(),
                arb_text(),
                proptest::option::of(arb_date()),
                actions,
                arb_text(),
                arb_rare_text(),
            )
        })
        .prop_map(
            |(id, title, origin, start, actions, note, rating_basis)| ActionPlan {
                id,
                title,
                origin,
                start,
                actions,
                note,
                rating_basis,
            },
        )
        .boxed()
}

/// The ids of every kind, generated first so that items can refer to them.
#[derive(Debug, Clone)]
struct IdSets {
    sources: Vec<String>,
    priorities: Vec<String>,
    needs: Vec<String>,
    outcomes: Vec<String>,
    voices: Vec<String>,
    measures: Vec<String>,
    plans: Vec<String>,
    pledges: Vec<String>,
    missions: Vec<String>,
}

fn arb_id_sets() -> impl Strategy<Value = IdSets> {
    (
        arb_ids("s", 3),
        arb_ids("p", 4),
        arb_ids("n", 4),
        arb_ids("o", 6),
        arb_ids("v", 4),
        arb_ids("m", 4),
        arb_ids("ap", 3),
        arb_ids("pl", 3),
        arb_ids("mi", 3),
    )
        .prop_map(
            |(sources, priorities, needs, outcomes, voices, measures, plans, pledges, missions)| {
                // Outcomes need a priority and an area of need to belong to.
                let outcomes = if priorities.is_empty() || needs.is_empty() {
                    vec![]
                } else {
                    outcomes
                };
                IdSets {
                    sources,
                    priorities,
                    needs,
                    outcomes,
                    voices,
                    measures,
                    plans,
                    pledges,
                    missions,
                }
            },
        )
}

/// A random project that [`outcome_explorer::validate::validate`] accepts, using every
/// period form, unit, status and optional field, with awkward text throughout.
pub fn arb_project() -> impl Strategy<Value = Project> {
    (arb_id_sets(), 1900i32..=2200)
        .prop_flat_map(|(ids, horizon)| {
            let sources: Vec<_> = ids
                .sources
                .iter()
                .map(|id| {
                    (
                        Just(id.clone()),
                        arb_text(),
                        arb_text(),
                        arb_text(),
                        arb_text(),
                        arb_text(),
                    )
                        .prop_map(
                            |(id, title, publisher, published, url, note)| Source {
                                id,
                                title,
                                publisher,
                                published,
                                url,
                                note,
                            },
                        )
                })
                .collect();
            let priorities: Vec<_> = ids
                .priorities
                .iter()
                .map(|id| {
                    (Just(id.clone()), arb_text(), arb_text(), arb_colour()).prop_map(
                        |(id, name, description, colour)| Priority {
                            id,
                            name,
                            description,
                            colour,
                        },
                    )
                })
                .collect();
            let needs: Vec<_> = ids
                .needs
                .iter()
                .map(|id| {
                    (Just(id.clone()), arb_text(), arb_text(), arb_colour()).prop_map(
                        |(id, name, description, colour)| AreaOfNeed {
                            id,
                            name,
                            description,
                            colour,
                        },
                    )
                })
                .collect();
            let outcomes: Vec<_> = ids
                .outcomes
                .iter()
                .map(|id| {
                    (
                        Just(id.clone()),
                        arb_text(),
                        arb_text(),
                        select(ids.priorities.clone()),
                        select(ids.needs.clone()),
                        arb_refs(&ids.voices),
                        arb_refs(&ids.measures),
                    )
                        .prop_map(
                            |(id, name, description, priority, need, voices, measures)| Outcome {
                                id,
                                name,
                                description,
                                priority,
                                need,
                                voices,
                                measures,
                            },
                        )
                })
                .collect();
            let voices: Vec<_> = ids
                .voices
                .iter()
                .map(|id| (Just(id.clone()), arb_text()).prop_map(|(id, text)| Voice { id, text }))
                .collect();
            let measures: Vec<_> = ids
                .measures
                .iter()
                .map(|id| arb_measure(id.clone(), ids.sources.clone(), horizon))
                .collect();
            let plans: Vec<_> = ids
                .plans
                .iter()
                .map(|id| arb_plan(id.clone(), ids.outcomes.clone()))
                .collect();
            let pledges: Vec<_> = ids
                .pledges
                .iter()
                .map(|id| {
                    (
                        Just(id.clone()),
                        arb_text(),
                        arb_text(),
                        arb_refs(&ids.outcomes),
                        proptest::option::of(arb_period()),
                        arb_opt_ref(&ids.sources),
                    )
                        .prop_map(
                            |(id, partner, commitment, outcomes, by, source)| Pledge {
                                id,
                                partner,
                                commitment,
                                outcomes,
                                by,
                                source,
                            },
                        )
                })
                .collect();
            let missions: Vec<_> = ids
                .missions
                .iter()
                .map(|id| {
                    (
                        Just(id.clone()),
                        arb_text(),
                        arb_text(),
                        arb_refs(&ids.outcomes),
                    )
                        .prop_map(|(id, name, description, outcomes)| {
                            Mission {
                                id,
                                name,
                                description,
                                outcomes,
                            }
                        })
                })
                .collect();
            let texts = (arb_text(), arb_text(), arb_text(), arb_text());
            let programme = (arb_nonblank_text(), texts).prop_map(
                move |(title, (organisation, area, vision, notes))| Programme {
                    title,
                    organisation,
                    area,
                    vision,
                    horizon_year: horizon,
                    notes,
                },
            );
            (
                programme,
                (sources, priorities, needs, outcomes, voices),
                (measures, plans, pledges, missions),
            )
        })
        .prop_map(
            |(
                programme,
                (sources, priorities, needs, outcomes, voices),
                (measures, action_plans, pledges, missions),
            )| Project {
                format_version: FORMAT_VERSION,
                programme,
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
            },
        )
}
