//! The parts of RON's syntax that decide what is text and what is structure: strings (with
//! escapes), raw strings (`r#"…"#`), byte strings, characters (`'('`), line comments and
//! nested block comments. Everything that walks a project file's brackets goes through here,
//! so a bracket inside a note or a comment is never taken for structure.

/// Something that starts and never ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unclosed {
    String,
    RawString,
    BlockComment,
}

impl Unclosed {
    /// What the user sees: what is open, and what would close it.
    pub fn describe(self) -> &'static str {
        match self {
            Unclosed::String => "this text in quotes is never closed (a `\"` is missing)",
            Unclosed::RawString => "this raw string (r\"…\" or r#\"…\"#) is never closed",
            Unclosed::BlockComment => "this comment (`/*`) is never closed by `*/`",
        }
    }
}

/// Whether `c` can be part of an identifier (ASCII letters, digits and `_`; any byte of a
/// non-ASCII character, which RON allows in identifiers).
pub fn ident_byte(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80
}

/// The index just past a plain string whose opening `"` is at `open`.
pub fn skip_string(b: &[u8], open: usize) -> Result<usize, Unclosed> {
    let mut i = open + 1;
    loop {
        let at = i + memchr::memchr2(b'"', b'\\', b.get(i..).ok_or(Unclosed::String)?)
            .ok_or(Unclosed::String)?;
        if b[at] == b'"' {
            return Ok(at + 1);
        }
        // An escape: the byte after the backslash is never the closing quote. A backslash
        // before a multi-byte character skips its first byte only, which is never `"` or `\`.
        i = at + 2;
    }
}

/// Whether the `r` at `r_at` starts a raw string or raw identifier rather than ending or
/// continuing a word: it stands alone, or is the `r` of `br`.
pub fn starts_raw(b: &[u8], r_at: usize) -> bool {
    if b.get(r_at) != Some(&b'r') {
        return false;
    }
    let word_before = |i: usize| i > 0 && ident_byte(b[i - 1]);
    !word_before(r_at) || (b[r_at - 1] == b'b' && !word_before(r_at - 1))
}

/// After the `r` of a raw string: its `#`s (at `hashes_at`), `"`, text and closing `"#…`.
/// The index just past it; `None` when no `"` follows the `#`s (not a raw string).
pub fn skip_raw(b: &[u8], hashes_at: usize) -> Option<Result<usize, Unclosed>> {
    let hashes = b[hashes_at..].iter().take_while(|c| **c == b'#').count();
    let open = hashes_at + hashes;
    if b.get(open) != Some(&b'"') {
        return None;
    }
    let mut from = open + 1;
    Some(loop {
        let Some(q) = memchr::memchr(b'"', &b[from..]) else {
            break Err(Unclosed::RawString);
        };
        let q = from + q;
        let closing = &b[q + 1..];
        if closing.len() >= hashes && closing[..hashes].iter().all(|c| *c == b'#') {
            break Ok(q + 1 + hashes);
        }
        from = q + 1;
    })
}

/// The index just past a character literal whose `'` is at `open` (`'a'`, `'\''`,
/// `'\u{1F600}'`); `None` when what follows is not one (the parser will say why).
pub fn skip_char(b: &[u8], open: usize) -> Option<usize> {
    match *b.get(open + 1)? {
        b'\\' => {
            let from = open + 3;
            let end = from + memchr::memchr(b'\'', b.get(from..)?)?;
            // A long escape is `\u{10FFFF}` at most.
            (end - open <= 12).then_some(end + 1)
        }
        lead => {
            let len = match lead {
                0x00..=0x7f => 1,
                0xc0..=0xdf => 2,
                0xe0..=0xef => 3,
                _ => 4,
            };
            (b.get(open + 1 + len) == Some(&b'\'')).then_some(open + 2 + len)
        }
    }
}

/// The index just past a comment starting at the `/` at `at`: a line comment runs to its
/// newline (not included), a block comment to its matching `*/` (they nest). `None` when
/// the `/` does not start a comment.
pub fn skip_comment(b: &[u8], at: usize) -> Option<Result<usize, Unclosed>> {
    match b.get(at + 1) {
        Some(b'/') => Some(Ok(
            memchr::memchr(b'\n', &b[at..]).map_or(b.len(), |n| at + n)
        )),
        Some(b'*') => {
            let (mut depth, mut j) = (1usize, at + 2);
            while depth > 0 {
                let Some(k) = memchr::memchr2(b'/', b'*', &b[j..]) else {
                    return Some(Err(Unclosed::BlockComment));
                };
                j += k;
                match (b[j], b.get(j + 1)) {
                    (b'/', Some(b'*')) => (depth, j) = (depth + 1, j + 2),
                    (b'*', Some(b'/')) => (depth, j) = (depth - 1, j + 2),
                    _ => j += 1,
                }
            }
            Some(Ok(j))
        }
        _ => None,
    }
}

