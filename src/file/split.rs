//! One pass over a project file that checks its structure and splits it for reading: every
//! bracket closes the one opened last, every string and comment ends, nothing exceeds the
//! [limits](super::limits); and each list given as a field of the top-level value (`measures:
//! [ … ]`) is cut into its items, so that they can be read one by one, on every core.
//!
//! The pass looks only at the bytes that can change the structure (quotes, brackets, commas,
//! colons, `/`, `#`, `'`) and jumps over the rest, so it takes a small part of the time the
//! parser then needs.

use super::lexer::{self, Unclosed};
use super::limits::{MAX_DEPTH, MAX_LIST_ITEMS, MAX_STRING_BYTES};
use std::ops::Range;

/// A list that is the value of one of the top-level value's fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TopList<'a> {
    /// The field's name (`measures`).
    pub name: &'a str,
    /// Where its `[` is.
    pub open: usize,
    /// Where its `]` is.
    pub close: usize,
    /// The text of each item, between the commas (with the white space and comments around it).
    pub items: Vec<Range<usize>>,
}

/// What the pass found.
#[derive(Debug, Default)]
pub struct Split<'a> {
    /// The top-level value's `(` and `)`, when it is a bracketed value.
    pub top: Option<(usize, usize)>,
    /// The lists that are fields of the top-level value, in file order.
    pub lists: Vec<TopList<'a>>,
    /// Commas with no item before them (`[a,,b]`), in any list.
    pub empty_items: Vec<usize>,
}

/// Why the file's structure cannot be read; offsets are into the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Broken {
    Unclosed {
        what: Unclosed,
        at: usize,
    },
    /// A closing bracket that does not match the one opened last.
    Mismatched {
        open: usize,
        close: usize,
    },
    /// A closing bracket with nothing open.
    NothingOpen {
        close: usize,
    },
    /// The text ends with this bracket still open.
    NeverClosed {
        open: usize,
    },
    StringTooLong {
        at: usize,
        len: usize,
    },
    TooDeep {
        at: usize,
    },
    TooManyItems {
        open: usize,
        at: usize,
    },
}

impl Broken {
    /// Where the problem is reported.
    pub fn at(&self) -> usize {
        match *self {
            Broken::Unclosed { at, .. }
            | Broken::StringTooLong { at, .. }
            | Broken::TooDeep { at }
            | Broken::TooManyItems { at, .. } => at,
            Broken::Mismatched { close, .. } | Broken::NothingOpen { close } => close,
            Broken::NeverClosed { open } => open,
        }
    }

    /// The message, given the text and how to name another place in it ("line 3, column 5").
    pub fn message(&self, text: &str, place: impl Fn(usize) -> String) -> String {
        let b = text.as_bytes();
        let closer = |open: u8| match open {
            b'(' => ')',
            b'[' => ']',
            _ => '}',
        };
        match *self {
            Broken::Unclosed { what, .. } => what.describe().into(),
            Broken::Mismatched { open, close } => format!(
                "found `{}` where `{}` was expected, to close the `{}` at {}",
                b[close] as char,
                closer(b[open]),
                b[open] as char,
                place(open)
            ),
            Broken::NothingOpen { close } => {
                format!("found `{}` with nothing open to close", b[close] as char)
            }
            Broken::NeverClosed { open } => format!(
                "this `{}` is never closed (a `{}` is missing before the end of the file)",
                b[open] as char,
                closer(b[open])
            ),
            Broken::StringTooLong { len, .. } => format!(
                "this text in quotes is {}, longer than the {} a text may have",
                super::limits::bytes_phrase(len as u64),
                super::limits::bytes_phrase(MAX_STRING_BYTES as u64)
            ),
            Broken::TooDeep { .. } => {
                format!("brackets are nested more than {MAX_DEPTH} deep here")
            }
            Broken::TooManyItems { open, .. } => format!(
                "the list or item opened at {} has more than {MAX_LIST_ITEMS} entries",
                place(open)
            ),
        }
    }
}

/// The bytes at which the pass stops: everything else is passed over.
const STOP: [bool; 256] = {
    let mut t = [false; 256];
    let stops = b"\"'/#()[]{},:";
    let mut k = 0;
    while k < stops.len() {
        t[stops[k] as usize] = true;
        k += 1;
    }
    t
};

struct Level {
    open: usize,
    commas: usize,
}

/// The list being cut into items.
struct Cutting<'a> {
    list: TopList<'a>,
    from: usize,
}

/// The state of the pass.
struct Pass<'a, F> {
    text: &'a str,
    /// Told of each item as soon as it is cut: its list's name and `[`, its number, its text.
    on_item: F,
    out: Split<'a>,
    stack: Vec<Level>,
    top_open: Option<usize>,
    /// A `#` was met outside any bracket: the next bracket opens an attribute.
    after_hash: bool,
    /// A top-level field whose value is a list: its name, and where its `[` is.
    pending: Option<(&'a str, usize)>,
    cutting: Option<Cutting<'a>>,
}

