//! Action plans: actions with themes, owners, due dates, RAG ratings, progress notes and
//! links to outcomes.

use super::Spec;
use super::programme::{Gen, date};
use super::words::*;
use crate::model::*;
use chrono::{Datelike, Days, Months, NaiveDate};

impl Gen {
    pub(super) fn action_plans(&mut self, spec: &Spec, outcomes: &[Outcome]) -> Vec<ActionPlan> {
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
}
