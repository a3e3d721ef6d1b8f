//! Saying where a problem is: lines and columns for byte offsets (all of them in one pass over
//! the text, however long its lines), and the path of an offset inside a value
//! (`measures "tb" observation 3`), read from the value's brackets.

use super::lexer;
use std::ops::Range;

/// The line and column (1-based; columns count characters, as the parser's do) of each of
/// `offsets`, in one pass over `text` up to the last of them.
pub fn line_cols(text: &str, offsets: &[usize]) -> Vec<(usize, usize)> {
    let b = text.as_bytes();
    let mut order: Vec<usize> = (0..offsets.len()).collect();
    order.sort_by_key(|&k| offsets[k]);
    let mut out = vec![(0, 0); offsets.len()];
    // Where the pass is: a byte, its line, where that line starts, and the column of the
    // byte (counted from the line's start once, then onwards).
    let (mut at, mut line, mut line_start, mut col) = (0usize, 1usize, 0usize, 1usize);
    for k in order {
        let target = offsets[k].min(b.len());
        let mut newlines = memchr::memchr_iter(b'\n', &b[at..target]).peekable();
        if newlines.peek().is_some() {
            let mut last = 0;
            for n in newlines {
                line += 1;
                last = n;
            }
            line_start = at + last + 1;
            (at, col) = (line_start, 1);
        }
        col += chars_in(&b[at..target]);
        at = target;
        out[k] = (line, col);
        debug_assert!(line_start <= at);
    }
    out
}

/// Characters in UTF-8 bytes: the bytes that are not continuation bytes.
fn chars_in(b: &[u8]) -> usize {
    b.iter().filter(|&&c| (c as i8) >= -0x40).count()
}

/// The byte offset in `text` of a (1-based) line and character column, as the parser reports
/// them; the end of the text when it is past it.
pub fn offset_of(text: &str, line: usize, col: usize) -> usize {
    let b = text.as_bytes();
    let start = match line.saturating_sub(1) {
        0 => 0,
        n => match memchr::memchr_iter(b'\n', b).nth(n - 1) {
            Some(nl) => nl + 1,
            None => return b.len(),
        },
    };
    text[start..]
        .char_indices()
        .nth(col.saturating_sub(1))
        .map_or(b.len(), |(i, _)| start + i)
}

/// One entry of a bracketed value: a field (`name: value`) or a list's item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The field's name; `None` in a list.
    pub name: Option<Range<usize>>,
    /// The value (without the name and colon, nor the blank around it).
    pub value: Range<usize>,
    /// The whole entry with its comma, if it has one: what to cut to drop it from its list.
    pub with_comma: Range<usize>,
}

/// The bracket that opens the value starting at `at` (after blank, a struct name or `Some`),
/// if it is a bracketed value.
fn opening(b: &[u8], at: usize) -> Option<usize> {
    let mut i = lexer::skip_blank(b, at);
    if b.get(i).is_some_and(|c| lexer::ident_byte(*c)) {
        i += b[i..].iter().take_while(|c| lexer::ident_byte(**c)).count();
        i = lexer::skip_blank(b, i);
    }
    matches!(b.get(i), Some(b'(' | b'[' | b'{')).then_some(i)
}

/// A bracketed value's entries.
struct Group {
    entries: Vec<Entry>,
    is_list: bool,
    /// Where its closing bracket is (`None` when the text ends first).
    close: Option<usize>,
}

/// The entries of the bracketed value whose opening bracket is at `open`. Text that does not
/// balance gives what was read up to there.
fn entries(text: &str, open: usize) -> Group {
    let b = text.as_bytes();
    let is_list = b[open] == b'[';
    let mut out = Vec::new();
    let mut close = None;
    let (mut depth, mut from, mut i) = (0usize, open + 1, open + 1);
    let mut push = |from: usize, end: usize, comma: bool| {
        let start = lexer::skip_blank(b, from);
        if start >= end {
            return;
        }
        let value_end = end
            - b[start..end]
                .iter()
                .rev()
                .take_while(|c| c.is_ascii_whitespace())
                .count();
        let mut entry = Entry {
            name: None,
            value: start..value_end,
            with_comma: start..end + usize::from(comma),
        };
        if !is_list {
            let name_end = start
                + b[start..end]
                    .iter()
                    .take_while(|c| lexer::ident_byte(**c))
                    .count();
            let colon = lexer::skip_blank(b, name_end);
            if name_end > start && b.get(colon) == Some(&b':') {
                entry.name = Some(start..name_end);
                entry.value = lexer::skip_blank(b, colon + 1).min(value_end)..value_end;
            }
        }
        out.push(entry);
    };
    while i < b.len() {
        match b[i] {
            b'"' if lexer::starts_raw(b, i.wrapping_sub(1)) => {
                i = lexer::skip_raw(b, i)
                    .and_then(Result::ok)
                    .unwrap_or(b.len())
            }
            b'"' => i = lexer::skip_string(b, i).unwrap_or(b.len()),
            b'#' if lexer::starts_raw(b, i.wrapping_sub(1)) => {
                i = lexer::skip_raw(b, i).map_or(i + 1, |r| r.unwrap_or(b.len()))
            }
            b'\'' => i = lexer::skip_char(b, i).unwrap_or(i + 1),
            b'/' => i = lexer::skip_comment(b, i).map_or(i + 1, |r| r.unwrap_or(b.len())),
            b'(' | b'[' | b'{' => {
                depth += 1;
                i += 1;
            }
            b')' | b']' | b'}' if depth == 0 => {
                push(from, i, false);
                close = Some(i);
                break;
            }
            b')' | b']' | b'}' => {
                depth -= 1;
                i += 1;
            }
            b',' if depth == 0 => {
                push(from, i, true);
                from = i + 1;
                i += 1;
            }
            _ => i += 1,
        }
    }
    Group {
        entries: out,
        is_list,
        close,
    }
}

