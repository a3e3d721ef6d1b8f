//! `outcome-explorer fmt FILE [--check] [--drop-comments]`: rewrite in canonical form.

use crate::file;
use std::path::Path;
use std::process::ExitCode;

pub fn run(path: &Path, check_only: bool, drop_comments: bool) -> ExitCode {
    // `--check` writes nothing, so it reads the file whatever its comments.
    let super::ForRewrite {
        project,
        comments,
        read,
    } = match super::load_for_rewrite(path, drop_comments || check_only) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    let canonical = file::to_text(&project);
    // The bytes read are known by their length and checksum: no need to read them again.
    let same = read.is_some_and(|r| {
        r.len == canonical.len() as u64 && r.crc == crc32fast::hash(canonical.as_bytes())
    });
    if same {
        println!("{}: already formatted", path.display());
        return ExitCode::SUCCESS;
    }
    if check_only {
        let losing = if comments.is_empty() {
            String::new()
        } else {
            format!(", dropping its {}", super::comments_phrase(&comments))
        };
        println!("{}: would be reformatted{losing}", path.display());
        return ExitCode::FAILURE;
    }
    if super::write_back(path, &canonical, read.as_ref()) {
        println!("{}: formatted", path.display());
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
