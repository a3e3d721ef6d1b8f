//! A measure's lists in its editor, each a [`ListEditor`] whose changes go straight into the
//! project as undoable edits: values (typed, pasted or imported), targets and milestones with
//! where each comes from, comparators with their own values, events, and where sources
//! disagree. A source can be added on the spot from any of them.

use super::values_import::ValuesImport;
use crate::chart::value_status_label;
use crate::document::Document;
use crate::edit::values::parse_period;
use crate::format::parse_value;
use crate::history::{Edit, List, Place};
use crate::model::{
    Annotation, Claim, Comparator, Disagreement, Measure, Observation, Project, Target, TargetKind,
    Trend, ValueStatus,
};
use crate::ui::list_editor::{Change, ListEditor, Table, labelled_edit, truncate};
use crate::ui::measure_fields::{PERIOD_HINT, kind_word, read_year, status, target_kind};
use crate::ui::nav::Nav;
use crate::ui::source_choice::SourceChoice;
use egui::{RichText, Ui};

mod disputes;
mod values;

use disputes::{ClaimForm, DisagreementForm};
use values::{ValueForm, values_list};

#[derive(Default)]
pub(super) struct MeasureLists {
    values: ListEditor<ValueForm>,
    import: Option<ValuesImport>,
    targets: ListEditor<TargetForm>,
    comparators: ListEditor<ComparatorForm>,
    comparator_values: ListEditor<ValueForm>,
    events: ListEditor<EventForm>,
    disagreements: ListEditor<DisagreementForm>,
    claims: ListEditor<ClaimForm>,
}

#[derive(Default)]
struct TargetForm {
    year: String,
    value: String,
    kind: TargetKind,
    label: String,
    source: SourceChoice,
    working: String,
    note: String,
}

#[derive(Default)]
struct ComparatorForm {
    name: String,
}

#[derive(Default)]
struct EventForm {
    period: String,
    label: String,
    note: String,
    source: SourceChoice,
}

fn by_date(v: &mut [Observation]) {
    v.sort_by(|a, b| a.period.decimal_year().total_cmp(&b.period.decimal_year()));
}

/// Change the measure at `index` (one of its lists) as one undoable step.
fn apply(doc: &mut Document, index: usize, label: String, change: impl FnOnce(&mut Measure)) {
    let Some(m) = doc.project().measures.get(index) else {
        return;
    };
    let mut v = m.clone();
    change(&mut v);
    let edit = Edit::set(Place::new(List::Measures, index), v);
    let _ = doc.apply(label, edit);
}

/// "Add", "Edit", "Delete" or "Move" for a change.
fn verb<T>(c: &Change<T>) -> &'static str {
    match c {
        Change::Add(_) => "Add",
        Change::Replace(..) => "Edit",
        Change::Remove(_) => "Delete",
        Change::Move { .. } => "Move",
    }
}

impl MeasureLists {
    /// The lists of the measure at `index`.
    pub fn ui(&mut self, ui: &mut Ui, doc: &mut Document, index: usize, nav: &mut Nav) {
        if index >= doc.project().measures.len() {
            return;
        }
        self.values_ui(ui, doc, index, nav);
        ui.add_space(12.0);
        self.targets_ui(ui, doc, index, nav);
        ui.add_space(12.0);
        self.comparators_ui(ui, doc, index, nav);
        ui.add_space(12.0);
        self.events_ui(ui, doc, index, nav);
        ui.add_space(12.0);
        self.disagreements_ui(ui, doc, index, nav);
    }

    fn values_ui(&mut self, ui: &mut Ui, doc: &mut Document, index: usize, nav: &mut Nav) {
        ui.label(RichText::new("Values").strong());
        let p = doc.project();
        let m = &p.measures[index];
        ui.horizontal(|ui| {
            if ui.button("Paste or import values…").clicked() {
                self.import = Some(ValuesImport::default());
            }
        });
        if let Some(imp) = &mut self.import {
            match imp.ui(ui, doc, index) {
                Some(Ok(label)) => {
                    nav.status = Some(label);
                    self.import = None;
                }
                Some(Err(())) => self.import = None,
                None => {}
            }
            return;
        }
        let change = values_list(ui, &mut self.values, p, m, &m.observations, "value", None);
        if let Some(s) = self.values.form.source.settle(doc) {
            nav.status = Some(s);
        }
        if let Some(c) = change {
            // The next value most likely comes from the same source, with the same status.
            if let Change::Add(o) = &c {
                self.values.form.source.id = o.source.clone();
                self.values.form.status = o.status;
            }
            let label = format!("{} value of {}", verb(&c), m_name(doc, index));
            apply(doc, index, label, |m| {
                c.apply_to(&mut m.observations);
                by_date(&mut m.observations);
            });
        }
    }

