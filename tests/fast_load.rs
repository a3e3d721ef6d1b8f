//! The fast loader (`file::fast_parse`) reads exactly what ron alone reads: on every project
//! the app writes it takes the fast path and gives the same project, and on any edited text
//! it either gives what ron gives or steps aside.

mod common;

use common::arb_project;
use outcome_explorer::model::Project;
use outcome_explorer::synthetic::{Scale, generate_scale};
use outcome_explorer::{file, file::fast_parse};
use proptest::prelude::*;

fn ron_alone(text: &str) -> Result<Project, ron::error::SpannedError> {
    ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .from_str(text)
}

#[test]
fn synthetic_projects_take_the_fast_path_and_read_the_same() {
    for scale in [Scale::Sample, Scale::SampleX10] {
        let p = generate_scale(scale, 7);
        let text = file::to_text(&p);
        for plans_on_thread in [0, usize::MAX] {
            let fast = fast_parse::parse_with(&text, plans_on_thread);
            assert_eq!(fast.as_ref(), Some(&p), "{scale:?}, {plans_on_thread}");
        }
    }
}

#[test]
fn the_bundled_sample_takes_the_fast_path() {
    let text = std::fs::read_to_string("sample-data/luton-2040.ron").unwrap();
    let fast = fast_parse::parse_with(&text, 0).expect("the fast path reads the sample");
    assert_eq!(fast, ron_alone(&text).unwrap());
}

#[test]
fn hand_written_spellings_are_left_to_ron_and_still_read() {
    let p = generate_scale(Scale::Sample, 3);
    let text = file::to_text(&p);
    // Comments, another field order and a whole number: the reader gives way for those
    // lists and ron reads them; the project is the same either way.
    let edited = text
        .replacen("observations: [", "observations: [ // monthly\n", 1)
        .replacen("(period: ", "(\n value: 1.0e0, period: ", 1)
        .replacen("value: 1.0e0, ", "", 1);
    let fast = fast_parse::parse_with(&edited, 0);
    assert_eq!(fast.as_ref(), ron_alone(&edited).ok().as_ref());
    assert!(
        fast.is_some(),
        "a comment and a field per line keep the fast path"
    );

    // A block comment makes the whole file ron's.
    let block = text.replacen("observations: [", "observations: /* x */ [", 1);
    assert_eq!(fast_parse::parse_with(&block, 0), None);
    assert_eq!(file::parse(&block, "p.ron").unwrap(), p);
}

#[test]
fn a_misplaced_guess_of_the_plans_is_not_used() {
    let p = generate_scale(Scale::Sample, 5);
    let text = file::to_text(&p);
    // A note that looks like the start of the top-level plans, after the real one.
    let decoy = text.replacen(
        "\n  pledges: [",
        "\n  pledges: [\n    (id: \"decoy\", partner: \"x\", commitment: \"\n  action_plans: [\n  ]\"),",
        1,
    );
    assert_ne!(decoy, text);
    let fast = fast_parse::parse_with(&decoy, 0).expect("the scan finds the real plans");
    let ron = ron_alone(&decoy).unwrap();
    assert_eq!(fast, ron);
    assert_eq!(fast.action_plans, p.action_plans);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn written_projects_take_the_fast_path(p in arb_project()) {
        let text = file::to_text(&p);
        let fast = fast_parse::parse_with(&text, 0);
        prop_assert_eq!(fast.as_ref(), Some(&p), "{}", text);
    }

    /// Whatever a one-character edit does to a file, the fast path never reads it
    /// differently from ron: the same project, or nothing (and ron then reports the error).
    #[test]
    fn an_edited_text_reads_as_ron_reads_it(
        p in arb_project(),
        at in any::<prop::sample::Index>(),
        edit in prop_oneof![
            Just(None),
            prop::sample::select(vec!['"', '[', ']', '(', ')', ',', ':', '/', '#', 'r', '1', '.', 'e', '-', ' ', '\n', '\\', 'x'])
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
        if let Some(fast) = fast_parse::parse_with(&edited, 0) {
            let ron = ron_alone(&edited);
            prop_assert!(ron.is_ok(), "fast read a text ron refuses: {:?}", ron.err());
            prop_assert_eq!(fast, ron.unwrap());
        }
    }
}
