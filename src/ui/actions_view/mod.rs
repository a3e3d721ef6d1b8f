//! The Action plans view: one editable table per plan, with filters, a summary strip,
//! a row editor for the multi-line fields, and CSV import and export.
//!
//! Every change goes through [`Document::apply`], so it is undoable and marks the
//! project unsaved. The table logic (filter, sort, summary, checks, column widths) lives in
//! [`crate::plan_table`]; this module only paints it and turns input into edits: the view's
//! state and caches here, the filter bar in `filters`, the buttons above the table in
//! `toolbar`, the columns' measures in `columns`, the table in `table` and its cells in
//! `cells`, the keyboard in `keyboard`, the row editor in `row_editor`, plans and CSV in
//! `dialogs`.

use crate::csv_io;
use crate::document::Document;
use crate::format;
use crate::history::Edit;
use crate::model::{Action, ActionPlan, Id, ProgressNote, Rag};
use crate::palette;
use crate::plan_table::{self, Column, Field, Filter, Sort, Summary};
use crate::ui::nav::Nav;
use crate::ui::theme;
use crate::ui::widgets::{from_jiff, jiff_date, rag_badge};
use chrono::NaiveDate;
use egui::{Color32, Key, RichText, Ui};
use egui_extras::{Column as TableColumn, TableBuilder};

mod cells;
mod columns;
mod dialogs;
mod filters;
mod keyboard;
mod row_editor;
mod table;
mod toolbar;

use row_editor::Editor;

/// Rows are this many text lines high unless expanded.
const ROW_LINES: usize = 3;
/// Height of the header row.
const HEADER_H: f32 = 28.0;

/// A cell being edited in place.
#[derive(Debug, Clone)]
struct CellEdit {
    index: usize,
    column: Column,
    text: String,
    error: Option<String>,
    started: bool,
}

/// Filtered and sorted rows, recomputed only when the key changes.
struct Cache {
    key: (u64, usize, Filter, Option<Sort>, NaiveDate, u32),
    rows: Vec<usize>,
    plan: Summary,
    shown: Summary,
}

/// The owners and themes offered in pickers, recomputed only when the project or plan changes
/// (sorting 20,000 owners every frame cost more than the rest of the table).
struct Choices {
    key: (u64, usize),
    plan_owners: Vec<String>,
    plan_themes: Vec<String>,
    all_owners: std::rc::Rc<Vec<String>>,
}

/// Why an edit was not applied: each problem, with the field it is in when the checks say.
#[derive(Debug, Clone, PartialEq)]
struct Refused {
    problems: Vec<(Option<Field>, String)>,
}

impl Refused {
    fn because(message: impl Into<String>) -> Self {
        Refused {
            problems: vec![(None, message.into())],
        }
    }
}

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let texts: Vec<&str> = self.problems.iter().map(|(_, m)| m.as_str()).collect();
        f.write_str(&texts.join("; "))
    }
}

/// An import waiting for the user to confirm it.
struct PendingImport {
    plan: Id,
    name: String,
    /// The file, read again when the user changes what the import may delete.
    bytes: Vec<u8>,
    result: Result<csv_io::Preview, csv_io::ImportError>,
}

/// Adding or renaming a plan.
struct PlanDialog {
    /// `None` to add a plan.
    index: Option<usize>,
    id: String,
    title: String,
    origin: String,
    /// The plan's start date as typed (blank for none): due dates before it are refused.
    start: String,
    error: Option<String>,
}

