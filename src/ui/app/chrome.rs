//! The window's frame around the views: menu bar, view tabs, status line and title.

use super::OutcomeApp;
use super::command::{Action, Check, Menu};
use super::command_list::COMMANDS;
use crate::format;
use crate::ui::nav::View;
use crate::ui::theme;
use egui::RichText;

impl OutcomeApp {
    pub(super) fn menu_bar(&mut self, ui: &mut egui::Ui) {
        egui::MenuBar::new().ui(ui, |ui| {
            for (title, menu) in [
                ("File", Menu::File),
                ("Edit", Menu::Edit),
                ("View", Menu::View),
                ("Help", Menu::Help),
            ] {
                ui.menu_button(title, |ui| {
                    self.menu_items(ui, menu);
                    if menu == Menu::Help {
                        ui.label(format!("Outcome Explorer {}", env!("CARGO_PKG_VERSION")));
                    }
                });
            }
        });
    }

    /// The commands of `menu`, a separator between groups.
    pub(super) fn menu_items(&mut self, ui: &mut egui::Ui, menu: Menu) {
        let mut group = None;
        for c in COMMANDS.iter().filter(|c| c.menu == menu) {
            if group.is_some_and(|g| g != c.group) {
                ui.separator();
            }
            group = Some(c.group);
            let run = match c.action {
                Action::Submenu(draw) => {
                    ui.menu_button(c.label, |ui| draw(self, ui));
                    continue;
                }
                Action::Run(run) => run,
            };
            let enabled = (c.enabled)(self);
            let label = c.shown_label(self);
            let clicked = match c.checked {
                Some((Check::Radio, on)) => ui
                    .add_enabled(enabled, egui::RadioButton::new(on(self), label))
                    .clicked(),
                Some((Check::Box, on)) => {
                    let mut on = on(self);
                    ui.add_enabled(enabled, egui::Checkbox::new(&mut on, label))
                        .clicked()
                }
                None => {
                    let mut button = egui::Button::new(label);
                    if let Some(k) = c.keys.first() {
                        button = button.shortcut_text(ui.ctx().format_shortcut(k));
                    }
                    ui.add_enabled(enabled, button).clicked()
                }
            };
            if clicked {
                if c.checked.is_none() {
                    ui.close();
                }
                run(self, ui.ctx());
            }
        }
    }

    pub(super) fn tabs(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            // The views are there once a project is.
            for v in View::ALL.into_iter().filter(|_| !self.welcome) {
                let text = RichText::new(v.label()).size(17.0);
                if ui.selectable_label(self.view == v, text).clicked() {
                    self.view = v;
                }
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if let Some(o) = &self.opening {
                    let name = o.path.file_name().unwrap_or_default().to_string_lossy();
                    ui.label(RichText::new(format!("Opening {name}…")).color(theme::muted(ui)));
                    return;
                }
                if self.welcome {
                    return;
                }
                let name = self.doc.display_name();
                if self.has_unsaved_work() {
                    ui.label(RichText::new("● Unsaved changes").strong());
                }
                ui.label(RichText::new(name).color(theme::muted(ui)));
            });
        });
    }

    pub(super) fn status_bar(&mut self, ui: &mut egui::Ui) {
        if self.welcome {
            ui.label(
                RichText::new(format!("Outcome Explorer {}", env!("CARGO_PKG_VERSION")))
                    .color(theme::muted(ui)),
            );
            return;
        }
        ui.horizontal(|ui| {
            let p = self.doc.project();
            ui.label(
                RichText::new(
                    [
                        format::count(p.priorities.len(), "priority", "priorities"),
                        format::count(p.outcomes.len(), "outcome", "outcomes"),
                        format::count(p.measures.len(), "measure", "measures"),
                        format::count(p.action_count(), "action", "actions"),
                    ]
                    .join(" · "),
                )
                .color(theme::muted(ui)),
            );
            self.source_warnings_button(ui);
            let status = self.status();
            if !status.is_empty() {
                ui.separator();
                ui.label(status);
            }
        });
    }

    pub(super) fn update_title(&mut self, ctx: &egui::Context) {
        let marker = if self.has_unsaved_work() { "● " } else { "" };
        let title = format!("{marker}{} — Outcome Explorer", self.doc.display_name());
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }

    /// The title the window shows ("● luton-2040.ron — Outcome Explorer").
    pub fn window_title(&self) -> &str {
        &self.title
    }
}
