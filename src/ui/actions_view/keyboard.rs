//! The table from the keyboard: arrows and Tab move the cell cursor, Enter edits the cell,
//! Esc lets go of the row, and on the RAG cell R, A, G, C and N set the rating. Whatever the
//! keyboard changes is first brought into view.

use super::*;

/// The keys the table acts on, taken from the frame's input.
#[derive(Default)]
struct Keys {
    up: bool,
    down: bool,
    left: bool,
    right: bool,
    enter: bool,
    esc: bool,
    rag: Option<Rag>,
}

impl Keys {
    fn any(&self) -> bool {
        self.up
            || self.down
            || self.left
            || self.right
            || self.enter
            || self.esc
            || self.rag.is_some()
    }
}

/// The letters that set a rating on the RAG cell.
const RAG_KEYS: [(Key, Rag); 5] = [
    (Key::R, Rag::Red),
    (Key::A, Rag::Amber),
    (Key::G, Rag::Green),
    (Key::C, Rag::Complete),
    (Key::N, Rag::NotStarted),
];

impl ActionsView {
    /// Whether the table has the keyboard: a row is selected, and at the end of the last
    /// frame no field had focus (so the Enter that applies a field in the row editor is not
    /// also read as "edit this cell").
    fn has_keyboard(&self, ui: &Ui) -> bool {
        self.table_active
            && self.editing.is_none()
            && self.import.is_none()
            && self.plan_dialog.is_none()
            && !ui.ctx().memory(|m| m.focused().is_some())
            && !ui.ctx().egui_wants_keyboard_input()
    }

    fn take_keys(&self, ui: &mut Ui) -> Keys {
        let none = egui::Modifiers::NONE;
        let on_rag = self.cursor == Column::Rag;
        ui.input_mut(|i| Keys {
            up: i.consume_key(none, Key::ArrowUp),
            down: i.consume_key(none, Key::ArrowDown),
            left: i.consume_key(none, Key::ArrowLeft)
                || i.consume_key(egui::Modifiers::SHIFT, Key::Tab),
            right: i.consume_key(none, Key::ArrowRight) || i.consume_key(none, Key::Tab),
            enter: i.consume_key(none, Key::Enter),
            esc: i.consume_key(none, Key::Escape),
            rag: on_rag
                .then(|| {
                    RAG_KEYS
                        .iter()
                        .find(|(k, _)| i.consume_key(none, *k))
                        .map(|(_, r)| *r)
                })
                .flatten(),
        })
    }

    pub(super) fn keyboard(&mut self, ui: &mut Ui, doc: &mut Document, plan: usize) {
        let cols = self.fitted.columns();
        let Some(sel) = self.selected else { return };
        if cols.is_empty() || !self.has_keyboard(ui) {
            return;
        }
        let keys = self.take_keys(ui);
        if !keys.any() {
            return;
        }
        if keys.esc {
            self.selected = None;
            return;
        }
        // Nothing changes out of sight: the row and the cell come into view first.
        self.scroll_to = Some((sel, None));
        self.scroll_cursor = true;
        if keys.up || keys.down {
            self.move_row_cursor(doc, plan, sel, keys.up);
        }
        let ci = cols.iter().position(|c| *c == self.cursor).unwrap_or(0);
        if keys.left {
            self.cursor = cols[ci.saturating_sub(1)];
        }
        if keys.right {
            self.cursor = cols[(ci + 1).min(cols.len() - 1)];
        }
        if keys.enter {
            self.begin_cell_edit(doc, plan, sel, self.cursor);
        }
        if let Some(r) = keys.rag {
            self.set_rag(doc, plan, sel, r);
        }
    }

