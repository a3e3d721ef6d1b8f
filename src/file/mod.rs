//! Reading and writing project files: RON text, every problem explained, atomic saves.

mod comments;
pub mod fast_ron;
mod fingerprint;
mod lexer;
pub mod limits;
mod locate;
mod lock;
mod messages;
mod read;
mod save;
mod split;

pub use comments::comment_lines;
pub use fingerprint::{Check, DiskState, Fingerprint, load_fingerprinted};
pub use limits::MAX_FILE_BYTES;
pub use lock::tidy;
pub use read::TOP_LISTS;
#[doc(hidden)]
pub use read::items as top_level_items;
pub use save::{
    Expect, SaveError, SaveErrorKind, SaveOptions, Saved, backup_path, io_reason, save, save_with,
    why_read_only, write_atomic, write_atomic_no_backup, write_with,
};

use crate::model::{FORMAT_VERSION, Project};
use crate::validate;
use ron::extensions::Extensions;
use std::fmt;
use std::path::Path;

/// Where in the file a problem is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    /// A line and column (1-based) for syntax and type errors, and the path of the item
    /// there (`measures "tb" observation 3`; empty outside any item).
    Text {
        line: usize,
        col: usize,
        path: String,
    },
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
            Location::Text { line, col, path } if path.is_empty() => {
                write!(f, "{}:{line}:{col}: {}", self.file, self.message)
            }
            Location::Text { line, col, path } => {
                write!(f, "{}:{line}:{col}: {path}: {}", self.file, self.message)
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

/// Parse and validate project text. `file` names it in messages.
pub fn parse(text: &str, file: &str) -> Result<Project, LoadError> {
    let project = read(text, file)?;
    let problems: Vec<Problem> = validate::validate(&project)
        .into_iter()
        .map(|issue| Problem {
            file: file.to_string(),
            location: Location::Item(messages::shorten_quotes(&issue.path)),
            message: messages::shorten_quotes(&issue.message),
        })
        .collect();
    if problems.is_empty() {
        Ok(project)
    } else {
        Err(LoadError { problems })
    }
}

/// Parse project text without validating what it means: every syntax and type error, each
/// with its line, column and item. `file` names it in messages.
pub fn read(text: &str, file: &str) -> Result<Project, LoadError> {
    let problem = |location, message: String| Problem {
        file: file.to_string(),
        location,
        message,
    };
    let newer = |v: u64| LoadError {
        problems: vec![problem(
            Location::File,
            format!(
                "this file is format version {v}, newer than this app understands (up to {FORMAT_VERSION}); \
                 open it with a newer Outcome Explorer"
            ),
        )],
    };
    match read::read(text) {
        Ok(p) if p.format_version > FORMAT_VERSION => Err(newer(p.format_version.into())),
        Ok(p) => Ok(p),
        Err(read::Unread::Newer(v)) => Err(newer(v)),
        Err(read::Unread::At(found, more)) => {
            let offsets: Vec<usize> = found.iter().map(|f| f.at).collect();
            let mut problems: Vec<Problem> = found
                .into_iter()
                .zip(locate::line_cols(text, &offsets))
                .map(|(f, (line, col))| {
                    let path = f.path;
                    problem(Location::Text { line, col, path }, f.message)
                })
                .collect();
            if more {
                problems.push(problem(
                    Location::File,
                    format!(
                        "more problems than the {} listed; correct these and check again",
                        limits::MAX_PROBLEMS
                    ),
                ));
            }
            Err(LoadError { problems })
        }
    }
}

/// Read a project file from disk.
pub fn load(path: &Path) -> Result<Project, LoadError> {
    let (text, name) = read_text(path, Streams::Refused)?;
    parse(strip_bom(&text), &name)
}

/// [`load`], and the lines on which the file has comments (which a save would not keep).
pub fn load_noting_comments(path: &Path) -> Result<(Project, Vec<usize>), LoadError> {
    load_noting_comments_from(path, Streams::Refused)
}

/// [`load_noting_comments`] that reads a named pipe too, up to the size limit: for the window,
/// which opens files on another thread behind a modal.
fn load_streamed_noting_comments(path: &Path) -> Result<(Project, Vec<usize>), LoadError> {
    load_noting_comments_from(path, Streams::PipesRead)
}

/// [`load_noting_comments`], with what may be read besides a regular file.
fn load_noting_comments_from(
    path: &Path,
    streams: Streams,
) -> Result<(Project, Vec<usize>), LoadError> {
    let (text, name) = read_text(path, streams)?;
    let text = strip_bom(&text);
    Ok((parse(text, &name)?, comment_lines(text)))
}

fn strip_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// The text of the file at `path` and the name its problems are reported under.
fn read_text(path: &Path, streams: Streams) -> Result<(String, String), LoadError> {
    let name = path.display().to_string();
    let bytes = read_limited_from(path, MAX_FILE_BYTES, streams).map_err(|message| LoadError {
        problems: vec![Problem {
            file: name.clone(),
            location: Location::File,
            message,
        }],
    })?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let before = std::str::from_utf8(&e.as_bytes()[..valid]).unwrap_or_default();
        let (line, col) = locate::line_cols(before, &[valid])[0];
        LoadError {
            problems: vec![Problem {
                file: name.clone(),
                location: Location::Text {
                    line,
                    col,
                    path: String::new(),
                },
                message: "the file is not UTF-8 text (save it as UTF-8)".into(),
            }],
        }
    })?;
    Ok((text, name))
}

