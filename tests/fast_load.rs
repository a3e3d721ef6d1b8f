//! The loader cuts a file into its top-level items and parses them on every core: it must read
//! exactly what ron alone reads, refuse what ron refuses (at the place ron names first), and
//! report every problem in different items in one run, each with its line, column and item.

mod common;

use common::arb_project;
use outcome_explorer::file::fast_ron::FastRon;
use outcome_explorer::file::{self, Location};
use outcome_explorer::model::{
    ActionPlan, AreaOfNeed, Measure, Mission, Outcome, Pledge, Priority, Project, Source, Voice,
};
use outcome_explorer::synthetic::{Scale, generate_scale};
use proptest::prelude::*;
use serde::Deserialize;
use std::fmt::Debug;

fn ron_alone(text: &str) -> Result<Project, ron::error::SpannedError> {
    ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .from_str(text)
}

/// The line and column of each problem placed in the text.
fn places(e: &file::LoadError) -> Vec<(usize, usize)> {
    e.problems
        .iter()
        .filter_map(|p| match p.location {
            Location::Text { line, col, .. } => Some((line, col)),
            _ => None,
        })
        .collect()
}

/// Our reading and ron's agree: the same project, or both refuse and the first place ron
/// names is among ours (ron stops at its first error; a bracket that does not balance is
/// reported on its own, before anything else).
fn agrees_with_ron(text: &str) -> Result<(), String> {
    match (file::read(text, "p.ron"), ron_alone(text)) {
        (Ok(ours), Ok(theirs)) if ours == theirs => Ok(()),
        (Ok(_), Ok(_)) => Err("read differently from ron".into()),
        (Ok(_), Err(e)) => Err(format!("read a text ron refuses: {e}")),
        (Err(e), Ok(_)) => Err(format!("refused a text ron reads: {e}")),
        (Err(ours), Err(theirs)) => {
            let ron = (theirs.span.start.line, theirs.span.start.col);
            let found = places(&ours);
            let structural = ours.problems.len() == 1
                && ["never closed", "where `", "nothing open"]
                    .iter()
                    .any(|w| ours.problems[0].message.contains(w));
            // A missing comma is placed where it belongs, right after the value before it;
            // ron names the start of the next value, past the white space between.
            let comma_before = matches!(theirs.code, ron::Error::ExpectedComma)
                && found
                    .iter()
                    .any(|&at| at < ron && only_space_between(text, at, ron));
            if found.contains(&ron) || structural || comma_before {
                Ok(())
            } else {
                Err(format!("ron: {ron:?} {theirs}\nours: {ours}"))
            }
        }
    }
}

/// The byte offset of a 1-based line and column (columns counted in characters).
fn offset(text: &str, (line, col): (usize, usize)) -> Option<usize> {
    let start = if line == 1 {
        0
    } else {
        text.match_indices('\n').nth(line - 2)?.0 + 1
    };
    let rest = &text[start..];
    Some(
        start
            + rest
                .char_indices()
                .nth(col - 1)
                .map_or(rest.len(), |(i, _)| i),
    )
}

/// Whether only white space lies between two places in `text`.
fn only_space_between(text: &str, from: (usize, usize), to: (usize, usize)) -> bool {
    match (offset(text, from), offset(text, to)) {
        (Some(a), Some(b)) if a <= b => text[a..b].chars().all(char::is_whitespace),
        _ => false,
    }
}

/// Whether the fast reader read `text` as a `T`; an error when it read it otherwise than ron
/// does (compared by `Debug`, which tells -0.0 from 0.0) or read a text ron refuses.
fn fast_as_ron<'a, T: Deserialize<'a> + Debug>(
    fast: FastRon,
    ron: &ron::Options,
    text: &'a str,
    ron_text: &'a str,
) -> Result<bool, String> {
    let Some(ours) = fast.from_str::<T>(text) else {
        return Ok(false);
    };
    match ron.from_str::<T>(ron_text) {
        Ok(theirs) if format!("{ours:?}") == format!("{theirs:?}") => Ok(true),
        Ok(theirs) => Err(format!("read {ours:?}\nron reads {theirs:?}\nin {text}")),
        Err(e) => Err(format!("read {ours:?}\nron refuses it: {e}\nin {text}")),
    }
}

