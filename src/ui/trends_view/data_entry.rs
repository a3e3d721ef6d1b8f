//! Data entry under the chart: observations, targets, annotations and a status set by hand,
//! each a [`ListEditor`] whose change is checked before it is applied as an undoable edit.

use super::*;
use crate::ui::list_editor::{Change, Table};
use crate::ui::measure_fields::{PERIOD_HINT, kind_word, read_year, status, target_kind};

impl TrendsView {
    pub(super) fn override_ui(
        &mut self,
        ui: &mut Ui,
        doc: &Document,
        index: usize,
    ) -> Option<(String, Measure)> {
        let m = &doc.project().measures[index];
        ui.label(RichText::new("Status set by hand").strong());
        if let Some(o) = &m.status_override {
            let mut pending = None;
            ui.horizontal_wrapped(|ui| {
                crate::ui::widgets::rag_badge(ui, o.rag);
                ui.label(format!(
                    "{}{}",
                    o.reason,
                    o.date
                        .map(|d| format!(" ({})", crate::format::date(d)))
                        .unwrap_or_default()
                ));
                if ui.button("Clear status set by hand").clicked() {
                    let mut v = m.clone();
                    v.status_override = None;
                    pending = Some((format!("Clear status of {}", m.name), v));
                }
            });
            return pending;
        }
        let draw = |ui: &mut Ui, f: &mut OverrideForm| {
            let l = ui.label("Rating");
            egui::ComboBox::from_id_salt("Rating")
                .selected_text(f.rag.label())
                .show_ui(ui, |ui| {
                    for r in Rag::ALL {
                        ui.selectable_value(&mut f.rag, r, r.label());
                    }
                })
                .response
                .labelled_by(l.id);
            labelled_edit(ui, "Reason", &mut f.reason, 360.0);
        };
        let read = |f: &OverrideForm, _: Option<usize>| {
            if f.reason.trim().is_empty() {
                return Err("Give a reason for setting the status by hand".to_string());
            }
            Ok(StatusOverride {
                rag: f.rag,
                reason: f.reason.trim().to_string(),
                date: Some(chrono::Local::now().date_naive()),
            })
        };
        let words = ["Set status".to_string(), "Set status".to_string()];
        let set = self.status.form_with(ui, &words, draw, read)?;
        let mut v = m.clone();
        if let Change::Add(o) | Change::Replace(_, o) = set {
            v.status_override = Some(o);
        }
        Some((format!("Set status of {}", m.name), v))
    }

    pub(super) fn observations_ui(
        &mut self,
        ui: &mut Ui,
        doc: &Document,
        index: usize,
    ) -> Option<(String, Measure)> {
        let project = doc.project();
        let m = &project.measures[index];
        ui.label(RichText::new("Data").strong());
        let mut order: Vec<usize> = (0..m.observations.len()).collect();
        order.sort_by(|&a, &b| {
            m.observations[a]
                .period
                .decimal_year()
                .total_cmp(&m.observations[b].period.decimal_year())
        });
        let source_title = |id: &str| {
            project
                .source(id)
                .map_or(id.to_string(), |s| s.title.clone())
        };
        let table = Table {
            id_salt: "obs-table",
            headers: &["Period", "Value", "Status", "Source", "Note"],
            widths: &[120.0, 150.0, 100.0, 320.0, 220.0],
            order: Some(&order),
            ..Table::default()
        };
        let cell = |ui: &mut Ui, c: usize, o: &Observation| {
            ui.label(match c {
                0 => o.period.label(),
                1 => crate::format::value(o.value, &m.unit),
                2 => chart::value_status_label(o.status).to_string(),
                3 => o.source.as_deref().map_or("—".into(), source_title),
                _ => o.note.clone(),
            });
        };
        let what = |o: &Observation| format!("the {} value", o.period.label());
        let load = |o: &Observation| ObsForm {
            period: o.period.to_string(),
            value: o.value.to_string(),
            status: o.status,
            source: SourceChoice::of(o.source.as_ref()),
            note: o.note.clone(),
        };
        let table_change = self
            .observations
            .table(ui, &table, &m.observations, cell, what, load);
        let draw = |ui: &mut Ui, f: &mut ObsForm| observation_fields(ui, f, project);
        let read = |f: &ObsForm, editing| read_observation(f, editing, m);
        let change = table_change.or_else(|| self.observations.form(ui, "value", draw, read))?;
        let label = match &change {
            Change::Remove(i) => format!(
                "Delete {} value of {}",
                m.observations[*i].period.label(),
                m.name
            ),
            Change::Replace(_, o) => format!("Edit {} value of {}", o.period.label(), m.name),
            Change::Add(o) => format!("Add {} value of {}", o.period.label(), m.name),
            Change::Move { .. } => return None,
        };
        let mut v = m.clone();
        change.apply_to(&mut v.observations);
        v.observations
            .sort_by(|a, b| a.period.decimal_year().total_cmp(&b.period.decimal_year()));
        Some((label, v))
    }

