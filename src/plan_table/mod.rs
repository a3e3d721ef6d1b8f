//! Pure table logic for action plans: columns, filtering, sorting, summaries and the
//! checks an edited row must pass. No egui here; the Action plans view and the CSV
//! import both use it.

use crate::model::{Action, ActionPlan, Id, Project, Rag};
use chrono::NaiveDate;
use std::cmp::Ordering;

/// The table's columns, in display order.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum Column {
    Reference,
    Theme,
    Title,
    KeyActions,
    Owner,
    Due,
    Rag,
    Progress,
    LastUpdated,
    Outcomes,
}

impl Column {
    /// Whether every row of `actions` leaves this column blank (the reference, title and RAG
    /// never count as blank).
    pub fn is_blank_in(self, actions: &[Action]) -> bool {
        let blank = |a: &Action| match self {
            Column::Reference | Column::Title | Column::Rag => false,
            Column::Theme => a.theme.trim().is_empty(),
            Column::KeyActions => a.key_actions.iter().all(|k| k.trim().is_empty()),
            Column::Owner => a.owner.trim().is_empty(),
            Column::Due => a.due.is_none(),
            Column::Progress => a.progress.is_empty(),
            Column::LastUpdated => a.last_updated.is_none(),
            Column::Outcomes => a.outcomes.is_empty(),
        };
        actions.iter().all(blank)
    }

    pub const ALL: [Column; 10] = [
        Column::Reference,
        Column::Theme,
        Column::Title,
        Column::KeyActions,
        Column::Owner,
        Column::Due,
        Column::Rag,
        Column::Progress,
        Column::LastUpdated,
        Column::Outcomes,
    ];

    /// The column's heading (also the CSV header).
    pub fn label(self) -> &'static str {
        match self {
            Column::Reference => "Reference",
            Column::Theme => "Theme",
            Column::Title => "Title",
            Column::KeyActions => "Key actions",
            Column::Owner => "Owner",
            Column::Due => "Due",
            Column::Rag => "RAG",
            Column::Progress => "Latest progress",
            Column::LastUpdated => "Last updated",
            Column::Outcomes => "Outcomes",
        }
    }
}

/// Which column the rows are sorted by, and which way. `None` in the view means file order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Sort {
    pub column: Column,
    pub descending: bool,
}

/// The filters in force. The default shows every row.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Filter {
    /// Words that must all appear somewhere in the row (case-insensitive).
    pub text: String,
    /// Ratings to show; empty means all.
    pub rags: Vec<Rag>,
    pub owner: Option<String>,
    pub theme: Option<String>,
    pub outcome: Option<Id>,
    pub overdue: bool,
    /// Only rows due between today and today + N days (and not complete).
    pub due_within: Option<u32>,
}

/// One filter in force, so the view can show it as a chip and clear it alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FilterPart {
    Text,
    Rag,
    Owner,
    Theme,
    Outcome,
    Overdue,
    DueWithin,
}

impl Filter {
    pub fn is_active(&self) -> bool {
        *self != Filter::default()
    }

    /// The filters in force, each described in words ("Owner: Chief Executive").
    pub fn parts(&self) -> Vec<(FilterPart, String)> {
        let mut v = Vec::new();
        if !self.text.trim().is_empty() {
            v.push((FilterPart::Text, format!("Text: “{}”", self.text.trim())));
        }
        if !self.rags.is_empty() {
            let words: Vec<&str> = self.rags.iter().map(|r| r.label()).collect();
            v.push((FilterPart::Rag, format!("RAG: {}", words.join(" or "))));
        }
        if let Some(o) = &self.owner {
            v.push((FilterPart::Owner, format!("Owner: {o}")));
        }
        if let Some(t) = &self.theme {
            v.push((FilterPart::Theme, format!("Theme: {t}")));
        }
        if let Some(o) = &self.outcome {
            v.push((FilterPart::Outcome, format!("Outcome: {o}")));
        }
        if self.overdue {
            v.push((FilterPart::Overdue, "Overdue".into()));
        }
        if let Some(n) = self.due_within {
            v.push((FilterPart::DueWithin, format!("Due in the next {n} days")));
        }
        v
    }

    pub fn clear(&mut self, part: FilterPart) {
        match part {
            FilterPart::Text => self.text.clear(),
            FilterPart::Rag => self.rags.clear(),
            FilterPart::Owner => self.owner = None,
            FilterPart::Theme => self.theme = None,
            FilterPart::Outcome => self.outcome = None,
            FilterPart::Overdue => self.overdue = false,
            FilterPart::DueWithin => self.due_within = None,
        }
    }