/// The fast reader on its own, item by item as the loader cuts the text and on the whole
/// text: what it reads is what ron reads. The items it read, of all.
fn fast_reader_agrees(text: &str) -> Result<(usize, usize), String> {
    let Ok(d) = ron::Deserializer::from_str_with_options(
        text,
        &ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME),
    ) else {
        return Ok((0, 0));
    };
    let Some(fast) = FastRon::for_extensions(d.extensions()) else {
        return Ok((0, 0));
    };
    let ron = ron::Options::default().with_default_extension(d.extensions());
    // The whole text after its `#![enable(…)]` line, against ron's reading of all of it.
    fast_as_ron::<Project>(fast, &ron, d.remainder(), text)?;
    let Some(items) = file::top_level_items(text) else {
        return Ok((0, 0));
    };
    let mut read = 0;
    for &(list, item) in &items {
        let one = match list {
            "sources" => fast_as_ron::<Source>(fast, &ron, item, item),
            "priorities" => fast_as_ron::<Priority>(fast, &ron, item, item),
            "needs" => fast_as_ron::<AreaOfNeed>(fast, &ron, item, item),
            "outcomes" => fast_as_ron::<Outcome>(fast, &ron, item, item),
            "voices" => fast_as_ron::<Voice>(fast, &ron, item, item),
            "measures" => fast_as_ron::<Measure>(fast, &ron, item, item),
            "action_plans" => fast_as_ron::<ActionPlan>(fast, &ron, item, item),
            "pledges" => fast_as_ron::<Pledge>(fast, &ron, item, item),
            "missions" => fast_as_ron::<Mission>(fast, &ron, item, item),
            other => return Err(format!("a list this test does not know: {other}")),
        };
        read += usize::from(one.map_err(|e| format!("{list}: {e}"))?);
    }
    Ok((read, items.len()))
}

#[test]
fn the_fast_reader_reads_every_item_the_app_writes() {
    // A declined item is read by ron, slowly: what the app writes must never be declined.
    let luton = std::fs::read_to_string("sample-data/luton-2040.ron").unwrap();
    let (read, all) = fast_reader_agrees(&luton).unwrap();
    assert!(all > 50 && read == all, "{read} of {all}");
    for scale in [Scale::Sample, Scale::SampleX10] {
        let text = file::to_text(&generate_scale(scale, 5));
        let (read, all) = fast_reader_agrees(&text).unwrap();
        assert!(all > 50 && read == all, "{scale:?}: {read} of {all}");
    }
}

#[test]
fn synthetic_projects_read_as_written() {
    for scale in [Scale::Sample, Scale::SampleX10] {
        let p = generate_scale(scale, 7);
        let text = file::to_text(&p);
        assert_eq!(file::read(&text, "p.ron").as_ref(), Ok(&p), "{scale:?}");
        assert_eq!(ron_alone(&text).as_ref(), Ok(&p));
    }
}

#[test]
fn the_bundled_sample_reads_as_ron_reads_it() {
    let text = std::fs::read_to_string("sample-data/luton-2040.ron").unwrap();
    assert_eq!(agrees_with_ron(&text), Ok(()));
    assert!(file::parse(&text, "luton-2040.ron").is_ok());
}

