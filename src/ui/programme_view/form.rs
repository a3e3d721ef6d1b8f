//! The fields of an item editor, laid out as a two-column grid (label, field), each showing
//! under it the problems `check` finds there, in `check`'s words. Fields that hold numbers,
//! years or periods keep the text as typed and say when it cannot be read; Enter in a
//! one-line field applies the editor and Esc cancels it.

use crate::edit::check::Problem;
use crate::model::{Colour, Rag};
use crate::palette;
use crate::ui::theme::{self, color};
use egui::{Key, RichText, Ui};
use std::collections::HashMap;

/// The text of a field that holds something other than text: as typed, and the value it was
/// last made from (to notice a change from elsewhere, such as undo).
pub(super) type Buffers = HashMap<String, (String, String)>;

/// A field's label, the hint shown while it is empty, and the words that start the problems
/// shown under it.
pub(super) struct Field<'a> {
    pub label: &'a str,
    pub hint: &'a str,
    pub keys: &'a [&'a str],
}

/// One frame of an item editor's fields.
pub(super) struct Form<'a> {
    problems: &'a [Problem],
    shown: Vec<bool>,
    buffers: &'a mut Buffers,
    /// Fields whose text cannot be read, with why: the editor cannot be applied.
    pub unread: Vec<String>,
    /// Enter was pressed in a one-line field, or Ctrl+Enter in a longer one.
    pub enter: bool,
    /// Esc was pressed in a field.
    pub escape: bool,
}

impl<'a> Form<'a> {
    pub fn new(problems: &'a [Problem], buffers: &'a mut Buffers) -> Self {
        Form {
            problems,
            shown: vec![false; problems.len()],
            buffers,
            unread: Vec::new(),
            enter: false,
            escape: false,
        }
    }

    /// Lay out fields in the grid `salt`.
    pub fn grid(&mut self, ui: &mut Ui, salt: &str, add: impl FnOnce(&mut Self, &mut Ui)) {
        egui::Grid::new(salt)
            .num_columns(2)
            .spacing([12.0, 8.0])
            .min_col_width(120.0)
            .show(ui, |ui| add(self, ui));
    }

    fn keys(&mut self, ui: &Ui, r: &egui::Response, multiline: bool) {
        if r.lost_focus() {
            let (enter, esc, ctrl) = ui.input(|i| {
                (
                    i.key_pressed(Key::Enter),
                    i.key_pressed(Key::Escape),
                    i.modifiers.command,
                )
            });
            self.enter |= enter && (!multiline || ctrl);
            self.escape |= esc;
        }
        if multiline
            && r.has_focus()
            && ui.input(|i| i.modifiers.command && i.key_pressed(Key::Enter))
        {
            self.enter = true;
        }
    }

    /// Problems of the item as a whole whose message starts with one of `keys`, under a field.
    fn problems_at(&mut self, ui: &mut Ui, keys: &[&str]) {
        for (i, p) in self.problems.iter().enumerate() {
            if !self.shown[i]
                && p.within.is_empty()
                && keys.iter().any(|k| p.message.starts_with(k))
            {
                self.shown[i] = true;
                problem_line(ui, &p.message);
            }
        }
    }

    /// Problems not shown at a field (parts of the item: "target 2: …").
    pub fn rest(&mut self, ui: &mut Ui) {
        for (i, p) in self.problems.iter().enumerate() {
            if !self.shown[i] {
                self.shown[i] = true;
                problem_line(ui, &p.to_string());
            }
        }
    }

    /// The row's label, and a column for the field and its problems.
    fn row<R>(
        &mut self,
        ui: &mut Ui,
        label: &str,
        keys: &[&str],
        field: impl FnOnce(&mut Self, &mut Ui, egui::Id) -> R,
    ) -> R {
        let l = ui.label(label);
        let r = ui
            .vertical(|ui| {
                let r = field(self, ui, l.id);
                self.problems_at(ui, keys);
                r
            })
            .inner;
        ui.end_row();
        r
    }

