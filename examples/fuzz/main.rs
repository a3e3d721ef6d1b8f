//! A mutation fuzzer for the project loader, CSV import and the period and date readers.
//!
//! ```text
//! cargo run --release --example fuzz -- --target load|csv|period --minutes 10
//! ```
//!
//! Inputs start from the corpus (the sample, the test projects, the plans' CSV exports,
//! every period in them, and `fuzz/corpus/<target>`) and are mutated: bytes flipped, set,
//! inserted and deleted, pieces repeated, format tokens inserted, numbers replaced and two
//! inputs spliced. Each input must finish within a time bound and not panic; an accepted
//! project must validate and come back equal when written and read again; an accepted
//! import must leave a project that validates and loads; messages stay short. Each finding
//! is shrunk and written to the output folder; the run ends with a summary.

mod mutate;
mod targets;

use clap::Parser;
use mutate::Rng;
use std::collections::BTreeMap;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use targets::{Setup, Target};

/// An input taking longer than this is reported as slow.
const SLOW: Duration = Duration::from_secs(1);
/// An input still running after this is a hang: it is saved and the run stops.
const HANG: Duration = Duration::from_secs(30);
/// Mutated inputs kept to mutate further.
const RECENT: usize = 256;

#[derive(Parser, Debug)]
#[command(about = "Fuzz the loader, CSV import or the period reader with mutated inputs")]
struct Args {
    /// load, csv or period.
    #[arg(long, value_parser = |s: &str| Target::from_name(s).ok_or("load, csv or period"))]
    target: Target,
    /// How long to run.
    #[arg(long, default_value_t = 1.0)]
    minutes: f64,
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// The corpus folder (with load/, csv/ and period/).
    #[arg(long, default_value = "fuzz/corpus")]
    corpus: PathBuf,
    /// Where findings are written.
    #[arg(long, default_value_os_t = std::env::temp_dir().join("outcome-explorer-fuzz"))]
    out: PathBuf,
}

/// What went wrong with one input.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Finding {
    Panic(String),
    Wrong(String),
    Slow,
}

impl Finding {
    /// The part of the finding that says which defect it is, for counting each once.
    fn key(&self) -> String {
        match self {
            Finding::Panic(m) => format!("panic: {}", m.chars().take(160).collect::<String>()),
            Finding::Wrong(m) => format!("wrong: {}", m.chars().take(60).collect::<String>()),
            Finding::Slow => "slow".into(),
        }
    }
}

static PANIC: Mutex<Option<String>> = Mutex::new(None);

/// Run one input, catching a panic (only to report it).
fn run(setup: &Setup, input: &[u8], seed: u64) -> (Option<Finding>, Duration) {
    let started = Instant::now();
    let mut rng = Rng::new(seed);
    let result = catch_unwind(AssertUnwindSafe(|| setup.run(input, &mut rng)));
    let took = started.elapsed();
    let finding = match result {
        Ok(Ok(())) if took > SLOW => Some(Finding::Slow),
        Ok(Ok(())) => None,
        Ok(Err(why)) => Some(Finding::Wrong(why)),
        Err(_) => Some(Finding::Panic(
            PANIC.lock().unwrap().take().unwrap_or_default(),
        )),
    };
    (finding, took)
}

/// A smaller input with the same finding: pieces deleted while it stays.
fn shrink(setup: &Setup, input: &[u8], seed: u64, finding: &Finding) -> Vec<u8> {
    let same = |f: &Option<Finding>| f.as_ref().map(Finding::key) == Some(finding.key());
    let mut best = input.to_vec();
    let mut tries = 0;
    let mut chunk = best.len() / 2;
    while chunk > 0 && tries < 3000 {
        let mut at = 0;
        while at < best.len() && tries < 3000 {
            let mut smaller = best.clone();
            smaller.drain(at..(at + chunk).min(best.len()));
            tries += 1;
            if same(&run(setup, &smaller, seed).0) {
                best = smaller;
            } else {
                at += chunk;
            }
        }
        chunk /= 2;
    }
    best
}

/// The input running and since when, if one is.
type Running = Arc<Mutex<Option<(Instant, Vec<u8>)>>>;

struct Watchdog {
    current: Running,
}

