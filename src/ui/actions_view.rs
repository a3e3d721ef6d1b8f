//! The Action plans view: one editable table per plan, with filters, a summary strip,
//! a row editor for the multi-line fields, and CSV import and export.
//!
//! Every change goes through [`Document::apply`], so it is undoable and marks the
//! project unsaved. The table logic (filter, sort, summary, checks) lives in
//! [`crate::plan_table`]; this file only paints it and turns input into edits.

use crate::csv_io;
use crate::document::Document;
use crate::format;
use crate::history::Edit;
use crate::model::{Action, ActionPlan, Id, ProgressNote, Rag};
use crate::palette;
use crate::plan_table::{self, Column, Filter, Sort, Summary};
use crate::ui::nav::Nav;
use crate::ui::theme;
use crate::ui::widgets::rag_badge;
use chrono::{Datelike, NaiveDate};
use egui::{Color32, Key, RichText, Ui};
use egui_extras::{Column as TableColumn, TableBuilder};

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

/// A column's width when there is room for every column, and the least it can shrink to.
fn column_width(c: Column) -> (f32, f32) {
    match c {
        Column::Reference => (95.0, 80.0),
        Column::Theme => (140.0, 95.0),
        Column::Title => (280.0, 120.0),
        Column::KeyActions => (260.0, 100.0),
        Column::Owner => (140.0, 80.0),
        Column::Due => (120.0, 95.0),
        Column::Rag => (130.0, 115.0),
        Column::Progress => (240.0, 100.0),
        Column::LastUpdated => (110.0, 95.0),
        Column::Outcomes => (150.0, 80.0),
    }
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

/// Text buffers of the row editor, refreshed when the row or the project changes.
#[derive(Default)]
struct Editor {
    key: Option<(usize, usize, u64)>,
    reference: String,
    theme: String,
    title: String,
    owner: String,
    key_actions: Vec<String>,
    new_key_action: String,
    new_note: String,
    errors: Vec<(&'static str, String)>,
}

impl Editor {
    fn load(&mut self, a: &Action) {
        self.reference = a.reference.clone();
        self.theme = a.theme.clone();
        self.title = a.title.clone();
        self.owner = a.owner.clone();
        self.key_actions = a.key_actions.clone();
        self.errors.clear();
    }

    fn error(&self, field: &str) -> Option<&str> {
        self.errors
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, m)| m.as_str())
    }

    fn set_error(&mut self, field: &'static str, message: Option<String>) {
        self.errors.retain(|(f, _)| *f != field);
        if let Some(m) = message {
            self.errors.push((field, m));
        }
    }
}

/// An import waiting for the user to confirm it.
struct PendingImport {
    plan: Id,
    name: String,
    result: Result<csv_io::Preview, csv_io::ImportError>,
}

