//! Reading a project's text: one mechanism for every file.
//!
//! 1. [`split`](super::split) checks that brackets, strings and comments balance (a file whose
//!    brackets do not is reported there, precisely, and read no further) and cuts each
//!    top-level list (`measures: [ … ]`) into its items.
//! 2. The rest of the file, with those lists emptied (the *frame*: the programme, the file's
//!    `#![enable(…)]` extensions and every field outside the lists), and every item are parsed
//!    by ron, with the file's extensions, on all cores, largest first.
//! 3. An item that fails is read again without the innermost list entry holding the error (an
//!    observation, an action), so that every problem in it is found, not only the first.
//! 4. Each error's position inside its item is mapped back to the file, and named by its path
//!    (`measures "tb" observation 3`).
//!
//! What a file means never depends on how it was cut: each item is parsed as the type its list
//! holds, exactly as ron would parse it in place, and a list whose field is not known here is
//! simply left in the frame for ron to read with the rest.

use super::limits::{MAX_PROBLEMS, MAX_PROBLEMS_PER_ITEM};
use super::split::{Split, TopList, split};
use super::{locate, messages};
use crate::model::{
    ActionPlan, AreaOfNeed, Measure, Mission, Outcome, Pledge, Priority, Project, Source, Voice,
};
use ron::error::SpannedError;
use std::borrow::Cow;
use std::sync::atomic::{AtomicUsize, Ordering};

/// A file smaller than this is read on one thread: starting threads would cost more.
const PARALLEL_FROM_BYTES: usize = 256 * 1024;

/// One problem, by its byte offset in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub at: usize,
    /// Where in the project (`measures "tb" observation 3`); empty at the top level.
    pub path: String,
    pub message: String,
}

/// Why a text could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unread {
    /// Problems at places in the text, in file order (at most [`MAX_PROBLEMS`]), and whether
    /// there were more.
    At(Vec<Found>, bool),
    /// The file says it is a newer format than this build reads.
    Newer(u64),
}

macro_rules! top_lists {
    ($($field:ident: $ty:ident),* $(,)?) => {
        /// The kind of item a top-level list holds.
        #[derive(Debug, Clone, Copy)]
        enum Kind { $($ty),* }

        /// One item of a top-level list, read.
        enum Item { $($ty($ty)),* }

        impl Kind {
            /// The kind of the items of the top-level list `name`.
            fn of(name: &str) -> Option<Kind> {
                match name {
                    $(stringify!($field) => Some(Kind::$ty),)*
                    _ => None,
                }
            }

            fn read(self, text: &str, options: &ron::Options) -> Result<Item, SpannedError> {
                match self {
                    $(Kind::$ty => options.from_str::<$ty>(text).map(Item::$ty),)*
                }
            }
        }

        impl Item {
            fn put_into(self, project: &mut Project) {
                match self {
                    $(Item::$ty(x) => project.$field.push(x),)*
                }
            }
        }

        /// The top-level lists read item by item.
        pub const TOP_LISTS: &[&str] = &[$(stringify!($field)),*];
    };
}

top_lists!(
    sources: Source,
    priorities: Priority,
    needs: AreaOfNeed,
    outcomes: Outcome,
    voices: Voice,
    measures: Measure,
    action_plans: ActionPlan,
    pledges: Pledge,
    missions: Mission,
);

/// Only the version, read from the frame when the file has problems, so that a newer file is
/// refused for that reason rather than for a field it adds.
#[derive(serde::Deserialize)]
struct VersionProbe {
    format_version: Option<u64>,
}

/// The text with the chosen lists emptied, and how its offsets map back to the text's.
struct Frame {
    text: String,
    /// Where each copied run starts in the frame and in the text, in order.
    runs: Vec<(usize, usize)>,
}

/// One piece of parsing work.
enum Job<'a> {
    /// The frame, of this many bytes.
    Frame(usize),
    Item {
        kind: Kind,
        list: &'a TopList,
        n: usize,
    },
}

