//! The row editor beside the table: every field of the selected action. A text field is
//! applied when it is left (Enter or Tab; Esc puts it back); a refusal is shown at the field
//! it concerns, by the field the checks name.

use super::*;

/// Text buffers of the row editor, refreshed when the row or the project changes.
#[derive(Default)]
pub(super) struct Editor {
    key: Option<(usize, usize, u64)>,
    reference: String,
    theme: String,
    title: String,
    owner: String,
    key_actions: Vec<String>,
    new_key_action: String,
    new_note: String,
    errors: Vec<(Field, String)>,
}

impl Editor {
    fn load(&mut self, a: &Action) {
        self.reference = a.reference.clone();
        self.theme = a.theme.clone();
        self.title = a.title.clone();
        self.owner = a.owner.clone();
        self.key_actions = a.key_actions.clone();
        self.errors.clear();
    }

    /// The key actions as typed, without blank lines.
    fn kept_key_actions(&self) -> Vec<String> {
        self.key_actions
            .iter()
            .filter(|k| !k.trim().is_empty())
            .cloned()
            .collect()
    }

    /// `a` with the single-line fields and the title as typed.
    fn typed(&self, a: &Action) -> Action {
        let mut new = a.clone();
        new.reference = self.reference.trim().to_string();
        new.theme = self.theme.clone();
        new.owner = self.owner.trim().to_string();
        new.title = self.title.clone();
        new
    }

    fn buffer(&mut self, field: Field) -> &mut String {
        match field {
            Field::Reference => &mut self.reference,
            Field::Theme => &mut self.theme,
            Field::Title => &mut self.title,
            _ => &mut self.owner,
        }
    }

    /// Show the refusal under the field it concerns.
    fn field_error(&self, ui: &mut Ui, field: Field) {
        for (_, m) in self.errors.iter().filter(|(f, _)| *f == field) {
            ui.label(RichText::new(format!("⚠ {m}")).color(red(ui)));
        }
    }
}

