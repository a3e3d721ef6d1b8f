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

use memchr::{memchr, memchr2};
use ron::extensions::Extensions;
use serde::de::{self, DeserializeSeed, Visitor};
use std::fmt;

/// ron's default recursion limit, counted at the same steps as ron counts it: a text that
/// nests deeper is declined (ron then reports it).
const RECURSION_LIMIT: usize = 128;

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

/// A string read: borrowed from the text when it has no escapes, as ron does.
enum Text<'de> {
    Borrowed(&'de str),
    Owned(String),
}

/// The reader: a position in one item's text.
struct Reader<'de> {
    text: &'de str,
    bytes: &'de [u8],
    pos: usize,
    implicit_some: bool,
    /// Nesting left before ron's recursion limit.
    budget: usize,
}

/// The bytes that continue an ASCII identifier, by value (a table: identifiers are read at
/// every field).
static IDENT_BYTES: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = c.is_ascii_alphanumeric() || c == b'_';
        b += 1;
    }
    t
};

/// A byte that continues an ASCII identifier.
#[inline]
fn ident_byte(b: u8) -> bool {
    IDENT_BYTES[usize::from(b)]
}

/// A byte ron's float reader takes (`is_float_char`).
fn float_byte(b: u8) -> bool {
    b.is_ascii_digit() || matches!(b, b'e' | b'E' | b'.' | b'+' | b'-' | b'_')
}

/// Where the first `"` or `\` is: most strings are short (periods, ids), and a plain loop
/// finds their end sooner than a vectorised search gets going.
#[inline]
fn quote_or_backslash(bytes: &[u8]) -> Option<usize> {
    const SHORT: usize = 24;
    let head = &bytes[..bytes.len().min(SHORT)];
    match head.iter().position(|&b| b == b'"' || b == b'\\') {
        Some(i) => Some(i),
        None if bytes.len() > SHORT => memchr2(b'"', b'\\', &bytes[SHORT..]).map(|i| i + SHORT),
        None => None,
    }
}

/// The value of a hex digit, as ron's `decode_hex`.
fn hex(b: u8) -> Result<u32> {
    match b {
        b'0'..=b'9' => Ok(u32::from(b - b'0')),
        b'a'..=b'f' => Ok(u32::from(b - b'a') + 10),
        b'A'..=b'F' => Ok(u32::from(b - b'A') + 10),
        _ => Err(Declined),
    }
}