impl Job<'_> {
    /// How much text the job parses.
    fn weight(&self) -> usize {
        match self {
            Job::Frame(len) => *len,
            Job::Item { list, n, .. } => list.items[*n].len(),
        }
    }
}

enum Done {
    Frame(Result<Project, Found>),
    Item(Result<Item, Vec<Found>>),
}

/// Read the project in `text` (no validation).
pub fn read(text: &str) -> Result<Project, Unread> {
    let split = split(text).map_err(|broken| {
        let place = |at: usize| {
            let (line, col) = locate::line_cols(text, &[at])[0];
            format!("line {line}, column {col}")
        };
        let found = Found {
            at: broken.at(),
            path: String::new(),
            message: broken.message(text, place),
        };
        Unread::At(vec![found], false)
    })?;
    let chosen: Vec<(Kind, &TopList)> = split
        .lists
        .iter()
        .filter_map(|l| Some((Kind::of(&l.name)?, l)))
        .collect();
    let frame = Frame::new(text, &chosen);
    let options = match ron::Deserializer::from_str_with_options(&frame.text, &super::ron_options())
    {
        Ok(d) => ron::Options::default().with_default_extension(d.extensions()),
        Err(e) => return Err(Unread::At(vec![frame.problem(&e)], false)),
    };

    let mut jobs = vec![Job::Frame(frame.text.len())];
    for &(kind, list) in &chosen {
        jobs.extend((0..list.items.len()).map(|n| Job::Item { kind, list, n }));
    }
    let done = run_all(&jobs, text.len() >= PARALLEL_FROM_BYTES, |job| match job {
        Job::Frame(_) => Done::Frame(
            options
                .from_str::<Project>(&frame.text)
                .map_err(|e| frame.problem(&e)),
        ),
        Job::Item { kind, list, n } => Done::Item(read_item(text, *kind, list, *n, &options)),
    });
    assemble(done, &split, &frame, &options)
}

/// Run `work` on every job, on every core when `parallel`, largest job first; the results in
/// the jobs' order.
fn run_all<'a, T: Send>(
    jobs: &'a [Job<'a>],
    parallel: bool,
    work: impl Fn(&'a Job<'a>) -> T + Sync,
) -> Vec<T> {
    let threads = match parallel {
        true => std::thread::available_parallelism().map_or(1, |n| n.get().min(jobs.len())),
        false => 1,
    };
    if threads <= 1 {
        return jobs.iter().map(work).collect();
    }
    let mut order: Vec<usize> = (0..jobs.len()).collect();
    order.sort_by_key(|&k| std::cmp::Reverse(jobs[k].weight()));
    let next = AtomicUsize::new(0);
    let mut done: Vec<(usize, T)> = std::thread::scope(|s| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                s.spawn(|| {
                    let mut mine = Vec::new();
                    while let Some(&k) = order.get(next.fetch_add(1, Ordering::Relaxed)) {
                        mine.push((k, work(&jobs[k])));
                    }
                    mine
                })
            })
            .collect();
        // A worker that panicked passes its panic on: nothing is caught here.
        workers
            .into_iter()
            .flat_map(|w| w.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    });
    done.sort_unstable_by_key(|(k, _)| *k);
    done.into_iter().map(|(_, t)| t).collect()
}

/// The project from the frame and the items, or every problem found, in file order.
fn assemble(
    done: Vec<Done>,
    split: &Split,
    frame: &Frame,
    options: &ron::Options,
) -> Result<Project, Unread> {
    let mut found: Vec<Found> = split
        .empty_items
        .iter()
        .map(|&at| Found {
            at,
            path: String::new(),
            message: "a comma with no item before it".into(),
        })
        .collect();
    let mut project = None;
    let mut items = Vec::with_capacity(done.len());
    for d in done {
        match d {
            Done::Frame(Ok(p)) => project = Some(p),
            Done::Frame(Err(f)) => found.push(f),
            Done::Item(Ok(item)) => items.push(item),
            Done::Item(Err(f)) => found.extend(f),
        }
    }
    match project {
        Some(mut project) if found.is_empty() => {
            for item in items {
                item.put_into(&mut project);
            }
            Ok(project)
        }
        _ => {
            if let Ok(VersionProbe {
                format_version: Some(v),
            }) = options.from_str(&frame.text)
                && v > u64::from(crate::model::FORMAT_VERSION)
            {
                return Err(Unread::Newer(v));
            }
            found.sort_by_key(|f| f.at);
            let more = found.len() > MAX_PROBLEMS;
            found.truncate(MAX_PROBLEMS);
            Err(Unread::At(found, more))
        }
    }
}

