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

    /// The CSV menu: import into this plan (with a preview first) or export it.
    pub(super) fn csv_menu(&mut self, ui: &mut Ui, doc: &Document, plan: usize, nav: &mut Nav) {
        ui.menu_button("CSV", |ui| self.csv_buttons(ui, doc, plan, nav))
            .response
            .on_hover_text("Import this plan's rows from a spreadsheet, or export them to one");
    }

    fn csv_buttons(&mut self, ui: &mut Ui, doc: &Document, plan: usize, nav: &mut Nav) {
        if ui.button("Import CSV…").clicked()
            && let Some(path) = rfd::FileDialog::new()
                .add_filter("CSV", &["csv"])
                .pick_file()
        {
            match csv_io::read_file(&path) {
                Ok(bytes) => {
                    let name = path
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default();
                    self.start_import(doc, &name, &bytes);
                }
                Err(e) => nav.error = Some(e),
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
        self.import_dialog(ui, doc, nav);
        self.plan_dialog_ui(ui, doc);
    }

    /// The preview of a CSV import: what will be added, changed, rejected and left out, with
    /// the choice to remove what the file leaves out; Import applies it as one undoable step.
    fn import_dialog(&mut self, ui: &mut Ui, doc: &mut Document, nav: &mut Nav) {
        let Some(imp) = &self.import else { return };
        let mut close = false;
        let mut apply = false;
        // What the user lets the import delete, when changed in the preview.
        let mut rechoose = None;
        let plan = doc.project().plan(&imp.plan);
        let modal = egui::Modal::new(egui::Id::unique("csv-import-preview")).show(ui.ctx(), |ui| {
            ui.set_max_width(640.0);
            ui.heading(format!("Import {}", imp.name));
            let p = match &imp.result {
                Err(e) => {
                    ui.label(format!("Nothing can be imported: {e}."));
                    close = ui.button("Close").clicked();
                    return;
                }
                Ok(p) => p,
            };
            ui.label(p.summary());
            egui::ScrollArea::vertical()
                .max_height(400.0)
                .show(ui, |ui| {
                    import_preview(ui, p, plan.map(|x| x.actions.as_slice()));
                    import_safety_notes(ui, p);
                });
            let mut choices = p.choices;
            import_choices(ui, p, &mut choices);
            if choices != p.choices {
                rechoose = Some(choices);
            }
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                apply = ui
                    .add_enabled(p.can_apply(), egui::Button::new(import_button_text(p)))
                    .clicked();
                close = ui.button("Cancel").clicked();
            });
        });
        close |= modal.should_close();
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
        } else if let (Some(choices), Some(imp)) = (rechoose, &mut self.import) {
            imp.result =
                csv_io::preview_with(doc.project(), &imp.plan, &imp.bytes, self.today, choices);
        }
    }

    /// Adding a plan, or renaming the one shown.
    fn plan_dialog_ui(&mut self, ui: &mut Ui, doc: &mut Document) {
        let Some(d) = &mut self.plan_dialog else {
            return;
        };
        let (mut ok, mut close) = (false, false);
        let modal = egui::Modal::new(egui::Id::unique("plan-dialog")).show(ui.ctx(), |ui| {
            (ok, close) = plan_form(ui, d);
        });
        close |= modal.should_close();
        if ok {
            match apply_plan_dialog(doc, d) {
                Ok(added) => {
                    if let Some(id) = added {
                        self.plan = Some(id);
                        self.selected = None;
                    }
                    close = true;
                }
                Err(e) => d.error = Some(e),
            }
        }
        if close {
            self.plan_dialog = None;
        }
    }
}

/// What an import will add, change (with each change described) and reject.
fn import_preview(ui: &mut Ui, p: &csv_io::Preview, actions: Option<&[Action]>) {
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
            let old = actions.and_then(|v| v.get(*i));
            for d in old
                .map(|o| csv_io::describe_change(o, a))
                .unwrap_or_default()
            {
                ui.label(RichText::new(format!("    {d}")).color(theme::muted(ui)));
            }
        }
    }
    if !p.rejected.is_empty() {
        let title = RichText::new("Rejected (not imported)").strong();
        ui.label(title.color(red(ui)));
        for r in &p.rejected {
            ui.label(r.to_string());
        }
    }
    if !p.ignored_columns.is_empty() {
        ui.label(format!("Columns ignored: {}", p.ignored_columns.join(", ")));
    }
}

/// "Import 3 rows, skip 1 rejected, remove 2".
fn import_button_text(p: &csv_io::Preview) -> String {
    let n = p.added.len() + p.changed.len();
    let mut text = if p.rejected.is_empty() {
        format!("Import {n} rows")
    } else {
        format!("Import {n} rows, skip {} rejected", p.rejected.len())
    };
    if !p.removed_rows().is_empty() {
        text.push_str(&format!(", remove {}", p.removed_rows().len()));
    }
    text
}

/// The plan dialog's fields and buttons: (OK clicked, Cancel clicked).
fn plan_form(ui: &mut Ui, d: &mut PlanDialog) -> (bool, bool) {
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
            labelled_text(ui, "Starts on", &mut d.start, 120.0)
                .on_hover_text("Blank for no start date; due dates before it are refused");
            crate::ui::widgets::period_calendar(ui, "plan-start-calendar", &mut d.start);
        });
        ui.end_row();
    });
    if let Some(e) = &d.error {
        ui.label(RichText::new(format!("⚠ {e}")).color(red(ui)));
    }
    ui.horizontal(|ui| (ui.button("OK").clicked(), ui.button("Cancel").clicked()))
        .inner
}

/// Add or rename the plan as the dialog says. The id of a plan added, or why not.
fn apply_plan_dialog(doc: &mut Document, d: &PlanDialog) -> Result<Option<String>, String> {
    let plans = &doc.project().action_plans;
    let id = d.id.trim().to_string();
    let start = if d.start.trim().is_empty() {
        None
    } else {
        Some(plan_table::parse_date(&d.start).map_err(|e| format!("Starts on: {e}"))?)
    };
    if d.title.trim().is_empty() {
        return Err("the plan needs a title".into());
    }
    let (label, edit) = match d.index {
        Some(i) => {
            let mut header: ActionPlan = plans[i].clone();
            header.actions.clear();
            header.title = d.title.trim().to_string();
            header.origin = d.origin.trim().to_string();
            header.start = start;
            let edit = Edit::SetPlanHeader {
                plan: i,
                value: Box::new(header),
            };
            (format!("Rename plan {}", plans[i].id), edit)
        }
        None => {
            if id.is_empty() {
                return Err("the plan needs an id".into());
            }
            if plans.iter().any(|p| p.id == id) {
                return Err(format!("there is already a plan “{id}”"));
            }
            let p = ActionPlan {
                id: id.clone(),
                title: d.title.trim().to_string(),
                origin: d.origin.trim().to_string(),
                start,
                ..Default::default()
            };
            let edit = Edit::InsertPlan {
                index: plans.len(),
                value: Box::new(p),
            };
            (format!("Add plan {id}"), edit)
        }
    };
    doc.apply(label, edit).map_err(|e| e.to_string())?;
    Ok(d.index.is_none().then_some(id))
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