impl<'de> Reader<'de> {
    #[inline]
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    #[inline]
    fn rest(&self) -> &'de [u8] {
        &self.bytes[self.pos..]
    }

    /// One level deeper, where ron counts one against its recursion limit.
    #[inline]
    fn enter(&mut self) -> Result<()> {
        self.budget = self.budget.checked_sub(1).ok_or(Declined)?;
        Ok(())
    }

    #[inline]
    fn leave(&mut self) {
        self.budget += 1;
    }

    #[inline]
    fn expect(&mut self, b: u8) -> Result<()> {
        if self.peek() == Some(b) {
            self.pos += 1;
            Ok(())
        } else {
            Err(Declined)
        }
    }

    /// White space and comments, as ron's `skip_ws` (only ASCII white space: any other is
    /// declined where a token is expected).
    #[inline]
    fn skip_ws(&mut self) -> Result<()> {
        while let Some(b) = self.peek() {
            match b {
                b' ' | b'\t' | b'\n' | b'\r' => self.pos += 1,
                b'/' => self.skip_comment()?,
                _ => break,
            }
        }
        Ok(())
    }

    #[cold]
    fn skip_comment(&mut self) -> Result<()> {
        match self.bytes.get(self.pos + 1) {
            Some(b'/') => {
                // To the end of the line (the line end is white space) or of the text.
                self.pos = memchr(b'\n', self.rest()).map_or(self.bytes.len(), |i| self.pos + i);
                Ok(())
            }
            Some(b'*') => {
                self.pos += 2;
                let mut level = 1usize;
                while level > 0 {
                    let i = memchr2(b'/', b'*', self.rest()).ok_or(Declined)?;
                    self.pos += i;
                    if self.rest().starts_with(b"/*") {
                        level += 1;
                        self.pos += 2;
                    } else if self.rest().starts_with(b"*/") {
                        level -= 1;
                        self.pos += 2;
                    } else {
                        self.pos += 1;
                    }
                }
                Ok(())
            }
            _ => Err(Declined),
        }
    }

    /// ron's `comma`: white space, a comma if there is one (and white space after it).
    #[inline]
    fn comma(&mut self) -> Result<bool> {
        self.skip_ws()?;
        if self.peek() == Some(b',') {
            self.pos += 1;
            self.skip_ws()?;
            Ok(true)
        } else {
            Ok(false)
        }
    }

    /// Whether an identifier would go on at `at` (ron's `check_ident_other_char`); declined
    /// for a non-ASCII char, which may or may not.
    #[inline]
    fn ident_goes_on(&self, at: usize) -> Result<bool> {
        match self.bytes.get(at) {
            Some(&b) if b >= 0x80 => Err(Declined),
            Some(&b) => Ok(ident_byte(b)),
            None => Ok(false),
        }
    }

    /// ron's `consume_ident`: `word`, not followed by a char of an identifier.
    #[inline]
    fn consume_ident(&mut self, word: &str) -> Result<bool> {
        if self.rest().starts_with(word.as_bytes()) && !self.ident_goes_on(self.pos + word.len())? {
            self.pos += word.len();
            Ok(true)
        } else {
            Ok(false)
        }
    }

    /// ron's `identifier`, for ASCII identifiers only.
    #[inline]
    fn identifier(&mut self) -> Result<&'de str> {
        let start = self.pos;
        let rest = self.rest();
        match rest.first() {
            // A (raw) (byte) string, or a raw identifier.
            Some(b'b' | b'r')
                if [&b"b\""[..], b"b'", b"br#", b"br\"", b"r\"", b"r#"]
                    .iter()
                    .any(|p| rest.starts_with(p)) =>
            {
                return Err(Declined);
            }
            Some(&b) if b.is_ascii_alphabetic() || b == b'_' => {}
            _ => return Err(Declined),
        }
        let len = 1 + rest[1..].iter().take_while(|&&b| ident_byte(b)).count();
        match rest.get(len) {
            // Non-ASCII may continue it; `.`, `+` and `-` make ron suggest a raw identifier.
            Some(&b) if b >= 0x80 || matches!(b, b'.' | b'+' | b'-') => return Err(Declined),
            _ => {}
        }
        self.pos += len;
        Ok(&self.text[start..start + len])
    }

    /// ron's `consume_struct_name`: the type's name if one is written (it must be `name`).
    #[inline]
    fn struct_name(&mut self, name: &str) -> Result<bool> {
        if !self.ident_goes_on(self.pos)? {
            return Ok(false);
        }
        let found = self.identifier()?;
        if name.is_empty() || found != name {
            return Err(Declined);
        }
        Ok(true)
    }

    /// A string in quotes or a raw string, as ron's `string`.
    #[inline]
    fn string(&mut self) -> Result<Text<'de>> {
        match self.peek() {
            Some(b'"') => {
                // ron looks for the closing quote, then for a `\` before it: the first of the
                // two tells the same.
                let start = self.pos + 1;
                let end = start + quote_or_backslash(&self.bytes[start..]).ok_or(Declined)?;
                if self.bytes[end] == b'"' {
                    self.pos = end + 1;
                    Ok(Text::Borrowed(&self.text[start..end]))
                } else {
                    self.escaped_string(start, end).map(Text::Owned)
                }
            }
            Some(b'r') => self.raw_string(),
            _ => Err(Declined),
        }
    }

    /// The rest of a string in quotes from its first `\` (at `escape`), as ron's
    /// `escaped_byte_buf`.
    #[cold]
    fn escaped_string(&mut self, start: usize, escape: usize) -> Result<String> {
        let mut s = String::from(&self.text[start..escape]);
        let mut p = escape;
        loop {
            // Past the `\`.
            p += 1;
            let rest = &self.bytes[p..];
            if rest.starts_with(b"\r\n") || rest.starts_with(b"\n") {
                // A line continuation: the line end and the white space after it are skipped.
                p += if rest[0] == b'\r' { 2 } else { 1 };
                p += self.bytes[p..]
                    .iter()
                    .take_while(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
                    .count();
            } else {
                let (c, len) = self.escape(p)?;
                s.push(c);
                p += len;
            }
            let next = memchr2(b'"', b'\\', &self.bytes[p..]).ok_or(Declined)?;
            s.push_str(&self.text[p..p + next]);
            p += next;
            if self.bytes[p] == b'"' {
                self.pos = p + 1;
                return Ok(s);
            }
        }
    }

    /// The char of the escape whose letter is at `at` (after its `\`), and how many bytes it
    /// takes from there, as ron's `parse_escape`; `\x` escapes above 127 are declined.
    fn escape(&self, at: usize) -> Result<(char, usize)> {
        let b = &self.bytes[at..];
        let c = match b.first().ok_or(Declined)? {
            b'\'' => '\'',
            b'"' => '"',
            b'\\' => '\\',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'0' => '\0',
            b'x' => {
                let hi = hex(*b.get(1).ok_or(Declined)?)?;
                let lo = hex(*b.get(2).ok_or(Declined)?)?;
                let v = hi << 4 | lo;
                if v >= 0x80 {
                    return Err(Declined);
                }
                return Ok((char::from(v as u8), 3));
            }
            b'u' => {
                if b.get(1) != Some(&b'{') {
                    return Err(Declined);
                }
                let mut v = 0u32;
                let mut digits = 0;
                while digits < 6 {
                    let d = *b.get(2 + digits).ok_or(Declined)?;
                    if d == b'}' {
                        break;
                    }
                    v = v << 4 | hex(d)?;
                    digits += 1;
                }
                if digits == 0 || b.get(2 + digits) != Some(&b'}') {
                    return Err(Declined);
                }
                return Ok((char::from_u32(v).ok_or(Declined)?, 3 + digits));
            }
            _ => return Err(Declined),
        };
        Ok((c, 1))
    }

    /// `r`, hashes, then everything to the first `"` followed by as many hashes.
    #[cold]
    fn raw_string(&mut self) -> Result<Text<'de>> {
        let after_r = self.pos + 1;
        let hashes = self.bytes[after_r..]
            .iter()
            .take_while(|&&b| b == b'#')
            .count();
        let open = after_r + hashes;
        if self.bytes.get(open) != Some(&b'"') {
            return Err(Declined);
        }
        let start = open + 1;
        let ending = format!("\"{}", &self.text[after_r..open]);
        let len = self.text[start..].find(&ending).ok_or(Declined)?;
        self.pos = start + len + ending.len();
        Ok(Text::Borrowed(&self.text[start..start + len]))
    }

    /// A char in single quotes, as ron's `char`.
    fn char(&mut self) -> Result<char> {
        self.expect(b'\'')?;
        let c = self.text[self.pos..].chars().next().ok_or(Declined)?;
        self.pos += c.len_utf8();
        let c = if c == '\\' {
            let (c, len) = self.escape(self.pos)?;
            self.pos += len;
            c
        } else {
            c
        };
        self.expect(b'\'')?;
        Ok(c)
    }

    /// A decimal integer with an optional sign, as ron's `integer` reads it: underscores,
    /// other bases, byte literals and type suffixes are declined.
    #[inline]
    fn integer(&mut self) -> Result<i128> {
        let mut p = self.pos;
        let negative = match self.bytes.get(p) {
            Some(b'+') => {
                p += 1;
                false
            }
            Some(b'-') => {
                p += 1;
                true
            }
            _ => false,
        };
        let rest = &self.bytes[p..];
        if rest.starts_with(b"0b") || rest.starts_with(b"0o") || rest.starts_with(b"0x") {
            return Err(Declined);
        }
        // ron takes the run of hex digits and underscores, then looks for a suffix.
        let run = rest
            .iter()
            .take_while(|&&b| b.is_ascii_hexdigit() || b == b'_')
            .count();
        if run == 0
            || run > 30
            || !rest[..run].iter().all(u8::is_ascii_digit)
            || matches!(rest.get(run), Some(b'i' | b'u'))
        {
            return Err(Declined);
        }
        let magnitude = rest[..run]
            .iter()
            .fold(0i128, |n, &d| n * 10 + i128::from(d - b'0'));
        self.pos = p + run;
        Ok(if negative { -magnitude } else { magnitude })
    }

    /// The text of a float, as ron's `float` takes it: the run of float chars (underscores,
    /// `..`, a type suffix and `inf`/`NaN` declined).
    #[inline]
    fn float_text(&mut self) -> Result<&'de str> {
        let start = self.pos;
        let mut end = start;
        let mut last = 0;
        while let Some(&b) = self.bytes.get(end) {
            if !float_byte(b) {
                break;
            }
            if b == b'_' || (b == b'.' && last == b'.') {
                return Err(Declined);
            }
            last = b;
            end += 1;
        }
        if end == start || self.bytes.get(end) == Some(&b'f') {
            return Err(Declined);
        }
        self.pos = end;
        Ok(&self.text[start..end])
    }

    fn int<T: TryFrom<i128>>(&mut self) -> Result<T> {
        T::try_from(self.integer()?).map_err(|_| Declined)
    }

    fn visit_text<V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value> {
        match self.string()? {
            Text::Borrowed(s) => visitor.visit_borrowed_str(s),
            Text::Owned(s) => visitor.visit_string(s),
        }
    }

    /// The fields of a struct between its brackets, from after its `(` to its `)`.
    fn struct_body<V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value> {
        self.expect(b'(')?;
        self.enter()?;
        let value = visitor.visit_map(Items::new(self, b')', Keys::Identifiers))?;
        self.leave();
        self.skip_ws()?;
        self.expect(b')')?;
        Ok(value)
    }
}

