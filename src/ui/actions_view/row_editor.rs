//! The row editor beside the table (multi-line fields, key actions, progress notes, owners,
//! outcomes) and the buttons that add, duplicate, move and delete rows.

use super::*;

impl ActionsView {
    /// Apply what was typed in the row editor but not yet applied (the field still had
    /// focus) before another row is selected, so that nothing typed is lost.
    pub(super) fn flush_editor(&mut self, doc: &mut Document, plan: usize) {
        let Some((p, i, _)) = self.editor.key else {
            return;
        };
        let Some(a) = doc
            .project()
            .action_plans
            .get(p)
            .and_then(|x| x.actions.get(i))
        else {
            return;
        };
        if p != plan {
            return;
        }
        let mut new = a.clone();
        new.reference = self.editor.reference.trim().to_string();
        new.theme = self.editor.theme.clone();
        new.owner = self.editor.owner.trim().to_string();
        new.title = self.editor.title.clone();
        new.key_actions = self.editor.kept_key_actions();
        if new != *a
            && let Err(m) = self.commit(doc, plan, i, new, "Edit")
        {
            self.message = Some(format!("Your last edit was not applied: {m}"));
        }
        self.editor.key = None;
    }

    pub(super) fn row_buttons(
        &mut self,
        ui: &mut Ui,
        doc: &mut Document,
        plan: usize,
        nav: &mut Nav,
        hidden: &mut Vec<Column>,
    ) {
        let len = doc.project().action_plans[plan].actions.len();
        ui.horizontal_wrapped(|ui| {
            ui.menu_button("Columns", |ui| {
                for c in Column::ALL {
                    let mut on = !hidden.contains(&c);
                    if ui.checkbox(&mut on, c.label()).changed() {
                        hidden.retain(|h| *h != c);
                        if !on {
                            hidden.push(c);
                        }
                    }
                }
            });
            ui.checkbox(&mut self.expand_all, "Expand rows");
            ui.separator();
            self.csv_buttons(ui, doc, plan, nav);
            if ui
                .button("Copy table")
                .on_hover_text("The rows and columns shown, to paste into a spreadsheet or email")
                .clicked()
                && let Some(text) = self.table_text(doc, hidden)
            {
                let what = format!(
                    "{} rows of the table (tab-separated)",
                    self.visible_rows().len()
                );
                crate::ui::clipboard::copy_text(ui.ctx(), text, &what, nav);
            }
            ui.separator();
            if ui.button("Add row").clicked() {
                let p = &doc.project().action_plans[plan];
                let a = Action {
                    reference: plan_table::next_reference(p),
                    title: "New action".into(),
                    last_updated: Some(self.today),
                    ..Default::default()
                };
                let at = self.selected.map(|i| i + 1).unwrap_or(len);
                let label = format!("Add action {}", a.reference);
                if doc
                    .apply(
                        label,
                        Edit::InsertAction {
                            plan,
                            index: at,
                            value: Box::new(a),
                        },
                    )
                    .is_ok()
                {
                    self.filter = Filter::default();
                    self.select_row(Some(at));
                    self.show_editor = true;
                }
            }
            let Some(sel) = self.selected.filter(|s| *s < len) else {
                ui.label(
                    RichText::new("Select a row to edit, duplicate, move or delete it.")
                        .color(theme::muted(ui)),
                );
                return;
            };
            let reference = doc.project().action_plans[plan].actions[sel]
                .reference
                .clone();
            if ui.button("Duplicate").clicked() {
                let p = &doc.project().action_plans[plan];
                let mut a = p.actions[sel].clone();
                a.reference = plan_table::next_reference(p);
                a.last_updated = Some(self.today);
                let label = format!("Duplicate {reference} as {}", a.reference);
                if doc
                    .apply(
                        label,
                        Edit::InsertAction {
                            plan,
                            index: sel + 1,
                            value: Box::new(a),
                        },
                    )
                    .is_ok()
                {
                    self.select_row(Some(sel + 1));
                }
            }
            // Moving changes the plan's own order, which a sort hides: offered only unsorted.
            let unsorted = self.sort.is_none();
            let why = "Clear the sort (click the sorted header until its arrow goes) to reorder";
            let up = ui.add_enabled(unsorted && sel > 0, egui::Button::new("Move up"));
            let up = if unsorted {
                up
            } else {
                up.on_disabled_hover_text(why)
            };
            if up.clicked() {
                self.move_row(doc, plan, sel, sel - 1, &reference);
            }
            let down = ui.add_enabled(unsorted && sel + 1 < len, egui::Button::new("Move down"));
            let down = if unsorted {
                down
            } else {
                down.on_disabled_hover_text(why)
            };
            if down.clicked() {
                self.move_row(doc, plan, sel, sel + 1, &reference);
            }
            if ui.button("Delete").clicked()
                && doc
                    .apply(
                        format!("Delete {reference}"),
                        Edit::RemoveAction { plan, index: sel },
                    )
                    .is_ok()
            {
                self.selected = None;
            }
            if self.sort.is_some() {
                ui.label(
                    RichText::new("Rows are sorted: moves change the plan's own order.")
                        .color(theme::muted(ui)),
                );
            }
        });
    }