/// Check `text`'s structure and cut its top-level lists into items, telling `on_item` of
/// each as soon as it is cut (so that items can be parsed while the pass goes on).
pub fn split<'a, F>(text: &'a str, on_item: F) -> Result<Split<'a>, Broken>
where
    F: FnMut(&'a str, usize, usize, Range<usize>),
{
    let b = text.as_bytes();
    let mut pass = Pass {
        text,
        on_item,
        out: Split::default(),
        stack: Vec::with_capacity(MAX_DEPTH),
        top_open: None,
        after_hash: false,
        pending: None,
        cutting: None,
    };
    let mut i = 0;
    while let Some(k) = b[i..].iter().position(|c| STOP[*c as usize]) {
        i += k;
        i = match b[i] {
            b'"' => pass.string(i)?,
            b'#' if i > 0 && lexer::starts_raw(b, i - 1) => match lexer::skip_raw(b, i) {
                Some(end) => end.map_err(|what| Broken::Unclosed { what, at: i - 1 })?,
                None => i + 1, // a raw identifier, `r#name`
            },
            b'#' => {
                pass.after_hash |= pass.stack.is_empty();
                i + 1
            }
            b'\'' => lexer::skip_char(b, i).unwrap_or(i + 1),
            b'/' => match lexer::skip_comment(b, i) {
                Some(end) => end.map_err(|what| Broken::Unclosed { what, at: i })?,
                None => i + 1,
            },
            b'(' | b'[' | b'{' => pass.open(i)?,
            b')' | b']' | b'}' => pass.close(i)?,
            b',' => pass.comma(i)?,
            b':' => pass.colon(i),
            _ => i + 1,
        };
    }
    match pass.stack.last() {
        Some(level) => Err(Broken::NeverClosed { open: level.open }),
        None => Ok(pass.out),
    }
}

impl<'a, F: FnMut(&'a str, usize, usize, Range<usize>)> Pass<'a, F> {
    /// An item of the list being cut ends at `end`.
    fn item(&mut self, end: usize) {
        let Some(c) = self.cutting.as_mut() else {
            return;
        };
        let item = c.from..end;
        c.from = end + 1;
        if lexer::is_blank(&self.text.as_bytes()[item.clone()]) {
            if self.text.as_bytes().get(end) == Some(&b',') {
                self.out.empty_items.push(end);
            }
            return;
        }
        (self.on_item)(c.list.name, c.list.open, c.list.items.len(), item.clone());
        c.list.items.push(item);
    }

    /// A string (plain, byte or raw) whose `"` is at `i`; the index after it.
    fn string(&self, i: usize) -> Result<usize, Broken> {
        let b = self.text.as_bytes();
        let raw = i > 0 && lexer::starts_raw(b, i - 1);
        let end = if raw {
            lexer::skip_raw(b, i).unwrap_or(Err(Unclosed::RawString))
        } else {
            lexer::skip_string(b, i)
        };
        let at = if raw { i - 1 } else { i };
        let end = end.map_err(|what| Broken::Unclosed { what, at })?;
        if end - i > MAX_STRING_BYTES + 2 {
            return Err(Broken::StringTooLong {
                at,
                len: end - i - 2,
            });
        }
        Ok(end)
    }

    fn open(&mut self, i: usize) -> Result<usize, Broken> {
        let open = self.text.as_bytes()[i];
        if self.stack.len() >= MAX_DEPTH {
            return Err(Broken::TooDeep { at: i });
        }
        if self.stack.is_empty() {
            if open == b'(' && !self.after_hash && self.top_open.is_none() {
                self.top_open = Some(i);
            }
            self.after_hash = false;
        }
        if open == b'['
            && self.stack.len() == 1
            && let Some((name, _)) = self.pending.take_if(|(_, at)| *at == i)
        {
            let list = TopList {
                name,
                open: i,
                close: i,
                items: Vec::new(),
            };
            self.cutting = Some(Cutting { list, from: i + 1 });
        }
        self.stack.push(Level { open: i, commas: 0 });
        Ok(i + 1)
    }

    fn close(&mut self, i: usize) -> Result<usize, Broken> {
        let b = self.text.as_bytes();
        let level = self.stack.pop().ok_or(Broken::NothingOpen { close: i })?;
        let wanted = match b[level.open] {
            b'(' => b')',
            b'[' => b']',
            _ => b'}',
        };
        if b[i] != wanted {
            return Err(Broken::Mismatched {
                open: level.open,
                close: i,
            });
        }
        if self
            .cutting
            .as_ref()
            .is_some_and(|c| c.list.open == level.open)
        {
            self.item(i);
            if let Some(Cutting { mut list, .. }) = self.cutting.take() {
                list.close = i;
                self.out.lists.push(list);
            }
        }
        if self.stack.is_empty() && self.top_open == Some(level.open) {
            self.out.top = Some((level.open, i));
        }
        Ok(i + 1)
    }

    fn comma(&mut self, i: usize) -> Result<usize, Broken> {
        let Some(level) = self.stack.last_mut() else {
            return Ok(i + 1);
        };
        level.commas += 1;
        if level.commas > MAX_LIST_ITEMS {
            return Err(Broken::TooManyItems {
                open: level.open,
                at: i,
            });
        }
        let open = level.open;
        if self.cutting.as_ref().is_some_and(|c| c.list.open == open) {
            self.item(i);
        }
        Ok(i + 1)
    }

    /// A colon: in the top-level value, a field whose value may be a list to cut.
    fn colon(&mut self, i: usize) -> usize {
        if self.stack.len() == 1 && self.top_open == Some(self.stack[0].open) {
            let b = self.text.as_bytes();
            let value = lexer::skip_blank(b, i + 1);
            self.pending = (b.get(value) == Some(&b'['))
                .then(|| field_name(self.text, i).map(|n| (n, value)))
                .flatten();
        }
        i + 1
    }
}