/// The index of the first byte at or after `i` that is neither white space nor in a
/// comment (`b.len()` at the end).
pub fn skip_blank(b: &[u8], mut i: usize) -> usize {
    loop {
        match b.get(i) {
            Some(b' ' | b'\t' | b'\n' | b'\r') => i += 1,
            Some(b'/') => match skip_comment(b, i) {
                Some(Ok(end)) => i = end,
                _ => return i,
            },
            _ => return i,
        }
    }
}

/// Whether `b` holds only white space and comments.
pub fn is_blank(b: &[u8]) -> bool {
    skip_blank(b, 0) == b.len()
}

/// A string's text when it is spelled without escapes (`"tb"`, `r#"tb"#`), for naming an item
/// by its id in a message.
pub fn plain_string(s: &str) -> Option<&str> {
    let s = s.trim();
    if let Some(inner) = s.strip_prefix('"').and_then(|s| s.strip_suffix('"')) {
        return (!inner.contains(['"', '\\'])).then_some(inner);
    }
    let hashes = s.strip_prefix('r')?;
    let n = hashes.bytes().take_while(|c| *c == b'#').count();
    let inner = hashes[n..].strip_prefix('"')?;
    inner.strip_suffix(&format!("\"{}", "#".repeat(n)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_end_at_their_unescaped_quote() {
        let b = br#""a\"b\\" x"#;
        assert_eq!(skip_string(b, 0), Ok(8));
        assert_eq!(skip_string(b"\"abc", 0), Err(Unclosed::String));
        assert_eq!(skip_string(b"\"abc\\", 0), Err(Unclosed::String));
        assert_eq!(skip_string("\"é\\é\"".as_bytes(), 0), Ok(7));
    }

    #[test]
    fn raw_strings_need_their_own_hashes() {
        let b = br###"r#"say "hi""# x"###;
        assert_eq!(skip_raw(b, 1), Some(Ok(13)));
        assert_eq!(skip_raw(br#"r"plain" x"#, 1), Some(Ok(8)));
        assert_eq!(skip_raw(b"r#ident", 1), None);
        assert_eq!(skip_raw(br##"r#"open"##, 1), Some(Err(Unclosed::RawString)));
        assert!(starts_raw(b"r\"", 0));
        assert!(starts_raw(b" br\"", 2));
        assert!(!starts_raw(b"bar\"", 2));
        assert!(!starts_raw(b"abr\"", 2));
    }

    #[test]
    fn characters_may_hold_brackets_and_quotes() {
        assert_eq!(skip_char(b"'(' x", 0), Some(3));
        assert_eq!(skip_char(b"'\\'' x", 0), Some(4));
        assert_eq!(skip_char(b"'\"'", 0), Some(3));
        assert_eq!(skip_char("'é'".as_bytes(), 0), Some(4));
        assert_eq!(skip_char(b"'\\u{1F600}'", 0), Some(11));
        assert_eq!(skip_char(b"'ab'", 0), None);
    }

    #[test]
    fn comments_nest_and_lines_end_at_newlines() {
        assert_eq!(skip_comment(b"// a\nb", 0), Some(Ok(4)));
        assert_eq!(skip_comment(b"// a", 0), Some(Ok(4)));
        assert_eq!(skip_comment(b"/* a /* b */ c */d", 0), Some(Ok(17)));
        assert_eq!(
            skip_comment(b"/* a /* b */", 0),
            Some(Err(Unclosed::BlockComment))
        );
        assert_eq!(skip_comment(b"/x", 0), None);
        assert!(is_blank(b" // c\n /* d */ \n"));
        assert!(!is_blank(b" // c\n x"));
    }

    #[test]
    fn plain_strings_name_items() {
        assert_eq!(plain_string("\"tb\""), Some("tb"));
        assert_eq!(plain_string(" r#\"a \"b\"\"# "), Some("a \"b\""));
        assert_eq!(plain_string("\"a\\nb\""), None);
        assert_eq!(plain_string("12"), None);
    }
}