    /// A one-line text field.
    pub fn text(
        &mut self,
        ui: &mut Ui,
        label: &str,
        value: &mut String,
        keys: &[&str],
    ) -> egui::Response {
        self.row(ui, label, keys, |f, ui, l| {
            let r = ui
                .add(egui::TextEdit::singleline(value).desired_width(text_width(ui)))
                .labelled_by(l);
            f.keys(ui, &r, false);
            r
        })
    }

    /// A longer text (Ctrl+Enter applies).
    pub fn multiline(&mut self, ui: &mut Ui, label: &str, value: &mut String, keys: &[&str]) {
        self.row(ui, label, keys, |f, ui, l| {
            let r = ui
                .add(
                    egui::TextEdit::multiline(value)
                        .desired_width(text_width(ui))
                        .desired_rows(3),
                )
                .labelled_by(l);
            f.keys(ui, &r, true);
        });
    }

    /// A field holding a value read from text (a year, a number, a period): `show` writes
    /// the value, `read` reads the text or says why it cannot.
    pub fn parsed<T>(
        &mut self,
        ui: &mut Ui,
        Field { label, hint, keys }: Field,
        value: &mut T,
        show: impl Fn(&T) -> String,
        read: impl Fn(&str) -> Result<T, String>,
    ) {
        self.row(ui, label, keys, |f, ui, l| {
            let repr = show(value);
            let (text, made_from) = f
                .buffers
                .entry(label.to_string())
                .or_insert_with(|| (repr.clone(), repr.clone()));
            if *made_from != repr {
                *text = repr.clone();
                *made_from = repr;
            }
            let r = ui
                .add(
                    egui::TextEdit::singleline(text)
                        .desired_width(160.0)
                        .hint_text(hint),
                )
                .labelled_by(l);
            let result = read(text);
            match result {
                Ok(v) => {
                    if r.changed() {
                        *made_from = show(&v);
                        *value = v;
                    }
                }
                Err(e) => {
                    problem_line(ui, &e);
                    f.unread.push(format!("{label}: {e}"));
                }
            }
            f.keys(ui, &r, false);
        });
    }

    /// One of several choices, each with its words.
    pub fn choice<T: PartialEq + Clone>(
        &mut self,
        ui: &mut Ui,
        label: &str,
        value: &mut T,
        options: &[(T, String)],
        keys: &[&str],
    ) {
        self.row(ui, label, keys, |_, ui, l| {
            let shown = options
                .iter()
                .find(|(v, _)| v == value)
                .map_or("—", |(_, w)| w.as_str());
            egui::ComboBox::from_id_salt(("choice", label))
                .selected_text(shown)
                .width(300.0)
                // A long name is cut, not widening the box past the fields beside it.
                .truncate()
                .show_ui(ui, |ui| {
                    for (v, w) in options {
                        ui.selectable_value(value, v.clone(), w);
                    }
                })
                .response
                .labelled_by(l);
        });
    }

