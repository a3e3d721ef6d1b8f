//! What hovering a drawn value says: its series, period, value, status, source and note,
//! and what each source claims where they disagree.

use super::Chart;
use crate::format;

impl Chart {
    /// The hover text for the value or target drawn at (`x`, `y`), if there is one.
    pub fn hover_text(&self, x: f64, y: f64) -> Option<String> {
        let near = |a: f64, b: f64| (a - b).abs() < 1e-9;
        for s in &self.series {
            let Some(p) = s.points.iter().find(|p| near(p.x, x) && near(p.y, y)) else {
                continue;
            };
            let mut t = format!(
                "{}\n{}: {}\n{}",
                s.name,
                p.period,
                format::value(p.y, &self.unit),
                super::value_status_label(p.status)
            );
            if let Some(why) = &p.period_inferred {
                t.push_str(&format!("\nPeriod inferred: {why}"));
            }
            if s.main {
                t.push_str(&format!("\nStatus: {}", self.assessment.badge()));
            }
            t.push('\n');
            t.push_str(&p.basis);
            if !p.note.is_empty() {
                t.push_str(&format!("\nNote: {}", p.note));
            }
            // A value the sources disagree about shows every claim beside it.
            if s.main {
                for d in self.disagreements.iter().filter(|d| near(d.x, p.x)) {
                    t.push_str("\n\n");
                    t.push_str(&d.hover());
                }
            }
            return Some(t);
        }
        if let Some(t) = self.targets.iter().find(|t| near(t.x, x) && near(t.y, y)) {
            return Some(format!("{}\n{}", t.label, t.basis));
        }
        self.disagreements
            .iter()
            .find(|d| near(d.x, x))
            .map(|d| d.hover())
    }
}
