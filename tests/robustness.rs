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

/// `csv import --in` on a pipe with no writer or on a device ends at once with a reason
/// (exit 1), and the project is left as it was.
#[cfg(unix)]
#[test]
fn csv_import_from_a_pipe_or_a_device_ends_at_once_saying_why() {
    use std::process::{Command, Stdio};
    use std::time::{Duration, Instant};
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("p.ron");
    let mut p = outcome_explorer::model::Project::default();
    p.programme.title = "T".into();
    p.programme.vision = "V".into();
    p.programme.horizon_year = 2040;
    p.action_plans.push(outcome_explorer::model::ActionPlan {
        id: "plan".into(),
        title: "Plan".into(),
        ..Default::default()
    });
    file::save(&p, &project).unwrap();
    let before = std::fs::read(&project).unwrap();
    let fifo = dir.path().join("plan.csv");
    let has_fifo = Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success());
    let mut inputs = vec![(std::path::PathBuf::from("/dev/zero"), "is a device")];
    if has_fifo {
        inputs.push((fifo, "is a pipe"));
    }
    for (input, says) in inputs {
        let mut child = Command::new(env!("CARGO_BIN_EXE_outcome-explorer"))
            .args(["csv", "import"])
            .arg(&project)
            .args(["--plan", "plan", "--in"])
            .arg(&input)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let started = Instant::now();
        while child.try_wait().unwrap().is_none() {
            if started.elapsed() > Duration::from_secs(20) {
                child.kill().unwrap();
                panic!("csv import --in {} did not end", input.display());
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let out = child.wait_with_output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{err}");
        assert!(err.contains(says), "{err}");
        assert_eq!(std::fs::read(&project).unwrap(), before);
    }
}

/// The README's limits are the ones the code enforces.
#[test]
fn the_readme_states_the_limits_the_code_enforces() {
    use outcome_explorer::csv_io;
    let readme = include_str!("../README.md");
    let start = readme.find("### Limits").expect("a Limits section");
    let section = &readme[start..start + readme[start..].find("\n### Fields").unwrap()];
    let thousands = |n: u64| {
        let digits = n.to_string();
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push(',');
            }
            out.push(c);
        }
        out
    };
    let stated = [
        format!("{} bytes", thousands(file::MAX_FILE_BYTES)),
        format!("{} MB", csv_io::MAX_CSV_BYTES / (1024 * 1024)),
        format!("{} rows", thousands(csv_io::MAX_ROWS as u64)),
        format!("{} columns", thousands(csv_io::MAX_COLUMNS as u64)),
        format!("{} bytes rejects", thousands(csv_io::MAX_CELL_BYTES as u64)),
        format!("{} characters", csv_io::SHOWN_CHARS),
    ];
    let flat = section.split_whitespace().collect::<Vec<_>>().join(" ");
    for s in stated {
        assert!(flat.contains(&s), "README's Limits do not say {s:?}");
    }
}
