//! Reading and writing project files: RON text, every problem explained, atomic saves.

mod comments;
pub mod fast_parse;
mod fingerprint;
mod lock;
mod observation_reader;
mod save;
mod scan;

pub use comments::comment_lines;
pub use fingerprint::{Check, DiskState, Fingerprint, load_fingerprinted};
pub use lock::tidy;
pub use save::{
    Expect, SaveError, SaveErrorKind, SaveOptions, Saved, backup_path, io_reason, save, save_with,
    why_read_only, write_atomic, write_atomic_no_backup, write_with,
};

use crate::model::{FORMAT_VERSION, Project};
use crate::validate;
use ron::extensions::Extensions;
use std::fmt;
use std::path::Path;

/// Files larger than this are refused rather than read into memory.
pub const MAX_FILE_BYTES: u64 = 1 << 30;

/// Where in the file a problem is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    /// A line and column (1-based) for syntax and type errors.
    Text { line: usize, col: usize },
    /// The item's path for errors of meaning (`measures "ta-households" observation 3`).
    Item(String),
    /// The file as a whole.
    File,
}

/// One thing wrong with a project file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub file: String,
    pub location: Location,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.location {
            Location::Text { line, col } => {
                write!(f, "{}:{line}:{col}: {}", self.file, self.message)
            }
            Location::Item(path) => write!(f, "{}: {path}: {}", self.file, self.message),
            Location::File => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

/// Why a file could not be opened: every problem found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    pub problems: Vec<Problem>,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, p) in self.problems.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{p}")?;
        }
        Ok(())
    }
}

impl std::error::Error for LoadError {}

fn ron_options() -> ron::Options {
    ron::Options::default().with_default_extension(Extensions::IMPLICIT_SOME)
}

fn pretty() -> ron::ser::PrettyConfig {
    ron::ser::PrettyConfig::new()
        .indentor("  ")
        .struct_names(false)
        .extensions(Extensions::IMPLICIT_SOME)
        .escape_strings(false)
}

/// Only the version, read when a file fails to parse, so that a newer file is refused clearly.
#[derive(serde::Deserialize)]
struct VersionProbe {
    format_version: Option<u64>,
}

/// Parse and validate project text. `file` names it in messages.
pub fn parse(text: &str, file: &str) -> Result<Project, LoadError> {
    let problem = |location, message: String| Problem {
        file: file.to_string(),
        location,
        message,
    };
    let fail = |p: Problem| Err(LoadError { problems: vec![p] });

    let newer = |v: u64| {
        problem(
            Location::File,
            format!(
                "this file is format version {v}, newer than this app understands (up to {FORMAT_VERSION}); \
                 open it with a newer Outcome Explorer"
            ),
        )
    };
    // One full parse; only when it fails is the version read on its own, so that a
    // file from a newer app is refused for that reason rather than for a field it adds.
    // The fast reader steps aside (None) for anything unusual; were it ever to fail outright,
    // ron alone still reads the file.
    let fast = std::panic::catch_unwind(|| fast_parse::parse(text))
        .ok()
        .flatten();
    let read = match fast {
        Some(p) => Ok(p),
        None => ron_options().from_str::<Project>(text),
    };
    let project: Project = match read {
        Ok(p) if p.format_version > FORMAT_VERSION => return fail(newer(p.format_version as u64)),
        Ok(p) => p,
        Err(e) => {
            if let Ok(VersionProbe {
                format_version: Some(v),
            }) = ron_options().from_str::<VersionProbe>(text)
                && v > FORMAT_VERSION as u64
            {
                return fail(newer(v));
            }
            let ron::error::Position { line, col } = e.span.start;
            let found = value_at(text, line, col);
            let message = with_found(describe_ron_error(&e.code), &e.code, found.as_deref());
            // The parser stops at the first bad date; the others are found by reading every
            // date field of the text, so that all of them are reported at once.
            if message.contains("is not a date") {
                let mut all = bad_dates(text);
                if !all.iter().any(|(l, _, _)| *l == line) {
                    all.push((line, col, message.clone()));
                    all.sort();
                }
                let problems = all
                    .into_iter()
                    .map(|(line, col, m)| problem(Location::Text { line, col }, m))
                    .collect();
                return Err(LoadError { problems });
            }
            return fail(problem(Location::Text { line, col }, message));
        }
    };

    let problems: Vec<Problem> = validate::validate(&project)
        .into_iter()
        .map(|issue| problem(Location::Item(issue.path), issue.message))
        .collect();
    if problems.is_empty() {
        Ok(project)
    } else {
        Err(LoadError { problems })
    }
}

