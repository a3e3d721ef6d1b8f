//! The fast reader against ron: each construct, arbitrary texts and edited ones.

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
