//! Reading a project's text: one mechanism for every file.
//!
//! 1. [`split`](super::split) checks that brackets, strings and comments balance (a file whose
//!    brackets do not is reported there, precisely, and read no further) and cuts each
//!    top-level list (`measures: [ … ]`) into its items. Each item is handed to the other
//!    cores as soon as it is cut, and parsed there, with the file's extensions (read from its
//!    first lines), while the pass goes on: first by the [fast reader](super::fast_ron), a
//!    serde deserializer for the RON the app writes (four to five times quicker than ron's
//!    parser); when it declines (a construct it does not read, an extension other than
//!    `implicit_some`, any error at all), ron parses the item as if the fast reader did not
//!    exist. What the fast reader reads, it reads as ron does, so a file means the same either
//!    way, and every problem is ron's, with ron's message and position.
//! 2. The rest of the file, with those lists emptied (the *frame*: the programme, the file's
//!    `#![enable(…)]` extensions and every field outside the lists), is parsed the same way
//!    (the fast reader, then ron); then every core helps with the items still waiting.
//! 3. An item that fails is read again without the innermost list entry holding the error (an
//!    observation, an action), so that every problem in it is found, not only the first.
//! 4. Each error's position inside its item is mapped back to the file, and named by its path
//!    (`measures "tb" observation 3`).
//!
//! What a file means never depends on how it was cut, or on which reader read an item: each
//! item is parsed as the type its list holds, exactly as ron would parse it in place, and a
//! list whose field is not known here is simply left in the frame for ron to read with the
//! rest.

use super::fast_ron::FastRon;
use super::limits::{MAX_PROBLEMS, MAX_PROBLEMS_PER_ITEM};
use super::split::{Split, TopList, split};
use super::{lexer, locate, messages};
use crate::model::{
    ActionPlan, AreaOfNeed, Measure, Mission, Outcome, Pledge, Priority, Project, Source, Voice,
};
use ron::error::SpannedError;
use std::borrow::Cow;
use std::ops::Range;
use std::sync::{Mutex, mpsc};

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

            /// The item in `text`: read by the fast reader when it can, else by ron.
            fn read(self, text: &str, options: &Options) -> Result<Item, SpannedError> {
                match self {
                    $(Kind::$ty => match options.fast.and_then(|f| f.from_str::<$ty>(text)) {
                        Some(x) => Ok(Item::$ty(x)),
                        None => match attribute_at_start(text) {
                            // ron reads a `#` that begins a text as the start of its
                            // attributes; in the list it is where the item's `(` should be.
                            Some(at) => Err(SpannedError {
                                code: ron::Error::ExpectedNamedStructLike(stringify!($ty)),
                                span: ron::error::Span { start: at, end: at },
                            }),
                            None => options.ron.from_str::<$ty>(text).map(Item::$ty),
                        },
                    },)*
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

/// How items are parsed: ron with the file's extensions, and the fast reader first when it
/// handles them.
struct Options {
    ron: ron::Options,
    fast: Option<FastRon>,
}

/// Where an item's text begins with `#` (after white space), as ron counts lines and columns.
fn attribute_at_start(text: &str) -> Option<ron::error::Position> {
    let rest = text.trim_start();
    if !rest.starts_with('#') {
        return None;
    }
    let skipped = &text[..text.len() - rest.len()];
    let line = 1 + skipped.matches('\n').count();
    let col = 1 + skipped.rsplit('\n').next().map_or(0, |l| l.chars().count());
    Some(ron::error::Position { line, col })
}

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

/// An item to parse: its list's name and `[` (which orders the lists), its number, its text.
struct Task<'a> {
    kind: Kind,
    list: &'a str,
    open: usize,
    n: usize,
    range: Range<usize>,
}

/// An item parsed, with its place: its list's `[` and its number.
type Parsed = ((usize, usize), Result<Item, Vec<Found>>);

/// Read the project in `text` (no validation).
pub fn read(text: &str) -> Result<Project, Unread> {
    // The extensions are read from the file's first lines, so that items can be parsed while
    // the rest of the file is still being cut.
    let options = match ron::Deserializer::from_str_with_options(text, &super::ron_options()) {
        Ok(d) => Options {
            ron: ron::Options::default().with_default_extension(d.extensions()),
            fast: FastRon::for_extensions(d.extensions()),
        },
        Err(e) => return Err(Unread::At(vec![problem_in(text, &e)], false)),
    };
    let helpers = match text.len() >= PARALLEL_FROM_BYTES {
        true => std::thread::available_parallelism().map_or(0, |n| n.get() - 1),
        false => 0,
    };
    let (to_parse, tasks) = mpsc::channel::<Task>();
    let tasks = Mutex::new(tasks);
    // Parse items until every one has been cut and taken.
    let parse_items = || {
        let mut done: Vec<Parsed> = Vec::new();
        while let Ok(t) = tasks.lock().map_or(Err(mpsc::RecvError), |r| r.recv()) {
            let read = read_item(text, t.kind, t.list, t.n, t.range, &options);
            done.push(((t.open, t.n), read));
        }
        done
    };
    std::thread::scope(|s| {
        let helpers: Vec<_> = (0..helpers).map(|_| s.spawn(parse_items)).collect();
        let split = split(text, |list, open, n, range| {
            if let Some(kind) = Kind::of(list) {
                let _ = to_parse.send(Task {
                    kind,
                    list,
                    open,
                    n,
                    range,
                });
            }
        });
        drop(to_parse);
        let framed = split.map(|split| {
            let frame = Frame::new(text, &split);
            let read = read_frame(&frame.text, &options.ron);
            (split, frame, read)
        });
        let mut done = parse_items();
        for h in helpers {
            // A helper that panicked passes its panic on: nothing is caught here.
            done.extend(h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)));
        }
        let (split, frame, read) = framed.map_err(|broken| broken_problem(text, &broken))?;
        done.sort_unstable_by_key(|(at, _)| *at);
        assemble(read, done, &split, &frame, &options.ron)
    })
}

