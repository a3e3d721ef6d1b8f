//! The fast reader's scanner: white space and comments, identifiers, strings, chars and
//! numbers, read from the bytes of one item as ron reads them.

use super::{Declined, Result};
use memchr::{memchr, memchr2};
use serde::de::Visitor;

/// A string read: borrowed from the text when it has no escapes, as ron does.
pub(super) enum Text<'de> {
    Borrowed(&'de str),
    Owned(String),
}

/// The reader: a position in one item's text.
pub(super) struct Reader<'de> {
    pub(super) text: &'de str,
    pub(super) bytes: &'de [u8],
    pub(super) pos: usize,
    pub(super) implicit_some: bool,
    /// Nesting left before ron's recursion limit.
    pub(super) budget: usize,
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
    pub(super) fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    #[inline]
    pub(super) fn rest(&self) -> &'de [u8] {
        &self.bytes[self.pos..]
    }

    /// One level deeper, where ron counts one against its recursion limit.
    #[inline]
    pub(super) fn enter(&mut self) -> Result<()> {
        self.budget = self.budget.checked_sub(1).ok_or(Declined)?;
        Ok(())
    }

    #[inline]
    pub(super) fn leave(&mut self) {
        self.budget += 1;
    }

    #[inline]
    pub(super) fn expect(&mut self, b: u8) -> Result<()> {
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
    pub(super) fn skip_ws(&mut self) -> Result<()> {
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
    pub(super) fn skip_comment(&mut self) -> Result<()> {
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
    pub(super) fn comma(&mut self) -> Result<bool> {
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
    pub(super) fn ident_goes_on(&self, at: usize) -> Result<bool> {
        match self.bytes.get(at) {
            Some(&b) if b >= 0x80 => Err(Declined),
            Some(&b) => Ok(ident_byte(b)),
            None => Ok(false),
        }
    }

    /// ron's `consume_ident`: `word`, not followed by a char of an identifier.
    #[inline]
    pub(super) fn consume_ident(&mut self, word: &str) -> Result<bool> {
        if self.rest().starts_with(word.as_bytes()) && !self.ident_goes_on(self.pos + word.len())? {
            self.pos += word.len();
            Ok(true)
        } else {
            Ok(false)
        }
    }

    /// ron's `identifier`, for ASCII identifiers only.
    #[inline]
    pub(super) fn identifier(&mut self) -> Result<&'de str> {
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
    pub(super) fn struct_name(&mut self, name: &str) -> Result<bool> {
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
    pub(super) fn string(&mut self) -> Result<Text<'de>> {
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
    pub(super) fn escaped_string(&mut self, start: usize, escape: usize) -> Result<String> {
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
    pub(super) fn escape(&self, at: usize) -> Result<(char, usize)> {
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
    pub(super) fn raw_string(&mut self) -> Result<Text<'de>> {
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
    pub(super) fn char(&mut self) -> Result<char> {
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
    pub(super) fn integer(&mut self) -> Result<i128> {
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
    pub(super) fn float_text(&mut self) -> Result<&'de str> {
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

    pub(super) fn int<T: TryFrom<i128>>(&mut self) -> Result<T> {
        T::try_from(self.integer()?).map_err(|_| Declined)
    }

    pub(super) fn visit_text<V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value> {
        match self.string()? {
            Text::Borrowed(s) => visitor.visit_borrowed_str(s),
            Text::Owned(s) => visitor.visit_string(s),
        }
    }
}
