//! The fields of each kind of item (the measure's are in `measure`).

use super::editor::Draft;
use super::form::{Field, Form};
use super::section::choices;
use crate::edit;
use crate::history::{Item, List};
use crate::model::{Period, Programme, Project};
use crate::validate::HORIZON_YEARS;
use egui::Ui;
use std::collections::HashMap;
use std::sync::Arc;

/// What a form asks of the view that it cannot do itself (it only changes its draft).
#[derive(Debug, Clone, PartialEq)]
pub enum Request {
    /// Add a resident voice with these words and link it to the outcome being edited.
    NewVoice(String),
    /// Show the plan in the Action plans view.
    OpenPlan(String),
    /// Show the measure's chart in the Trends view.
    OpenMeasure(String),
}

/// (id, name) of every item of a kind, for link pickers, per kind.
pub(super) type Choices = HashMap<List, Arc<Vec<(String, String)>>>;

/// What the forms read besides the draft: the project, and the (id, name) lists of the
/// kinds that can be linked, made once per state of the project.
pub(super) struct Context<'a> {
    pub project: &'a Project,
    pub choices: &'a mut Choices,
    /// The draft is a new item (its id follows its name until typed).
    pub is_new: bool,
    pub id_typed: &'a mut bool,
    pub requests: Vec<Request>,
    /// The words of a new voice being typed in the outcome editor.
    pub new_voice: &'a mut String,
}

impl Context<'_> {
    pub fn choices(&mut self, list: List) -> Arc<Vec<(String, String)>> {
        let p = self.project;
        self.choices
            .entry(list)
            .or_insert_with(|| Arc::new(choices(p, list)))
            .clone()
    }

    /// The id field; a new item's id is made from `name` until the user types one.
    pub(super) fn id(
        &mut self,
        f: &mut Form,
        ui: &mut Ui,
        list: List,
        id: &mut String,
        name: &str,
    ) {
        if self.is_new && !*self.id_typed {
            *id = edit::new_id(self.project, list, name);
        }
        let r = f.text(ui, "Id", id, &["id ", "duplicate id"]);
        let r = r.on_hover_text(
            "How the file and other items refer to it: lowercase letters, digits, '-', '_' and \
             '.'. Changing it changes every reference to it.",
        );
        if r.changed() {
            *self.id_typed = true;
        }
    }
}

/// Lay out the fields of `draft`.
pub(super) fn fields(f: &mut Form, ui: &mut Ui, draft: &mut Draft, cx: &mut Context) {
    match draft {
        Draft::Programme(p) => programme(f, ui, p),
        Draft::Item(item) => match item {
            Item::Priority(x) => {
                f.text(ui, "Name", &mut x.name, &["name"]);
                cx.id(f, ui, List::Priorities, &mut x.id, &x.name.clone());
                f.multiline(ui, "Description", &mut x.description, &[]);
                f.colour(ui, "Colour", &mut x.colour);
            }
            Item::Need(x) => {
                f.text(ui, "Name", &mut x.name, &["name"]);
                cx.id(f, ui, List::Needs, &mut x.id, &x.name.clone());
                f.multiline(ui, "Description", &mut x.description, &[]);
                f.colour(ui, "Colour", &mut x.colour);
            }
            Item::Outcome(x) => outcome(f, ui, x, cx),
            Item::Voice(x) => {
                f.multiline(ui, "What residents said", &mut x.text, &[]);
                cx.id(f, ui, List::Voices, &mut x.id, &x.text.clone());
            }
            Item::Source(x) => {
                f.text(ui, "Title", &mut x.title, &[]);
                cx.id(f, ui, List::Sources, &mut x.id, &x.title.clone());
                f.text(ui, "Publisher", &mut x.publisher, &[]);
                f.text(ui, "Published", &mut x.published, &[])
                    .on_hover_text("As the document gives it: “January 2025”");
                f.text(ui, "Web address", &mut x.url, &[]);
                f.multiline(ui, "Note", &mut x.note, &[]);
            }
            Item::Pledge(x) => {
                f.text(ui, "Partner", &mut x.partner, &[]);
                f.multiline(ui, "Commitment", &mut x.commitment, &[]);
                cx.id(f, ui, List::Pledges, &mut x.id, &x.partner.clone());
                let outcomes = cx.choices(List::Outcomes);
                f.links(ui, "Outcomes", &mut x.outcomes, &outcomes, &["outcome"]);
                optional_period(f, ui, "By", &mut x.by);
                let sources = cx.choices(List::Sources);
                optional_choice(f, ui, "Source", &mut x.source, &sources, &["source"]);
            }
            Item::Mission(x) => {
                f.text(ui, "Name", &mut x.name, &[]);
                cx.id(f, ui, List::Missions, &mut x.id, &x.name.clone());
                f.multiline(ui, "Description", &mut x.description, &[]);
                let outcomes = cx.choices(List::Outcomes);
                f.links(ui, "Outcomes", &mut x.outcomes, &outcomes, &["outcome"]);
            }
            Item::Plan(x) => {
                f.text(ui, "Title", &mut x.title, &[]);
                cx.id(f, ui, List::Plans, &mut x.id, &x.title.clone());
                f.text(ui, "Origin", &mut x.origin, &[]).on_hover_text(
                    "Where the plan comes from: “LGA Corporate Peer Challenge, March 2024”",
                );
                f.parsed(
                    ui,
                    Field {
                        label: "Starts on",
                        hint: "2025-01-31",
                        keys: &[],
                    },
                    &mut x.start,
                    |d| d.map(crate::plan_table::iso).unwrap_or_default(),
                    |t| match t.trim() {
                        "" => Ok(None),
                        t => crate::plan_table::parse_date(t).map(Some),
                    },
                );
                f.multiline(ui, "Note", &mut x.note, &[]);
                f.multiline(
                    ui,
                    "Who rated the actions, and how",
                    &mut x.rating_basis,
                    &[],
                );
                if !cx.is_new {
                    let n = x.actions.len();
                    let words = format!("{}: open the plan", edit::count(n, "action"));
                    let id = x.id.clone();
                    f.custom(ui, "Actions", &[], |ui, _| {
                        if ui.button(words).clicked() {
                            cx.requests.push(Request::OpenPlan(id));
                        }
                    });
                }
            }
            Item::Presentation(x) => {
                f.text(ui, "Title", &mut x.title, &[]);
                cx.id(f, ui, List::Presentations, &mut x.id, &x.title.clone());
                let n = x.slides.len();
                f.custom(ui, "Slides", &[], |ui, _| ui.label(edit::count(n, "slide")));
            }
            Item::Measure(m) => super::measure::fields(f, ui, m, cx),
            Item::Action(_) | Item::Slide(_) => {}
        },
    }
}