impl Watchdog {
    /// A thread that saves the running input and stops the run if it takes [`HANG`].
    fn start(out: PathBuf, target: Target) -> Watchdog {
        let current: Running = Arc::default();
        let seen = Arc::clone(&current);
        std::thread::spawn(move || {
            loop {
                std::thread::sleep(Duration::from_secs(1));
                let guard = seen.lock().unwrap();
                if let Some((started, input)) = guard.as_ref()
                    && started.elapsed() > HANG
                {
                    let path = out.join(format!("{}-hang.bin", target.name()));
                    let _ = std::fs::write(&path, input);
                    eprintln!(
                        "HANG: an input ran over {HANG:?}; saved as {}",
                        path.display()
                    );
                    std::process::exit(3);
                }
            }
        });
        Watchdog { current }
    }

    fn set(&self, input: Option<&[u8]>) {
        *self.current.lock().unwrap() = input.map(|i| (Instant::now(), i.to_vec()));
    }
}

fn main() {
    let args = Args::parse();
    std::panic::set_hook(Box::new(|info| {
        let at = info
            .location()
            .map(|l| format!("{}:{}", l.file(), l.line()))
            .unwrap_or_default();
        let msg = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        *PANIC.lock().unwrap() = Some(format!("{at}: {msg}"));
    }));
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let corpus = if args.corpus.is_absolute() {
        args.corpus.clone()
    } else {
        root.join(&args.corpus)
    };
    std::fs::create_dir_all(&args.out).expect("the output folder can be made");
    let setup = Setup::new(args.target, &root, &corpus);
    assert!(!setup.inputs.is_empty(), "the corpus is empty");
    assert!(!setup.with_plans.is_empty(), "no corpus project has a plan");
    println!(
        "fuzzing {} for {} min from {} inputs, seed {}; findings in {}",
        args.target.name(),
        args.minutes,
        setup.inputs.len(),
        args.seed,
        args.out.display()
    );
    let summary = fuzz(&setup, &args);
    println!("{summary}");
}

/// The fuzzing loop; returns the summary.
fn fuzz(setup: &Setup, args: &Args) -> String {
    let watchdog = Watchdog::start(args.out.clone(), args.target);
    let mut rng = Rng::new(args.seed);
    let started = Instant::now();
    let until = started + Duration::from_secs_f64(args.minutes * 60.0);
    let mut recent: Vec<Vec<u8>> = Vec::new();
    let mut found: BTreeMap<String, (Finding, usize, PathBuf)> = BTreeMap::new();
    let (mut execs, mut slowest, mut next_report) = (0u64, Duration::ZERO, started);
    // The corpus itself first, unchanged.
    let mut queue: Vec<Vec<u8>> = setup.inputs.clone();
    while Instant::now() < until {
        let input = queue.pop().unwrap_or_else(|| {
            let pool = if !recent.is_empty() && rng.chance(25) {
                &recent
            } else {
                &setup.inputs
            };
            let base = &pool[rng.below(pool.len())];
            let other = &setup.inputs[rng.below(setup.inputs.len())];
            mutate::mutate(&mut rng, base, other)
        });
        let seed = rng.next();
        watchdog.set(Some(&input));
        let (finding, took) = run(setup, &input, seed);
        watchdog.set(None);
        execs += 1;
        slowest = slowest.max(took);
        match finding {
            None => {
                if recent.len() < RECENT {
                    recent.push(input);
                } else {
                    let i = rng.below(RECENT);
                    recent[i] = input;
                }
            }
            Some(f) => {
                let key = f.key();
                if let Some(entry) = found.get_mut(&key) {
                    entry.1 += 1;
                    continue;
                }
                let small = if f == Finding::Slow {
                    input.clone()
                } else {
                    shrink(setup, &input, seed, &f)
                };
                let path = args
                    .out
                    .join(format!("{}-{}.bin", args.target.name(), found.len() + 1));
                let _ = std::fs::write(&path, &small);
                let _ = std::fs::write(path.with_extension("seed"), seed.to_string());
                println!(
                    "FOUND {key}\n    input ({} bytes, from {}) in {}",
                    small.len(),
                    input.len(),
                    path.display()
                );
                found.insert(key, (f, 1, path));
            }
        }
        if Instant::now() >= next_report {
            println!(
                "{:>5.1} min: {execs} executions, {} findings, slowest {slowest:.2?}",
                started.elapsed().as_secs_f64() / 60.0,
                found.len()
            );
            next_report += Duration::from_secs(60);
        }
    }
    let secs = started.elapsed().as_secs_f64();
    let mut s = format!(
        "target {}: {:.1} min, {execs} executions ({:.0}/s), slowest input {slowest:.2?}, {} distinct findings",
        args.target.name(),
        secs / 60.0,
        execs as f64 / secs,
        found.len()
    );
    for (key, (_, n, path)) in &found {
        s.push_str(&format!("\n  {n} × {key}\n      {}", path.display()));
    }
    s
}
