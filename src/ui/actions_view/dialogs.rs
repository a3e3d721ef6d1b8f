//! The list of plans, adding and renaming plans, and CSV import (with its preview) and export.

use super::*;

impl ActionsView {
    pub(super) fn plan_list(&mut self, ui: &mut Ui, doc: &mut Document) {
        ui.add_space(4.0);
        ui.heading("Action plans");
        ui.add_space(4.0);
        let today = self.today;
        let soon = self.soon_days;
        let mut choose = None;
        let key = (doc.revision(), today, soon);
        if self.list_cache.as_ref().is_none_or(|(k, _)| *k != key) {
            let sums = doc
                .project()
                .action_plans
                .iter()
                .map(|p| plan_table::summarise(&p.actions, 0..p.actions.len(), today, soon))
                .collect();
            self.list_cache = Some((key, sums));
        }
        let sums = self
            .list_cache
            .as_ref()
            .map(|(_, s)| s.clone())
            .unwrap_or_default();
        for (p, s) in doc.project().action_plans.iter().zip(sums) {
            let selected = self.plan.as_deref() == Some(p.id.as_str());
            let r = ui.add(
                egui::Button::selectable(selected, RichText::new(&p.title).strong())
                    .wrap()
                    .min_size(egui::vec2(ui.available_width(), 0.0)),
            );
            if r.clicked() {
                choose = Some(p.id.clone());
            }
            ui.horizontal_wrapped(|ui| {
                ui.spacing_mut().item_spacing.x = 10.0;
                for rag in Rag::ALL {
                    let n = s.count(rag);
                    if n > 0 {
                        ui.label(
                            RichText::new(format!(
                                "{} {} {}",
                                palette::rag_symbol(rag),
                                n,
                                rag.label()
                            ))
                            .small()
                            .color(theme::muted(ui)),
                        );
                    }
                }
                if s.total == 0 {
                    ui.label(
                        RichText::new("No actions yet")
                            .small()
                            .color(theme::muted(ui)),
                    );
                }
            });
            ui.add_space(6.0);
        }
        if let Some(id) = choose {
            self.select_plan(&id);
        }
        ui.separator();
        ui.horizontal_wrapped(|ui| {
            if ui.button("Add plan").clicked() {
                let n = doc.project().action_plans.len() + 1;
                self.plan_dialog = Some(PlanDialog {
                    index: None,
                    id: format!("plan-{n}"),
                    title: String::new(),
                    origin: String::new(),
                    start: plan_table::iso(self.today),
                    error: None,
                });
            }
            let current = self
                .plan
                .as_deref()
                .and_then(|id| doc.project().action_plans.iter().position(|p| p.id == id));
            if let Some(i) = current
                && ui.button("Rename plan…").clicked()
            {
                let p = &doc.project().action_plans[i];
                self.plan_dialog = Some(PlanDialog {
                    index: Some(i),
                    id: p.id.clone(),
                    title: p.title.clone(),
                    origin: p.origin.clone(),
                    start: p.start.map(plan_table::iso).unwrap_or_default(),
                    error: None,
                });
            }
        });
    }

    pub(super) fn csv_buttons(&mut self, ui: &mut Ui, doc: &Document, plan: usize, nav: &mut Nav) {
        if ui.button("Import CSV…").clicked()
            && let Some(path) = rfd::FileDialog::new()
                .add_filter("CSV", &["csv"])
                .pick_file()
        {
            match std::fs::read(&path) {
                Ok(bytes) => {
                    let name = path
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default();
                    self.start_import(doc, &name, &bytes);
                }
                Err(e) => {
                    nav.error = Some(format!(
                        "Could not read {}: {}",
                        path.display(),
                        crate::file::io_reason(&e)
                    ))
                }
            }
        }
        if ui.button("Export CSV…").clicked() {
            let p = &doc.project().action_plans[plan];
            if let Some(path) = rfd::FileDialog::new()
                .add_filter("CSV", &["csv"])
                .set_file_name(format!("{}.csv", p.id))
                .save_file()
            {
                match crate::file::write_atomic_no_backup(&path, &csv_io::export(p)) {
                    Ok(()) => nav.status = Some(format!("Exported {}", path.display())),
                    Err(e) => nav.error = Some(e.to_string()),
                }
            }
        }
    }

