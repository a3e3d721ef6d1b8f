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
//! The figures are made up and say so: the programme title starts with "Synthetic",
//! every observation is [`ValueStatus::Illustrative`] with the note `"synthetic"`.

use crate::model::{
    Action, ActionPlan, Annotation, AreaOfNeed, Baseline, Comparator, Direction, FORMAT_VERSION,
    Measure, Mission, Observation, Outcome, Period, Pledge, Priority, Programme, ProgressNote,
    Project, Rag, Source, StatusOverride, Target, TargetKind, Unit, ValueStatus, Voice,
};
use chrono::{Datelike, Days, Months, NaiveDate};

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
    /// A stress test: 1,000 outcomes, 500 measures × 1,000 observations, 20,000 actions.
    Large,
}

impl Scale {
    pub const ALL: [Scale; 3] = [Scale::Sample, Scale::SampleX10, Scale::Large];

    /// The name used on the command line and in benchmark ids.
    pub fn name(self) -> &'static str {
        match self {
            Scale::Sample => "sample",
            Scale::SampleX10 => "sample-x10",
            Scale::Large => "large",
        }
    }

    /// The scale called `name` (`sample`, `sample-x10`, `large`).
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
                headline_measures: 6,
                sources: 10,
                action_plans: 4,
                actions: 600,
                pledges: 80,
                missions: 10,
            },
            Scale::Large => Spec {
                priorities: 40,
                needs: 12,
                outcomes: 1_000,
                voices: 4_000,
                measures: 500,
                observations_per_measure: 1_000,
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

/// A small, fast, deterministic PRNG (SplitMix64). Not for cryptography.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed ^ 0x5851_f42d_4c95_7f2d)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            ((self.next_u64() >> 11) % n as u64) as usize
        }
    }

    /// A number in `lo..=hi`.
    pub fn between(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi.saturating_sub(lo) + 1)
    }

    /// A float in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// Up to `k` distinct numbers from `0..n`, in the order drawn.
    pub fn distinct(&mut self, k: usize, n: usize) -> Vec<usize> {
        let k = k.min(n);
        let mut out: Vec<usize> = Vec::with_capacity(k);
        while out.len() < k {
            let x = self.below(n);
            if !out.contains(&x) {
                out.push(x);
            }
        }
        out
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

// ---------------------------------------------------------------------------------
// Vocabulary

const PRIORITIES: &[&str] = &[
    "A fair and inclusive town",
    "Healthy, happy residents",
    "A thriving local economy",
    "Safe and resilient communities",
    "A green and sustainable place",
    "Children get the best start",
    "Good homes for everyone",
    "Connected neighbourhoods",
    "Pride in our place",
    "Skills for the future",
];

const NEEDS: &[(&str, &str)] = &[
    ("Health", "Physical and mental health and wellbeing"),
    ("Money", "Income, debt and the cost of living"),
    ("Safety", "Feeling and being safe at home and outside"),
    ("Homes", "Decent, affordable and secure housing"),
    ("Learning", "Education and skills at every age"),
    ("Work", "Good jobs and fair pay"),
    ("Environment", "Clean air, green space and net zero"),
    ("Transport", "Getting around easily and affordably"),
    ("Community", "Belonging, volunteering and local pride"),
    ("Culture", "Arts, heritage, sport and leisure"),
    ("Care", "Support for carers and those who need care"),
    ("Digital", "Being online, with the skills to use it"),
];

const SUBJECTS: &[&str] = &[
    "More residents",
    "Every child",
    "Older people",
    "Young people",
    "Families on low incomes",
    "Disabled residents",
    "Local businesses",
    "Carers",
    "People in temporary accommodation",
    "Neighbourhoods",
    "Schools",
    "Care leavers",
];

const VERBS: &[&str] = &[
    "can afford",
    "have access to",
    "feel confident about",
    "benefit from",
    "are supported into",
    "take part in",
    "live close to",
    "are protected from",
];

const OBJECTS: &[&str] = &[
    "a decent, secure home",
    "good quality jobs",
    "healthy food",
    "green and open spaces",
    "reliable public transport",
    "early help when they need it",
    "affordable childcare",
    "safe streets after dark",
    "training and apprenticeships",
    "warm, energy-efficient homes",
    "mental health support",
    "clean air",
    "digital skills and devices",
    "cultural and sporting activities",
    "advice on debt and benefits",
];

const QUALIFIERS: &[&str] = &[
    "by 2040",
    "wherever they live in the town",
    "whatever their background",
    "close to where they live",
    "without waiting months for help",
    "at every stage of life",
];

const FILLER: &[&str] = &[
    "partners",
    "residents",
    "the council",
    "the voluntary sector",
    "health services",
    "schools",
    "employers",
    "housing associations",
    "will work together",
    "to improve",
    "to reduce",
    "to increase",
    "outcomes",
    "across the town",
    "in the most deprived wards",
    "over the next five years",
    "through the new strategy",
    "with clear accountability",
    "and report progress",
    "to the partnership board",
    "using shared data",
    "and listening to residents",
    "so that fewer people",
    "need crisis support",
    "and more people",
    "reach their potential",
];

const MEASURE_NAMES: &[(&str, Unit, Direction)] = &[
    (
        "Households in temporary accommodation",
        Unit::Households,
        Direction::LowerIsBetter,
    ),
    (
        "Adults in employment",
        Unit::Percent,
        Direction::HigherIsBetter,
    ),
    (
        "Children in absolute poverty",
        Unit::Children,
        Direction::LowerIsBetter,
    ),
    (
        "New affordable homes completed",
        Unit::Homes,
        Direction::HigherIsBetter,
    ),
    (
        "Healthy life expectancy gap",
        Unit::Other(String::new()),
        Direction::LowerIsBetter,
    ),
    (
        "Residents who feel safe after dark",
        Unit::Percent,
        Direction::HigherIsBetter,
    ),
    ("Median weekly pay", Unit::Pounds, Direction::HigherIsBetter),
    (
        "Inward investment secured",
        Unit::PoundsMillion,
        Direction::HigherIsBetter,
    ),
    (
        "People sleeping rough",
        Unit::People,
        Direction::LowerIsBetter,
    ),
    (
        "Library and leisure visits",
        Unit::Other(String::new()),
        Direction::HigherIsBetter,
    ),
    (
        "Reported antisocial behaviour incidents",
        Unit::Count,
        Direction::LowerIsBetter,
    ),
    (
        "Pupils achieving a good level of development",
        Unit::Percent,
        Direction::HigherIsBetter,
    ),
];

const OTHER_UNITS: &[&str] = &["years", "visits", "tonnes", "journeys"];

const SOURCES: &[(&str, &str)] = &[
    ("Annual Population Survey", "Office for National Statistics"),
    (
        "Statutory homelessness statistics",
        "Ministry of Housing, Communities and Local Government",
    ),
    (
        "Children in low income families",
        "Department for Work and Pensions",
    ),
    ("Residents' survey", "Synthetic Borough Council"),
    (
        "Public Health Outcomes Framework",
        "Office for Health Improvement and Disparities",
    ),
    ("Indices of Deprivation", "MHCLG"),
];

const COMPARATORS: &[&str] = &[
    "England average",
    "Statistical neighbours",
    "East of England",
];

const EVENTS: &[&str] = &[
    "Pandemic lockdown",
    "New housing strategy adopted",
    "Cost-of-living support scheme launched",
    "Change in survey method",
    "Funding settlement announced",
    "Boundary review",
];

const THEMES: &[&str] = &[
    "Leadership and governance",
    "Financial sustainability",
    "Place and partnerships",
    "Organisational capacity",
    "Residents and communities",
    "Performance and data",
];

const OWNERS: &[&str] = &[
    "Chief Executive",
    "Director of Public Health",
    "Director of Children's Services",
    "Director of Place",
    "Head of Housing",
    "Head of Finance",
    "Corporate Director, Resources",
    "Head of Communities",
    "Programme Manager",
    "Head of Digital and Data",
];

const ACTION_VERBS: &[&str] = &[
    "Develop",
    "Review",
    "Deliver",
    "Strengthen",
    "Publish",
    "Embed",
    "Agree",
    "Commission",
];

const ACTION_OBJECTS: &[&str] = &[
    "a medium-term financial strategy",
    "the partnership's shared outcomes framework",
    "member development and training",
    "a single performance report for the board",
    "the workforce plan",
    "resident engagement on budget priorities",
    "the town centre masterplan",
    "a data-sharing agreement with health partners",
    "the homelessness prevention pathway",
    "the climate action plan",
];

const PARTNERS: &[&str] = &[
    "Local NHS trust",
    "University",
    "Airport operator",
    "Housing association",
    "Chamber of Commerce",
    "Police and Crime Commissioner",
    "Further education college",
    "Community foundation",
    "Football club trust",
    "Voluntary sector network",
];

const MISSIONS: &[&str] = &[
    "End homelessness",
    "Net zero by 2040",
    "No child in poverty",
    "Good work for all",
    "Healthy ageing",
    "Safe streets",
];

// ---------------------------------------------------------------------------------
// The generator

struct Gen {
    rng: Rng,
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

/// The `n`th name from a list, numbered once the list runs out ("Healthy, happy residents 2").
fn nth_name(list: &[&str], n: usize) -> String {
    let base = list[n % list.len()];
    match n / list.len() {
        0 => base.to_string(),
        k => format!("{base} {}", k + 1),
    }
}

/// Which period forms a series of `n` observations may use without reaching implausible years.
fn forms_for(n: usize) -> &'static [u8] {
    // 0 Year, 1 FinancialYear, 2 Quarter, 3 FinancialQuarter, 4 Month, 5 Date (weekly)
    if n <= 40 {
        &[0, 1, 2, 3, 4, 5]
    } else if n <= 160 {
        &[2, 3, 4, 5]
    } else if n <= 1_200 {
        &[4, 4, 5]
    } else {
        &[5]
    }
}

/// `n` consecutive periods of `form`, the last one in 2025, oldest first.
fn periods(form: u8, n: usize) -> Vec<Period> {
    let n_i = n as i32;
    match form {
        0 => (0..n_i).map(|k| Period::Year(2026 - n_i + k)).collect(),
        1 => (0..n_i)
            .map(|k| Period::FinancialYear(2025 - n_i + k))
            .collect(),
        2 | 3 => {
            // Quarter index counted from year 0; the last is 2025 Q2.
            let last = 2025 * 4 + 1;
            (0..n_i)
                .map(|k| {
                    let q = last - (n_i - 1) + k;
                    let (year, quarter) = (q.div_euclid(4), q.rem_euclid(4) as u32 + 1);
                    if form == 2 {
                        Period::Quarter { year, quarter }
                    } else {
                        Period::FinancialQuarter {
                            start_year: year,
                            quarter,
                        }
                    }
                })
                .collect()
        }
        4 => {
            let last = 2025 * 12 + 8; // September 2025, months counted from 0
            (0..n_i)
                .map(|k| {
                    let m = last - (n_i - 1) + k;
                    Period::Month {
                        year: m.div_euclid(12),
                        month: m.rem_euclid(12) as u32 + 1,
                    }
                })
                .collect()
        }
        _ => {
            let step = if n > 1_200 { 1 } else { 7 };
            let last = date(2025, 9, 28);
            (0..n)
                .map(|k| Period::Date(last - Days::new(((n - 1 - k) * step) as u64)))
                .collect()
        }
    }
}

/// Round to something a spreadsheet would show for the unit.
fn tidy(v: f64, unit: &Unit) -> f64 {
    match unit {
        Unit::Percent | Unit::PoundsMillion | Unit::Other(_) => (v * 10.0).round() / 10.0,
        _ => v.round(),
    }
}

fn clamp_to_unit(v: f64, unit: &Unit) -> f64 {
    match unit {
        Unit::Percent => v.clamp(0.0, 100.0),
        Unit::Pounds | Unit::PoundsMillion | Unit::Other(_) => v,
        _ => v.max(0.0),
    }
}

impl Gen {
    /// Words from the filler list, about `min..=max` of them, as a sentence.
    fn sentence(&mut self, min: usize, max: usize) -> String {
        let target = self.rng.between(min, max);
        let mut s = String::new();
        let mut words = 0;
        while words < target {
            let w = *self.rng.pick(FILLER);
            if !s.is_empty() {
                s.push(' ');
            }
            s.push_str(w);
            words += w.split(' ').count();
        }
        let mut c = s.chars();
        let first = c.next().map(|f| f.to_uppercase().collect::<String>());
        format!("{}{}.", first.unwrap_or_default(), c.as_str())
    }

    fn paragraph(&mut self, sentences: usize) -> String {
        (0..sentences)
            .map(|_| self.sentence(8, 22))
            .collect::<Vec<_>>()
            .join(" ")
    }

    fn sources(&mut self, n: usize) -> Vec<Source> {
        (0..n)
            .map(|i| {
                let (title, publisher) = SOURCES[i % SOURCES.len()];
                Source {
                    id: format!("src-{}", i + 1),
                    title: nth_name(&[title], i / SOURCES.len()),
                    publisher: publisher.into(),
                    published: format!("{} 2025", self.rng.pick(&["January", "March", "July"])),
                    url: String::new(),
                    note: "Synthetic source: no such publication.".into(),
                }
            })
            .collect()
    }

    fn priorities(&mut self, n: usize) -> Vec<Priority> {
        (0..n)
            .map(|i| {
                let base = crate::palette::CATEGORICAL[i % crate::palette::CATEGORICAL.len()];
                let round = (i / crate::palette::CATEGORICAL.len()) as f64;
                Priority {
                    id: format!("priority-{}", i + 1),
                    name: nth_name(PRIORITIES, i),
                    description: self.paragraph(2),
                    colour: base.lighten((round * 0.18).min(0.7)),
                }
            })
            .collect()
    }

    fn needs(&mut self, n: usize) -> Vec<AreaOfNeed> {
        (0..n)
            .map(|i| {
                let (name, description) = NEEDS[i % NEEDS.len()];
                let round = i / NEEDS.len();
                let c = crate::palette::CATEGORICAL[(i + 3) % crate::palette::CATEGORICAL.len()];
                AreaOfNeed {
                    id: format!("need-{}", i + 1),
                    name: if round == 0 {
                        name.into()
                    } else {
                        format!("{name} {}", round + 1)
                    },
                    description: description.into(),
                    colour: c.lighten(0.25 + (round as f64 * 0.15).min(0.5)),
                }
            })
            .collect()
    }

    fn voices(&mut self, n: usize) -> Vec<Voice> {
        (0..n)
            .map(|i| {
                let object = self.rng.pick(OBJECTS);
                let text = if self.rng.chance(0.5) {
                    format!("We want {object} {}", self.rng.pick(QUALIFIERS))
                } else {
                    format!(
                        "We want {object}, and {}",
                        self.sentence(6, 14).to_lowercase().trim_end_matches('.')
                    )
                };
                Voice {
                    id: format!("voice-{}", i + 1),
                    text,
                }
            })
            .collect()
    }

    fn outcomes(
        &mut self,
        spec: &Spec,
        priorities: &[Priority],
        needs: &[AreaOfNeed],
        voices: &[Voice],
    ) -> Vec<Outcome> {
        (0..spec.outcomes)
            .map(|i| {
                // Every priority and need gets outcomes; the rest are spread at random.
                let priority = if i < priorities.len() {
                    i
                } else {
                    self.rng.below(priorities.len())
                };
                let need = if i < needs.len() {
                    i
                } else {
                    self.rng.below(needs.len())
                };
                let per = voices
                    .len()
                    .checked_div(spec.outcomes)
                    .unwrap_or(0)
                    .clamp(1, 4);
                let k = self.rng.between(per.saturating_sub(1).max(1), per + 1);
                let voice_ids = self
                    .rng
                    .distinct(k, voices.len())
                    .into_iter()
                    .map(|v| voices[v].id.clone())
                    .collect();
                Outcome {
                    id: format!("outcome-{}", i + 1),
                    name: format!(
                        "{} {} {}",
                        self.rng.pick(SUBJECTS),
                        self.rng.pick(VERBS),
                        self.rng.pick(OBJECTS)
                    ),
                    description: if self.rng.chance(0.7) {
                        let sentences = self.rng.between(1, 3);
                        self.paragraph(sentences)
                    } else {
                        String::new()
                    },
                    priority: priorities
                        .get(priority)
                        .map(|p| p.id.clone())
                        .unwrap_or_default(),
                    need: needs.get(need).map(|n| n.id.clone()).unwrap_or_default(),
                    voices: voice_ids,
                    measures: Vec::new(),
                }
            })
            .collect()
    }

    fn measures(
        &mut self,
        spec: &Spec,
        sources: &[Source],
        outcomes: &mut [Outcome],
    ) -> Vec<Measure> {
        let mut out = Vec::with_capacity(spec.measures);
        for i in 0..spec.measures {
            let m = self.measure(i, spec, sources);
            // Link it to one or two outcomes, spread so that measures cover the wheel.
            if !outcomes.is_empty() {
                let first = i * outcomes.len() / spec.measures.max(1);
                let mut targets = vec![first % outcomes.len()];
                if self.rng.chance(0.4) {
                    targets.push(self.rng.below(outcomes.len()));
                }
                for t in targets {
                    if !outcomes[t].measures.contains(&m.id) {
                        outcomes[t].measures.push(m.id.clone());
                    }
                }
            }
            out.push(m);
        }
        out
    }

    fn measure(&mut self, i: usize, spec: &Spec, sources: &[Source]) -> Measure {
        let (name, unit, direction) = &MEASURE_NAMES[i % MEASURE_NAMES.len()];
        let unit = match unit {
            Unit::Other(_) => Unit::Other((*self.rng.pick(OTHER_UNITS)).into()),
            u => u.clone(),
        };
        let n = spec.observations_per_measure;
        let forms = forms_for(n);
        let form = forms[(i + self.rng.below(forms.len())) % forms.len()];
        let periods = periods(form, n);
        let source = (!sources.is_empty()).then(|| sources[i % sources.len()].id.clone());

        // A random walk with a drift, kept inside what the unit allows.
        let (start, scale) = match unit {
            Unit::Percent => (30.0 + self.rng.unit() * 50.0, 1.5),
            Unit::Pounds => (450.0 + self.rng.unit() * 300.0, 8.0),
            Unit::PoundsMillion => (5.0 + self.rng.unit() * 50.0, 2.0),
            Unit::Other(_) => (10.0 + self.rng.unit() * 900.0, 12.0),
            _ => (200.0 + self.rng.unit() * 3_000.0, 40.0),
        };
        let drift = (self.rng.unit() - 0.5) * scale * 0.4;
        let mut v = start;
        let observations: Vec<Observation> = periods
            .iter()
            .map(|&period| {
                v = clamp_to_unit(v + drift + (self.rng.unit() - 0.5) * scale, &unit);
                Observation {
                    period,
                    value: tidy(v, &unit),
                    status: ValueStatus::Illustrative,
                    source: source.clone().filter(|_| !i.is_multiple_of(3)),
                    note: SYNTHETIC_NOTE.into(),
                    ..Default::default()
                }
            })
            .collect();

        let baseline = observations.first().map(|o| Baseline {
            period: o.period,
            value: o.value,
        });
        let last_year = periods.last().map(|p| p.end_year()).unwrap_or(2025);
        let better = match direction {
            Direction::HigherIsBetter => 1.0,
            Direction::LowerIsBetter => -1.0,
        };
        let goal = |years: f64| clamp_to_unit(tidy(v + better * scale * years, &unit), &unit);
        let mut targets = vec![Target {
            year: HORIZON_YEAR,
            value: goal(6.0),
            kind: TargetKind::Target,
            label: "2040 ambition".into(),
            source: None,
            note: String::new(),
            working: String::new(),
        }];
        let milestone = last_year + 1 + self.rng.below(4) as i32;
        if milestone < HORIZON_YEAR && self.rng.chance(0.7) {
            targets.insert(
                0,
                Target {
                    year: milestone,
                    value: goal(2.0),
                    kind: TargetKind::Milestone,
                    label: format!("{milestone} milestone"),
                    source: None,
                    note: String::new(),
                    working: String::new(),
                },
            );
        }

        let stride = (n / 100).max(1) * if self.rng.chance(0.5) { 1 } else { 2 };
        let comparators = (0..self.rng.below(3))
            .map(|c| Comparator {
                name: COMPARATORS[c].into(),
                observations: observations
                    .iter()
                    .step_by(stride)
                    .map(|o| Observation {
                        period: o.period,
                        value: tidy(
                            clamp_to_unit(o.value + (self.rng.unit() - 0.5) * scale * 3.0, &unit),
                            &unit,
                        ),
                        status: ValueStatus::Illustrative,
                        source: None,
                        note: SYNTHETIC_NOTE.into(),
                        ..Default::default()
                    })
                    .collect(),
            })
            .collect();

        let annotations = if periods.len() > 2 {
            (0..self.rng.below(3))
                .map(|_| {
                    let at = periods[self.rng.between(1, periods.len() - 1)];
                    Annotation {
                        period: at,
                        label: (*self.rng.pick(EVENTS)).into(),
                        note: if self.rng.chance(0.3) {
                            self.sentence(8, 16)
                        } else {
                            String::new()
                        },
                        source: None,
                    }
                })
                .collect()
        } else {
            Vec::new()
        };

        Measure {
            id: format!("measure-{}", i + 1),
            name: nth_name(&[name], i / MEASURE_NAMES.len()),
            definition: self.sentence(12, 30),
            unit,
            direction: *direction,
            headline: (i < spec.headline_measures).then_some(i as u32 + 1),
            observations,
            baseline,
            targets,
            tolerance_percent: *self.rng.pick(&[10.0, 10.0, 5.0, 15.0]),
            comparators,
            annotations,
            disagreements: Vec::new(),
            status_override: self.rng.chance(0.05).then(|| StatusOverride {
                rag: *self.rng.pick(&[Rag::Red, Rag::Amber, Rag::Green]),
                reason:
                    "Synthetic override: data lag means the latest figure understates progress."
                        .into(),
                date: Some(date(2025, 10, 1)),
            }),
            chart_title: String::new(),
            chart_fit_axis: false,
            note: if self.rng.chance(0.2) {
                self.sentence(10, 24)
            } else {
                String::new()
            },
        }
    }

    fn action_plans(&mut self, spec: &Spec, outcomes: &[Outcome]) -> Vec<ActionPlan> {
        let plans = spec.action_plans;
        if plans == 0 {
            return Vec::new();
        }
        // Plan k gets a share proportional to (plans - k) + plans: the first is the largest.
        let weights: Vec<usize> = (0..plans).map(|k| 2 * plans - k).collect();
        let total: usize = weights.iter().sum();
        let mut sizes: Vec<usize> = weights.iter().map(|w| spec.actions * w / total).collect();
        sizes[0] += spec.actions - sizes.iter().sum::<usize>();

        sizes
            .into_iter()
            .enumerate()
            .map(|(k, size)| {
                let start = date(2022 + (k % 3) as i32, 1 + (k % 12) as u32, 1);
                let numbered = k % 2 == 0;
                let per_theme = (size / THEMES.len()).max(1);
                let actions = (0..size)
                    .map(|a| self.action(a, numbered, per_theme, start, outcomes))
                    .collect();
                ActionPlan {
                    id: format!("plan-{}", k + 1),
                    title: if k == 0 {
                        "Corporate peer challenge action plan".into()
                    } else {
                        format!("Delivery plan {}", k + 1)
                    },
                    origin: format!("Synthetic review, {}", start.format("%B %Y")),
                    start: Some(start),
                    actions,
                    note: String::new(),
                    rating_basis: String::new(),
                }
            })
            .collect()
    }

    fn action(
        &mut self,
        a: usize,
        numbered: bool,
        per_theme: usize,
        start: NaiveDate,
        outcomes: &[Outcome],
    ) -> Action {
        let theme = a / per_theme;
        let reference = if numbered {
            format!("{}.{}", theme + 1, a % per_theme + 1)
        } else {
            format!("R{}", a + 1)
        };
        let rag = *self.rng.pick(&[
            Rag::NotStarted,
            Rag::Red,
            Rag::Amber,
            Rag::Amber,
            Rag::Green,
            Rag::Green,
            Rag::Green,
            Rag::Complete,
        ]);
        let mut when = start;
        let progress: Vec<ProgressNote> = (0..self.rng.below(4))
            .map(|_| {
                when = when + Months::new(1 + self.rng.below(5) as u32);
                let sentences = self.rng.between(1, 2);
                ProgressNote {
                    date: when,
                    text: self.paragraph(sentences),
                }
            })
            .collect();
        let links = self.rng.below(4);
        // Due at a month end, as plans usually give them.
        let due_month = start + Months::new(3 + self.rng.below(36) as u32);
        let due = date(due_month.year(), due_month.month(), 1) + Months::new(1) - Days::new(1);
        Action {
            reference,
            theme: THEMES[theme % THEMES.len()].into(),
            title: format!(
                "{} {} {}",
                self.rng.pick(ACTION_VERBS),
                self.rng.pick(ACTION_OBJECTS),
                self.sentence(3, 10).to_lowercase().trim_end_matches('.')
            ),
            key_actions: (0..self.rng.below(5))
                .map(|_| self.sentence(8, 18))
                .collect(),
            owner: (*self.rng.pick(OWNERS)).into(),
            due: Some(due),
            rag,
            last_updated: progress.last().map(|p| p.date),
            progress,
            outcomes: self
                .rng
                .distinct(links, outcomes.len())
                .into_iter()
                .map(|o| outcomes[o].id.clone())
                .collect(),
        }
    }

    fn pledges(&mut self, n: usize, outcomes: &[Outcome], sources: &[Source]) -> Vec<Pledge> {
        (0..n)
            .map(|i| {
                let k = self.rng.between(1, 3);
                Pledge {
                    id: format!("pledge-{}", i + 1),
                    partner: nth_name(PARTNERS, i),
                    commitment: format!(
                        "We will help {} {} {}.",
                        self.rng.pick(SUBJECTS).to_lowercase(),
                        self.rng.pick(VERBS),
                        self.rng.pick(OBJECTS)
                    ),
                    outcomes: self
                        .rng
                        .distinct(k, outcomes.len())
                        .into_iter()
                        .map(|o| outcomes[o].id.clone())
                        .collect(),
                    by: Some(if i % 2 == 0 {
                        Period::Year(2030)
                    } else {
                        Period::FinancialYear(2027)
                    }),
                    source: (i % 4 == 0 && !sources.is_empty())
                        .then(|| sources[i % sources.len()].id.clone()),
                }
            })
            .collect()
    }

    fn missions(&mut self, n: usize, outcomes: &[Outcome]) -> Vec<Mission> {
        (0..n)
            .map(|i| {
                let k = self.rng.between(3, 10);
                Mission {
                    id: format!("mission-{}", i + 1),
                    name: nth_name(MISSIONS, i),
                    description: self.paragraph(1),
                    outcomes: self
                        .rng
                        .distinct(k, outcomes.len())
                        .into_iter()
                        .map(|o| outcomes[o].id.clone())
                        .collect(),
                }
            })
            .collect()
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