    /// Links to other items: the linked ones with a button to remove each, and a list to add
    /// one (filtered by what is typed above it). `options` are (id, name) of every item.
    pub fn links(
        &mut self,
        ui: &mut Ui,
        label: &str,
        ids: &mut Vec<String>,
        options: &[(String, String)],
        keys: &[&str],
    ) {
        self.row(ui, label, keys, |f, ui, l| {
            let name = |id: &str| {
                options
                    .iter()
                    .find(|(x, _)| x == id)
                    .map_or(id.to_string(), |(_, n)| n.clone())
            };
            let mut remove = None;
            for (k, id) in ids.iter().enumerate() {
                ui.horizontal(|ui| {
                    let n = name(id);
                    let r = ui.small_button("✖").on_hover_text(format!("Remove {n}"));
                    r.widget_info(|| {
                        egui::WidgetInfo::labeled(egui::Role::Button, true, format!("Remove {n}"))
                    });
                    if r.clicked() {
                        remove = Some(k);
                    }
                    ui.add(egui::Label::new(n).wrap());
                });
            }
            if let Some(k) = remove {
                ids.remove(k);
            }
            let filter_key = format!("{label} filter");
            let (filter, _) = f.buffers.entry(filter_key).or_default();
            ui.horizontal(|ui| {
                let r = ui
                    .add(
                        egui::TextEdit::singleline(filter)
                            .desired_width(200.0)
                            .hint_text("Type to find"),
                    )
                    .labelled_by(l);
                r.widget_info(|| {
                    egui::WidgetInfo::labeled(egui::Role::TextInput, true, format!("Find {label}"))
                });
                let needle = filter.to_lowercase();
                let mut add = None;
                egui::ComboBox::from_id_salt(("links", label))
                    .selected_text("Add…")
                    .width(220.0)
                    .show_ui(ui, |ui| {
                        let matches = options.iter().filter(|(id, n)| {
                            !ids.contains(id)
                                && (needle.is_empty() || n.to_lowercase().contains(&needle))
                        });
                        for (id, n) in matches.take(60) {
                            if ui.selectable_label(false, n).clicked() {
                                add = Some(id.clone());
                            }
                        }
                    })
                    .response
                    .widget_info(|| {
                        egui::WidgetInfo::labeled(
                            egui::Role::ComboBox,
                            true,
                            format!("Add to {label}"),
                        )
                    });
                if let Some(id) = add {
                    ids.push(id);
                    filter.clear();
                }
            });
        });
    }

    /// A colour: the palette's colour-blind-safe colours, a free picker, and the contrast of
    /// text on it.
    pub fn colour(&mut self, ui: &mut Ui, label: &str, value: &mut Colour) {
        self.row(ui, label, &["colour"], |_, ui, l| {
            ui.horizontal_wrapped(|ui| {
                for c in palette::CATEGORICAL {
                    let chosen = c == *value;
                    let name = format!("Colour {c}");
                    let r = ui
                        .add(
                            egui::Button::new(
                                RichText::new(if chosen { "✔" } else { " " })
                                    .color(color(c.text_on())),
                            )
                            .fill(color(c))
                            .min_size(egui::vec2(26.0, 22.0)),
                        )
                        .on_hover_text(&name);
                    r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
                    if r.clicked() {
                        *value = c;
                    }
                }
                let mut rgb = [value.r, value.g, value.b];
                let r = ui.color_edit_button_srgb(&mut rgb).labelled_by(l);
                if r.changed() {
                    *value = Colour::rgb(rgb[0], rgb[1], rgb[2]);
                }
            });
            let contrast = value.contrast(value.text_on());
            let words = if contrast >= 4.5 {
                format!("{value}: labels on it read at {contrast:.1}:1")
            } else {
                format!("{value}: labels on it read at only {contrast:.1}:1 (WCAG AA asks 4.5:1)")
            };
            ui.label(RichText::new(words).small().color(theme::muted(ui)));
        });
    }

    /// A label and anything else as the field.
    pub fn custom<R>(
        &mut self,
        ui: &mut Ui,
        label: &str,
        keys: &[&str],
        add: impl FnOnce(&mut Ui, egui::Id) -> R,
    ) -> R {
        self.row(ui, label, keys, |_, ui, l| add(ui, l))
    }
}

/// A problem, marked by a symbol as well as colour.
pub(super) fn problem_line(ui: &mut Ui, text: &str) {
    ui.add(
        egui::Label::new(
            RichText::new(format!("⚠ {text}")).color(color(palette::rag_colour(Rag::Red))),
        )
        .wrap(),
    );
}

/// How wide a text field is: the room there is, between 420 points (a laptop beside other
/// panels) and 760 (a long bilingual organisation name whole on a wide window).
fn text_width(ui: &Ui) -> f32 {
    ui.available_width().clamp(420.0, 760.0)
}
