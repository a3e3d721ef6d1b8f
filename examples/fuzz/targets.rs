//! What each target does with an input, and what it checks: nothing panics (the caller
//! catches it), an accepted project passes validation and comes back equal when written
//! and read again, messages stay short, an import never makes a file that does not load.

use chrono::NaiveDate;
use outcome_explorer::model::{Period, Project};
use outcome_explorer::{csv_io, file, plan_table, validate};
use std::path::Path;

use crate::mutate::Rng;

/// The longest message a problem or a rejected row may have; longer ones repeat input.
const MAX_MESSAGE: usize = 2_000;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Target {
    Load,
    Csv,
    Period,
}

impl Target {
    pub fn from_name(name: &str) -> Option<Target> {
        match name {
            "load" => Some(Target::Load),
            "csv" => Some(Target::Csv),
            "period" => Some(Target::Period),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Target::Load => "load",
            Target::Csv => "csv",
            Target::Period => "period",
        }
    }
}

/// The projects the corpus starts from, and the target's starting inputs.
pub struct Setup {
    pub target: Target,
    /// Valid projects with at least one action plan (the CSV target imports into them).
    pub with_plans: Vec<Project>,
    pub inputs: Vec<Vec<u8>>,
    /// A small project with one observation whose period is `TEMPLATE_PERIOD`.
    template: String,
}

const TEMPLATE_PERIOD: &str = "period: \"2024-Q2\"";

fn read_dir(dir: &Path, ext: &str) -> Vec<Vec<u8>> {
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    paths.retain(|p: &std::path::PathBuf| p.extension().is_some_and(|e| e == ext));
    paths.sort();
    paths.iter().filter_map(|p| std::fs::read(p).ok()).collect()
}

impl Setup {
    /// Read the corpus: the sample, the test projects and `corpus/<target>`.
    pub fn new(target: Target, root: &Path, corpus: &Path) -> Setup {
        let mut projects_text = vec![];
        projects_text.extend(read_dir(&root.join("sample-data"), "ron"));
        projects_text.extend(read_dir(&root.join("tests/fixtures"), "ron"));
        projects_text.extend(read_dir(&corpus.join("load"), "ron"));
        let projects: Vec<Project> = projects_text
            .iter()
            .filter_map(|t| file::parse(&String::from_utf8_lossy(t), "corpus.ron").ok())
            .collect();
        let template = String::from_utf8(
            std::fs::read(root.join("tests/fixtures/smallest.ron")).unwrap_or_default(),
        )
        .unwrap_or_default();
        let inputs = match target {
            Target::Load => projects_text,
            Target::Csv => {
                let mut v = read_dir(&corpus.join("csv"), "csv");
                for p in &projects {
                    v.extend(p.action_plans.iter().map(csv_io::export));
                }
                v
            }
            Target::Period => {
                let mut v: Vec<Vec<u8>> = read_dir(&corpus.join("period"), "txt")
                    .iter()
                    .flat_map(|t| t.split(|b| *b == b'\n').map(<[u8]>::to_vec))
                    .filter(|l| !l.is_empty())
                    .collect();
                for p in &projects {
                    for m in &p.measures {
                        v.extend(m.observations.iter().map(|o| o.period.to_string().into()));
                    }
                }
                v.sort();
                v.dedup();
                v
            }
        };
        Setup {
            target,
            with_plans: projects
                .into_iter()
                .filter(|p| !p.action_plans.is_empty())
                .collect(),
            inputs,
            template,
        }
    }

    /// Run one input; Err says what is wrong with the result.
    pub fn run(&self, input: &[u8], rng: &mut Rng) -> Result<(), String> {
        match self.target {
            Target::Load => check_load(&String::from_utf8_lossy(input)),
            Target::Csv => self.check_csv(input, rng),
            Target::Period => self.check_period(&String::from_utf8_lossy(input)),
        }
    }

