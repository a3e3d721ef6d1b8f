//! Unsaved edits written aside every minute and when the window loses focus, so that a
//! crash, a power cut or a kill loses at most a minute of work; recoveries left behind
//! offered when the app starts. The project file itself is never written unasked.

use super::OutcomeApp;
use crate::document::Document;
use crate::recovery::{self, Recovered, RecoveryKey, RecoveryStore};
use egui::RichText;
use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// How often unsaved edits are written to the recovery file.
pub const AUTOSAVE_EVERY: Duration = Duration::from_secs(60);

/// The app's recovery files: where they go, what has been written, what to offer.
#[derive(Default)]
pub(super) struct Recovery {
    store: Option<RecoveryStore>,
    /// The key of the current document while it has no file.
    untitled: Option<RecoveryKey>,
    /// The recovery file holding the current document's edits, and the revision written.
    written: Option<(RecoveryKey, u64)>,
    /// When the edits not yet written began, or were last written.
    since: Option<Instant>,
    /// A write on another thread, and the revision it holds.
    in_flight: Option<(Written, RecoveryKey, u64)>,
    /// Recoveries left by earlier runs, offered one at a time.
    offers: VecDeque<Offer>,
    /// Why the last write failed, shown once in the status line.
    pub failed: Option<String>,
    /// How often edits are written ([`AUTOSAVE_EVERY`] unless set).
    every: Option<Duration>,
}

/// Where a write on another thread put the edits, or why it could not.
type Written = mpsc::Receiver<Result<PathBuf, String>>;

/// A recovery to offer: what it holds and how it differs from the file on disk.
struct Offer {
    recovered: Recovered,
    differences: Vec<String>,
    /// The file changed on disk after the edits began.
    file_moved_on: bool,
}

/// The user's answer to a recovery offer.
enum Answer {
    Recover,
    Discard,
    Later,
}

impl Recovery {
    fn key(&mut self, doc: &Document) -> RecoveryKey {
        match doc.path() {
            Some(p) => RecoveryKey::for_path(p),
            None => self
                .untitled
                .get_or_insert_with(RecoveryKey::untitled)
                .clone(),
        }
    }

    /// Wait for a write under way, so that nothing is written after it is removed.
    fn settle(&mut self) {
        if let Some((rx, _, _)) = &self.in_flight {
            let result = rx
                .recv()
                .unwrap_or_else(|_| Err("the writer stopped".into()));
            self.finish(result);
        }
    }

    /// Take the result of the write under way.
    fn finish(&mut self, result: Result<PathBuf, String>) {
        if let Some((_, key, revision)) = self.in_flight.take() {
            match result {
                Ok(_) => self.written = Some((key, revision)),
                Err(e) => self.failed = Some(e),
            }
        }
    }

    /// Remove the current document's recovery file (saved, or the user said not to keep the
    /// edits).
    fn forget(&mut self) {
        self.settle();
        if let (Some(store), Some((key, _))) = (&self.store, self.written.take()) {
            let _ = store.remove(&key);
        }
        self.since = None;
    }
}

impl OutcomeApp {
    /// Keep recovery files in `folder` (the app's data folder), and offer those that runs
    /// of the app which ended without closing left there.
    pub fn use_recovery_folder(&mut self, folder: PathBuf) {
        let store = RecoveryStore::new(folder);
        for info in store.left_behind() {
            let Ok(recovered) = store.read(&info.file) else {
                continue;
            };
            let on_disk = info
                .project_path
                .as_deref()
                .and_then(|p| crate::file::load(p).ok());
            let file_moved_on = match (&info.base, &info.project_path) {
                (Some(base), Some(p)) => base
                    .compare(p, crate::file::Check::Thorough)
                    .map_or(true, |s| s != crate::file::DiskState::Same),
                _ => false,
            };
            let differences = recovery::differences(on_disk.as_ref(), &recovered.project);
            self.recovery.offers.push_back(Offer {
                recovered,
                differences,
                file_moved_on,
            });
        }
        self.recovery.store = Some(store);
    }

    /// The recovery file the current document's edits were last written to, if any (waiting
    /// for a write under way).
    pub fn recovery_file(&mut self) -> Option<PathBuf> {
        self.recovery.settle();
        let store = self.recovery.store.as_ref()?;
        self.recovery
            .written
            .as_ref()
            .map(|(k, _)| store.path_of(k))
    }

    /// Write unsaved edits every `interval` instead of every [`AUTOSAVE_EVERY`].
    pub fn set_autosave_interval(&mut self, interval: Duration) {
        self.recovery.every = Some(interval);
    }

    /// Write the unsaved edits now (as when the window loses focus), and wait for it.
    pub fn write_recovery_now(&mut self) {
        self.autosave(true);
        self.recovery.settle();
    }

    /// Each frame: write unsaved edits when a minute has passed since they began or were
    /// last written, or at once if `now`; remove the recovery once nothing is unsaved.
    pub(super) fn autosave(&mut self, now: bool) -> Option<Duration> {
        self.recovery.store.as_ref()?;
        if let Some((rx, _, _)) = &self.recovery.in_flight {
            let result = match rx.try_recv() {
                Err(mpsc::TryRecvError::Empty) => return Some(Duration::from_millis(100)),
                Err(mpsc::TryRecvError::Disconnected) => Err("the writer stopped".into()),
                Ok(result) => result,
            };
            self.recovery.finish(result);
        }
        if let Some(e) = self.recovery.failed.take() {
            self.set_status(format!("Unsaved edits could not be written aside: {e}"));
        }
        let key = self.recovery.key(&self.doc);
        // The document was saved under another name, or replaced: its old recovery goes.
        if self
            .recovery
            .written
            .as_ref()
            .is_some_and(|(k, _)| *k != key)
        {
            self.recovery.forget();
        }
        if !self.has_unsaved_work() {
            self.recovery.forget();
            return None;
        }
        let revision = self.doc.revision();
        if self
            .recovery
            .written
            .as_ref()
            .is_some_and(|(_, r)| *r == revision)
        {
            return None;
        }
        let since = *self.recovery.since.get_or_insert_with(Instant::now);
        let due = since + self.recovery.every.unwrap_or(AUTOSAVE_EVERY);
        if !now && Instant::now() < due {
            return Some(due - Instant::now());
        }
        self.start_recovery_write(key, revision);
        None
    }

