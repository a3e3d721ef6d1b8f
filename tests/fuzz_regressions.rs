//! The fuzzer's corpus and every input it found a defect with, run through the fuzzer's own
//! checks (`examples/fuzz`): no panic, an accepted project validates and round-trips, an
//! accepted import leaves a project that loads, messages stay short.
//!
//! A finding is kept as `fuzz/regressions/<target>-<name>.bin` (load, csv or period).

#[allow(dead_code)]
#[path = "../examples/fuzz/mutate.rs"]
mod mutate;
#[allow(dead_code)]
#[path = "../examples/fuzz/targets.rs"]
mod targets;

use mutate::Rng;
use std::path::{Path, PathBuf};
use targets::{Setup, Target};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn setup(target: Target) -> Setup {
    Setup::new(target, &root(), &root().join("fuzz/corpus"))
}

/// The saved findings of `target`.
fn regressions(target: Target) -> Vec<(PathBuf, Vec<u8>)> {
    let dir = root().join("fuzz/regressions");
    let mut found: Vec<(PathBuf, Vec<u8>)> = std::fs::read_dir(&dir)
        .map(|d| d.flatten().map(|e| e.path()).collect::<Vec<_>>())
        .unwrap_or_default()
        .into_iter()
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(&format!("{}-", target.name())))
        })
        .map(|p| {
            let bytes = std::fs::read(&p).unwrap();
            (p, bytes)
        })
        .collect();
    found.sort();
    found
}

fn all_pass(target: Target) {
    let setup = setup(target);
    assert!(!setup.inputs.is_empty());
    let mut inputs: Vec<(PathBuf, Vec<u8>)> = setup
        .inputs
        .iter()
        .map(|i| (Path::new("corpus").to_path_buf(), i.clone()))
        .collect();
    let corpus = inputs.len();
    inputs.extend(regressions(target));
    for (seed, (from, input)) in inputs.iter().enumerate() {
        // Every CSV against every project with a plan, with each choice; a finding against
        // more of them (a finding is made with one draw of project, plan and choices).
        let seeds = match target {
            Target::Csv if seed >= corpus => 64,
            Target::Csv => 8,
            _ => 1,
        };
        for s in 0..seeds {
            let mut rng = Rng::new((seed * 8 + s) as u64);
            if let Err(why) = setup.run(input, &mut rng) {
                panic!("{} ({} bytes): {why}", from.display(), input.len());
            }
        }
    }
}

#[test]
fn the_load_corpus_and_findings_pass() {
    all_pass(Target::Load);
}

#[test]
fn the_csv_corpus_and_findings_pass() {
    all_pass(Target::Csv);
}

#[test]
fn the_period_corpus_and_findings_pass() {
    all_pass(Target::Period);
}