    pub(super) fn move_row(
        &mut self,
        doc: &mut Document,
        plan: usize,
        from: usize,
        to: usize,
        reference: &str,
    ) {
        let a = doc.project().action_plans[plan].actions[from].clone();
        let edit = Edit::Batch(vec![
            Edit::RemoveAction { plan, index: from },
            Edit::InsertAction {
                plan,
                index: to,
                value: Box::new(a),
            },
        ]);
        if doc.apply(format!("Move {reference}"), edit).is_ok() {
            self.select_row(Some(to));
        }
    }

    pub(super) fn row_editor(
        &mut self,
        ui: &mut Ui,
        doc: &mut Document,
        plan: usize,
        index: usize,
    ) {
        self.refresh_choices(doc, plan);
        let all_owners =
            std::rc::Rc::clone(&self.choices.as_ref().expect("refreshed above").all_owners);
        let key = (plan, index, doc.revision());
        let a = doc.project().action_plans[plan].actions[index].clone();
        if self.editor.key != Some(key) {
            let same_row = self.editor.key.is_some_and(|k| k.0 == plan && k.1 == index);
            let errors = std::mem::take(&mut self.editor.errors);
            self.editor.load(&a);
            if same_row && errors.is_empty() {
                // keep the new-note and new-key-action drafts
            } else if !same_row {
                self.editor.new_note.clear();
                self.editor.new_key_action.clear();
            }
            self.editor.key = Some(key);
        }
        ui.horizontal(|ui| {
            ui.heading(format!("Edit {}", a.reference));
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui
                    .button("Close")
                    .on_hover_text("Close the row editor")
                    .clicked()
                {
                    self.show_editor = false;
                }
            });
        });
        ui.label(
            RichText::new(format!("Last updated {}", format::opt_date(a.last_updated)))
                .color(theme::muted(ui)),
        );
        ui.add_space(4.0);
        let mut new = a.clone();
        let mut changed: Option<(&'static str, &'static str)> = None;
        let esc = ui.input(|i| i.key_pressed(Key::Escape));
        let width = ui.available_width() - 10.0;

        ui.add_space(6.0);
        ui.horizontal(|ui| {
            let l = ui.label("RAG rating");
            egui::ComboBox::from_id_salt(("rag-picker", index))
                .selected_text(rag_text(a.rag))
                .show_ui(ui, |ui| {
                    for r in Rag::ALL {
                        if ui.selectable_label(a.rag == r, rag_text(r)).clicked() {
                            new.rag = r;
                            changed = Some(("rag", "Change RAG"));
                        }
                    }
                })
                .response
                .labelled_by(l.id);
        });
        ui.horizontal(|ui| {
            ui.label("Due");
            let mut d = jiff_date(a.due.unwrap_or(self.today));
            if a.due.is_some() {
                let r = ui.add(
                    egui_extras::DatePickerButton::new(&mut d)
                        .id_salt("due-date-picker")
                        .format("%-d %b %Y")
                        .show_icon(false)
                        .calendar_week(false),
                );
                if r.changed()
                    && let Some(nd) = from_jiff(d)
                {
                    new.due = Some(nd);
                    changed = Some(("due", "Change due date"));
                }
                if ui.button("No due date").clicked() {
                    new.due = None;
                    changed = Some(("due", "Clear due date"));
                }
            } else if ui.button("Set a due date").clicked() {
                new.due = Some(self.today);
                changed = Some(("due", "Set due date"));
            }
        });
        if let Some(m) = self.editor.error("due") {
            ui.label(RichText::new(format!("⚠ {m}")).color(red(ui)));
        }

        ui.add_space(6.0);
        ui.label(RichText::new("New progress note").strong());
        let r = ui.add(
            egui::TextEdit::multiline(&mut self.editor.new_note)
                .hint_text(format!("a note dated today, {}", format::date(self.today)))
                .desired_rows(2)
                .desired_width(width),
        );
        r.widget_info(|| {
            egui::WidgetInfo::labeled(egui::Role::TextInput, true, "New progress note")
        });
        if ui
            .add_enabled(
                !self.editor.new_note.trim().is_empty(),
                egui::Button::new("Add note"),
            )
            .clicked()
        {
            new.progress.push(ProgressNote {
                date: self.today,
                text: self.editor.new_note.trim().to_string(),
            });
            self.editor.new_note.clear();
            changed = Some(("progress", "Add progress note"));
        }
        ui.add_space(6.0);
        // Single-line text fields: applied when the field loses focus (Enter or Tab); Esc cancels.
        let fields: [(&'static str, &'static str); 3] = [
            ("Reference", "reference"),
            ("Theme", "theme"),
            ("Owner", "owner"),
        ];
        for (label, field) in fields {
            ui.label(label);
            let buf = match field {
                "reference" => &mut self.editor.reference,
                "theme" => &mut self.editor.theme,
                _ => &mut self.editor.owner,
            };
            let r = ui
                .add(egui::TextEdit::singleline(buf).desired_width(width))
                .on_hover_text("Enter applies, Esc cancels");
            r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, label));
            if field == "owner" {
                let typed = self.editor.owner.to_lowercase();
                // Matched only while the field is in use: lower-casing every owner each frame
                // would cost as much as the table on a large file.
                let suggestions: Vec<String> = if (r.has_focus() || r.lost_focus())
                    && !typed.is_empty()
                {
                    all_owners
                        .iter()
                        .filter(|o| o.to_lowercase().contains(&typed) && **o != self.editor.owner)
                        .take(6)
                        .cloned()
                        .collect()
                } else {
                    Vec::new()
                };
                if !suggestions.is_empty() {
                    {
                        ui.horizontal_wrapped(|ui| {
                            ui.label(
                                RichText::new("Owners in this file:")
                                    .small()
                                    .color(theme::muted(ui)),
                            );
                            for s in &suggestions {
                                if ui.small_button(s).clicked() {
                                    self.editor.owner = s.clone();
                                    changed = Some(("owner", "Edit owner"));
                                }
                            }
                        });
                    }
                }
                ui.menu_button("Choose an owner ▾", |ui| {
                    for s in all_owners.iter() {
                        if ui.button(s).clicked() {
                            self.editor.owner = s.clone();
                            changed = Some(("owner", "Edit owner"));
                            ui.close();
                        }
                    }
                });
            }
            if r.lost_focus() {
                if esc {
                    self.editor.load(&a);
                } else {
                    changed = Some((
                        field,
                        match field {
                            "reference" => "Edit reference",
                            "theme" => "Edit theme",
                            _ => "Edit owner",
                        },
                    ));
                }
            }
            if let Some(m) = self.editor.error(field) {
                ui.label(RichText::new(format!("⚠ {m}")).color(red(ui)));
            }
        }
        ui.label("Title / recommendation");
        let r = ui.add(
            egui::TextEdit::multiline(&mut self.editor.title)
                .desired_rows(3)
                .desired_width(width),
        );
        r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, "Title"));
        if r.lost_focus() {
            if esc {
                self.editor.title = a.title.clone();
            } else {
                changed = Some(("title", "Edit title"));
            }
        }
        new.reference = self.editor.reference.trim().to_string();
        new.theme = self.editor.theme.clone();
        new.owner = self.editor.owner.trim().to_string();
        new.title = self.editor.title.clone();
        ui.add_space(6.0);
        ui.label(RichText::new("Key actions").strong());
        let mut remove_key = None;
        let mut key_lost = false;
        for k in 0..self.editor.key_actions.len() {
            ui.horizontal(|ui| {
                let r = ui.add(
                    egui::TextEdit::singleline(&mut self.editor.key_actions[k])
                        .desired_width(width - 40.0),
                );
                let label = format!("Key action {}", k + 1);
                r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, &label));
                key_lost |= r.lost_focus() && !esc;
                if ui
                    .small_button("✖")
                    .on_hover_text("Remove this key action")
                    .clicked()
                {
                    remove_key = Some(k);
                }
            });
        }
        if let Some(k) = remove_key {
            self.editor.key_actions.remove(k);
            key_lost = true;
        }
        ui.horizontal(|ui| {
            let r = ui.add(
                egui::TextEdit::singleline(&mut self.editor.new_key_action)
                    .hint_text("another key action")
                    .desired_width(width - 60.0),
            );
            r.widget_info(|| {
                egui::WidgetInfo::labeled(egui::Role::TextInput, true, "New key action")
            });
            let enter = r.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
            if (ui.button("Add").clicked() || enter)
                && !self.editor.new_key_action.trim().is_empty()
            {
                self.editor
                    .key_actions
                    .push(std::mem::take(&mut self.editor.new_key_action));
                key_lost = true;
            }
        });
        if key_lost {
            new.key_actions = self.editor.kept_key_actions();
            if new.key_actions != a.key_actions {
                changed = Some(("keys", "Edit key actions"));
            }
        } else {
            new.key_actions = a.key_actions.clone();
        }

        ui.add_space(6.0);
        ui.label(RichText::new("Linked outcomes").strong());
        let project = doc.project();
        let mut remove_outcome = None;
        for (k, o) in a.outcomes.iter().enumerate() {
            ui.horizontal(|ui| {
                let name = project
                    .outcome(o)
                    .map(|x| x.name.as_str())
                    .unwrap_or("(not in this project)");
                if ui
                    .small_button("✖")
                    .on_hover_text("Unlink this outcome")
                    .clicked()
                {
                    remove_outcome = Some(k);
                }
                ui.add(egui::Label::new(name).wrap())
                    .on_hover_text(o.as_str());
            });
        }
        if let Some(k) = remove_outcome {
            new.outcomes.remove(k);
            changed = Some(("outcomes", "Unlink outcome"));
        }
        let l = ui.label("Link an outcome");
        egui::ComboBox::from_id_salt(("link-outcome", index))
            .selected_text("Choose…")
            .width(width - 120.0)
            .show_ui(ui, |ui| {
                for o in &project.outcomes {
                    if a.outcomes.contains(&o.id) {
                        continue;
                    }
                    if ui
                        .selectable_label(false, format!("{} — {}", o.id, o.name))
                        .clicked()
                    {
                        new.outcomes.push(o.id.clone());
                        changed = Some(("outcomes", "Link outcome"));
                    }
                }
            })
            .response
            .labelled_by(l.id);
        if let Some(m) = self.editor.error("outcomes") {
            ui.label(RichText::new(format!("⚠ {m}")).color(red(ui)));
        }

        ui.add_space(6.0);
        ui.label(RichText::new("Progress so far").strong());
        if a.progress.is_empty() {
            ui.label(RichText::new("No notes yet.").color(theme::muted(ui)));
        }
        let mut notes: Vec<&ProgressNote> = a.progress.iter().collect();
        notes.sort_by_key(|n| std::cmp::Reverse(n.date));
        for n in notes {
            ui.horizontal(|ui| {
                ui.label(RichText::new(format::date(n.date)).small().strong());
                let name = format!("Delete the note of {}", format::date(n.date));
                let r = ui.small_button("Delete").on_hover_text(&name);
                r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
                if r.clicked()
                    && let Some(i) = new.progress.iter().position(|p| p == n)
                {
                    new.progress.remove(i);
                    changed = Some(("progress", "Delete progress note"));
                }
            });
            ui.label(&n.text);
        }

        if let Some((field, label)) = changed {
            let res = self.commit(doc, plan, index, new, label);
            match res {
                Ok(()) => self.editor.errors.clear(),
                Err(m) => {
                    let f = if m.contains("reference") {
                        "reference"
                    } else if m.contains("due date") {
                        "due"
                    } else if m.contains("outcome") {
                        "outcomes"
                    } else {
                        field
                    };
                    self.editor.set_error(f, Some(format!("not changed: {m}")));
                }
            }
        }
    }
}
