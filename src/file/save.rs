//! Saving project files: atomic writes that keep the previous version as `.bak`.

use super::to_text;
use crate::model::Project;
use std::fmt;
use std::io::Write;
use std::path::{Path, PathBuf};

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
    write_atomic_keeping(path, bytes, true)
}

/// Written as [`write_atomic`] but keeping no `.bak`: for pictures and exports, which are
/// made again from the project at will (backups are for project files).
pub fn write_atomic_no_backup(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    write_atomic_keeping(path, bytes, false)
}

fn write_atomic_keeping(path: &Path, bytes: &[u8], backup: bool) -> Result<(), SaveError> {
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
        if backup && path.exists() {
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
}
