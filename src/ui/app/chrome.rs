//! The window's frame around the views: menu bar, view tabs, status line and title.

use super::OutcomeApp;
use super::commands::{NEW, OPEN, QUIT, REDO, SAVE, SAVE_AS, UNDO};
use super::state::Pending;
use crate::ui::nav::{Nav, View};
use crate::ui::theme;
use egui::RichText;

impl OutcomeApp {
    pub(super) fn menu_bar(&mut self, ui: &mut egui::Ui) {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| self.file_menu(ui));
            ui.menu_button("Edit", |ui| {
                let undo = self.doc.history().undo_label().map(|l| format!("Undo {l}"));
                let redo = self.doc.history().redo_label().map(|l| format!("Redo {l}"));
                let undo_btn = egui::Button::new(undo.as_deref().unwrap_or("Undo"))
                    .shortcut_text(ui.ctx().format_shortcut(&UNDO));
                if ui.add_enabled(undo.is_some(), undo_btn).clicked() {
                    self.undo();
                }
                let redo_btn = egui::Button::new(redo.as_deref().unwrap_or("Redo"))
                    .shortcut_text(ui.ctx().format_shortcut(&REDO));
                if ui.add_enabled(redo.is_some(), redo_btn).clicked() {
                    self.redo();
                }
            });
            ui.menu_button("View", |ui| {
                for v in View::ALL {
                    if ui.radio(self.view == v, v.label()).clicked() {
                        self.view = v;
                    }
                }
                ui.separator();
                if ui.checkbox(&mut self.settings.dark, "Dark theme").changed() {
                    self.theme_applied = None;
                }
            });
            ui.menu_button("Help", |ui| {
                if ui.button("Keyboard shortcuts").clicked() {
                    self.show_shortcuts = true;
                }
                ui.label(format!("Outcome Explorer {}", env!("CARGO_PKG_VERSION")));
            });
        });
    }

    fn file_menu(&mut self, ui: &mut egui::Ui) {
        if ui
            .add(egui::Button::new("New").shortcut_text(ui.ctx().format_shortcut(&NEW)))
            .clicked()
        {
            self.request(Pending::New);
        }
        if ui
            .add(egui::Button::new("Open…").shortcut_text(ui.ctx().format_shortcut(&OPEN)))
            .clicked()
        {
            self.open_dialog();
        }
        ui.menu_button("Open Recent", |ui| {
            if self.settings.recent.is_empty() {
                ui.label("No recent files");
            }
            for p in self.settings.recent.clone() {
                if ui.button(p.display().to_string()).clicked() {
                    self.request(Pending::Open(p));
                }
            }
        });
        ui.separator();
        if ui
            .add(egui::Button::new("Save").shortcut_text(ui.ctx().format_shortcut(&SAVE)))
            .clicked()
        {
            self.save();
        }
        if ui
            .add(egui::Button::new("Save As…").shortcut_text(ui.ctx().format_shortcut(&SAVE_AS)))
            .clicked()
        {
            self.save_as();
        }
        ui.separator();
        ui.menu_button("Export", |ui| {
            for (label, ext) in [("Wheel as PNG…", "png"), ("Wheel as SVG…", "svg")] {
                if ui.button(label).clicked() {
                    ui.close();
                    let mut nav = Nav::default();
                    self.wheel.export_dialog(self.doc.project(), ext, &mut nav);
                    self.handle_nav(nav);
                }
            }
            ui.label(
                RichText::new("Size: as set in the wheel's Export menu")
                    .small()
                    .color(theme::muted(ui)),
            );
        });
        ui.separator();
        if ui
            .add(egui::Button::new("Quit").shortcut_text(ui.ctx().format_shortcut(&QUIT)))
            .clicked()
        {
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }

    pub(super) fn tabs(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            for v in View::ALL {
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
                let name = self.doc.display_name();
                if self.has_unsaved_work() {
                    ui.label(RichText::new("● Unsaved changes").strong());
                }
                ui.label(RichText::new(name).color(theme::muted(ui)));
            });
        });
    }

    pub(super) fn status_bar(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            let p = self.doc.project();
            ui.label(
                RichText::new(format!(
                    "{} priorities · {} outcomes · {} measures · {} actions",
                    p.priorities.len(),
                    p.outcomes.len(),
                    p.measures.len(),
                    p.action_count()
                ))
                .color(theme::muted(ui)),
            );
            self.source_warnings_button(ui);
            if !self.status.is_empty() {
                ui.separator();
                ui.label(&self.status);
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