/// Read one item; when it fails, every problem in it (up to [`MAX_PROBLEMS_PER_ITEM`]): each
/// time, the innermost list entry holding the error is cut out and the item read again.
fn read_item(
    text: &str,
    kind: Kind,
    list: &TopList,
    n: usize,
    options: &ron::Options,
) -> Result<Item, Vec<Found>> {
    let range = list.items[n].clone();
    let item = &text[range.clone()];
    let mut error = match kind.read(item, options) {
        Ok(read) => return Ok(read),
        Err(e) => e,
    };
    let mut found = Vec::new();
    let mut current: Cow<str> = item.into();
    // What was cut: where (in the text as it was then) and how many bytes.
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    loop {
        let here = locate::offset_of(&current, error.span.start.line, error.span.start.col);
        let at = cuts
            .iter()
            .rev()
            .fold(here, |x, &(p, len)| if x >= p { x + len } else { x });
        found.push(Found {
            at: range.start + at,
            path: item_path(item, &list.name, n, at),
            message: messages::describe(&error.code, item, at),
        });
        if found.len() >= MAX_PROBLEMS_PER_ITEM {
            break;
        }
        let Some(cut) = locate::locate(&current, 0..current.len(), here).innermost_item else {
            break;
        };
        let mut shorter = String::with_capacity(current.len() - cut.len());
        shorter.push_str(&current[..cut.start]);
        shorter.push_str(&current[cut.end..]);
        cuts.push((cut.start, cut.len()));
        current = shorter.into();
        match kind.read(&current, options) {
            Ok(_) => break,
            Err(e) => error = e,
        }
    }
    Err(found)
}

/// The path of byte `at` of `item`, the `n`th of `list`: the list and the item's name, then
/// the path inside it (`measures "tb" observation 3`, `measures[4]`).
fn item_path(item: &str, list: &str, n: usize, at: usize) -> String {
    let head = match locate::item_name(item, 0..item.len()) {
        Some(id) => format!("{list} {id:?}"),
        None => format!("{list}[{}]", n + 1),
    };
    let inside = locate::locate(item, 0..item.len(), at).path;
    std::iter::once(head)
        .chain(inside)
        .collect::<Vec<_>>()
        .join(" ")
}

impl Frame {
    fn new(text: &str, lists: &[(Kind, &TopList)]) -> Frame {
        let removed: usize = lists.iter().map(|(_, l)| l.close - l.open - 1).sum();
        let mut frame = String::with_capacity(text.len() - removed);
        let mut runs = vec![(0, 0)];
        let mut from = 0;
        for (_, l) in lists {
            frame.push_str(&text[from..=l.open]);
            from = l.close;
            runs.push((frame.len(), from));
        }
        frame.push_str(&text[from..]);
        Frame { text: frame, runs }
    }

    /// The text's offset for one in the frame.
    fn to_text(&self, at: usize) -> usize {
        let k = self.runs.partition_point(|(f, _)| *f <= at) - 1;
        let (f, t) = self.runs[k];
        t + (at - f)
    }

    /// A parser error in the frame, placed in the text.
    fn problem(&self, e: &SpannedError) -> Found {
        let here = locate::offset_of(&self.text, e.span.start.line, e.span.start.col);
        let top = super::split::split(&self.text).ok().and_then(|s| s.top);
        let path = top.map_or(Vec::new(), |(open, close)| {
            locate::locate(&self.text, open..close + 1, here).path
        });
        Found {
            at: self.to_text(here),
            path: path.join(" "),
            message: messages::describe(&e.code, &self.text, here),
        }
    }
}
