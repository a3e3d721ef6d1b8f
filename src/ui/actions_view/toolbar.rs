//! The buttons above the table: columns, expand rows, CSV and copy, and the row buttons (add,
//! duplicate, move, delete). They stay put: the row buttons are always there, greyed out until
//! a row is selected, so nothing moves under the pointer.

use super::*;

impl ActionsView {
    /// `not_shown`: the columns left out for lack of room, and those blank in every row.
    pub(super) fn toolbar(
        &mut self,
        ui: &mut Ui,
        doc: &mut Document,
        plan: usize,
        nav: &mut Nav,
        hidden: &mut Vec<Column>,
        not_shown: (&[Column], &[Column]),
    ) {
        ui.horizontal_wrapped(|ui| {
            ui.menu_button("Columns", |ui| columns_menu(ui, hidden));
            ui.checkbox(&mut self.expand_all, "Expand rows");
            ui.separator();
            self.csv_menu(ui, doc, plan, nav);
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
            self.add_row_button(ui, doc, plan);
            self.row_buttons(ui, doc, plan);
        });
        not_shown_note(ui, not_shown);
    }

    fn add_row_button(&mut self, ui: &mut Ui, doc: &mut Document, plan: usize) {
        if !ui.button("Add row").clicked() {
            return;
        }
        let p = &doc.project().action_plans[plan];
        let a = Action {
            reference: plan_table::next_reference(p),
            title: "New action".into(),
            last_updated: Some(self.today),
            ..Default::default()
        };
        let at = self.selected.map(|i| i + 1).unwrap_or(p.actions.len());
        let label = format!("Add action {}", a.reference);
        let edit = Edit::InsertAction {
            plan,
            index: at,
            value: Box::new(a),
        };
        if doc.apply(label, edit).is_ok() {
            self.filter = Filter::default();
            self.select_row(Some(at));
            self.show_editor = true;
        }
    }

    /// Duplicate, move up, move down and delete the selected row.
    fn row_buttons(&mut self, ui: &mut Ui, doc: &mut Document, plan: usize) {
        let len = doc.project().action_plans[plan].actions.len();
        let sel = self.selected.filter(|s| *s < len);
        let pick = "Select a row first";
        // Moving changes the plan's own order, which a sort hides: offered only unsorted.
        let unsorted = self.sort.is_none();
        let sorted = "Clear the sort (click the sorted header until its arrow goes) to reorder";
        let why = |ok: bool, r: egui::Response, when_sorted: bool| {
            if ok {
                r
            } else if sel.is_none() {
                r.on_disabled_hover_text(pick)
            } else if when_sorted {
                r.on_disabled_hover_text(sorted)
            } else {
                r
            }
        };
        let dup = ui.add_enabled(sel.is_some(), egui::Button::new("Duplicate"));
        let up_ok = unsorted && sel.is_some_and(|s| s > 0);
        let up = ui.add_enabled(up_ok, egui::Button::new("Move up"));
        let down_ok = unsorted && sel.is_some_and(|s| s + 1 < len);
        let down = ui.add_enabled(down_ok, egui::Button::new("Move down"));
        let del = ui.add_enabled(sel.is_some(), egui::Button::new("Delete"));
        let (dup, up, down, del) = (
            why(sel.is_some(), dup, false).clicked(),
            why(up_ok, up, !unsorted).clicked(),
            why(down_ok, down, !unsorted).clicked(),
            why(sel.is_some(), del, false).clicked(),
        );
        let Some(sel) = sel else { return };
        let reference = doc.project().action_plans[plan].actions[sel]
            .reference
            .clone();
        if dup {
            self.duplicate_row(doc, plan, sel, &reference);
        }
        if up {
            self.move_row(doc, plan, sel, sel - 1, &reference);
        }
        if down {
            self.move_row(doc, plan, sel, sel + 1, &reference);
        }
        if del
            && doc
                .apply(
                    format!("Delete {reference}"),
                    Edit::RemoveAction { plan, index: sel },
                )
                .is_ok()
        {
            self.selected = None;
        }
    }

    fn duplicate_row(&mut self, doc: &mut Document, plan: usize, sel: usize, reference: &str) {
        let p = &doc.project().action_plans[plan];
        let mut a = p.actions[sel].clone();
        a.reference = plan_table::next_reference(p);
        a.last_updated = Some(self.today);
        let label = format!("Duplicate {reference} as {}", a.reference);
        let edit = Edit::InsertAction {
            plan,
            index: sel + 1,
            value: Box::new(a),
        };
        if doc.apply(label, edit).is_ok() {
            self.select_row(Some(sel + 1));
        }
    }

    fn move_row(
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
}

/// Tick the columns to show.
fn columns_menu(ui: &mut Ui, hidden: &mut Vec<Column>) {
    for c in Column::ALL {
        let mut on = !hidden.contains(&c);
        if ui.checkbox(&mut on, c.label()).changed() {
            hidden.retain(|h| *h != c);
            if !on {
                hidden.push(c);
            }
        }
    }
}

/// Says which columns are not shown and why, so that none is missed unawares.
fn not_shown_note(ui: &mut Ui, (no_room, blank): (&[Column], &[Column])) {
    let names = |cs: &[Column]| cs.iter().map(|c| c.label()).collect::<Vec<_>>().join(", ");
    let mut parts = Vec::new();
    if !blank.is_empty() {
        parts.push(format!("{} (blank in every row)", names(blank)));
    }
    if !no_room.is_empty() {
        parts.push(format!(
            "{} (no room: widen the window, close the row editor or hide other columns)",
            names(no_room)
        ));
    }
    if !parts.is_empty() {
        ui.label(
            RichText::new(format!("Not shown: {}", parts.join("; ")))
                .small()
                .color(theme::muted(ui)),
        );
    }
}
