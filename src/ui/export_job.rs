//! Files written on another thread while the window stays live: the deck, every chart of the
//! dashboard. The work counts what it has done; the app shows a progress bar from that count
//! and the outcome in the status line.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

/// An export under way.
pub struct ExportJob {
    /// What is written, for the progress bar ("9 slides", "29 charts").
    pub what: String,
    /// How many pieces the work has.
    pub total: usize,
    /// How a failure begins in the error shown ("Could not export the deck").
    pub failure: String,
    done: Arc<AtomicUsize>,
    result: mpsc::Receiver<Result<String, String>>,
}

impl ExportJob {
    /// Run `work` on another thread. It is handed a function to call once per piece done, and
    /// returns the message for the status line or why it failed.
    pub fn spawn(
        what: String,
        total: usize,
        failure: &str,
        work: impl FnOnce(&(dyn Fn() + Sync)) -> Result<String, String> + Send + 'static,
    ) -> ExportJob {
        let (tx, rx) = mpsc::channel();
        let done = Arc::new(AtomicUsize::new(0));
        let counter = done.clone();
        std::thread::spawn(move || {
            let one_done = move || {
                counter.fetch_add(1, Ordering::Relaxed);
            };
            let _ = tx.send(work(&one_done));
        });
        ExportJob {
            what,
            total,
            failure: failure.to_string(),
            done,
            result: rx,
        }
    }

    /// Pieces done so far, as a fraction of the whole.
    pub fn fraction(&self) -> f32 {
        (self.done.load(Ordering::Relaxed) as f32 / self.total.max(1) as f32).min(1.0)
    }

    /// Pieces done so far.
    pub fn done(&self) -> usize {
        self.done.load(Ordering::Relaxed)
    }

    /// The outcome, once the work has finished (a message for the status line or why it
    /// failed).
    pub fn finished(&self) -> Option<Result<String, String>> {
        match self.result.try_recv() {
            Ok(r) => Some(r),
            Err(mpsc::TryRecvError::Empty) => None,
            Err(mpsc::TryRecvError::Disconnected) => {
                Some(Err("the export stopped unexpectedly".into()))
            }
        }
    }

    /// Wait for the work to end (tests).
    pub fn wait(&self) -> Result<String, String> {
        self.result
            .recv()
            .unwrap_or_else(|_| Err("the export stopped unexpectedly".into()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_count_and_the_outcome_come_back() {
        let job = ExportJob::spawn("3 things".into(), 3, "Could not", |done| {
            for _ in 0..3 {
                done();
            }
            Ok("Wrote 3".into())
        });
        assert_eq!(job.wait(), Ok("Wrote 3".into()));
        assert_eq!(job.done(), 3);
        assert_eq!(job.fraction(), 1.0);
    }
}