    fn check_csv(&self, input: &[u8], rng: &mut Rng) -> Result<(), String> {
        let project = &self.with_plans[rng.below(self.with_plans.len())];
        let plan_index = rng.below(project.action_plans.len());
        let plan = &project.action_plans[plan_index].id;
        let choices = csv_io::ImportChoices {
            delete_missing_rows: rng.chance(30),
            delete_missing_notes: rng.chance(30),
        };
        let today = NaiveDate::from_ymd_opt(2025, 6, 30).expect("a date");
        let preview = match csv_io::preview_with(project, plan, input, today, choices) {
            Ok(p) => p,
            Err(e) => return short("import error", &e.to_string()),
        };
        for r in &preview.rejected {
            short("rejected row", &r.to_string())?;
        }
        for p in &preview.problems {
            short("problem", p)?;
        }
        for line in preview.missing_lines() {
            short("missing line", &line)?;
        }
        if !preview.can_apply() {
            return Ok(());
        }
        let mut after = project.clone();
        let len = after.action_plans[plan_index].actions.len();
        preview
            .edit(plan_index, len)
            .apply(&mut after)
            .map_err(|e| format!("a preview that can be applied fails to apply: {e}"))?;
        let issues = validate::validate(&after);
        if let Some(i) = issues.first() {
            return Err(format!(
                "the import was accepted but the project no longer validates: {}: {}",
                i.path, i.message
            ));
        }
        check_round_trip(&after)?;
        // Exporting the plan as imported and importing it again changes nothing.
        let again = csv_io::export(&after.action_plans[plan_index]);
        let second = csv_io::preview(&after, plan, &again, today)
            .map_err(|e| format!("the plan's own export cannot be imported: {e}"))?;
        if !second.is_noop() || !second.rejected.is_empty() {
            return Err(format!(
                "importing the plan's own export after the import is not a no-op: {} ({:?})",
                second.summary(),
                second.rejected.first().map(|r| r.to_string())
            ));
        }
        Ok(())
    }

    fn check_period(&self, s: &str) -> Result<(), String> {
        let parsed = s.parse::<Period>();
        if let Ok(p) = &parsed {
            let shown = p.to_string();
            match shown.parse::<Period>() {
                Ok(back) if back == *p => {}
                other => {
                    return Err(format!(
                        "period {s:?} read as {p:?}, written {shown:?}, read back as {other:?}"
                    ));
                }
            }
        } else if let Err(e) = &parsed {
            short("period error", &e.to_string())?;
        }
        match plan_table::parse_date(s) {
            Ok(d) => {
                let back = plan_table::parse_date(&plan_table::iso(d));
                if back != Ok(d) {
                    return Err(format!(
                        "date {s:?} read as {d}, written and read as {back:?}"
                    ));
                }
            }
            Err(e) => short("date error", &e)?,
        }
        // The same text as an observation's period in a project file: read as the period
        // reader reads it, or refused.
        let escaped = s.replace('\\', "\\\\").replace('"', "\\\"");
        let text = self
            .template
            .replacen(TEMPLATE_PERIOD, &format!("period: \"{escaped}\""), 1);
        match file::parse(&text, "period.ron") {
            Ok(p) => {
                let got = &p.measures[0].observations[0].period;
                if parsed.as_ref() != Ok(got) {
                    return Err(format!(
                        "period {s:?} in a file read as {got:?}, on its own as {parsed:?}"
                    ));
                }
                check_round_trip(&p)
            }
            Err(e) => {
                if parsed.is_ok() && !s.contains(['\r', '\n']) {
                    // Some readings may be refused by validation (a year before the
                    // programme); only a refusal without a reason is wrong.
                    if e.problems.is_empty() {
                        return Err(format!("period {s:?} refused without a problem"));
                    }
                }
                for p in &e.problems {
                    short("load problem", &p.to_string())?;
                }
                Ok(())
            }
        }
    }
}

fn short(what: &str, message: &str) -> Result<(), String> {
    if message.len() > MAX_MESSAGE {
        let start: String = message.chars().take(120).collect();
        return Err(format!(
            "{what} message of {} bytes: {start}…",
            message.len()
        ));
    }
    Ok(())
}

fn check_load(text: &str) -> Result<(), String> {
    match file::parse(text, "fuzz.ron") {
        Ok(p) => {
            if let Some(i) = validate::validate(&p).first() {
                return Err(format!(
                    "accepted a project that does not validate: {}: {}",
                    i.path, i.message
                ));
            }
            check_round_trip(&p)
        }
        Err(e) => {
            if e.problems.is_empty() {
                return Err("refused without a problem".into());
            }
            for p in e.problems.iter().take(1000) {
                short("load problem", &p.to_string())?;
            }
            Ok(())
        }
    }
}

/// Written and read again, the project is equal, and written again, the same text.
fn check_round_trip(p: &Project) -> Result<(), String> {
    let text = file::to_text(p);
    let back = file::parse(&text, "written.ron").map_err(|e| {
        format!(
            "an accepted project, once written, does not load: {}",
            e.problems
                .first()
                .map(|p| p.to_string())
                .unwrap_or_default()
        )
    })?;
    if back != *p {
        return Err("an accepted project, written and read again, is not equal".into());
    }
    if file::to_text(&back) != text {
        return Err("an accepted project is written differently the second time".into());
    }
    Ok(())
}