/// Every date field in `text` (`period:` of values, baselines and events; `due:`,
/// `last_updated:`, `start:` and `date:` of plans, actions, notes and overrides) whose value
/// cannot be read, as (line, column, message).
fn bad_dates(text: &str) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let keys = ["period", "due", "last_updated", "start", "date"].map(|f| (f, format!("{f}: \"")));
    for (n, l) in text.lines().enumerate() {
        for (field, key) in &keys {
            let field = *field;
            let mut from = 0;
            while let Some(i) = l[from..].find(key.as_str()) {
                let at = from + i;
                from = at + key.len();
                // A whole field name, not the end of another ("end_date:").
                if at > 0 && l[..at].ends_with(|c: char| c.is_alphanumeric() || c == '_') {
                    continue;
                }
                let Some(len) = l[from..].find('"') else {
                    break;
                };
                let value = &l[from..from + len];
                // The first character inside the quotes, as the parser reports it.
                let col = l[..from].chars().count() + 1;
                let bad = if field == "period" {
                    value
                        .parse::<crate::model::Period>()
                        .err()
                        .map(|e| e.to_string())
                } else {
                    chrono::NaiveDate::parse_from_str(value, "%Y-%m-%d").err().map(|_| {
                        format!(
                            "\"{value}\" is not a date (expected year-month-day, e.g. \"2025-01-31\")"
                        )
                    })
                };
                if let Some(m) = bad {
                    out.push((n + 1, col, m));
                }
            }
        }
    }
    out.sort();
    out
}

/// The value written after the field name at an error's position
/// (`value: "12.1",` gives `"12.1"`), to say what was found.
fn value_at(text: &str, line: usize, col: usize) -> Option<String> {
    let l = text.lines().nth(line.checked_sub(1)?)?;
    let upto: usize = l.char_indices().nth(col).map_or(l.len(), |(i, _)| i);
    let colon = l[..upto].rfind(':')?;
    let rest = l[colon + 1..].trim_start();
    let value = if let Some(inner) = rest.strip_prefix('"') {
        let end = inner.find('"').map_or(inner.len(), |i| i + 2);
        &rest[..end.min(rest.len())]
    } else {
        rest.split([',', ')', ']'])
            .next()
            .unwrap_or(rest)
            .trim_end()
    };
    (!value.is_empty() && value.chars().count() <= 80).then(|| value.to_string())
}

/// Messages that say what was expected gain what was found; a date that the date reader
/// refuses is explained as such, not in the date library's words.
fn with_found(message: String, code: &ron::Error, found: Option<&str>) -> String {
    use ron::Error as E;
    let Some(found) = found else {
        return message;
    };
    const DATE_ERRORS: [&str; 6] = [
        "input is out of range",
        "input contains invalid characters",
        "premature end of input",
        "trailing input",
        "input is not enough for unique date and time",
        "no possible date and time matching input",
    ];
    match code {
        E::Message(m) if DATE_ERRORS.contains(&m.as_str()) => {
            format!("{found} is not a date (expected year-month-day, e.g. \"2025-01-31\")")
        }
        E::ExpectedFloat => format!("expected a number such as 12.5, found {found}"),
        E::ExpectedInteger => format!("expected a whole number such as 2040, found {found}"),
        E::IntegerOutOfBounds => format!("{found} is too large a number here"),
        E::ExpectedString | E::ExpectedStringEnd => {
            format!("expected text in quotes, found {found}")
        }
        E::ExpectedBoolean => format!("expected true or false, found {found}"),
        _ => message,
    }
}