    /// Does `a` pass every filter on `today`?
    pub fn matches(&self, a: &Action, today: NaiveDate) -> bool {
        if !self.rags.is_empty() && !self.rags.contains(&a.rag) {
            return false;
        }
        // An action owned by "A; B" is shown for A and for B.
        if let Some(o) = &self.owner
            && a.owner != *o
            && !owner_names(&a.owner).any(|n| n == o)
        {
            return false;
        }
        if let Some(t) = &self.theme
            && a.theme != *t
        {
            return false;
        }
        if let Some(o) = &self.outcome
            && !a.outcomes.contains(o)
        {
            return false;
        }
        if self.overdue && !is_overdue(a, today) {
            return false;
        }
        if let Some(n) = self.due_within
            && !is_due_within(a, today, n)
        {
            return false;
        }
        let text = self.text.trim();
        if !text.is_empty() {
            let hay = searchable(a);
            return text
                .to_lowercase()
                .split_whitespace()
                .all(|w| hay.contains(w));
        }
        true
    }
}

fn searchable(a: &Action) -> String {
    let mut s = String::new();
    for part in [&a.reference, &a.theme, &a.title, &a.owner] {
        s.push_str(part);
        s.push('\n');
    }
    for k in &a.key_actions {
        s.push_str(k);
        s.push('\n');
    }
    for p in &a.progress {
        s.push_str(&p.text);
        s.push('\n');
    }
    for o in &a.outcomes {
        s.push_str(o);
        s.push('\n');
    }
    s.push_str(a.rag.label());
    s.to_lowercase()
}

/// Past its due date and not complete.
pub fn is_overdue(a: &Action, today: NaiveDate) -> bool {
    a.rag != Rag::Complete && a.due.is_some_and(|d| d < today)
}

/// Due between today and `days` from now (inclusive) and not complete.
pub fn is_due_within(a: &Action, today: NaiveDate, days: u32) -> bool {
    a.rag != Rag::Complete
        && a.due
            .is_some_and(|d| d >= today && (d - today).num_days() <= i64::from(days))
}

/// The latest progress note (by date, then the later in the list).
pub fn latest_progress(a: &Action) -> Option<&crate::model::ProgressNote> {
    a.progress
        .iter()
        .enumerate()
        .max_by_key(|(i, p)| (p.date, *i))
        .map(|(_, p)| p)
}

/// Compare references so that "R2" comes before "R10" and "2.3" before "2.10".
pub fn natural_cmp(a: &str, b: &str) -> Ordering {
    let (mut x, mut y) = (a.chars().peekable(), b.chars().peekable());
    loop {
        match (x.peek().copied(), y.peek().copied()) {
            (None, None) => return Ordering::Equal,
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(c), Some(d)) if c.is_ascii_digit() && d.is_ascii_digit() => {
                let mut n = String::new();
                while let Some(c) = x.peek().copied().filter(char::is_ascii_digit) {
                    n.push(c);
                    x.next();
                }
                let mut m = String::new();
                while let Some(c) = y.peek().copied().filter(char::is_ascii_digit) {
                    m.push(c);
                    y.next();
                }
                let (n, m) = (n.trim_start_matches('0'), m.trim_start_matches('0'));
                let o = n.len().cmp(&m.len()).then_with(|| n.cmp(m));
                if o != Ordering::Equal {
                    return o;
                }
            }
            (Some(c), Some(d)) => {
                let o = c.to_lowercase().cmp(d.to_lowercase());
                if o != Ordering::Equal {
                    return o;
                }
                x.next();
                y.next();
            }
        }
    }
}

/// Compare two actions on one column. Empty values sort last in ascending order.
pub fn compare(a: &Action, b: &Action, column: Column) -> Ordering {
    fn text(a: &str, b: &str) -> Ordering {
        match (a.is_empty(), b.is_empty()) {
            (true, false) => Ordering::Greater,
            (false, true) => Ordering::Less,
            _ => natural_cmp(a, b),
        }
    }
    fn opt<T: Ord>(a: Option<T>, b: Option<T>) -> Ordering {
        match (a, b) {
            (Some(a), Some(b)) => a.cmp(&b),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        }
    }
    match column {
        Column::Reference => natural_cmp(&a.reference, &b.reference),
        Column::Theme => text(&a.theme, &b.theme),
        Column::Title => text(&a.title, &b.title),
        Column::KeyActions => a.key_actions.len().cmp(&b.key_actions.len()),
        Column::Owner => text(&a.owner, &b.owner),
        Column::Due => opt(a.due, b.due),
        Column::Rag => a.rag.cmp(&b.rag),
        Column::Progress => opt(
            latest_progress(a).map(|p| p.date),
            latest_progress(b).map(|p| p.date),
        ),
        Column::LastUpdated => opt(a.last_updated, b.last_updated),
        Column::Outcomes => text(&a.outcomes.join(", "), &b.outcomes.join(", ")),
    }
}

