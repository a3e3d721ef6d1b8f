//! Modal questions and reports: unsaved changes, problems in a file, errors.

use egui::{Id, Modal, RichText, Ui};

/// The answer to "save changes first?".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnsavedChoice {
    Save,
    Discard,
    Cancel,
}

/// Ask whether to save `name` although that drops the comments on `lines` of the file:
/// `Some(true)` to save, `Some(false)` to leave the file as it is.
pub fn drop_comments(ui: &mut Ui, name: &str, lines: &[usize]) -> Option<bool> {
    let mut choice = None;
    let modal = Modal::new(Id::unique("drop-comments")).show(ui.ctx(), |ui| {
        ui.set_max_width(460.0);
        ui.heading("Save without the comments?");
        let shown: Vec<String> = lines.iter().take(6).map(|l| l.to_string()).collect();
        let more = if lines.len() > shown.len() {
            ", …"
        } else {
            ""
        };
        let (count, s) = match lines.len() {
            1 => ("a comment".to_string(), ""),
            n => (format!("{n} comments"), "s"),
        };
        ui.label(format!(
            "{name} has {count} (line{s} {}{more}). Outcome Explorer writes the file in its \
             own layout, which has no place for comments, so saving drops them. The file as \
             it is now is kept beside it as {name}.bak until the next save.",
            shown.join(", ")
        ));
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button("Save without comments").clicked() {
                choice = Some(true);
            }
            if ui.button("Cancel").clicked() {
                choice = Some(false);
            }
        });
    });
    if modal.should_close() && choice.is_none() {
        choice = Some(false);
    }
    choice
}

/// Ask whether to save `name` before `doing` ("opening another file", "closing").
pub fn unsaved_changes(ui: &mut Ui, name: &str, doing: &str) -> Option<UnsavedChoice> {
    let mut choice = None;
    let modal = Modal::new(Id::unique("unsaved-changes")).show(ui.ctx(), |ui| {
        ui.set_max_width(420.0);
        ui.heading("Unsaved changes");
        ui.label(format!(
            "{name} has changes that are not saved. Save them before {doing}?"
        ));
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button("Save").clicked() {
                choice = Some(UnsavedChoice::Save);
            }
            if ui.button("Don't save").clicked() {
                choice = Some(UnsavedChoice::Discard);
            }
            if ui.button("Cancel").clicked() {
                choice = Some(UnsavedChoice::Cancel);
            }
        });
    });
    if modal.should_close() && choice.is_none() {
        choice = Some(UnsavedChoice::Cancel);
    }
    choice
}

/// A list of problems (a file that failed to load, or an error). Returns true when dismissed.
pub fn problems(ui: &mut Ui, title: &str, intro: &str, lines: &[String]) -> bool {
    let mut close = false;
    let modal = Modal::new(Id::unique("problems")).show(ui.ctx(), |ui| {
        ui.set_max_width(720.0);
        ui.heading(title);
        ui.label(intro);
        ui.add_space(4.0);
        egui::ScrollArea::vertical()
            .max_height(360.0)
            .show(ui, |ui| {
                for line in lines {
                    ui.label(RichText::new(line).monospace());
                }
            });
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button("Copy all").clicked() {
                ui.ctx().copy_text(lines.join("\n"));
            }
            if ui.button("Close").clicked() {
                close = true;
            }
        });
    });
    close || modal.should_close()
}

/// A modal that blocks the window while something runs elsewhere (a large file being read).
pub fn working(ui: &Ui, message: &str) {
    Modal::new(Id::unique("working")).show(ui.ctx(), |ui| {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label(RichText::new(message).size(16.0));
        });
    });
}
