//! The limits on what a project file may hold, in one place. Each is far above what a real
//! programme needs (the large synthetic project, half a million values and 20,000 actions, is
//! 74 MB) and low enough that a damaged or hostile file is refused quickly, with a short
//! message, before it can take minutes or gigabytes. The README's "Limits" rule (under "The
//! project file") states them; a test holds the two together.

/// The largest file opened, in bytes (256 MiB). Anything larger, and anything that is not a
/// regular file (a pipe, a device), is refused before it is read.
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// The longest text in quotes, in bytes (1 MiB): a title, a note or a progress entry.
pub const MAX_STRING_BYTES: usize = 1024 * 1024;

/// The deepest nesting of brackets. The format itself needs six levels.
pub const MAX_DEPTH: usize = 32;

/// The most items in one list (outcomes, measures, observations of a measure, actions of a
/// plan…), and the most fields in one item.
pub const MAX_LIST_ITEMS: usize = 200_000;

/// The most problems listed for one file; a file with more says so after the first ones.
pub const MAX_PROBLEMS: usize = 100;

/// The most problems reported inside one item (a measure with many bad dates).
pub const MAX_PROBLEMS_PER_ITEM: usize = 20;

/// Text quoted back in a message is cut to this many characters.
pub const MAX_QUOTED_CHARS: usize = 80;

/// `n` bytes in words: "256 MiB", "1 MiB", "900 bytes".
pub fn bytes_phrase(n: u64) -> String {
    const MIB: u64 = 1024 * 1024;
    if n >= MIB && n.is_multiple_of(MIB) {
        format!("{} MiB", n / MIB)
    } else if n >= MIB {
        format!("{:.1} MiB", n as f64 / MIB as f64)
    } else {
        format!("{n} bytes")
    }
}

/// `text` cut to at most [`MAX_QUOTED_CHARS`] characters, with "…" where it was cut.
pub fn shortened(text: &str) -> std::borrow::Cow<'_, str> {
    crate::format::cut_chars(text, MAX_QUOTED_CHARS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_readme_states_these_limits() {
        let readme = include_str!("../../README.md").replace("\n  ", " ");
        let rule = readme
            .lines()
            .find(|l| l.starts_with("- **Limits.**"))
            .expect("README states the limits");
        for said in [
            format!("larger than {}", bytes_phrase(MAX_FILE_BYTES)),
            format!("at most {}", bytes_phrase(MAX_STRING_BYTES as u64)),
            format!("at most {MAX_DEPTH} deep"),
            format!("at most {} items", thousands(MAX_LIST_ITEMS)),
            format!("at most {MAX_PROBLEMS} problems"),
            format!("cut to {MAX_QUOTED_CHARS} characters"),
        ] {
            assert!(
                rule.contains(&said),
                "README's limits should say {said:?}: {rule}"
            );
        }
    }

    fn thousands(n: usize) -> String {
        let digits = n.to_string();
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push(',');
            }
            out.push(c);
        }
        out
    }

    #[test]
    fn sizes_and_quotes_are_short() {
        assert_eq!(bytes_phrase(MAX_FILE_BYTES), "256 MiB");
        assert_eq!(bytes_phrase(MAX_STRING_BYTES as u64), "1 MiB");
        assert_eq!(bytes_phrase(3 * 1024 * 1024 / 2), "1.5 MiB");
        assert_eq!(bytes_phrase(900), "900 bytes");
        assert_eq!(shortened("short"), "short");
        let long = "é".repeat(1000);
        let cut = shortened(&long);
        assert_eq!(cut.chars().count(), MAX_QUOTED_CHARS + 1);
        assert!(cut.ends_with('…'));
    }
}
