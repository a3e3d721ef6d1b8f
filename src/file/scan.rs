//! One pass over a project file's text that finds, outside strings, every `observations:`
//! list (read there and then by [`observation_reader`](super::observation_reader) when it can)
//! and the value of the top-level `action_plans:` field. The fast loader uses it to hand ron
//! a much shorter text. It understands the RON this app writes plus line comments; on anything
//! it is not sure about (block comments, character literals, raw identifiers such as
//! `r#note`, other extensions, non-ASCII outside strings) it gives up and the file is read by
//! ron alone.

use super::observation_reader;
use crate::model::Observation;
use std::ops::Range;

/// One `observations:` list, in document order.
pub struct List {
    /// From its `[` to just past its `]` when `read`; empty (at the `[`) when not.
    pub range: Range<usize>,
    /// Its observations, when the fast reader could read it; `None` leaves it to ron.
    pub read: Option<Vec<Observation>>,
}

pub struct Scan {
    pub lists: Vec<List>,
    /// The value of the top-level `action_plans` field, from `[` to just past `]`.
    pub plans: Option<Range<usize>>,
}

/// The only attribute the writer puts at the top of a file.
const HEADER: &str = "#![enable(implicit_some)]";

pub fn scan(text: &str) -> Option<Scan> {
    let b = text.as_bytes();
    let mut lists = Vec::new();
    let mut plans: Option<Range<usize>> = None;
    let mut plans_open = false;
    let mut depth = 0usize;
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        match c {
            b' ' | b'\t' | b'\n' | b'\r' | b',' | b':' | b'.' | b'+' | b'-' | b'0'..=b'9' => i += 1,
            b'"' => i = after_string(text, i + 1)?,
            b'/' => i = after_comment(text, i)?,
            b'(' | b'[' | b'{' => {
                depth += 1;
                i += 1;
            }
            b')' | b']' | b'}' => {
                depth = depth.checked_sub(1)?;
                if depth == 1 && plans_open {
                    plans_open = false;
                    if let Some(p) = plans.as_mut() {
                        p.end = i + 1;
                    }
                }
                i += 1;
            }
            b'#' if depth == 0 && text[i..].starts_with(HEADER) => i += HEADER.len(),
            b'a'..=b'z' | b'A'..=b'Z' | b'_' => {
                let start = i;
                while b
                    .get(i)
                    .is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'_')
                {
                    i += 1;
                }
                let word = &b[start..i];
                match b.get(i) {
                    Some(b'"' | b'#') if word == b"r" || word == b"br" => {
                        i = after_raw(text, i)?;
                        continue;
                    }
                    Some(b'"') if word == b"b" => continue,
                    _ => {}
                }
                let colon = after_ws(text, i)?;
                if b.get(colon) != Some(&b':') {
                    continue;
                }
                let value = after_ws(text, colon + 1)?;
                if word == b"observations" {
                    // Every list is recorded, read or not, so that the n-th list ron meets is
                    // the n-th here; a value that is not a list is left to ron's error.
                    if b.get(value) != Some(&b'[') {
                        return None;
                    }
                    match observation_reader::read_list(text, value) {
                        Some((read, end)) => {
                            lists.push(List {
                                range: value..end,
                                read: Some(read),
                            });
                            i = end;
                        }
                        None => {
                            lists.push(List {
                                range: value..value,
                                read: None,
                            });
                            i = value;
                        }
                    }
                } else if word == b"action_plans" && depth == 1 && b.get(value) == Some(&b'[') {
                    plans = Some(value..value);
                    plans_open = true;
                    i = value;
                }
            }
            _ => return None,
        }
    }
    (depth == 0 && !plans_open).then_some(Scan { lists, plans })
}

/// The index after a plain string's closing quote; `i` is just after its opening quote.
pub(super) fn after_string(text: &str, mut i: usize) -> Option<usize> {
    loop {
        // `get`: after a backslash `i` may fall inside a character (a bad escape ron reports).
        let at = i + text.get(i..)?.find(['"', '\\'])?;
        if text.as_bytes()[at] == b'"' {
            return Some(at + 1);
        }
        i = at + 2; // an escaped character; `\u{…}` needs no more care
    }
}

/// The index after a raw string whose `#`s or `"` start at `i`.
pub(super) fn after_raw(text: &str, i: usize) -> Option<usize> {
    let hashes = text[i..].bytes().take_while(|c| *c == b'#').count();
    let open = i + hashes;
    if text.as_bytes().get(open) != Some(&b'"') {
        return None;
    }
    let closing = format!("\"{}", "#".repeat(hashes));
    Some(open + 1 + text[open + 1..].find(&closing)? + closing.len())
}

/// The index after a line comment starting at `i`; `None` for a block comment or a lone `/`.
fn after_comment(text: &str, i: usize) -> Option<usize> {
    if !text[i..].starts_with("//") {
        return None;
    }
    Some(text[i..].find('\n').map_or(text.len(), |n| i + n + 1))
}

/// The index of the first byte at or after `i` that is neither white space nor in a comment.
fn after_ws(text: &str, mut i: usize) -> Option<usize> {
    let b = text.as_bytes();
    loop {
        match b.get(i) {
            Some(b' ' | b'\t' | b'\n' | b'\r') => i += 1,
            Some(b'/') => i = after_comment(text, i)?,
            _ => return Some(i),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::scan;

    #[test]
    fn finds_lists_and_top_level_plans_outside_strings() {
        let text = r##"#![enable(implicit_some)]
(
  // a comment: observations: [
  title: "observations: [(period: \"2022\")]",
  note: r#"action_plans: ["#,
  measures: [(observations: [(period: "2022", value: 1.0)]), (observations: [(value: 1.0, period: "2022")])],
  action_plans: [(title: "x", actions: [])],
)"##;
        let s = scan(text).unwrap();
        assert_eq!(s.lists.len(), 2);
        assert_eq!(s.lists[0].read.as_ref().unwrap().len(), 1);
        assert_eq!(
            &text[s.lists[0].range.clone()],
            r#"[(period: "2022", value: 1.0)]"#
        );
        assert!(
            s.lists[1].read.is_none(),
            "another field order is left to ron"
        );
        assert_eq!(&text[s.plans.unwrap()], r#"[(title: "x", actions: [])]"#);
    }

    #[test]
    fn gives_up_on_what_it_does_not_know() {
        for text in [
            "(a: /* block */ 1)",
            "(a: 'c')",
            "#![enable(unwrap_newtypes)] (a: 1)",
            "(naïve: 1)",
            "(observations: None)",
            "(a: [1)",
            "(a: \"unclosed)",
        ] {
            assert!(scan(text).is_none(), "{text}");
        }
    }
}
