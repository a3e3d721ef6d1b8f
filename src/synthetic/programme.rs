//! The generator and the programme's lists: sources, priorities, areas of need, voices,
//! outcomes, pledges and missions.

use super::Spec;
use super::rng::Rng;
use super::words::*;
use crate::model::*;
use chrono::NaiveDate;

pub(super) struct Gen {
    pub(super) rng: Rng,
}

pub(super) fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

/// The `n`th name from a list, numbered once the list runs out ("Healthy, happy residents 2").
pub(super) fn nth_name(list: &[&str], n: usize) -> String {
    let base = list[n % list.len()];
    match n / list.len() {
        0 => base.to_string(),
        k => format!("{base} {}", k + 1),
    }
}

impl Gen {
    /// Words from the filler list, about `min..=max` of them, as a sentence.
    pub(super) fn sentence(&mut self, min: usize, max: usize) -> String {
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

    pub(super) fn paragraph(&mut self, sentences: usize) -> String {
        (0..sentences)
            .map(|_| self.sentence(8, 22))
            .collect::<Vec<_>>()
            .join(" ")
    }

    pub(super) fn sources(&mut self, n: usize) -> Vec<Source> {
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

    pub(super) fn priorities(&mut self, n: usize) -> Vec<Priority> {
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

    pub(super) fn needs(&mut self, n: usize) -> Vec<AreaOfNeed> {
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

    pub(super) fn voices(&mut self, n: usize) -> Vec<Voice> {
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

    pub(super) fn outcomes(
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

    pub(super) fn pledges(
        &mut self,
        n: usize,
        outcomes: &[Outcome],
        sources: &[Source],
    ) -> Vec<Pledge> {
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

    pub(super) fn missions(&mut self, n: usize, outcomes: &[Outcome]) -> Vec<Mission> {
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