#[test]
fn hand_written_spellings_read_as_ron_reads_them() {
    let p = generate_scale(Scale::Sample, 3);
    let text = file::to_text(&p);
    let edits: [(&str, &str); 8] = [
        ("observations: [", "observations: [ // monthly, ] (\n"),
        ("  measures: [", "  measures: /* the [ list ] */ ["),
        ("(period: ", "(\n value: 1.0e0, period: "),
        ("  priorities: [\n    (", "  priorities: [\n    Priority("),
        ("  action_plans", "  r#action_plans"),
        ("  outcomes: [", "  outcomes : \n [ ,"),
        (
            "  voices: [\n",
            "  voices: [\n    (id: \"v-x\", text: r##\"a ] \"# ) \"##),\n",
        ),
        (
            "format_version: 1,",
            "format_version: 1, /* a /* nested */ ( */",
        ),
    ];
    for (from, to) in edits {
        assert!(text.contains(from), "{from}");
        let edited = text.replacen(from, to, 1);
        assert_eq!(agrees_with_ron(&edited), Ok(()), "{to}");
    }
    let header = text.replacen(
        "#![enable(implicit_some)]",
        "#![enable(implicit_some, unwrap_newtypes)]",
        1,
    );
    assert_eq!(agrees_with_ron(&header), Ok(()));
}

#[test]
fn every_top_level_list_is_read_item_by_item() {
    // A project with one of everything: each list the writer puts at the top level is one
    // the loader cuts into items, so that a new list cannot silently lose the speed.
    let p = generate_scale(Scale::Sample, 1);
    let text = file::to_text(&p);
    let lists: Vec<&str> = text
        .lines()
        .filter_map(|l| l.strip_prefix("  ")?.strip_suffix(": ["))
        .filter(|name| !name.starts_with(' '))
        .collect();
    assert!(lists.len() >= 9, "{lists:?}");
    for name in lists {
        assert!(
            file::TOP_LISTS.contains(&name),
            "{name} is not read item by item"
        );
    }
}

/// A synthetic project's text with three measures spoiled in three ways.
fn three_problems(scale: Scale) -> (String, [String; 3]) {
    let p = generate_scale(scale, 11);
    let text = file::to_text(&p);
    let ids: Vec<&str> = p.measures.iter().map(|m| m.id.as_str()).collect();
    let start = |id: &str| text.find(&format!("id: \"{id}\"")).unwrap();
    let mut out = text.clone();
    // Spoil from the end, so that earlier offsets stay put.
    let first_value = start(ids[9]) + text[start(ids[9])..].find("(period: ").unwrap();
    let comma = first_value + text[first_value..].find("),\n").unwrap();
    out.replace_range(comma + 1..comma + 2, "");
    let date = start(ids[5]) + text[start(ids[5])..].find("period: \"").unwrap() + 9;
    out.replace_range(date..date, "2O");
    let name = start(ids[2]) + text[start(ids[2])..].find("name:").unwrap();
    out.replace_range(name..name, "colour: \"red\", ");
    let ids = [ids[2], ids[5], ids[9]].map(|id| format!("measures {id:?}"));
    (out, ids)
}

#[test]
fn three_problems_in_three_measures_are_reported_together() {
    // The larger project is read on several threads.
    for scale in [Scale::Sample, Scale::SampleX10] {
        three_problems_reported(scale);
    }
}

fn three_problems_reported(scale: Scale) {
    let (text, ids) = three_problems(scale);
    let err = file::parse(&text, "p.ron").unwrap_err();
    let lines: Vec<String> = err.problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(lines.len(), 3, "{lines:#?}");
    assert!(lines[0].contains(&ids[0]) && lines[0].contains("unknown field `colour`"));
    assert!(lines[1].contains(&ids[1]) && lines[1].contains("is not a date or period"));
    assert!(lines[2].contains(&ids[2]) && lines[2].contains("comma"));
    for ((line, l), p) in places(&err).into_iter().zip(&lines).zip(&err.problems) {
        let (l_no, col) = line;
        assert!(
            l.starts_with(&format!("p.ron:{l_no}:{col}: measures ")),
            "{l}"
        );
        // The place is where the mistake is.
        let at = text.lines().nth(l_no - 1).unwrap();
        let rest: String = at.chars().skip(col - 1).collect();
        let wanted = ["colour", "2O", "("];
        assert!(wanted.iter().any(|w| rest.starts_with(w)), "{p}: {rest}");
    }
}