fn describe_ron_error(code: &ron::Error) -> String {
    use ron::Error as E;
    match code {
        E::NoSuchStructField {
            expected,
            found,
            outer,
        } => {
            let outer = outer
                .as_deref()
                .map(|o| format!(" in {o}"))
                .unwrap_or_default();
            format!(
                "unknown field `{found}`{outer}; expected one of: {}",
                expected.join(", ")
            )
        }
        E::MissingStructField { field, outer } => {
            let outer = outer
                .as_deref()
                .map(|o| format!(" in {o}"))
                .unwrap_or_default();
            format!("missing field `{field}`{outer}")
        }
        other => other.to_string(),
    }
}

/// Read a project file from disk.
pub fn load(path: &Path) -> Result<Project, LoadError> {
    let (text, name) = read_text(path)?;
    parse(strip_bom(&text), &name)
}

/// [`load`], and the lines on which the file has comments (which a save would not keep).
pub fn load_noting_comments(path: &Path) -> Result<(Project, Vec<usize>), LoadError> {
    let (text, name) = read_text(path)?;
    let text = strip_bom(&text);
    Ok((parse(text, &name)?, comment_lines(text)))
}

fn strip_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// The text of the file at `path` and the name its problems are reported under.
fn read_text(path: &Path) -> Result<(String, String), LoadError> {
    let name = path.display().to_string();
    let whole = |message: String| LoadError {
        problems: vec![Problem {
            file: name.clone(),
            location: Location::File,
            message,
        }],
    };
    let meta =
        std::fs::metadata(path).map_err(|e| whole(format!("cannot open: {}", io_reason(&e))))?;
    if meta.is_dir() {
        return Err(whole("is a folder, not a project file".into()));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(whole(format!(
            "is {} bytes, larger than the {} bytes this app opens",
            meta.len(),
            MAX_FILE_BYTES
        )));
    }
    let bytes =
        std::fs::read(path).map_err(|e| whole(format!("cannot read: {}", io_reason(&e))))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let before = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        let col = before.iter().rev().take_while(|&&b| b != b'\n').count() + 1;
        LoadError {
            problems: vec![Problem {
                file: name.clone(),
                location: Location::Text { line, col },
                message: "the file is not UTF-8 text (save it as UTF-8)".into(),
            }],
        }
    })?;
    Ok((text, name))
}

