//! Reading and writing project files: RON text, every problem explained, atomic saves.

mod comments;
mod lexer;
pub mod limits;
mod locate;
mod messages;
mod read;
mod split;

pub use comments::comment_lines;
pub use limits::MAX_FILE_BYTES;
pub use read::TOP_LISTS;

use crate::model::{FORMAT_VERSION, Project};
use crate::validate;
use ron::extensions::Extensions;
use std::fmt;
use std::io::Write;
use std::path::{Path, PathBuf};

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
            location: Location::Item(issue.path),
            message: issue.message,
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
    let bytes = read_limited(path, MAX_FILE_BYTES).map_err(|message| LoadError {
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
    use std::io::Read;
    let meta = std::fs::metadata(path).map_err(|e| format!("cannot open: {}", io_reason(&e)))?;
    if meta.is_dir() {
        return Err("is a folder, not a file".into());
    }
    if !meta.is_file() {
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
    let mut bytes = Vec::with_capacity(meta.len() as usize + 1);
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

/// Why a save failed. The original file is untouched when this is returned.
#[derive(Debug)]
pub struct SaveError {
    pub path: PathBuf,
    pub reason: String,
}

impl fmt::Display for SaveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "could not save {}: {}", self.path.display(), self.reason)
    }
}

impl std::error::Error for SaveError {}

/// A person's explanation of an I/O error.
pub fn io_reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    let why = match e.kind() {
        K::NotFound => "the file or folder does not exist",
        K::PermissionDenied => {
            "permission denied (the file or folder is read-only, or locked by another program)"
        }
        K::StorageFull => "the disk is full",
        K::ReadOnlyFilesystem => "the disk is read-only",
        K::QuotaExceeded => "the disk quota is exceeded",
        K::NotADirectory => "part of the path is a file, not a folder",
        K::IsADirectory => "the path is a folder, not a file",
        _ => "",
    };
    if why.is_empty() {
        e.to_string()
    } else {
        format!("{why} ({e})")
    }
}

/// Save atomically: write a temporary file beside `path`, flush it to disk, keep the
/// old file as `path.bak`, then rename the new one over `path`.
pub fn save(project: &Project, path: &Path) -> Result<(), SaveError> {
    write_atomic(path, to_text(project).as_bytes())
}

/// The atomic write that [`save`] uses, for any bytes.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    let fail = |reason: String| SaveError {
        path: path.to_path_buf(),
        reason,
    };
    // Saving through a symbolic link writes the file it points to, and leaves the link.
    let resolved;
    let path = if std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
        resolved = std::fs::canonicalize(path).map_err(|e| fail(io_reason(&e)))?;
        resolved.as_path()
    } else {
        path
    };
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .ok_or_else(|| fail("the path has no file name".into()))?;
    let tmp = dir.join(format!(
        ".{}.saving-{}",
        name.to_string_lossy(),
        std::process::id()
    ));
    let result = (|| -> std::io::Result<()> {
        let mut f = std::fs::File::create(&tmp)?;
        // The new file keeps the old one's permissions (a file shared read-only with a group
        // stays so).
        if let Ok(old) = std::fs::metadata(path) {
            let _ = f.set_permissions(old.permissions());
        }
        f.write_all(bytes)?;
        f.sync_all()?;
        drop(f);
        if path.exists() {
            // The previous version becomes FILE.bak: a hard link where the disk allows
            // (no copying), else a copy.
            let bak = backup_path(path);
            let _ = std::fs::remove_file(&bak);
            if std::fs::hard_link(path, &bak).is_err() {
                std::fs::copy(path, &bak)?;
            }
        }
        std::fs::rename(&tmp, path)?;
        if let Ok(d) = std::fs::File::open(&dir) {
            let _ = d.sync_all();
        }
        Ok(())
    })();
    result.map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        fail(io_reason(&e))
    })
}

/// Where the previous version is kept: `FILE.bak`.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(".bak");
    PathBuf::from(s)
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
    fn save_keeps_backup_and_failed_save_leaves_original() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.ron");
        let mut p = Project::default();
        save(&p, &path).unwrap();
        let first = std::fs::read_to_string(&path).unwrap();
        p.programme.title = "Second".into();
        save(&p, &path).unwrap();
        assert_eq!(std::fs::read_to_string(backup_path(&path)).unwrap(), first);
        assert!(load(&path).unwrap().programme.title == "Second");

        let missing = dir.path().join("no-such-folder").join("p.ron");
        let err = save(&p, &missing).unwrap_err();
        assert!(err.to_string().contains("does not exist"), "{err}");
        assert!(
            std::fs::read_dir(dir.path()).unwrap().all(|e| !e
                .unwrap()
                .file_name()
                .to_string_lossy()
                .contains("saving"))
        );
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
