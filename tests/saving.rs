//! Saving as real machines fail: two processes saving one file at once, a save killed at
//! a random moment, a full disk, a file the system will not let be replaced. Whatever
//! happens, the file holds one whole version and its `.bak` a whole earlier one.
//!
//! The processes are this test program run again (see [`child`]).

use outcome_explorer::file::{self, SaveOptions};
use outcome_explorer::model::Project;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Mutex;
use std::time::Duration;

/// Held by the tests that start processes and by the full-disk test: a process started by
/// another thread can hold this test's temporary file open for an instant between its start
/// and its program's (a copy of every open file), and on a disk of a few kilobytes that
/// instant is enough to find it still full after a failed save.
static PROCESSES: Mutex<()> = Mutex::new(());

/// A project whose text is about `kb` kilobytes, recognisable by `title`.
fn project(title: &str, kb: usize) -> Project {
    let mut p = Project::default();
    p.programme.title = title.into();
    p.programme.vision = "A healthy, fair and sustainable town".into();
    p.programme.horizon_year = 2040;
    p.programme.notes = format!("{title} ").repeat(kb * 1024 / (title.len() + 1));
    p
}

fn title_of(path: &Path) -> String {
    match file::load(path) {
        Ok(p) => p.programme.title,
        Err(e) => panic!("{} is not a whole project: {e}", path.display()),
    }
}

/// Names in `dir` other than the project and its backup.
fn leftovers(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != "p.ron" && n != "p.ron.bak")
        .collect()
}

/// Run this test program again as a saving process: it saves versions titled `prefix`
/// followed by 0, 1, 2, ... to `path`, `count` of them (0: until killed), printing "saved"
/// after the first.
fn spawn_saver(path: &Path, prefix: &str, count: usize, kb: usize) -> std::process::Child {
    Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "child", "--ignored", "--nocapture"])
        .env("SAVER_PATH", path)
        .env("SAVER_PREFIX", prefix)
        .env("SAVER_COUNT", count.to_string())
        .env("SAVER_KB", kb.to_string())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

/// Not a test of its own: the saving process of the other tests, started by [`spawn_saver`].
#[test]
#[ignore = "run by the other tests as a separate process"]
fn child() {
    let Some(path) = std::env::var_os("SAVER_PATH").map(PathBuf::from) else {
        return;
    };
    let prefix = std::env::var("SAVER_PREFIX").unwrap();
    let count: usize = std::env::var("SAVER_COUNT").unwrap().parse().unwrap();
    let kb: usize = std::env::var("SAVER_KB").unwrap().parse().unwrap();
    for n in 0.. {
        if count != 0 && n >= count {
            break;
        }
        file::save(&project(&format!("{prefix}{n}"), kb), &path).unwrap();
        if n == 0 {
            println!("saved");
        }
    }
}

/// A cheap random number source (the tests need variety, not quality).
struct Lcg(u64);