#[test]
fn check_lists_all_three_problems() {
    let (text, ids) = three_problems(Scale::Sample);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("three.ron");
    std::fs::write(&path, &text).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_outcome-explorer"))
        .arg("check")
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 3, "{stderr}");
    let prefix = format!("{}:", path.display());
    for (l, id) in lines.iter().zip(&ids) {
        let rest = l.strip_prefix(&prefix).unwrap_or_else(|| panic!("{l}"));
        let mut parts = rest.splitn(3, ':');
        let line: usize = parts.next().unwrap().parse().unwrap();
        let col: usize = parts.next().unwrap().parse().unwrap();
        assert!(line > 1 && col > 1, "{l}");
        assert!(parts.next().unwrap().starts_with(&format!(" {id}")), "{l}");
    }
}

#[test]
fn a_missing_bracket_is_reported_first_and_alone() {
    let p = generate_scale(Scale::Sample, 2);
    let text = file::to_text(&p);
    let id = &p.measures[3].id;
    let m = text.find(&format!("id: \"{id}\"")).unwrap();
    let close = m + text[m..].find("]").unwrap();
    let mut broken = text.clone();
    broken.replace_range(close..=close, "");
    // And a bad date elsewhere, which is not reported while the brackets do not balance.
    let broken = broken.replacen("period: \"", "period: \"x", 1);
    let err = file::parse(&broken, "p.ron").unwrap_err();
    assert_eq!(err.problems.len(), 1, "{err}");
    let msg = err.to_string();
    assert!(
        msg.contains("found `)` where `]` was expected, to close the `[` at line"),
        "{msg}"
    );
}

#[test]
fn many_bad_dates_in_one_measure_are_all_reported() {
    let p = generate_scale(Scale::Sample, 4);
    let text = file::to_text(&p);
    let bad = text.replace("period: \"20", "period: \"x20");
    let err = file::parse(&bad, "p.ron").unwrap_err();
    assert_eq!(err.problems.len(), 101, "{err}");
    assert!(
        err.problems[100]
            .to_string()
            .contains("more problems than the 100")
    );
    let first = format!("measures {:?}", p.measures[0].id);
    let in_first = err
        .problems
        .iter()
        .filter(|q| q.to_string().contains(&first))
        .count();
    assert!(in_first > 1, "{err}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn written_projects_read_back(p in arb_project()) {
        let text = file::to_text(&p);
        prop_assert_eq!(file::read(&text, "p.ron").ok(), Some(p), "{}", text);
    }

}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Whatever a one-character edit does to a file, the loader reads it as ron does: the
    /// same project, or an error at the place ron names.
    #[test]
    fn an_edited_text_reads_as_ron_reads_it(
        p in arb_project(),
        at in any::<prop::sample::Index>(),
        edit in prop_oneof![
            Just(None),
            prop::sample::select(vec!['"', '[', ']', '(', ')', ',', ':', '/', '#', 'r', '1', '.', 'e', '-', ' ', '\n', '\\', 'x', '\''])
                .prop_map(Some),
        ],
    ) {
        let text = file::to_text(&p);
        let mut chars: Vec<char> = text.chars().collect();
        let i = at.index(chars.len());
        match edit {
            Some(c) => chars[i] = c,
            None => { chars.remove(i); }
        }
        let edited: String = chars.into_iter().collect();
        let agreed = agrees_with_ron(&edited);
        prop_assert!(agreed.is_ok(), "{}\n{}", agreed.unwrap_err(), edited);
    }

    /// The fast reader, item by item, reads every item of any project the app writes, as
    /// ron reads it.
    #[test]
    fn the_fast_reader_reads_written_items_as_ron(p in arb_project()) {
        let text = file::to_text(&p);
        let (read, all) = fast_reader_agrees(&text).map_err(TestCaseError::fail)?;
        prop_assert_eq!(read, all, "{}", text);
    }

    /// Whatever an edit does to a file, each item the fast reader reads (and the whole text,
    /// if it reads it) is what ron reads; the rest it declines.
    #[test]
    fn the_fast_reader_reads_edited_items_as_ron_or_declines(
        p in arb_project(),
        edits in prop::collection::vec((
            any::<prop::sample::Index>(),
            prop_oneof![
                Just(None),
                prop::sample::select(vec![
                    "\"", "[", "]", "(", ")", ",", ":", "/", "//", "/*", "*/", "#", "r", "r#\"",
                    "1", ".", "e", "-", "+", "_", " ", "\n", "\\", "\\u{e9}", "\\x", "x", "'",
                    "Some(", "None", "Other(", "inf", "NaN", "0x", "é", "\u{85}", "()", "{", "}",
                ]).prop_map(Some),
            ],
            any::<bool>(),
        ), 1..4),
    ) {
        let mut text = file::to_text(&p);
        for (at, piece, replace) in edits {
            let mut i = at.index(text.len() + 1);
            while !text.is_char_boundary(i) {
                i -= 1;
            }
            let next = text[i..].chars().next().map_or(0, char::len_utf8);
            match piece {
                None => text.replace_range(i..i + next, ""),
                Some(piece) if replace => text.replace_range(i..i + next, piece),
                Some(piece) => text.insert_str(i, piece),
            }
        }
        let agreed = fast_reader_agrees(&text);
        prop_assert!(agreed.is_ok(), "{}\n{}", agreed.unwrap_err(), text);
    }
}

