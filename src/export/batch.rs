//! Many independent pictures at once (every chart, every slide), drawn on every core.
//!
//! Each worker thread takes the next picture from a shared counter, so a slow picture
//! never holds up the others, and reports each one done through a progress callback that
//! the window can show as a bar and the command line as a count. Results come back in the
//! order of the work list, so the files written do not depend on the number of threads.

use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// How many threads draw `count` pictures: `requested` if given (at least 1), otherwise
/// one per core; never more than there are pictures.
pub fn threads(requested: Option<usize>, count: usize) -> usize {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    requested.unwrap_or(cores).max(1).min(count.max(1))
}

/// Run `work` on every item with `threads` threads, calling `progress(done, total)` after
/// each item finishes (from the thread that finished it). Returns the results in item
/// order, or the first error (the remaining items are then not started).
pub fn run<T, R, W, P>(items: &[T], threads: usize, progress: &P, work: W) -> Result<Vec<R>, String>
where
    T: Sync,
    R: Send,
    W: Fn(&T) -> Result<R, String> + Sync,
    P: Fn(usize, usize) + Sync + ?Sized,
{
    let total = items.len();
    let next = AtomicUsize::new(0);
    let done = AtomicUsize::new(0);
    let failed = AtomicBool::new(false);
    let first_error: Mutex<Option<(usize, String)>> = Mutex::new(None);
    let results: Mutex<Vec<Option<R>>> = Mutex::new((0..total).map(|_| None).collect());
    let worker = || {
        // The batch keeps every core busy: each picture is encoded on its own thread.
        let _one_core = super::png::one_core_per_picture();
        while !failed.load(Ordering::Relaxed) {
            let i = next.fetch_add(1, Ordering::Relaxed);
            if i >= total {
                break;
            }
            match work(&items[i]) {
                Ok(r) => {
                    results.lock().unwrap_or_else(|e| e.into_inner())[i] = Some(r);
                    progress(done.fetch_add(1, Ordering::Relaxed) + 1, total);
                }
                Err(e) => {
                    failed.store(true, Ordering::Relaxed);
                    let mut first = first_error.lock().unwrap_or_else(|e| e.into_inner());
                    // Report the error of the earliest item, as a run on one thread would.
                    if first.as_ref().is_none_or(|(j, _)| i < *j) {
                        *first = Some((i, e));
                    }
                }
            }
        }
    };
    let threads = threads.clamp(1, total.max(1));
    if threads == 1 {
        worker();
    } else {
        std::thread::scope(|s| {
            for _ in 0..threads {
                s.spawn(worker);
            }
        });
    }
    if let Some((_, e)) = first_error.into_inner().unwrap_or_else(|e| e.into_inner()) {
        return Err(e);
    }
    Ok(results
        .into_inner()
        .unwrap_or_else(|e| e.into_inner())
        .into_iter()
        .map(|r| r.expect("every item ran"))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_back_in_order_whatever_the_threads() {
        let items: Vec<u64> = (0..200).collect();
        for n in [1, 2, 7] {
            let seen = AtomicUsize::new(0);
            let out = run(
                &items,
                n,
                &|done, total| {
                    assert!(done <= total && total == 200);
                    seen.fetch_add(1, Ordering::Relaxed);
                },
                |&i| Ok(i * i),
            )
            .unwrap();
            assert_eq!(out, items.iter().map(|i| i * i).collect::<Vec<_>>());
            assert_eq!(seen.load(Ordering::Relaxed), 200, "one report per item");
        }
    }

    #[test]
    fn the_first_failing_item_is_reported() {
        let items: Vec<u32> = (0..50).collect();
        for n in [1, 4] {
            let err = run(&items, n, &|_, _| {}, |&i| {
                if i == 7 || i == 30 {
                    Err(format!("item {i} failed"))
                } else {
                    Ok(i)
                }
            })
            .unwrap_err();
            assert_eq!(err, "item 7 failed");
        }
    }

    #[test]
    fn thread_counts_are_sensible() {
        assert_eq!(threads(Some(0), 10), 1);
        assert_eq!(threads(Some(8), 3), 3);
        assert_eq!(threads(Some(2), 0), 1);
        assert!(threads(None, 100) >= 1);
    }
}
