//! File › New: a few steps from a blank project to a first wheel. The programme's title,
//! organisation, horizon and vision, and an empty start or a framework of priorities and
//! areas of need (by default the shape of the Luton 2040 wheel, five by seven); then their
//! names; then the first outcomes. Each step is one undoable change; closing the steps
//! keeps what was done, and everything can be changed later in the Programme view.

use crate::document::Document;
use crate::edit::{
    self, Here,
    framework::{MAX_GROUPS, Start},
};
use crate::history::{Edit, Item, List};
use crate::model::{Outcome, Project};
use crate::ui::list_editor::error_line;
use crate::ui::theme;
use egui::{RichText, Ui};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Start,
    Names,
    Outcomes,
}

/// What the steps ask of the app when they close.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Finish {
    /// Closed before the end: stay where the user is.
    Closed,
    /// Done: show the wheel.
    ShowWheel,
}

/// The steps' state.
pub struct NewProject {
    step: Step,
    start: Start,
    framework: bool,
    horizon: String,
    priorities: Vec<String>,
    needs: Vec<String>,
    /// Outcomes to add: name, priority and area of need (by position).
    outcomes: Vec<(String, usize, usize)>,
    error: Option<String>,
}

impl Default for NewProject {
    fn default() -> Self {
        NewProject {
            step: Step::Start,
            start: Start::default(),
            framework: true,
            horizon: "2040".into(),
            priorities: Vec::new(),
            needs: Vec::new(),
            outcomes: Vec::new(),
            error: None,
        }
    }
}