pub struct ActionsView {
    /// The day used for "overdue", "due soon", new progress notes and "last updated".
    pub today: NaiveDate,
    /// "Due soon" in the summary strip means within this many days.
    pub soon_days: u32,
    plan: Option<Id>,
    pub filter: Filter,
    pub sort: Option<Sort>,
    selected: Option<usize>,
    cursor: Column,
    editing: Option<CellEdit>,
    /// A row to bring into view: to the middle when coming from elsewhere, just into view
    /// when the keyboard moves.
    scroll_to: Option<(usize, Option<egui::Align>)>,
    /// Bring the cursor's cell into view sideways too (the keyboard moved or acted on it).
    scroll_cursor: bool,
    /// The columns the table showed last frame, in order, and their widths (the keyboard
    /// moves among them).
    fitted: plan_table::layout::Fitted,
    /// What each column needs, measured once per (revision, plan).
    measured: Option<columns::Measured>,
    /// Heights of rows shown whole, measured once per (revision, plan, column widths).
    heights: columns::Heights,
    focus: Option<(String, String)>,
    cache: Option<Cache>,
    choices: Option<Choices>,
    editor: Editor,
    show_editor: bool,
    expand_all: bool,
    import: Option<PendingImport>,
    plan_dialog: Option<PlanDialog>,
    message: Option<String>,
    due_days_text: u32,
    /// Each plan's summary for the list, keyed on (revision, today, soon days).
    list_cache: Option<((u64, NaiveDate, u32), Vec<Summary>)>,
    /// At the end of the last frame a row was selected and no widget had keyboard focus,
    /// so Tab moves between cells rather than between widgets.
    table_active: bool,
}

impl Default for ActionsView {
    fn default() -> Self {
        ActionsView {
            today: chrono::Local::now().date_naive(),
            soon_days: 30,
            plan: None,
            filter: Filter::default(),
            sort: None,
            selected: None,
            cursor: Column::Title,
            editing: None,
            scroll_to: None,
            scroll_cursor: false,
            fitted: Default::default(),
            measured: None,
            heights: columns::Heights::default(),
            focus: None,
            cache: None,
            choices: None,
            editor: Editor::default(),
            show_editor: true,
            expand_all: false,
            import: None,
            plan_dialog: None,
            message: None,
            due_days_text: 30,
            list_cache: None,
            table_active: false,
        }
    }
}

fn rag_text(r: Rag) -> String {
    format!("{} {}", palette::rag_symbol(r), r.label())
}

fn red(ui: &Ui) -> Color32 {
    if ui.visuals().dark_mode {
        Color32::from_rgb(0xff, 0x8a, 0x80)
    } else {
        Color32::from_rgb(0xb0, 0x1c, 0x1c)
    }
}

/// A single-line text field with an accessible label shown beside it.
fn labelled_text(ui: &mut Ui, label: &str, text: &mut String, width: f32) -> egui::Response {
    let l = ui.label(label);
    ui.add(egui::TextEdit::singleline(text).desired_width(width))
        .labelled_by(l.id)
}

impl ActionsView {
    /// Show one action of a plan: select the plan, scroll to the row and highlight it.
    pub fn focus_action(&mut self, plan: &str, reference: &str) {
        self.focus = Some((plan.to_string(), reference.to_string()));
    }

    /// The selected plan's id.
    pub fn plan_id(&self) -> Option<&str> {
        self.plan.as_deref()
    }

    /// Show plan `id`.
    pub fn select_plan(&mut self, id: &str) {
        if self.plan.as_deref() != Some(id) {
            self.plan = Some(id.to_string());
            self.selected = None;
            self.editing = None;
        }
    }

    /// The column of the keyboard cursor in the selected row.
    pub fn cursor(&self) -> Column {
        self.cursor
    }

    /// The selected row (its index in the plan).
    pub fn selected(&self) -> Option<usize> {
        self.selected
    }

    pub fn select_row(&mut self, index: Option<usize>) {
        self.selected = index;
        self.scroll_to = index.map(|i| (i, Some(egui::Align::Center)));
    }

    /// The columns the table shows (after those hidden, blank in every row, or left out for
    /// lack of room) and their widths, as last drawn.
    pub fn column_widths(&self) -> &[(Column, f32)] {
        &self.fitted.widths
    }

    /// The rows shown (indices into the plan), as last computed.
    pub fn visible_rows(&self) -> &[usize] {
        self.cache
            .as_ref()
            .map(|c| c.rows.as_slice())
            .unwrap_or(&[])
    }

