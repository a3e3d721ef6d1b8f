//! Saving project files, so that no failure loses work.
//!
//! A save writes the new text to a temporary file beside the project (`.FILE.saving-PID`),
//! flushes it to disk, keeps the previous version as a second temporary file, renames the
//! new file over the project and only then renames the previous version to `FILE.bak`. Only
//! files the save creates itself are ever written, so nothing can reach the live file
//! through a hard link, and a failure at any step leaves the file and its backup as they
//! were. While it works, the save holds an advisory lock (`.FILE.lock`), so two saves of one
//! file (two windows, the app and the command line) take turns, and under that lock it
//! checks that the file is still what was read and removes temporary files that saves
//! killed part-way left behind.

use super::fingerprint::{Check, DiskState, Fingerprint};
use super::lock::{self, LockError, ProjectLock};
use super::to_text;
use crate::model::Project;
use std::fmt;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Why a save failed. The file and its backup are as they were when this is returned.
#[derive(Debug)]
pub struct SaveError {
    /// The file the message is about (the project, or its backup when that is in the way).
    pub path: PathBuf,
    pub reason: String,
    pub kind: SaveErrorKind,
}

/// What kind of failure, for callers that offer a way out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveErrorKind {
    /// The file is marked read-only: save it under another name.
    ReadOnly,
    /// Another program was saving the same file and did not finish in time.
    Busy,
    /// The file on disk is no longer what was read (or is gone): overwriting it would lose
    /// someone else's change.
    ChangedOnDisk,
    /// Anything else (disk full, no permission, no such folder, ...).
    Io,
}

impl fmt::Display for SaveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "could not save {}: {}", self.path.display(), self.reason)
    }
}

impl std::error::Error for SaveError {}

/// What the file must be for a save to replace it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Expect<'a> {
    /// Whatever is there (a new file, a file the user chose to replace, or an overwrite
    /// the user confirmed).
    #[default]
    Anything,
    /// Still what was read: a change on disk since then refuses the save.
    Unchanged(&'a Fingerprint),
}

/// How to save.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SaveOptions<'a> {
    pub expect: Expect<'a>,
    /// Keep the previous version as `FILE.bak`.
    pub backup: bool,
    /// Keep the previous version by a hard link where the disk allows (no copying); false
    /// always copies it, as on disks without hard links.
    pub hard_links: bool,
}

impl Default for SaveOptions<'_> {
    fn default() -> Self {
        SaveOptions {
            expect: Expect::Anything,
            backup: true,
            hard_links: true,
        }
    }
}

impl<'a> SaveOptions<'a> {
    /// Refuse the save if the file is no longer what `read` describes.
    pub fn expecting(read: &'a Fingerprint) -> Self {
        SaveOptions {
            expect: Expect::Unchanged(read),
            ..Default::default()
        }
    }
}

/// A save that worked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Saved {
    /// The file as written, to notice later changes by others.
    pub fingerprint: Fingerprint,
    /// Something the user should know although the file is saved (the previous version
    /// could not become the backup).
    pub warning: Option<String>,
}

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

/// Save atomically, keeping the previous version as `FILE.bak`, whatever is on disk.
pub fn save(project: &Project, path: &Path) -> Result<(), SaveError> {
    write_atomic(path, to_text(project).as_bytes())
}

/// Save with `options` (e.g. refusing if the file changed since it was read).
pub fn save_with(
    project: &Project,
    path: &Path,
    options: &SaveOptions,
) -> Result<Saved, SaveError> {
    write_with(path, to_text(project).as_bytes(), options)
}

/// The atomic write that [`save`] uses, for any bytes.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    write_with(path, bytes, &SaveOptions::default()).map(|_| ())
}

/// Written as [`write_atomic`] but keeping no `.bak`: for pictures and exports, which are
/// made again from the project at will (backups are for project files).
pub fn write_atomic_no_backup(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    let options = SaveOptions {
        backup: false,
        ..Default::default()
    };
    write_with(path, bytes, &options).map(|_| ())
}

