//! A list of items of one kind with a form under it, used wherever a list is edited in the
//! window (a measure's values, targets, events and comparators, a programme's priorities and
//! outcomes, a plan's actions…).
//!
//! The table shows each item's cells with buttons to edit, delete and (when the order is
//! the user's) move it, named for screen readers after the item ("Edit the 2040 target").
//! Rows can be dragged by their handle, and the row being edited moves with Alt+↑ / Alt+↓.
//! Only the visible rows are laid out, so a series of thousands of values stays fast. The
//! form fills in a buffer of the caller's type `F`; "Add …" or "Save …" reads it back into
//! an item, or shows why it cannot. What happened comes back as a [`Change`] for the caller
//! to apply (to a draft, or to the project as an undoable edit).

use crate::model::Rag;
use crate::palette;
use crate::ui::theme::color;
use egui::{Key, Modifiers, RichText, Ui};

/// What the user did to the list.
#[derive(Debug, Clone, PartialEq)]
pub enum Change<T> {
    Add(T),
    /// The item at this position (in the list, not as shown) replaced.
    Replace(usize, T),
    Remove(usize),
    /// Move the item at `from` so that it ends at `to`.
    Move {
        from: usize,
        to: usize,
    },
}

impl<T> Change<T> {
    /// Make the change to `items` (positions out of range change nothing).
    pub fn apply_to(self, items: &mut Vec<T>) {
        match self {
            Change::Add(v) => items.push(v),
            Change::Replace(i, v) => {
                if let Some(slot) = items.get_mut(i) {
                    *slot = v;
                }
            }
            Change::Remove(i) => {
                if i < items.len() {
                    items.remove(i);
                }
            }
            Change::Move { from, to } => {
                if from < items.len() && to < items.len() {
                    let v = items.remove(from);
                    items.insert(to, v);
                }
            }
        }
    }
}

/// How the table of a list looks.
pub struct Table<'a> {
    /// Unique among the lists on screen.
    pub id_salt: &'a str,
    pub headers: &'a [&'a str],
    /// The width of each column but the last, which takes the rest.
    pub widths: &'a [f32],
    /// Positions in the order shown (e.g. values by date); None for the list's own order.
    pub order: Option<&'a [usize]>,
    /// Whether the user orders the list (move buttons, drag handles, Alt+↑ / Alt+↓).
    pub reorder: bool,
    pub max_height: f32,
}

impl Default for Table<'_> {
    fn default() -> Self {
        Table {
            id_salt: "list",
            headers: &[],
            widths: &[],
            order: None,
            reorder: false,
            max_height: 320.0,
        }
    }
}

/// The state of one list's editor: the row being edited, the form's buffer and its error.
#[derive(Debug, Clone, Default)]
pub struct ListEditor<F> {
    /// The row being edited, by position in the list; None when adding.
    pub editing: Option<usize>,
    pub form: F,
    pub error: Option<String>,
}

const ROW_HEIGHT: f32 = 26.0;

impl<F: Default> ListEditor<F> {
    /// Start again with an empty form.
    pub fn reset(&mut self) {
        *self = ListEditor {
            editing: None,
            form: F::default(),
            error: None,
        };
    }

