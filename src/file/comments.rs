//! Where a project file has comments. The app writes files in its own layout, which has no
//! place for them, so writing over such a file would drop them: Save asks first, naming the
//! lines, and `fmt` and `csv import` leave the file alone unless told otherwise.

use super::lexer;

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
        let end = match c {
            b'\n' => {
                line += 1;
                i += 1;
                continue;
            }
            b'"' if i > 0 && lexer::starts_raw(b, i - 1) => lexer::skip_raw(b, i).map(Result::ok),
            b'#' if i > 0 && lexer::starts_raw(b, i - 1) => lexer::skip_raw(b, i).map(Result::ok),
            b'"' => Some(lexer::skip_string(b, i).ok()),
            b'\'' => lexer::skip_char(b, i).map(Some),
            b'/' => {
                let comment = lexer::skip_comment(b, i);
                if comment.is_some() && lines.last() != Some(&line) {
                    lines.push(line);
                }
                comment.map(Result::ok)
            }
            _ => None,
        };
        i = match end {
            // Something that ends: newlines inside it still count.
            Some(end) => skip_to(i, end.unwrap_or(b.len()), &mut line),
            None => i + 1,
        };
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