/// Write `bytes` to `path` atomically, as the module describes.
pub fn write_with(path: &Path, bytes: &[u8], options: &SaveOptions) -> Result<Saved, SaveError> {
    let fail = |kind, reason: String| SaveError {
        path: path.to_path_buf(),
        reason,
        kind,
    };
    // Saving through a symbolic link writes the file it points to, and leaves the link.
    let resolved;
    let path = if std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
        resolved =
            std::fs::canonicalize(path).map_err(|e| fail(SaveErrorKind::Io, io_reason(&e)))?;
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
        .ok_or_else(|| fail(SaveErrorKind::Io, "the path has no file name".into()))?
        .to_string_lossy()
        .into_owned();
    let _lock = ProjectLock::acquire(&dir, &name, lock::LOCK_WAIT).map_err(|e| match e {
        LockError::Busy(lock) => fail(
            SaveErrorKind::Busy,
            format!(
                "another program is saving this file right now (it holds {}); nothing was \
                 written, try again in a moment",
                lock.display()
            ),
        ),
        LockError::Io(e) => fail(SaveErrorKind::Io, io_reason(&e)),
    })?;
    lock::remove_stale_temps(&dir, &name);
    check_target(path, options)?;
    let pid = std::process::id();
    let tmp = lock::temp_path(&dir, &name, pid);
    let bak_tmp = lock::backup_temp_path(&dir, &name, pid);
    let clean = || {
        let _ = std::fs::remove_file(&tmp);
        let _ = std::fs::remove_file(&bak_tmp);
    };
    let steps = || -> Result<Fingerprint, SaveError> {
        write_new(&tmp, path, bytes).map_err(|e| fail(SaveErrorKind::Io, io_reason(&e)))?;
        let previous = std::fs::symlink_metadata(path).is_ok();
        if options.backup && previous {
            keep_previous(path, &bak_tmp, options.hard_links).map_err(|e| {
                fail(
                    SaveErrorKind::Io,
                    format!(
                        "the previous version could not be kept as {}: {}",
                        backup_path(path).display(),
                        io_reason(&e)
                    ),
                )
            })?;
        }
        std::fs::rename(&tmp, path).map_err(|e| fail(SaveErrorKind::Io, io_reason(&e)))?;
        let meta = std::fs::metadata(path).map_err(|e| fail(SaveErrorKind::Io, io_reason(&e)))?;
        Ok(Fingerprint::of(bytes, &meta))
    };
    let fingerprint = steps().inspect_err(|_| clean())?;
    // The new file is in place: only now does the previous version become the backup.
    let mut warning = None;
    if bak_tmp.exists()
        && let Err(e) = std::fs::rename(&bak_tmp, backup_path(path))
    {
        let _ = std::fs::remove_file(&bak_tmp);
        warning = Some(format!(
            "saved, but the previous version could not be kept as {}: {}",
            backup_path(path).display(),
            io_reason(&e)
        ));
    }
    if let Ok(d) = std::fs::File::open(&dir) {
        let _ = d.sync_all();
    }
    Ok(Saved {
        fingerprint,
        warning,
    })
}

/// Why the existing file at `path` cannot be saved in place, or None where a save could
/// work (as far as can be told without writing).
pub fn why_read_only(path: &Path) -> Option<String> {
    let meta = std::fs::metadata(path).ok()?;
    if !meta.is_file() {
        return Some("it is not an ordinary file (a pipe or a device)".into());
    }
    if meta.permissions().readonly() {
        return Some("the file is marked read-only".into());
    }
    // Opening for writing changes nothing, and fails on a read-only disk or share, or a file
    // another program holds.
    if let Err(e) = std::fs::File::options().write(true).open(path) {
        return Some(match e.kind() {
            io::ErrorKind::ReadOnlyFilesystem => "the disk or share it is on is read-only".into(),
            io::ErrorKind::PermissionDenied => {
                "you do not have permission to change it (or another program holds it)".into()
            }
            _ => format!("it cannot be written ({e})"),
        });
    }
    // A save makes new files beside it.
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = path.file_name()?.to_string_lossy();
    match ProjectLock::acquire(dir, &name, std::time::Duration::ZERO) {
        Ok(_) | Err(LockError::Busy(_)) => None,
        Err(LockError::Io(e)) => Some(format!(
            "its folder does not allow new files, which saving needs ({})",
            io_reason(&e)
        )),
    }
}