/// Adding or renaming a plan.
struct PlanDialog {
    /// `None` to add a plan.
    index: Option<usize>,
    id: String,
    title: String,
    origin: String,
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
    hidden: Vec<Column>,
    selected: Option<usize>,
    cursor: Column,
    editing: Option<CellEdit>,
    scroll_to: Option<usize>,
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
            hidden: Vec::new(),
            selected: None,
            cursor: Column::Title,
            editing: None,
            scroll_to: None,
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

fn jiff_date(d: NaiveDate) -> jiff::civil::Date {
    jiff::civil::Date::new(d.year() as i16, d.month() as i8, d.day() as i8)
        .unwrap_or(jiff::civil::Date::constant(2025, 1, 1))
}

fn from_jiff(d: jiff::civil::Date) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(i32::from(d.year()), d.month() as u32, d.day() as u32)
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
        self.scroll_to = index;
    }

    /// Hide or show a column.
    pub fn set_column_visible(&mut self, c: Column, visible: bool) {
        self.hidden.retain(|h| *h != c);
        if !visible {
            self.hidden.push(c);
        }
    }

    /// The rows shown (indices into the plan), as last computed.
    pub fn visible_rows(&self) -> &[usize] {
        self.cache
            .as_ref()
            .map(|c| c.rows.as_slice())
            .unwrap_or(&[])
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
    ) -> Result<(), String> {
        let project = doc.project();
        let p = &project.action_plans[plan];
        let Some(old) = p.actions.get(index) else {
            return Err("that row no longer exists".into());
        };
        if *old == new {
            return Ok(());
        }
        let errs = plan_table::check_action(project, p, Some(index), &new);
        if !errs.is_empty() {
            return Err(errs
                .into_iter()
                .map(|e| e.message)
                .collect::<Vec<_>>()
                .join("; "));
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
        .map_err(|e| e.to_string())
    }

    pub fn ui(&mut self, ui: &mut Ui, doc: &mut Document, nav: &mut Nav) {
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
        self.ui_inner(ui, doc, nav);
        self.table_active = self.selected.is_some() && ui.ctx().memory(|m| m.focused().is_none());
    }

    fn ui_inner(&mut self, ui: &mut Ui, doc: &mut Document, nav: &mut Nav) {
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
            self.table(ui, doc, plan, nav);
        });
        self.dialogs(ui, doc, nav);
    }

    fn plan_list(&mut self, ui: &mut Ui, doc: &mut Document) {
        ui.add_space(4.0);
        ui.heading("Action plans");
        ui.add_space(4.0);
        let today = self.today;
        let soon = self.soon_days;
        let mut choose = None;
        let key = (doc.revision(), today, soon);
        if self.list_cache.as_ref().is_none_or(|(k, _)| *k != key) {
            let sums = doc
                .project()
                .action_plans
                .iter()
                .map(|p| plan_table::summarise(&p.actions, 0..p.actions.len(), today, soon))
                .collect();
            self.list_cache = Some((key, sums));
        }
        let sums = self
            .list_cache
            .as_ref()
            .map(|(_, s)| s.clone())
            .unwrap_or_default();
        for (p, s) in doc.project().action_plans.iter().zip(sums) {
            let selected = self.plan.as_deref() == Some(p.id.as_str());
            let r = ui.add(
                egui::Button::selectable(selected, RichText::new(&p.title).strong())
                    .wrap()
                    .min_size(egui::vec2(ui.available_width(), 0.0)),
            );
            if r.clicked() {
                choose = Some(p.id.clone());
            }
            ui.horizontal_wrapped(|ui| {
                ui.spacing_mut().item_spacing.x = 10.0;
                for rag in Rag::ALL {
                    let n = s.count(rag);
                    if n > 0 {
                        ui.label(
                            RichText::new(format!(
                                "{} {} {}",
                                palette::rag_symbol(rag),
                                n,
                                rag.label()
                            ))
                            .small()
                            .color(theme::muted(ui)),
                        );
                    }
                }
                if s.total == 0 {
                    ui.label(
                        RichText::new("No actions yet")
                            .small()
                            .color(theme::muted(ui)),
                    );
                }
            });
            ui.add_space(6.0);
        }
        if let Some(id) = choose {
            self.select_plan(&id);
        }
        ui.separator();
        ui.horizontal_wrapped(|ui| {
            if ui.button("Add plan").clicked() {
                let n = doc.project().action_plans.len() + 1;
                self.plan_dialog = Some(PlanDialog {
                    index: None,
                    id: format!("plan-{n}"),
                    title: String::new(),
                    origin: String::new(),
                    error: None,
                });
            }
            let current = self
                .plan
                .as_deref()
                .and_then(|id| doc.project().action_plans.iter().position(|p| p.id == id));
            if let Some(i) = current
                && ui.button("Rename plan…").clicked()
            {
                let p = &doc.project().action_plans[i];
                self.plan_dialog = Some(PlanDialog {
                    index: Some(i),
                    id: p.id.clone(),
                    title: p.title.clone(),
                    origin: p.origin.clone(),
                    error: None,
                });
            }
        });
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

    fn refresh_choices(&mut self, doc: &Document, plan: usize) {
        let key = (doc.revision(), plan);
        if self.choices.as_ref().is_some_and(|c| c.key == key) {
            return;
        }
        let p = &doc.project().action_plans[plan];
        let mut plan_owners: Vec<String> = p
            .actions
            .iter()
            .map(|a| a.owner.clone())
            .filter(|o| !o.trim().is_empty())
            .collect();
        plan_owners.sort_by(|a, b| plan_table::natural_cmp(a, b));
        plan_owners.dedup();
        self.choices = Some(Choices {
            key,
            plan_owners,
            plan_themes: plan_table::themes(p),
            all_owners: std::rc::Rc::new(plan_table::owners(doc.project())),
        });
    }

    fn filter_bar(&mut self, ui: &mut Ui, doc: &Document, plan: usize) {
        self.refresh_choices(doc, plan);
        let choices = self.choices.as_ref().expect("refreshed above");
        ui.horizontal_wrapped(|ui| {
            let l = ui.label("Search");
            ui.add(
                egui::TextEdit::singleline(&mut self.filter.text)
                    .hint_text("words in any column")
                    .desired_width(180.0),
            )
            .labelled_by(l.id);
            let rag_text_sel = if self.filter.rags.is_empty() {
                "Any RAG".to_string()
            } else {
                self.filter
                    .rags
                    .iter()
                    .map(|r| r.label())
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let l = ui.label("RAG");
            egui::ComboBox::from_id_salt("filter-rag")
                .selected_text(rag_text_sel)
                .show_ui(ui, |ui| {
                    for r in Rag::ALL {
                        let mut on = self.filter.rags.contains(&r);
                        if ui.checkbox(&mut on, rag_text(r)).changed() {
                            self.filter.rags.retain(|x| *x != r);
                            if on {
                                self.filter.rags.push(r);
                                self.filter.rags.sort();
                            }
                        }
                    }
                })
                .response
                .labelled_by(l.id);
            let l = ui.label("Owner");
            egui::ComboBox::from_id_salt("filter-owner")
                .selected_text(
                    self.filter
                        .owner
                        .clone()
                        .unwrap_or_else(|| "Any owner".into()),
                )
                .width(150.0)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.filter.owner, None, "Any owner");
                    for o in &choices.plan_owners {
                        ui.selectable_value(&mut self.filter.owner, Some(o.clone()), o);
                    }
                })
                .response
                .labelled_by(l.id);
            let l = ui.label("Theme");
            egui::ComboBox::from_id_salt("filter-theme")
                .selected_text(
                    self.filter
                        .theme
                        .clone()
                        .unwrap_or_else(|| "Any theme".into()),
                )
                .width(150.0)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.filter.theme, None, "Any theme");
                    for t in &choices.plan_themes {
                        ui.selectable_value(&mut self.filter.theme, Some(t.clone()), t);
                    }
                })
                .response
                .labelled_by(l.id);
            let l = ui.label("Outcome");
            egui::ComboBox::from_id_salt("filter-outcome")
                .selected_text(
                    self.filter
                        .outcome
                        .clone()
                        .unwrap_or_else(|| "Any outcome".into()),
                )
                .width(150.0)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.filter.outcome, None, "Any outcome");
                    for o in &doc.project().outcomes {
                        ui.selectable_value(
                            &mut self.filter.outcome,
                            Some(o.id.clone()),
                            format!("{} — {}", o.id, o.name),
                        );
                    }
                })
                .response
                .labelled_by(l.id);
            ui.checkbox(&mut self.filter.overdue, "Overdue");
            let mut within = self.filter.due_within.is_some();
            if ui.checkbox(&mut within, "Due in the next").changed() {
                self.filter.due_within = within.then_some(self.due_days_text);
            }
            let r = ui.add(
                egui::DragValue::new(&mut self.due_days_text)
                    .range(1..=3650)
                    .suffix(" days"),
            );
            if r.changed() && self.filter.due_within.is_some() {
                self.filter.due_within = Some(self.due_days_text);
            }
        });
        let parts = self.filter.parts();
        if !parts.is_empty() {
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new("Showing only:").color(theme::muted(ui)));
                for (part, text) in parts {
                    if ui
                        .button(format!("{text}  ✖"))
                        .on_hover_text("Remove this filter")
                        .clicked()
                    {
                        self.filter.clear(part);
                    }
                }
                if ui.button("Clear all filters").clicked() {
                    self.filter = Filter::default();
                }
            });
        }
    }

    fn summary_strip(&mut self, ui: &mut Ui) {
        let Some(c) = &self.cache else { return };
        let line = |ui: &mut Ui, title: &str, s: &Summary| {
            ui.horizontal_wrapped(|ui| {
                ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Extend);
                ui.label(RichText::new(format!("{title}: {} actions", s.total)).strong());
                for r in Rag::ALL {
                    // A framed badge cannot wrap by itself: start a new line when it would not fit.
                    if ui.available_size_before_wrap().x < 150.0 {
                        ui.end_row();
                    }
                    ui.label(RichText::new(s.count(r).to_string()).strong());
                    rag_badge(ui, r);
                    ui.add_space(6.0);
                }
                ui.label(RichText::new(format!("· {} overdue", s.overdue)).color(
                    if s.overdue > 0 {
                        red(ui)
                    } else {
                        theme::muted(ui)
                    },
                ));
                ui.label(format!(
                    "· {} due in the next {} days",
                    s.due_soon, self.soon_days
                ));
            });
        };
        line(ui, "Plan", &c.plan);
        if self.filter.is_active() {
            line(ui, "Shown", &c.shown);
        }
    }

    fn columns(&self) -> Vec<Column> {
        Column::ALL
            .iter()
            .copied()
            .filter(|c| !self.hidden.contains(c))
            .collect()
    }

    fn keyboard(&mut self, ui: &mut Ui, doc: &mut Document, plan: usize) {
        if self.editing.is_some() || self.import.is_some() || self.plan_dialog.is_some() {
            return;
        }
        if ui.ctx().memory(|m| m.focused().is_some()) || ui.ctx().egui_wants_keyboard_input() {
            return;
        }
        let Some(sel) = self.selected else { return };
        let rows = self.visible_rows().to_vec();
        let cols = self.columns();
        if cols.is_empty() {
            return;
        }
        let (up, down, left, right, enter, esc) = ui.input_mut(|i| {
            (
                i.consume_key(egui::Modifiers::NONE, Key::ArrowUp),
                i.consume_key(egui::Modifiers::NONE, Key::ArrowDown),
                i.consume_key(egui::Modifiers::NONE, Key::ArrowLeft)
                    || i.consume_key(egui::Modifiers::SHIFT, Key::Tab),
                i.consume_key(egui::Modifiers::NONE, Key::ArrowRight)
                    || i.consume_key(egui::Modifiers::NONE, Key::Tab),
                i.consume_key(egui::Modifiers::NONE, Key::Enter),
                i.consume_key(egui::Modifiers::NONE, Key::Escape),
            )
        });
        let pos = rows.iter().position(|r| *r == sel);
        if up || down {
            self.flush_editor(doc, plan);
            let next = match pos {
                Some(p) if up => p.saturating_sub(1),
                Some(p) => (p + 1).min(rows.len().saturating_sub(1)),
                None => 0,
            };
            if let Some(r) = rows.get(next) {
                self.select_row(Some(*r));
            }
        }
        let ci = cols.iter().position(|c| *c == self.cursor).unwrap_or(0);
        if left {
            self.cursor = cols[ci.saturating_sub(1)];
        }
        if right {
            self.cursor = cols[(ci + 1).min(cols.len() - 1)];
        }
        if esc {
            self.selected = None;
        }
        if enter {
            self.begin_cell_edit(doc, plan, sel, self.cursor);
        }
    }

    /// Apply what was typed in the row editor but not yet applied (the field still had
    /// focus) before another row is selected, so that nothing typed is lost.
    fn flush_editor(&mut self, doc: &mut Document, plan: usize) {
        let Some((p, i, _)) = self.editor.key else {
            return;
        };
        let Some(a) = doc
            .project()
            .action_plans
            .get(p)
            .and_then(|x| x.actions.get(i))
        else {
            return;
        };
        if p != plan {
            return;
        }
        let mut new = a.clone();
        new.reference = self.editor.reference.trim().to_string();
        new.theme = self.editor.theme.clone();
        new.owner = self.editor.owner.trim().to_string();
        new.title = self.editor.title.clone();
        new.key_actions = self
            .editor
            .key_actions
            .iter()
            .filter(|k| !k.trim().is_empty())
            .cloned()
            .collect();
        if new != *a
            && let Err(m) = self.commit(doc, plan, i, new, "Edit")
        {
            self.message = Some(format!("Your last edit was not applied: {m}"));
        }
        self.editor.key = None;
    }

    fn begin_cell_edit(&mut self, doc: &Document, plan: usize, index: usize, column: Column) {
        let a = &doc.project().action_plans[plan].actions[index];
        let text = match column {
            Column::Reference => a.reference.clone(),
            Column::Theme => a.theme.clone(),
            Column::Title => a.title.clone(),
            Column::Owner => a.owner.clone(),
            Column::Due => a.due.map(format::date).unwrap_or_default(),
            _ => {
                self.show_editor = true;
                self.message = None;
                return;
            }
        };
        self.editing = Some(CellEdit {
            index,
            column,
            text,
            error: None,
            started: false,
        });
    }

    /// Apply the text of a cell being edited. Returns the reason if it is refused.
    fn apply_cell(&mut self, doc: &mut Document, plan: usize, e: &CellEdit) -> Result<(), String> {
        let mut a = doc.project().action_plans[plan].actions[e.index].clone();
        match e.column {
            Column::Reference => a.reference = e.text.trim().to_string(),
            Column::Theme => a.theme = e.text.clone(),
            Column::Title => a.title = e.text.clone(),
            Column::Owner => a.owner = e.text.trim().to_string(),
            Column::Due => {
                a.due = if e.text.trim().is_empty() {
                    None
                } else {
                    Some(plan_table::parse_date(&e.text)?)
                }
            }
            _ => return Ok(()),
        }
        self.commit(
            doc,
            plan,
            e.index,
            a,
            &format!("Edit {}", e.column.label().to_lowercase()),
        )
    }

    fn table(&mut self, ui: &mut Ui, doc: &mut Document, plan: usize, nav: &mut Nav) {
        let cols = self.columns();
        self.row_buttons(ui, doc, plan, nav);
        // The buttons may have changed the plan: bring the rows up to date first.
        self.refresh_cache(doc, plan);
        let rows = self
            .cache
            .as_ref()
            .map(|c| c.rows.clone())
            .unwrap_or_default();
        if rows.is_empty() {
            ui.add_space(12.0);
            if doc.project().action_plans[plan].actions.is_empty() {
                ui.label("This plan has no actions yet.");
            } else {
                ui.label("No actions match the filters. Clear them to see every action.");
            }
            return;
        }
        let scroll_row = self
            .scroll_to
            .take()
            .and_then(|i| rows.iter().position(|r| *r == i));
        let selected = self.selected;
        let expand_all = self.expand_all;
        let actions = &doc.project().action_plans[plan].actions;
        let line_h = ui.text_style_height(&egui::TextStyle::Body);
        let compact = ROW_LINES as f32 * line_h + 8.0;
        let heights: Vec<f32> = rows
            .iter()
            .map(|&i| {
                if expand_all || Some(i) == selected {
                    expanded_height(&actions[i], line_h)
                } else {
                    compact
                }
            })
            .collect();
        let mut clicked: Option<(usize, Column)> = None;
        let mut double: Option<(usize, Column)> = None;
        let mut sort_click: Option<Column> = None;
        let mut rag_set: Option<(usize, Rag)> = None;
        let mut cell_done: Option<(CellEdit, bool)> = None;
        let outcomes = &doc.project().outcomes;
        let today = self.today;
        let cursor = self.cursor;
        let editing = &mut self.editing;
        let sort = self.sort;
        // Columns start at widths that fit the window where they can (all ten fit from about
        // 1,600 px; narrower, they shrink towards their minimum and the rest scrolls sideways
        // behind a solid scroll bar that says so).
        let wanted: f32 = cols.iter().map(|c| column_width(*c).0).sum();
        let scale = (ui.available_width() / wanted).clamp(0.0, 1.0);
        ui.style_mut().spacing.scroll = egui::style::ScrollStyle::solid();
        egui::ScrollArea::horizontal()
            .id_salt("actions-hscroll")
            .show(ui, |ui| {
                let mut tb = TableBuilder::new(ui)
                    .id_salt(("actions-table", plan))
                    .striped(true)
                    .resizable(true)
                    .cell_layout(egui::Layout::left_to_right(egui::Align::Min))
                    .min_scrolled_height(0.0)
                    .sense(egui::Sense::click());
                for c in &cols {
                    let (initial, least) = column_width(*c);
                    let w = TableColumn::initial((initial * scale).max(least)).at_least(least);
                    tb = tb.column(w.clip(true));
                }
                if let Some(r) = scroll_row {
                    tb = tb.scroll_to_row(r, Some(egui::Align::Center));
                }
                tb.header(HEADER_H, |mut header| {
                    for c in &cols {
                        header.col(|ui| {
                            let arrow = match sort {
                                Some(s) if s.column == *c => {
                                    if s.descending {
                                        " ▼"
                                    } else {
                                        " ▲"
                                    }
                                }
                                _ => "",
                            };
                            let r = ui
                                .add(
                                    egui::Button::new(
                                        RichText::new(format!("{}{arrow}", c.label())).strong(),
                                    )
                                    .frame(false),
                                )
                                .on_hover_text(format!("Sort by {}", c.label().to_lowercase()));
                            if r.clicked() {
                                sort_click = Some(*c);
                            }
                        });
                    }
                })
                .body(|body| {
                    body.heterogeneous_rows(heights.into_iter(), |mut row| {
                        let i = rows[row.index()];
                        let a = &actions[i];
                        row.set_selected(selected == Some(i));
                        for c in &cols {
                            let mut inner_click = false;
                            let (_, resp) = row.col(|ui| {
                                let is_edit = editing
                                    .as_ref()
                                    .is_some_and(|e| e.index == i && e.column == *c);
                                if is_edit {
                                    let e = editing.as_mut().expect("checked");
                                    let label = format!(
                                        "Edit {} of {}",
                                        c.label().to_lowercase(),
                                        a.reference
                                    );
                                    let mut te = egui::TextEdit::singleline(&mut e.text)
                                        .desired_width(ui.available_width());
                                    if e.error.is_some() {
                                        te = te.text_color(red(ui));
                                    }
                                    let r = ui.add(te);
                                    r.widget_info(|| {
                                        egui::WidgetInfo::labeled(
                                            egui::Role::TextInput,
                                            true,
                                            &label,
                                        )
                                    });
                                    let r = match &e.error {
                                        Some(m) => r.on_hover_text(m.clone()),
                                        None => r,
                                    };
                                    if !e.started {
                                        r.request_focus();
                                        e.started = true;
                                    } else if r.lost_focus() {
                                        let esc = ui.input(|i| i.key_pressed(Key::Escape));
                                        cell_done = Some((e.clone(), !esc));
                                    }
                                    return;
                                }
                                let focus_cell = selected == Some(i) && cursor == *c;
                                if focus_cell {
                                    ui.painter().rect_stroke(
                                        ui.max_rect().expand(1.0),
                                        2.0,
                                        egui::Stroke::new(2.0, ui.visuals().selection.stroke.color),
                                        egui::StrokeKind::Inside,
                                    );
                                }
                                if cell(
                                    ui,
                                    a,
                                    *c,
                                    &CellCtx {
                                        today,
                                        outcomes,
                                        index: i,
                                        max_rows: if expand_all || selected == Some(i) {
                                            usize::MAX
                                        } else {
                                            ROW_LINES
                                        },
                                    },
                                    &mut rag_set,
                                ) {
                                    inner_click = true;
                                }
                            });
                            if resp.clicked() || std::mem::take(&mut inner_click) {
                                clicked = Some((i, *c));
                            }
                            if resp.double_clicked() {
                                double = Some((i, *c));
                            }
                        }
                    });
                });
            });
        if let Some(c) = sort_click {
            self.sort = match self.sort {
                Some(s) if s.column == c && !s.descending => Some(Sort {
                    column: c,
                    descending: true,
                }),
                Some(s) if s.column == c => None,
                _ => Some(Sort {
                    column: c,
                    descending: false,
                }),
            };
        }
        if let Some((i, c)) = clicked {
            if self.selected != Some(i) {
                self.flush_editor(doc, plan);
            }
            self.selected = Some(i);
            self.cursor = c;
            self.show_editor = true;
        }
        if let Some((i, c)) = double {
            self.begin_cell_edit(doc, plan, i, c);
        }
        if let Some((i, r)) = rag_set {
            let mut a = doc.project().action_plans[plan].actions[i].clone();
            a.rag = r;
            if let Err(m) = self.commit(doc, plan, i, a, "Change RAG") {
                self.message = Some(m);
            }
        }
        if let Some((e, apply)) = cell_done {
            if !apply {
                self.editing = None;
                self.message = None;
            } else {
                match self.apply_cell(doc, plan, &e) {
                    Ok(()) => {
                        self.editing = None;
                        self.message = None;
                    }
                    Err(m) => {
                        let reference =
                            &doc.project().action_plans[plan].actions[e.index].reference;
                        self.message = Some(format!(
                            "{} of {reference} not changed: {m}",
                            e.column.label()
                        ));
                        self.editing = Some(CellEdit {
                            error: Some(m),
                            started: false,
                            ..e
                        });
                    }
                }
            }
        }
    }

    fn csv_buttons(&mut self, ui: &mut Ui, doc: &Document, plan: usize, nav: &mut Nav) {
        if ui.button("Import CSV…").clicked()
            && let Some(path) = rfd::FileDialog::new()
                .add_filter("CSV", &["csv"])
                .pick_file()
        {
            match std::fs::read(&path) {
                Ok(bytes) => {
                    let name = path
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default();
                    self.start_import(doc, &name, &bytes);
                }
                Err(e) => {
                    nav.error = Some(format!(
                        "Could not read {}: {}",
                        path.display(),
                        crate::file::io_reason(&e)
                    ))
                }
            }
        }
        if ui.button("Export CSV…").clicked() {
            let p = &doc.project().action_plans[plan];
            if let Some(path) = rfd::FileDialog::new()
                .add_filter("CSV", &["csv"])
                .set_file_name(format!("{}.csv", p.id))
                .save_file()
            {
                match crate::file::write_atomic(&path, &csv_io::export(p)) {
                    Ok(()) => nav.status = Some(format!("Exported {}", path.display())),
                    Err(e) => nav.error = Some(e.to_string()),
                }
            }
        }
    }

    fn row_buttons(&mut self, ui: &mut Ui, doc: &mut Document, plan: usize, nav: &mut Nav) {
        let len = doc.project().action_plans[plan].actions.len();
        ui.horizontal_wrapped(|ui| {
            ui.menu_button("Columns", |ui| {
                for c in Column::ALL {
                    let mut on = !self.hidden.contains(&c);
                    if ui.checkbox(&mut on, c.label()).changed() {
                        self.set_column_visible(c, on);
                    }
                }
            });
            ui.checkbox(&mut self.expand_all, "Expand rows");
            ui.separator();
            self.csv_buttons(ui, doc, plan, nav);
            ui.separator();
            if ui.button("Add row").clicked() {
                let p = &doc.project().action_plans[plan];
                let a = Action {
                    reference: plan_table::next_reference(p),
                    title: "New action".into(),
                    last_updated: Some(self.today),
                    ..Default::default()
                };
                let at = self.selected.map(|i| i + 1).unwrap_or(len);
                let label = format!("Add action {}", a.reference);
                if doc
                    .apply(
                        label,
                        Edit::InsertAction {
                            plan,
                            index: at,
                            value: Box::new(a),
                        },
                    )
                    .is_ok()
                {
                    self.filter = Filter::default();
                    self.select_row(Some(at));
                    self.show_editor = true;
                }
            }
            let Some(sel) = self.selected.filter(|s| *s < len) else {
                ui.label(
                    RichText::new("Select a row to edit, duplicate, move or delete it.")
                        .color(theme::muted(ui)),
                );
                return;
            };
            let reference = doc.project().action_plans[plan].actions[sel]
                .reference
                .clone();
            if ui.button("Duplicate").clicked() {
                let p = &doc.project().action_plans[plan];
                let mut a = p.actions[sel].clone();
                a.reference = plan_table::next_reference(p);
                a.last_updated = Some(self.today);
                let label = format!("Duplicate {reference} as {}", a.reference);
                if doc
                    .apply(
                        label,
                        Edit::InsertAction {
                            plan,
                            index: sel + 1,
                            value: Box::new(a),
                        },
                    )
                    .is_ok()
                {
                    self.select_row(Some(sel + 1));
                }
            }
            if ui
                .add_enabled(sel > 0, egui::Button::new("Move up"))
                .clicked()
            {
                self.move_row(doc, plan, sel, sel - 1, &reference);
            }
            if ui
                .add_enabled(sel + 1 < len, egui::Button::new("Move down"))
                .clicked()
            {
                self.move_row(doc, plan, sel, sel + 1, &reference);
            }
            if ui.button("Delete").clicked()
                && doc
                    .apply(
                        format!("Delete {reference}"),
                        Edit::RemoveAction { plan, index: sel },
                    )
                    .is_ok()
            {
                self.selected = None;
            }
            if self.sort.is_some() {
                ui.label(
                    RichText::new("Rows are sorted: moves change the plan's own order.")
                        .color(theme::muted(ui)),
                );
            }
        });
    }

    fn move_row(
        &mut self,
        doc: &mut Document,
        plan: usize,
        from: usize,
        to: usize,
        reference: &str,
    ) {
        let a = doc.project().action_plans[plan].actions[from].clone();
        let edit = Edit::Batch(vec![
            Edit::RemoveAction { plan, index: from },
            Edit::InsertAction {
                plan,
                index: to,
                value: Box::new(a),
            },
        ]);
        if doc.apply(format!("Move {reference}"), edit).is_ok() {
            self.select_row(Some(to));
        }
    }

    fn row_editor(&mut self, ui: &mut Ui, doc: &mut Document, plan: usize, index: usize) {
        self.refresh_choices(doc, plan);
        let all_owners =
            std::rc::Rc::clone(&self.choices.as_ref().expect("refreshed above").all_owners);
        let key = (plan, index, doc.revision());
        let a = doc.project().action_plans[plan].actions[index].clone();
        if self.editor.key != Some(key) {
            let same_row = self.editor.key.is_some_and(|k| k.0 == plan && k.1 == index);
            let errors = std::mem::take(&mut self.editor.errors);
            self.editor.load(&a);
            if same_row && errors.is_empty() {
                // keep the new-note and new-key-action drafts
            } else if !same_row {
                self.editor.new_note.clear();
                self.editor.new_key_action.clear();
            }
            self.editor.key = Some(key);
        }
        ui.horizontal(|ui| {
            ui.heading(format!("Edit {}", a.reference));
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui
                    .button("Close")
                    .on_hover_text("Close the row editor")
                    .clicked()
                {
                    self.show_editor = false;
                }
            });
        });
        ui.label(
            RichText::new(format!("Last updated {}", format::opt_date(a.last_updated)))
                .color(theme::muted(ui)),
        );
        ui.add_space(4.0);
        let mut new = a.clone();
        let mut changed: Option<(&'static str, &'static str)> = None;
        let esc = ui.input(|i| i.key_pressed(Key::Escape));
        let width = ui.available_width() - 10.0;

        ui.add_space(6.0);
        ui.horizontal(|ui| {
            let l = ui.label("RAG rating");
            egui::ComboBox::from_id_salt(("rag-picker", index))
                .selected_text(rag_text(a.rag))
                .show_ui(ui, |ui| {
                    for r in Rag::ALL {
                        if ui.selectable_label(a.rag == r, rag_text(r)).clicked() {
                            new.rag = r;
                            changed = Some(("rag", "Change RAG"));
                        }
                    }
                })
                .response
                .labelled_by(l.id);
        });
        ui.horizontal(|ui| {
            ui.label("Due");
            let mut d = jiff_date(a.due.unwrap_or(self.today));
            if a.due.is_some() {
                let r = ui.add(
                    egui_extras::DatePickerButton::new(&mut d)
                        .id_salt("due-date-picker")
                        .format("%-d %b %Y")
                        .show_icon(false)
                        .calendar_week(false),
                );
                if r.changed()
                    && let Some(nd) = from_jiff(d)
                {
                    new.due = Some(nd);
                    changed = Some(("due", "Change due date"));
                }
                if ui.button("No due date").clicked() {
                    new.due = None;
                    changed = Some(("due", "Clear due date"));
                }
            } else if ui.button("Set a due date").clicked() {
                new.due = Some(self.today);
                changed = Some(("due", "Set due date"));
            }
        });
        if let Some(m) = self.editor.error("due") {
            ui.label(RichText::new(format!("⚠ {m}")).color(red(ui)));
        }

        ui.add_space(6.0);
        ui.label(RichText::new("New progress note").strong());
        let r = ui.add(
            egui::TextEdit::multiline(&mut self.editor.new_note)
                .hint_text(format!("a note dated today, {}", format::date(self.today)))
                .desired_rows(2)
                .desired_width(width),
        );
        r.widget_info(|| {
            egui::WidgetInfo::labeled(egui::Role::TextInput, true, "New progress note")
        });
        if ui
            .add_enabled(
                !self.editor.new_note.trim().is_empty(),
                egui::Button::new("Add note"),
            )
            .clicked()
        {
            new.progress.push(ProgressNote {
                date: self.today,
                text: self.editor.new_note.trim().to_string(),
            });
            self.editor.new_note.clear();
            changed = Some(("progress", "Add progress note"));
        }
        ui.add_space(6.0);
        // Single-line text fields: applied when the field loses focus (Enter or Tab); Esc cancels.
        let fields: [(&'static str, &'static str); 3] = [
            ("Reference", "reference"),
            ("Theme", "theme"),
            ("Owner", "owner"),
        ];
        for (label, field) in fields {
            ui.label(label);
            let buf = match field {
                "reference" => &mut self.editor.reference,
                "theme" => &mut self.editor.theme,
                _ => &mut self.editor.owner,
            };
            let r = ui
                .add(egui::TextEdit::singleline(buf).desired_width(width))
                .on_hover_text("Enter applies, Esc cancels");
            r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, label));
            if field == "owner" {
                let typed = self.editor.owner.to_lowercase();
                // Matched only while the field is in use: lower-casing every owner each frame
                // would cost as much as the table on a large file.
                let suggestions: Vec<String> = if (r.has_focus() || r.lost_focus())
                    && !typed.is_empty()
                {
                    all_owners
                        .iter()
                        .filter(|o| o.to_lowercase().contains(&typed) && **o != self.editor.owner)
                        .take(6)
                        .cloned()
                        .collect()
                } else {
                    Vec::new()
                };
                if !suggestions.is_empty() {
                    {
                        ui.horizontal_wrapped(|ui| {
                            ui.label(
                                RichText::new("Owners in this file:")
                                    .small()
                                    .color(theme::muted(ui)),
                            );
                            for s in &suggestions {
                                if ui.small_button(s).clicked() {
                                    self.editor.owner = s.clone();
                                    changed = Some(("owner", "Edit owner"));
                                }
                            }
                        });
                    }
                }
                ui.menu_button("Choose an owner ▾", |ui| {
                    for s in all_owners.iter() {
                        if ui.button(s).clicked() {
                            self.editor.owner = s.clone();
                            changed = Some(("owner", "Edit owner"));
                            ui.close();
                        }
                    }
                });
            }
            if r.lost_focus() {
                if esc {
                    self.editor.load(&a);
                } else {
                    changed = Some((
                        field,
                        match field {
                            "reference" => "Edit reference",
                            "theme" => "Edit theme",
                            _ => "Edit owner",
                        },
                    ));
                }
            }
            if let Some(m) = self.editor.error(field) {
                ui.label(RichText::new(format!("⚠ {m}")).color(red(ui)));
            }
        }
        ui.label("Title / recommendation");
        let r = ui.add(
            egui::TextEdit::multiline(&mut self.editor.title)
                .desired_rows(3)
                .desired_width(width),
        );
        r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, "Title"));
        if r.lost_focus() {
            if esc {
                self.editor.title = a.title.clone();
            } else {
                changed = Some(("title", "Edit title"));
            }
        }
        new.reference = self.editor.reference.trim().to_string();
        new.theme = self.editor.theme.clone();
        new.owner = self.editor.owner.trim().to_string();
        new.title = self.editor.title.clone();
        ui.add_space(6.0);
        ui.label(RichText::new("Key actions").strong());
        let mut remove_key = None;
        let mut key_lost = false;
        for k in 0..self.editor.key_actions.len() {
            ui.horizontal(|ui| {
                let r = ui.add(
                    egui::TextEdit::singleline(&mut self.editor.key_actions[k])
                        .desired_width(width - 40.0),
                );
                let label = format!("Key action {}", k + 1);
                r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, &label));
                key_lost |= r.lost_focus() && !esc;
                if ui
                    .small_button("✖")
                    .on_hover_text("Remove this key action")
                    .clicked()
                {
                    remove_key = Some(k);
                }
            });
        }
        if let Some(k) = remove_key {
            self.editor.key_actions.remove(k);
            key_lost = true;
        }
        ui.horizontal(|ui| {
            let r = ui.add(
                egui::TextEdit::singleline(&mut self.editor.new_key_action)
                    .hint_text("another key action")
                    .desired_width(width - 60.0),
            );
            r.widget_info(|| {
                egui::WidgetInfo::labeled(egui::Role::TextInput, true, "New key action")
            });
            let enter = r.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
            if (ui.button("Add").clicked() || enter)
                && !self.editor.new_key_action.trim().is_empty()
            {
                self.editor
                    .key_actions
                    .push(std::mem::take(&mut self.editor.new_key_action));
                key_lost = true;
            }
        });
        if key_lost {
            new.key_actions = self
                .editor
                .key_actions
                .iter()
                .filter(|k| !k.trim().is_empty())
                .cloned()
                .collect();
            if new.key_actions != a.key_actions {
                changed = Some(("keys", "Edit key actions"));
            }
        } else {
            new.key_actions = a.key_actions.clone();
        }

        ui.add_space(6.0);
        ui.label(RichText::new("Linked outcomes").strong());
        let project = doc.project();
        let mut remove_outcome = None;
        for (k, o) in a.outcomes.iter().enumerate() {
            ui.horizontal(|ui| {
                let name = project
                    .outcome(o)
                    .map(|x| x.name.as_str())
                    .unwrap_or("(not in this project)");
                if ui
                    .small_button("✖")
                    .on_hover_text("Unlink this outcome")
                    .clicked()
                {
                    remove_outcome = Some(k);
                }
                ui.add(egui::Label::new(name).wrap())
                    .on_hover_text(o.as_str());
            });
        }
        if let Some(k) = remove_outcome {
            new.outcomes.remove(k);
            changed = Some(("outcomes", "Unlink outcome"));
        }
        let l = ui.label("Link an outcome");
        egui::ComboBox::from_id_salt(("link-outcome", index))
            .selected_text("Choose…")
            .width(width - 120.0)
            .show_ui(ui, |ui| {
                for o in &project.outcomes {
                    if a.outcomes.contains(&o.id) {
                        continue;
                    }
                    if ui
                        .selectable_label(false, format!("{} — {}", o.id, o.name))
                        .clicked()
                    {
                        new.outcomes.push(o.id.clone());
                        changed = Some(("outcomes", "Link outcome"));
                    }
                }
            })
            .response
            .labelled_by(l.id);
        if let Some(m) = self.editor.error("outcomes") {
            ui.label(RichText::new(format!("⚠ {m}")).color(red(ui)));
        }

        ui.add_space(6.0);
        ui.label(RichText::new("Progress so far").strong());
        if a.progress.is_empty() {
            ui.label(RichText::new("No notes yet.").color(theme::muted(ui)));
        }
        let mut notes: Vec<&ProgressNote> = a.progress.iter().collect();
        notes.sort_by_key(|n| std::cmp::Reverse(n.date));
        for n in notes {
            ui.label(RichText::new(format::date(n.date)).small().strong());
            ui.label(&n.text);
        }

        if let Some((field, label)) = changed {
            let res = self.commit(doc, plan, index, new, label);
            match res {
                Ok(()) => self.editor.errors.clear(),
                Err(m) => {
                    let f = if m.contains("reference") {
                        "reference"
                    } else if m.contains("due date") {
                        "due"
                    } else if m.contains("outcome") {
                        "outcomes"
                    } else {
                        field
                    };
                    self.editor.set_error(f, Some(format!("not changed: {m}")));
                }
            }
        }
    }

    fn dialogs(&mut self, ui: &mut Ui, doc: &mut Document, nav: &mut Nav) {
        if let Some(imp) = &self.import {
            let mut close = false;
            let mut apply = false;
            let modal =
                egui::Modal::new(egui::Id::unique("csv-import-preview")).show(ui.ctx(), |ui| {
                    ui.set_max_width(640.0);
                    ui.heading(format!("Import {}", imp.name));
                    match &imp.result {
                        Err(e) => {
                            ui.label(format!("Nothing can be imported: {e}."));
                            if ui.button("Close").clicked() {
                                close = true;
                            }
                        }
                        Ok(p) => {
                            ui.label(p.summary());
                            egui::ScrollArea::vertical()
                                .max_height(400.0)
                                .show(ui, |ui| {
                                    if !p.added.is_empty() {
                                        ui.label(RichText::new("Will be added").strong());
                                        for a in &p.added {
                                            ui.label(format!("{}: {}", a.reference, a.title));
                                        }
                                    }
                                    if !p.changed.is_empty() {
                                        ui.label(RichText::new("Will be changed").strong());
                                        for (_, a) in &p.changed {
                                            ui.label(format!("{}: {}", a.reference, a.title));
                                        }
                                    }
                                    if !p.rejected.is_empty() {
                                        ui.label(
                                            RichText::new("Rejected (not imported)")
                                                .strong()
                                                .color(red(ui)),
                                        );
                                        for r in &p.rejected {
                                            ui.label(r.to_string());
                                        }
                                    }
                                    if !p.ignored_columns.is_empty() {
                                        ui.label(format!(
                                            "Columns ignored: {}",
                                            p.ignored_columns.join(", ")
                                        ));
                                    }
                                });
                            ui.add_space(8.0);
                            ui.horizontal(|ui| {
                                let n = p.added.len() + p.changed.len();
                                let text = if p.rejected.is_empty() {
                                    format!("Import {n} rows")
                                } else {
                                    format!("Import {n} rows, skip {} rejected", p.rejected.len())
                                };
                                if ui.add_enabled(n > 0, egui::Button::new(text)).clicked() {
                                    apply = true;
                                }
                                if ui.button("Cancel").clicked() {
                                    close = true;
                                }
                            });
                        }
                    }
                });
            if modal.should_close() {
                close = true;
            }
            if apply
                && let Ok(p) = &imp.result
                && let Some(pi) = doc
                    .project()
                    .action_plans
                    .iter()
                    .position(|x| x.id == imp.plan)
            {
                let len = doc.project().action_plans[pi].actions.len();
                let label = format!("Import {}", imp.name);
                match doc.apply(label, p.edit(pi, len)) {
                    Ok(()) => nav.status = Some(format!("Imported {}: {}", imp.name, p.summary())),
                    Err(e) => nav.error = Some(format!("Import failed, nothing changed: {e}")),
                }
                close = true;
            }
            if close {
                self.import = None;
            }
        }
        if let Some(d) = &mut self.plan_dialog {
            let mut close = false;
            let mut ok = false;
            let modal = egui::Modal::new(egui::Id::unique("plan-dialog")).show(ui.ctx(), |ui| {
                ui.set_max_width(480.0);
                ui.heading(if d.index.is_some() {
                    "Rename plan"
                } else {
                    "Add plan"
                });
                egui::Grid::new("plan-grid").num_columns(2).show(ui, |ui| {
                    if d.index.is_none() {
                        labelled_text(ui, "Id", &mut d.id, 300.0);
                        ui.end_row();
                    }
                    labelled_text(ui, "Plan title", &mut d.title, 300.0);
                    ui.end_row();
                    labelled_text(ui, "Origin", &mut d.origin, 300.0);
                    ui.end_row();
                });
                if let Some(e) = &d.error {
                    ui.label(RichText::new(format!("⚠ {e}")).color(red(ui)));
                }
                ui.horizontal(|ui| {
                    ok = ui.button("OK").clicked();
                    close = ui.button("Cancel").clicked();
                });
            });
            if modal.should_close() {
                close = true;
            }
            if ok {
                let plans = &doc.project().action_plans;
                let id = d.id.trim().to_string();
                let err = if d.title.trim().is_empty() {
                    Some("the plan needs a title".to_string())
                } else if d.index.is_none() && id.is_empty() {
                    Some("the plan needs an id".to_string())
                } else if d.index.is_none() && plans.iter().any(|p| p.id == id) {
                    Some(format!("there is already a plan “{id}”"))
                } else {
                    None
                };
                if err.is_some() {
                    d.error = err;
                } else {
                    let res = match d.index {
                        Some(i) => {
                            let mut header: ActionPlan = plans[i].clone();
                            header.actions.clear();
                            header.title = d.title.trim().to_string();
                            header.origin = d.origin.trim().to_string();
                            doc.apply(
                                format!("Rename plan {}", header.id),
                                Edit::SetPlanHeader {
                                    plan: i,
                                    value: Box::new(header),
                                },
                            )
                        }
                        None => {
                            let p = ActionPlan {
                                id: id.clone(),
                                title: d.title.trim().to_string(),
                                origin: d.origin.trim().to_string(),
                                start: Some(self.today),
                                ..Default::default()
                            };
                            let n = plans.len();
                            doc.apply(
                                format!("Add plan {id}"),
                                Edit::InsertPlan {
                                    index: n,
                                    value: Box::new(p),
                                },
                            )
                        }
                    };
                    match res {
                        Ok(()) => {
                            if d.index.is_none() {
                                self.plan = Some(id);
                                self.selected = None;
                            }
                            close = true;
                        }
                        Err(e) => d.error = Some(e.to_string()),
                    }
                }
            }
            if close {
                self.plan_dialog = None;
            }
        }
    }
}