impl NewProject {
    /// Draw the current step over the window. Returns how it finished, once it has.
    pub fn ui(&mut self, ctx: &egui::Context, doc: &mut Document) -> Option<Finish> {
        let mut finish = None;
        let modal = egui::Modal::new(egui::Id::unique("new-project")).show(ctx, |ui| {
            ui.set_width(620.0);
            let (n, title) = match self.step {
                Step::Start => (1, "Start a new programme"),
                Step::Names => (2, "Name the priorities and areas of need"),
                Step::Outcomes => (3, "Add the first outcomes"),
            };
            ui.label(
                RichText::new(format!("Step {n} of 3"))
                    .small()
                    .color(theme::muted(ui)),
            );
            ui.heading(title);
            ui.add_space(6.0);
            egui::ScrollArea::vertical()
                .max_height(440.0)
                .show(ui, |ui| match self.step {
                    Step::Start => self.start_ui(ui),
                    Step::Names => self.names_ui(ui),
                    Step::Outcomes => self.outcomes_ui(ui),
                });
            error_line(ui, &self.error);
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                let next = match self.step {
                    Step::Start => "Create",
                    Step::Names => "Next",
                    Step::Outcomes => "Finish: see the wheel",
                };
                if ui.button(next).clicked() {
                    finish = self.next(doc);
                }
                if ui
                    .button("Close")
                    .on_hover_text("Keep what is done so far; carry on in the Programme view")
                    .clicked()
                {
                    finish = Some(Finish::Closed);
                }
            });
        });
        if modal.should_close() && finish.is_none() {
            finish = Some(Finish::Closed);
        }
        finish
    }

    fn start_ui(&mut self, ui: &mut Ui) {
        egui::Grid::new("new-start")
            .num_columns(2)
            .spacing([12.0, 8.0])
            .show(ui, |ui| {
                let s = &mut self.start;
                for (label, text, hint) in [
                    ("Programme title", &mut s.title, "Luton 2040"),
                    ("Organisation", &mut s.organisation, "Luton Borough Council"),
                ] {
                    let l = ui.label(label);
                    ui.add(
                        egui::TextEdit::singleline(text)
                            .hint_text(hint)
                            .desired_width(380.0),
                    )
                    .labelled_by(l.id);
                    ui.end_row();
                }
                let l = ui.label("Horizon year");
                ui.add(egui::TextEdit::singleline(&mut self.horizon).desired_width(80.0))
                    .labelled_by(l.id);
                ui.end_row();
                let l = ui.label("Vision");
                ui.add(
                    egui::TextEdit::multiline(&mut s.vision)
                        .desired_rows(2)
                        .desired_width(380.0)
                        .hint_text(
                            "A healthy, fair and sustainable town where everyone can thrive",
                        ),
                )
                .labelled_by(l.id);
                ui.end_row();
            });
        ui.add_space(8.0);
        ui.radio_value(
            &mut self.framework,
            false,
            "An empty project: add priorities and areas of need yourself",
        );
        ui.radio_value(
            &mut self.framework,
            true,
            "A framework of priorities and areas of need, names to fill in",
        );
        if self.framework {
            ui.horizontal(|ui| {
                ui.add_space(24.0);
                count_field(ui, "Priorities", &mut self.start.priorities);
                count_field(ui, "Areas of need", &mut self.start.needs);
            });
            ui.label(
                RichText::new("Five by seven is the shape of the Luton 2040 wheel.")
                    .small()
                    .color(theme::muted(ui)),
            );
        }
    }

    fn names_ui(&mut self, ui: &mut Ui) {
        ui.label("Each priority and area of need gets one colour throughout; change colours later in the Programme view.");
        for (word, names) in [
            ("Priority", &mut self.priorities),
            ("Area of need", &mut self.needs),
        ] {
            ui.add_space(6.0);
            ui.strong(edit::plural(&word.to_lowercase()));
            let mut remove = None;
            for (i, name) in names.iter_mut().enumerate() {
                ui.horizontal(|ui| {
                    let label = format!("{word} {}", i + 1);
                    let l = ui.label(&label);
                    ui.add(
                        egui::TextEdit::singleline(name)
                            .hint_text(&label)
                            .desired_width(360.0),
                    )
                    .labelled_by(l.id);
                    let r = ui
                        .small_button("✖")
                        .on_hover_text(format!("Remove {label}"));
                    r.widget_info(|| {
                        egui::WidgetInfo::labeled(
                            egui::Role::Button,
                            true,
                            format!("Remove {label}"),
                        )
                    });
                    if r.clicked() {
                        remove = Some(i);
                    }
                });
            }
            if let Some(i) = remove {
                names.remove(i);
            }
            if names.len() < MAX_GROUPS
                && ui.button(format!("Add {}", word.to_lowercase())).clicked()
            {
                names.push(String::new());
            }
        }
    }

    fn outcomes_ui(&mut self, ui: &mut Ui) {
        ui.label("An outcome sits on the wheel where its priority meets its area of need. Add a few now; add more, with measures and voices, in the Programme view.");
        let prios = names_or_numbered("Priority", &self.priorities);
        let needs = names_or_numbered("Area of need", &self.needs);
        let mut remove = None;
        for (i, (name, p, n)) in self.outcomes.iter_mut().enumerate() {
            ui.horizontal_wrapped(|ui| {
                let label = format!("Outcome {}", i + 1);
                let l = ui.label(&label);
                ui.add(egui::TextEdit::singleline(name).desired_width(260.0))
                    .labelled_by(l.id);
                pick(ui, &format!("Priority of outcome {}", i + 1), p, &prios);
                pick(ui, &format!("Area of need of outcome {}", i + 1), n, &needs);
                let r = ui
                    .small_button("✖")
                    .on_hover_text(format!("Remove {label}"));
                r.widget_info(|| {
                    egui::WidgetInfo::labeled(egui::Role::Button, true, format!("Remove {label}"))
                });
                if r.clicked() {
                    remove = Some(i);
                }
            });
        }
        if let Some(i) = remove {
            self.outcomes.remove(i);
        }
        if ui.button("Add outcome").clicked() {
            let k = self.outcomes.len();
            let p = k % prios.len().max(1);
            let n = k % needs.len().max(1);
            self.outcomes.push((String::new(), p, n));
        }
    }

    /// Apply the step and go on to the next one.
    fn next(&mut self, doc: &mut Document) -> Option<Finish> {
        self.error = None;
        let result = match self.step {
            Step::Start => self.create(doc),
            Step::Names => self.name(doc),
            Step::Outcomes => self.add_outcomes(doc),
        };
        match result {
            Err(e) => {
                self.error = Some(e);
                None
            }
            Ok(()) => match self.step {
                Step::Start => {
                    self.step = Step::Names;
                    None
                }
                Step::Names => {
                    self.step = Step::Outcomes;
                    if self.outcomes.is_empty() {
                        self.outcomes.push((String::new(), 0, 0));
                    }
                    None
                }
                Step::Outcomes => Some(Finish::ShowWheel),
            },
        }
    }

    fn create(&mut self, doc: &mut Document) -> Result<(), String> {
        self.start.horizon_year = self
            .horizon
            .trim()
            .parse::<i32>()
            .ok()
            .filter(|y| crate::validate::HORIZON_YEARS.contains(y))
            .ok_or_else(|| format!("Horizon year: {:?} is not a year", self.horizon.trim()))?;
        if self.start.title.trim().is_empty() {
            return Err("Give the programme a title".into());
        }
        let mut start = self.start.clone();
        if !self.framework {
            start.priorities = 0;
            start.needs = 0;
        }
        let p = start.project();
        self.priorities = vec![String::new(); p.priorities.len()];
        self.needs = vec![String::new(); p.needs.len()];
        let label = format!("Start the programme “{}”", p.programme.title);
        doc.apply(label, Edit::SetProject(Box::new(p)))
            .map_err(|e| e.to_string())
    }

    /// Priorities and areas of need named as typed (blank: "Priority 2"), ids from the names.
    fn name(&mut self, doc: &mut Document) -> Result<(), String> {
        if self.priorities.is_empty() || self.needs.is_empty() {
            return Err("The wheel needs at least one priority and one area of need".into());
        }
        let mut p: Project = doc.project().clone();
        p.priorities.clear();
        p.needs.clear();
        for (k, name) in self.priorities.iter().enumerate() {
            let name = named(name, "Priority", k);
            if let Item::Priority(mut x) =
                edit::new_item(&p, List::Priorities, &name, &Here::default())
            {
                x.colour = crate::palette::CATEGORICAL[k % crate::palette::CATEGORICAL.len()];
                p.priorities.push(x);
            }
        }
        let start = Start {
            needs: self.needs.len(),
            priorities: 0,
            ..Start::default()
        }
        .project();
        for (k, name) in self.needs.iter().enumerate() {
            let name = named(name, "Area of need", k);
            if let Item::Need(mut x) = edit::new_item(&p, List::Needs, &name, &Here::default()) {
                x.colour = start.needs[k].colour;
                p.needs.push(x);
            }
        }
        doc.apply(
            "Name priorities and areas of need",
            Edit::SetProject(Box::new(p)),
        )
        .map_err(|e| e.to_string())
    }

    fn add_outcomes(&mut self, doc: &mut Document) -> Result<(), String> {
        let mut p = doc.project().clone();
        let mut edits = Vec::new();
        for (name, pi, ni) in self
            .outcomes
            .iter()
            .filter(|(n, _, _)| !n.trim().is_empty())
        {
            let here = Here {
                priority: p.priorities.get(*pi).map(|x| x.id.clone()),
                need: p.needs.get(*ni).map(|x| x.id.clone()),
            };
            let Item::Outcome(o) = edit::new_item(&p, List::Outcomes, name, &here) else {
                continue;
            };
            let index = p.outcomes.len();
            p.outcomes.push(Outcome::clone(&o));
            edits.push(Edit::Insert {
                list: List::Outcomes,
                index,
                item: Box::new(Item::Outcome(o)),
            });
        }
        if edits.is_empty() {
            return Err("Name at least one outcome (or Close, and add them later)".into());
        }
        let label = format!("Add {}", edit::count(edits.len(), "outcome"));
        doc.apply(label, Edit::Batch(edits))
            .map_err(|e| e.to_string())
    }
}

/// The name typed, or the placeholder the field showed ("Priority 2").
fn named(name: &str, word: &str, k: usize) -> String {
    match name.trim() {
        "" => format!("{word} {}", k + 1),
        t => t.to_string(),
    }
}

fn names_or_numbered(word: &str, names: &[String]) -> Vec<String> {
    names
        .iter()
        .enumerate()
        .map(|(k, n)| named(n, word, k))
        .collect()
}

fn pick(ui: &mut Ui, label: &str, chosen: &mut usize, names: &[String]) {
    let shown = names.get(*chosen).cloned().unwrap_or_default();
    egui::ComboBox::from_id_salt(label)
        .selected_text(crate::ui::list_editor::truncate(&shown, 24))
        .width(160.0)
        .show_ui(ui, |ui| {
            for (k, n) in names.iter().enumerate() {
                ui.selectable_value(chosen, k, n);
            }
        })
        .response
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, label));
}

fn count_field(ui: &mut Ui, label: &str, n: &mut usize) {
    let l = ui.label(label);
    ui.add(egui::DragValue::new(n).range(1..=MAX_GROUPS))
        .labelled_by(l.id);
}