/// A comma missing between two list entries is placed right after the first (where it
/// belongs); ron places it at the start of the next entry. Both are accepted as the same
/// place by `agrees_with_ron`, and only there.
#[test]
fn a_missing_comma_is_placed_after_the_value_before_it() {
    let text = file::to_text(&generate_scale(Scale::Sample, 1));
    let at = text.find("),\n").expect("an entry ends") + 1;
    let mut edited = text.clone();
    edited.remove(at);
    let ours = file::read(&edited, "p.ron").unwrap_err();
    let theirs = ron_alone(&edited).unwrap_err();
    assert!(matches!(theirs.code, ron::Error::ExpectedComma), "{theirs}");
    assert!(
        ours.problems[0].message.contains("is a `,` missing?"),
        "{ours}"
    );
    agrees_with_ron(&edited).unwrap();
    // Right after `1` and at `b`, a line apart, are the same place for a missing comma; a
    // place with more than white space before ron's is not.
    let text = "(a: 1\n    b: 2)";
    assert!(only_space_between(text, (1, 6), (2, 5)));
    assert!(!only_space_between(text, (1, 5), (2, 5)));
    assert!(!only_space_between(text, (1, 1), (2, 5)));
}

/// Every character the edit test draws, put where an item of a top-level list begins (its
/// opening parenthesis, or the white space before it), is reported where ron reports it.
#[test]
fn an_edit_where_an_item_begins_is_placed_as_ron_places_it() {
    let p = generate_scale(Scale::Sample, 3);
    let text = file::to_text(&p);
    // The first two items of each top-level list.
    let starts: Vec<usize> = text
        .match_indices(": [\n    (\n")
        .flat_map(|(i, _)| {
            let first = i + 4;
            let second = first + 1 + text[first..].find("\n    (\n").unwrap();
            [first, second]
        })
        .collect();
    assert!(starts.len() >= 16, "{}", starts.len());
    let mut failures = Vec::new();
    for &start in &starts {
        // The line's indentation, and its opening parenthesis.
        for offset in [0, 4] {
            for c in [
                '"', '[', ']', '(', ')', ',', ':', '/', '#', 'r', '1', '.', 'e', '-', ' ', '\n',
                '\\', 'x', '\'',
            ] {
                let at = start + offset;
                let mut edited = text.clone();
                edited.replace_range(at..at + 1, &c.to_string());
                if let Err(e) = agrees_with_ron(&edited) {
                    let line = text[..at].matches('\n').count() + 1;
                    failures.push(format!("{c:?} at line {line}, +{offset}: {e}"));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{}\n{}",
        failures.len(),
        failures[..failures.len().min(5)].join("\n")
    );
}
