//! Recovery files: unsaved edits written aside (in the app's data folder), so that a crash,
//! a power cut or a kill loses at most the last minute of work, and never touches the
//! project file itself.
//!
//! One recovery file per project (keyed by its path) or per untitled document, written
//! atomically over the previous one. Each holds the project path, when it was written, by
//! which process, the fingerprint of the file the edits started from, and the whole project
//! as it was in the window. [`RecoveryStore::list`] finds them at the next start;
//! [`differences`] says what they change compared with the file on disk.

mod differences;

pub use differences::differences;

use crate::file::{self, Fingerprint, SaveOptions};
use crate::model::Project;
use chrono::{DateTime, Local};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// The ending of recovery files' names.
const SUFFIX: &str = ".recovery.ron";

/// Recovery files larger than this are not read back (a project file may be 1 GB; its
/// recovery is the same size, so this is that limit).
const MAX_RECOVERY_BYTES: u64 = file::MAX_FILE_BYTES;

/// Which recovery file a document's edits go to: one per project path and process (two
/// windows on one file never write over each other's), or one per untitled document.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct RecoveryKey(String);

impl RecoveryKey {
    /// The key of the project at `path` in this process (the same however the path is
    /// spelled).
    pub fn for_path(path: &Path) -> Self {
        let canonical = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        let text = canonical.to_string_lossy();
        let stem: String = canonical
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default()
            .chars()
            .map(|c| {
                if c.is_alphanumeric() || c == '-' {
                    c
                } else {
                    '_'
                }
            })
            .take(40)
            .collect();
        RecoveryKey(format!(
            "{stem}-{:08x}-{}",
            crc32fast::hash(text.as_bytes()),
            std::process::id()
        ))
    }

    /// A key for a document that has no file yet, unique to this process and moment.
    pub fn untitled() -> Self {
        use std::sync::atomic::{AtomicU32, Ordering};
        static N: AtomicU32 = AtomicU32::new(0);
        RecoveryKey(format!(
            "untitled-{}-{}-{}",
            std::process::id(),
            Local::now().format("%Y%m%d%H%M%S"),
            N.fetch_add(1, Ordering::Relaxed)
        ))
    }

    /// A key for edits set aside (the user reloaded the file from disk over them): kept apart
    /// from the document's own recovery, and offered when the app next starts.
    pub fn set_aside(path: Option<&Path>) -> Self {
        let RecoveryKey(base) = match path {
            Some(p) => Self::for_path(p),
            None => Self::untitled(),
        };
        RecoveryKey(format!(
            "{base}-set-aside-{}",
            Local::now().format("%H%M%S%3f")
        ))
    }
}

/// What a recovery file says about itself.
#[derive(Debug, Clone, PartialEq)]
pub struct RecoveryInfo {
    /// The recovery file.
    pub file: PathBuf,
    /// The project file the edits belong to (None for an untitled project).
    pub project_path: Option<PathBuf>,
    pub written: DateTime<Local>,
    /// The process that wrote it (a recovery of a process still running is its own
    /// business, not something to offer).
    pub pid: u32,
    /// The project file as it was when the edits began.
    pub base: Option<Fingerprint>,
}

/// A recovery file read back.
#[derive(Debug, Clone, PartialEq)]
pub struct Recovered {
    pub info: RecoveryInfo,
    pub project: Project,
}

/// The file's layout: the project exactly as in a project file's text, or (to list
/// recoveries without building their projects) read past as `IgnoredAny`.
#[derive(Serialize, Deserialize)]
struct Record<P> {
    format: u32,
    project_path: Option<PathBuf>,
    written: DateTime<Local>,
    pid: u32,
    base_len: Option<u64>,
    base_crc: Option<u32>,
    project: P,
}

impl<P> Record<P> {
    /// What the record says about itself, read from `file`.
    fn info(&self, file: &Path) -> RecoveryInfo {
        let base = match (self.base_len, self.base_crc) {
            (Some(len), Some(crc)) => Some(Fingerprint {
                len,
                modified: None,
                crc,
            }),
            _ => None,
        };
        RecoveryInfo {
            file: file.to_path_buf(),
            project_path: self.project_path.clone(),
            written: self.written,
            pid: self.pid,
            base,
        }
    }
}

