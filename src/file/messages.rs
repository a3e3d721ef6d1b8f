//! The parser's errors in a person's words: what was expected and what was found, dates
//! named as dates, and nothing quoted at length.

use super::limits::shortened;

/// The message for a parser error at byte `at` of `text`.
pub fn describe(code: &ron::Error, text: &str, at: usize) -> String {
    let message = plain_words(code);
    let found = value_at(text, at);
    let message = with_found(message, code, found.as_deref());
    shorten_quotes(&message)
}

/// The value written after the field name around byte `at` (`value: "12.1",` gives
/// `"12.1"`), to say what was found. Only the few hundred bytes around `at` are looked at.
fn value_at(text: &str, at: usize) -> Option<String> {
    const NEAR: usize = 256;
    let floor = |mut i: usize| {
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let at = floor(at.min(text.len()));
    let from = floor(at.saturating_sub(NEAR));
    let to = floor((at + NEAR).min(text.len()));
    let before = &text[from..at];
    let line_start = before.rfind('\n').map_or(from, |n| from + n + 1);
    let after = &text[at..to];
    let line_end = after.find('\n').map_or(to, |n| at + n);
    let upto = (at + after.chars().next().map_or(0, char::len_utf8)).min(line_end);
    let l = &text[line_start..line_end];
    let colon = text[line_start..upto].rfind(':')?;
    let rest = l[colon + 1..].trim_start();
    let value = if let Some(inner) = rest.strip_prefix('"') {
        let end = inner.find('"').map_or(rest.len(), |i| i + 2);
        &rest[..end.min(rest.len())]
    } else {
        rest.split([',', ')', ']'])
            .next()
            .unwrap_or(rest)
            .trim_end()
    };
    (!value.is_empty() && value.chars().count() <= 80).then(|| value.to_string())
}

/// Messages that say what was expected gain what was found; a date that the date reader
/// refuses is explained as such, not in the date library's words.
fn with_found(message: String, code: &ron::Error, found: Option<&str>) -> String {
    use ron::Error as E;
    let Some(found) = found else {
        return message;
    };
    const DATE_ERRORS: [&str; 6] = [
        "input is out of range",
        "input contains invalid characters",
        "premature end of input",
        "trailing input",
        "input is not enough for unique date and time",
        "no possible date and time matching input",
    ];
    match code {
        E::Message(m) if DATE_ERRORS.contains(&m.as_str()) => {
            format!("{found} is not a date (expected year-month-day, e.g. \"2025-01-31\")")
        }
        E::ExpectedFloat => format!("expected a number such as 12.5, found {found}"),
        E::ExpectedInteger => format!("expected a whole number such as 2040, found {found}"),
        E::IntegerOutOfBounds => format!("{found} is too large a number here"),
        E::ExpectedString | E::ExpectedStringEnd => {
            format!("expected text in quotes, found {found}")
        }
        E::ExpectedBoolean => format!("expected true or false, found {found}"),
        _ => message,
    }
}

fn plain_words(code: &ron::Error) -> String {
    use ron::Error as E;
    let outer = |o: &Option<String>| {
        o.as_deref()
            .map(|o| format!(" in {}", shortened(o)))
            .unwrap_or_default()
    };
    match code {
        E::NoSuchStructField {
            expected,
            found,
            outer: o,
        } => format!(
            "unknown field `{}`{}; expected one of: {}",
            shortened(found),
            outer(o),
            expected.join(", ")
        ),
        E::MissingStructField { field, outer: o } => {
            format!("missing field `{field}`{}", outer(o))
        }
        E::DuplicateStructField { field, outer: o } => {
            format!("the field `{field}` is given twice{}", outer(o))
        }
        E::TrailingCharacters => {
            "expected a comma or the end of the list here (is a `,` missing?)".into()
        }
        E::ExpectedComma => "expected a comma here (is a `,` missing?)".into(),
        other => other.to_string(),
    }
}

/// Text in double quotes longer than the limit is cut, so that a huge value written in the
/// wrong place is not repeated whole.
pub(super) fn shorten_quotes(message: &str) -> String {
    let mut out = String::with_capacity(message.len().min(1024));
    let mut rest = message;
    while let Some(open) = rest.find('"') {
        let Some(len) = rest[open + 1..].find('"') else {
            break;
        };
        out.push_str(&rest[..=open]);
        out.push_str(&shortened(&rest[open + 1..open + 1 + len]));
        out.push('"');
        rest = &rest[open + 2 + len..];
    }
    out.push_str(&shortened_tail(rest));
    out
}

/// The rest of a message, cut if a lone quote left a long text in it.
fn shortened_tail(s: &str) -> std::borrow::Cow<'_, str> {
    if s.len() > 400 {
        shortened(s)
    } else {
        s.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn found_values_come_from_around_the_error() {
        let text = "(\n  a: 1,\n  value: \"12.1\",\n)";
        let at = text.find("\"12.1\"").unwrap();
        assert_eq!(value_at(text, at).as_deref(), Some("\"12.1\""));
        assert_eq!(value_at(text, at + 2).as_deref(), Some("\"12.1\""));
        assert_eq!(value_at(text, text.find("a:").unwrap()), None);
        let one_line = format!("({}year: x2040, b: 1)", "a: 1, ".repeat(1_000_000));
        let at = one_line.find("x2040").unwrap();
        assert_eq!(value_at(&one_line, at).as_deref(), Some("x2040"));
    }

    #[test]
    fn an_unclosed_quote_ending_in_a_wide_character_is_quoted_whole() {
        // Found by the fuzzer: the value was cut inside its last character.
        let text = "(x: \"\u{fffd}";
        assert_eq!(value_at(text, 4).as_deref(), Some("\"\u{fffd}"));
    }

    #[test]
    fn long_quotes_are_cut() {
        let long = format!("\"{}\" is not a date", "9".repeat(10_000));
        let short = shorten_quotes(&long);
        assert!(short.len() < 200, "{short}");
        assert!(short.ends_with("…\" is not a date"), "{short}");
        assert_eq!(shorten_quotes("a \"b\" c"), "a \"b\" c");
    }
}
