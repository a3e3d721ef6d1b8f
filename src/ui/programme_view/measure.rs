//! A measure's own fields: what it is, its unit and direction, where it sits on the
//! dashboard, its baseline, tolerance and chart settings. Its lists (values, targets,
//! comparators, events, disagreements) are in `measure_lists`.

use super::form::{Field, Form};
use super::forms::{Context, Request};
use crate::format::parse_value;
use crate::history::List;
use crate::model::{Baseline, Direction, Measure, Period, Unit};
use egui::Ui;

/// The units offered, with their words; `other` is the measure's own unit name if it has one.
fn units(other: &str) -> Vec<(Unit, String)> {
    vec![
        (Unit::Percent, "Percent (%)".into()),
        (Unit::Count, "Count".into()),
        (Unit::Households, "Households".into()),
        (Unit::People, "People".into()),
        (Unit::Children, "Children".into()),
        (Unit::Homes, "Homes".into()),
        (Unit::Pounds, "Pounds (£)".into()),
        (Unit::PoundsMillion, "£ million".into()),
        (Unit::Other(other.to_string()), "Another unit…".into()),
    ]
}

pub(super) fn fields(f: &mut Form, ui: &mut Ui, m: &mut Measure, cx: &mut Context) {
    f.text(ui, "Name", &mut m.name, &[]);
    cx.id(f, ui, List::Measures, &mut m.id, &m.name.clone());
    f.multiline(ui, "Definition", &mut m.definition, &[]);
    let other = match &m.unit {
        Unit::Other(s) => s.clone(),
        _ => String::new(),
    };
    f.choice(ui, "Unit", &mut m.unit, &units(&other), &[]);
    if let Unit::Other(name) = &mut m.unit {
        f.text(ui, "Unit name", name, &[])
            .on_hover_text("In the plural, as values are counted: “visits”, “tonnes of CO₂”");
    }
    let directions = [
        (Direction::HigherIsBetter, "Higher is better".to_string()),
        (Direction::LowerIsBetter, "Lower is better".to_string()),
    ];
    f.choice(ui, "Direction", &mut m.direction, &directions, &[]);
    f.parsed(
        ui,
        Field {
            label: "Dashboard position",
            hint: "blank for none",
            keys: &[],
        },
        &mut m.headline,
        |h| h.map(|h| h.to_string()).unwrap_or_default(),
        |t| match t.trim() {
            "" => Ok(None),
            t => t
                .parse::<u32>()
                .ok()
                .filter(|n| *n >= 1)
                .map(Some)
                .ok_or_else(|| format!("{t:?} is not a position (1 for first, or blank)")),
        },
    );
    baseline(f, ui, m);
    f.parsed(
        ui,
        Field {
            label: "Tolerance (%)",
            hint: "10",
            keys: &["tolerance_percent"],
        },
        &mut m.tolerance_percent,
        |t| t.to_string(),
        |t| {
            t.trim()
                .parse::<f64>()
                .ok()
                .filter(|v| (0.0..=100.0).contains(v))
                .ok_or_else(|| format!("{:?} is not a percentage (0 to 100)", t.trim()))
        },
    );
    f.text(ui, "Chart title", &mut m.chart_title, &[])
        .on_hover_text("A title that states the message; empty for the measure's name");
    f.custom(ui, "Value axis", &[], |ui, l| {
        ui.checkbox(
            &mut m.chart_fit_axis,
            "Fit the values (instead of starting at zero)",
        )
        .labelled_by(l);
    });
    f.multiline(ui, "Note", &mut m.note, &[]);
    if !cx.is_new {
        let id = m.id.clone();
        f.custom(ui, "Chart", &[], |ui, _| {
            if ui.button("Open its chart").clicked() {
                cx.requests.push(Request::OpenMeasure(id));
            }
        });
    }
}

/// The baseline: none, or a period and a value (in the measure's unit).
fn baseline(f: &mut Form, ui: &mut Ui, m: &mut Measure) {
    let mut has = m.baseline.is_some();
    f.custom(ui, "Baseline", &["baseline"], |ui, l| {
        ui.checkbox(&mut has, "The trajectory starts from a baseline")
            .labelled_by(l);
    });
    match (has, &mut m.baseline) {
        (false, b) => *b = None,
        (true, None) => {
            let first = m.observations.first();
            m.baseline = Some(Baseline {
                period: first.map_or(Period::Year(2020), |o| o.period),
                value: first.map_or(0.0, |o| o.value),
            });
        }
        (true, Some(_)) => {}
    }
    let unit = m.unit.clone();
    if let Some(b) = &mut m.baseline {
        f.parsed(
            ui,
            Field {
                label: "Baseline period",
                hint: "2022/23",
                keys: &[],
            },
            &mut b.period,
            |p| p.to_string(),
            |t| t.trim().parse::<Period>().map_err(|e| e.to_string()),
        );
        f.parsed(
            ui,
            Field {
                label: "Baseline value",
                hint: "",
                keys: &[],
            },
            &mut b.value,
            |v| v.to_string(),
            |t| parse_value(t, &unit),
        );
    }
}