/// Read the record in `file`.
fn read_record<P: serde::de::DeserializeOwned>(file: &Path) -> Result<Record<P>, String> {
    let text = read_limited(file)?;
    ron_options()
        .from_str(&text)
        .map_err(|e| format!("{}: {e}", file.display()))
}

fn ron_options() -> ron::Options {
    ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
}

/// The folder recovery files live in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecoveryStore {
    dir: PathBuf,
}

impl RecoveryStore {
    /// Recovery files in `dir` (created when first written).
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        RecoveryStore { dir: dir.into() }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The recovery file for `key`.
    pub fn path_of(&self, key: &RecoveryKey) -> PathBuf {
        self.dir.join(format!("{}{SUFFIX}", key.0))
    }

    /// Write the edits of the document `key` (its file `project_path`, which was `base`
    /// when the edits began) over its previous recovery, atomically.
    pub fn write(
        &self,
        key: &RecoveryKey,
        project_path: Option<&Path>,
        base: Option<&Fingerprint>,
        project: &Project,
    ) -> Result<PathBuf, String> {
        std::fs::create_dir_all(&self.dir)
            .map_err(|e| format!("{}: {}", self.dir.display(), file::io_reason(&e)))?;
        let record = Record {
            format: 1,
            project_path: project_path
                .map(|p| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf())),
            written: Local::now(),
            pid: std::process::id(),
            base_len: base.map(|b| b.len),
            base_crc: base.map(|b| b.crc),
            project,
        };
        let pretty = ron::ser::PrettyConfig::new()
            .indentor("  ")
            .struct_names(false)
            .extensions(ron::extensions::Extensions::IMPLICIT_SOME)
            .escape_strings(false);
        let text = ron_options()
            .to_string_pretty(&record, pretty)
            .map_err(|e| e.to_string())?;
        let path = self.path_of(key);
        let options = SaveOptions {
            backup: false,
            ..Default::default()
        };
        file::write_with(&path, text.as_bytes(), &options).map_err(|e| e.to_string())?;
        Ok(path)
    }

    /// Every recovery file in the folder that can be read, newest first.
    pub fn list(&self) -> Vec<RecoveryInfo> {
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return Vec::new();
        };
        let mut out: Vec<RecoveryInfo> = entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| {
                p.file_name()
                    .is_some_and(|n| n.to_string_lossy().ends_with(SUFFIX))
            })
            .filter_map(|p| {
                let r: Record<serde::de::IgnoredAny> = read_record(&p).ok()?;
                Some(r.info(&p))
            })
            .collect();
        out.sort_by_key(|r| std::cmp::Reverse(r.written));
        out
    }

    /// The recoveries left by processes that are no longer running: what to offer at start.
    pub fn left_behind(&self) -> Vec<RecoveryInfo> {
        let me = std::process::id();
        self.list()
            .into_iter()
            .filter(|r| r.pid != me && !process_running(r.pid))
            .collect()
    }

    /// Read a recovery file back whole.
    pub fn read(&self, file: &Path) -> Result<Recovered, String> {
        let r: Record<Project> = read_record(file)?;
        Ok(Recovered {
            info: r.info(file),
            project: r.project,
        })
    }

    /// Remove the recovery of `key` (after a save or a discard). No file is not an error.
    pub fn remove(&self, key: &RecoveryKey) -> Result<(), String> {
        remove_file(&self.path_of(key))
    }

    /// Remove one recovery file.
    pub fn remove_file(&self, file: &Path) -> Result<(), String> {
        remove_file(file)
    }
}

fn remove_file(path: &Path) -> Result<(), String> {
    match std::fs::remove_file(path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(format!("{}: {}", path.display(), file::io_reason(&e))),
    }
}

fn read_limited(path: &Path) -> Result<String, String> {
    let why = |e: std::io::Error| format!("{}: {}", path.display(), file::io_reason(&e));
    let meta = std::fs::metadata(path).map_err(why)?;
    if !meta.is_file() || meta.len() > MAX_RECOVERY_BYTES {
        return Err(format!("{}: not a recovery file", path.display()));
    }
    std::fs::read_to_string(path).map_err(why)
}

/// Is process `pid` running? Where this cannot be told, it is taken not to be (a recovery
/// is offered rather than hidden).
fn process_running(pid: u32) -> bool {
    cfg!(target_os = "linux") && Path::new("/proc").join(pid.to_string()).exists()
}

#[cfg(test)]
mod tests;
