//! Write a synthetic project file at a preset scale.
//!
//! ```text
//! cargo run --release --example synthetic -- --scale large --seed 1 --out big.ron
//! ```
//!
//! Scales: `sample` (about the real sample's size), `sample-x10`, `county` (60 outcomes,
//! 300 measures with ten years of monthly values, 3,000 actions), `large` (1,000
//! outcomes, 500 measures × 1,000 observations, 20,000 actions). The figures are made
//! up and marked so (title "Synthetic…", observations Illustrative, note "synthetic").

use clap::Parser;
use outcome_explorer::{file, synthetic, validate};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

#[derive(Parser, Debug)]
#[command(about = "Write a synthetic Outcome Explorer project (made-up figures) at a preset scale")]
struct Args {
    /// sample, sample-x10, county or large.
    #[arg(long, default_value = "sample", value_parser = parse_scale)]
    scale: synthetic::Scale,
    /// The same seed always gives the same project.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Where to write the project file (RON).
    #[arg(long)]
    out: PathBuf,
}

fn parse_scale(s: &str) -> Result<synthetic::Scale, String> {
    synthetic::Scale::from_name(s).ok_or_else(|| {
        format!("unknown scale {s:?} (expected sample, sample-x10, county or large)")
    })
}

fn main() -> ExitCode {
    let args = Args::parse();
    let t = Instant::now();
    let project = synthetic::generate_scale(args.scale, args.seed);
    let issues = validate::validate(&project);
    if !issues.is_empty() {
        eprintln!(
            "synthetic: the generated project has {} problem(s) (a generator bug):",
            issues.len()
        );
        for i in issues.iter().take(20) {
            eprintln!("  {}: {}", i.path, i.message);
        }
        return ExitCode::FAILURE;
    }
    if let Err(e) = file::save(&project, &args.out) {
        eprintln!("synthetic: {e}");
        return ExitCode::FAILURE;
    }
    let bytes = std::fs::metadata(&args.out).map(|m| m.len()).unwrap_or(0);
    println!(
        "wrote {} ({} scale, seed {}): {} priorities, {} outcomes, {} voices, {} measures, \
         {} observations, {} actions; {:.1} MB in {:.2} s",
        args.out.display(),
        args.scale.name(),
        args.seed,
        project.priorities.len(),
        project.outcomes.len(),
        project.voices.len(),
        project.measures.len(),
        project.observation_count(),
        project.action_count(),
        bytes as f64 / 1e6,
        t.elapsed().as_secs_f64()
    );
    ExitCode::SUCCESS
}