/// The row as the editor will leave it this frame, and what changed (the field and the undo
/// label), once something has.
struct Draft {
    old: Action,
    new: Action,
    changed: Option<(Field, &'static str)>,
    /// Esc was pressed: a field being left is put back, not applied.
    esc: bool,
    width: f32,
}

impl Draft {
    fn change(&mut self, field: Field, label: &'static str) {
        self.changed = Some((field, label));
    }
}

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
        let mut new = self.editor.typed(a);
        new.key_actions = self.editor.kept_key_actions();
        if new != *a
            && let Err(m) = self.commit(doc, plan, i, new, "Edit")
        {
            self.message = Some(format!("Your last edit was not applied: {m}"));
        }
        self.editor.key = None;
    }

    pub(super) fn row_editor(
        &mut self,
        ui: &mut Ui,
        doc: &mut Document,
        plan: usize,
        index: usize,
    ) {
        self.refresh_choices(doc, plan);
        let a = doc.project().action_plans[plan].actions[index].clone();
        self.sync_editor(doc.revision(), plan, index, &a);
        self.editor_heading(ui, &a);
        let mut d = Draft {
            old: a.clone(),
            new: a,
            changed: None,
            esc: ui.input(|i| i.key_pressed(Key::Escape)),
            width: ui.available_width() - 10.0,
        };
        ui.add_space(6.0);
        self.rag_and_due(ui, index, &mut d);
        ui.add_space(6.0);
        self.new_note(ui, &mut d);
        ui.add_space(6.0);
        self.text_fields(ui, &mut d);
        d.new = self.editor.typed(&d.new);
        ui.add_space(6.0);
        self.key_actions(ui, &mut d);
        ui.add_space(6.0);
        self.linked_outcomes(ui, doc.project(), index, &mut d);
        ui.add_space(6.0);
        progress_notes(ui, &mut d);
        self.apply_draft(doc, plan, index, d);
    }

    /// Load the row into the buffers when the row or the project has changed.
    fn sync_editor(&mut self, revision: u64, plan: usize, index: usize, a: &Action) {
        let key = (plan, index, revision);
        if self.editor.key == Some(key) {
            return;
        }
        let same_row = self.editor.key.is_some_and(|k| k.0 == plan && k.1 == index);
        let errors = std::mem::take(&mut self.editor.errors);
        self.editor.load(a);
        if same_row && !errors.is_empty() {
            // A refused edit: keep saying why.
            self.editor.errors = errors;
        }
        if !same_row {
            self.editor.new_note.clear();
            self.editor.new_key_action.clear();
        }
        self.editor.key = Some(key);
    }

    fn editor_heading(&mut self, ui: &mut Ui, a: &Action) {
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
    }

    fn rag_and_due(&mut self, ui: &mut Ui, index: usize, d: &mut Draft) {
        ui.horizontal(|ui| {
            let l = ui.label("RAG rating");
            egui::ComboBox::from_id_salt(("rag-picker", index))
                .selected_text(rag_text(d.old.rag))
                .show_ui(ui, |ui| {
                    for r in Rag::ALL {
                        if ui.selectable_label(d.old.rag == r, rag_text(r)).clicked() {
                            d.new.rag = r;
                            d.change(Field::Rag, "Change RAG");
                        }
                    }
                })
                .response
                .labelled_by(l.id);
        });
        self.editor.field_error(ui, Field::Rag);
        ui.horizontal(|ui| {
            ui.label("Due");
            if d.old.due.is_none() {
                if ui.button("Set a due date").clicked() {
                    d.new.due = Some(self.today);
                    d.change(Field::Due, "Set due date");
                }
                return;
            }
            let mut date = jiff_date(d.old.due.unwrap_or(self.today));
            let r = ui.add(
                egui_extras::DatePickerButton::new(&mut date)
                    .id_salt("due-date-picker")
                    .format("%-d %b %Y")
                    .show_icon(false)
                    .calendar_week(false),
            );
            if r.changed()
                && let Some(nd) = from_jiff(date)
            {
                d.new.due = Some(nd);
                d.change(Field::Due, "Change due date");
            }
            if ui.button("No due date").clicked() {
                d.new.due = None;
                d.change(Field::Due, "Clear due date");
            }
        });
        self.editor.field_error(ui, Field::Due);
    }

    fn new_note(&mut self, ui: &mut Ui, d: &mut Draft) {
        ui.label(RichText::new("New progress note").strong());
        let r = ui.add(
            egui::TextEdit::multiline(&mut self.editor.new_note)
                .hint_text(format!("a note dated today, {}", format::date(self.today)))
                .desired_rows(2)
                .desired_width(d.width),
        );
        r.widget_info(|| {
            egui::WidgetInfo::labeled(egui::Role::TextInput, true, "New progress note")
        });
        let can_add = !self.editor.new_note.trim().is_empty();
        if ui
            .add_enabled(can_add, egui::Button::new("Add note"))
            .clicked()
        {
            d.new.progress.push(ProgressNote {
                date: self.today,
                text: self.editor.new_note.trim().to_string(),
            });
            self.editor.new_note.clear();
            d.change(Field::Progress, "Add progress note");
        }
    }

    /// Reference, theme and owner (single lines), then the title.
    fn text_fields(&mut self, ui: &mut Ui, d: &mut Draft) {
        let fields = [
            (Field::Reference, "Reference", "Edit reference"),
            (Field::Theme, "Theme", "Edit theme"),
            (Field::Owner, "Owner", "Edit owner"),
            (Field::Title, "Title / recommendation", "Edit title"),
        ];
        for (field, label, undo) in fields {
            ui.label(label);
            let width = d.width;
            let buf = self.editor.buffer(field);
            let r = if field == Field::Title {
                ui.add(
                    egui::TextEdit::multiline(buf)
                        .desired_rows(3)
                        .desired_width(width),
                )
            } else {
                ui.add(egui::TextEdit::singleline(buf).desired_width(width))
                    .on_hover_text("Enter applies, Esc cancels")
            };
            let name = if field == Field::Title {
                "Title"
            } else {
                label
            };
            r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, name));
            if field == Field::Owner {
                self.owner_choices(ui, &r, d);
            }
            if r.lost_focus() {
                if d.esc {
                    *self.editor.buffer(field) = match field {
                        Field::Reference => d.old.reference.clone(),
                        Field::Theme => d.old.theme.clone(),
                        Field::Title => d.old.title.clone(),
                        _ => d.old.owner.clone(),
                    };
                } else {
                    d.change(field, undo);
                }
            }
            self.editor.field_error(ui, field);
        }
    }

    /// Owners already in the file: those matching what is typed, and a menu of all.
    fn owner_choices(&mut self, ui: &mut Ui, field: &egui::Response, d: &mut Draft) {
        let all_owners =
            std::rc::Rc::clone(&self.choices.as_ref().expect("refreshed first").all_owners);
        let typed = self.editor.owner.to_lowercase();
        // Matched only while the field is in use: lower-casing every owner each frame would
        // cost as much as the table on a large file.
        let suggestions: Vec<&String> =
            if (field.has_focus() || field.lost_focus()) && !typed.is_empty() {
                all_owners
                    .iter()
                    .filter(|o| o.to_lowercase().contains(&typed) && **o != self.editor.owner)
                    .take(6)
                    .collect()
            } else {
                Vec::new()
            };
        if !suggestions.is_empty() {
            ui.horizontal_wrapped(|ui| {
                let hint = RichText::new("Owners in this file:").small();
                ui.label(hint.color(theme::muted(ui)));
                for s in suggestions {
                    if ui.small_button(s).clicked() {
                        self.editor.owner = s.clone();
                        d.change(Field::Owner, "Edit owner");
                    }
                }
            });
        }
        ui.menu_button("Choose an owner ▾", |ui| {
            for s in all_owners.iter() {
                if ui.button(s).clicked() {
                    self.editor.owner = s.clone();
                    d.change(Field::Owner, "Edit owner");
                    ui.close();
                }
            }
        });
    }

    fn key_actions(&mut self, ui: &mut Ui, d: &mut Draft) {
        ui.label(RichText::new("Key actions").strong());
        let mut remove = None;
        let mut left = false;
        for k in 0..self.editor.key_actions.len() {
            ui.horizontal(|ui| {
                let r = ui.add(
                    egui::TextEdit::singleline(&mut self.editor.key_actions[k])
                        .desired_width(d.width - 40.0),
                );
                let label = format!("Key action {}", k + 1);
                r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, &label));
                left |= r.lost_focus() && !d.esc;
                if ui
                    .small_button("✖")
                    .on_hover_text("Remove this key action")
                    .clicked()
                {
                    remove = Some(k);
                }
            });
        }
        if let Some(k) = remove {
            self.editor.key_actions.remove(k);
            left = true;
        }
        ui.horizontal(|ui| {
            let r = ui.add(
                egui::TextEdit::singleline(&mut self.editor.new_key_action)
                    .hint_text("another key action")
                    .desired_width(d.width - 60.0),
            );
            r.widget_info(|| {
                egui::WidgetInfo::labeled(egui::Role::TextInput, true, "New key action")
            });
            let enter = r.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
            if (ui.button("Add").clicked() || enter)
                && !self.editor.new_key_action.trim().is_empty()
            {
                let added = std::mem::take(&mut self.editor.new_key_action);
                self.editor.key_actions.push(added);
                left = true;
            }
        });
        self.editor.field_error(ui, Field::KeyActions);
        if left {
            d.new.key_actions = self.editor.kept_key_actions();
            if d.new.key_actions != d.old.key_actions {
                d.change(Field::KeyActions, "Edit key actions");
            }
        } else {
            d.new.key_actions = d.old.key_actions.clone();
        }
    }

    fn linked_outcomes(
        &mut self,
        ui: &mut Ui,
        project: &crate::model::Project,
        index: usize,
        d: &mut Draft,
    ) {
        ui.label(RichText::new("Linked outcomes").strong());
        let mut unlink = None;
        for (k, o) in d.old.outcomes.iter().enumerate() {
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
                    unlink = Some(k);
                }
                ui.add(egui::Label::new(name).wrap())
                    .on_hover_text(o.as_str());
            });
        }
        if let Some(k) = unlink {
            d.new.outcomes.remove(k);
            d.change(Field::Outcomes, "Unlink outcome");
        }
        let linked = d.old.outcomes.clone();
        let l = ui.label("Link an outcome");
        egui::ComboBox::from_id_salt(("link-outcome", index))
            .selected_text("Choose…")
            .width(d.width - 120.0)
            .show_ui(ui, |ui| {
                for o in project.outcomes.iter().filter(|o| !linked.contains(&o.id)) {
                    if ui
                        .selectable_label(false, &o.name)
                        .on_hover_text(&o.id)
                        .clicked()
                    {
                        d.new.outcomes.push(o.id.clone());
                        d.change(Field::Outcomes, "Link outcome");
                    }
                }
            })
            .response
            .labelled_by(l.id);
        self.editor.field_error(ui, Field::Outcomes);
    }

    /// Commit what changed; a refusal is shown at each field it concerns.
    fn apply_draft(&mut self, doc: &mut Document, plan: usize, index: usize, d: Draft) {
        let Some((field, label)) = d.changed else {
            return;
        };
        match self.commit(doc, plan, index, d.new, label) {
            Ok(()) => self.editor.errors.clear(),
            Err(refused) => {
                self.editor.errors = refused
                    .problems
                    .into_iter()
                    .map(|(f, m)| (f.unwrap_or(field), format!("not changed: {m}")))
                    .collect();
            }
        }
    }
}

/// The progress notes, newest first, each with a button to delete it.
fn progress_notes(ui: &mut Ui, d: &mut Draft) {
    ui.label(RichText::new("Progress so far").strong());
    if d.old.progress.is_empty() {
        ui.label(RichText::new("No notes yet.").color(theme::muted(ui)));
    }
    let mut notes: Vec<&ProgressNote> = d.old.progress.iter().collect();
    notes.sort_by_key(|n| std::cmp::Reverse(n.date));
    let mut delete = None;
    for n in notes {
        ui.horizontal(|ui| {
            ui.label(RichText::new(format::date(n.date)).small().strong());
            let name = format!("Delete the note of {}", format::date(n.date));
            let r = ui.small_button("Delete").on_hover_text(&name);
            r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
            if r.clicked() {
                delete = Some(n.clone());
            }
        });
        ui.label(&n.text);
    }
    if let Some(n) = delete
        && let Some(i) = d.new.progress.iter().position(|p| *p == n)
    {
        d.new.progress.remove(i);
        d.change(Field::Progress, "Delete progress note");
    }
}