    /// The rows and columns shown, tab-separated with a header line, for the clipboard.
    pub fn table_text(&self, doc: &Document, hidden: &[Column]) -> Option<String> {
        let project = doc.project();
        let plan = project.plan(self.plan.as_deref()?)?;
        let rows = plan_table::visible_rows(&plan.actions, &self.filter, self.sort, self.today);
        Some(plan_table::table_tsv(
            project,
            plan,
            &rows,
            &shown_columns(hidden),
        ))
    }

    /// Read a CSV into a preview for the current plan; the view then asks to confirm it.
    pub fn start_import(&mut self, doc: &Document, name: &str, bytes: &[u8]) {
        let Some(plan) = self.plan.clone() else {
            return;
        };
        let result = csv_io::preview(doc.project(), &plan, bytes, self.today);
        self.import = Some(PendingImport {
            plan,
            name: name.to_string(),
            bytes: bytes.to_vec(),
            result,
        });
    }

    fn plan_index(&mut self, doc: &Document) -> Option<usize> {
        let plans = &doc.project().action_plans;
        if plans.is_empty() {
            self.plan = None;
            return None;
        }
        let idx = self
            .plan
            .as_deref()
            .and_then(|id| plans.iter().position(|p| p.id == id));
        match idx {
            Some(i) => Some(i),
            None => {
                self.plan = Some(plans[0].id.clone());
                self.selected = None;
                Some(0)
            }
        }
    }

    fn refresh_cache(&mut self, doc: &Document, plan: usize) {
        let key = (
            doc.revision(),
            plan,
            self.filter.clone(),
            self.sort,
            self.today,
            self.soon_days,
        );
        if self.cache.as_ref().is_some_and(|c| c.key == key) {
            return;
        }
        let actions = &doc.project().action_plans[plan].actions;
        let rows = plan_table::visible_rows(actions, &self.filter, self.sort, self.today);
        let plan_s = plan_table::summarise(actions, 0..actions.len(), self.today, self.soon_days);
        let shown =
            plan_table::summarise(actions, rows.iter().copied(), self.today, self.soon_days);
        self.cache = Some(Cache {
            key,
            rows,
            plan: plan_s,
            shown,
        });
    }

    /// Replace row `index` of plan `plan` with `new`, after the checks; stamps "last updated".
    fn commit(
        &mut self,
        doc: &mut Document,
        plan: usize,
        index: usize,
        mut new: Action,
        label: &str,
    ) -> Result<(), Refused> {
        let project = doc.project();
        let p = &project.action_plans[plan];
        let Some(old) = p.actions.get(index) else {
            return Err(Refused::because("that row no longer exists"));
        };
        if *old == new {
            return Ok(());
        }
        let errs = plan_table::check_action(project, p, Some(index), &new);
        if !errs.is_empty() {
            return Err(Refused {
                problems: errs
                    .into_iter()
                    .map(|e| (Some(e.field), e.message))
                    .collect(),
            });
        }
        new.last_updated = Some(self.today);
        let label = format!("{label} of {}", new.reference);
        doc.apply(
            label,
            Edit::SetAction {
                plan,
                index,
                value: Box::new(new),
            },
        )
        .map_err(|e| Refused::because(e.to_string()))
    }

    /// Draw the view. `hidden` holds the columns the user has hidden (a setting the app
    /// keeps between runs); the Columns menu changes it.
    pub fn ui(&mut self, ui: &mut Ui, doc: &mut Document, nav: &mut Nav, hidden: &mut Vec<Column>) {
        let tab = ui.input(|i| {
            i.events.iter().any(|e| {
                matches!(
                    e,
                    egui::Event::Key {
                        key: Key::Tab,
                        pressed: true,
                        ..
                    }
                )
            })
        });
        if tab
            && self.table_active
            && self.editing.is_none()
            && self.import.is_none()
            && self.plan_dialog.is_none()
        {
            // egui has already handed focus to the first widget drawn this frame (the menu):
            // take it back, so that Tab moves the cell cursor instead.
            ui.ctx().memory_mut(|m| {
                if let Some(id) = m.focused() {
                    m.surrender_focus(id);
                }
                m.move_focus(egui::FocusDirection::None);
            });
        }
        self.ui_inner(ui, doc, nav, hidden);
        self.table_active = self.selected.is_some() && ui.ctx().memory(|m| m.focused().is_none());
    }

