//! A reader for observation lists spelled the way this app writes them
//! (`(period: "2024-03", value: 12.5, status: Estimated, source: "dwp", note: "…")`, fields in
//! that order). A large project holds half a million observations; ron reads them at about
//! 110 MB/s, this at several times that. Anything it does not recognise (another field order,
//! escapes, comments, a whole number, `Some(…)`) makes it give up on the list, and ron reads
//! that list as usual, so what a file means never depends on which reader read it.

use crate::model::{Observation, Period, ValueStatus};

/// The observations of the list whose `[` is at byte `open` of `text`, and the index just
/// past its `]`; `None` when the list is spelled in any way this reader does not know.
pub fn read_list(text: &str, open: usize) -> Option<(Vec<Observation>, usize)> {
    let b = text.as_bytes();
    if b.get(open) != Some(&b'[') {
        return None;
    }
    let mut out = Vec::new();
    let mut i = skip_ws(b, open + 1);
    loop {
        match *b.get(i)? {
            b']' => return Some((out, i + 1)),
            b'(' => {}
            _ => return None,
        }
        let (o, j) = read_one(text, i + 1)?;
        out.push(o);
        i = skip_ws(b, j);
        match *b.get(i)? {
            b',' => i = skip_ws(b, i + 1),
            b']' => return Some((out, i + 1)),
            _ => return None,
        }
    }
}

fn skip_ws(b: &[u8], mut i: usize) -> usize {
    while let Some(b' ' | b'\t' | b'\n' | b'\r') = b.get(i) {
        i += 1;
    }
    i
}

/// One observation from just after its `(` to just after its `)`.
fn read_one(text: &str, i: usize) -> Option<(Observation, usize)> {
    let b = text.as_bytes();
    let i = expect_key(b, i, b"period")?;
    let (period, i) = string(text, i)?;
    let period: Period = period.parse().ok()?;
    let i = skip_ws(b, i);
    if b.get(i) != Some(&b',') {
        return None;
    }
    let i = expect_key(b, i + 1, b"value")?;
    let (value, mut i) = number(text, i)?;
    let mut o = Observation {
        period,
        value,
        ..Default::default()
    };
    // The optional fields, each at most once and in the order they are written.
    let mut next_field = 0;
    loop {
        i = skip_ws(b, i);
        match *b.get(i)? {
            b')' => return Some((o, i + 1)),
            b',' => {
                i = skip_ws(b, i + 1);
                if b.get(i) == Some(&b')') {
                    return Some((o, i + 1));
                }
            }
            _ => return None,
        }
        let (name, j) = ident(b, i)?;
        let j = skip_ws(b, j);
        if b.get(j) != Some(&b':') {
            return None;
        }
        let j = skip_ws(b, j + 1);
        let field = match name {
            b"status" => 1,
            b"source" => 2,
            b"note" => 3,
            _ => return None,
        };
        if field <= next_field {
            return None;
        }
        next_field = field;
        i = match field {
            1 => {
                let (word, j) = ident(b, j)?;
                o.status = match word {
                    b"Measured" => ValueStatus::Measured,
                    b"Provisional" => ValueStatus::Provisional,
                    b"Estimated" => ValueStatus::Estimated,
                    b"Illustrative" => ValueStatus::Illustrative,
                    _ => return None,
                };
                j
            }
            2 => {
                let (s, j) = string(text, j)?;
                o.source = Some(s.to_string());
                j
            }
            _ => {
                let (s, j) = string(text, j)?;
                o.note = s.to_string();
                j
            }
        };
    }
}

/// `name` (after any white space), white space, `:` and white space; the index after them.
fn expect_key(b: &[u8], i: usize, name: &[u8]) -> Option<usize> {
    let i = skip_ws(b, i);
    let (word, j) = ident(b, i)?;
    if word != name {
        return None;
    }
    let j = skip_ws(b, j);
    (b.get(j) == Some(&b':')).then(|| skip_ws(b, j + 1))
}

/// An ASCII identifier starting at `i`, and the index after it.
fn ident(b: &[u8], i: usize) -> Option<(&[u8], usize)> {
    let first = *b.get(i)?;
    if !(first.is_ascii_alphabetic() || first == b'_') {
        return None;
    }
    let len = b[i..]
        .iter()
        .position(|c| !(c.is_ascii_alphanumeric() || *c == b'_'))
        .unwrap_or(b.len() - i);
    Some((&b[i..i + len], i + len))
}

