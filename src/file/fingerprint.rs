//! What a file was when it was read, so that a change made on disk since (another copy of
//! the app, a sync client, `git pull`) is noticed instead of overwritten.

use super::LoadError;
use crate::model::Project;
use std::fs::Metadata;
use std::io::{self, Read};
use std::path::Path;
use std::time::SystemTime;

/// The size, modification time and checksum of a file's bytes as they were read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fingerprint {
    pub len: u64,
    pub modified: Option<SystemTime>,
    pub crc: u32,
}

/// How the file on disk compares with a [`Fingerprint`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DiskState {
    /// The same bytes (its time may have been touched).
    Same,
    /// Different bytes.
    Changed,
    /// No file there any more (deleted, moved or renamed).
    Missing,
}

/// How carefully to compare.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Check {
    /// Same size and time is taken as the same file; only a difference is confirmed by
    /// reading the bytes (for frequent checks, such as when the window regains focus).
    Quick,
    /// The bytes are always read and compared (before a save).
    Thorough,
}

impl Fingerprint {
    /// The fingerprint of `bytes`, which were read from a file with metadata `meta`.
    pub fn of(bytes: &[u8], meta: &Metadata) -> Self {
        Fingerprint {
            len: bytes.len() as u64,
            modified: meta.modified().ok(),
            crc: crc32fast::hash(bytes),
        }
    }

    /// Read the file at `path` now.
    pub fn read(path: &Path) -> io::Result<Self> {
        let mut f = std::fs::File::open(path)?;
        let meta = f.metadata()?;
        let (len, crc) = checksum(&mut f)?;
        Ok(Fingerprint {
            len,
            modified: meta.modified().ok(),
            crc,
        })
    }

    /// Does the file at `path` still hold what this fingerprint was taken of?
    pub fn compare(&self, path: &Path, check: Check) -> io::Result<DiskState> {
        let meta = match std::fs::metadata(path) {
            Ok(m) => m,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(DiskState::Missing),
            Err(e) => return Err(e),
        };
        if !meta.is_file() {
            return Ok(DiskState::Changed);
        }
        if meta.len() != self.len {
            return Ok(DiskState::Changed);
        }
        if check == Check::Quick && meta.modified().ok() == self.modified {
            return Ok(DiskState::Same);
        }
        let (len, crc) = checksum(&mut std::fs::File::open(path)?)?;
        Ok(if len == self.len && crc == self.crc {
            DiskState::Same
        } else {
            DiskState::Changed
        })
    }

    /// Same size and modification time as `meta` (the cheap test that a file has not
    /// been replaced between two looks).
    pub fn matches_metadata(&self, meta: &Metadata) -> bool {
        meta.len() == self.len && meta.modified().ok() == self.modified
    }
}

/// Load a project to edit it: the project, the lines of its comments, and the fingerprint
/// of the bytes it was read from (read again if the file changed while it was being read).
/// What is not a regular file (a pipe, a device) has no fingerprint: it is read once.
pub fn load_fingerprinted(
    path: &Path,
) -> Result<(Project, Vec<usize>, Option<Fingerprint>), LoadError> {
    if !std::fs::metadata(path).is_ok_and(|m| m.is_file()) {
        let (project, comments) = super::load_streamed_noting_comments(path)?;
        return Ok((project, comments, None));
    }
    let mut tries = 0;
    loop {
        tries += 1;
        // A file that cannot be read is explained by the loader.
        let Ok(before) = Fingerprint::read(path) else {
            let (project, comments) = super::load_streamed_noting_comments(path)?;
            let fingerprint = Fingerprint::read(path).map_err(|e| unreadable(path, &e))?;
            return Ok((project, comments, Some(fingerprint)));
        };
        let (project, comments) = super::load_streamed_noting_comments(path)?;
        let after = std::fs::metadata(path).map_err(|e| unreadable(path, &e))?;
        // After three tries of a file that keeps changing, the first look is kept: a save
        // then finds the file changed and asks, which is the safe way to be wrong.
        if before.matches_metadata(&after) || tries == 3 {
            return Ok((project, comments, Some(before)));
        }
    }
}

fn unreadable(path: &Path, e: &io::Error) -> LoadError {
    LoadError {
        problems: vec![super::Problem {
            file: path.display().to_string(),
            location: super::Location::File,
            message: format!("cannot read: {}", super::io_reason(e)),
        }],
    }
}

/// The length and CRC-32 of everything `r` yields.
fn checksum(r: &mut impl Read) -> io::Result<(u64, u32)> {
    let mut hasher = crc32fast::Hasher::new();
    let mut buf = vec![0u8; 256 * 1024];
    let mut len = 0u64;
    loop {
        match r.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => {
                hasher.update(&buf[..n]);
                len += n as u64;
            }
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok((len, hasher.finalize()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_change_of_bytes_is_noticed_and_a_touch_is_not() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.ron");
        std::fs::write(&path, "one").unwrap();
        let fp = Fingerprint::read(&path).unwrap();
        assert_eq!(fp.compare(&path, Check::Thorough).unwrap(), DiskState::Same);
        assert_eq!(fp.compare(&path, Check::Quick).unwrap(), DiskState::Same);

        // Same bytes written again with a later time: still the same file.
        let f = std::fs::File::options().write(true).open(&path).unwrap();
        f.set_modified(SystemTime::now() + std::time::Duration::from_secs(5))
            .unwrap();
        drop(f);
        assert_eq!(fp.compare(&path, Check::Quick).unwrap(), DiskState::Same);

        // Same length, other bytes, and the old time put back: only a thorough look sees it.
        std::fs::write(&path, "two").unwrap();
        let f = std::fs::File::options().write(true).open(&path).unwrap();
        f.set_modified(fp.modified.unwrap()).unwrap();
        drop(f);
        assert_eq!(fp.compare(&path, Check::Quick).unwrap(), DiskState::Same);
        assert_eq!(
            fp.compare(&path, Check::Thorough).unwrap(),
            DiskState::Changed
        );

        std::fs::write(&path, "longer").unwrap();
        assert_eq!(fp.compare(&path, Check::Quick).unwrap(), DiskState::Changed);
        std::fs::remove_file(&path).unwrap();
        assert_eq!(fp.compare(&path, Check::Quick).unwrap(), DiskState::Missing);
    }

    #[test]
    fn of_bytes_agrees_with_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.ron");
        let bytes = vec![7u8; 600 * 1024];
        std::fs::write(&path, &bytes).unwrap();
        let meta = std::fs::metadata(&path).unwrap();
        assert_eq!(
            Fingerprint::of(&bytes, &meta),
            Fingerprint::read(&path).unwrap()
        );
    }
}