/// Refuse to replace what must not be replaced: a folder, a read-only file, a file changed
/// since it was read; and a backup name taken by a folder. Called under the lock.
fn check_target(path: &Path, options: &SaveOptions) -> Result<(), SaveError> {
    let fail = |at: &Path, kind, reason: String| SaveError {
        path: at.to_path_buf(),
        reason,
        kind,
    };
    match std::fs::metadata(path) {
        Ok(m) if m.is_dir() => {
            return Err(fail(
                path,
                SaveErrorKind::Io,
                "it is a folder, not a file".into(),
            ));
        }
        Ok(m) if m.permissions().readonly() => {
            return Err(fail(
                path,
                SaveErrorKind::ReadOnly,
                "the file is marked read-only; nothing was written (save it under another \
                 name, or clear the read-only mark first)"
                    .into(),
            ));
        }
        _ => {}
    }
    if let Expect::Unchanged(read) = options.expect {
        let state = read
            .compare(path, Check::Thorough)
            .map_err(|e| fail(path, SaveErrorKind::Io, io_reason(&e)))?;
        let why = match state {
            DiskState::Same => None,
            DiskState::Changed => Some("the file was changed by another program since it was read"),
            DiskState::Missing => Some("the file was moved or deleted since it was read"),
        };
        if let Some(why) = why {
            return Err(fail(
                path,
                SaveErrorKind::ChangedOnDisk,
                format!("{why}; nothing was written, so that change is not lost"),
            ));
        }
    }
    let bak = backup_path(path);
    if options.backup
        && let Ok(m) = std::fs::symlink_metadata(&bak)
        && m.is_dir()
    {
        return Err(fail(
            path,
            SaveErrorKind::Io,
            format!(
                "the previous version is kept as {}, and that name is taken by a folder (a \
                 directory); move or rename that folder first",
                bak.display()
            ),
        ));
    }
    Ok(())
}

/// Write `bytes` to the new file `tmp` (never an existing one) with `path`'s permissions, and
/// flush it to disk.
fn write_new(tmp: &Path, path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut f = std::fs::File::options()
        .write(true)
        .create_new(true)
        .open(tmp)?;
    // The new file keeps the old one's permissions (a file shared with a group stays so).
    if let Ok(old) = std::fs::metadata(path) {
        let _ = f.set_permissions(old.permissions());
    }
    f.write_all(bytes)?;
    f.sync_all()
}

