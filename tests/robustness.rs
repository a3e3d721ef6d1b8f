//! Nothing a file contains makes loading panic or hang: truncations, random bytes, deep nesting.

use outcome_explorer::file;
use proptest::prelude::*;

fn example() -> String {
    let readme = include_str!("../README.md");
    let start = readme.find("```ron\n").unwrap() + "```ron\n".len();
    let len = readme[start..].find("```").unwrap();
    readme[start..start + len].to_string()
}

#[test]
fn every_truncation_is_an_error_with_a_position_not_a_panic() {
    let text = example();
    let mut cuts = 0;
    for (i, _) in text.char_indices().step_by(7) {
        let cut = &text[..i];
        if let Err(e) = file::parse(cut, "cut.ron") {
            assert!(!e.problems.is_empty());
            assert!(e.to_string().starts_with("cut.ron"), "{e}");
            cuts += 1;
        }
    }
    assert!(cuts > 100, "most truncations are errors ({cuts})");
}

#[test]
fn deep_nesting_is_refused_quickly() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let started = std::time::Instant::now();
    assert!(file::parse(&deep, "deep.ron").is_err());
    assert!(started.elapsed().as_secs() < 5);
}

#[test]
fn huge_numbers_and_odd_values_are_errors_of_meaning_not_crashes() {
    let text = example().replace("value: 12.1", "value: 1e400");
    assert!(file::parse(&text, "p.ron").is_err());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let text = String::from_utf8_lossy(&bytes);
        let _ = file::parse(&text, "random.ron");
    }

    #[test]
    fn single_byte_mutations_never_panic(pos in 0usize..2000, byte in any::<u8>()) {
        let mut bytes = example().into_bytes();
        let i = pos % bytes.len();
        bytes[i] = byte;
        let text = String::from_utf8_lossy(&bytes);
        let _ = file::parse(&text, "mutated.ron");
    }
}