/// Where an offset is inside a value: the path to it, and the innermost list item holding it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Located {
    /// Named steps: `observation 3`, `baseline`, `action "R1"`.
    pub path: Vec<String>,
    /// The innermost list item (below the value itself) that holds the offset, with its comma.
    pub innermost_item: Option<Range<usize>>,
}

/// Where `offset` lies inside the value in `text[value]`.
pub fn locate(text: &str, value: Range<usize>, offset: usize) -> Located {
    let b = text.as_bytes();
    let mut out = Located::default();
    let mut at = value.start;
    // The field whose value is being entered, if any.
    let mut field: Option<&str> = None;
    let mut outermost = true;
    while let Some(open) = opening(b, at) {
        let group = entries(text, open);
        if offset < open || group.close.is_some_and(|c| offset > c) {
            break;
        }
        if let (Some(name), false, false) = (field, group.is_list, outermost) {
            out.path.push(name.to_string());
        }
        outermost = false;
        let Some((n, entry)) = group
            .entries
            .iter()
            .enumerate()
            .find(|(_, e)| e.with_comma.start <= offset && offset < e.with_comma.end)
        else {
            break;
        };
        if group.is_list {
            let kind = field.map_or(String::new(), singular);
            out.path.push(match item_name(text, entry.value.clone()) {
                Some(id) => format!("{kind} {id:?}").trim_start().to_string(),
                None if kind.is_empty() => format!("[{}]", n + 1),
                None => format!("{kind} {}", n + 1),
            });
            out.innermost_item = Some(entry.with_comma.clone());
            field = None;
        } else {
            field = entry.name.clone().map(|r| &text[r]);
        }
        if !entry.value.contains(&offset) {
            break;
        }
        at = entry.value.start;
    }
    out
}

/// What a list item is called in a message: its `id` or `reference`, when it has a plain one.
pub fn item_name(text: &str, value: Range<usize>) -> Option<&str> {
    let open = opening(text.as_bytes(), value.start).filter(|o| text.as_bytes()[*o] == b'(')?;
    let entries = entries(text, open).entries;
    ["id", "reference"].iter().find_map(|key| {
        let e = entries
            .iter()
            .find(|e| e.name.clone().is_some_and(|r| &text[r] == *key))?;
        lexer::plain_string(&text[e.value.clone()]).filter(|s| !s.is_empty())
    })
}

/// A list field's name for one of its items: `observations` → `observation`.
fn singular(field: &str) -> String {
    match field {
        "progress" => field.into(),
        "key_actions" => "key action".into(),
        _ => field.strip_suffix('s').unwrap_or(field).into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_columns_count_characters_in_one_pass() {
        let text = "ab\ncdé\n\nxyz";
        let offsets = [0, 1, 3, 5, 7, 8, 9, 12, 11];
        let got = line_cols(text, &offsets);
        assert_eq!(
            got,
            [
                (1, 1),
                (1, 2),
                (2, 1),
                (2, 3),
                (2, 4),
                (3, 1),
                (4, 1),
                (4, 4),
                (4, 3)
            ]
        );
        for (&o, &(l, c)) in offsets.iter().zip(&got) {
            if o < text.len() {
                assert_eq!(offset_of(text, l, c), o);
            }
        }
    }

    #[test]
    fn many_places_on_one_long_line() {
        let text = format!("{}\n{}", "é".repeat(500_000), "x".repeat(500_000));
        let line_2 = 2 * 500_000 + 1;
        let mut offsets: Vec<usize> = (0..1000).map(|k| k * 1000).collect();
        offsets.extend((0..1000).rev().map(|k| line_2 + k * 500));
        let got = line_cols(&text, &offsets);
        assert_eq!(got[999], (1, 999 * 500 + 1));
        assert_eq!(got[1000], (2, 999 * 500 + 1));
        assert_eq!(got[1999], (2, 1));
    }

    #[test]
    fn paths_name_items_by_id_and_position() {
        let text = r#"(id: "tb", baseline: (period: "x"), observations: [(period: "2022"), (period: "bad")], comparators: [(name: "E", observations: [(v: 1)])])"#;
        let at = |needle: &str| text.find(needle).unwrap();
        let whole = 0..text.len();
        let l = locate(text, whole.clone(), at("\"bad\""));
        assert_eq!(l.path, ["observation 2"]);
        assert_eq!(&text[l.innermost_item.unwrap()], "(period: \"bad\")");
        let l = locate(text, whole.clone(), at("\"x\""));
        assert_eq!(l.path, ["baseline"]);
        assert_eq!(l.innermost_item, None);
        let l = locate(text, whole.clone(), at("v: 1"));
        assert_eq!(l.path, ["comparator 1", "observation 1"]);
        assert_eq!(item_name(text, whole), Some("tb"));
        let plan = r#"(actions: [(reference: "R1", due: "x"), (reference: "R2", due: "y")])"#;
        let l = locate(plan, 0..plan.len(), plan.find("\"y\"").unwrap());
        assert_eq!(l.path, ["action \"R2\""]);
        assert_eq!(
            &plan[l.innermost_item.unwrap()],
            "(reference: \"R2\", due: \"y\")"
        );
        let l = locate(plan, 0..plan.len(), plan.find("\"x\"").unwrap());
        assert_eq!(
            &plan[l.innermost_item.unwrap()],
            "(reference: \"R1\", due: \"x\"),"
        );
    }
}
