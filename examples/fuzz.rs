//! A mutation fuzzer for the loader, the CSV import and the period reader.
//!
//! `cargo run --release --example fuzz -- --target load|csv|period [--minutes 10] [--seed 1]`
//!
//! Starts from real files (the sample, tests/fixtures, a small synthetic project and the CSV
//! of each of their plans), changes them at random (bytes flipped, runs deleted, repeated or
//! moved, brackets and quotes inserted, two files spliced) and checks each result: no panic,
//! no input slower than two seconds, and nothing accepted that is not what it says (a project
//! read must read the same again from the text Save writes; a period read must read the same
//! from its own spelling). Every failing input is written to `fuzz/found/` and reported.
//! The checks are the crate's own; only this harness catches a panic, to report it.

use outcome_explorer::model::{Period, Project};
use outcome_explorer::synthetic::{self, Rng, Scale};
use outcome_explorer::{csv_io, file};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;
use std::time::{Duration, Instant};

const SLOW: Duration = Duration::from_secs(2);

/// Pieces of RON and CSV that mutations insert: the places parsers go wrong.
const TOKENS: &[&str] = &[
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ",",
    ":",
    "\"",
    "'",
    "r#\"",
    "\"#",
    "//",
    "/*",
    "*/",
    "\\",
    "\n",
    "Some(",
    "None",
    "-",
    "1e999",
    "NaN",
    "inf",
    "0x",
    "\u{feff}",
    "é",
    "2024-13-01",
    "2023/24 Q5",
    "9999-12-31",
    "0000",
    "#![enable(implicit_some)]",
    ";",
    "\r\n",
    "\t",
];

fn corpus(target: &str) -> Vec<Vec<u8>> {
    let mut projects: Vec<Project> = Vec::new();
    let mut out = Vec::new();
    for dir in ["sample-data", "tests/fixtures"] {
        let Ok(entries) = std::fs::read_dir(dir) else {
            continue;
        };
        for e in entries.flatten() {
            let path = e.path();
            if path.extension().is_some_and(|x| x == "ron")
                && let Ok(bytes) = std::fs::read(&path)
            {
                if let Ok(p) = file::load(&path) {
                    projects.push(p);
                }
                out.push(bytes);
            }
        }
    }
    projects.push(synthetic::generate_scale(Scale::Sample, 1));
    out.push(file::to_text(projects.last().expect("one project")).into_bytes());
    match target {
        "csv" => projects
            .iter()
            .flat_map(|p| p.action_plans.iter().map(csv_io::export))
            .collect(),
        "period" => [
            "2024-03-31",
            "2024-03",
            "2024-Q1",
            "2024",
            "2023/24",
            "2023/24 Q3",
            "2018-2020",
        ]
        .iter()
        .map(|s| s.as_bytes().to_vec())
        .collect(),
        _ => out,
    }
}

fn mutate(rng: &mut Rng, input: &[u8], corpus: &[Vec<u8>]) -> Vec<u8> {
    let mut b = input.to_vec();
    for _ in 0..rng.between(1, 4) {
        let at = rng.below(b.len() + 1);
        let len = rng.below(16.min(b.len() - at) + 1);
        match rng.below(6) {
            0 if at < b.len() => b[at] ^= 1 << rng.below(8),
            1 => {
                b.drain(at..at + len);
            }
            2 => {
                let run = b[at..at + len].to_vec();
                b.splice(
                    at..at,
                    run.iter().copied().cycle().take(len * rng.between(1, 50)),
                );
            }
            3 => {
                let t = rng.pick(TOKENS).as_bytes();
                b.splice(at..at, t.iter().copied());
            }
            4 => {
                let other = rng.pick(corpus);
                let from = rng.below(other.len() + 1);
                let n = rng.below(200.min(other.len() - from) + 1);
                b.splice(at..at + len, other[from..from + n].iter().copied());
            }
            _ => b.truncate(at),
        }
    }
    b
}

/// What is wrong with `input` for `target`, if anything (a panic is caught by the caller).
fn check(target: &str, input: &[u8], csv_project: &Project) -> Option<String> {
    let text = String::from_utf8_lossy(input);
    match target {
        "load" => {
            let p = file::parse(&text, "fuzz.ron").ok()?;
            let again = file::to_text(&p);
            match file::parse(&again, "again.ron") {
                Ok(q) if q == p => None,
                Ok(_) => Some("read differently from the text Save writes".into()),
                Err(e) => Some(format!("accepted, but its saved text is refused: {e}")),
            }
        }
        "period" => {
            let p: Period = text.parse().ok()?;
            match p.to_string().parse::<Period>() {
                Ok(q) if q == p => None,
                other => Some(format!("{text:?} read as {p}, which reads as {other:?}")),
            }
        }
        _ => {
            let plan = &csv_project.action_plans.first()?.id;
            let today = chrono::NaiveDate::from_ymd_opt(2026, 1, 1)?;
            let _ = csv_io::preview(csv_project, plan, input, today);
            None
        }
    }
}

fn arg(name: &str) -> Option<String> {
    let args: Vec<String> = std::env::args().collect();
    let i = args.iter().position(|a| a == name)?;
    args.get(i + 1).cloned()
}

fn main() {
    let target = arg("--target").unwrap_or_else(|| "load".into());
    let minutes: f64 = arg("--minutes")
        .and_then(|m| m.parse().ok())
        .unwrap_or(10.0);
    let mut rng = Rng::new(arg("--seed").and_then(|s| s.parse().ok()).unwrap_or(1));
    let seeds = corpus(&target);
    let csv_project = file::load(Path::new("sample-data/luton-2040.ron")).expect("the sample");
    std::panic::set_hook(Box::new(|_| {}));
    let (start, budget) = (Instant::now(), Duration::from_secs_f64(minutes * 60.0));
    let (mut runs, mut found, mut slowest) = (0u64, 0u64, Duration::ZERO);
    let _ = std::fs::create_dir_all("fuzz/found");
    while start.elapsed() < budget {
        let seed = rng.below(seeds.len());
        let input = mutate(&mut rng, &seeds[seed], &seeds);
        let t = Instant::now();
        let outcome = catch_unwind(AssertUnwindSafe(|| check(&target, &input, &csv_project)));
        let took = t.elapsed();
        slowest = slowest.max(took);
        runs += 1;
        let problem = match outcome {
            Err(_) => Some("panicked".to_string()),
            Ok(_) if took > SLOW => Some(format!("took {took:?}")),
            Ok(p) => p,
        };
        if let Some(why) = problem {
            found += 1;
            let path = format!("fuzz/found/{target}-{runs}");
            let _ = std::fs::write(&path, &input);
            println!("{path}: {why}");
        }
    }
    println!(
        "{target}: {runs} inputs in {:.1} min, {found} found, slowest {slowest:?}",
        start.elapsed().as_secs_f64() / 60.0
    );
}