fn expanded_height(a: &Action, line_h: f32) -> f32 {
    let lines = [
        a.key_actions.len().max(1) + a.key_actions.iter().map(|k| k.len() / 40).sum::<usize>(),
        1 + a.title.len() / 45,
        1 + crate::plan_table::latest_progress(a)
            .map(|p| p.text.len() / 40)
            .unwrap_or(0),
        a.outcomes.len().max(1),
    ]
    .into_iter()
    .max()
    .unwrap_or(1) as f32;
    (lines.max(ROW_LINES as f32) * line_h + 8.0).min(600.0)
}

/// Paint one cell (not being edited).
/// What a cell needs besides its action and column.
struct CellCtx<'a> {
    today: NaiveDate,
    outcomes: &'a [crate::model::Outcome],
    /// The action's index in the plan.
    index: usize,
    max_rows: usize,
}

fn cell(
    ui: &mut Ui,
    a: &Action,
    c: Column,
    cx: &CellCtx<'_>,
    rag_set: &mut Option<(usize, Rag)>,
) -> bool {
    let (today, outcomes, index, max_rows) = (cx.today, cx.outcomes, cx.index, cx.max_rows);
    let mut clicked = false;
    let mut wrap = |ui: &mut Ui, text: String| {
        // At most `max_rows` lines, ending in "…" when cut, so no line is half shown.
        let mut job = egui::text::LayoutJob::single_section(
            text.clone(),
            egui::TextFormat {
                font_id: egui::TextStyle::Body.resolve(ui.style()),
                color: ui.visuals().text_color(),
                ..Default::default()
            },
        );
        job.wrap.max_rows = max_rows;
        job.wrap.overflow_character = Some('…');
        let r = ui.add(egui::Label::new(job).wrap().sense(egui::Sense::click()));
        clicked |= r.clicked();
        if !text.is_empty() {
            r.on_hover_text(text);
        }
    };
    match c {
        Column::Reference => {
            let r = ui.add(
                egui::Label::new(RichText::new(&a.reference).strong()).sense(egui::Sense::click()),
            );
            clicked |= r.clicked();
        }
        Column::Theme => wrap(ui, a.theme.clone()),
        Column::Title => wrap(ui, a.title.clone()),
        Column::KeyActions => wrap(
            ui,
            a.key_actions
                .iter()
                .map(|k| format!("• {k}"))
                .collect::<Vec<_>>()
                .join("\n"),
        ),
        Column::Owner => wrap(ui, a.owner.clone()),
        Column::Due => {
            ui.vertical(|ui| {
                ui.label(format::opt_date(a.due));
                if plan_table::is_overdue(a, today) {
                    let days = (today - a.due.unwrap_or(today)).num_days();
                    ui.label(RichText::new("⚠ overdue").small().color(red(ui)))
                        .on_hover_text(format!("{days} days past its due date"));
                }
            });
        }
        Column::Rag => {
            let r = rag_badge(ui, a.rag).interact(egui::Sense::click());
            egui::Popup::menu(&r).show(|ui| {
                for rag in Rag::ALL {
                    if ui.selectable_label(a.rag == rag, rag_text(rag)).clicked() {
                        *rag_set = Some((index, rag));
                    }
                }
            });
        }
        Column::Progress => match plan_table::latest_progress(a) {
            Some(p) => wrap(ui, format!("{}: {}", format::date(p.date), p.text)),
            None => {
                ui.label(RichText::new("—").color(theme::muted(ui)));
            }
        },
        Column::LastUpdated => {
            ui.label(format::opt_date(a.last_updated));
        }
        Column::Outcomes => {
            let names: Vec<String> = a
                .outcomes
                .iter()
                .map(|o| {
                    outcomes
                        .iter()
                        .find(|x| x.id == *o)
                        .map(|x| format!("{o} — {}", x.name))
                        .unwrap_or_else(|| o.clone())
                })
                .collect();
            let r = ui.add(
                egui::Label::new(a.outcomes.join(", "))
                    .wrap()
                    .sense(egui::Sense::click()),
            );
            clicked |= r.clicked();
            if !names.is_empty() {
                r.on_hover_text(names.join("\n"));
            }
        }
    }
    clicked
}