    fn move_row_cursor(&mut self, doc: &mut Document, plan: usize, sel: usize, up: bool) {
        self.flush_editor(doc, plan);
        let rows = self.visible_rows().to_vec();
        let next = match rows.iter().position(|r| *r == sel) {
            Some(p) if up => p.saturating_sub(1),
            Some(p) => (p + 1).min(rows.len().saturating_sub(1)),
            None => 0,
        };
        if let Some(r) = rows.get(next) {
            self.selected = Some(*r);
            self.scroll_to = Some((*r, None));
        }
    }

    /// Set row `index`'s rating, saying why not if it is refused.
    pub(super) fn set_rag(&mut self, doc: &mut Document, plan: usize, index: usize, rag: Rag) {
        let Some(mut a) = doc.project().action_plans[plan].actions.get(index).cloned() else {
            return;
        };
        if a.rag == rag {
            return;
        }
        a.rag = rag;
        if let Err(m) = self.commit(doc, plan, index, a, "Change RAG") {
            self.message = Some(m.to_string());
        }
    }

    pub(super) fn begin_cell_edit(
        &mut self,
        doc: &Document,
        plan: usize,
        index: usize,
        column: Column,
    ) {
        let a = &doc.project().action_plans[plan].actions[index];
        let text = match column {
            Column::Reference => a.reference.clone(),
            Column::Theme => a.theme.clone(),
            Column::Title => a.title.clone(),
            Column::Owner => a.owner.clone(),
            Column::Due => a.due.map(format::date).unwrap_or_default(),
            _ => {
                self.show_editor = true;
                self.message = None;
                return;
            }
        };
        self.editing = Some(CellEdit {
            index,
            column,
            text,
            error: None,
            started: false,
        });
    }

    /// Apply the text of a cell being edited. Returns the reason if it is refused.
    fn apply_cell(&mut self, doc: &mut Document, plan: usize, e: &CellEdit) -> Result<(), Refused> {
        let mut a = doc.project().action_plans[plan].actions[e.index].clone();
        match e.column {
            Column::Reference => a.reference = e.text.trim().to_string(),
            Column::Theme => a.theme = e.text.clone(),
            Column::Title => a.title = e.text.clone(),
            Column::Owner => a.owner = e.text.trim().to_string(),
            Column::Due => {
                a.due = if e.text.trim().is_empty() {
                    None
                } else {
                    Some(plan_table::parse_date(&e.text).map_err(Refused::because)?)
                }
            }
            _ => return Ok(()),
        }
        let label = format!("Edit {}", e.column.label().to_lowercase());
        self.commit(doc, plan, e.index, a, &label)
    }

    /// A cell edit has ended: applied (Enter or Tab, which also moves the cursor `step` cells)
    /// or cancelled (Esc). A refused edit stays open with the reason.
    pub(super) fn finish_cell_edit(
        &mut self,
        ui: &Ui,
        doc: &mut Document,
        plan: usize,
        (e, apply, step): (CellEdit, bool, i32),
    ) {
        self.message = None;
        if !apply {
            self.editing = None;
            return;
        }
        match self.apply_cell(doc, plan, &e) {
            Ok(()) => {
                self.editing = None;
                // Like a spreadsheet: Tab saves and moves to the next cell, and the table,
                // not whatever widget egui would focus next, takes the keys.
                let cols = self.fitted.columns();
                if step != 0
                    && let Some(ci) = cols.iter().position(|c| *c == e.column)
                {
                    let next = (ci as i32 + step).clamp(0, cols.len() as i32 - 1);
                    self.cursor = cols[next as usize];
                    self.scroll_cursor = true;
                }
                ui.ctx().memory_mut(|m| {
                    if let Some(id) = m.focused() {
                        m.surrender_focus(id);
                    }
                });
            }
            Err(m) => {
                let reference = &doc.project().action_plans[plan].actions[e.index].reference;
                self.message = Some(format!(
                    "{} of {reference} not changed: {m}",
                    e.column.label()
                ));
                self.editing = Some(CellEdit {
                    error: Some(m.to_string()),
                    started: false,
                    ..e
                });
            }
        }
    }
}
