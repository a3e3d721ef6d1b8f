//! Reading a CSV file from disk within the stated limits: only an ordinary file (a pipe
//! with no writer would wait forever, a device may never end), and never more than
//! [`MAX_CSV_BYTES`] and one byte of it.

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

/// CSV files larger than this are refused (a plan of a thousand rows is well under 1 MB).
pub const MAX_CSV_BYTES: u64 = 64 * 1024 * 1024;
/// Rows of a CSV beyond this are refused, whole file.
pub const MAX_ROWS: usize = 100_000;
/// Columns of a CSV beyond this are refused, whole file.
pub const MAX_COLUMNS: usize = 1_000;
/// A row with a cell longer than this (in bytes of UTF-8) is rejected.
pub const MAX_CELL_BYTES: usize = 100_000;

/// The bytes of the CSV at `path`: an ordinary file of at most [`MAX_CSV_BYTES`]. The
/// message says why not, naming the path.
pub fn read_file(path: &Path) -> Result<Vec<u8>, String> {
    let why = |e: io::Error| {
        format!(
            "cannot read {}: {}",
            path.display(),
            crate::file::io_reason(&e)
        )
    };
    let refuse = |meta: &std::fs::Metadata| -> Result<(), String> {
        if let Some(kind) = not_a_file(meta) {
            return Err(format!(
                "{}: is {kind}, not an ordinary file; save the CSV to a file first",
                path.display()
            ));
        }
        if meta.len() > MAX_CSV_BYTES {
            return Err(too_large(path));
        }
        Ok(())
    };
    // Asked before opening (a pipe is not even opened), and again of what was opened (the
    // path may have changed in between).
    refuse(&std::fs::metadata(path).map_err(why)?)?;
    let file = open(path).map_err(why)?;
    let meta = file.metadata().map_err(why)?;
    refuse(&meta)?;
    let mut bytes = Vec::with_capacity(meta.len() as usize + 1);
    file.take(MAX_CSV_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(why)?;
    if bytes.len() as u64 > MAX_CSV_BYTES {
        return Err(too_large(path));
    }
    Ok(bytes)
}

fn too_large(path: &Path) -> String {
    format!(
        "{}: is larger than the {} MB a plan CSV may be",
        path.display(),
        MAX_CSV_BYTES / (1024 * 1024)
    )
}

/// What `meta` describes if it is not an ordinary file: "a folder", "a pipe", "a device".
fn not_a_file(meta: &std::fs::Metadata) -> Option<&'static str> {
    if meta.is_file() {
        return None;
    }
    if meta.is_dir() {
        return Some("a folder");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_fifo() {
            return Some("a pipe");
        }
        if t.is_socket() {
            return Some("a socket");
        }
        if t.is_char_device() || t.is_block_device() {
            return Some("a device");
        }
    }
    Some("a special file")
}

/// Open for reading without waiting: a pipe that became the path after it was checked
/// opens at once (and is then refused) instead of waiting for a writer.
#[cfg(unix)]
fn open(path: &Path) -> io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
}

#[cfg(not(unix))]
fn open(path: &Path) -> io::Result<File> {
    File::open(path)
}