macro_rules! integers {
    ($($method:ident => $visit:ident: $ty:ty,)*) => {
        $(
            #[inline]
            fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
                let n: $ty = self.int()?;
                visitor.$visit(n)
            }
        )*
    };
}

macro_rules! declined {
    ($($method:ident($($arg:ty),*),)*) => {
        $(
            fn $method<V: Visitor<'de>>(self, $(_: $arg,)* _: V) -> Result<V::Value> {
                Err(Declined)
            }
        )*
    };
}

impl<'de> de::Deserializer<'de> for &mut Reader<'de> {
    type Error = Declined;

    // ron guesses the type from the text here (untagged and internally tagged enums,
    // flattened structs, ignored fields): its rules are too many to copy.
    declined! {
        deserialize_any(),
        deserialize_ignored_any(),
        deserialize_bytes(),
        deserialize_byte_buf(),
    }

    integers! {
        deserialize_i8 => visit_i8: i8,
        deserialize_i16 => visit_i16: i16,
        deserialize_i32 => visit_i32: i32,
        deserialize_i64 => visit_i64: i64,
        deserialize_u8 => visit_u8: u8,
        deserialize_u16 => visit_u16: u16,
        deserialize_u32 => visit_u32: u32,
        deserialize_u64 => visit_u64: u64,
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        if self.consume_ident("true")? {
            visitor.visit_bool(true)
        } else if self.consume_ident("false")? {
            visitor.visit_bool(false)
        } else {
            Err(Declined)
        }
    }

    #[inline]
    fn deserialize_f32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        let v: f32 = self.float_text()?.parse().map_err(|_| Declined)?;
        visitor.visit_f32(v)
    }

    #[inline]
    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        let v: f64 = self.float_text()?.parse().map_err(|_| Declined)?;
        visitor.visit_f64(v)
    }

    fn deserialize_char<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_char(self.char()?)
    }

    #[inline]
    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.visit_text(visitor)
    }

    #[inline]
    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.visit_text(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        if self.consume_ident("None")? {
            visitor.visit_none()
        } else if self.consume_ident("Some")? {
            self.skip_ws()?;
            // ron reads `Some` without a `(` as a value with `implicit_some`: declined.
            self.expect(b'(')?;
            self.skip_ws()?;
            self.enter()?;
            let value = visitor.visit_some(&mut *self)?;
            self.leave();
            self.comma()?;
            self.expect(b')')?;
            Ok(value)
        } else if self.implicit_some {
            self.enter()?;
            let value = visitor.visit_some(&mut *self)?;
            self.leave();
            Ok(value)
        } else {
            Err(Declined)
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        if self.rest().starts_with(b"()") {
            self.pos += 2;
            visitor.visit_unit()
        } else {
            Err(Declined)
        }
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value> {
        if name == "RangeFull" {
            return Err(Declined);
        }
        if self.struct_name(name)? {
            visitor.visit_unit()
        } else {
            self.deserialize_unit(visitor)
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value> {
        if name.starts_with("$ron::") {
            // ron's raw values.
            return Err(Declined);
        }
        self.struct_name(name)?;
        self.skip_ws()?;
        self.expect(b'(')?;
        self.skip_ws()?;
        self.enter()?;
        let value = visitor.visit_newtype_struct(&mut *self)?;
        self.leave();
        self.comma()?;
        self.expect(b')')?;
        Ok(value)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.expect(b'[')?;
        self.enter()?;
        let value = visitor.visit_seq(Items::new(self, b']', Keys::Values))?;
        self.leave();
        self.skip_ws()?;
        self.expect(b']')?;
        Ok(value)
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value> {
        self.expect(b'(')?;
        self.enter()?;
        let value = visitor.visit_seq(Items::new(self, b')', Keys::Values))?;
        self.leave();
        self.skip_ws()?;
        self.expect(b')')?;
        Ok(value)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        len: usize,
        visitor: V,
    ) -> Result<V::Value> {
        self.struct_name(name)?;
        self.deserialize_tuple(len, visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        // A flattened struct (its visitor expects "struct …"): ron reads its keys as strings.
        struct Expecting<'a, V>(&'a V);
        impl<'de, V: Visitor<'de>> fmt::Display for Expecting<'_, V> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.expecting(f)
            }
        }
        if Expecting(&visitor).to_string().starts_with("struct ") {
            return Err(Declined);
        }
        self.expect(b'{')?;
        self.enter()?;
        let value = visitor.visit_map(Items::new(self, b'}', Keys::Values))?;
        self.leave();
        self.skip_ws()?;
        self.expect(b'}')?;
        Ok(value)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        // ron reads ranges (`1..3`) in their own way.
        if matches!(
            name,
            "Range" | "RangeInclusive" | "RangeFrom" | "RangeTo" | "RangeToInclusive"
        ) {
            return Err(Declined);
        }
        self.struct_name(name)?;
        self.skip_ws()?;
        self.struct_body(visitor)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        self.enter()?;
        let value = visitor.visit_enum(Enum(&mut *self))?;
        self.leave();
        Ok(value)
    }

    #[inline]
    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_borrowed_str(self.identifier()?)
    }
}

/// How the keys of a bracketed list of entries are read.
#[derive(Clone, Copy)]
enum Keys {
    /// A struct's field names.
    Identifiers,
    /// Any value (a map's keys; unused for sequences and tuples).
    Values,
}

/// The entries of a sequence, tuple, struct or map, as ron's `CommaSeparated`.
struct Items<'a, 'de> {
    de: &'a mut Reader<'de>,
    close: u8,
    keys: Keys,
    had_comma: bool,
}

impl<'a, 'de> Items<'a, 'de> {
    fn new(de: &'a mut Reader<'de>, close: u8, keys: Keys) -> Self {
        Items {
            de,
            close,
            keys,
            had_comma: true,
        }
    }

    #[inline]
    fn has_element(&mut self) -> Result<bool> {
        self.de.skip_ws()?;
        let at_close = self.de.peek() == Some(self.close);
        match (self.had_comma, at_close) {
            (true, at_close) => Ok(!at_close),
            (false, true) => Ok(false),
            (false, false) => Err(Declined),
        }
    }
}

impl<'de> de::SeqAccess<'de> for Items<'_, 'de> {
    type Error = Declined;

    #[inline]
    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>> {
        if !self.has_element()? {
            return Ok(None);
        }
        self.de.enter()?;
        let value = seed.deserialize(&mut *self.de)?;
        self.de.leave();
        self.had_comma = self.de.comma()?;
        Ok(Some(value))
    }
}

impl<'de> de::MapAccess<'de> for Items<'_, 'de> {
    type Error = Declined;

    #[inline]
    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>> {
        if !self.has_element()? {
            return Ok(None);
        }
        self.de.enter()?;
        let key = match self.keys {
            Keys::Identifiers => seed.deserialize(Key(&mut *self.de))?,
            Keys::Values => seed.deserialize(&mut *self.de)?,
        };
        self.de.leave();
        Ok(Some(key))
    }

    #[inline]
    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value> {
        self.de.skip_ws()?;
        self.de.expect(b':')?;
        self.de.skip_ws()?;
        self.de.enter()?;
        let value = seed.deserialize(&mut *self.de)?;
        self.de.leave();
        self.had_comma = self.de.comma()?;
        Ok(value)
    }
}

/// A struct's field name, as ron's `id::Deserializer`: an identifier, whatever is asked.
struct Key<'a, 'de>(&'a mut Reader<'de>);

impl<'de> de::Deserializer<'de> for Key<'_, 'de> {
    type Error = Declined;

    #[inline]
    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_borrowed_str(self.0.identifier()?)
    }

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_identifier(visitor)
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_identifier(visitor)
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_identifier(visitor)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_identifier(visitor)
    }

    declined! {
        deserialize_bool(),
        deserialize_i8(),
        deserialize_i16(),
        deserialize_i32(),
        deserialize_i64(),
        deserialize_u8(),
        deserialize_u16(),
        deserialize_u32(),
        deserialize_u64(),
        deserialize_f32(),
        deserialize_f64(),
        deserialize_char(),
        deserialize_bytes(),
        deserialize_byte_buf(),
        deserialize_option(),
        deserialize_unit(),
        deserialize_unit_struct(&'static str),
        deserialize_newtype_struct(&'static str),
        deserialize_seq(),
        deserialize_tuple(usize),
        deserialize_tuple_struct(&'static str, usize),
        deserialize_map(),
        deserialize_struct(&'static str, &'static [&'static str]),
        deserialize_enum(&'static str, &'static [&'static str]),
    }
}

/// An enum's variant, as ron's `Enum`.
struct Enum<'a, 'de>(&'a mut Reader<'de>);

impl<'de> de::EnumAccess<'de> for Enum<'_, 'de> {
    type Error = Declined;
    type Variant = Self;

    #[inline]
    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, Self)> {
        self.0.skip_ws()?;
        self.0.enter()?;
        let value = seed.deserialize(&mut *self.0)?;
        self.0.leave();
        Ok((value, self))
    }
}

impl<'de> de::VariantAccess<'de> for Enum<'_, 'de> {
    type Error = Declined;

    #[inline]
    fn unit_variant(self) -> Result<()> {
        Ok(())
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value> {
        let de = self.0;
        de.skip_ws()?;
        de.expect(b'(')?;
        de.skip_ws()?;
        de.enter()?;
        let value = seed.deserialize(&mut *de)?;
        de.leave();
        de.comma()?;
        de.expect(b')')?;
        Ok(value)
    }

    fn tuple_variant<V: Visitor<'de>>(self, len: usize, visitor: V) -> Result<V::Value> {
        self.0.skip_ws()?;
        de::Deserializer::deserialize_tuple(self.0, len, visitor)
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        self.0.skip_ws()?;
        self.0.struct_body(visitor)
    }
}

#[cfg(test)]
mod tests {
    use super::FastRon;
    use proptest::prelude::*;
    use ron::extensions::Extensions;
    use serde::Deserialize;
    use std::collections::BTreeMap;
    use std::fmt::Debug;

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(deny_unknown_fields)]
    struct All {
        #[serde(default)]
        s: String,
        #[serde(default)]
        o: Option<String>,
        #[serde(default)]
        oo: Option<Option<u8>>,
        #[serde(default)]
        n: i32,
        #[serde(default)]
        small: i8,
        #[serde(default)]
        u: u64,
        #[serde(default)]
        f: f64,
        #[serde(default)]
        g: f32,
        #[serde(default)]
        b: bool,
        #[serde(default)]
        c: Option<char>,
        #[serde(default)]
        e: Vec<E>,
        #[serde(default)]
        t: Option<(u8, String)>,
        #[serde(default)]
        m: BTreeMap<String, i8>,
        #[serde(default)]
        unit: (),
        #[serde(default)]
        nt: Option<New>,
        #[serde(default)]
        us: Option<UnitStruct>,
        #[serde(default)]
        ts: Option<TupleStruct>,
        #[serde(default)]
        inner: Option<Box<All>>,
    }

    #[derive(Debug, Deserialize, PartialEq)]
    enum E {
        Unit,
        New(String),
        Tup(u8, i8),
        Struct {
            a: u8,
            #[serde(default)]
            b: Option<String>,
        },
    }

    #[derive(Debug, Deserialize, PartialEq)]
    struct New(f64);

    #[derive(Debug, Deserialize, PartialEq)]
    struct UnitStruct;

    #[derive(Debug, Deserialize, PartialEq)]
    struct TupleStruct(u8, Option<u8>);

    /// A struct that allows unknown fields (ron skips them with `deserialize_any`).
    #[derive(Debug, Deserialize, PartialEq)]
    struct Lenient {
        #[serde(default)]
        a: u8,
    }

    #[derive(Debug, Deserialize, PartialEq)]
    struct Borrowing<'a> {
        s: &'a str,
    }

    fn options(implicit_some: bool) -> ron::Options {
        let exts = match implicit_some {
            true => Extensions::IMPLICIT_SOME,
            false => Extensions::empty(),
        };
        ron::Options::default().with_default_extension(exts)
    }

    /// The fast reading of `text`, after checking that it is ron's when there is one.
    fn fast_with<'a, T: Deserialize<'a> + Debug>(text: &'a str, implicit_some: bool) -> Option<T> {
        let fast = FastRon { implicit_some }.from_str::<T>(text);
        if let Some(fast) = &fast {
            match options(implicit_some).from_str::<T>(text) {
                // Debug tells -0.0 from 0.0 and shows every field.
                Ok(ron) => assert_eq!(format!("{fast:?}"), format!("{ron:?}"), "{text}"),
                Err(e) => panic!("read {text:?} as {fast:?}, ron refuses it: {e}"),
            }
        }
        fast
    }

    fn fast<'a, T: Deserialize<'a> + Debug>(text: &'a str) -> Option<T> {
        fast_with(text, true)
    }

    /// Read by the fast reader, as ron reads it.
    fn reads(text: &str) -> All {
        fast::<All>(text).unwrap_or_else(|| panic!("declined {text:?}"))
    }

    /// Declined by the fast reader (ron may read it or not).
    fn declines(text: &str) {
        assert!(fast::<All>(text).is_none(), "read {text:?}");
    }

    #[test]
    fn structs_with_or_without_their_name_and_trailing_commas() {
        assert_eq!(reads("(n: 1, s: \"x\")").n, 1);
        assert_eq!(reads("All(n: 1, s: \"x\",)").s, "x");
        assert_eq!(reads("  (\n  n: 1,\n  s: \"x\",\n)\n").n, 1);
        assert_eq!(reads("()").n, 0);
        assert_eq!(reads("All ( n : 2 )").n, 2);
        declines("Other(n: 1)");
        declines("(n: 1,,)");
        declines("(, n: 1)");
        declines("(n: 1 s: \"x\")");
        declines("(n: 1");
        declines("(n: 1) x");
        declines("(colour: 1)");
        declines("(n: 1, n: 2)");
        declines("#![enable(implicit_some)] (n: 1)");
        assert!(fast::<Lenient>("(a: 1, b: 2)").is_none());
        assert_eq!(fast::<Lenient>("(a: 1)"), Some(Lenient { a: 1 }));
    }

    #[test]
    fn sequences_tuples_maps_and_units() {
        assert_eq!(reads("(e: [Unit, Unit,])").e.len(), 2);
        assert_eq!(reads("(e: [ ])").e.len(), 0);
        assert_eq!(reads("(t: (1, \"a\"))").t, Some((1, "a".into())));
        assert_eq!(reads("(t: Some((1, \"a\",)))").t, Some((1, "a".into())));
        assert_eq!(reads("(m: {\"a\": 1, \"b\": -2,})").m.len(), 2);
        assert_eq!(reads("(m: {})").m.len(), 0);
        assert_eq!(reads("(unit: ())").unit, ());
        assert_eq!(reads("(us: UnitStruct)").us, Some(UnitStruct));
        assert_eq!(reads("(us: ())").us, Some(UnitStruct));
        assert_eq!(reads("(ts: (1, 2))").ts, Some(TupleStruct(1, Some(2))));
        assert_eq!(
            reads("(ts: TupleStruct(1, None))").ts,
            Some(TupleStruct(1, None))
        );
        assert_eq!(reads("(nt: New(1.5))").nt, Some(New(1.5)));
        assert_eq!(reads("(nt: (2))").nt, Some(New(2.0)));
        assert!(reads("(inner: (inner: (n: 3)))").inner.is_some());
        declines("(t: (1, \"a\", 2))");
        declines("(t: (1))");
        declines("(unit: ( ))");
        declines("(e: [Unit Unit])");
        declines("(m: {a: 1})");
    }

    #[test]
    fn enums_of_every_shape() {
        let all = reads(
            "(e: [Unit, New(\"kt CO₂e\"), Tup(1, -2), Struct(a: 1), Struct(a: 2, b: \"x\",), New (\"y\",)])",
        );
        assert_eq!(all.e[1], E::New("kt CO₂e".into()));
        assert_eq!(
            all.e[4],
            E::Struct {
                a: 2,
                b: Some("x".into())
            }
        );
        declines("(e: [Nope])");
        declines("(e: [Unit()])");
        declines("(e: [New])");
        declines("(e: [Tup(1)])");
        declines("(e: [Struct(a: 1, c: 2)])");
        declines("(e: [r#Unit])");
        declines("(e: [\"Unit\"])");
    }

    #[test]
    fn options_explicit_and_implicit() {
        assert_eq!(reads("(o: \"x\")").o.as_deref(), Some("x"));
        assert_eq!(reads("(o: Some(\"x\"))").o.as_deref(), Some("x"));
        assert_eq!(reads("(o: Some ( \"x\" , ))").o.as_deref(), Some("x"));
        assert_eq!(reads("(o: None)").o, None);
        assert_eq!(reads("(oo: None)").oo, None);
        assert_eq!(reads("(oo: Some(None))").oo, Some(None));
        assert_eq!(reads("(oo: 3)").oo, Some(Some(3)));
        assert_eq!(reads("(oo: Some(3))").oo, Some(Some(3)));
        declines("(o: Some \"x\")");
        declines("(o: Nonesuch)");
        // Without implicit_some a bare value is not an option.
        assert!(fast_with::<All>("(o: \"x\")", false).is_none());
        assert!(fast_with::<All>("(o: Some(\"x\"))", false).is_some());
        assert_eq!(FastRon::for_extensions(Extensions::UNWRAP_NEWTYPES), None);
        assert_eq!(
            FastRon::for_extensions(Extensions::IMPLICIT_SOME),
            Some(FastRon {
                implicit_some: true
            })
        );
    }

    #[test]
    fn strings_with_ron_escapes_raw_strings_and_chars() {
        let cases = [
            r#""plain, with (brackets) and // no comment""#,
            r#""a \"quoted\" word""#,
            r#""back\\slash""#,
            r#""lines\nand\ttabs\r\0""#,
            r#""\u{48}\u{e9}\u{1F600}\x41\'""#,
            "\"a long \\\n      line\"",
            "\"crlf \\\r\n  continued\"",
            "\"real\nnewline and ünïcödé 中\"",
            r##"r#"raw "quoted" \n"#"##,
            r#"r"raw""#,
            r###"r##"a "# b"##"###,
            r#""""#,
        ];
        for text in cases {
            let all = reads(&format!("(s: {text})"));
            assert!(!all.s.contains("\\\n"), "{text}");
        }
        for c in [
            r"'a'",
            r"'中'",
            r"'\n'",
            r"'\''",
            r"'\u{1F600}'",
            r"'\x7f'",
            "'''",
        ] {
            assert!(reads(&format!("(c: {c})")).c.is_some(), "{c}");
        }
        for bad in [
            r#""\q""#,
            r#""\u{}""#,
            r#""\u{1234567}""#,
            r#""\u{d800}""#,
            r#""\x80""#,
            r#""\xc3\xa9""#,
            r#""unclosed"#,
            r##"r#"unclosed""##,
            r#"b"bytes""#,
            "x",
        ] {
            declines(&format!("(s: {bad})"));
        }
        declines("(c: 'ab')");
        declines(r"(c: '\xff')");
        // A string with escapes is not borrowed, for ron or here.
        assert!(fast::<Borrowing>(r#"(s: "plain")"#).is_some());
        assert!(fast::<Borrowing>(r#"(s: "esc\n")"#).is_none());
    }

    #[test]
    fn numbers_as_ron_reads_them() {
        for (text, n) in [
            ("0", 0),
            ("-3", -3),
            ("+4", 4),
            ("-0", 0),
            ("2147483647", i32::MAX),
        ] {
            assert_eq!(reads(&format!("(n: {text})")).n, n, "{text}");
        }
        assert_eq!(reads("(u: 18446744073709551615)").u, u64::MAX);
        assert_eq!(reads("(u: -0)").u, 0);
        for f in [
            "1.5",
            "-0.5",
            "1e3",
            "1E-3",
            "7",
            "-0",
            "-0.0",
            ".5",
            "5.",
            "+2.5",
            "1e400",
            "1.0e0",
            "0.1",
            "123456789.123456789",
        ] {
            let all = reads(&format!("(f: {f}, g: {f})"));
            assert_eq!(all.f, f.parse::<f64>().unwrap(), "{f}");
        }
        assert!(reads("(f: -0.0)").f.is_sign_negative());
        for bad in [
            "(n: 2147483648)",
            "(small: 128)",
            "(small: -129)",
            "(u: -1)",
            "(n: 1_000)",
            "(n: 0x10)",
            "(n: 0b1)",
            "(n: 0o7)",
            "(n: 5i32)",
            "(n: 1.5)",
            "(n: 1e3)",
            "(n: b'a')",
            "(n: -)",
            "(f: inf)",
            "(f: -inf)",
            "(f: NaN)",
            "(f: 1.5f64)",
            "(f: 1_0.5)",
            "(f: 1..2)",
            "(f: 1-2)",
            "(f: e)",
            "(f: .)",
        ] {
            declines(bad);
        }
        assert!(reads("(b: true)").b);
        assert!(!reads("(b: false,)").b);
        declines("(b: truest)");
        declines("(b: 1)");
    }

    #[test]
    fn comments_and_white_space() {
        assert_eq!(
            reads("// lead\n( /* a /* nested */ one */ n: /**/ 1, // tail\n)").n,
            1
        );
        assert_eq!(reads("(n: 1) // last line without its end").n, 1);
        assert_eq!(reads("(\r\n\tn: 1\r\n)").n, 1);
        declines("(n: 1 /* unclosed )");
        declines("(n: / 1)");
        declines("(n:\u{b}1)");
        declines("(n:\u{85}1)");
        declines("(n:\u{2028}1)");
        declines("\u{feff}(n: 1)");
    }

    #[test]
    fn identifiers_that_ron_reads_otherwise_are_declined() {
        declines("(n.x: 1)");
        declines("(r#n: 1)");
        declines("(né: 1)");
        declines("(n-: 1)");
        declines("(e: [Unité])");
    }

    #[test]
    fn nesting_past_rons_recursion_limit_is_declined() {
        let deep = |n: usize| format!("{}(n: 1){}", "(inner: ".repeat(n), ")".repeat(n));
        assert!(fast::<All>(&deep(10)).is_some());
        let too_deep = deep(200);
        assert!(fast::<All>(&too_deep).is_none());
        assert!(options(true).from_str::<All>(&too_deep).is_err());
    }

    /// Pieces of RON, good and bad, to make texts of.
    const PIECES: &[&str] = &[
        "(",
        ")",
        "[",
        "]",
        "{",
        "}",
        ",",
        ":",
        " ",
        "\n",
        "\t",
        "//c\n",
        "/*",
        "*/",
        "s",
        "o",
        "oo",
        "n",
        "small",
        "u",
        "f",
        "g",
        "b",
        "c",
        "e",
        "t",
        "m",
        "unit",
        "nt",
        "us",
        "ts",
        "inner",
        "All",
        "New",
        "Unit",
        "Tup",
        "Struct",
        "UnitStruct",
        "TupleStruct",
        "a",
        "Some",
        "None",
        "true",
        "false",
        "0",
        "1",
        "-1",
        "+7",
        "300",
        "1.5",
        "-0.0",
        "1e3",
        ".",
        "e",
        "-",
        "_",
        "\"s\"",
        "\"\\n\"",
        "\"\\u{e9}\"",
        "\"",
        "\\",
        "r#\"x\"#",
        "r",
        "#",
        "'c'",
        "'",
        "()",
        "é",
        "\u{85}",
        "inf",
        "NaN",
        "0x1",
        "i8",
    ];

    fn soup() -> impl Strategy<Value = String> {
        proptest::collection::vec(proptest::sample::select(PIECES), 0..40).prop_map(|p| p.concat())
    }

    /// A text of `All` that ron reads, to edit.
    const GOOD: &str = r##"All(s: "a\"b", o: "x", oo: Some(None), n: -3, small: 4, u: 5,
        f: 1.5e2, g: -0.25, b: true, c: '\n', e: [Unit, New("y"), Tup(1, 2), Struct(a: 3, b: None)],
        t: (1, r#"q"#), m: {"k": 1}, unit: (), nt: New(2), us: UnitStruct, ts: (1, None),
        inner: (n: 1, /* c */ e: [],), // end
    )"##;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        /// On any text made of RON's pieces, the fast reader reads what ron reads or declines.
        #[test]
        fn pieces_read_as_ron_reads_them_or_are_declined(inner in soup(), outer in soup()) {
            let text = format!("({inner})");
            let _ = fast::<All>(&text);
            let _ = fast::<All>(&outer);
            let _ = fast::<E>(&outer);
            let _ = fast::<Vec<Option<E>>>(&format!("[{inner}]"));
            let _ = fast_with::<All>(&text, false);
        }

        /// Any one-piece edit of a good text is read as ron reads it, or declined.
        #[test]
        fn edited_texts_read_as_ron_reads_them_or_are_declined(
            at in any::<prop::sample::Index>(),
            piece in proptest::sample::select(PIECES),
            replace in any::<bool>(),
        ) {
            let mut text = GOOD.to_string();
            let mut i = at.index(text.len() + 1);
            while !text.is_char_boundary(i) {
                i -= 1;
            }
            if replace && i < text.len() {
                let next = text[i..].chars().next().map_or(0, char::len_utf8);
                text.replace_range(i..i + next, piece);
            } else {
                text.insert_str(i, piece);
            }
            let _ = fast::<All>(&text);
        }
    }

    #[test]
    fn the_good_text_is_read() {
        assert!(fast::<All>(GOOD).is_some());
    }
}