impl Lcg {
    fn new() -> Self {
        let seed = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos() as u64;
        Lcg(seed | 1)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

/// Two processes save one file at the same time, 50 times over: the file always holds one
/// of their versions whole, the backup a whole earlier one, and nothing is left behind.
#[test]
fn two_processes_saving_one_file_at_once() {
    let _alone = PROCESSES.lock().unwrap_or_else(|e| e.into_inner());
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    for round in 0..50 {
        file::save(&project("Original", 8), &path).unwrap();
        let mut a = spawn_saver(&path, "Alpha", 3, 8);
        let mut b = spawn_saver(&path, "Bravo", 3, 8);
        assert!(a.wait().unwrap().success(), "round {round}: a save failed");
        assert!(b.wait().unwrap().success(), "round {round}: a save failed");
        // The last save of either process, and the save before it.
        let now = title_of(&path);
        assert!(now == "Alpha2" || now == "Bravo2", "round {round}: {now}");
        let bak = title_of(&file::backup_path(&path));
        let earlier = ["Alpha1", "Alpha2", "Bravo1", "Bravo2"];
        assert!(
            earlier.contains(&bak.as_str()) && bak != now,
            "round {round}: {bak}"
        );
        assert_eq!(leftovers(dir.path()), Vec::<String>::new(), "round {round}");
    }
}

/// A save killed at a random moment, 100 times: the file is always one whole version, the
/// backup a whole earlier one, and the next save removes what the killed one left.
#[cfg(unix)]
#[test]
fn a_save_killed_at_any_moment_leaves_whole_versions() {
    let _alone = PROCESSES.lock().unwrap_or_else(|e| e.into_inner());
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    file::save(&project("R0-0", 1), &path).unwrap();
    // Versions are titled "R{round}-{n}" and never written twice, so their order is known.
    let order = |t: &str| -> (u32, u32) {
        let (r, n) = t[1..].split_once('-').unwrap();
        (r.parse().unwrap(), n.parse().unwrap())
    };
    let mut rng = Lcg::new();
    let mut mid_save = 0;
    for round in 1..=100 {
        let mut child = spawn_saver(&path, &format!("R{round}-"), 0, 96);
        // The test harness prints its own lines first.
        let out = BufReader::new(child.stdout.take().unwrap());
        let started = out.lines().any(|l| l.is_ok_and(|l| l.trim() == "saved"));
        assert!(started, "round {round}: the saving process did not start");
        std::thread::sleep(Duration::from_micros(rng.below(8000)));
        child.kill().unwrap();
        child.wait().unwrap();

        let now = title_of(&path);
        let bak = title_of(&file::backup_path(&path));
        assert!(
            order(&bak) < order(&now),
            "round {round}: file {now}, backup {bak}"
        );
        if !leftovers(dir.path()).is_empty() {
            mid_save += 1;
        }
        // The next save (or open) tidies what the killed process left.
        assert!(file::tidy(&path) <= 2);
        assert_eq!(leftovers(dir.path()), Vec::<String>::new(), "round {round}");
    }
    eprintln!("{mid_save} of 100 kills landed during a save");
    // Most kills land during a save (the process does nothing else).
    assert!(
        mid_save >= 10,
        "only {mid_save} of 100 kills landed during a save"
    );
}

/// Is this a machine where the test may mount and change file attributes (root on Linux)?
fn can_administer() -> bool {
    cfg!(target_os = "linux")
        && Command::new("id")
            .arg("-u")
            .output()
            .is_ok_and(|o| o.stdout.starts_with(b"0\n"))
}

/// A tmpfs of a few kilobytes, unmounted when dropped.
struct TinyDisk(tempfile::TempDir);

impl TinyDisk {
    fn mount(kb: usize) -> Option<Self> {
        if !can_administer() {
            return None;
        }
        let dir = tempfile::tempdir().ok()?;
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={kb}k"), "tmpfs"])
            .arg(dir.path())
            .status()
            .is_ok_and(|s| s.success());
        ok.then_some(TinyDisk(dir))
    }
    fn path(&self) -> &Path {
        self.0.path()
    }
}

impl Drop for TinyDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(self.0.path()).status();
    }
}

/// A full disk: the save fails with "the disk is full", and the file and its backup are as
/// they were, whether the new text or the copy of the previous version runs out of room.
#[test]
fn a_full_disk_leaves_the_file_and_its_backup_as_they_were() {
    let _alone = PROCESSES.lock().unwrap_or_else(|e| e.into_inner());
    let Some(disk) = TinyDisk::mount(64) else {
        eprintln!("skipped: cannot mount a small tmpfs here (needs root on Linux)");
        return;
    };
    let path = disk.path().join("p.ron");
    file::save(&project("One", 12), &path).unwrap();
    file::save(&project("Two", 12), &path).unwrap();
    let before = std::fs::read(&path).unwrap();
    let bak = std::fs::read(file::backup_path(&path)).unwrap();
    // 24 KB used of 64: a 48 KB text does not fit at all; a 20 KB one fits, but then
    // a copy of the previous 12 KB does not.
    let copying = SaveOptions {
        hard_links: false,
        ..Default::default()
    };
    for (kb, how) in [(48, SaveOptions::default()), (30, copying)] {
        let err = file::save_with(&project("Three", kb), &path, &how).unwrap_err();
        assert!(err.to_string().contains("the disk is full"), "{err}");
        assert_eq!(std::fs::read(&path).unwrap(), before);
        assert_eq!(std::fs::read(file::backup_path(&path)).unwrap(), bak);
        assert_eq!(leftovers(disk.path()), Vec::<String>::new());
    }
    // With room again, saving works.
    file::save(&project("Three", 4), &path).unwrap();
    assert_eq!(title_of(&file::backup_path(&path)), "Two");
}

/// A file the system will not let be replaced (immutable or append-only): refused, and the
/// backup is not touched.
#[test]
fn a_file_that_cannot_be_replaced_keeps_its_backup() {
    let _alone = PROCESSES.lock().unwrap_or_else(|e| e.into_inner());
    if !can_administer() {
        eprintln!("skipped: changing file attributes needs root on Linux");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    file::save(&project("One", 2), &path).unwrap();
    file::save(&project("Two", 2), &path).unwrap();
    for attr in ["+i", "+a"] {
        let set = Command::new("chattr").arg(attr).arg(&path).status();
        if !set.is_ok_and(|s| s.success()) {
            eprintln!("skipped: chattr {attr} is not supported here");
            return;
        }
        let err = file::save(&project("Three", 2), &path);
        let unset = attr.replace('+', "-");
        Command::new("chattr")
            .arg(&unset)
            .arg(&path)
            .status()
            .unwrap();
        let err = err.unwrap_err();
        assert!(err.to_string().contains("not permitted"), "{err}");
        assert_eq!(title_of(&path), "Two");
        assert_eq!(title_of(&file::backup_path(&path)), "One");
        assert_eq!(leftovers(dir.path()), Vec::<String>::new());
    }
}