/// The canonical text of a project: what Save writes and `fmt` produces.
pub fn to_text(project: &Project) -> String {
    // Sized up front: growing a string of a hundred megabytes step by step copies it twice.
    let mut s = String::with_capacity(64 * 1024 + 96 * project.observation_count());
    match ron::Options::default().to_writer_pretty(&mut s, project, pretty()) {
        Ok(()) => s.push('\n'),
        Err(e) => s = format!("// could not serialise: {e}\n"),
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small project's text with `from` replaced by `to`, parsed.
    fn parse_changed(from: &str, to: &str) -> String {
        let mut p = Project::default();
        p.programme.title = "T".into();
        p.programme.vision = "V".into();
        p.programme.horizon_year = 2040;
        p.action_plans.push(crate::model::ActionPlan {
            id: "plan".into(),
            title: "Plan".into(),
            actions: vec![crate::model::Action {
                reference: "R1".into(),
                title: "Do it".into(),
                due: chrono::NaiveDate::from_ymd_opt(2025, 3, 31),
                ..Default::default()
            }],
            ..Default::default()
        });
        let text = to_text(&p);
        assert!(text.contains(from), "{text}");
        parse(&text.replacen(from, to, 1), "p.ron")
            .unwrap_err()
            .to_string()
    }

    #[test]
    fn type_errors_say_what_was_found() {
        let msg = parse_changed("horizon_year: 2040", "horizon_year: \"2040\"");
        assert!(
            msg.contains("expected a whole number such as 2040, found \"2040\""),
            "{msg}"
        );
        let msg = parse_changed("horizon_year: 2040", "horizon_year: 99999999999");
        assert!(msg.contains("99999999999 is too large"), "{msg}");
    }

    #[test]
    fn a_bad_date_is_named_as_a_date() {
        for bad in ["2025-02-30", "15/03/2025", "2025-03"] {
            let msg = parse_changed("due: \"2025-03-31\"", &format!("due: \"{bad}\""));
            assert!(
                msg.contains(&format!("\"{bad}\" is not a date (expected year-month-day")),
                "{msg}"
            );
            assert!(msg.starts_with("p.ron:"), "{msg}");
        }
    }

    #[test]
    fn every_bad_date_is_reported_at_once() {
        let mut p = Project::default();
        p.programme.title = "T".into();
        p.programme.vision = "V".into();
        p.measures.push(crate::model::Measure {
            id: "ta".into(),
            name: "TA".into(),
            unit: crate::model::Unit::Households,
            observations: ["2022", "2023", "2024"]
                .iter()
                .map(|y| crate::model::Observation {
                    period: y.parse().unwrap(),
                    value: 1.0,
                    ..Default::default()
                })
                .collect(),
            ..Default::default()
        });
        let text = to_text(&p)
            .replacen("period: \"2022\"", "period: \"2022-13-01\"", 1)
            .replacen("period: \"2024\"", "period: \"2024/2025\"", 1);
        let err = parse(&text, "p.ron").unwrap_err();
        assert_eq!(err.problems.len(), 2, "{err}");
        let lines: Vec<String> = err.problems.iter().map(|p| p.to_string()).collect();
        assert!(
            lines[0].contains("\"2022-13-01\" is not a date or period"),
            "{lines:?}"
        );
        assert!(lines[1].contains("\"2024/2025\""), "{lines:?}");
        assert!(lines.iter().all(|l| l.starts_with("p.ron:")), "{lines:?}");
    }

    #[test]
    fn syntax_error_names_line_and_column() {
        let text = "(\n  format_version: 1,\n  programme: (\n    title: \"T\",\n    vision: \"V\"\n    horizon_year: 2040,\n  ),\n)";
        let err = parse(text, "p.ron").unwrap_err();
        let msg = err.to_string();
        assert!(msg.starts_with("p.ron:6:"), "{msg}");
    }

    #[test]
    fn unknown_field_is_named() {
        let text = "(format_version: 1, programme: (title: \"T\", vision: \"V\", horizon_year: 2040, colour: \"x\"))";
        let msg = parse(text, "p.ron").unwrap_err().to_string();
        assert!(msg.contains("unknown field `colour`"), "{msg}");
        assert!(msg.starts_with("p.ron:1:"), "{msg}");
    }

    #[test]
    fn newer_format_is_refused_with_reason() {
        let text = "(format_version: 99, programme: (title: \"T\", vision: \"V\", horizon_year: 2040), future: [])";
        let msg = parse(text, "p.ron").unwrap_err().to_string();
        assert!(
            msg.contains("format version 99, newer than this app understands"),
            "{msg}"
        );
    }

    #[test]
    fn canonical_text_round_trips_byte_for_byte() {
        let p = Project::default();
        let text = to_text(&p);
        let back = parse(&text, "p.ron").unwrap();
        assert_eq!(back, p);
        assert_eq!(to_text(&back), text);
    }

    #[test]
    fn not_utf8_is_explained() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bad.ron");
        std::fs::write(&path, b"(\n  title: \"\xff\"").unwrap();
        let msg = load(&path).unwrap_err().to_string();
        assert!(msg.contains(":2:"), "{msg}");
        assert!(msg.contains("not UTF-8"), "{msg}");
    }
}