    /// The table of `items`: `cell(ui, column, item)` draws one cell; `what(item)` names an
    /// item for its buttons ("the 2040 target"); `load(item)` fills the form to edit it.
    pub fn table<T>(
        &mut self,
        ui: &mut Ui,
        t: &Table,
        items: &[T],
        mut cell: impl FnMut(&mut Ui, usize, &T),
        what: impl Fn(&T) -> String,
        load: impl Fn(&T) -> F,
    ) -> Option<Change<T>> {
        use egui_extras::{Column, TableBuilder};
        let order: Vec<usize> = match t.order {
            Some(o) => o.to_vec(),
            None => (0..items.len()).collect(),
        };
        let mut event: Option<Row> = None;
        if items.is_empty() {
            return None;
        }
        let list_id = egui::Id::unique(t.id_salt);
        ui.push_id(t.id_salt, |ui| {
            let mut builder = TableBuilder::new(ui)
                .striped(true)
                .vscroll(true)
                .max_scroll_height(t.max_height)
                .auto_shrink([false, true]);
            if t.reorder {
                builder = builder.column(Column::exact(22.0));
            }
            for w in t.widths {
                builder = builder.column(Column::initial(*w).clip(true));
            }
            builder = builder.column(Column::remainder().at_least(140.0));
            builder
                .header(22.0, |mut h| {
                    if t.reorder {
                        h.col(|_| {});
                    }
                    for title in t.headers {
                        h.col(|ui| {
                            ui.label(RichText::new(*title).strong());
                        });
                    }
                    h.col(|_| {});
                })
                .body(|body| {
                    body.rows(ROW_HEIGHT, order.len(), |mut row| {
                        let i = order[row.index()];
                        let item = &items[i];
                        row.set_selected(self.editing == Some(i));
                        if t.reorder {
                            row.col(|ui| {
                                let id = egui::Id::unique((t.id_salt, "drag", i));
                                let r = ui.dnd_drag_source(id, Dragged(list_id, i), |ui| {
                                    ui.label(RichText::new("≡").strong())
                                        .on_hover_text("Drag to move")
                                });
                                if let Some(d) = r.response.dnd_release_payload::<Dragged>()
                                    && d.0 == list_id
                                {
                                    event = Some(Row::Dropped { from: d.1, on: i });
                                }
                            });
                        }
                        for c in 0..t.headers.len() {
                            row.col(|ui| cell(ui, c, item));
                        }
                        row.col(|ui| {
                            let name = what(item);
                            if let Some(e) = row_buttons(ui, &name, t.reorder, i, items.len()) {
                                event = Some(e.at(i));
                            }
                        });
                        if let Some(d) = row.response().dnd_release_payload::<Dragged>()
                            && d.0 == list_id
                        {
                            event = Some(Row::Dropped { from: d.1, on: i });
                        }
                    });
                });
        });
        if t.reorder
            && let Some(i) = self.editing
            && i < items.len()
        {
            let (up, down) = ui.input_mut(|inp| {
                (
                    inp.consume_key(Modifiers::ALT, Key::ArrowUp),
                    inp.consume_key(Modifiers::ALT, Key::ArrowDown),
                )
            });
            if up && i > 0 {
                event = Some(Row::Moved { from: i, to: i - 1 });
            } else if down && i + 1 < items.len() {
                event = Some(Row::Moved { from: i, to: i + 1 });
            }
        }
        match event? {
            Row::Edit(i) => {
                self.editing = Some(i);
                self.form = load(&items[i]);
                self.error = None;
                None
            }
            Row::Delete(i) => {
                self.reset();
                Some(Change::Remove(i))
            }
            Row::Moved { from, to } | Row::Dropped { from, on: to } if from != to => {
                if self.editing == Some(from) {
                    self.editing = Some(to);
                }
                Some(Change::Move { from, to })
            }
            _ => None,
        }
    }

    /// The form under the table: `draw` lays out the fields; "Add {noun}" (or "Save {noun}"
    /// when editing) reads them with `read(form, editing)`; Cancel leaves the row as it was.
    pub fn form<T>(
        &mut self,
        ui: &mut Ui,
        noun: &str,
        draw: impl FnOnce(&mut Ui, &mut F),
        read: impl FnOnce(&F, Option<usize>) -> Result<T, String>,
    ) -> Option<Change<T>> {
        let words = [format!("Add {noun}"), format!("Save {noun}")];
        self.form_with(ui, &words, draw, read)
    }

