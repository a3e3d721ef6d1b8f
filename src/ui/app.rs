//! The application window: menus, shortcuts, file handling and the three views.

use crate::document::Document;
use crate::file::LoadError;
use crate::ui::dialogs::{self, UnsavedChoice};
use crate::ui::nav::{Nav, NavRequest, View};
use crate::ui::settings::{STORAGE_KEY, Settings};
use crate::ui::{actions_view::ActionsView, theme, trends_view::TrendsView, wheel_view::WheelView};
use egui::{Key, KeyboardShortcut, Modifiers, RichText};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

const OPEN: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::O);
const SAVE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::S);
const SAVE_AS: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::S);
const NEW: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::N);
const UNDO: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Z);
const REDO: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Y);
const REDO_ALT: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::Z);
const QUIT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Q);

/// Something that replaces or closes the document, held while the user answers
/// the unsaved-changes question.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Pending {
    New,
    Open(PathBuf),
    Quit,
}

impl Pending {
    fn doing(&self) -> &'static str {
        match self {
            Pending::New => "starting a new project",
            Pending::Open(_) => "opening another file",
            Pending::Quit => "closing",
        }
    }
}

/// Whether two paths name the same file (as typed on the command line, or as a file dialog
/// returns it, absolute and through symbolic links).
fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

/// Problems to show in a modal.
struct Report {
    title: String,
    intro: String,
    lines: Vec<String>,
}

/// Files at least this big are read on another thread, behind a modal, so the window stays
/// live (a large project takes most of a second to read).
pub const BACKGROUND_OPEN_BYTES: u64 = 4 * 1024 * 1024;

/// A file being read on another thread.
struct Opening {
    path: PathBuf,
    bytes: u64,
    result: mpsc::Receiver<Result<Document, LoadError>>,
}

/// Start-up timing, printed when the first frame has been painted.
struct StartupLog {
    started: Instant,
    frames: u32,
    exit: bool,
}