    fn start_recovery_write(&mut self, key: RecoveryKey, revision: u64) {
        let Some(store) = self.recovery.store.clone() else {
            return;
        };
        let path = self.doc.path().map(|p| p.to_path_buf());
        let base = self.doc.on_disk().copied();
        let project = self.doc.project().clone();
        let (send, rx) = mpsc::channel();
        let write_key = key.clone();
        let spawned = std::thread::Builder::new()
            .name("recovery".into())
            .spawn(move || {
                let _ =
                    send.send(store.write(&write_key, path.as_deref(), base.as_ref(), &project));
            });
        if spawned.is_ok() {
            self.recovery.in_flight = Some((rx, key, revision));
            self.recovery.since = Some(Instant::now());
        }
    }

    /// The document is being replaced or the window closed after the user saved or chose
    /// not to keep the edits: its recovery goes.
    pub(super) fn forget_recovery(&mut self) {
        self.recovery.forget();
        self.recovery.untitled = None;
    }

    /// Write the current edits under a key of their own, kept until the next start (the user
    /// reloaded the file over them). Returns where, or why not.
    pub(super) fn set_edits_aside(&mut self) -> Result<PathBuf, String> {
        let store = self
            .recovery
            .store
            .clone()
            .ok_or("there is no folder for recovery files")?;
        let key = RecoveryKey::set_aside(self.doc.path());
        store.write(
            &key,
            self.doc.path(),
            self.doc.on_disk(),
            self.doc.project(),
        )
    }

    /// The offer of a recovery left behind, if any is waiting. Returns true while it is shown.
    pub(super) fn recovery_offer(&mut self, ui: &mut egui::Ui) -> bool {
        let Some(offer) = self.recovery.offers.front() else {
            return false;
        };
        let answer = offer_modal(ui, offer);
        let Some(answer) = answer else {
            return true;
        };
        let offer = self.recovery.offers.pop_front().expect("an offer is shown");
        let store = self.recovery.store.clone();
        match answer {
            Answer::Recover => self.recover(offer, store),
            Answer::Discard => {
                if let Some(s) = store {
                    let _ = s.remove_file(&offer.recovered.info.file);
                }
                self.set_status("Recovered edits discarded");
            }
            Answer::Later => self.set_status("The recovered edits are kept for the next start"),
        }
        true
    }

    fn recover(&mut self, offer: Offer, store: Option<RecoveryStore>) {
        let info = &offer.recovered.info;
        let path = info.project_path.clone();
        match Document::recovered(path.as_deref(), offer.recovered.project, info.base) {
            Ok(doc) => {
                self.forget_recovery();
                self.replace_document(doc);
                // Written under this run's key before the old file goes.
                self.write_recovery_now();
                if let Some(s) = store {
                    let _ = s.remove_file(&offer.recovered.info.file);
                }
                if let Some(p) = &path {
                    self.settings.remember(p);
                }
                self.set_status("Recovered unsaved edits: save to keep them");
            }
            Err(e) => self.set_status(format!("Could not recover the edits: {e}")),
        }
    }
}

/// "30 Nov 2026 at 14:05".
fn when(t: &chrono::DateTime<chrono::Local>) -> String {
    format!(
        "{} at {}",
        crate::format::date(t.date_naive()),
        t.format("%H:%M")
    )
}

fn offer_modal(ui: &mut egui::Ui, offer: &Offer) -> Option<Answer> {
    let info = &offer.recovered.info;
    let name = info
        .project_path
        .as_ref()
        .map_or("an untitled project".to_string(), |p| {
            p.display().to_string()
        });
    let mut answer = None;
    egui::Modal::new(egui::Id::unique("recovery-offer")).show(ui.ctx(), |ui| {
        ui.set_max_width(560.0);
        ui.heading("Recover unsaved edits?");
        ui.label(format!(
            "Edits to {name} that were not saved were kept when Outcome Explorer last \
             stopped without closing. They were written on {}.",
            when(&info.written)
        ));
        ui.add_space(6.0);
        ui.label(RichText::new("Compared with the file on disk").strong());
        if offer.differences.is_empty() {
            ui.label("The same as the file on disk.");
        }
        for line in &offer.differences {
            ui.label(format!("• {line}"));
        }
        if offer.file_moved_on {
            ui.add_space(4.0);
            ui.label(
                "⚠ The file has changed on disk since these edits began: recovering shows \
                 the edits, and saving them asks before replacing the newer file.",
            );
        }
        ui.add_space(6.0);
        ui.label("The file on disk is not changed until you save.");
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button("Recover edits").clicked() {
                answer = Some(Answer::Recover);
            }
            if ui.button("Discard edits").clicked() {
                answer = Some(Answer::Discard);
            }
            if ui.button("Decide later").clicked() {
                answer = Some(Answer::Later);
            }
        });
    });
    answer
}