    /// [`ListEditor::form`] with the button's words when adding and when editing.
    pub fn form_with<T>(
        &mut self,
        ui: &mut Ui,
        [add, save]: &[String; 2],
        draw: impl FnOnce(&mut Ui, &mut F),
        read: impl FnOnce(&F, Option<usize>) -> Result<T, String>,
    ) -> Option<Change<T>> {
        let mut change = None;
        ui.horizontal_wrapped(|ui| {
            draw(ui, &mut self.form);
            let word = if self.editing.is_some() { save } else { add };
            if ui.button(word).clicked() {
                match read(&self.form, self.editing) {
                    Ok(v) => {
                        change = Some(match self.editing {
                            Some(i) => Change::Replace(i, v),
                            None => Change::Add(v),
                        });
                        self.reset();
                    }
                    Err(e) => self.error = Some(e),
                }
            }
            if self.editing.is_some() && ui.button("Cancel").clicked() {
                self.reset();
            }
        });
        error_line(ui, &self.error);
        change
    }
}

/// A row being dragged: its list and its position.
struct Dragged(egui::Id, usize);

/// What a row's controls asked for.
enum Row {
    Edit(usize),
    Delete(usize),
    Moved { from: usize, to: usize },
    Dropped { from: usize, on: usize },
}

/// Which of a row's buttons was pressed.
enum Button {
    Edit,
    Delete,
    Up,
    Down,
}

impl Button {
    fn at(self, i: usize) -> Row {
        match self {
            Button::Edit => Row::Edit(i),
            Button::Delete => Row::Delete(i),
            Button::Up => Row::Moved {
                from: i,
                to: i.saturating_sub(1),
            },
            Button::Down => Row::Moved { from: i, to: i + 1 },
        }
    }
}

/// A row's buttons, named for screen readers and tooltips after `what`.
fn row_buttons(ui: &mut Ui, what: &str, reorder: bool, i: usize, len: usize) -> Option<Button> {
    ui.horizontal(|ui| {
        let mut pressed = None;
        let mut button = |ui: &mut Ui, word: &str, name: String, enabled: bool, b: Button| {
            let r = ui
                .add_enabled(enabled, egui::Button::new(word).small())
                .on_hover_text(&name);
            r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, enabled, &name));
            if r.clicked() {
                pressed = Some(b);
            }
        };
        button(ui, "Edit", format!("Edit {what}"), true, Button::Edit);
        button(ui, "Delete", format!("Delete {what}"), true, Button::Delete);
        if reorder {
            button(ui, "↑", format!("Move {what} up"), i > 0, Button::Up);
            button(
                ui,
                "↓",
                format!("Move {what} down"),
                i + 1 < len,
                Button::Down,
            );
        }
        pressed
    })
    .inner
}

/// A problem under a form, marked by a symbol as well as by colour.
pub fn error_line(ui: &mut Ui, e: &Option<String>) {
    if let Some(e) = e {
        ui.label(RichText::new(format!("⚠ {e}")).color(color(palette::rag_colour(Rag::Red))));
    }
}

/// `s` cut to `n` characters, with "…" when cut.
pub fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        format!(
            "{}…",
            s.chars().take(n.saturating_sub(1)).collect::<String>()
        )
    }
}

/// A text field with its label, named for screen readers by it.
pub fn labelled_edit(ui: &mut Ui, label: &str, text: &mut String, width: f32) -> egui::Response {
    let l = ui.label(label);
    ui.add(egui::TextEdit::singleline(text).desired_width(width))
        .labelled_by(l.id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_apply_to_a_list_and_ignore_positions_out_of_range() {
        let mut v = vec![1, 2, 3];
        Change::Add(4).apply_to(&mut v);
        Change::Replace(0, 9).apply_to(&mut v);
        Change::Move { from: 0, to: 3 }.apply_to(&mut v);
        Change::Remove(0).apply_to(&mut v);
        assert_eq!(v, vec![3, 4, 9]);
        Change::Remove(7).apply_to(&mut v);
        Change::Move { from: 0, to: 7 }.apply_to(&mut v);
        assert_eq!(v, vec![3, 4, 9]);
    }
}
