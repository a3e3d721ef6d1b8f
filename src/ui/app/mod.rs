//! The application window: the document, the three views and the app's own state, drawn
//! each frame by [`OutcomeApp::ui_root`].
//!
//! Split by concern: `state` (what the app waits for and shows in modals), `file_lifecycle`
//! (new, open, save, the unsaved-changes question), `command` and `command_list` (every
//! command, from which the menus, shortcuts and palette are drawn), `input` (keyboard, dropped
//! files, requests between views), `chrome` (menus, tabs, status line, title), `dialogs` (the
//! modals) and `command_palette`.

use crate::document::Document;
use crate::ui::nav::{Nav, View};
use crate::ui::programme_view::{NewProject, ProgrammeView};
use crate::ui::settings::{STORAGE_KEY, Settings};
use crate::ui::{actions_view::ActionsView, theme, trends_view::TrendsView, wheel_view::WheelView};
use state::{Opening, Pending, Report, StartupLog};
use std::path::Path;
use std::time::Instant;

mod chrome;
mod command;
mod command_list;
mod command_palette;
mod deck;
mod dialogs;
mod disk_watch;
mod file_lifecycle;
mod input;
mod load_failure;
mod pictures;
mod programme;
mod recovery;
mod source_warnings;
mod state;
mod welcome;

pub use command::{Action, Check, Command, Menu};
pub use command_list::{COMMANDS, command};
pub use command_palette::matches as palette_matches;
pub use load_failure::{Excerpt, excerpts};

/// Files at least this big are read on another thread, behind a modal, so the window stays
/// live (a large project takes most of a second to read).
pub const BACKGROUND_OPEN_BYTES: u64 = 4 * 1024 * 1024;

/// The whole app. `ui_root` draws it into any `Ui`, so tests and benchmarks can drive it headless.
pub struct OutcomeApp {
    pub doc: Document,
    pub view: View,
    pub wheel: WheelView,
    pub trends: TrendsView,
    pub actions: ActionsView,
    pub programme: ProgrammeView,
    /// File › New's steps, while they are shown.
    new_project: Option<NewProject>,
    /// The Slides panel, presentation mode and the deck's export.
    pub deck: crate::ui::deck_view::DeckUi,
    settings: Settings,
    pending: Option<Pending>,
    report: Option<Report>,
    /// A file that did not open, and why.
    failed: Option<load_failure::FailedOpen>,
    /// Nothing opened yet: the welcome screen shows instead of the views.
    welcome: bool,
    /// The status line's message and the revision of the document it was written about.
    status: (String, u64),
    allow_close: bool,
    title: String,
    theme_applied: Option<bool>,
    startup: Option<StartupLog>,
    show_shortcuts: bool,
    palette: Option<command_palette::Palette>,
    opening: Option<Opening>,
    /// A save waiting for the answer to "save without the comments?", with what was to
    /// follow it (an unsaved-changes question answered "Save").
    comments_question: Option<Option<Pending>>,
    /// Files at least this big are opened on another thread ([`BACKGROUND_OPEN_BYTES`]).
    pub background_open_bytes: u64,
    source_warnings: source_warnings::SourceWarnings,
    /// Unsaved edits written aside, and those left behind by earlier runs.
    recovery: recovery::Recovery,
    /// The document's file as others change it.
    disk_watch: disk_watch::DiskWatch,
    /// Files being written on other threads (the deck, every chart), with their progress.
    pub export: Option<crate::ui::export_job::ExportJob>,
}

impl OutcomeApp {
    /// An app showing `doc`.
    pub fn new(doc: Document) -> Self {
        OutcomeApp {
            doc,
            view: View::default(),
            wheel: WheelView::default(),
            trends: TrendsView::default(),
            actions: ActionsView::default(),
            programme: ProgrammeView::default(),
            new_project: None,
            deck: Default::default(),
            settings: Settings::default(),
            pending: None,
            report: None,
            failed: None,
            welcome: false,
            status: (String::new(), 0),
            allow_close: false,
            title: String::new(),
            theme_applied: None,
            startup: None,
            show_shortcuts: false,
            palette: None,
            opening: None,
            comments_question: None,
            background_open_bytes: BACKGROUND_OPEN_BYTES,
            source_warnings: Default::default(),
            recovery: Default::default(),
            disk_watch: Default::default(),
            export: None,
        }
    }

