//! The kinds of item the Programme view lists, and each item's row: its name as shown and
//! its id, found once per state of the project.

use crate::history::List;
use crate::model::Project;

/// A kind of item listed in the Programme view (or the programme's own details).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Section {
    #[default]
    Programme,
    Priorities,
    Needs,
    Outcomes,
    Voices,
    Measures,
    Sources,
    Plans,
    Pledges,
    Missions,
    Presentations,
}

impl Section {
    pub const ALL: [Section; 11] = [
        Section::Programme,
        Section::Priorities,
        Section::Needs,
        Section::Outcomes,
        Section::Voices,
        Section::Measures,
        Section::Sources,
        Section::Plans,
        Section::Pledges,
        Section::Missions,
        Section::Presentations,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Section::Programme => "Programme details",
            Section::Priorities => "Priorities",
            Section::Needs => "Areas of need",
            Section::Outcomes => "Outcomes",
            Section::Voices => "Resident voices",
            Section::Measures => "Measures",
            Section::Sources => "Sources",
            Section::Plans => "Action plans",
            Section::Pledges => "Pledges",
            Section::Missions => "Missions",
            Section::Presentations => "Presentations",
        }
    }

    /// The list the section shows (none for the programme's details).
    pub fn list(self) -> Option<List> {
        Some(match self {
            Section::Programme => return None,
            Section::Priorities => List::Priorities,
            Section::Needs => List::Needs,
            Section::Outcomes => List::Outcomes,
            Section::Voices => List::Voices,
            Section::Measures => List::Measures,
            Section::Sources => List::Sources,
            Section::Plans => List::Plans,
            Section::Pledges => List::Pledges,
            Section::Missions => List::Missions,
            Section::Presentations => List::Presentations,
        })
    }

    /// The section that lists `list`'s items.
    pub fn of(list: List) -> Section {
        Section::ALL
            .into_iter()
            .find(|s| s.list() == Some(list))
            .unwrap_or_default()
    }
}

/// One item as the list shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub index: usize,
    /// Its name (a voice's words, a source's title, a pledge's partner and commitment).
    pub name: String,
    pub id: String,
}

/// The rows of `list`, in the project's order.
pub fn rows(p: &Project, list: List) -> Vec<Row> {
    fn of<T>(items: &[T], f: impl Fn(&T) -> (String, &str)) -> Vec<Row> {
        items
            .iter()
            .enumerate()
            .map(|(index, x)| {
                let (name, id) = f(x);
                Row {
                    index,
                    name,
                    id: id.to_string(),
                }
            })
            .collect()
    }
    match list {
        List::Sources => of(&p.sources, |x| (x.title.clone(), &x.id)),
        List::Priorities => of(&p.priorities, |x| (x.name.clone(), &x.id)),
        List::Needs => of(&p.needs, |x| (x.name.clone(), &x.id)),
        List::Outcomes => of(&p.outcomes, |x| (x.name.clone(), &x.id)),
        List::Voices => of(&p.voices, |x| (format!("“{}”", x.text), &x.id)),
        List::Measures => of(&p.measures, |x| (x.name.clone(), &x.id)),
        List::Plans => of(&p.action_plans, |x| (x.title.clone(), &x.id)),
        List::Pledges => of(&p.pledges, |x| {
            (format!("{}: {}", x.partner, x.commitment), &x.id)
        }),
        List::Missions => of(&p.missions, |x| (x.name.clone(), &x.id)),
        List::Presentations => of(&p.presentations, |x| (x.title.clone(), &x.id)),
        List::Actions { plan } => p.action_plans.get(plan).map_or(Vec::new(), |x| {
            of(&x.actions, |a| (format!("{} {}", a.reference, a.title), ""))
        }),
        List::Slides { presentation } => p
            .presentations
            .get(presentation)
            .map_or(Vec::new(), |x| of(&x.slides, |s| (s.title.clone(), ""))),
    }
}

/// (id, name) of every item of `list`, for link pickers.
pub fn choices(p: &Project, list: List) -> Vec<(String, String)> {
    rows(p, list)
        .into_iter()
        .map(|r| {
            let name = if r.name.trim().is_empty() {
                r.id.clone()
            } else {
                r.name
            };
            (r.id, name)
        })
        .collect()
}

/// Rows of every section whose name or id holds every word of `query` (any case).
pub fn search(p: &Project, query: &str) -> Vec<(Section, Row)> {
    let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
    if words.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for s in Section::ALL {
        let Some(list) = s.list() else { continue };
        for r in rows(p, list) {
            let hay = format!("{} {}", r.name, r.id).to_lowercase();
            if words.iter().all(|w| hay.contains(w)) {
                out.push((s, r));
            }
        }
    }
    out
}