/// The bytes of the regular file at `path`, at most `limit` of them: a folder, a pipe, a
/// device or a larger file is refused (with the reason, in a person's words) before anything
/// is read, and no more than `limit + 1` bytes are ever read, whatever the file claims.
pub fn read_limited(path: &Path, limit: u64) -> Result<Vec<u8>, String> {
    read_limited_from(path, limit, Streams::Refused)
}

/// Whether a named pipe is read as well as a regular file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Streams {
    /// Only regular files: what `check` and the other commands read, so that a pipe with no
    /// writer never leaves them waiting.
    Refused,
    /// A named pipe too, up to the limit: the window reads a file on another thread, behind a
    /// modal, so a pipe still being written keeps nobody waiting.
    PipesRead,
}

fn is_pipe(meta: &std::fs::Metadata) -> bool {
    #[cfg(unix)]
    {
        std::os::unix::fs::FileTypeExt::is_fifo(&meta.file_type())
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        false
    }
}

fn read_limited_from(path: &Path, limit: u64, streams: Streams) -> Result<Vec<u8>, String> {
    use std::io::Read;
    let meta = std::fs::metadata(path).map_err(|e| format!("cannot open: {}", io_reason(&e)))?;
    if meta.is_dir() {
        return Err("is a folder, not a file".into());
    }
    let pipe_read = streams == Streams::PipesRead && is_pipe(&meta);
    if !meta.is_file() && !pipe_read {
        return Err(
            "is not a regular file (a pipe, a device or a socket), so it is not read".into(),
        );
    }
    let too_big = |size: String| {
        format!(
            "is {size}, larger than the {} this app reads",
            limits::bytes_phrase(limit)
        )
    };
    if meta.len() > limit {
        return Err(too_big(limits::bytes_phrase(meta.len())));
    }
    let file = std::fs::File::open(path).map_err(|e| format!("cannot open: {}", io_reason(&e)))?;
    let mut bytes = Vec::with_capacity(meta.len().min(limit) as usize + 1);
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read: {}", io_reason(&e)))?;
    if bytes.len() as u64 > limit {
        return Err(too_big("growing while it is read".into()));
    }
    Ok(bytes)
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

    #[test]
    fn only_regular_files_are_read_and_never_past_the_limit() {
        let zero = read_limited(Path::new("/dev/zero"), 1024).unwrap_err();
        assert!(zero.contains("not a regular file"), "{zero}");

        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe.ron");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if made.is_ok_and(|s| s.success()) {
            // No writer: opening it would wait for ever; it is refused before it is opened.
            let err = load(&fifo).unwrap_err().to_string();
            assert!(err.contains("not a regular file"), "{err}");
        }

        let big = dir.path().join("big.ron");
        std::fs::write(&big, vec![b' '; 2048]).unwrap();
        let err = read_limited(&big, 1024).unwrap_err();
        assert_eq!(
            err,
            "is 2048 bytes, larger than the 1024 bytes this app reads"
        );
        assert_eq!(read_limited(&big, 2048).unwrap().len(), 2048);
    }
}
