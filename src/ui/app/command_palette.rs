//! The command palette (Ctrl+K or Ctrl+Shift+P): type a few letters of any command, move
//! with the arrow keys, Enter runs it, Esc closes.

use super::OutcomeApp;
use super::command::Command;
use super::command_list::COMMANDS;
use egui::{Key, Modifiers, RichText};

/// The palette while it is open.
#[derive(Debug, Default)]
pub(super) struct Palette {
    query: String,
    /// Index into the matches.
    selected: usize,
    focused: bool,
    /// Keys taken before the views could see them: (up, down, enter).
    keys: (bool, bool, bool),
}

/// The commands that can run now whose menu path, label or shortcut contain every word of
/// `query`; those whose label starts with the query first.
pub fn matches(app: &OutcomeApp, query: &str) -> Vec<&'static Command> {
    let query = query.trim().to_lowercase();
    let words: Vec<&str> = query.split_whitespace().collect();
    let mut found: Vec<(bool, &'static Command)> = COMMANDS
        .iter()
        .filter(|c| c.runs() && (c.enabled)(app))
        .filter_map(|c| {
            let label = c.shown_label(app).to_lowercase();
            let text = format!("{}{label} {}", c.menu.path(), c.keys_text()).to_lowercase();
            words
                .iter()
                .all(|w| text.contains(w))
                .then(|| (!label.starts_with(&query), c))
        })
        .collect();
    found.sort_by_key(|(later, _)| *later);
    found.into_iter().map(|(_, c)| c).collect()
}

impl OutcomeApp {
    pub(super) fn open_palette(&mut self) {
        self.palette = Some(Palette::default());
    }

    /// Whether the palette is open.
    pub fn palette_is_open(&self) -> bool {
        self.palette.is_some()
    }

    /// Take the palette's keys before the views (a table or the wheel would move on them).
    pub(super) fn palette_keys(&mut self, ctx: &egui::Context) {
        let Some(p) = &mut self.palette else { return };
        p.keys = ctx.input_mut(|i| {
            (
                i.consume_key(Modifiers::NONE, Key::ArrowUp),
                i.consume_key(Modifiers::NONE, Key::ArrowDown),
                i.consume_key(Modifiers::NONE, Key::Enter),
            )
        });
    }

    pub(super) fn palette_ui(&mut self, ui: &mut egui::Ui) {
        let Some(p) = &self.palette else { return };
        let found = matches(self, &p.query);
        let labels: Vec<String> = found
            .iter()
            .map(|c| format!("{}{}", c.menu.path(), c.shown_label(self)))
            .collect();
        let p = self.palette.as_mut().expect("checked above");
        let (up, down, enter) = std::mem::take(&mut p.keys);
        if up {
            p.selected = p.selected.saturating_sub(1);
        }
        if down {
            p.selected += 1;
        }
        p.selected = p.selected.min(found.len().saturating_sub(1));
        let mut chosen = enter.then(|| found.get(p.selected).copied()).flatten();
        let modal = egui::Modal::new(egui::Id::unique("command-palette"))
            .area(
                egui::Modal::default_area(egui::Id::unique("command-palette"))
                    .anchor(egui::Align2::CENTER_TOP, egui::vec2(0.0, 80.0)),
            )
            .show(ui.ctx(), |ui| {
                ui.set_width(520.0);
                let l = ui.label(RichText::new("Run a command").strong());
                let before = p.query.clone();
                let r = ui
                    .add(
                        egui::TextEdit::singleline(&mut p.query)
                            .hint_text("Type to search, ↑ ↓ to choose, Enter to run")
                            .desired_width(f32::INFINITY),
                    )
                    .labelled_by(l.id);
                if !p.focused {
                    r.request_focus();
                    p.focused = true;
                }
                if p.query != before {
                    p.selected = 0;
                }
                ui.add_space(4.0);
                if found.is_empty() {
                    ui.label(RichText::new("No command matches.").weak());
                }
                egui::ScrollArea::vertical()
                    .max_height(360.0)
                    .show(ui, |ui| {
                        for (n, (c, label)) in found.iter().zip(labels).enumerate() {
                            let keys = c
                                .keys
                                .first()
                                .map(|k| ui.ctx().format_shortcut(k))
                                .unwrap_or_default();
                            let r = ui.add(
                                egui::Button::selectable(n == p.selected, label)
                                    .shortcut_text(keys)
                                    .min_size(egui::vec2(ui.available_width(), 0.0)),
                            );
                            if n == p.selected && (up || down) {
                                r.scroll_to_me(None);
                            }
                            if r.clicked() {
                                chosen = Some(*c);
                            }
                        }
                    });
            });
        if let Some(c) = chosen {
            self.palette = None;
            self.run_command(c, ui.ctx());
        } else if modal.should_close() {
            self.palette = None;
        }
    }
}