    pub(super) fn dialogs(&mut self, ui: &mut Ui, doc: &mut Document, nav: &mut Nav) {
        // What the user lets the import delete, when changed in the preview.
        let mut rechoose = None;
        if let Some(imp) = &self.import {
            let mut close = false;
            let mut apply = false;
            let plan_actions = doc
                .project()
                .action_plans
                .iter()
                .find(|p| p.id == imp.plan)
                .map(|p| &p.actions);
            let modal =
                egui::Modal::new(egui::Id::unique("csv-import-preview")).show(ui.ctx(), |ui| {
                    ui.set_max_width(640.0);
                    ui.heading(format!("Import {}", imp.name));
                    match &imp.result {
                        Err(e) => {
                            ui.label(format!("Nothing can be imported: {e}."));
                            if ui.button("Close").clicked() {
                                close = true;
                            }
                        }
                        Ok(p) => {
                            ui.label(p.summary());
                            egui::ScrollArea::vertical()
                                .max_height(400.0)
                                .show(ui, |ui| {
                                    if !p.added.is_empty() {
                                        ui.label(RichText::new("Will be added").strong());
                                        for a in &p.added {
                                            ui.label(format!("{}: {}", a.reference, a.title));
                                        }
                                    }
                                    if !p.changed.is_empty() {
                                        ui.label(RichText::new("Will be changed").strong());
                                        for (i, a) in &p.changed {
                                            ui.label(format!("{}: {}", a.reference, a.title));
                                            let old = plan_actions.and_then(|v| v.get(*i));
                                            for d in old
                                                .map(|o| csv_io::describe_change(o, a))
                                                .unwrap_or_default()
                                            {
                                                ui.label(
                                                    RichText::new(format!("    {d}"))
                                                        .color(theme::muted(ui)),
                                                );
                                            }
                                        }
                                    }
                                    if !p.rejected.is_empty() {
                                        ui.label(
                                            RichText::new("Rejected (not imported)")
                                                .strong()
                                                .color(red(ui)),
                                        );
                                        for r in &p.rejected {
                                            ui.label(r.to_string());
                                        }
                                    }
                                    if !p.ignored_columns.is_empty() {
                                        ui.label(format!(
                                            "Columns ignored: {}",
                                            p.ignored_columns.join(", ")
                                        ));
                                    }
                                    import_safety_notes(ui, p);
                                });
                            let mut choices = p.choices;
                            import_choices(ui, p, &mut choices);
                            if choices != p.choices {
                                rechoose = Some(choices);
                            }
                            ui.add_space(8.0);
                            ui.horizontal(|ui| {
                                let n = p.added.len() + p.changed.len();
                                let mut text = if p.rejected.is_empty() {
                                    format!("Import {n} rows")
                                } else {
                                    format!("Import {n} rows, skip {} rejected", p.rejected.len())
                                };
                                if !p.removed_rows().is_empty() {
                                    text.push_str(&format!(", remove {}", p.removed_rows().len()));
                                }
                                if ui
                                    .add_enabled(p.can_apply(), egui::Button::new(text))
                                    .clicked()
                                {
                                    apply = true;
                                }
                                if ui.button("Cancel").clicked() {
                                    close = true;
                                }
                            });
                        }
                    }
                });
            if modal.should_close() {
                close = true;
            }
            if apply
                && let Ok(p) = &imp.result
                && let Some(pi) = doc
                    .project()
                    .action_plans
                    .iter()
                    .position(|x| x.id == imp.plan)
            {
                let len = doc.project().action_plans[pi].actions.len();
                let label = format!("Import {}", imp.name);
                match doc.apply(label, p.edit(pi, len)) {
                    Ok(()) => nav.status = Some(format!("Imported {}: {}", imp.name, p.summary())),
                    Err(e) => nav.error = Some(format!("Import failed, nothing changed: {e}")),
                }
                close = true;
            }
            if close {
                self.import = None;
            }
        }
        if let (Some(choices), Some(imp)) = (rechoose, &mut self.import) {
            imp.result =
                csv_io::preview_with(doc.project(), &imp.plan, &imp.bytes, self.today, choices);
        }
        if let Some(d) = &mut self.plan_dialog {
            let mut close = false;
            let mut ok = false;
            let modal = egui::Modal::new(egui::Id::unique("plan-dialog")).show(ui.ctx(), |ui| {
                ui.set_max_width(480.0);
                ui.heading(if d.index.is_some() {
                    "Rename plan"
                } else {
                    "Add plan"
                });
                egui::Grid::new("plan-grid").num_columns(2).show(ui, |ui| {
                    if d.index.is_none() {
                        labelled_text(ui, "Id", &mut d.id, 300.0);
                        ui.end_row();
                    }
                    labelled_text(ui, "Plan title", &mut d.title, 300.0);
                    ui.end_row();
                    labelled_text(ui, "Origin", &mut d.origin, 300.0);
                    ui.end_row();
                    ui.horizontal(|ui| {
                        labelled_text(ui, "Starts on", &mut d.start, 120.0).on_hover_text(
                            "Blank for no start date; due dates before it are refused",
                        );
                        crate::ui::widgets::period_calendar(
                            ui,
                            "plan-start-calendar",
                            &mut d.start,
                        );
                    });
                    ui.end_row();
                });
                if let Some(e) = &d.error {
                    ui.label(RichText::new(format!("⚠ {e}")).color(red(ui)));
                }
                ui.horizontal(|ui| {
                    ok = ui.button("OK").clicked();
                    close = ui.button("Cancel").clicked();
                });
            });
            if modal.should_close() {
                close = true;
            }
            if ok {
                let plans = &doc.project().action_plans;
                let id = d.id.trim().to_string();
                let start = if d.start.trim().is_empty() {
                    Ok(None)
                } else {
                    plan_table::parse_date(&d.start).map(Some)
                };
                let err = if let Err(e) = &start {
                    Some(format!("Starts on: {e}"))
                } else if d.title.trim().is_empty() {
                    Some("the plan needs a title".to_string())
                } else if d.index.is_none() && id.is_empty() {
                    Some("the plan needs an id".to_string())
                } else if d.index.is_none() && plans.iter().any(|p| p.id == id) {
                    Some(format!("there is already a plan “{id}”"))
                } else {
                    None
                };
                if err.is_some() {
                    d.error = err;
                } else {
                    let res = match d.index {
                        Some(i) => {
                            let mut header: ActionPlan = plans[i].clone();
                            header.actions.clear();
                            header.title = d.title.trim().to_string();
                            header.origin = d.origin.trim().to_string();
                            header.start = start.clone().ok().flatten();
                            doc.apply(
                                format!("Rename plan {}", header.id),
                                Edit::SetPlanHeader {
                                    plan: i,
                                    value: Box::new(header),
                                },
                            )
                        }
                        None => {
                            let p = ActionPlan {
                                id: id.clone(),
                                title: d.title.trim().to_string(),
                                origin: d.origin.trim().to_string(),
                                start: start.clone().ok().flatten(),
                                ..Default::default()
                            };
                            let n = plans.len();
                            doc.apply(
                                format!("Add plan {id}"),
                                Edit::InsertPlan {
                                    index: n,
                                    value: Box::new(p),
                                },
                            )
                        }
                    };
                    match res {
                        Ok(()) => {
                            if d.index.is_none() {
                                self.plan = Some(id);
                                self.selected = None;
                            }
                            close = true;
                        }
                        Err(e) => d.error = Some(e.to_string()),
                    }
                }
            }
            if close {
                self.plan_dialog = None;
            }
        }
    }
}

/// What an import preview says about rows and notes the file leaves out, and about the
/// whole project after it.
fn import_safety_notes(ui: &mut Ui, p: &csv_io::Preview) {
    let missing = p.missing_lines();
    if !missing.is_empty() {
        ui.label(RichText::new("Not in the file").strong());
        for line in missing {
            ui.label(line);
        }
    }
    if !p.problems.is_empty() {
        ui.label(
            RichText::new("⚠ Not imported: the project would not load after it")
                .strong()
                .color(red(ui)),
        );
        for line in &p.problems {
            ui.label(line);
        }
    }
}

/// The explicit choices to delete what the file leaves out (nothing is deleted otherwise).
fn import_choices(ui: &mut Ui, p: &csv_io::Preview, choices: &mut csv_io::ImportChoices) {
    if let Some(m) = p.missing_summary() {
        ui.label(m);
    }
    if !p.missing_rows.is_empty() {
        let n = p.missing_rows.len();
        ui.checkbox(
            &mut choices.delete_missing_rows,
            format!("Remove the {n} row(s) not in the file"),
        );
    }
    if !p.missing_notes.is_empty() {
        ui.checkbox(
            &mut choices.delete_missing_notes,
            "Remove the progress notes not in the file",
        );
    }
}
