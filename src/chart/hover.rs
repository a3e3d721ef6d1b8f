//! What hovering a drawn value says: its series, period, value, status, source and note.

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
            if s.main {
                t.push_str(&format!("\nStatus: {}", self.assessment.badge()));
            }
            if !p.source.is_empty() {
                t.push_str(&format!("\nSource: {}", p.source));
            }
            if !p.note.is_empty() {
                t.push_str(&format!("\nNote: {}", p.note));
            }
            return Some(t);
        }
        self.targets
            .iter()
            .find(|t| near(t.x, x) && near(t.y, y))
            .map(|t| t.label.clone())
    }
}