    /// Open `path` at start-up; without one, or when it fails to load (the problems are
    /// shown), the welcome screen.
    pub fn with_file(path: Option<&Path>) -> Self {
        let mut app = OutcomeApp::new(Document::default());
        app.welcome = true;
        if let Some(p) = path {
            app.open_now(p);
        }
        app
    }

    /// Create for eframe: restore settings, then open `path`.
    pub fn create(
        cc: &eframe::CreationContext<'_>,
        path: Option<&Path>,
        startup: Option<(Instant, bool)>,
    ) -> Self {
        let mut app = OutcomeApp::with_file(path);
        if let Some(storage) = cc.storage
            && let Some(s) = eframe::get_value::<Settings>(storage, STORAGE_KEY)
        {
            let recent = std::mem::take(&mut app.settings.recent);
            app.settings = s;
            for p in recent.iter().rev() {
                app.settings.remember(p);
            }
        }
        if let Some(dir) = eframe::storage_dir("outcome-explorer") {
            app.use_recovery_folder(dir.join("recovery"));
        }
        app.startup = startup.map(|(started, exit)| StartupLog {
            started,
            frames: 0,
            exit,
        });
        app
    }

    /// The status line's message. What was said about an earlier state of the document (a
    /// save, an undo) gives way to the latest change, so the line is never stale.
    pub fn status(&self) -> String {
        let (text, revision) = &self.status;
        if *revision == self.doc.revision() {
            return text.clone();
        }
        match self.doc.history().undo_label() {
            Some(label) => format!("Last change: {label}"),
            None => String::new(),
        }
    }

    fn set_status(&mut self, text: impl Into<String>) {
        self.status = (text.into(), self.doc.revision());
    }

    /// Problems shown in the report modal, if any (for tests).
    pub fn report_lines(&self) -> Option<&[String]> {
        match &self.failed {
            Some(f) => Some(f.lines.as_slice()),
            None => self.report.as_ref().map(|r| r.lines.as_slice()),
        }
    }

    /// Whether the welcome screen is shown (nothing opened yet).
    pub fn is_welcome(&self) -> bool {
        self.welcome
    }

    pub fn is_dark(&self) -> bool {
        self.settings.dark
    }

    /// Draw the whole app into `ui` (the window's root, or a test harness).
    pub fn ui_root(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        if self.theme_applied.is_none() {
            theme::install_fonts(&ctx);
        }
        if self.theme_applied != Some(self.settings.dark) {
            theme::apply(&ctx, self.settings.dark);
            self.theme_applied = Some(self.settings.dark);
        }
        self.poll_opening(&ctx);
        self.watch_focus(&ctx);
        if let Some(wait) = self.autosave(false) {
            ctx.request_repaint_after(wait);
        }
        if self.presentation_frame(ui) {
            return;
        }
        if self.opening.is_none() {
            self.handle_input(&ctx);
            self.palette_keys(&ctx);
        }
        egui::Panel::top("menu").show(ui, |ui| {
            self.menu_bar(ui);
            ui.add_space(2.0);
            self.tabs(ui);
            ui.add_space(2.0);
        });
        egui::Panel::bottom("status").show(ui, |ui| self.status_bar(ui));
        self.read_only_banner(ui);
        self.slides_panel(ui);
        let mut nav = Nav::default();
        egui::CentralPanel::default().show(ui, |ui| match self.view {
            _ if self.welcome => self.welcome_ui(ui),
            View::Wheel => self.wheel.ui(ui, &mut self.doc, &mut nav),
            View::Trends => self.trends.ui(ui, &mut self.doc, &mut nav),
            View::Actions => {
                let hidden = &mut self.settings.hidden_columns;
                self.actions.ui(ui, &mut self.doc, &mut nav, hidden)
            }
            View::Programme => self.programme.ui(ui, &mut self.doc, &mut nav),
        });
        self.handle_nav(nav);
        self.new_project_steps(ui);
        self.dialogs(ui);
        self.export_progress(&ctx);
        self.update_title(&ctx);
    }
}

impl eframe::App for OutcomeApp {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        if let Some(s) = &mut self.startup {
            s.frames += 1;
            if s.frames == 2 {
                println!(
                    "startup: first frame painted after {:.1} ms",
                    s.started.elapsed().as_secs_f64() * 1000.0
                );
                if s.exit {
                    self.allow_close = true;
                    ctx.send_viewport_cmd(egui::ViewportCommand::Close);
                }
            } else if s.frames < 2 {
                ctx.request_repaint();
            }
        }
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.ui_root(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, STORAGE_KEY, &self.settings);
    }
}
