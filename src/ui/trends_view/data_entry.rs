//! Data entry under the chart: observations, targets, annotations and a status set by hand,
//! each checked before it is applied as an undoable edit.

use super::*;

impl TrendsView {
    pub(super) fn override_ui(
        &mut self,
        ui: &mut Ui,
        doc: &Document,
        index: usize,
    ) -> Option<(String, Measure)> {
        let mut pending: Option<(String, Measure)> = None;
        let m = &doc.project().measures[index];
        ui.label(RichText::new("Status set by hand").strong());
        if let Some(o) = &m.status_override {
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
        ui.horizontal_wrapped(|ui| {
            let f = &mut self.override_form;
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
            if ui.button("Set status").clicked() {
                if f.reason.trim().is_empty() {
                    f.error = Some("Give a reason for setting the status by hand".into());
                } else {
                    let mut v = m.clone();
                    v.status_override = Some(StatusOverride {
                        rag: f.rag,
                        reason: f.reason.trim().to_string(),
                        date: Some(chrono::Local::now().date_naive()),
                    });
                    pending = Some((format!("Set status of {}", m.name), v));
                    *f = OverrideForm::default();
                }
            }
        });
        error_line(ui, &self.override_form.error);
        pending
    }

    pub(super) fn observations_ui(
        &mut self,
        ui: &mut Ui,
        doc: &Document,
        index: usize,
    ) -> Option<(String, Measure)> {
        let mut pending: Option<(String, Measure)> = None;
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
        let mut delete = None;
        let mut edit = None;
        // Only the visible rows are laid out, so long series stay fast.
        ui.push_id("obs-table", |ui| {
            use egui_extras::{Column, TableBuilder};
            TableBuilder::new(ui)
                .striped(true)
                .vscroll(true)
                .max_scroll_height(320.0)
                .column(Column::exact(120.0))
                .column(Column::exact(150.0))
                .column(Column::exact(100.0))
                .column(Column::initial(320.0).clip(true))
                .column(Column::initial(220.0).clip(true))
                .column(Column::remainder())
                .header(22.0, |mut h| {
                    for t in ["Period", "Value", "Status", "Source", "Note", ""] {
                        h.col(|ui| {
                            ui.label(RichText::new(t).strong());
                        });
                    }
                })
                .body(|body| {
                    body.rows(24.0, order.len(), |mut row| {
                        let i = order[row.index()];
                        let o = &m.observations[i];
                        row.col(|ui| {
                            ui.label(o.period.label());
                        });
                        row.col(|ui| {
                            ui.label(crate::format::value(o.value, &m.unit));
                        });
                        row.col(|ui| {
                            ui.label(chart::value_status_label(o.status));
                        });
                        row.col(|ui| {
                            ui.label(
                                o.source
                                    .as_deref()
                                    .map(|s| {
                                        project.source(s).map(|s| s.title.as_str()).unwrap_or(s)
                                    })
                                    .unwrap_or("—"),
                            );
                        });
                        row.col(|ui| {
                            ui.label(&o.note);
                        });
                        row.col(|ui| {
                            let (e, d) =
                                edit_delete(ui, &format!("the {} value", o.period.label()));
                            if e {
                                edit = Some(i);
                            }
                            if d {
                                delete = Some(i);
                            }
                        });
                    });
                });
        });
        if let Some(i) = delete {
            let mut v = m.clone();
            let o = v.observations.remove(i);
            pending = Some((
                format!("Delete {} value of {}", o.period.label(), m.name),
                v,
            ));
            self.obs_form = ObsForm::default();
            return pending;
        }
        if let Some(i) = edit {
            let o = &m.observations[i];
            self.obs_form = ObsForm {
                editing: Some(i),
                period: o.period.to_string(),
                value: o.value.to_string(),
                status: o.status,
                source: o.source.clone(),
                note: o.note.clone(),
                error: None,
            };
        }
        let f = &mut self.obs_form;
        ui.horizontal_wrapped(|ui| {
            labelled_edit(ui, "Period", &mut f.period, 110.0).on_hover_text(
                "2024-03-31, 2024-03, 2024-Q1, 2024, 2023/24, 2023/24 Q3 or 2018-2020",
            );
            crate::ui::widgets::period_calendar(ui, "observation-calendar", &mut f.period);
            labelled_edit(ui, "Value", &mut f.value, 90.0);
            let l = ui.label("Value status");
            egui::ComboBox::from_id_salt("Value status")
                .selected_text(chart::value_status_label(f.status))
                .show_ui(ui, |ui| {
                    for s in [
                        ValueStatus::Measured,
                        ValueStatus::Provisional,
                        ValueStatus::Estimated,
                        ValueStatus::Illustrative,
                    ] {
                        ui.selectable_value(&mut f.status, s, chart::value_status_label(s));
                    }
                })
                .response
                .labelled_by(l.id);
            let src_title = f
                .source
                .as_deref()
                .and_then(|s| project.source(s))
                .map(|s| truncate(&s.title, 40))
                .unwrap_or_else(|| "None".into());
            let l = ui.label("Source");
            egui::ComboBox::from_id_salt("Source")
                .selected_text(src_title)
                .width(260.0)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut f.source, None, "None");
                    for s in &project.sources {
                        ui.selectable_value(
                            &mut f.source,
                            Some(s.id.clone()),
                            truncate(&s.title, 70),
                        );
                    }
                })
                .response
                .labelled_by(l.id);
            labelled_edit(ui, "Note", &mut f.note, 200.0);
            let label = if f.editing.is_some() {
                "Save value"
            } else {
                "Add value"
            };
            if ui.button(label).clicked() {
                match read_observation(f, m) {
                    Ok(o) => {
                        let mut v = m.clone();
                        let what = format!("{} value of {}", o.period.label(), m.name);
                        match f.editing {
                            Some(i) if i < v.observations.len() => v.observations[i] = o,
                            _ => v.observations.push(o),
                        }
                        v.observations.sort_by(|a, b| {
                            a.period.decimal_year().total_cmp(&b.period.decimal_year())
                        });
                        let verb = if f.editing.is_some() { "Edit" } else { "Add" };
                        pending = Some((format!("{verb} {what}"), v));
                        *f = ObsForm::default();
                    }
                    Err(e) => f.error = Some(e),
                }
            }
            if f.editing.is_some() && ui.button("Cancel").clicked() {
                *f = ObsForm::default();
            }
        });
        error_line(ui, &self.obs_form.error);
        pending
    }

    pub(super) fn targets_ui(
        &mut self,
        ui: &mut Ui,
        doc: &Document,
        index: usize,
    ) -> Option<(String, Measure)> {
        let mut pending: Option<(String, Measure)> = None;
        let m = &doc.project().measures[index];
        ui.label(RichText::new("Targets and milestones").strong());
        let mut delete = None;
        let mut edit = None;
        egui::Grid::new("target-table")
            .striped(true)
            .show(ui, |ui| {
                for (i, t) in m.targets.iter().enumerate() {
                    ui.label(t.year.to_string());
                    ui.label(crate::format::value(t.value, &m.unit));
                    ui.label(match t.kind {
                        TargetKind::Target => "Target",
                        TargetKind::Milestone => "Milestone",
                    });
                    ui.label(&t.label);
                    let (e, d) = edit_delete(ui, &format!("the {} target", t.year));
                    if e {
                        edit = Some(i);
                    }
                    if d {
                        delete = Some(i);
                    }
                    ui.end_row();
                }
            });
        if let Some(i) = delete {
            let mut v = m.clone();
            let t = v.targets.remove(i);
            pending = Some((format!("Delete {} target of {}", t.year, m.name), v));
            self.target_form = TargetForm::default();
            return pending;
        }
        if let Some(i) = edit {
            let t = &m.targets[i];
            self.target_form = TargetForm {
                editing: Some(i),
                year: t.year.to_string(),
                value: t.value.to_string(),
                kind: t.kind,
                label: t.label.clone(),
                error: None,
            };
        }
        let f = &mut self.target_form;
        ui.horizontal_wrapped(|ui| {
            labelled_edit(ui, "Target year", &mut f.year, 60.0);
            labelled_edit(ui, "Target value", &mut f.value, 90.0);
            let l = ui.label("Kind");
            egui::ComboBox::from_id_salt("Kind")
                .selected_text(match f.kind {
                    TargetKind::Target => "Target",
                    TargetKind::Milestone => "Milestone",
                })
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut f.kind, TargetKind::Target, "Target");
                    ui.selectable_value(&mut f.kind, TargetKind::Milestone, "Milestone");
                })
                .response
                .labelled_by(l.id);
            labelled_edit(ui, "Target label", &mut f.label, 200.0);
            let button = if f.editing.is_some() {
                "Save target"
            } else {
                "Add target"
            };
            if f.editing.is_some() && ui.button("Cancel").clicked() {
                *f = TargetForm::default();
            } else if ui.button(button).clicked() {
                let year = f
                    .year
                    .trim()
                    .parse::<i32>()
                    .ok()
                    .filter(|y| (1900..=2200).contains(y));
                match (year, chart::parse_value(&f.value, &m.unit)) {
                    (None, _) => f.error = Some(format!("{:?} is not a year", f.year.trim())),
                    (_, Err(e)) => f.error = Some(format!("Target value: {e}")),
                    (Some(year), Ok(value)) => {
                        let mut v = m.clone();
                        // Editing keeps what the form does not show (source, note).
                        let mut t = match f.editing {
                            Some(i) if i < v.targets.len() => v.targets.remove(i),
                            _ => Target::default(),
                        };
                        t.year = year;
                        t.value = value;
                        t.kind = f.kind;
                        t.label = f.label.trim().to_string();
                        v.targets.push(t);
                        v.targets.sort_by_key(|t| t.year);
                        let verb = if f.editing.is_some() { "Edit" } else { "Add" };
                        pending = Some((format!("{verb} {year} target of {}", m.name), v));
                        *f = TargetForm::default();
                    }
                }
            }
        });
        error_line(ui, &self.target_form.error);
        pending
    }

    pub(super) fn events_ui(
        &mut self,
        ui: &mut Ui,
        doc: &Document,
        index: usize,
    ) -> Option<(String, Measure)> {
        let mut pending: Option<(String, Measure)> = None;
        let m = &doc.project().measures[index];
        ui.label(RichText::new("Events marked on the chart").strong());
        let mut delete = None;
        let mut edit = None;
        egui::Grid::new("event-table").striped(true).show(ui, |ui| {
            for (i, a) in m.annotations.iter().enumerate() {
                ui.label(a.period.label());
                ui.label(&a.label);
                let (e, d) = edit_delete(ui, &format!("the event {:?}", a.label));
                if e {
                    edit = Some(i);
                }
                if d {
                    delete = Some(i);
                }
                ui.end_row();
            }
        });
        if let Some(i) = delete {
            let mut v = m.clone();
            let a = v.annotations.remove(i);
            pending = Some((format!("Delete event {:?}", a.label), v));
            self.event_form = EventForm::default();
            return pending;
        }
        if let Some(i) = edit {
            let a = &m.annotations[i];
            self.event_form = EventForm {
                editing: Some(i),
                period: a.period.to_string(),
                label: a.label.clone(),
                error: None,
            };
        }
        let f = &mut self.event_form;
        ui.horizontal_wrapped(|ui| {
            labelled_edit(ui, "Event date", &mut f.period, 110.0);
            crate::ui::widgets::period_calendar(ui, "event-calendar", &mut f.period);
            labelled_edit(ui, "Event", &mut f.label, 280.0);
            let button = if f.editing.is_some() {
                "Save event"
            } else {
                "Add event"
            };
            if f.editing.is_some() && ui.button("Cancel").clicked() {
                *f = EventForm::default();
            } else if ui.button(button).clicked() {
                match f.period.parse::<Period>() {
                    Err(e) => f.error = Some(e.to_string()),
                    Ok(_) if f.label.trim().is_empty() => {
                        f.error = Some("Say what happened".into())
                    }
                    Ok(period) => {
                        let mut v = m.clone();
                        let label = f.label.trim().to_string();
                        let what = match f.editing {
                            // Editing keeps the event's note and its place in the list.
                            Some(i) if i < v.annotations.len() => {
                                v.annotations[i].period = period;
                                v.annotations[i].label = label;
                                format!("Edit event of {}", m.name)
                            }
                            _ => {
                                v.annotations.push(Annotation {
                                    period,
                                    label,
                                    note: String::new(),
                                    source: None,
                                });
                                format!("Add event to {}", m.name)
                            }
                        };
                        pending = Some((what, v));
                        *f = EventForm::default();
                    }
                }
            }
        });
        error_line(ui, &self.event_form.error);
        pending
    }
}