/// Indices of the plan's actions that pass `filter`, in `sort` order (file order if none).
/// The sort is stable, so ties keep file order.
pub fn visible_rows(
    actions: &[Action],
    filter: &Filter,
    sort: Option<Sort>,
    today: NaiveDate,
) -> Vec<usize> {
    let mut rows: Vec<usize> = (0..actions.len())
        .filter(|&i| filter.matches(&actions[i], today))
        .collect();
    if let Some(s) = sort {
        rows.sort_by(|&i, &j| {
            let o = compare(&actions[i], &actions[j], s.column);
            if s.descending { o.reverse() } else { o }
        });
    }
    rows
}

/// Counts for the summary strip.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Summary {
    pub total: usize,
    /// Indexed like [`Rag::ALL`].
    pub by_rag: [usize; 5],
    pub overdue: usize,
    pub due_soon: usize,
}

impl Summary {
    pub fn count(&self, rag: Rag) -> usize {
        self.by_rag[Rag::ALL.iter().position(|r| *r == rag).unwrap_or(0)]
    }
}

/// Summarise `rows` of `actions` (due soon = within `soon_days`).
pub fn summarise(
    actions: &[Action],
    rows: impl IntoIterator<Item = usize>,
    today: NaiveDate,
    soon_days: u32,
) -> Summary {
    let mut s = Summary::default();
    for i in rows {
        let a = &actions[i];
        s.total += 1;
        if let Some(k) = Rag::ALL.iter().position(|r| *r == a.rag) {
            s.by_rag[k] += 1;
        }
        s.overdue += is_overdue(a, today) as usize;
        s.due_soon += is_due_within(a, today, soon_days) as usize;
    }
    s
}

/// The people or bodies an owner field names: "Robin Porter (sponsor); Mark Turner (lead)"
/// names two. Names are separated by semicolons (commas stay inside a name: "Cllr Taylor,
/// Portfolio Holder").
pub fn owner_names(owner: &str) -> impl Iterator<Item = &str> {
    owner.split(';').map(str::trim).filter(|n| !n.is_empty())
}

/// Every name that owns an action in `plan`, sorted and without repeats (the owner filter's
/// choices).
pub fn owner_names_in(plan: &ActionPlan) -> Vec<String> {
    sorted_unique(plan.actions.iter().flat_map(|a| owner_names(&a.owner)))
}

/// `names` in natural order, each once, blanks left out.
fn sorted_unique<'a>(names: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut v: Vec<String> = names
        .filter(|n| !n.trim().is_empty())
        .map(str::to_string)
        .collect();
    v.sort_by(|a, b| natural_cmp(a, b));
    v.dedup();
    v
}

/// Every owner named in any plan, sorted and without repeats (for suggestions).
pub fn owners(project: &Project) -> Vec<String> {
    let all = project.action_plans.iter().flat_map(|p| &p.actions);
    sorted_unique(all.map(|a| a.owner.as_str()))
}

/// The themes used in a plan, sorted and without repeats.
pub fn themes(plan: &ActionPlan) -> Vec<String> {
    sorted_unique(plan.actions.iter().map(|a| a.theme.as_str()))
}

/// A reference not yet used in the plan, following the plan's pattern ("R11" after "R10").
pub fn next_reference(plan: &ActionPlan) -> String {
    let last = plan
        .actions
        .iter()
        .map(|a| a.reference.as_str())
        .max_by(|a, b| natural_cmp(a, b))
        .unwrap_or("");
    let digits = last.len() - last.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let (prefix, num) = last.split_at(last.len() - digits);
    let mut n: u64 = num.parse().unwrap_or(0);
    let prefix = if last.is_empty() { "A" } else { prefix };
    loop {
        n += 1;
        let candidate = format!("{prefix}{n}");
        if !plan.actions.iter().any(|a| a.reference == candidate) {
            return candidate;
        }
    }
}

/// A field of an action: where a problem is, or what an edit changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Reference,
    Theme,
    Title,
    KeyActions,
    Owner,
    Due,
    Rag,
    Progress,
    Outcomes,
}

/// Why an edited row is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    pub field: Field,
    pub message: String,
}

/// Check a row before it goes into `plan` at `index` (`None` for a new row).
pub fn check_action(
    project: &Project,
    plan: &ActionPlan,
    index: Option<usize>,
    a: &Action,
) -> Vec<RowError> {
    let mut errs = Vec::new();
    let err = |field, message: String| RowError { field, message };
    if a.reference.trim().is_empty() {
        errs.push(err(Field::Reference, "the reference is empty".into()));
    } else if plan
        .actions
        .iter()
        .enumerate()
        .any(|(i, b)| Some(i) != index && b.reference == a.reference)
    {
        errs.push(err(
            Field::Reference,
            format!("reference “{}” is already used in this plan", a.reference),
        ));
    }
    if let (Some(due), Some(start)) = (a.due, plan.start)
        && due < start
    {
        errs.push(err(
            Field::Due,
            format!(
                "due date {} is before the plan's start, {}",
                crate::format::date(due),
                crate::format::date(start)
            ),
        ));
    }
    let unknown: Vec<&str> = a
        .outcomes
        .iter()
        .filter(|o| project.outcome(o).is_none())
        .map(String::as_str)
        .collect();
    if !unknown.is_empty() {
        errs.push(err(Field::Outcomes, no_such_outcomes(&unknown)));
    }
    errs
}