/// A string starting at `i`: plain (`"…"`, without escapes) or raw (`r#"…"#`), which is how
/// the writer spells a text holding a quote. Its text, and the index after it.
fn string(text: &str, i: usize) -> Option<(&str, usize)> {
    let b = text.as_bytes();
    match *b.get(i)? {
        b'"' => {
            let len = text[i + 1..].find('"')?;
            let s = &text[i + 1..i + 1 + len];
            (!s.contains('\\')).then_some((s, i + 2 + len))
        }
        b'r' => {
            let hashes = b[i + 1..].iter().take_while(|c| **c == b'#').count();
            let open = i + 1 + hashes;
            if b.get(open) != Some(&b'"') {
                return None;
            }
            let closing = format!("\"{}", "#".repeat(hashes));
            let len = text[open + 1..].find(&closing)?;
            Some((
                &text[open + 1..open + 1 + len],
                open + 1 + len + closing.len(),
            ))
        }
        _ => None,
    }
}

/// A number as Rust's `{:?}` writes a finite `f64` (`12.5`, `-0.0`, `1e-7`, `2.5e20`): a
/// fraction or an exponent is required, so that a whole number (which ron may read through
/// an integer) is left to ron.
fn number(text: &str, i: usize) -> Option<(f64, usize)> {
    let b = text.as_bytes();
    let mut j = i;
    if b.get(j) == Some(&b'-') {
        j += 1;
    }
    let digits = |from: usize| b[from..].iter().take_while(|c| c.is_ascii_digit()).count();
    let whole = digits(j);
    if whole == 0 {
        return None;
    }
    j += whole;
    let mut real = false;
    if b.get(j) == Some(&b'.') {
        let frac = digits(j + 1);
        if frac == 0 {
            return None;
        }
        j += 1 + frac;
        real = true;
    }
    if let Some(b'e' | b'E') = b.get(j) {
        j += 1;
        if b.get(j) == Some(&b'-') {
            j += 1;
        }
        let exp = digits(j);
        if exp == 0 {
            return None;
        }
        j += exp;
        real = true;
    }
    // A number runs into nothing a float could continue with (`_`, `f64`, `..`).
    if !real
        || b.get(j)
            .is_some_and(|c| c.is_ascii_alphanumeric() || b"_.+-".contains(c))
    {
        return None;
    }
    let value: f64 = text[i..j].parse().ok()?;
    value.is_finite().then_some((value, j))
}

#[cfg(test)]
mod tests {
    use super::read_list;
    use crate::model::{Observation, ValueStatus};

    fn read(s: &str) -> Option<Vec<Observation>> {
        let (list, end) = read_list(s, 0)?;
        assert_eq!(end, s.len(), "the list ends at its `]`");
        Some(list)
    }

    #[test]
    fn reads_the_written_spelling() {
        let list = read(
            "[\n  (period: \"2024-03\", value: 12.5, status: Estimated, source: \"dwp\", note: \"a, b\"),\n  (period: \"2023/24\", value: -1e-7),\n]",
        )
        .unwrap();
        assert_eq!(list.len(), 2);
        assert_eq!(list[0].period.to_string(), "2024-03");
        assert_eq!(list[0].value, 12.5);
        assert_eq!(list[0].status, ValueStatus::Estimated);
        assert_eq!(list[0].source.as_deref(), Some("dwp"));
        assert_eq!(list[0].note, "a, b");
        assert_eq!(list[1].value, -1e-7);
        assert_eq!(list[1].status, ValueStatus::Measured);
        assert_eq!(read("[]").unwrap().len(), 0);
        assert_eq!(read("[ ]").unwrap().len(), 0);
    }

    #[test]
    fn reads_a_field_per_line_and_raw_strings() {
        let list = read(
            "[\n  (\n    period: \"2022\",\n    value: 1.0,\n    note: r#\"said \"no\"\"#,\n  ),\n]",
        )
        .unwrap();
        assert_eq!(list[0].note, "said \"no\"");
    }

    #[test]
    fn leaves_anything_else_to_ron() {
        for s in [
            "[(value: 1.0, period: \"2022\")]", // another order
            "[(period: \"2022\", value: 1)]",   // a whole number
            "[(period: \"2022\", value: 1.0, note: \"a\\nb\")]", // an escape
            "[(period: \"2022\", value: 1.0, source: Some(\"x\"))]",
            "[(period: \"2022\", value: 1.0, status: Guessed)]",
            "[(period: \"2022\", value: 1.0, colour: \"red\")]",
            "[(period: \"2022\", value: 1.0, note: \"a\", note: \"b\")]",
            "[(period: \"2022-02-30\", value: 1.0)]", // not a date: ron reports it
            "[(period: \"2022\", value: 1.0) // comment\n]",
            "[(period: \"2022\", value: 1.0e)]",
            "[(period: \"2022\", value: 1.0_0)]",
            "[(period: \"2022\", value: inf)]",
            "[(period: \"2022\", value: 1.0),,]",
            "[Observation(period: \"2022\", value: 1.0)]",
            "[(period: \"2022\", value: 1.0)",
        ] {
            assert!(read(s).is_none(), "{s}");
        }
    }
}