    fn targets_ui(&mut self, ui: &mut Ui, doc: &mut Document, index: usize, nav: &mut Nav) {
        ui.label(RichText::new("Targets and milestones").strong());
        let p = doc.project();
        let m = &p.measures[index];
        let table = Table {
            id_salt: "measure-targets",
            headers: &["Year", "Value", "Kind", "Label", "From"],
            widths: &[60.0, 170.0, 90.0, 200.0, 220.0],
            max_height: 200.0,
            ..Table::default()
        };
        let cell = |ui: &mut Ui, c: usize, t: &Target| {
            ui.label(match c {
                0 => t.year.to_string(),
                1 => crate::format::value(t.value, &m.unit),
                2 => kind_word(t.kind).to_string(),
                3 => t.label.clone(),
                _ => t.basis().describe(|id| source_title(p, id)),
            });
        };
        let load = |t: &Target| TargetForm {
            year: t.year.to_string(),
            value: t.value.to_string(),
            kind: t.kind,
            label: t.label.clone(),
            source: SourceChoice::of(t.source.as_ref()),
            working: t.working.clone(),
            note: t.note.clone(),
        };
        let what = |t: &Target| format!("the {} target", t.year);
        let mut change = self.targets.table(ui, &table, &m.targets, cell, what, load);
        let draw = |ui: &mut Ui, f: &mut TargetForm| {
            labelled_edit(ui, "Target year", &mut f.year, 60.0);
            labelled_edit(ui, "Target value", &mut f.value, 90.0);
            target_kind(ui, "Target kind", &mut f.kind);
            labelled_edit(ui, "Target label", &mut f.label, 200.0);
            ui.end_row();
            f.source.ui(ui, "Target source", p);
            labelled_edit(ui, "Target working", &mut f.working, 260.0)
                .on_hover_text("How the value was worked out, when no source states it");
            labelled_edit(ui, "Target note", &mut f.note, 200.0);
        };
        let read = |f: &TargetForm, _: Option<usize>| {
            let year = read_year(&f.year)?;
            let value = parse_value(&f.value, &m.unit).map_err(|e| format!("Target value: {e}"))?;
            Ok(Target {
                year,
                value,
                kind: f.kind,
                label: f.label.trim().to_string(),
                source: f.source.id.clone(),
                note: f.note.trim().to_string(),
                working: f.working.trim().to_string(),
            })
        };
        if change.is_none() {
            change = self.targets.form(ui, "target", draw, read);
        }
        if let Some(s) = self.targets.form.source.settle(doc) {
            nav.status = Some(s);
        }
        if let Some(c) = change {
            let label = format!("{} target of {}", verb(&c), m_name(doc, index));
            apply(doc, index, label, |m| {
                c.apply_to(&mut m.targets);
                m.targets.sort_by_key(|t| t.year);
            });
        }
    }

