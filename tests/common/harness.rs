//! The app in a test harness, driven as a user drives it: open a project, click what a label
//! says, type into a field by its name, press keys, run a command from the palette, and
//! settle. Assertions then look at the model, the file or what is on screen.

use egui::accesskit::Role;
use egui::{Event, Key, Modifiers, OutputCommand};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use outcome_explorer::document::Document;
use outcome_explorer::model::Project;
use outcome_explorer::ui::OutcomeApp;
use outcome_explorer::ui::nav::View;
use std::path::Path;

/// The app at a window size (a 1280×800 laptop, a 1920×1080 projector).
pub const LAPTOP: (f32, f32) = (1280.0, 800.0);
pub const PROJECTOR: (f32, f32) = (1920.0, 1080.0);

pub type AppHarness = Harness<'static, OutcomeApp>;

/// `app` in a window of `size`, drawn once.
pub fn harness(app: OutcomeApp, size: (f32, f32)) -> AppHarness {
    let mut h = Harness::builder()
        .with_size(egui::vec2(size.0, size.1))
        .build_ui_state(|ui, app: &mut OutcomeApp| app.ui_root(ui), app);
    h.settle();
    h
}

/// An untitled `project` shown in `view`.
pub fn open_project(project: Project, view: View, size: (f32, f32)) -> AppHarness {
    let mut app = OutcomeApp::new(Document::new(project, None));
    app.view = view;
    harness(app, size)
}

/// The project file at `path`, opened as the app opens it.
pub fn open_file(path: &Path, size: (f32, f32)) -> AppHarness {
    harness(OutcomeApp::new(Document::open(path).unwrap()), size)
}

/// What a user does, on a harness of the app.
pub trait HarnessExt {
    /// Run frames until nothing more changes (at most a few dozen: an animation ends).
    fn settle(&mut self);
    /// Click the widget showing `label` (exactly), then settle.
    fn click(&mut self, label: &str);
    /// Click the button named `label`, then settle (when a label is shown twice).
    fn click_button(&mut self, label: &str);
    /// Put the keyboard in the text field named `field` and type `text`, then settle.
    fn type_into(&mut self, field: &str, text: &str);
    /// Press a key, then settle.
    fn press(&mut self, key: Key);
    /// Press a key with modifiers (Ctrl is `Modifiers::COMMAND`), then settle.
    fn press_with(&mut self, modifiers: Modifiers, key: Key);
    /// Run a command by typing `query` into the command palette and pressing Enter.
    fn run_command(&mut self, query: &str);
    /// Whether a widget shows exactly `label`.
    fn sees(&self, label: &str) -> bool;
    /// Whether a widget shows text containing `text`.
    fn sees_text(&self, text: &str) -> bool;
    /// Press a shortcut and return what egui was asked to put on the clipboard meanwhile.
    fn copied_by(&mut self, modifiers: Modifiers, key: Key) -> Vec<OutputCommand>;
    /// Click `label` and return what egui was asked to put on the clipboard meanwhile.
    fn copied_by_clicking(&mut self, label: &str) -> Vec<OutputCommand>;
}

impl HarnessExt for AppHarness {
    fn settle(&mut self) {
        for _ in 0..40 {
            self.step();
            if !self.ctx.has_requested_repaint() {
                break;
            }
        }
    }

    fn click(&mut self, label: &str) {
        self.get_by_label(label).click();
        self.settle();
    }

    fn click_button(&mut self, label: &str) {
        self.get_by_role_and_label(Role::Button, label).click();
        self.settle();
    }

    fn type_into(&mut self, field: &str, text: &str) {
        let node = self.get_by_role_and_label(Role::TextInput, field);
        node.focus();
        node.type_text(text);
        self.settle();
    }

    fn press(&mut self, key: Key) {
        self.key_press(key);
        self.settle();
    }

    fn press_with(&mut self, modifiers: Modifiers, key: Key) {
        self.key_press_modifiers(modifiers, key);
        self.settle();
    }

    fn run_command(&mut self, query: &str) {
        self.press_with(Modifiers::COMMAND, Key::K);
        self.type_into("Run a command", query);
        self.press(Key::Enter);
    }

    fn sees(&self, label: &str) -> bool {
        self.query_by_label(label).is_some()
    }

    fn sees_text(&self, text: &str) -> bool {
        self.query_by_label_contains(text).is_some()
    }

    fn copied_by(&mut self, modifiers: Modifiers, key: Key) -> Vec<OutputCommand> {
        // One event, so that the frame that runs the command is one whose output is read
        // (the harness keeps only the last frame's output).
        self.event(Event::Key {
            key,
            physical_key: None,
            pressed: true,
            repeat: false,
            modifiers,
        });
        clipboard_commands(self)
    }

    fn copied_by_clicking(&mut self, label: &str) -> Vec<OutputCommand> {
        self.get_by_label(label).click();
        clipboard_commands(self)
    }
}

/// Frames until things settle, gathering the clipboard commands of each.
fn clipboard_commands(h: &mut AppHarness) -> Vec<OutputCommand> {
    let mut found = Vec::new();
    for _ in 0..6 {
        h.step();
        found.extend(
            h.output()
                .platform_output
                .commands
                .iter()
                .filter(|c| matches!(c, OutputCommand::CopyText(_) | OutputCommand::CopyImage(_)))
                .cloned(),
        );
    }
    found
}

/// The texts among clipboard commands.
pub fn texts(commands: &[OutputCommand]) -> Vec<String> {
    commands
        .iter()
        .filter_map(|c| match c {
            OutputCommand::CopyText(t) => Some(t.clone()),
            _ => None,
        })
        .collect()
}

/// The sizes of the images among clipboard commands.
pub fn image_sizes(commands: &[OutputCommand]) -> Vec<[usize; 2]> {
    commands
        .iter()
        .filter_map(|c| match c {
            OutputCommand::CopyImage(i) => Some(i.size),
            _ => None,
        })
        .collect()
}