/// The items of the top-level lists that are read item by item, each with its list's name,
/// as the loader cuts them; `None` when the text's brackets do not balance. For tests.
pub fn items(text: &str) -> Option<Vec<(&str, &str)>> {
    let mut items = Vec::new();
    split(text, |list, _, _, range| {
        if Kind::of(list).is_some() {
            items.push((list, &text[range]));
        }
    })
    .ok()?;
    Some(items)
}

/// The frame's project: by the fast reader (after the `#![enable(…)]` attributes, which ron
/// reads) when it can, else by ron.
fn read_frame(frame: &str, options: &ron::Options) -> Result<Project, SpannedError> {
    if let Ok(d) = ron::Deserializer::from_str_with_options(frame, options)
        && let Some(fast) = FastRon::for_extensions(d.extensions())
        && let Some(project) = fast.from_str::<Project>(d.remainder())
    {
        return Ok(project);
    }
    options.from_str::<Project>(frame)
}

/// The problem of a text whose structure does not balance.
fn broken_problem(text: &str, broken: &super::split::Broken) -> Unread {
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
}

/// The project from the frame and the items, or every problem found, in file order.
fn assemble(
    read: Result<Project, SpannedError>,
    done: Vec<Parsed>,
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
    let project = read.map_err(|e| found.push(frame.problem(&e))).ok();
    let mut items = Vec::with_capacity(done.len());
    for (_, d) in done {
        match d {
            Ok(item) => items.push(item),
            Err(f) => found.extend(f),
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
    list: &str,
    n: usize,
    range: Range<usize>,
    options: &Options,
) -> Result<Item, Vec<Found>> {
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
        let mut here = locate::offset_of(&current, error.span.start.line, error.span.start.col);
        // A value that does not begin as it should: ron reading the item alone names the
        // item's first byte. Reading the whole file, it names the same place for a list's
        // first item, but has skipped the white space and comments after a comma.
        if n > 0 {
            here = here.max(lexer::skip_blank(current.as_bytes(), 0));
        }
        let at = cuts
            .iter()
            .rev()
            .fold(here, |x, &(p, len)| if x >= p { x + len } else { x });
        found.push(Found {
            at: range.start + at,
            path: item_path(item, list, n, at),
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

/// A parser error in the text's first lines (its `#![enable(…)]` attributes).
fn problem_in(text: &str, e: &SpannedError) -> Found {
    let at = locate::offset_of(text, e.span.start.line, e.span.start.col);
    Found {
        at,
        path: String::new(),
        message: messages::describe(&e.code, text, at),
    }
}

/// The path of byte `at` of `item`, the `n`th of `list`: the list and the item's name, then
/// the path inside it (`measures "tb" observation 3`, `measures[4]`).
fn item_path(item: &str, list: &str, n: usize, at: usize) -> String {
    // Names are cut short: an id may be any text, thousands of characters long.
    let head = match locate::item_name(item, 0..item.len()) {
        Some(id) => format!("{list} {:?}", crate::format::cut_chars(id, 40)),
        None => format!("{list}[{}]", n + 1),
    };
    let inside = locate::locate(item, 0..item.len(), at).path;
    std::iter::once(head)
        .chain(
            inside
                .into_iter()
                .map(|p| crate::format::cut_chars(&p, 60).into_owned()),
        )
        .collect::<Vec<_>>()
        .join(" ")
}

impl Frame {
    /// The text with the lists that are read item by item emptied.
    fn new(text: &str, split: &Split) -> Frame {
        let lists: Vec<&TopList> = split
            .lists
            .iter()
            .filter(|l| Kind::of(l.name).is_some())
            .collect();
        let removed: usize = lists.iter().map(|l| l.close - l.open - 1).sum();
        let mut frame = String::with_capacity(text.len() - removed);
        let mut runs = vec![(0, 0)];
        let mut from = 0;
        for l in lists {
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
        let top = split(&self.text, |_, _, _, _| {}).ok().and_then(|s| s.top);
        let path = top.map_or(Vec::new(), |(open, close)| {
            locate::locate(&self.text, open..close + 1, here).path
        });
        Found {
            at: self.to_text(here),
            path: path
                .iter()
                .map(|p| crate::format::cut_chars(p, 60))
                .collect::<Vec<_>>()
                .join(" "),
            message: messages::describe(&e.code, &self.text, here),
        }
    }
}