/// The identifier written just before the `:` at `colon` (white space allowed between).
fn field_name(text: &str, colon: usize) -> Option<&str> {
    let b = text.as_bytes();
    let end = colon
        - b[..colon]
            .iter()
            .rev()
            .take_while(|c| c.is_ascii_whitespace())
            .count();
    let start = end
        - b[..end]
            .iter()
            .rev()
            .take_while(|c| lexer::ident_byte(**c))
            .count();
    (start < end).then(|| &text[start..end])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items<'a>(text: &'a str, list: &TopList) -> Vec<&'a str> {
        list.items.iter().map(|r| text[r.clone()].trim()).collect()
    }

    #[test]
    fn cuts_top_level_lists_into_items_outside_strings_and_comments() {
        let text = r##"#![enable(implicit_some)]
(
  // measures: [ a comment
  title: "measures: [(x)], ]",
  note: r#"a "raw" ] note"#,
  c: '[',
  measures: [(id: "a", v: [1, 2]), /* , */ (id: "b"),
  ],
  empty: [],
  nested: (inner: [1, 2]),
  action_plans : [ (id: "p", actions: [(r: "1")]) ],
)"##;
        let mut told = Vec::new();
        let s = split(text, |name, open, n, item| told.push((name, open, n, item))).unwrap();
        assert_eq!(s.lists.len(), 3);
        let listed: Vec<_> = s
            .lists
            .iter()
            .flat_map(|l| {
                l.items
                    .iter()
                    .enumerate()
                    .map(|(n, r)| (l.name, l.open, n, r.clone()))
            })
            .collect();
        assert_eq!(told, listed);
        assert_eq!(s.lists[0].name, "measures");
        assert_eq!(
            items(text, &s.lists[0]),
            ["(id: \"a\", v: [1, 2])", "/* , */ (id: \"b\")"]
        );
        assert_eq!(s.lists[1].name, "empty");
        assert!(s.lists[1].items.is_empty());
        assert_eq!(s.lists[2].name, "action_plans");
        assert_eq!(
            items(text, &s.lists[2]),
            ["(id: \"p\", actions: [(r: \"1\")])"]
        );
        let (open, close) = s.top.unwrap();
        assert_eq!(&text[open..=open], "(");
        assert_eq!(close, text.len() - 1);
        assert!(s.empty_items.is_empty());
    }

    #[test]
    fn reports_what_does_not_balance() {
        let broken = |t: &str| split(t, |_, _, _, _| {}).unwrap_err();
        assert_eq!(
            broken("(a: [1, 2)"),
            Broken::Mismatched { open: 4, close: 9 }
        );
        assert_eq!(broken("(a: 1))"), Broken::NothingOpen { close: 6 });
        assert_eq!(broken("(a: (1, 2)"), Broken::NeverClosed { open: 0 });
        assert_eq!(
            broken("(a: \"x)"),
            Broken::Unclosed {
                what: Unclosed::String,
                at: 4
            }
        );
        assert_eq!(
            broken("(a: /* x)"),
            Broken::Unclosed {
                what: Unclosed::BlockComment,
                at: 4
            }
        );
        assert_eq!(
            broken("(a: r#\"x)"),
            Broken::Unclosed {
                what: Unclosed::RawString,
                at: 4
            }
        );
        let deep = format!("{}{}", "[".repeat(MAX_DEPTH + 1), "]".repeat(MAX_DEPTH + 1));
        assert_eq!(broken(&deep), Broken::TooDeep { at: MAX_DEPTH });
    }

    #[test]
    fn finds_empty_items_and_keeps_a_trailing_comma() {
        let text = "(m: [(a), , (b),], o: [1,,2])";
        let s = split(text, |_, _, _, _| {}).unwrap();
        assert_eq!(s.lists[0].items.len(), 2);
        assert_eq!(s.empty_items, vec![10, 25]);
    }

    #[test]
    fn long_strings_and_long_lists_are_refused() {
        let long = format!("(a: \"{}\")", "x".repeat(MAX_STRING_BYTES + 1));
        assert!(matches!(
            split(&long, |_, _, _, _| {}),
            Err(Broken::StringTooLong { at: 4, .. })
        ));
        let many = format!("(a: [{}])", "1,".repeat(MAX_LIST_ITEMS + 1));
        assert!(matches!(
            split(&many, |_, _, _, _| {}),
            Err(Broken::TooManyItems { open: 4, .. })
        ));
    }
}