/// A row's Edit and Delete buttons, named for screen readers and tooltips after `what`
/// ("Edit the 2040 target"). Returns (edit clicked, delete clicked).
fn edit_delete(ui: &mut Ui, what: &str) -> (bool, bool) {
    ui.horizontal(|ui| {
        let mut button = |word: &str| {
            let name = format!("{word} {what}");
            let r = ui.small_button(word).on_hover_text(&name);
            r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
            r.clicked()
        };
        (button("Edit"), button("Delete"))
    })
    .inner
}

/// Read the entry form into an observation, or say what is wrong.
pub(super) fn read_observation(f: &ObsForm, m: &Measure) -> Result<Observation, String> {
    let period: Period = f
        .period
        .parse()
        .map_err(|e: crate::model::PeriodError| e.to_string())?;
    let value = chart::parse_value(&f.value, &m.unit).map_err(|e| format!("Value: {e}"))?;
    if f.status == ValueStatus::Measured && f.source.is_none() {
        return Err("A measured value needs a source: pick one".into());
    }
    if m.observations
        .iter()
        .enumerate()
        .any(|(i, o)| o.period == period && Some(i) != f.editing)
    {
        return Err(format!("There is already a value for {}", period.label()));
    }
    // Editing keeps what the form does not show (working, inferred period).
    let kept = f.editing.and_then(|i| m.observations.get(i));
    Ok(Observation {
        period,
        value,
        status: f.status,
        source: f.source.clone(),
        note: f.note.trim().to_string(),
        ..kept.cloned().unwrap_or_default()
    })
}
