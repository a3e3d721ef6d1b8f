//! A fast serde [`Deserializer`](serde::Deserializer) for the RON this app writes, tried on
//! each item before ron, with ron as the authority.
//!
//! ron's own parser spends most of a large file's loading time on its general machinery
//! (white space and identifiers read a char at a time, look-ahead, error positions kept up to
//! date). This reader walks the bytes of one item once, for whatever type serde's derive asks
//! of it, so every model type keeps its one spelling (its `#[derive(Deserialize)]`) and a new
//! field is read here as fast as the others, with no code to add.
//!
//! It reads a strict subset of RON, the one [`to_text`](super::to_text) writes and a person
//! editing a file most often types:
//!
//! - structs `(a: 1, b: "x")`, with or without their name (`Measure(…)`), tuples, newtype
//!   structs, unit `()`, sequences `[…]`, maps `{k: v}`, trailing commas;
//! - enum variants of every shape: `Illustrative`, `Other("kt CO₂e")`, `Pair(1, 2)`,
//!   `Chart(measure: "x")`;
//! - `Option`s as `None`, `Some(x)` and, with `implicit_some`, a bare `x`;
//! - strings in quotes with ron's escapes (`\n`, `\"`, `\\`, `\u{…}`, `\x41`, a `\` at the
//!   end of a line), raw strings `r#"…"#`, chars, `true`/`false`;
//! - decimal integers (`12`, `-3`, `+4`) and floats as `f64::from_str` reads them (`1.5`,
//!   `-0.5`, `1e3`, `7`), exactly as ron reads them;
//! - ASCII identifiers; white space of spaces, tabs and line ends; `//` and nested `/* */`
//!   comments.
//!
//! Anything else it *declines*, without trying to explain: underscores or suffixes in
//! numbers, `0x` integers, `inf` and `NaN`, raw identifiers, non-ASCII identifiers or white
//! space, byte strings, `\x` escapes above 127, the `Range` and `RawValue` special cases,
//! `deserialize_any` (untagged and internally tagged enums, `#[serde(flatten)]`, unknown
//! fields of a struct that allows them), any extension other than `implicit_some`, and any
//! error at all, a serde one (a missing or unknown field, a bad date) included. The loader
//! then reads the item with ron exactly as it would have without this reader, so every
//! message, position and path stays ron's. The rule that keeps the two equal: this reader
//! accepts a text only where it takes the same steps ron's deserializer takes (the same
//! visitor calls with the same values), and at every step where ron would do something
//! unusual it gives up. The tests compare the two on every construct, on arbitrary projects
//! and on edited texts.

use ron::extensions::Extensions;
use serde::de;
use std::fmt;

/// ron's default recursion limit, counted at the same steps as ron counts it: a text that
/// nests deeper is declined (ron then reports it).
pub(super) const RECURSION_LIMIT: usize = 128;

/// Which texts the fast reader is used for: those whose extensions it handles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FastRon {
    implicit_some: bool,
}

impl FastRon {
    /// The reader for a file with these extensions, or `None` when they include one it does
    /// not handle (only `implicit_some` is).
    pub fn for_extensions(extensions: Extensions) -> Option<FastRon> {
        (extensions - Extensions::IMPLICIT_SOME)
            .is_empty()
            .then_some(FastRon {
                implicit_some: extensions.contains(Extensions::IMPLICIT_SOME),
            })
    }

    /// `T` read from `text` (one value, no `#![…]` attributes), or `None` when the text is
    /// outside the subset or holds any error: read it with ron then.
    pub fn from_str<'de, T: de::Deserialize<'de>>(self, text: &'de str) -> Option<T> {
        let mut reader = Reader {
            text,
            bytes: text.as_bytes(),
            pos: 0,
            implicit_some: self.implicit_some,
            budget: RECURSION_LIMIT,
        };
        reader.skip_ws().ok()?;
        if reader.peek() == Some(b'#') {
            // Attributes are ron's to read.
            return None;
        }
        let value = T::deserialize(&mut reader).ok()?;
        reader.skip_ws().ok()?;
        (reader.pos == reader.bytes.len()).then_some(value)
    }
}

/// Why the fast reader gave up; never shown (ron reads the text again).
#[derive(Debug)]
pub struct Declined;

impl fmt::Display for Declined {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not read by the fast reader")
    }
}

impl std::error::Error for Declined {}

impl de::Error for Declined {
    fn custom<T: fmt::Display>(_: T) -> Self {
        Declined
    }
}

type Result<T> = std::result::Result<T, Declined>;

mod de_impl;
mod reader;

use reader::Reader;

#[cfg(test)]
mod tests;