fn programme(f: &mut Form, ui: &mut Ui, p: &mut Programme) {
    f.text(ui, "Title", &mut p.title, &["title"]);
    f.text(ui, "Organisation", &mut p.organisation, &[]);
    f.text(ui, "Area", &mut p.area, &[]).on_hover_text(
        "The place's own name, for its series in chart legends and tables (“Luton”); empty to \
         take it from the organisation (“Luton Borough Council” gives “Luton”)",
    );
    f.multiline(ui, "Vision", &mut p.vision, &[]);
    f.parsed(
        ui,
        Field {
            label: "Horizon year",
            hint: "2040",
            keys: &["horizon year"],
        },
        &mut p.horizon_year,
        |y| y.to_string(),
        |t| {
            t.trim()
                .parse::<i32>()
                .ok()
                .filter(|y| HORIZON_YEARS.contains(y))
                .ok_or_else(|| format!("{:?} is not a year", t.trim()))
        },
    );
    f.multiline(ui, "Notes", &mut p.notes, &[]);
}

fn outcome(f: &mut Form, ui: &mut Ui, x: &mut crate::model::Outcome, cx: &mut Context) {
    f.text(ui, "Name", &mut x.name, &[]);
    cx.id(f, ui, List::Outcomes, &mut x.id, &x.name.clone());
    f.multiline(ui, "Description", &mut x.description, &[]);
    let priorities = cx.choices(List::Priorities);
    required_choice(
        f,
        ui,
        "Priority",
        &mut x.priority,
        &priorities,
        &["priority"],
    );
    let needs = cx.choices(List::Needs);
    required_choice(f, ui, "Area of need", &mut x.need, &needs, &["need"]);
    let voices = cx.choices(List::Voices);
    f.links(ui, "Resident voices", &mut x.voices, &voices, &["voice"]);
    let words = &mut *cx.new_voice;
    let mut add = false;
    f.custom(ui, "New voice", &[], |ui, l| {
        ui.horizontal(|ui| {
            let r = ui
                .add(
                    egui::TextEdit::singleline(words)
                        .desired_width(300.0)
                        .hint_text("“We want…”"),
                )
                .labelled_by(l);
            let enter = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            add = (ui.button("Add voice").clicked() || enter) && !words.trim().is_empty();
        });
    });
    if add {
        cx.requests.push(Request::NewVoice(
            std::mem::take(cx.new_voice).trim().to_string(),
        ));
    }
    let measures = cx.choices(List::Measures);
    f.links(ui, "Measures", &mut x.measures, &measures, &["measure"]);
}

/// A choice among items that must be made.
fn required_choice(
    f: &mut Form,
    ui: &mut Ui,
    label: &str,
    id: &mut String,
    options: &[(String, String)],
    keys: &[&str],
) {
    let mut all = vec![(String::new(), "Choose…".to_string())];
    all.extend(options.iter().cloned());
    f.choice(ui, label, id, &all, keys);
}

/// A choice among items that may be left empty.
pub(super) fn optional_choice(
    f: &mut Form,
    ui: &mut Ui,
    label: &str,
    id: &mut Option<String>,
    options: &[(String, String)],
    keys: &[&str],
) {
    let mut all = vec![(None, "None".to_string())];
    all.extend(options.iter().map(|(i, n)| (Some(i.clone()), n.clone())));
    f.choice(ui, label, id, &all, keys);
}

/// A period that may be left empty.
pub(super) fn optional_period(f: &mut Form, ui: &mut Ui, label: &str, value: &mut Option<Period>) {
    f.parsed(
        ui,
        Field {
            label,
            hint: "2030 or 2029/30",
            keys: &[],
        },
        value,
        |p| p.map(|p| p.to_string()).unwrap_or_default(),
        |t| match t.trim() {
            "" => Ok(None),
            t => t.parse::<Period>().map(Some).map_err(|e| e.to_string()),
        },
    );
}
