//! Where a project file has comments. The app writes files in its own layout, which has no
//! place for them, so writing over such a file would drop them: Save asks first, naming the
//! lines, and `fmt` and `csv import` leave the file alone unless told otherwise.

use super::scan::{after_raw, after_string};

/// The line numbers (from 1) on which the comments in `text` start, outside strings.
pub fn comment_lines(text: &str) -> Vec<usize> {
    let b = text.as_bytes();
    // Most files have neither `//` nor `/*` anywhere (a quick search, even on 74 MB).
    if memchr::memmem::find(b, b"//").is_none() && memchr::memmem::find(b, b"/*").is_none() {
        return Vec::new();
    }
    let mut lines = Vec::new();
    let mut line = 1;
    let mut i = 0;
    // Newlines inside what is skipped still count towards the line number.
    let skip_to = |from: usize, to: usize, line: &mut usize| {
        *line += b[from..to.min(b.len())]
            .iter()
            .filter(|c| **c == b'\n')
            .count();
        to
    };
    while let Some(&c) = b.get(i) {
        match c {
            b'\n' => {
                line += 1;
                i += 1;
            }
            b'"' => {
                let end = after_string(text, i + 1).unwrap_or(b.len());
                i = skip_to(i, end, &mut line);
            }
            b'r' | b'b' if i == 0 || !(b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_') => {
                // A raw string (`r#"…"#`, `br"…"`) or just a word starting with r or b.
                let start = i + usize::from(c == b'b' && b.get(i + 1) == Some(&b'r'));
                match b.get(start + 1) {
                    Some(b'"' | b'#') if b[start] == b'r' => {
                        let end = after_raw(text, start + 1).unwrap_or(start + 1);
                        i = skip_to(i, end, &mut line);
                    }
                    _ => i += 1,
                }
            }
            b'/' if b.get(i + 1) == Some(&b'/') => {
                if lines.last() != Some(&line) {
                    lines.push(line);
                }
                i = text[i..].find('\n').map_or(b.len(), |n| i + n);
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                if lines.last() != Some(&line) {
                    lines.push(line);
                }
                // Block comments nest.
                let (mut depth, mut j) = (1, i + 2);
                while depth > 0 && j < b.len() {
                    if b[j..].starts_with(b"/*") {
                        (depth, j) = (depth + 1, j + 2);
                    } else if b[j..].starts_with(b"*/") {
                        (depth, j) = (depth - 1, j + 2);
                    } else {
                        j += 1;
                    }
                }
                i = skip_to(i, j, &mut line);
            }
            _ => i += 1,
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::comment_lines;

    #[test]
    fn finds_comments_outside_strings_with_their_lines() {
        let text = "// top\n(\n  title: \"not // a comment\",\n  note: r#\"nor /* this */\"#,\n  a: 1, /* block\n spanning */ b: 2, // end\n  rag: Red,\n)\n";
        assert_eq!(comment_lines(text), vec![1, 5, 6]);
        assert_eq!(comment_lines("(a: \"x\\\"//\")"), Vec::<usize>::new());
        assert_eq!(comment_lines("(\n a: \"two\nlines\", // here\n)"), vec![3]);
        assert!(comment_lines("(title: \"a\")").is_empty());
    }
}