/// "there is no outcome “x”", naming at most three (each cut short) and counting the rest,
/// so that a pasted list of a thousand words gives one short message.
fn no_such_outcomes(unknown: &[&str]) -> String {
    let named: Vec<String> = unknown
        .iter()
        .take(3)
        .map(|o| format!("“{}”", crate::format::cut_chars(o, 40)))
        .collect();
    match unknown.len() {
        1 => format!("there is no outcome {}", named[0]),
        2 | 3 => format!("there are no outcomes {}", named.join(", ")),
        n => format!(
            "there are no outcomes {} and {} more",
            named.join(", "),
            n - 3
        ),
    }
}

/// Read a date typed by a person: `2025-01-31`, `31 Jan 2025`, `31 January 2025` or `31/01/2025`.
pub fn parse_date(s: &str) -> Result<NaiveDate, String> {
    let t = s.trim();
    for f in ["%Y-%m-%d", "%d %b %Y", "%d %B %Y", "%d/%m/%Y"] {
        if let Ok(d) = NaiveDate::parse_from_str(t, f) {
            return Ok(d);
        }
    }
    Err(format!(
        "“{}” is not a date (write it as 2025-01-31 or 31 Jan 2025)",
        crate::format::cut_chars(t, 40)
    ))
}

/// A date as files and spreadsheets write it: `2025-01-31`.
pub fn iso(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// Read a RAG word: the label in any case ("Amber", "not started"), or R / A / G.
pub fn parse_rag(s: &str) -> Result<Rag, String> {
    let t = s.trim().to_lowercase();
    let t = t.as_str();
    if t.is_empty() {
        return Ok(Rag::NotStarted);
    }
    for r in Rag::ALL {
        if r.label().to_lowercase() == t || format!("{r:?}").to_lowercase() == t {
            return Ok(r);
        }
    }
    match t {
        "r" => Ok(Rag::Red),
        "a" => Ok(Rag::Amber),
        "g" => Ok(Rag::Green),
        "done" | "completed" | "c" => Ok(Rag::Complete),
        _ => Err(format!(
            "“{}” is not a RAG rating (use Not started, Red, Amber, Green or Complete)",
            s.trim()
        )),
    }
}

/// A cell's whole text, as "Copy table" gives it: dates as 31 Jan 2025 (blank for none), the
/// RAG as its word, key actions one after another, outcomes by name.
pub fn cell_text(project: &Project, a: &Action, column: Column) -> String {
    match column {
        Column::Reference => a.reference.clone(),
        Column::Theme => a.theme.clone(),
        Column::Title => a.title.clone(),
        Column::KeyActions => a.key_actions.join("; "),
        Column::Owner => a.owner.clone(),
        Column::Due => a.due.map(crate::format::date).unwrap_or_default(),
        Column::Rag => a.rag.label().to_string(),
        Column::Progress => latest_progress(a)
            .map(|p| format!("{}: {}", crate::format::date(p.date), p.text))
            .unwrap_or_default(),
        Column::LastUpdated => a.last_updated.map(crate::format::date).unwrap_or_default(),
        Column::Outcomes => outcome_names(project, a).join("; "),
    }
}

/// The names of the outcomes an action is linked to (an id the project lacks as itself).
pub fn outcome_names<'a>(project: &'a Project, a: &'a Action) -> Vec<&'a str> {
    a.outcomes
        .iter()
        .map(|id| project.outcome(id).map_or(id.as_str(), |o| o.name.as_str()))
        .collect()
}

/// Rows `rows` of `plan` in `columns`, tab-separated with a header line: pastes into a
/// spreadsheet, a document or an email as a table.
pub fn table_tsv(
    project: &Project,
    plan: &ActionPlan,
    rows: &[usize],
    columns: &[Column],
) -> String {
    let clean = |s: String| s.replace(['\t', '\n', '\r'], " ");
    let mut out = columns
        .iter()
        .map(|c| c.label())
        .collect::<Vec<_>>()
        .join("\t");
    out.push('\n');
    for a in rows.iter().filter_map(|&i| plan.actions.get(i)) {
        let cells: Vec<String> = columns
            .iter()
            .map(|&c| clean(cell_text(project, a, c)))
            .collect();
        out.push_str(&cells.join("\t"));
        out.push('\n');
    }
    out
}

pub mod layout;

#[cfg(test)]
mod tests;