    fn comparators_ui(&mut self, ui: &mut Ui, doc: &mut Document, index: usize, nav: &mut Nav) {
        ui.label(RichText::new("Comparators").strong())
            .on_hover_text("Other series drawn on the chart, such as the England average");
        let p = doc.project();
        let m = &p.measures[index];
        let table = Table {
            id_salt: "measure-comparators",
            headers: &["Comparator", "Values"],
            widths: &[260.0, 80.0],
            max_height: 160.0,
            reorder: true,
            ..Table::default()
        };
        let cell = |ui: &mut Ui, c: usize, x: &Comparator| {
            ui.label(if c == 0 {
                x.name.clone()
            } else {
                x.observations.len().to_string()
            });
        };
        let load = |x: &Comparator| ComparatorForm {
            name: x.name.clone(),
        };
        let what = |x: &Comparator| format!("the comparator {:?}", x.name);
        let before = self.comparators.editing;
        let mut change = self
            .comparators
            .table(ui, &table, &m.comparators, cell, what, load);
        let editing = self.comparators.editing;
        if before != editing {
            self.comparator_values.reset();
        }
        if let Some(i) = editing.filter(|i| *i < m.comparators.len()) {
            let c = &m.comparators[i];
            ui.label(format!("Values of {}", c.name));
            let own = values_list(
                ui,
                &mut self.comparator_values,
                p,
                m,
                &c.observations,
                "comparator value",
                Some(i),
            );
            if let Some(ch) = own {
                let label = format!("{} value of {} for {}", verb(&ch), c.name, m.name);
                apply(doc, index, label, |m| {
                    ch.apply_to(&mut m.comparators[i].observations);
                    by_date(&mut m.comparators[i].observations);
                });
                return;
            }
        }
        let read = |f: &ComparatorForm, editing: Option<usize>| {
            let name = f.name.trim();
            if name.is_empty() {
                return Err("Name the comparator (“England”)".to_string());
            }
            if m.comparators
                .iter()
                .enumerate()
                .any(|(i, c)| c.name == name && Some(i) != editing)
            {
                return Err(format!("There is already a comparator “{name}”"));
            }
            let kept = editing.and_then(|i| m.comparators.get(i)).cloned();
            Ok(Comparator {
                name: name.to_string(),
                ..kept.unwrap_or_default()
            })
        };
        let draw = |ui: &mut Ui, f: &mut ComparatorForm| {
            labelled_edit(ui, "Comparator name", &mut f.name, 240.0);
        };
        if change.is_none() {
            change = self.comparators.form(ui, "comparator", draw, read);
        }
        if let Some(c) = change {
            let label = format!("{} comparator of {}", verb(&c), m_name(doc, index));
            apply(doc, index, label, |m| c.apply_to(&mut m.comparators));
        }
        if let Some(s) = self.comparator_values.form.source.settle(doc) {
            nav.status = Some(s);
        }
    }

    fn events_ui(&mut self, ui: &mut Ui, doc: &mut Document, index: usize, nav: &mut Nav) {
        ui.label(RichText::new("Events marked on the chart").strong());
        let p = doc.project();
        let m = &p.measures[index];
        let table = Table {
            id_salt: "measure-events",
            headers: &["Date", "Event", "Source"],
            widths: &[110.0, 300.0, 200.0],
            max_height: 160.0,
            ..Table::default()
        };
        let cell = |ui: &mut Ui, c: usize, a: &Annotation| {
            ui.label(match c {
                0 => a.period.label(),
                1 => a.label.clone(),
                _ => a
                    .source
                    .as_deref()
                    .map_or("—".into(), |s| source_title(p, s)),
            });
        };
        let load = |a: &Annotation| EventForm {
            period: a.period.to_string(),
            label: a.label.clone(),
            note: a.note.clone(),
            source: SourceChoice::of(a.source.as_ref()),
        };
        let what = |a: &Annotation| format!("the event {:?}", a.label);
        let mut change = self
            .events
            .table(ui, &table, &m.annotations, cell, what, load);
        let draw = |ui: &mut Ui, f: &mut EventForm| {
            labelled_edit(ui, "Event date", &mut f.period, 110.0);
            labelled_edit(ui, "Event", &mut f.label, 260.0);
            labelled_edit(ui, "Event note", &mut f.note, 200.0);
            ui.end_row();
            f.source.ui(ui, "Event source", p);
        };
        let read = |f: &EventForm, _: Option<usize>| {
            let period = parse_period(f.period.trim())?;
            if f.label.trim().is_empty() {
                return Err("Say what happened".to_string());
            }
            Ok(Annotation {
                period,
                label: f.label.trim().to_string(),
                note: f.note.trim().to_string(),
                source: f.source.id.clone(),
            })
        };
        if change.is_none() {
            change = self.events.form(ui, "event", draw, read);
        }
        if let Some(s) = self.events.form.source.settle(doc) {
            nav.status = Some(s);
        }
        if let Some(c) = change {
            let label = format!("{} event of {}", verb(&c), m_name(doc, index));
            apply(doc, index, label, |m| c.apply_to(&mut m.annotations));
        }
    }
}

fn source_title(p: &Project, id: &str) -> String {
    p.source(id).map_or(id.to_string(), |s| s.title.clone())
}

fn m_name(doc: &Document, index: usize) -> String {
    doc.project()
        .measures
        .get(index)
        .map(|m| m.name.clone())
        .unwrap_or_default()
}