    pub(super) fn targets_ui(
        &mut self,
        ui: &mut Ui,
        doc: &Document,
        index: usize,
    ) -> Option<(String, Measure)> {
        let m = &doc.project().measures[index];
        ui.label(RichText::new("Targets and milestones").strong());
        let table = Table {
            id_salt: "target-table",
            headers: &["Year", "Value", "Kind", "Label"],
            widths: &[60.0, 140.0, 90.0, 260.0],
            max_height: 200.0,
            ..Table::default()
        };
        let cell = |ui: &mut Ui, c: usize, t: &Target| {
            ui.label(match c {
                0 => t.year.to_string(),
                1 => crate::format::value(t.value, &m.unit),
                2 => kind_word(t.kind).to_string(),
                _ => t.label.clone(),
            });
        };
        let load = |t: &Target| TargetForm {
            year: t.year.to_string(),
            value: t.value.to_string(),
            kind: t.kind,
            label: t.label.clone(),
        };
        let what = |t: &Target| format!("the {} target", t.year);
        let table_change = self.targets.table(ui, &table, &m.targets, cell, what, load);
        let read = |f: &TargetForm, editing: Option<usize>| {
            let year = read_year(&f.year)?;
            let value = crate::format::parse_value(&f.value, &m.unit)
                .map_err(|e| format!("Target value: {e}"))?;
            // Editing keeps what the form does not show (source, note, working).
            let kept = editing.and_then(|i| m.targets.get(i)).cloned();
            Ok(Target {
                year,
                value,
                kind: f.kind,
                label: f.label.trim().to_string(),
                ..kept.unwrap_or_default()
            })
        };
        let change =
            table_change.or_else(|| self.targets.form(ui, "target", target_fields, read))?;
        let label = match &change {
            Change::Remove(i) => format!("Delete {} target of {}", m.targets[*i].year, m.name),
            Change::Replace(_, t) => format!("Edit {} target of {}", t.year, m.name),
            Change::Add(t) => format!("Add {} target of {}", t.year, m.name),
            Change::Move { .. } => return None,
        };
        let mut v = m.clone();
        change.apply_to(&mut v.targets);
        v.targets.sort_by_key(|t| t.year);
        Some((label, v))
    }

    pub(super) fn events_ui(
        &mut self,
        ui: &mut Ui,
        doc: &Document,
        index: usize,
    ) -> Option<(String, Measure)> {
        let m = &doc.project().measures[index];
        ui.label(RichText::new("Events marked on the chart").strong());
        let table = Table {
            id_salt: "event-table",
            headers: &["Date", "Event"],
            widths: &[120.0, 360.0],
            max_height: 200.0,
            ..Table::default()
        };
        let cell = |ui: &mut Ui, c: usize, a: &Annotation| {
            ui.label(if c == 0 {
                a.period.label()
            } else {
                a.label.clone()
            });
        };
        let load = |a: &Annotation| EventForm {
            period: a.period.to_string(),
            label: a.label.clone(),
        };
        let what = |a: &Annotation| format!("the event {:?}", a.label);
        let table_change = self
            .events
            .table(ui, &table, &m.annotations, cell, what, load);
        let draw = |ui: &mut Ui, f: &mut EventForm| {
            labelled_edit(ui, "Event date", &mut f.period, 110.0);
            crate::ui::widgets::period_calendar(ui, "event-calendar", &mut f.period);
            labelled_edit(ui, "Event", &mut f.label, 280.0);
        };
        let read = |f: &EventForm, editing: Option<usize>| {
            let period = f.period.parse::<Period>().map_err(|e| e.to_string())?;
            if f.label.trim().is_empty() {
                return Err("Say what happened".to_string());
            }
            // Editing keeps the event's note and source.
            let kept = editing.and_then(|i| m.annotations.get(i)).cloned();
            Ok(Annotation {
                period,
                label: f.label.trim().to_string(),
                ..kept.unwrap_or_default()
            })
        };
        let change = table_change.or_else(|| self.events.form(ui, "event", draw, read))?;
        let label = match &change {
            Change::Remove(i) => format!("Delete event {:?}", m.annotations[*i].label),
            Change::Replace(..) => format!("Edit event of {}", m.name),
            Change::Add(_) => format!("Add event to {}", m.name),
            Change::Move { .. } => return None,
        };
        let mut v = m.clone();
        change.apply_to(&mut v.annotations);
        Some((label, v))
    }
}

fn target_fields(ui: &mut Ui, f: &mut TargetForm) {
    labelled_edit(ui, "Target year", &mut f.year, 60.0);
    labelled_edit(ui, "Target value", &mut f.value, 90.0);
    target_kind(ui, "Kind", &mut f.kind);
    labelled_edit(ui, "Target label", &mut f.label, 200.0);
}

fn observation_fields(ui: &mut Ui, f: &mut ObsForm, project: &crate::model::Project) {
    labelled_edit(ui, "Period", &mut f.period, 110.0).on_hover_text(PERIOD_HINT);
    crate::ui::widgets::period_calendar(ui, "observation-calendar", &mut f.period);
    labelled_edit(ui, "Value", &mut f.value, 90.0);
    status(ui, "Value status", &mut f.status);
    labelled_edit(ui, "Note", &mut f.note, 200.0);
    // A source not in the project yet is added on the spot ("New source…").
    f.source.ui(ui, "Source", project);
}

/// Read the entry form into an observation (replacing the one at `editing`, if any), or say
/// what is wrong.
pub(super) fn read_observation(
    f: &ObsForm,
    editing: Option<usize>,
    m: &Measure,
) -> Result<Observation, String> {
    let period: Period = f
        .period
        .parse()
        .map_err(|e: crate::model::PeriodError| e.to_string())?;
    let value = crate::format::parse_value(&f.value, &m.unit).map_err(|e| format!("Value: {e}"))?;
    if f.status == ValueStatus::Measured && f.source.id.is_none() {
        return Err("A measured value needs a source: pick one".into());
    }
    if m.observations
        .iter()
        .enumerate()
        .any(|(i, o)| o.period == period && Some(i) != editing)
    {
        return Err(format!("There is already a value for {}", period.label()));
    }
    // Editing keeps what the form does not show (working, inferred period).
    let kept = editing.and_then(|i| m.observations.get(i));
    Ok(Observation {
        period,
        value,
        status: f.status,
        source: f.source.id.clone(),
        note: f.note.trim().to_string(),
        ..kept.cloned().unwrap_or_default()
    })
}