/// The whole app. `ui_root` draws it into any `Ui`, so tests and benchmarks can drive it headless.
pub struct OutcomeApp {
    pub doc: Document,
    pub view: View,
    pub wheel: WheelView,
    pub trends: TrendsView,
    pub actions: ActionsView,
    settings: Settings,
    pending: Option<Pending>,
    report: Option<Report>,
    status: String,
    allow_close: bool,
    title: String,
    theme_applied: Option<bool>,
    startup: Option<StartupLog>,
    show_shortcuts: bool,
    opening: Option<Opening>,
    /// A save waiting for the answer to "save without the comments?", with what was to
    /// follow it (an unsaved-changes question answered "Save").
    comments_question: Option<Option<Pending>>,
    /// Files at least this big are opened on another thread ([`BACKGROUND_OPEN_BYTES`]).
    pub background_open_bytes: u64,
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
            settings: Settings::default(),
            pending: None,
            report: None,
            status: String::new(),
            allow_close: false,
            title: String::new(),
            theme_applied: None,
            startup: None,
            show_shortcuts: false,
            opening: None,
            comments_question: None,
            background_open_bytes: BACKGROUND_OPEN_BYTES,
        }
    }

    /// Open `path` at start-up; a file that fails to load is reported and an empty project shown.
    pub fn with_file(path: Option<&Path>) -> Self {
        let mut app = OutcomeApp::new(Document::default());
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
            app.actions.set_hidden_columns(s.hidden_columns.clone());
            app.settings = s;
            for p in recent.iter().rev() {
                app.settings.remember(p);
            }
        }
        app.startup = startup.map(|(started, exit)| StartupLog {
            started,
            frames: 0,
            exit,
        });
        app
    }

    /// The status bar's message.
    pub fn status(&self) -> &str {
        &self.status
    }

    /// Problems shown in the report modal, if any (for tests).
    pub fn report_lines(&self) -> Option<&[String]> {
        self.report.as_ref().map(|r| r.lines.as_slice())
    }

    pub fn is_dark(&self) -> bool {
        self.settings.dark
    }

    /// Open `path`, first asking about unsaved changes if there are any.
    pub fn open(&mut self, path: &Path) {
        self.request(Pending::Open(path.to_path_buf()));
    }

    /// Whether a file is being read on another thread.
    pub fn is_opening(&self) -> bool {
        self.opening.is_some()
    }

    /// Open a file now, without asking about unsaved changes: a large one on another thread.
    fn open_now(&mut self, path: &Path) {
        let bytes = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
        if bytes >= self.background_open_bytes {
            let (send, result) = mpsc::channel();
            let owned = path.to_path_buf();
            let spawned = std::thread::Builder::new()
                .name("open-project".into())
                .spawn(move || {
                    let _ = send.send(Document::open(&owned));
                });
            if spawned.is_ok() {
                self.opening = Some(Opening {
                    path: path.to_path_buf(),
                    bytes,
                    result,
                });
                return;
            }
        }
        let result = Document::open(path);
        self.finish_open(path, result);
    }

    /// Take the file read on another thread, once it is ready.
    fn poll_opening(&mut self, ctx: &egui::Context) {
        let Some(o) = &self.opening else { return };
        let result = match o.result.try_recv() {
            Ok(result) => result,
            Err(mpsc::TryRecvError::Empty) => {
                ctx.request_repaint_after(Duration::from_millis(30));
                return;
            }
            Err(mpsc::TryRecvError::Disconnected) => Err(LoadError {
                problems: vec![crate::file::Problem {
                    file: o.path.display().to_string(),
                    location: crate::file::Location::File,
                    message: "reading the file stopped unexpectedly".into(),
                }],
            }),
        };
        let path = o.path.clone();
        self.opening = None;
        self.finish_open(&path, result);
    }

    fn finish_open(&mut self, path: &Path, result: Result<Document, LoadError>) {
        match result {
            Ok(doc) => {
                self.doc = doc;
                self.comments_question = None;
                self.settings.remember(path);
                self.wheel = WheelView::default();
                self.trends = TrendsView::default();
                let hidden = self.actions.hidden_columns().to_vec();
                self.actions = ActionsView::default();
                self.actions.set_hidden_columns(hidden);
                self.status = format!("Opened {}", path.display());
            }
            Err(e) => {
                let kept = if self.doc.path().is_some() || !self.doc.project().outcomes.is_empty() {
                    format!(" {} is still open.", self.doc.display_name())
                } else {
                    String::new()
                };
                self.report = Some(Report {
                    title: format!(
                        "Could not open {}",
                        path.file_name().unwrap_or_default().to_string_lossy()
                    ),
                    intro: format!(
                        "The file has {} problem(s); nothing was changed.{kept}",
                        e.problems.len()
                    ),
                    lines: e.problems.iter().map(|p| p.to_string()).collect(),
                });
            }
        }
    }

    /// Replace or close the document, asking first if there are unsaved changes.
    fn request(&mut self, what: Pending) {
        if self.comments_question.is_some() {
            // One question at a time: the comments question is still open.
            return;
        }
        if self.has_unsaved_work() {
            self.pending = Some(what);
        } else {
            self.perform(what);
        }
    }

    /// Whether closing now would lose something: shown as "● Unsaved changes". A new
    /// untitled project nobody has touched has nothing to lose, so shows no marker.
    fn has_unsaved_work(&self) -> bool {
        self.doc.is_dirty() && !self.is_pristine_untitled()
    }

    /// A new untitled project nobody has touched has nothing to lose.
    fn is_pristine_untitled(&self) -> bool {
        self.doc.path().is_none() && !self.doc.history().can_undo()
    }

    fn perform(&mut self, what: Pending) {
        // A question about the document being replaced no longer applies.
        self.comments_question = None;
        match what {
            Pending::New => {
                self.doc = Document::default();
                self.status = "New project".into();
            }
            Pending::Open(p) => self.open_now(&p),
            Pending::Quit => self.allow_close = true,
        }
    }

    /// Save to the current file, or ask where if it has none. Returns true when saved.
    pub fn save(&mut self) -> bool {
        if self.doc.path().is_none() {
            return self.save_as();
        }
        if !self.doc.comment_lines().is_empty() {
            // Asked first: the answer comes back through `dialogs` (see `save_anyway`).
            self.comments_question.get_or_insert(None);
            return false;
        }
        self.save_anyway()
    }

    /// Save to the document's file without asking about its comments.
    fn save_anyway(&mut self) -> bool {
        match self.doc.save() {
            Ok(()) => {
                self.status = format!("Saved {}", self.doc.display_name());
                true
            }
            Err(e) => {
                self.show_error("Could not save", e.to_string());
                false
            }
        }
    }

    fn save_as(&mut self) -> bool {
        let Some(path) = rfd::FileDialog::new()
            .add_filter("Outcome Explorer project", &["ron"])
            .set_file_name(self.doc.display_name())
            .save_file()
        else {
            return false;
        };
        if self.doc.path().is_some_and(|own| same_file(own, &path)) {
            // Over the document's own file: as Save (which asks about comments first).
            return self.save();
        }
        match self.doc.save_as(&path) {
            Ok(()) => {
                self.settings.remember(&path);
                self.status = format!("Saved {}", path.display());
                true
            }
            Err(e) => {
                self.show_error("Could not save", e.to_string());
                false
            }
        }
    }

    fn show_error(&mut self, title: &str, message: String) {
        self.report = Some(Report {
            title: title.into(),
            intro: "Your changes are still here, and the file on disk is as it was.".into(),
            lines: vec![message],
        });
    }

    fn open_dialog(&mut self) {
        if let Some(path) = rfd::FileDialog::new()
            .add_filter("Outcome Explorer project", &["ron"])
            .pick_file()
        {
            self.request(Pending::Open(path));
        }
    }

    pub fn undo(&mut self) {
        if let Some(label) = self.doc.history().undo_label().map(str::to_owned)
            && self.doc.undo()
        {
            self.status = format!("Undid: {label}");
        }
    }

    pub fn redo(&mut self) {
        if let Some(label) = self.doc.history().redo_label().map(str::to_owned)
            && self.doc.redo()
        {
            self.status = format!("Redid: {label}");
        }
    }

    fn handle_input(&mut self, ctx: &egui::Context) {
        let typing = ctx.egui_wants_keyboard_input();
        let (open, save_as, save, new, quit, redo, undo, dropped) = ctx.input_mut(|i| {
            (
                i.consume_shortcut(&OPEN),
                i.consume_shortcut(&SAVE_AS),
                i.consume_shortcut(&SAVE),
                i.consume_shortcut(&NEW),
                i.consume_shortcut(&QUIT),
                // Ctrl+Shift+Z first: egui matches Ctrl+Z even with Shift held.
                !typing && (i.consume_shortcut(&REDO_ALT) || i.consume_shortcut(&REDO)),
                !typing && i.consume_shortcut(&UNDO),
                i.raw
                    .dropped_files
                    .iter()
                    .map(|f| f.path().to_path_buf())
                    .find(|p| !p.as_os_str().is_empty()),
            )
        });
        if save_as {
            self.save_as();
        } else if save {
            self.save();
        }
        if open {
            self.open_dialog();
        }
        if new {
            self.request(Pending::New);
        }
        if undo {
            self.undo();
        }
        if redo {
            self.redo();
        }
        if let Some(path) = dropped {
            self.request(Pending::Open(path));
        }
        for (n, view) in View::ALL.iter().enumerate() {
            let key = [Key::Num1, Key::Num2, Key::Num3][n];
            if ctx
                .input_mut(|i| i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, key)))
            {
                self.view = *view;
            }
        }
        if quit {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
        if ctx.input(|i| i.viewport().close_requested())
            && !self.allow_close
            && self.has_unsaved_work()
        {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            // One question at a time: an open comments question is answered first.
            if self.comments_question.is_none() {
                self.pending = Some(Pending::Quit);
            }
        }
    }

    fn menu_bar(&mut self, ui: &mut egui::Ui) {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
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
                    .add(
                        egui::Button::new("Save As…")
                            .shortcut_text(ui.ctx().format_shortcut(&SAVE_AS)),
                    )
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
            });
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

    fn tabs(&mut self, ui: &mut egui::Ui) {
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

    fn status_bar(&mut self, ui: &mut egui::Ui) {
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
            if !self.status.is_empty() {
                ui.separator();
                ui.label(&self.status);
            }
        });
    }

    /// Carry out what the unsaved-changes question held back.
    fn finish_pending(&mut self, ui: &egui::Ui, pending: Pending) {
        let quit = pending == Pending::Quit;
        self.perform(pending);
        if quit {
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }

    fn dialogs(&mut self, ui: &mut egui::Ui) {
        if let Some(o) = &self.opening {
            let name = o.path.file_name().unwrap_or_default().to_string_lossy();
            let size = crate::format::number(o.bytes as f64 / 1e6, 1);
            dialogs::working(ui, &format!("Opening {name} ({size} MB)…"));
            return;
        }
        if let Some(pending) = self.pending.clone() {
            match dialogs::unsaved_changes(ui, &self.doc.display_name(), pending.doing()) {
                Some(UnsavedChoice::Save) => {
                    self.pending = None;
                    if self.save() {
                        self.finish_pending(ui, pending);
                    } else if let Some(after) = self.comments_question.as_mut() {
                        // Saving waits on the comments question; carry on once it is answered.
                        *after = Some(pending);
                    }
                }
                Some(UnsavedChoice::Discard) => {
                    self.pending = None;
                    self.finish_pending(ui, pending);
                }
                Some(UnsavedChoice::Cancel) => self.pending = None,
                None => {}
            }
        }
        if let Some(after) = self.comments_question.clone() {
            let lines = self.doc.comment_lines().to_vec();
            if lines.is_empty() {
                // Nothing left to ask about (the file was written meanwhile).
                self.comments_question = None;
                return;
            }
            match dialogs::drop_comments(ui, &self.doc.display_name(), &lines) {
                Some(true) => {
                    self.comments_question = None;
                    if self.save_anyway()
                        && let Some(pending) = after
                    {
                        self.finish_pending(ui, pending);
                    }
                }
                Some(false) => {
                    self.comments_question = None;
                    self.status = "Not saved: the file's comments are kept".into();
                }
                None => {}
            }
        }
        if let Some(r) = &self.report
            && dialogs::problems(ui, &r.title, &r.intro, &r.lines)
        {
            self.report = None;
        }
        if self.show_shortcuts {
            let rows: Vec<(String, &str)> = [
                (NEW, "New project"),
                (OPEN, "Open…"),
                (SAVE, "Save"),
                (SAVE_AS, "Save As…"),
                (UNDO, "Undo"),
                (REDO, "Redo"),
                (QUIT, "Quit"),
            ]
            .iter()
            .map(|(k, what)| (ui.ctx().format_shortcut(k), *what))
            .chain([(
                "Ctrl+1 / 2 / 3".to_string(),
                "Wheel / Trends / Action plans",
            )])
            .collect();
            egui::Window::new("Keyboard shortcuts")
                .open(&mut self.show_shortcuts)
                .collapsible(false)
                .resizable(false)
                .show(ui.ctx(), |ui| {
                    egui::Grid::new("shortcuts").striped(true).show(ui, |ui| {
                        for (keys, what) in rows {
                            ui.label(RichText::new(keys).monospace());
                            ui.label(what);
                            ui.end_row();
                        }
                    });
                });
        }
    }

    fn update_title(&mut self, ctx: &egui::Context) {
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

    fn handle_nav(&mut self, nav: Nav) {
        for r in nav.requests {
            match r {
                NavRequest::Show(v) => self.view = v,
                NavRequest::OpenMeasure(id) => {
                    self.trends.open_measure(&id);
                    self.view = View::Trends;
                }
                NavRequest::OpenAction { plan, reference } => {
                    self.actions.focus_action(&plan, &reference);
                    self.view = View::Actions;
                }
                NavRequest::SelectOutcome(id) => {
                    self.wheel.select_outcome(&id);
                    self.view = View::Wheel;
                }
            }
        }
        if let Some(s) = nav.status {
            self.status = s;
        }
        if let Some(e) = nav.error {
            self.report = Some(Report {
                title: "Something went wrong".into(),
                intro: String::new(),
                lines: vec![e],
            });
        }
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
        if self.opening.is_none() {
            self.handle_input(&ctx);
        }
        egui::Panel::top("menu").show(ui, |ui| {
            self.menu_bar(ui);
            ui.add_space(2.0);
            self.tabs(ui);
            ui.add_space(2.0);
        });
        egui::Panel::bottom("status").show(ui, |ui| self.status_bar(ui));
        let mut nav = Nav::default();
        egui::CentralPanel::default().show(ui, |ui| match self.view {
            View::Wheel => self.wheel.ui(ui, &mut self.doc, &mut nav),
            View::Trends => self.trends.ui(ui, &mut self.doc, &mut nav),
            View::Actions => self.actions.ui(ui, &mut self.doc, &mut nav),
        });
        self.handle_nav(nav);
        self.dialogs(ui);
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
        self.settings.hidden_columns = self.actions.hidden_columns().to_vec();
        eframe::set_value(storage, STORAGE_KEY, &self.settings);
    }
}
