//! The advisory lock a save holds on a project (`.FILE.lock` beside it), and the clean-up
//! of temporary files that saves killed part-way left behind.

use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// How long a save waits for another one of the same file to finish before giving up.
pub const LOCK_WAIT: Duration = Duration::from_secs(3);

/// Held while a file is being saved; other saves of the same file wait for it, then give up
/// with a message. Released (and its file removed) when dropped.
#[derive(Debug)]
pub struct ProjectLock {
    file: File,
    path: PathBuf,
}

/// Why a lock could not be taken.
#[derive(Debug)]
pub enum LockError {
    /// Another process held it for all of [`LOCK_WAIT`].
    Busy(PathBuf),
    Io(io::Error),
}

/// `.NAME.lock` in `dir`.
pub fn lock_path(dir: &Path, name: &str) -> PathBuf {
    dir.join(format!(".{name}.lock"))
}

/// The temporary file a save by process `pid` writes before renaming it into place.
pub fn temp_path(dir: &Path, name: &str, pid: u32) -> PathBuf {
    dir.join(format!(".{name}.saving-{pid}"))
}

/// The temporary file the previous version is kept in until it becomes `NAME.bak`.
pub fn backup_temp_path(dir: &Path, name: &str, pid: u32) -> PathBuf {
    dir.join(format!(".{name}.bak.saving-{pid}"))
}

impl ProjectLock {
    /// Lock the project `name` in `dir`, waiting up to `wait` for another save to finish.
    pub fn acquire(dir: &Path, name: &str, wait: Duration) -> Result<Self, LockError> {
        let path = lock_path(dir, name);
        let started = Instant::now();
        loop {
            let file = File::options()
                .read(true)
                .write(true)
                .create(true)
                .truncate(false)
                .open(&path)
                .map_err(LockError::Io)?;
            match file.try_lock() {
                Ok(()) => {
                    // The holder before us removes the lock file as it lets go; a lock on a
                    // file that is no longer at `path` protects nothing, so start again.
                    if same_file(&file, &path) {
                        return Ok(ProjectLock { file, path });
                    }
                }
                Err(std::fs::TryLockError::WouldBlock) => {
                    if started.elapsed() >= wait {
                        return Err(LockError::Busy(path));
                    }
                    std::thread::sleep(Duration::from_millis(20));
                }
                Err(std::fs::TryLockError::Error(e)) => return Err(LockError::Io(e)),
            }
        }
    }
}

impl Drop for ProjectLock {
    fn drop(&mut self) {
        // Removed while still held, so nobody can lock it in between and then find it gone.
        let _ = std::fs::remove_file(&self.path);
        let _ = self.file.unlock();
    }
}

#[cfg(unix)]
fn same_file(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), std::fs::metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_file(_file: &File, path: &Path) -> bool {
    // Windows does not let a file that is open be replaced by another of the same name.
    path.exists()
}

/// Is process `pid` still running? Where this cannot be told, a process is taken to be
/// alive, and its files are left alone.
fn process_alive(pid: u32) -> bool {
    if pid == std::process::id() {
        return true;
    }
    if cfg!(target_os = "linux") {
        Path::new("/proc").join(pid.to_string()).exists()
    } else {
        true
    }
}

/// Remove the temporary files of saves of `name` in `dir` that can no longer finish: those
/// of processes that have ended, and this process's own (a save of this file by this
/// process cannot be under way while the caller holds its lock). Returns how many went.
/// Only call this while holding the project's [`ProjectLock`].
pub fn remove_stale_temps(dir: &Path, name: &str) -> usize {
    let prefixes = [format!(".{name}.saving-"), format!(".{name}.bak.saving-")];
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    let mut removed = 0;
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some(file_name) = file_name.to_str() else {
            continue;
        };
        let pid = prefixes
            .iter()
            .find_map(|p| file_name.strip_prefix(p.as_str()))
            .and_then(|rest| rest.parse::<u32>().ok());
        let Some(pid) = pid else {
            continue;
        };
        let stale = pid == std::process::id() || !process_alive(pid);
        let is_file = entry.file_type().is_ok_and(|t| t.is_file());
        if stale && is_file && std::fs::remove_file(entry.path()).is_ok() {
            removed += 1;
        }
    }
    removed
}

/// Tidy the folder of the project at `path` if no save of it is under way: remove the
/// temporary files that killed saves left (see [`remove_stale_temps`]). Never waits.
pub fn tidy(path: &Path) -> usize {
    let (Some(dir), Some(name)) = (path.parent(), path.file_name()) else {
        return 0;
    };
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let name = name.to_string_lossy();
    // Only where a lock file could be made (not in a read-only folder, where there is
    // nothing a save could have left).
    match ProjectLock::acquire(dir, &name, Duration::ZERO) {
        Ok(_lock) => remove_stale_temps(dir, &name),
        Err(_) => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_waits_then_gives_up_and_the_lock_file_goes_with_the_lock() {
        let dir = tempfile::tempdir().unwrap();
        let first = ProjectLock::acquire(dir.path(), "p.ron", LOCK_WAIT).unwrap();
        let started = Instant::now();
        let second = ProjectLock::acquire(dir.path(), "p.ron", Duration::from_millis(100));
        assert!(matches!(second, Err(LockError::Busy(_))), "{second:?}");
        assert!(started.elapsed() >= Duration::from_millis(100));
        // Another file in the same folder is not held up.
        drop(ProjectLock::acquire(dir.path(), "q.ron", Duration::ZERO).unwrap());
        drop(first);
        assert!(!lock_path(dir.path(), "p.ron").exists());
        drop(ProjectLock::acquire(dir.path(), "p.ron", Duration::ZERO).unwrap());
    }

    #[test]
    fn threads_taking_turns_never_hold_the_lock_together() {
        use std::sync::atomic::{AtomicUsize, Ordering};
        let dir = tempfile::tempdir().unwrap();
        let holders = AtomicUsize::new(0);
        std::thread::scope(|s| {
            for _ in 0..4 {
                s.spawn(|| {
                    for _ in 0..25 {
                        let lock = ProjectLock::acquire(dir.path(), "p.ron", LOCK_WAIT).unwrap();
                        assert_eq!(holders.fetch_add(1, Ordering::SeqCst), 0);
                        std::thread::yield_now();
                        holders.fetch_sub(1, Ordering::SeqCst);
                        drop(lock);
                    }
                });
            }
        });
    }

    #[test]
    fn stale_temporary_files_are_removed_and_live_ones_kept() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        // A process id that is not running (above the kernel's largest).
        let dead = 4_194_305;
        let alive = std::process::id();
        let keep = [
            d.join("p.ron"),
            d.join(".q.ron.saving-1"),
            d.join(".p.ron.saving-notapid"),
            d.join("p.ron.saving-1"),
        ];
        for k in &keep {
            std::fs::write(k, "x").unwrap();
        }
        for pid in [dead, alive] {
            std::fs::write(temp_path(d, "p.ron", pid), "x").unwrap();
            std::fs::write(backup_temp_path(d, "p.ron", pid), "x").unwrap();
        }
        assert_eq!(tidy(&d.join("p.ron")), 4);
        for k in &keep {
            assert!(k.exists(), "{}", k.display());
        }
        assert!(!temp_path(d, "p.ron", dead).exists());
        assert!(!lock_path(d, "p.ron").exists());
    }
}
