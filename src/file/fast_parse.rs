//! Reading a large project quickly, without changing what any file means.
//!
//! ron reads about 110 MB/s on the build machine, so a project with half a million
//! observations and 20,000 actions (74 MB) took 600 ms. Here:
//! - the [`scan`](super::scan) reads each observation list written the usual way with a
//!   reader made for that one shape, several times faster than ron;
//! - meanwhile a second thread has ron parse the top-level `action_plans` list, found where
//!   the writer puts it; the scan later checks that the guess was right;
//! - ron parses what is left (about 2 % of the text) with those lists emptied, and the lists
//!   read ahead are put back in their places ([`read_ahead`]).
//!
//! The result is the same `Project` ron alone would give: anything unexpected (a guess that
//! the scan does not confirm, a list the reader cannot read, any error) gives `None`, and the
//! caller reads the file with ron alone, which also gives its error messages their positions.

use super::{ron_options, scan};
use crate::model::{ActionPlan, Project, read_ahead};
use std::ops::Range;

/// A top-level `action_plans` value at least this long is parsed on a second thread.
const PLANS_ON_THREAD: usize = 256 * 1024;

/// The project in `text`, read the fast way; `None` when ron alone must read it.
pub fn parse(text: &str) -> Option<Project> {
    parse_with(text, PLANS_ON_THREAD)
}

/// [`parse`] with the size from which the plans are parsed on a second thread (0 for always:
/// tests use it to take that path on small files).
pub fn parse_with(text: &str, plans_on_thread: usize) -> Option<Project> {
    std::thread::scope(|threads| {
        // The second thread finds the plans as well as parsing them: the search runs over
        // tens of megabytes, and this thread has the scan to do meanwhile.
        let worker = (text.len() >= plans_on_thread).then(|| {
            threads.spawn(move || {
                let guess = guess_plans(text).filter(|r| r.len() >= plans_on_thread)?;
                let plans = ron_options()
                    .from_str::<Vec<ActionPlan>>(&text[guess.clone()])
                    .ok()?;
                Some((guess, plans))
            })
        });
        let scan = scan::scan(text);
        let plans = worker.and_then(|w| w.join().ok().flatten());
        let scan = scan?;
        let plans = plans.filter(|(guess, _)| scan.plans.as_ref() == Some(guess));

        let mut cut: Vec<Range<usize>> = scan
            .lists
            .iter()
            .filter(|l| l.read.is_some())
            .map(|l| l.range.clone())
            .collect();
        if let Some((r, _)) = &plans {
            if cut.iter().any(|c| c.start < r.end && r.start < c.end) {
                return None;
            }
            let at = cut.partition_point(|c| c.start < r.start);
            cut.insert(at, r.clone());
        }
        let shorter = emptied(text, &cut);
        let lists = scan.lists.into_iter().map(|l| l.read).collect();
        let (project, all_taken) =
            read_ahead::with_lists(lists, || ron_options().from_str::<Project>(&shorter));
        let mut project = project.ok().filter(|_| all_taken)?;
        if let Some((_, plans)) = plans {
            if !project.action_plans.is_empty() {
                return None;
            }
            project.action_plans = plans;
        }
        Some(project)
    })
}

/// Where the writer puts the top-level `action_plans` list: from the `[` after
/// `\n  action_plans: ` to the first `]` at the start of a line indented by two spaces.
fn guess_plans(text: &str) -> Option<Range<usize>> {
    const KEY: &[u8] = b"\n  action_plans: [";
    const END: &[u8] = b"\n  ]";
    let b = text.as_bytes();
    let start = memchr::memmem::rfind(b, KEY)? + KEY.len() - 1;
    let end = start + memchr::memmem::find(&b[start..], END)? + END.len();
    Some(start..end)
}

/// `text` with each of the (sorted, disjoint) ranges replaced by `[]`.
fn emptied(text: &str, cut: &[Range<usize>]) -> String {
    let removed: usize = cut.iter().map(|r| r.len()).sum();
    let mut out = String::with_capacity(text.len() - removed + 2 * cut.len());
    let mut from = 0;
    for r in cut {
        out.push_str(&text[from..r.start]);
        out.push_str("[]");
        from = r.end;
    }
    out.push_str(&text[from..]);
    out
}