    fn ui_inner(
        &mut self,
        ui: &mut Ui,
        doc: &mut Document,
        nav: &mut Nav,
        hidden: &mut Vec<Column>,
    ) {
        if let Some((plan, reference)) = self.focus.take()
            && let Some(p) = doc.project().plan(&plan)
        {
            {
                let idx = p.actions.iter().position(|a| a.reference == reference);
                self.select_plan(&plan);
                if let Some(i) = idx {
                    if !self.filter.matches(&p.actions[i], self.today) {
                        self.filter = Filter::default();
                    }
                    self.select_row(Some(i));
                    self.show_editor = true;
                }
            }
        }
        // The plan shown is settled before the list is drawn, so the list marks it.
        self.plan_index(doc);
        egui::Panel::left("action-plans-list")
            .resizable(true)
            .default_size(250.0)
            .min_size(180.0)
            .show(ui, |ui| self.plan_list(ui, doc));
        let Some(plan) = self.plan_index(doc) else {
            ui.heading("Action plans");
            ui.label("This project has no action plans yet. Add one with “Add plan” on the left.");
            self.dialogs(ui, doc, nav);
            return;
        };
        if let Some(i) = self.selected
            && i >= doc.project().action_plans[plan].actions.len()
        {
            self.selected = None;
        }
        if self.show_editor
            && let Some(index) = self.selected
        {
            egui::Panel::right("action-row-editor")
                .resizable(true)
                .default_size(350.0)
                .min_size(280.0)
                .max_size(460.0)
                .show(ui, |ui| {
                    egui::ScrollArea::vertical()
                        .id_salt("row-editor-scroll")
                        .show(ui, |ui| self.row_editor(ui, doc, plan, index));
                });
        }
        self.refresh_cache(doc, plan);
        egui::CentralPanel::no_frame().show(ui, |ui| {
            // The table's width, taken before anything in the panel can widen it.
            let width = ui.available_width();
            ui.add_space(4.0);
            self.header(ui, doc, plan);
            self.filter_bar(ui, doc, plan);
            self.summary_strip(ui);
            if let Some(m) = &self.message {
                let mut clear = false;
                ui.horizontal_wrapped(|ui| {
                    ui.label(RichText::new(format!("⚠ {m}")).color(red(ui)));
                    clear = ui.small_button("Dismiss").clicked();
                });
                if clear {
                    self.message = None;
                }
            }
            self.keyboard(ui, doc, plan);
            self.table(ui, doc, plan, nav, hidden, width);
        });
        self.dialogs(ui, doc, nav);
    }

    fn header(&mut self, ui: &mut Ui, doc: &mut Document, plan: usize) {
        ui.heading(&doc.project().action_plans[plan].title);
        let p = &doc.project().action_plans[plan];
        let mut sub = Vec::new();
        if !p.origin.is_empty() {
            sub.push(p.origin.clone());
        }
        if let Some(s) = p.start {
            sub.push(format!("started {}", format::date(s)));
        }
        sub.push(format!("today is {}", format::date(self.today)));
        ui.label(RichText::new(sub.join(" · ")).color(theme::muted(ui)));
    }
}

/// The columns shown, in order: every column but the `hidden` ones.
fn shown_columns(hidden: &[Column]) -> Vec<Column> {
    Column::ALL
        .iter()
        .copied()
        .filter(|c| !hidden.contains(c))
        .collect()
}