/// Keep the file at `path` as the new file `bak_tmp`: a hard link where allowed, else a
/// copy into a file made for it.
fn keep_previous(path: &Path, bak_tmp: &Path, hard_links: bool) -> io::Result<()> {
    if hard_links && std::fs::hard_link(path, bak_tmp).is_ok() {
        return Ok(());
    }
    let mut from = std::fs::File::open(path)?;
    let mut to = std::fs::File::options()
        .write(true)
        .create_new(true)
        .open(bak_tmp)?;
    io::copy(&mut from, &mut to)?;
    if let Ok(m) = from.metadata() {
        let _ = to.set_permissions(m.permissions());
    }
    to.sync_all()
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
    use crate::file::load;

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

    fn project(title: &str) -> Project {
        let mut p = Project::default();
        p.programme.title = title.into();
        p
    }

    /// Every file in `dir` but the ones named.
    fn others(dir: &Path, known: &[&str]) -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| !known.contains(&n.as_str()))
            .collect();
        v.sort();
        v
    }

    #[test]
    fn without_hard_links_the_backup_is_a_copy_of_its_own() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.ron");
        let copy = SaveOptions {
            hard_links: false,
            ..Default::default()
        };
        for title in ["One", "Two", "Three"] {
            save_with(&project(title), &path, &copy).unwrap();
        }
        assert_eq!(load(&path).unwrap().programme.title, "Three");
        assert_eq!(load(&backup_path(&path)).unwrap().programme.title, "Two");
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            let a = std::fs::metadata(&path).unwrap();
            let b = std::fs::metadata(backup_path(&path)).unwrap();
            assert_ne!(a.ino(), b.ino());
            assert_eq!(a.nlink(), 1);
            assert_eq!(b.nlink(), 1);
        }
        assert!(others(dir.path(), &["p.ron", "p.ron.bak"]).is_empty());
    }

    #[test]
    fn a_read_only_file_is_refused_and_left_with_its_backup() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.ron");
        save(&project("One"), &path).unwrap();
        save(&project("Two"), &path).unwrap();
        let mut perms = std::fs::metadata(&path).unwrap().permissions();
        perms.set_readonly(true);
        std::fs::set_permissions(&path, perms).unwrap();
        let before = std::fs::read(&path).unwrap();
        let bak = std::fs::read(backup_path(&path)).unwrap();

        let err = save_with(&project("Three"), &path, &SaveOptions::default()).unwrap_err();
        assert_eq!(err.kind, SaveErrorKind::ReadOnly);
        assert_eq!(err.path, path);
        assert!(err.to_string().contains("marked read-only"), "{err}");
        assert_eq!(std::fs::read(&path).unwrap(), before);
        assert_eq!(std::fs::read(backup_path(&path)).unwrap(), bak);
        assert!(others(dir.path(), &["p.ron", "p.ron.bak"]).is_empty());
    }

    #[test]
    fn a_change_on_disk_since_reading_refuses_the_save() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.ron");
        let read = save_with(&project("One"), &path, &SaveOptions::default())
            .unwrap()
            .fingerprint;
        assert_eq!(read, Fingerprint::read(&path).unwrap());
        // Someone else saves, with the same length of text.
        save(&project("Eno"), &path).unwrap();
        let theirs = std::fs::read(&path).unwrap();
        let err = save_with(&project("Mine"), &path, &SaveOptions::expecting(&read)).unwrap_err();
        assert_eq!(err.kind, SaveErrorKind::ChangedOnDisk);
        assert!(
            err.to_string().contains("changed by another program"),
            "{err}"
        );
        assert_eq!(std::fs::read(&path).unwrap(), theirs);

        // Overwriting knowingly works; a deleted file is noticed too.
        let mine = save_with(&project("Mine"), &path, &SaveOptions::default())
            .unwrap()
            .fingerprint;
        save_with(&project("Mine 2"), &path, &SaveOptions::expecting(&mine)).unwrap();
        let now = Fingerprint::read(&path).unwrap();
        std::fs::remove_file(&path).unwrap();
        let err = save_with(&project("Mine 3"), &path, &SaveOptions::expecting(&now)).unwrap_err();
        assert!(err.to_string().contains("moved or deleted"), "{err}");
        assert!(!path.exists());
    }

    #[test]
    fn a_backup_name_taken_by_a_folder_is_named_and_nothing_changes() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("d.ron");
        save(&project("One"), &path).unwrap();
        std::fs::remove_file(backup_path(&path)).ok();
        std::fs::create_dir(backup_path(&path)).unwrap();
        let before = std::fs::read(&path).unwrap();
        let err = save(&project("Two"), &path).unwrap_err();
        let msg = err.to_string();
        assert!(
            msg.starts_with(&format!("could not save {}: ", path.display())),
            "{msg}"
        );
        assert!(
            msg.contains(&format!("kept as {}", backup_path(&path).display())),
            "{msg}"
        );
        assert!(msg.contains("folder"), "{msg}");
        assert_eq!(std::fs::read(&path).unwrap(), before);
        // A folder in the project's own place is named as such.
        let err = save(&project("Two"), dir.path()).unwrap_err();
        assert!(err.to_string().contains("is a folder"), "{err}");
    }

    #[test]
    fn a_save_removes_what_killed_saves_left_behind() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.ron");
        save(&project("One"), &path).unwrap();
        let dead = 4_194_305;
        std::fs::write(dir.path().join(format!(".p.ron.saving-{dead}")), "half").unwrap();
        std::fs::write(dir.path().join(format!(".p.ron.bak.saving-{dead}")), "old").unwrap();
        std::fs::write(dir.path().join(".p.ron.lock"), "").unwrap();
        save(&project("Two"), &path).unwrap();
        assert!(others(dir.path(), &["p.ron", "p.ron.bak"]).is_empty());
        assert_eq!(load(&path).unwrap().programme.title, "Two");
    }
}
